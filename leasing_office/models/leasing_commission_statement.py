from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import office_clock, vals_check
from .leasing_approval_mixin import LEADERSHIP_APPROVAL_STATES
from .leasing_commission_tier import COMMISSION_KINDS
from .office_lang import office_env


class LeasingCommissionStatement(models.Model):
    """任務與提成: one person's commission or bonus for a month.

    Computed from the month's signed contracts credited to the agent (public-pool contracts
    never enter an agent's statement) and the completion rate against the approved target;
    the manager reviews it, leadership approves it, then it is locked.
    """

    _name = "leasing.commission.statement"
    _description = "Commission Statement"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.approval.mixin"]
    _order = "month desc, kind, user_id"
    _approval_group = "leasing_office.group_leasing_leader"

    approval_state = fields.Selection(LEADERSHIP_APPROVAL_STATES)
    name = fields.Char(compute="_compute_name", store=True)
    month = fields.Date(required=True, help="First day of the month.")
    user_id = fields.Many2one(
        "res.users", string="Person", required=True, index=True, check_company=True
    )
    kind = fields.Selection(COMMISSION_KINDS, required=True, default="agent")
    contract_ids = fields.Many2many(
        "leasing.contract", string="Signed Contracts", readonly=True, check_company=True
    )
    contract_count = fields.Integer(readonly=True)
    target_contracts = fields.Integer(readonly=True)
    completion_rate = fields.Float(string="Completion (%)", readonly=True)
    factor = fields.Float(readonly=True)
    inaccurate_count = fields.Integer(
        string="Forms Marked Inaccurate",
        readonly=True,
        help="The person's forms marked inaccurate or false during the month.",
    )
    inaccurate_deduction = fields.Monetary(
        string="Deduction for Inaccurate Forms", readonly=True, currency_field="currency_id"
    )
    amount = fields.Monetary(readonly=True, currency_field="currency_id", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    reviewed_at = fields.Datetime(string="Reviewed On", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _month_user_kind_uniq = models.UniqueIndex(
        "(company_id, month, user_id, kind)", "One statement per person and month."
    )

    @api.depends("month", "user_id", "kind")
    def _compute_name(self):
        for statement in self:
            statement.name = office_env(self.env)._(
                "Commission %(person)s %(month)s",
                person=statement.user_id.name,
                month=statement.month,
            )

    def write(self, vals):
        if not self.env.su and "approved" in self.mapped("approval_state"):
            raise UserError(self.env._("An approved statement is locked."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # COMPUTATION
    # ------------------------------------------------------------------

    @api.model
    def action_generate(self, month=None):
        """The manager computes the statements of a month (the current one by default)."""
        if not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise UserError(self.env._("Only the leasing manager computes statements."))
        month = vals_check.day(self, {"month": month}, "month") or office_clock.office_today(
            self.env
        )
        statements = self._generate(month)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commission Statements"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", statements.ids)],
        }

    @api.model
    def _generate(self, month):
        """Create or refresh the statements of ``month`` for the plan's agents and the manager."""
        month = month.replace(day=1)
        plan = self.env["leasing.target.plan"]._get_current(month)
        if not plan:
            raise UserError(
                self.env._("There is no approved target plan for %(month)s.", month=month)
            )
        manager = plan.user_id
        people = [(line.user_id, "agent") for line in plan.line_ids] + [(manager, "manager")]
        statements = self.browse()
        for user, kind in people:
            statement = self.search(
                [
                    ("month", "=", month),
                    ("user_id", "=", user.id),
                    ("kind", "=", kind),
                    ("company_id", "=", self.env.company.id),
                ]
            ) or self.create({"month": month, "user_id": user.id, "kind": kind})
            statements |= statement
        statements.filtered(lambda s: s.approval_state != "approved").action_compute()
        return statements

    def action_compute(self):
        if not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise UserError(self.env._("Only the leasing manager computes statements."))
        self.check_access("write")
        for statement in self:
            if statement.approval_state in ("to_approve", "approved"):
                raise UserError(self.env._("A statement with leadership can no longer change."))
            # In the statement's own mall (its plan, tiers and settings), whatever mall the
            # manager's session is in.
            vals = statement.with_company(statement.company_id)._compute_vals()
            statement._write_guarded(vals)
        return True

    def _compute_vals(self):
        """The statement's figures, from its own mall only: an agent who works in two malls has
        a statement in each, and a contract, a form or a setting counts in its own mall's."""
        self.ensure_one()
        mall = self.company_id
        plan = self.env["leasing.target.plan"]._get_current(self.month)
        month_end = self.month + relativedelta(months=1, days=-1)
        Tier = self.env["leasing.commission.tier"].sudo()
        if self.kind == "manager":
            done, target = plan.actual_contracts, plan.target_contracts
            contracts = self.env["leasing.contract"]
            base = mall.leasing_manager_bonus
        else:
            contracts = (
                self.env["leasing.contract"]
                .sudo()
                .search(
                    [
                        ("user_id", "=", self.user_id.id),
                        ("company_id", "=", mall.id),
                        ("is_public", "=", False),
                        ("state", "=", "signed"),
                        ("signed_date", ">=", self.month),
                        ("signed_date", "<=", month_end),
                    ]
                )
            )
            line = plan.line_ids.filtered(lambda line: line.user_id == self.user_id)
            done, target = len(contracts), line.target_contracts
            base = len(contracts) * mall.leasing_commission_per_contract
        rate = round(100.0 * done / target, 2) if target else 0.0
        factor = Tier._factor_for(self.kind, rate)
        marked = self._inaccurate_forms_count(month_end)
        deduction = marked * mall.leasing_inaccurate_deduction
        return {
            "inaccurate_count": marked,
            "inaccurate_deduction": deduction,
            "contract_ids": [fields.Command.set(contracts.ids)],
            "contract_count": done,
            "target_contracts": target,
            "completion_rate": rate,
            "factor": factor,
            "amount": max(base * factor - deduction, 0.0),
        }

    def _inaccurate_forms_count(self, month_end):
        """The person's forms of the statement's mall marked inaccurate within the month
        (office time)."""
        tz = self.env["leasing.form.mixin"]._office_tz()
        start = office_clock.at_local(self.month, 0, 0, tz)
        end = office_clock.at_local(month_end + relativedelta(days=1), 0, 0, tz)
        count = 0
        for model in self.env["leasing.form.mixin"]._form_models():
            count += (
                self.env[model]
                .sudo()
                .search_count(
                    [
                        ("user_id", "=", self.user_id.id),
                        ("company_id", "=", self.company_id.id),
                        ("inaccurate_at", ">=", start),
                        ("inaccurate_at", "<", end),
                    ]
                )
            )
        return count

    # ------------------------------------------------------------------
    # REVIEW AND APPROVAL
    # ------------------------------------------------------------------

    def action_review(self):
        """The manager reviews the figures, then they go to leadership."""
        if not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise UserError(self.env._("Only the leasing manager reviews statements."))
        self.check_access("write")
        self._write_guarded(
            {"reviewed_by_id": self.env.user.id, "reviewed_at": fields.Datetime.now()}
        )
        return self.action_request_approval()

    def _check_before_approval(self):
        if not self.reviewed_by_id:
            raise UserError(self.env._("The manager reviews a statement before leadership."))
