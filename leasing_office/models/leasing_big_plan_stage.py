from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import vals_check
from .leasing_target_plan import TARGET_FIELDS


def is_quarter_start(day):
    return day.day == 1 and day.month in (1, 4, 7, 10)


def is_quarter_end(day):
    return (day.month, day.day) in ((3, 31), (6, 30), (9, 30), (12, 31))


class LeasingBigPlanStage(models.Model):
    """階段性計畫: one stage of leadership's plan, whole quarters, with its breakdown.

    Beside its targets it shows what the manager's plans add up to: the quarterly plans
    within the stage and the monthly plans within it.
    """

    _name = "leasing.big.plan.stage"
    _description = "Leadership Plan Stage"
    _inherit = ["leasing.form.line.mixin"]
    _line_parent_field = "plan_id"
    _order = "plan_id, date_from"

    plan_id = fields.Many2one("leasing.big.plan", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Stage", required=True)
    date_from = fields.Date(string="Stage Start", required=True)
    date_to = fields.Date(string="Stage End", required=True)
    target_contracts = fields.Integer(string="Signed Contracts Target")
    target_area = fields.Float(string="Leased Area Target (m²)")
    target_rent = fields.Float(string="Monthly Rent Target")
    quarter_contracts = fields.Integer(string="Quarters: Contracts", compute="_compute_breakdown")
    quarter_area = fields.Float(string="Quarters: Area (m²)", compute="_compute_breakdown")
    quarter_rent = fields.Float(string="Quarters: Rent", compute="_compute_breakdown")
    month_contracts = fields.Integer(string="Months: Contracts", compute="_compute_breakdown")
    month_area = fields.Float(string="Months: Area (m²)", compute="_compute_breakdown")
    month_rent = fields.Float(string="Months: Rent", compute="_compute_breakdown")
    quarter_plan_count = fields.Integer(string="Quarters Planned", compute="_compute_breakdown")
    month_plan_count = fields.Integer(string="Months Planned", compute="_compute_breakdown")

    _non_negative = models.Constraint(
        "CHECK(target_contracts >= 0 AND target_area >= 0 AND target_rent >= 0)",
        "Targets cannot be negative.",
    )

    def _compute_breakdown(self):
        Target = self.env["leasing.target.plan"].sudo()
        for stage in self:
            company = stage.plan_id.company_id
            for kind in ("quarter", "month"):
                plans = Target._current_plans(kind, stage.date_from, stage.date_to, company)
                for name in TARGET_FIELDS:
                    stage[f"{kind}_{name.removeprefix('target_')}"] = sum(plans.mapped(name))
                stage[f"{kind}_plan_count"] = len(plans)

    @api.constrains("date_from", "date_to", "plan_id")
    def _check_dates(self):
        for stage in self:
            if not (is_quarter_start(stage.date_from) and is_quarter_end(stage.date_to)):
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s must start on the first day of a quarter and end on "
                        "the last day of a quarter.",
                        stage=stage.name,
                    )
                )
            year = stage.plan_id.year
            if stage.date_from > stage.date_to or {
                stage.date_from.year,
                stage.date_to.year,
            } != {year}:
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s must lie within %(year)s.", stage=stage.name, year=year
                    )
                )
            overlapping = stage.plan_id.stage_ids.filtered(
                lambda other, s=stage: (
                    other != s and other.date_from <= s.date_to and other.date_to >= s.date_from
                )
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s overlaps stage %(other)s.",
                        stage=stage.name,
                        other=overlapping[0].name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_leader_and_numbers(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_leader_and_numbers([vals])
        return super().write(vals)

    def _check_leader_and_numbers(self, vals_list):
        self.env["leasing.big.plan"]._check_leader()
        if any(
            vals_check.number(self, vals, name) < 0 for vals in vals_list for name in TARGET_FIELDS
        ):
            raise ValidationError(self.env._("Targets cannot be negative."))

    def _is_line_locked(self, parent):
        return parent.state == "confirmed"

    def _line_locked_message(self, parent):
        return self.env._(
            "%(plan)s is confirmed: its stages cannot be added, changed or removed; "
            "leadership reopens it first.",
            plan=parent.display_name,
        )
