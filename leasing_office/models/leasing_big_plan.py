from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import vals_check
from .leasing_target_plan import TARGET_FIELDS

LEADER = "leasing_office.group_leasing_leader"
BIG_PLAN_STATES = [("draft", "Draft"), ("confirmed", "Confirmed by Leadership")]


class LeasingBigPlan(models.Model):
    """由公司領導確定大計畫、階段性計畫: leadership's plan for a year and its stages.

    Leadership sets the year's targets and each stage's (a stage is one or more whole
    quarters); confirmed, the plan is what the manager's quarterly and monthly target
    plans break down: a stage's quarters add up to the stage, a quarter's months to the
    quarter (checked when a target plan is submitted and approved).
    """

    _name = "leasing.big.plan"
    _description = "Leadership Plan"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "year desc"
    _state_transitions = {
        "state": {"confirmed": ("draft",), "draft": ("confirmed",)},
    }

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Set By",
        default=lambda self: self.env.user,
        readonly=True,
        check_company=True,
    )
    target_contracts = fields.Integer(string="Signed Contracts Target", tracking=True)
    target_area = fields.Float(string="Leased Area Target (m²)", tracking=True)
    target_rent = fields.Float(string="Monthly Rent Target", tracking=True)
    stage_ids = fields.One2many("leasing.big.plan.stage", "plan_id", string="Stages")
    state = fields.Selection(
        BIG_PLAN_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_at = fields.Datetime(string="Confirmed On", readonly=True)
    breakdown_warning = fields.Char(compute="_compute_breakdown_warning")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _year_company_uniq = models.UniqueIndex(
        "(company_id, year)", "Leadership sets one plan per year."
    )
    _non_negative = models.Constraint(
        "CHECK(target_contracts >= 0 AND target_area >= 0 AND target_rent >= 0)",
        "Targets cannot be negative.",
    )

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._("Leadership's plan %(year)s", year=plan.year or "")

    @api.depends(*TARGET_FIELDS, *(f"stage_ids.{name}" for name in TARGET_FIELDS))
    def _compute_breakdown_warning(self):
        for plan in self:
            plan.breakdown_warning = plan._get_stage_gaps()

    def _get_stage_gaps(self):
        """The stages must add up to the year."""
        self.ensure_one()
        gaps = []
        for name in TARGET_FIELDS:
            total = sum(self.stage_ids.mapped(name))
            if round(total, 2) != round(self[name], 2):
                gaps.append(
                    self.env._(
                        "%(target)s: the stages add up to %(total)s, the year's is %(year)s",
                        target=self._fields[name].get_description(self.env)["string"],
                        total=total,
                        year=self[name],
                    )
                )
        return "; ".join(gaps)

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2999:
                raise ValidationError(self.env._("%(year)s is not a plan year.", year=plan.year))

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        self._check_leader()
        for vals in vals_list:
            if any(vals_check.number(self, vals, name) < 0 for name in TARGET_FIELDS):
                raise ValidationError(self.env._("Targets cannot be negative."))
        return super().create(vals_list)

    def write(self, vals):
        self._check_guarded_write(vals)
        if not self._gate_is_open():
            self._check_leader()
            if any(plan.state == "confirmed" for plan in self):
                raise UserError(
                    self.env._("A confirmed plan is locked; leadership reopens it first.")
                )
            if any(vals_check.number(self, vals, name) < 0 for name in TARGET_FIELDS):
                raise ValidationError(self.env._("Targets cannot be negative."))
        return super().write(vals)

    def _check_leader(self):
        if not self.env.user.has_group(LEADER):
            raise AccessError(self.env._("Only leadership sets the year's plan and its stages."))

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_confirm(self):
        self._check_leader()
        self.check_access("write")
        for plan in self:
            if not plan.stage_ids:
                raise ValidationError(
                    self.env._("%(plan)s has no stage yet.", plan=plan.display_name)
                )
            gaps = plan._get_stage_gaps()
            if gaps:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the stages do not add up to the year: %(gaps)s",
                        plan=plan.display_name,
                        gaps=gaps,
                    )
                )
        self._move_to(
            "state",
            "confirmed",
            confirmed_by_id=self.env.user.id,
            confirmed_at=fields.Datetime.now(),
        )
        return True

    def action_reopen(self):
        self._check_leader()
        self.check_access("write")
        self._move_to("state", "draft", confirmed_by_id=False, confirmed_at=False)
        return True

    @api.model
    def _stage_on(self, day, company=None):
        """The stage of the confirmed plan that holds ``day``, or an empty recordset."""
        company = company or self.env.company
        return (
            self.env["leasing.big.plan.stage"]
            .sudo()
            .search(
                [
                    ("plan_id.state", "=", "confirmed"),
                    ("plan_id.company_id", "=", company.id),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ],
                limit=1,
            )
        )
