from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import vals_check
from .leasing_approval_mixin import LEADERSHIP_APPROVAL_STATES
from .office_lang import office_env

TARGET_FIELDS = ("target_contracts", "target_area", "target_rent")


class LeasingTargetPlan(models.Model):
    """階段性任務: the department's monthly or quarterly target, broken down per agent.

    The manager drafts it; leadership approves or sends it back. An approved plan is locked;
    a change is a new revision that goes through approval again, and replaces (archives)
    the revision it revises once approved.
    """

    _name = "leasing.target.plan"
    _description = "Target Plan"
    _inherit = ["mail.thread", "leasing.approval.mixin"]
    _order = "date_from desc, revision desc"
    # An approved revision archives the one it replaces; nobody archives a plan by hand.
    _guarded_fields = frozenset({"active"})
    _approval_group = "leasing_office.group_leasing_leader"

    approval_state = fields.Selection(LEADERSHIP_APPROVAL_STATES)
    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Drafted By", default=lambda self: self.env.user, readonly=True
    )
    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")], required=True, default="month"
    )
    date_from = fields.Date(string="Period Start", required=True)
    date_to = fields.Date(string="Period End", compute="_compute_date_to", store=True)
    target_contracts = fields.Integer(string="Signed Contracts Target", tracking=True)
    target_area = fields.Float(string="Leased Area Target (m²)", tracking=True)
    target_rent = fields.Float(string="Monthly Rent Target", tracking=True)
    line_ids = fields.One2many("leasing.target.plan.line", "plan_id", string="Per Agent")
    revision = fields.Integer(default=1, readonly=True)
    previous_id = fields.Many2one("leasing.target.plan", string="Revises", readonly=True)
    root_id = fields.Many2one(
        "leasing.target.plan",
        string="First Revision",
        compute="_compute_root_id",
        store=True,
        recursive=True,
    )
    revision_ids = fields.One2many(
        "leasing.target.plan", "root_id", string="Revisions", context={"active_test": False}
    )
    active = fields.Boolean(default=True)
    breakdown_warning = fields.Char(compute="_compute_breakdown_warning")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    actual_contracts = fields.Integer(compute="_compute_actuals")
    actual_area = fields.Float(compute="_compute_actuals")
    actual_rent = fields.Float(compute="_compute_actuals")
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_actuals")

    _non_negative = models.Constraint(
        "CHECK(target_contracts >= 0 AND target_area >= 0 AND target_rent >= 0)",
        "Targets cannot be negative.",
    )

    @api.depends("period_type", "date_from", "revision")
    def _compute_name(self):
        labels = dict(self._fields["period_type"]._description_selection(self.env))
        for plan in self:
            plan.name = office_env(self.env)._(
                "%(period)s target from %(date)s (rev. %(revision)s)",
                period=labels.get(plan.period_type, ""),
                date=plan.date_from or "",
                revision=plan.revision,
            )

    @api.depends("period_type", "date_from")
    def _compute_date_to(self):
        for plan in self:
            months = 3 if plan.period_type == "quarter" else 1
            plan.date_to = plan.date_from and (
                plan.date_from + relativedelta(months=months, days=-1)
            )

    @api.depends("previous_id.root_id")
    def _compute_root_id(self):
        for plan in self:
            plan.root_id = plan.previous_id.root_id or plan.previous_id or plan

    @api.depends(*TARGET_FIELDS, *(f"line_ids.{name}" for name in TARGET_FIELDS))
    def _compute_breakdown_warning(self):
        for plan in self:
            plan.breakdown_warning = plan._get_breakdown_warning()

    def _get_breakdown_warning(self):
        self.ensure_one()
        if not self.line_ids:
            return ""
        gaps = []
        for name in TARGET_FIELDS:
            total = sum(self.line_ids.mapped(name))
            if round(total, 2) != round(self[name], 2):
                label = self._fields[name].get_description(self.env)["string"]
                gaps.append(
                    self.env._(
                        "%(target)s: agents add up to %(total)s, the department's is %(dept)s",
                        target=label,
                        total=total,
                        dept=self[name],
                    )
                )
        return "; ".join(gaps)

    def _compute_actuals(self):
        for plan in self:
            figures = plan._actual_figures(plan.env["res.users"])
            plan.actual_contracts, plan.actual_area, plan.actual_rent = figures
            plan.completion_rate = _rate(figures[0], plan.target_contracts)

    def _actual_figures(self, agent):
        """(contracts, area, monthly rent) signed in the period; for one agent, or the whole
        department (public-pool contracts included) when ``agent`` is empty."""
        self.ensure_one()
        domain = [
            ("state", "=", "signed"),
            ("signed_date", ">=", self.date_from),
            ("signed_date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if agent:
            domain += [("user_id", "=", agent.id), ("is_public", "=", False)]
        contracts = self.env["leasing.contract"].sudo().search(domain)
        return (
            len(contracts),
            sum(contracts.unit_id.mapped("area")),
            sum(unit.area * unit.rent_standard for unit in contracts.unit_id),
        )

    @api.constrains("date_from", "period_type", "active", "company_id")
    def _check_no_overlap(self):
        for plan in self.filtered("active"):
            overlapping = self.search(
                [
                    ("id", "!=", plan.id),
                    ("root_id", "!=", plan.root_id.id),
                    ("period_type", "=", plan.period_type),
                    ("company_id", "=", plan.company_id.id),
                    ("date_from", "<=", plan.date_to),
                    ("date_to", ">=", plan.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(plan)s overlaps %(other)s: one plan per period.",
                        plan=plan.name,
                        other=overlapping.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if any(vals_check.number(self, vals, name) < 0 for name in TARGET_FIELDS):
                raise ValidationError(self.env._("Targets cannot be negative."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and any(plan.approval_state == "approved" for plan in self):
            raise UserError(self.env._("An approved plan cannot be edited; create a new revision."))
        if any(vals_check.number(self, vals, name) < 0 for name in TARGET_FIELDS):
            raise ValidationError(self.env._("Targets cannot be negative."))
        return super().write(vals)

    def action_request_approval(self):
        for plan in self:
            if not plan.env.user.has_group("leasing_office.group_leasing_manager"):
                raise UserError(self.env._("Only the leasing manager submits a target plan."))
            warning = plan._get_breakdown_warning()
            if warning:
                raise UserError(
                    self.env._(
                        "The breakdown does not add up to the department target: %(gaps)s",
                        gaps=warning,
                    )
                )
        return super().action_request_approval()

    def _before_approve(self):
        """The approved revision replaces (archives) the one it revises."""
        self.previous_id._write_guarded({"active": False})

    def action_new_revision(self):
        """Start a new revision of an approved plan; it goes through approval again."""
        self.ensure_one()
        self.check_access("read")
        if self.approval_state != "approved":
            raise UserError(self.env._("Only an approved plan is revised; edit this one."))
        revision = (
            self._open_gate()
            .copy(
                {
                    "revision": self.revision + 1,
                    "previous_id": self.id,
                    "user_id": self.env.user.id,
                    "line_ids": [
                        fields.Command.create(line._copy_vals()) for line in self.line_ids
                    ],
                }
            )
            .with_env(self.env)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revision.id,
            "view_mode": "form",
        }

    @api.model
    def _get_current(self, day, period_type="month"):
        """The approved plan in force on ``day``."""
        return self.search(
            [
                ("approval_state", "=", "approved"),
                ("period_type", "=", period_type),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
                ("company_id", "=", self.env.company.id),
            ],
            order="revision desc",
            limit=1,
        )


def _rate(actual, target):
    return round(100.0 * actual / target, 2) if target else 0.0
