from datetime import timedelta

from odoo import api, models
from odoo.exceptions import UserError

from . import office_clock
from .leasing_rotation_line import STATUSES

# What the open boards listen to on the bus, on one channel per company (ir_websocket.py).
# Only "something changed" travels on the bus: each board then reads the figures again as
# its own user, under its own record rules.
BOARD_CHANGED = "leasing_office/board_changed"
BOARD_SUBCHANNEL = "leasing_office_board"
BOARD_GROUPS = (
    "leasing_office.group_leasing_frontdesk",
    "leasing_office.group_leasing_agent",
    "leasing_office.group_leasing_manager",
)
VISITS_SHOWN = 40


class LeasingRotationBoard(models.AbstractModel):
    """The front desk's live board: today's rotation at a glance, one click per change."""

    _name = "leasing.rotation.board"
    _description = "Live Rotation Board"

    @api.model
    def get_board(self):
        """Everything the board shows, read as the current user."""
        today = office_clock.office_today(self.env)
        rotation = self.env["leasing.rotation"].search(
            [("date", "=", today), ("company_id", "=", self.env.company.id)], limit=1
        )
        is_frontdesk = self.env.user.has_group("leasing_office.group_leasing_frontdesk")
        return {
            "date": str(today),
            "company_id": self.env.company.id,
            "rotation_id": rotation.id,
            "can_edit": is_frontdesk,
            "next": rotation._board_next_up() if rotation else False,
            "tiles": [line._board_tile() for line in rotation.line_ids],
            "visits": self._board_visits(today),
            "statuses": [
                {"key": key, "label": label}
                for key, label in self.env["leasing.rotation.line"]
                ._fields["status"]
                ._description_selection(self.env)
            ],
        }

    @api.model
    def _board_visits(self, day):
        tz_name = self.env.company.partner_id.tz
        start = office_clock.at_local(day, 0, 0, tz_name)
        visits = self.env["leasing.visit"].search(
            [
                ("visit_datetime", ">=", start),
                ("visit_datetime", "<", start + timedelta(days=1)),
                ("company_id", "=", self.env.company.id),
            ],
            limit=VISITS_SHOWN,
        )
        return [visit._board_row(tz_name) for visit in visits]

    @api.model
    def set_status(self, line_id, status):
        """One click on an agent's tile: the same write as the table's status column."""
        if status not in dict(STATUSES):
            raise UserError(self.env._("Unknown status: %(status)s", status=status))
        line = self.env["leasing.rotation.line"].browse(line_id).exists()
        if not line:
            raise UserError(self.env._("This agent is no longer in today's rotation."))
        line.write({"status": status})
        return True

    @api.model
    def undo_visit(self, visit_id):
        """Undo the latest registration, with the same checks as the visit's own button."""
        visit = self.env["leasing.visit"].browse(visit_id).exists()
        if not visit:
            raise UserError(self.env._("This registration no longer exists."))
        return visit.action_undo_registration()

    @api.model
    def _notify_changed(self, companies):
        """Tell every open board of these companies to read itself again (after commit)."""
        if self.env.context.get("leasing_demo_replay"):
            return  # the demo replays past days: no reminders, pop-ups or board messages for them
        for company in companies:
            self.env["bus.bus"]._sendone(
                (company, BOARD_SUBCHANNEL), BOARD_CHANGED, {"company_id": company.id}
            )

    @api.model
    def _board_channels(self, user):
        """The channels of the boards ``user`` may watch: one per company, office staff only."""
        if not any(user.has_group(xmlid) for xmlid in BOARD_GROUPS):
            return []
        return [(company, BOARD_SUBCHANNEL) for company in user.company_ids]
