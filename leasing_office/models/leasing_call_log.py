from odoo import api, fields, models
from odoo.exceptions import UserError

from . import office_clock, vals_check

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
    _check_company_auto = True
    _order = "call_datetime desc, id desc"
    # The time and the caller count toward the daily target: stamped, never typed.
    _guarded_fields = frozenset({"call_datetime", "user_id"})

    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        check_company=True,
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

    @api.model
    def _check_prospect_links(self, vals_list):
        checked = super()._check_prospect_links(vals_list)
        self._check_caller_may_speak(vals_list)
        return checked

    @api.model
    def _check_caller_may_speak(self, vals_list):
        """特殊問題請經理協助: only the credited agent talks with their prospect; the manager
        joins while the agent's request for help is open. Prospects of the public pool and
        the office's engine are not concerned. Runs after the prospect-link check, so that
        nobody learns here about a prospect they cannot see."""
        if self.env.su:
            return
        lead_ids = {vals_check.record_id(self, vals, "lead_id") for vals in vals_list} - {0}
        for lead in self.env["crm.lead"].sudo().browse(sorted(lead_ids)):
            agent = lead.attributed_user_id
            if not agent or agent == self.env.user:
                continue
            helping = (
                self.env["leasing.help.request"]
                .sudo()
                .search_count([("lead_id", "=", lead.id), ("state", "=", "requested")], limit=1)
            )
            if not helping:
                raise UserError(
                    self.env._(
                        "Only %(agent)s, who is credited with %(prospect)s, talks with this "
                        "prospect. The manager joins when the agent asks for help on a special "
                        "problem.",
                        agent=agent.name,
                        prospect=lead.name,
                    )
                )

    @api.depends("call_datetime")
    def _compute_call_date(self):
        Form = self.env["leasing.form.mixin"]
        tz = Form._office_tz()
        window = (self.env.company.leasing_call_start, self.env.company.leasing_call_end)
        for call in self:
            day = office_clock.local_date(call.call_datetime, tz)
            start, end = (
                office_clock.at_local(day, *office_clock.hours_to_hm(h), tz) for h in window
            )
            call.call_date = day
            call.in_window = start <= call.call_datetime <= end

    @api.model
    def _prospects_called(self, users, days):
        """Distinct prospects each agent called within the call window, per office day.

        The call time is stamped by the server (``call_datetime`` is guarded), so a call
        counts on the day and in the window it was really made; calls outside the window,
        and further calls to a prospect already called that day, do not count.
        """
        rows = self.sudo()._read_group(
            [
                ("user_id", "in", users.ids),
                ("call_date", "in", list(days)),
                ("in_window", "=", True),
            ],
            ["user_id", "call_date:day"],
            ["lead_id:count_distinct"],
        )
        return {(user, day): count for user, day, count in rows}

    @api.model
    def _call_shortfalls(self, date_from, date_to):
        """(agent, day, prospects called, target) for every agent on duty in the period who
        called fewer prospects than the daily target; on leave that day counts as off duty."""
        target = self.env.company.leasing_call_target
        seats = (
            self.env["leasing.rotation.line"]
            .sudo()
            .search(
                [
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("status", "!=", "leave"),
                    ("rotation_id.company_id", "=", self.env.company.id),
                ]
            )
        )
        called = self._prospects_called(seats.user_id, set(seats.mapped("date")))
        shortfalls = []
        for seat in seats.sorted(lambda s: (s.date, s.user_id.id)):
            count = called.get((seat.user_id, seat.date), 0)
            if count < target:
                shortfalls.append((seat.user_id, seat.date, count, target))
        return shortfalls
