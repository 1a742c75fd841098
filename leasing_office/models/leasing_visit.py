from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from . import office_clock
from .crm_lead import ATTRIBUTION_TYPES
from .office_lang import office_env


class LeasingVisit(models.Model):
    """One visit of a prospect to the leasing office, as front desk registered it."""

    _name = "leasing.visit"
    _description = "Prospect Visit"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "visit_datetime desc, id desc"

    # Precomputed (also waiting_minutes): written by the INSERT, no UPDATE after it.
    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Prospect",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
        check_company=True,
    )
    visit_datetime = fields.Datetime(
        string="Visited At", default=fields.Datetime.now, required=True, index=True, readonly=True
    )
    received_user_id = fields.Many2one(
        "res.users", string="Received By", required=True, index=True, readonly=True
    )
    credited_user_id = fields.Many2one(
        "res.users",
        string="Credited Agent",
        index=True,
        readonly=True,
        help="The agent credited at the time of the visit; empty for the public pool.",
        check_company=True,
    )
    on_behalf = fields.Boolean(
        string="Received on Behalf",
        readonly=True,
        help="Front desk received the prospect for the credited agent, who was not on duty.",
    )
    visit_kind = fields.Selection(
        [("first", "First Visit"), ("returning", "Returning")], required=True, readonly=True
    )
    attribution_type = fields.Selection(ATTRIBUTION_TYPES, readonly=True, index=True)
    rotation_id = fields.Many2one("leasing.rotation", readonly=True, index=True, check_company=True)
    turn_id = fields.Many2one("leasing.rotation.turn", readonly=True, check_company=True)
    explanation = fields.Char(string="Why This Agent", readonly=True)
    channel = fields.Selection(
        [("walk_in", "Walk-in"), ("phone", "Phone Inquiry")],
        default="walk_in",
        required=True,
        readonly=True,
        index=True,
        help="How the prospect reached the office this time.",
    )
    source_id = fields.Many2one(
        "utm.source",
        string="Source Channel",
        readonly=True,
        index=True,
        help="How the prospect came to contact the office this time (來源渠道).",
    )
    business_type = fields.Char(string="Line of Business", readonly=True)
    desired_area = fields.Float(string="Desired Area (m²)", readonly=True)
    overflow_reason = fields.Text(
        string="Why Front Desk Received",
        readonly=True,
        help="Front desk sent the prospect to the public pool while an agent was free; "
        "leadership reviews these reasons.",
    )
    registered_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [("done", "Registered"), ("cancelled", "Undone")],
        default="done",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    can_undo = fields.Boolean(compute="_compute_can_undo")
    # Reception times, stamped by the server (front desk's clicks), never typed.
    arrived_at = fields.Datetime(readonly=True)
    received_at = fields.Datetime(readonly=True)
    left_at = fields.Datetime(readonly=True)
    waiting_minutes = fields.Integer(
        string="Waiting (minutes)",
        compute="_compute_waiting_minutes",
        store=True,
        precompute=True,
        readonly=True,
        aggregator="avg",
        help="From arrival to the moment an agent received the prospect.",
    )
    registration_id = fields.Many2one(
        "leasing.visitor.registration",
        string="Visitor Registration",
        readonly=True,
        check_company=True,
    )

    _lead_datetime_idx = models.Index("(lead_id, visit_datetime)")

    @api.depends("lead_id", "visit_datetime", "company_id.partner_id.tz")
    def _compute_name(self):
        """The prospect and the office's wall-clock time of the visit (not UTC)."""
        for visit in self:
            moment = visit.visit_datetime and office_clock.office_moment(
                self.env, visit.visit_datetime, visit.company_id
            )
            visit.name = f"{visit.lead_id.display_name} · {moment or ''}"

    @api.depends("arrived_at", "received_at")
    def _compute_waiting_minutes(self):
        for visit in self:
            waited = visit.received_at and visit.arrived_at and visit.received_at - visit.arrived_at
            visit.waiting_minutes = int(waited.total_seconds() // 60) if waited else 0

    @api.model_create_multi
    def create(self, vals_list):
        if self._gate_is_open():
            # Arrival is stamped at registration, by the server.
            for vals in vals_list:
                vals.setdefault("arrived_at", vals.get("visit_datetime") or fields.Datetime.now())
        visits = super().create(vals_list)
        visits._announce()
        return visits

    def _compute_can_undo(self):
        for visit in self:
            visit.can_undo = not visit._get_undo_blocker()

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("Visits are never deleted; undo a mistaken registration instead.")
        )

    @api.model
    def _get_undo_minutes(self):
        return self.env.company.leasing_undo_window_minutes

    def _get_undo_blocker(self):
        """Return why this registration cannot be undone now, or an empty string."""
        self.ensure_one()
        user = self.env.user
        if self.state != "done":
            return self.env._("This registration was already undone.")
        if self.registered_by_id != user and not user.has_group(
            "leasing_office.group_leasing_manager"
        ):
            return self.env._(
                "Only the clerk who registered the visit, or the manager, may undo it."
            )
        if fields.Datetime.now() - self.visit_datetime > timedelta(
            minutes=self._get_undo_minutes()
        ):
            return self.env._(
                "A registration can only be undone within %(minutes)s minutes.",
                minutes=self._get_undo_minutes(),
            )
        last_turn = self.rotation_id.turn_ids.filtered(lambda t: t.state == "done")[:1]
        if self.turn_id and last_turn != self.turn_id:
            return self.env._(
                "Later walk-ins already took turns; only the latest turn can be undone."
            )
        return ""

    def action_undo_registration(self):
        """Take back a mistaken registration: the turn returns to the ledger, nothing is deleted."""
        self.ensure_one()
        if not self.env.user.has_group("leasing_office.group_leasing_frontdesk"):
            raise UserError(self.env._("Only front desk may undo a registration."))
        self.check_access("read")
        if self.rotation_id:
            # Before reading the turns: the blocker must see the latest registration.
            self.rotation_id._lock_for_registration()
        blocker = self._get_undo_blocker()
        if blocker:
            raise UserError(blocker)
        if self.turn_id:
            self.turn_id._undo()
        self._write_guarded({"state": "cancelled"})
        lead = self.lead_id.sudo()
        if not lead.visit_count:
            lead.active = False
        message = office_env(self.env)._(
            "Registration undone by %(user)s.", user=self.env.user.name
        )
        lead.message_post(body=message)
        if self.rotation_id:
            self.rotation_id._message_log(body=message + " " + (self.explanation or ""))
        self.env["leasing.rotation.board"]._notify_changed(self.company_id)
        return True

    # ------------------------------------------------------------------
    # LIVE BOARD AND NOTIFICATIONS
    # ------------------------------------------------------------------

    def _announce(self):
        """Move every open board, and tell each credited agent at once (sent after commit)."""
        if self.env.context.get("leasing_demo_replay"):
            return  # the demo replays past days: no reminders, pop-ups or board messages for them
        self.env["leasing.rotation.board"]._notify_changed(self.company_id)
        for visit in self:
            agent = visit.credited_user_id
            if agent and agent != self.env.user and visit.state == "done":
                visit.with_context(lang=agent.lang)._notify_credited_agent()

    def _notify_credited_agent(self):
        """A pop-up for the agent and, on a new prospect, a to-do; in the agent's language."""
        self.ensure_one()
        agent = self.credited_user_id
        prospect = self.lead_id.display_name
        if self.channel == "phone":
            title = self.env._("Phone inquiry for you: %(prospect)s", prospect=prospect)
        else:
            title = self.env._("Walk-in for you: %(prospect)s", prospect=prospect)
        agent._bus_send(
            "simple_notification",
            {"title": title, "message": self.explanation or "", "sticky": True, "type": "info"},
        )
        if self.visit_kind != "first":
            return  # the agent already has this prospect: the pop-up is enough
        lead = self.lead_id.sudo().with_context(mail_activity_quick_update=True)
        if self.env.context.get("leasing_new_prospect") and lead.user_id == agent:
            # Created just now with the agent as salesperson: the agent follows it already.
            lead = lead.with_context(leasing_agent_follows=agent.partner_id.id)
        lead.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=agent.id,
            summary=self.env._("Receive the walk-in"),
            note=self.explanation or "",
        )

    def _board_row(self, tz_name):
        """One line of the live board's list of today's visits."""
        self.ensure_one()
        labels = dict(self._fields["attribution_type"]._description_selection(self.env))
        local = office_clock.to_local(self.visit_datetime, tz_name)
        return {
            "id": self.id,
            "time": local.strftime("%H:%M"),
            "prospect": self.lead_id.display_name,
            "agent": self.credited_user_id.name or self.env._("Public pool"),
            "attribution": labels.get(self.attribution_type, ""),
            "state": self.state,
            "can_undo": self.can_undo,
        }

    # ------------------------------------------------------------------
    # RECEPTION TIMES
    # ------------------------------------------------------------------

    def _check_reception_click(self, stamp, allow_credited):
        self.ensure_one()
        user = self.env.user
        allowed = user.has_group("leasing_office.group_leasing_frontdesk") or (
            allow_credited and user in (self.credited_user_id | self.received_user_id)
        )
        if not allowed:
            raise UserError(
                self.env._("Only front desk (or the agent receiving) stamps reception times.")
            )
        self.check_access("read")
        if self.state != "done":
            raise UserError(self.env._("This registration was undone."))
        if self[stamp]:
            raise UserError(
                self.env._(
                    "%(time)s is already stamped on this visit.",
                    time=self._fields[stamp].get_description(self.env)["string"],
                )
            )

    def action_mark_received(self):
        """One click: the agent received the prospect now; the waiting time is kept."""
        self.ensure_one()
        self._check_reception_click("received_at", allow_credited=True)
        if self.left_at:
            raise UserError(self.env._("The prospect already left."))
        self._write_guarded({"received_at": fields.Datetime.now()})
        return True

    def action_mark_left(self):
        """One click: the prospect left; the visitor registration is now owed."""
        self.ensure_one()
        self._check_reception_click("left_at", allow_credited=False)
        now = fields.Datetime.now()
        self._write_guarded({"left_at": now})
        registration = self.env["leasing.visitor.registration"]._create_guarded(
            [self._prepare_registration_vals()]
        )
        self._write_guarded({"registration_id": registration.id})
        self.env["leasing.obligation"]._create_for_form("registration", registration, self)
        return True

    def _prepare_registration_vals(self):
        """The registration in draft for the credited agent (the receiver for the public pool)."""
        self.ensure_one()
        lead = self.lead_id.sudo()
        return {
            "visit_id": self.id,
            "lead_id": lead.id,
            "user_id": (self.credited_user_id or self.received_user_id).id,
            "visit_end": self.left_at,
            "needs": html2plaintext(lead.description or "") or False,
            "business_type": self.business_type,
            "desired_area": self.desired_area,
            "company_id": self.company_id.id,
        }
