from odoo import api, fields, models


class LeasingFieldVisitLogLine(models.Model):
    """The outcome of visiting one planned prospect."""

    _name = "leasing.field.visit.log.line"
    _inherit = ["leasing.prospect.link.mixin", "leasing.inaccurate.line.mixin"]
    _description = "Field-visit Outcome"
    _order = "id"
    _line_parent_field = "log_id"

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
