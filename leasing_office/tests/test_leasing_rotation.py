from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.leasing_office.models import office_clock

from .access_errors import acl_refused
from .common import LeasingOfficeCase

LEDGER_LOCKED = r"can only be changed by the form's own buttons"


@tagged("post_install", "-at_install", "leasing_rotation")
class TestLeasingRotation(LeasingOfficeCase):
    """Rule 1: first-time walk-ins are received in turn from the day's rotation table."""

    def turns(self):
        return [line.turn_count for line in self.rotation.line_ids]

    def test_rule1_walkins_taken_in_table_order(self):
        agents = [
            self.register(phone=f"1380000100{i}").lead_id.attributed_user_id for i in range(6)
        ]
        self.assertEqual(
            agents,
            [self.agent1, self.agent2, self.agent3, self.agent4, self.agent1, self.agent2],
        )
        self.assertEqual(self.turns(), [2, 2, 1, 1])
        self.assertEqual(self.rotation.next_user_id, self.agent3)

    def test_rule1_turn_is_logged_with_prospect_and_skips(self):
        self.register(phone="13800001000")
        self.set_status(self.line2, "busy")
        wizard = self.register(phone="13800001001")
        turn = wizard.visit_id.turn_id
        self.assertEqual(turn.user_id, self.agent3)
        self.assertEqual(turn.lead_id, wizard.lead_id)
        self.assertEqual(turn.visit_id, wizard.visit_id)
        self.assertEqual(turn.skipped_line_ids, self.line2)
        self.assertEqual(turn.owed_line_ids, self.line2)
        self.assertEqual(turn.create_uid, self.frontdesk)
        self.assertIn("agent2 skipped, busy with a prospect", turn.skip_note)

    def test_rule1_skipped_busy_agent_keeps_priority(self):
        self.register(phone="13800001000")  # agent1
        self.set_status(self.line2, "busy")
        self.register(phone="13800001001")  # agent3, agent2 owed one
        self.assertEqual((self.line2.skip_count, self.line2.makeup_owed), (1, 1))
        self.set_status(self.line2, "available")
        makeup = self.register(phone="13800001002")
        self.assertEqual(makeup.lead_id.attributed_user_id, self.agent2)
        self.assertTrue(makeup.visit_id.turn_id.is_makeup)
        self.assertEqual(self.line2.makeup_owed, 0)
        # The make-up turn does not move the order: agent4 is next after agent3.
        self.assertEqual(self.register(phone="13800001003").lead_id.attributed_user_id, self.agent4)
        self.assertEqual(self.turns(), [1, 1, 1, 1])

    def test_errand_is_owed_a_makeup_turn(self):
        self.set_status(self.line1, "errand")
        self.register(phone="13800001000")
        self.assertEqual(self.line1.makeup_owed, 1)

    def test_leave_is_skipped_without_makeup_turn(self):
        self.set_status(self.line1, "leave")
        wizard = self.register(phone="13800001000")
        self.assertEqual(wizard.lead_id.attributed_user_id, self.agent2)
        self.assertEqual((self.line1.skip_count, self.line1.makeup_owed), (1, 0))
        self.assertFalse(wizard.visit_id.turn_id.owed_line_ids)

    def test_available_flag_is_the_coarse_view_of_status(self):
        self.line3.with_user(self.frontdesk).available = False
        self.assertEqual(self.line3.status, "busy")
        self.set_status(self.line3, "leave")
        self.assertFalse(self.line3.available)
        self.line3.with_user(self.frontdesk).available = True
        self.assertEqual(self.line3.status, "available")

    def test_explanation_names_turn_skip_and_debt(self):
        self.register(phone="13800001000")
        self.set_status(self.line2, "busy")
        wizard = self.register(phone="13800001001")
        expected = (
            "agent3: next in turn; agent2 skipped, busy with a prospect; "
            "make-up turn owed to agent2"
        )
        self.assertEqual(wizard.explanation, expected)
        self.assertEqual(wizard.visit_id.explanation, expected)
        self.assertEqual(wizard.lead_id.attribution_note, expected)

    def test_turn_counts_stay_within_one(self):
        for index in range(11):
            if index == 5:
                self.set_status(self.line4, "busy")
            if index == 8:
                self.set_status(self.line4, "available")
            self.register(phone=f"138000020{index:02d}")
        counts = self.turns()
        self.assertLessEqual(max(counts) - min(counts), 1, counts)
        self.assertEqual(sum(counts), 11)

    def test_nobody_available_asks_for_overflow(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "busy")
        leads_before = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(UserError, "No agent could receive|No Agent Could Receive"):
            self.register(phone="13800001000")
        self.assertEqual(self.env["crm.lead"].search_count([]), leads_before)

    def test_frontdesk_changes_are_logged_in_chatter(self):
        self.set_status(self.line2, "errand")
        self.line3.with_user(self.frontdesk).sequence = 99
        bodies = " ".join(self.rotation.message_ids.mapped("body"))
        self.assertIn("agent2: Available → Out on a Company Errand", bodies)
        self.assertIn("agent3 moved in the order", bodies)

    def test_agent_cannot_edit_rotation(self):
        messages = self.rotation.message_ids
        with self.assertRaisesRegex(AccessError, acl_refused("write", "leasing.rotation.line")):
            self.line1.with_user(self.agent1).status = "busy"
        with self.assertRaisesRegex(AccessError, acl_refused("write", "leasing.rotation")):
            self.rotation.with_user(self.agent1).write({"date": "2030-01-01"})
        self.assertEqual(self.line1.status, "available")
        self.assertEqual(self.rotation.date, office_clock.office_today(self.env))
        self.assertEqual(self.rotation.message_ids, messages)

    def test_turn_ledger_is_not_editable_by_hand(self):
        self.register(phone="13800001000")
        with self.assertRaisesRegex(AccessError, LEDGER_LOCKED):
            self.line1.with_user(self.frontdesk).turn_count = 5
        with self.assertRaisesRegex(AccessError, LEDGER_LOCKED):
            self.line1.with_user(self.manager).makeup_owed = 2
        self.assertEqual((self.line1.turn_count, self.line1.makeup_owed), (1, 0))

    def test_only_agents_sit_in_the_rotation(self):
        with self.assertRaises(UserError) as caught:
            self.rotation.with_user(self.frontdesk).line_ids = [(0, 0, {"user_id": self.clerk.id})]
        self.assertEqual(
            str(caught.exception), "clerk is not a leasing agent and cannot be in the rotation."
        )

    def make_latest_table(self):
        """Our table becomes the latest before today, whatever tables the database holds
        (the demo data holds a quarter of them)."""
        others = self.env["leasing.rotation"].search([("id", "!=", self.rotation.id)])
        for offset, other in enumerate(others):
            other.date = date(1990, 1, 1) + timedelta(days=offset)
        self.rotation.date = "2001-01-01"

    def test_new_table_for_today_copies_the_last_order(self):
        self.make_latest_table()
        self.line4.sequence = 0
        action = self.env["leasing.rotation"].with_user(self.frontdesk).action_new_for_today()
        copy = self.env["leasing.rotation"].browse(action["res_id"])
        self.assertEqual(
            copy.line_ids.mapped("user_id"), self.agent4 | self.agent1 | self.agent2 | self.agent3
        )
        self.assertEqual(copy.line_ids[0].user_id, self.agent4)
        self.assertEqual(sum(copy.line_ids.mapped("turn_count")), 0)

    def test_board_shows_up_next_and_owed(self):
        self.set_status(self.line1, "busy")
        self.register(phone="13800001000")
        self.assertEqual(self.rotation.next_user_id, self.agent3)
        self.assertTrue(self.line3.is_next)
        self.set_status(self.line1, "available")
        self.assertEqual(self.rotation.next_user_id, self.agent1)
        self.assertEqual(self.line1.makeup_owed, 1)

    def test_daily_cron_creates_today_from_latest_order(self):
        self.make_latest_table()
        self.env["leasing.rotation"]._cron_create_today()
        today = self.env["leasing.rotation"].search(
            [
                ("date", "=", office_clock.office_today(self.env)),
                ("company_id", "=", self.env.company.id),
            ]
        )
        self.assertEqual(today.line_ids.user_id, self.agents[:4])
        self.env["leasing.rotation"]._cron_create_today()  # idempotent
        self.assertEqual(
            self.env["leasing.rotation"].search_count(
                [("id", ">=", today.id), ("company_id", "=", self.env.company.id)]
            ),
            1,
        )
