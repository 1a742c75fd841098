from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import vals_check
from .leasing_target_plan import TARGET_FIELDS, _rate
from .res_users import agent_domain


class LeasingTargetPlanLine(models.Model):
    """One agent's share of the department's target, with what they actually signed."""

    _name = "leasing.target.plan.line"
    _description = "Agent Target"
    _order = "plan_id, user_id"
    _inherit = ["leasing.form.line.mixin"]
    _line_parent_field = "plan_id"

    plan_id = fields.Many2one("leasing.target.plan", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        index=True,
        domain=agent_domain,
    )
    date_from = fields.Date(related="plan_id.date_from", store=True)
    date_to = fields.Date(related="plan_id.date_to", store=True)
    period_type = fields.Selection(related="plan_id.period_type", store=True)
    approval_state = fields.Selection(related="plan_id.approval_state", store=True)
    plan_active = fields.Boolean(related="plan_id.active", store=True)
    target_contracts = fields.Integer(string="Signed Contracts Target")
    target_area = fields.Float(string="Leased Area Target (m²)")
    target_rent = fields.Float(string="Monthly Rent Target")
    actual_contracts = fields.Integer(compute="_compute_actuals")
    actual_area = fields.Float(compute="_compute_actuals")
    actual_rent = fields.Float(compute="_compute_actuals")
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_actuals")

    _plan_user_uniq = models.UniqueIndex("(plan_id, user_id)", "One line per agent in a plan.")
    _non_negative = models.Constraint(
        "CHECK(target_contracts >= 0 AND target_area >= 0 AND target_rent >= 0)",
        "Targets cannot be negative.",
    )

    def _compute_actuals(self):
        for line in self:
            figures = line.plan_id.sudo()._actual_figures(line.user_id)
            line.actual_contracts, line.actual_area, line.actual_rent = figures
            line.completion_rate = _rate(figures[0], line.target_contracts)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_non_negative(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_non_negative([vals])
        return super().write(vals)

    def _check_non_negative(self, vals_list):
        if any(
            vals_check.number(self, vals, name) < 0 for vals in vals_list for name in TARGET_FIELDS
        ):
            raise ValidationError(self.env._("Targets cannot be negative."))

    def _is_line_locked(self, parent):
        # Waiting for leadership or approved: nobody edits; a new revision changes it.
        return parent.approval_state in ("to_approve", "approved")

    def _line_locked_message(self, parent):
        return self.env._(
            "%(plan)s is with leadership or approved: its lines cannot be added, changed or "
            "removed; start a new revision.",
            plan=parent.display_name,
        )

    def _copy_vals(self):
        return {"user_id": self.user_id.id, **{name: self[name] for name in TARGET_FIELDS}}
