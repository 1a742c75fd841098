from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .crm_lead import ATTRIBUTION_TYPES

DEFAULT_UNDO_MINUTES = 10


class LeasingVisit(models.Model):
    """One visit of a prospect to the leasing office, as front desk registered it."""

    _name = "leasing.visit"
    _description = "Prospect Visit"
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "visit_datetime desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Prospect",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
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
    rotation_id = fields.Many2one("leasing.rotation", readonly=True, index=True)
    turn_id = fields.Many2one("leasing.rotation.turn", readonly=True)
    explanation = fields.Char(string="Why This Agent", readonly=True)
    channel = fields.Selection(
        [("walk_in", "Walk-in"), ("phone", "Phone Inquiry")],
        default="walk_in",
        required=True,
        readonly=True,
        index=True,
        help="How the prospect reached the office this time.",
    )
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

    _lead_datetime_idx = models.Index("(lead_id, visit_datetime)")

    @api.depends("lead_id", "visit_datetime")
    def _compute_name(self):
        for visit in self:
            visit.name = f"{visit.lead_id.display_name} · {visit.visit_datetime or ''}"

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
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("leasing_office.undo_window_minutes", DEFAULT_UNDO_MINUTES)
        )
        return int(value)

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
        message = self.env._("Registration undone by %(user)s.", user=self.env.user.name)
        lead.message_post(body=message)
        if self.rotation_id:
            self.rotation_id._message_log(body=message + " " + (self.explanation or ""))
        return True
