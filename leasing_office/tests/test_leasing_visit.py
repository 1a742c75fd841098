from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.models import office_clock

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_visit")
class TestLeasingVisit(LeasingOfficeCase):
    """Front desk may undo a mistaken registration within a short window; it is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Today's table is dated the office's today: freeze the clock at 11:00 office time.
        tz = cls.env["leasing.form.mixin"]._office_tz()
        cls.now = office_clock.at_local(office_clock.office_today(cls.env), 11, 0, tz)

    def register_at(self, moment, **vals):
        with freeze_time(moment):
            return self.register(**vals)

    def turns_taken(self):
        return self.rotation.line_ids.mapped("turn_count")

    def test_undo_within_window_gives_the_turn_back(self):
        wizard = self.register_at(self.now, phone="13800011000")
        with freeze_time(self.now + timedelta(minutes=5)):
            wizard.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "cancelled")
        self.assertEqual(wizard.visit_id.turn_id.state, "undone")
        self.assertEqual(self.line1.turn_count, 0)
        self.assertFalse(self.rotation.last_line_id)
        self.assertFalse(wizard.lead_id.active)
        self.assertTrue(wizard.visit_id.exists())
        self.assertIn("Registration undone", " ".join(self.rotation.message_ids.mapped("body")))
        again = self.register_at(self.now + timedelta(minutes=6), phone="13800011001")
        self.assertEqual(again.lead_id.attributed_user_id, self.agent1)

    def test_undo_restores_skips_and_makeup_debts(self):
        self.register_at(self.now, phone="13800011000")
        self.set_status(self.line2, "busy")
        wizard = self.register_at(self.now, phone="13800011001")
        self.assertEqual(self.line2.makeup_owed, 1)
        with freeze_time(self.now):
            wizard.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertEqual((self.line2.skip_count, self.line2.makeup_owed), (0, 0))
        self.assertEqual(self.line3.turn_count, 0)
        self.assertEqual(self.rotation.last_line_id, self.line1)

    def test_undo_after_window_is_refused(self):
        wizard = self.register_at(self.now, phone="13800011000")
        with (
            freeze_time(self.now + timedelta(minutes=11)),
            self.assertRaisesRegex(
                UserError, r"^A registration can only be undone within 10 minutes\.$"
            ),
        ):
            wizard.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "done")
        self.assertEqual(self.line1.turn_count, 1)

    def test_undo_window_is_configurable(self):
        self.env.company.leasing_undo_window_minutes = 30
        wizard = self.register_at(self.now, phone="13800011000")
        with freeze_time(self.now + timedelta(minutes=20)):
            wizard.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "cancelled")

    def test_only_latest_turn_can_be_undone(self):
        first = self.register_at(self.now, phone="13800011000")
        self.register_at(self.now, phone="13800011001")
        with freeze_time(self.now), self.assertRaisesRegex(UserError, "only the latest turn"):
            first.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertEqual(first.visit_id.state, "done")
        self.assertEqual(self.turns_taken(), [1, 1, 0, 0])

    def test_returning_visit_undo_keeps_the_prospect(self):
        lead = self.register_at(self.now, phone="13800011000").lead_id
        again = self.register_at(self.now, phone="13800011000")
        with freeze_time(self.now):
            again.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertTrue(lead.active)
        self.assertEqual(lead.visit_count, 1)

    def test_agent_cannot_undo(self):
        wizard = self.register_at(self.now, phone="13800011000")
        with (
            freeze_time(self.now),
            self.assertRaisesRegex(UserError, r"^Only front desk may undo a registration\.$"),
        ):
            wizard.visit_id.with_user(self.agent1).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "done")
        self.assertEqual(wizard.visit_id.turn_id.state, "done")
        self.assertEqual(self.line1.turn_count, 1)

    def test_another_clerk_cannot_undo(self):
        wizard = self.register_at(self.now, phone="13800011000")
        other_clerk = self.frontdesk.copy({"login": "lo_frontdesk2", "name": "frontdesk2"})
        with (
            freeze_time(self.now),
            self.assertRaisesRegex(
                UserError,
                r"^Only the clerk who registered the visit, or the manager, may undo it\.$",
            ),
        ):
            wizard.visit_id.with_user(other_clerk).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "done")
        self.assertEqual(self.line1.turn_count, 1)
        with freeze_time(self.now):
            wizard.visit_id.with_user(self.manager).action_undo_registration()
        self.assertEqual(wizard.visit_id.state, "cancelled")

    def test_visit_records_who_when_and_why(self):
        wizard = self.register_at(self.now, phone="13800011000")
        visit = wizard.visit_id
        self.assertEqual(visit.visit_datetime, self.now)
        self.assertEqual(visit.received_user_id, self.agent1)
        self.assertEqual(visit.registered_by_id, self.frontdesk)
        self.assertEqual(visit.visit_kind, "first")
        self.assertEqual(visit.attribution_type, "rotation")
        self.assertEqual(wizard.lead_id.visit_count, 1)
