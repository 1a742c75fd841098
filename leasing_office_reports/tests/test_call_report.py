from datetime import date, datetime, timedelta

from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

DAY = date(2030, 5, 6)


@tagged("post_install", "-at_install", "leasing_reports")
class TestCallReport(LeasingOfficeCase):
    """Fifty calls a day: the shortfall per agent and duty day in the analysis and workbook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rotation.date = DAY
        cls.env.company.leasing_call_target = 3
        leads = cls.env["crm.lead"].create(
            [{"name": f"R{i}", "phone": f"1380009100{i}", "user_id": False} for i in range(3)]
        )
        at_ten = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=2)
        for minute, lead, user in ((0, 0, 1), (1, 1, 1), (2, 1, 1), (3, 0, 2)):
            with freeze_time(at_ten + timedelta(minutes=minute)):
                leads[lead].with_user(cls.agents[user - 1]).action_log_call()
        with freeze_time(at_ten + timedelta(hours=4)):  # 14:00, outside the window
            leads[2].with_user(cls.agent1).action_log_call()
        cls.line4.with_user(cls.frontdesk).status = "leave"
        cls.env.flush_all()

    def test_rule_fifty_calls_shortfall_per_agent_and_day(self):
        rows = self.env["leasing.call.report"].search([("date", "=", DAY)])
        self.assertEqual(
            {(r.user_id, r.called_count, r.target_count, r.shortfall_count) for r in rows},
            {(self.agent1, 2, 3, 1), (self.agent2, 1, 3, 2), (self.agent3, 0, 3, 3)},
        )
        own = self.env["leasing.call.report"].with_user(self.agent2).search([("date", "=", DAY)])
        self.assertEqual(own.user_id, self.agent2)

    def test_rule_fifty_calls_shortfall_in_the_work_report(self):
        figures = self.env["leasing.report.figures"]._work_report(DAY, DAY + timedelta(days=6))
        self.assertEqual(
            sorted(figures["calls"]),
            [("agent1", 1, 2, 3, 1), ("agent2", 1, 1, 3, 2), ("agent3", 1, 0, 3, 3)],
        )
