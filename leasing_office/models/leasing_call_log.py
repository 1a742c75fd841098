from odoo import api, fields, models

from . import office_clock

CALL_OUTCOMES = [
    ("reached", "Reached"),
    ("no_answer", "No Answer"),
    ("callback", "Call Back"),
    ("not_interested", "Not Interested"),
]


class LeasingCallLog(models.Model):
    """One prospect call; agents make a daily quota of them in the morning call window."""

    _name = "leasing.call.log"
    _inherit = ["leasing.prospect.link.mixin", "leasing.guard.mixin"]
    _description = "Prospect Call"
    _order = "call_datetime desc, id desc"
    # The time and the caller count toward the daily target: stamped, never typed.
    _guarded_fields = frozenset({"call_datetime", "user_id"})

    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Agent", required=True, default=lambda self: self.env.user, index=True
    )
    call_datetime = fields.Datetime(string="Called At", required=True, default=fields.Datetime.now)
    call_date = fields.Date(compute="_compute_call_date", store=True, index=True)
    outcome = fields.Selection(CALL_OUTCOMES, default="reached", required=True)
    note = fields.Char()
    in_window = fields.Boolean(
        string="In Call Window",
        compute="_compute_call_date",
        store=True,
        help="Made within the office's morning call window (default 9:30–11:30).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("call_datetime")
    def _compute_call_date(self):
        Form = self.env["leasing.form.mixin"]
        tz = Form._office_tz()
        window = (Form._office_param("call_start", 9.5), Form._office_param("call_end", 11.5))
        for call in self:
            day = office_clock.local_date(call.call_datetime, tz)
            start, end = (
                office_clock.at_local(day, *office_clock.hours_to_hm(h), tz) for h in window
            )
            call.call_date = day
            call.in_window = start <= call.call_datetime <= end
