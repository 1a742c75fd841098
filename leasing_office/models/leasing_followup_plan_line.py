from odoo import api, fields, models
from odoo.exceptions import UserError

from . import vals_check

METHODS = [("call", "Phone Call"), ("visit", "Visit"), ("message", "Message")]


class LeasingFollowupPlanLine(models.Model):
    """One planned follow-up: always on a fixed date ("later" is not a date), then a result."""

    _name = "leasing.followup.plan.line"
    _inherit = ["leasing.prospect.link.mixin", "leasing.inaccurate.line.mixin"]
    _description = "Planned Follow-up"
    _order = "planned_date, id"
    _line_parent_field = "plan_id"
    _line_open_fields = frozenset({"result", "done_date"})

    plan_id = fields.Many2one(
        "leasing.followup.plan", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(related="plan_id.user_id", store=True, string="Agent")
    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True, index=True)
    planned_date = fields.Date(string="Fixed Date", required=True, index=True)
    method = fields.Selection(METHODS, default="call", required=True)
    purpose = fields.Char()
    result = fields.Text()
    done_date = fields.Date(string="Done On")

    @api.constrains("planned_date")
    def _check_planned_date(self):
        for line in self:
            if line.planned_date < line.plan_id.plan_date:
                raise UserError(
                    self.env._("A follow-up cannot be planned before the plan's own day.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            self._check_fixed_date(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "planned_date" in vals:
            self._check_fixed_date(vals)
        return super().write(vals)

    @api.model
    def _check_fixed_date(self, vals):
        if not vals_check.day(self, vals, "planned_date"):
            raise UserError(
                self.env._('Every follow-up needs a fixed date; "later" is not accepted.')
            )
