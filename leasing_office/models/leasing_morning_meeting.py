from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import office_clock

MEETING_END = 9.0  # the morning meeting runs 8:30–9:00, office time


class LeasingMorningMeeting(models.Model):
    """Minutes of the 8:30–9:00 morning meeting, run by the manager, kept by the duty person.

    Minutes are expected every working day (a day with a rotation table); the duty roster
    names who records them. A working day without minutes shows in the compliance checks.
    """

    _name = "leasing.morning.meeting"
    _description = "Morning Meeting Minutes"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"

    date = fields.Date(
        required=True, default=lambda self: office_clock.office_today(self.env), index=True
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Run By",
        default=lambda self: self.env.user,
        required=True,
        check_company=True,
    )
    recorder_id = fields.Many2one(
        "res.users",
        string="Minutes By",
        required=True,
        default=lambda self: self._default_recorder(),
        help="The person on duty in the day's duty roster.",
        check_company=True,
    )
    attendee_ids = fields.Many2many("res.users", string="Attendees", check_company=True)
    work_assigned = fields.Html()
    notices = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _date_company_uniq = models.UniqueIndex(
        "(company_id, date)", "The morning meeting already has minutes for this day."
    )

    @api.model
    def _duty_person(self, day, company):
        roster = (
            self.env["leasing.duty.roster"]
            .sudo()
            .search([("date", "=", day), ("company_id", "=", company.id)], limit=1)
        )
        return roster.reception_user_id

    @api.model
    def _default_recorder(self):
        today = office_clock.office_today(self.env)
        return self._duty_person(today, self.env.company) or self.env.user

    @api.constrains("recorder_id", "date", "company_id")
    def _check_recorder_on_duty(self):
        for meeting in self:
            duty = self._duty_person(meeting.date, meeting.company_id)
            if duty and meeting.recorder_id != duty:
                raise ValidationError(
                    self.env._(
                        "The minutes of %(date)s are recorded by %(user)s, on duty that day "
                        "in the duty roster.",
                        date=meeting.date,
                        user=duty.name,
                    )
                )

    @api.model
    def _days_without_minutes(self, date_from, date_to):
        """(day, duty person) for each working day of the period whose meeting is over and has
        no minutes. A working day is a day with a rotation table."""
        company = self.env.company
        tz = self.env["leasing.form.mixin"]._office_tz()
        now = fields.Datetime.now()
        hour, minute = office_clock.hours_to_hm(MEETING_END)
        days = set(
            self.env["leasing.rotation"]
            .sudo()
            .search(
                [
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("company_id", "=", company.id),
                ]
            )
            .mapped("date")
        )
        held = set(
            self.sudo()
            .search([("date", "in", list(days)), ("company_id", "=", company.id)])
            .mapped("date")
        )
        return [
            (day, self._duty_person(day, company))
            for day in sorted(days - held)
            if office_clock.at_local(day, hour, minute, tz) <= now
        ]
