import json

from odoo.exceptions import AccessError, UserError

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.models.leasing_rotation_board import (
    BOARD_CHANGED,
    BOARD_SUBCHANNEL,
)

from .common import LeasingOfficeCase


class TestRotationBoard(LeasingOfficeCase):
    """The front desk's live board: what it shows, its clicks, and who is told at once."""

    def setUp(self):
        super().setUp()
        self.board = self.env["leasing.rotation.board"].with_user(self.frontdesk)
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()

    def bus_messages(self, record, subchannel=None):
        """The bus messages queued for a channel ``record`` in this transaction."""
        self.env.cr.precommit.run()
        wanted = [record._name, record.id, *([subchannel] if subchannel else [])]
        messages = []
        for notification in self.env["bus.bus"].sudo().search([]):
            if json.loads(notification.channel)[1:] == wanted:
                messages.append(json.loads(notification.message))
        return messages

    def board_messages(self):
        return self.bus_messages(self.env.company, BOARD_SUBCHANNEL)

    def test_board_shows_who_is_next_and_why(self):
        board = self.board.get_board()
        self.assertEqual(board["rotation_id"], self.rotation.id)
        self.assertEqual([t["name"] for t in board["tiles"]], self.agents[:4].mapped("name"))
        self.assertEqual(board["next"]["user_id"], self.agent1.id)
        self.assertIn("first seat", board["next"]["reason"])
        self.assertTrue(board["can_edit"])

        self.register(contact_name="Board Prospect", phone="13700001111")
        board = self.board.get_board()
        self.assertEqual(board["next"]["user_id"], self.agent2.id)
        self.assertIn(f"follows {self.agent1.name}", board["next"]["reason"])
        tile1 = board["tiles"][0]
        self.assertEqual((tile1["turns"], tile1["makeup_owed"]), (1, 0))
        [row] = board["visits"]
        self.assertEqual(row["agent"], self.agent1.name)
        self.assertIn("Board Prospect", row["prospect"])
        visit = self.env["leasing.visit"].browse(row["id"])
        local = office_clock.to_local(visit.visit_datetime, "Asia/Shanghai")
        self.assertEqual(row["time"], local.strftime("%H:%M"))
        self.assertTrue(row["can_undo"])

    def test_board_status_click_moves_the_queue_and_every_board(self):
        self.board.set_status(self.line1.id, "leave")
        self.assertEqual(self.line1.status, "leave")
        board = self.board.get_board()
        self.assertEqual(board["next"]["user_id"], self.agent2.id)
        self.assertEqual(board["tiles"][0]["status_label"], "On Leave")
        self.assertEqual(
            self.board_messages(),
            [{"type": BOARD_CHANGED, "payload": {"company_id": self.env.company.id}}],
        )

    def test_board_unknown_status_refused_and_nothing_changes(self):
        with self.assertRaisesRegex(UserError, "Unknown status: asleep"):
            self.board.set_status(self.line1.id, "asleep")
        self.assertEqual(self.line1.status, "available")
        self.assertFalse(self.board_messages())

    def test_board_agent_cannot_change_a_status(self):
        board = self.env["leasing.rotation.board"].with_user(self.agent1)
        self.assertFalse(board.get_board()["can_edit"])
        with self.assertRaises(AccessError):
            board.set_status(self.line2.id, "leave")
        self.assertEqual(self.line2.status, "available")

    def test_board_nobody_available_says_public_pool(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "errand")
        nobody = self.board.get_board()["next"]
        self.assertFalse(nobody["user_id"])
        self.assertIn("public pool", nobody["reason"])

    def test_board_undo_latest_registration(self):
        wizard = self.register(contact_name="Mistake", phone="13700002222")
        visit = self.env["leasing.visit"].browse(wizard.visit_id.id)
        self.board.undo_visit(visit.id)
        self.assertEqual(visit.state, "cancelled")
        board = self.board.get_board()
        self.assertEqual(board["next"]["user_id"], self.agent1.id)
        self.assertFalse(board["visits"][0]["can_undo"])

    def test_walkin_tells_the_credited_agent_at_once(self):
        wizard = self.register(contact_name="Notified Prospect", phone="13700003333")
        lead = wizard.lead_id
        [popup] = [
            m
            for m in self.bus_messages(self.agent1.partner_id)
            if m["type"] == "simple_notification"
        ]
        self.assertIn("Notified Prospect", popup["payload"]["title"])
        self.assertEqual(popup["payload"]["message"], wizard.visit_id.explanation)
        activity = lead.activity_ids.filtered(lambda a: a.user_id == self.agent1)
        self.assertEqual(activity.summary, "Receive the walk-in")
        # Nobody else was told about this prospect.
        self.assertFalse(
            [
                m
                for m in self.bus_messages(self.agent2.partner_id)
                if m["type"] == "simple_notification"
            ]
        )

    def test_board_channel_only_for_office_staff(self):
        channel = (self.env.company, BOARD_SUBCHANNEL)
        board = self.env["leasing.rotation.board"]
        for user in (self.frontdesk, self.agent1, self.manager, self.leader):
            self.assertIn(channel, board._board_channels(user), user.login)
        self.assertEqual(board._board_channels(self.clerk), [])

    def test_undo_and_registration_move_every_board(self):
        wizard = self.register(contact_name="Moves Boards", phone="13700004444")
        self.assertTrue(self.board_messages())
        self.env["bus.bus"].sudo().search([]).unlink()
        self.board.undo_visit(wizard.visit_id.id)
        self.assertEqual(len(self.board_messages()), 1)
