from odoo import fields, models


class LeasingComplianceCheckCall(models.Model):
    """An agent's duty day short of the daily call target, as a compliance check found it."""

    _name = "leasing.compliance.check.call"
    _description = "Call Target Shortfall"
    _inherit = ["leasing.guard.mixin"]
    _order = "user_id, date"
    # The shortfall as the check found it.
    _guarded_fields = frozenset({"check_id", "user_id", "date", "called", "target"})
    _guarded_unlink = True

    check_id = fields.Many2one(
        "leasing.compliance.check", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Agent", index=True)
    date = fields.Date(string="Duty Day")
    called = fields.Integer(string="Prospects Called in Window")
    target = fields.Integer(string="Daily Target")
    shortfall = fields.Integer(string="Calls Short", compute="_compute_shortfall")

    def _compute_shortfall(self):
        for call in self:
            call.shortfall = max(call.target - call.called, 0)
