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
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.approval.mixin"]
    _order = "date_from desc, revision desc"
    # An approved revision archives the one it replaces; nobody archives a plan by hand.
    _guarded_fields = frozenset({"active"})
    _approval_group = "leasing_office.group_leasing_leader"

    approval_state = fields.Selection(LEADERSHIP_APPROVAL_STATES)
    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Drafted By",
        default=lambda self: self.env.user,
        readonly=True,
        check_company=True,
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
    previous_id = fields.Many2one(
        "leasing.target.plan", string="Revises", readonly=True, check_company=True
    )
    root_id = fields.Many2one(
        "leasing.target.plan",
        string="First Revision",
        compute="_compute_root_id",
        store=True,
        recursive=True,
        check_company=True,
    )
    revision_ids = fields.One2many(
        "leasing.target.plan", "root_id", string="Revisions", context={"active_test": False}
    )
    active = fields.Boolean(default=True)
    breakdown_warning = fields.Char(compute="_compute_breakdown_warning")
    big_plan_warning = fields.Char(
        string="Against Leadership's Plan",
        compute="_compute_big_plan_warning",
        help="Where this plan and its siblings do not add up to leadership's plan: a "
        "stage's quarters to the stage, a quarter's months to the quarter.",
    )
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

    @api.depends("period_type", "date_from", *TARGET_FIELDS)
    def _compute_big_plan_warning(self):
        for plan in self:
            plan.big_plan_warning = "; ".join(plan._big_plan_gaps()) if plan.date_from else ""

    # ------------------------------------------------------------------
    # LEADERSHIP'S PLAN: a stage's quarters add up to it, a quarter's months to the quarter
    # ------------------------------------------------------------------

    @api.model
    def _current_plans(self, period_type, date_from, date_to, company, replacing=None):
        """The latest active revision of each plan of ``period_type`` within the dates;
        ``replacing`` stands in for the revisions of its own plan."""
        plans = self.sudo().search(
            [
                ("period_type", "=", period_type),
                ("company_id", "=", company.id),
                ("date_from", ">=", date_from),
                ("date_to", "<=", date_to),
            ]
        )
        if replacing:
            plans = plans.filtered(lambda p: p.root_id != replacing.root_id) | replacing.sudo()
        latest = {}
        for plan in plans:
            if plan.root_id not in latest or plan.revision > latest[plan.root_id].revision:
                latest[plan.root_id] = plan
        return self.sudo().browse().union(*latest.values())

    def _parent_of(self):
        """(what this plan breaks down, its label, how many such plans fill it, its period),
        or None when leadership's plan does not reach this period."""
        self.ensure_one()
        if self.period_type == "quarter":
            stage = self.env["leasing.big.plan"]._stage_on(self.date_from, self.company_id)
            if not stage:
                return None
            count = (stage.date_to.year - stage.date_from.year) * 4 + (
                stage.date_to.month - stage.date_from.month + 1
            ) // 3
            label = self.env._("stage %(stage)s", stage=stage.name)
            return stage, label, count, (stage.date_from, stage.date_to)
        quarter_start = self.date_from.replace(month=(self.date_from.month - 1) // 3 * 3 + 1)
        quarter_end = quarter_start + relativedelta(months=3, days=-1)
        quarter = self._current_plans("quarter", quarter_start, quarter_end, self.company_id)
        if not quarter:
            if self.env["leasing.big.plan"]._stage_on(self.date_from, self.company_id):
                return False
            return None
        label = self.env._("the quarter from %(date)s", date=quarter_start)
        return quarter[:1], label, 3, (quarter_start, quarter_end)

    def _big_plan_gaps(self):
        """What does not add up, in words naming the figures; empty when all is well."""
        self.ensure_one()
        parent = self._parent_of()
        if parent is None:
            return []
        if parent is False:
            return [
                self.env._(
                    "leadership's plan covers this month: plan its quarter first, then the "
                    "months that break it down"
                )
            ]
        whole, label, count, (date_from, date_to) = parent
        parts = self._current_plans(
            self.period_type, date_from, date_to, self.company_id, replacing=self
        )
        gaps = []
        for name in TARGET_FIELDS:
            total, target = sum(parts.mapped(name)), whole[name]
            complete = len(parts) >= count
            if round(total, 2) > round(target, 2) or (
                complete and round(total, 2) != round(target, 2)
            ):
                gaps.append(
                    self.env._(
                        "%(target)s: the %(parts)s plans within %(whole)s add up to %(total)s, "
                        "%(whole)s sets %(figure)s",
                        target=self._fields[name].get_description(self.env)["string"],
                        parts=len(parts),
                        whole=label,
                        total=total,
                        figure=target,
                    )
                )
        return gaps

    def _check_adds_up_to_big_plan(self):
        for plan in self:
            gaps = plan._big_plan_gaps()
            if gaps:
                raise ValidationError(
                    self.env._(
                        "%(plan)s does not add up to leadership's plan: %(gaps)s.",
                        plan=plan.display_name,
                        gaps="; ".join(gaps),
                    )
                )

    def _check_agents_on_duty_have_lines(self):
        """Every agent on the duty roster in the month has a line in the monthly plan."""
        for plan in self.filtered(lambda p: p.period_type == "month"):
            on_duty = (
                self.env["leasing.duty.roster.line"]
                .sudo()
                .search(
                    [
                        ("roster_id.date", ">=", plan.date_from),
                        ("roster_id.date", "<=", plan.date_to),
                        ("roster_id.company_id", "=", plan.company_id.id),
                    ]
                )
                .user_id
            )
            missing = on_duty - plan.line_ids.user_id
            if missing:
                raise ValidationError(
                    self.env._(
                        "Every agent on duty in the month has a line in %(plan)s; missing: "
                        "%(agents)s.",
                        plan=plan.display_name,
                        agents=", ".join(missing.sorted("name").mapped("name")),
                    )
                )

    def _check_before_approval(self):
        self._check_agents_on_duty_have_lines()
        self._check_adds_up_to_big_plan()

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
            plan._check_before_approval()
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
