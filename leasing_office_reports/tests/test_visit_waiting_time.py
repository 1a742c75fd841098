from datetime import datetime, timedelta

from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_reports")
class TestVisitWaitingTime(LeasingOfficeCase):
    """Waiting time (arrival → received) per agent and day in the visit analysis."""

    def test_waiting_time_per_agent_and_day(self):
        # 10:00 in the office (Asia/Shanghai) is 02:00 UTC, the same calendar day.
        start = datetime.combine(self.rotation.date, datetime.min.time()) + timedelta(hours=2)
        visits = self.env["leasing.visit"]
        for index, wait in enumerate((4, 10)):
            with freeze_time(start):
                wizard = self.register(contact_name=f"Wait {index}", phone=f"1380002100{index}")
            visits |= wizard.visit_id
            with freeze_time(start + timedelta(minutes=wait)):
                wizard.visit_id.with_user(self.frontdesk).action_mark_received()
        self.assertEqual(visits.mapped("waiting_minutes"), [4, 10])
        Report = self.env["leasing.visit.report"]

        def figures():
            rows = Report.with_user(self.manager)._read_group(
                [("visit_date", "=", self.rotation.date)],
                ["received_user_id"],
                ["received_count:sum", "waiting_minutes:sum"],
            )
            return {user: (count, minutes) for user, count, minutes in rows if count}

        self.assertEqual(figures(), {self.agent1: (1, 4), self.agent2: (1, 10)})
        Report._rebuild()
        self.assertEqual(figures(), {self.agent1: (1, 4), self.agent2: (1, 10)})
