from collections import Counter

from odoo import api, fields, models


class LeasingComplianceCheckLine(models.Model):
    """One agent's result in a compliance check, with the checker's findings."""

    _name = "leasing.compliance.check.line"
    _description = "Compliance Findings"
    _inherit = ["leasing.guard.mixin"]
    _order = "user_id"

    check_id = fields.Many2one(
        "leasing.compliance.check", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Agent", required=True)
    not_done_count = fields.Integer(string="Forms Not Done", compute="_compute_not_done_count")
    findings = fields.Text()

    @api.depends("check_id.item_ids.user_id")
    def _compute_not_done_count(self):
        counts = Counter((item.check_id, item.user_id) for item in self.check_id.item_ids)
        for line in self:
            line.not_done_count = counts[line.check_id, line.user_id]
