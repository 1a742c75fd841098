from odoo import api, fields, models
from odoo.exceptions import UserError


class LeasingFieldVisitLogLine(models.Model):
    """The outcome of visiting one planned prospect."""

    _name = "leasing.field.visit.log.line"
    _inherit = ["leasing.prospect.link.mixin"]
    _description = "Field-visit Outcome"
    _order = "id"

    log_id = fields.Many2one(
        "leasing.field.visit.log", required=True, ondelete="cascade", index=True
    )
    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True, index=True)
    outcome = fields.Text()
    next_step = fields.Char()
    visited = fields.Boolean(
        compute="_compute_visited", store=True, help="The log holding this outcome was submitted."
    )

    @api.depends("log_id.submitted_at", "outcome")
    def _compute_visited(self):
        for line in self:
            line.visited = bool(line.log_id.submitted_at and line.outcome)

    def write(self, vals):
        manager = self.env.user.has_group("leasing_office.group_leasing_manager")
        locked = any(log._is_locked_for_owner() for log in self.log_id)
        if locked and not (self.env.su or manager):
            raise UserError(
                self.env._("The log was submitted; ask the leasing manager for a correction.")
            )
        return super().write(vals)
