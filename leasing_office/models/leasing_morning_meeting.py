from odoo import fields, models


class LeasingMorningMeeting(models.Model):
    """Minutes of the 8:30–9:00 morning meeting, run by the manager, kept by the duty person."""

    _name = "leasing.morning.meeting"
    _description = "Morning Meeting Minutes"
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    manager_id = fields.Many2one(
        "res.users", string="Run By", default=lambda self: self.env.user, required=True
    )
    recorder_id = fields.Many2one(
        "res.users", string="Minutes By", required=True, default=lambda self: self.env.user
    )
    attendee_ids = fields.Many2many("res.users", string="Attendees")
    work_assigned = fields.Html()
    notices = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _date_company_uniq = models.UniqueIndex(
        "(company_id, date)", "The morning meeting already has minutes for this day."
    )
