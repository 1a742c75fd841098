from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

DAY = date(2030, 5, 6)  # a Monday


def shanghai(day, hour, minute=0):
    """``hour:minute`` in Shanghai on ``day``, as the naive UTC Odoo stores."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 8, minutes=minute)


@tagged("post_install", "-at_install", "leasing_routine")
class TestCallTarget(LeasingOfficeCase):
    """每天電話50個, 9:30–11:30: distinct prospects called within the window, per duty day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rotation.date = DAY
        cls.leads = cls.env["crm.lead"].create(
            [{"name": f"Call {i}", "phone": f"1380009000{i}", "user_id": False} for i in range(4)]
        )

    def call(self, lead, when, user=None):
        with freeze_time(when):
            lead.with_user(user or self.agent1).action_log_call()

    def test_rule_fifty_calls_counts_distinct_prospects_in_window(self):
        a, b, c, d = self.leads
        self.call(a, shanghai(DAY, 9, 30))
        self.call(a, shanghai(DAY, 10, 15))  # the same prospect again: counted once
        self.call(b, shanghai(DAY, 11, 30))
        self.call(c, shanghai(DAY, 9, 29))  # before the window
        self.call(d, shanghai(DAY, 11, 31))  # after the window
        self.call(c, shanghai(DAY + timedelta(days=1), 10))  # another day
        self.assertEqual(self.line1.calls_today, 5)
        self.assertEqual(self.line1.prospects_called, 2)
        self.assertEqual((self.line1.call_target, self.line1.call_shortfall), (50, 48))
        self.assertEqual((self.line2.prospects_called, self.line2.call_shortfall), (0, 50))

    def test_rule_fifty_calls_time_is_stamped_by_the_server(self):
        with (
            freeze_time(shanghai(DAY, 15)),
            self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"),
        ):
            self.env["leasing.call.log"].with_user(self.agent1).create(
                {"lead_id": self.leads[0].id, "call_datetime": shanghai(DAY, 10)}
            )
        self.assertFalse(self.env["leasing.call.log"].search([("user_id", "=", self.agent1.id)]))
        self.call(self.leads[0], shanghai(DAY, 15))
        call = self.env["leasing.call.log"].search([("user_id", "=", self.agent1.id)])
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"):
            call.with_user(self.agent1).call_datetime = shanghai(DAY, 10)
        self.assertEqual(call.call_datetime, shanghai(DAY, 15))
        self.assertFalse(call.in_window)
        self.assertEqual(self.line1.prospects_called, 0)

    def test_rule_fifty_calls_shortfall_in_the_weekly_check(self):
        self.env.company.leasing_call_target = 2
        self.call(self.leads[0], shanghai(DAY, 10))
        self.call(self.leads[1], shanghai(DAY, 10, 5))
        self.call(self.leads[0], shanghai(DAY, 10), user=self.agent2)
        self.call(self.leads[1], shanghai(DAY, 13), user=self.agent2)  # after the window
        self.set_status(self.line4, "leave")
        check = (
            self.env["leasing.compliance.check"]
            .with_user(self.manager)
            .create({"kind": "weekly", "date_from": DAY, "date_to": DAY + timedelta(days=6)})
        )
        self.assertEqual(
            {(c.user_id, c.date, c.called, c.target, c.shortfall) for c in check.call_ids},
            {(self.agent2, DAY, 1, 2, 1), (self.agent3, DAY, 0, 2, 2)},
        )
        lines = {line.user_id: line for line in check.line_ids}
        self.assertEqual(
            (lines[self.agent3].call_short_days, lines[self.agent3].call_shortfall), (1, 2)
        )
        self.assertNotIn(self.agent1, lines)  # met the target
        self.assertNotIn(self.agent4, lines)  # on leave
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"):
            check.call_ids[0].with_user(self.manager).called = 2
