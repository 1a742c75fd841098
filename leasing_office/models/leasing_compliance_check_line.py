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
    not_started_count = fields.Integer(
        string="Never Started",
        compute="_compute_not_done_count",
        help="Of the forms not done, those expected and never started.",
    )
    call_short_days = fields.Integer(
        string="Days Short of Calls", compute="_compute_call_shortfall"
    )
    call_shortfall = fields.Integer(string="Calls Short", compute="_compute_call_shortfall")
    findings = fields.Text()

    @api.depends("check_id.item_ids.user_id", "check_id.item_ids.compliance")
    def _compute_not_done_count(self):
        items = self.check_id.item_ids
        counts = Counter((item.check_id, item.user_id) for item in items)
        never = Counter(
            (item.check_id, item.user_id)
            for item in items
            if item.obligation_id and item.compliance == "pending"
        )
        for line in self:
            line.not_done_count = counts[line.check_id, line.user_id]
            line.not_started_count = never[line.check_id, line.user_id]

    @api.depends("check_id.call_ids.user_id", "check_id.call_ids.shortfall")
    def _compute_call_shortfall(self):
        for line in self:
            calls = line.check_id.call_ids.filtered(lambda c, user=line.user_id: c.user_id == user)
            line.call_short_days = len(calls)
            line.call_shortfall = sum(calls.mapped("shortfall"))
