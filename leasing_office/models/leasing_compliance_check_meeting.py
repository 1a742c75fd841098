from odoo import fields, models


class LeasingComplianceCheckMeeting(models.Model):
    """A working day without morning-meeting minutes, as a compliance check found it."""

    _name = "leasing.compliance.check.meeting"
    _description = "Morning Meeting Without Minutes"
    _inherit = ["leasing.guard.mixin"]
    _order = "date"
    # The missing minutes as the check found them.
    _guarded_fields = frozenset({"check_id", "date", "duty_user_id"})
    _guarded_unlink = True

    check_id = fields.Many2one(
        "leasing.compliance.check", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(string="Working Day")
    duty_user_id = fields.Many2one("res.users", string="On Duty (Minutes By)")
