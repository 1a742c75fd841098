from odoo.tests import tagged

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.tests.common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_reports")
class TestLeasingVisitReport(LeasingOfficeCase):
    """The visit analysis counts registered visits per agent and attribution type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        phones = ["13800020001", "13800020002", "13800020003", "13800020001"]
        for phone in phones:  # agent1, agent2, agent3, then agent1's prospect returns
            wizard = (
                cls.env["leasing.walkin.register"]
                .with_user(cls.frontdesk)
                .create({"contact_name": phone, "phone": phone})
            )
            wizard.action_register()
        overflow = (
            cls.env["leasing.walkin.register"]
            .with_user(cls.frontdesk)
            .create(
                {
                    "contact_name": "Pool",
                    "phone": "13800020009",
                    "overflow": True,
                    "overflow_reason": "Busy floor",
                }
            )
        )
        overflow.action_register()
        cls.env.flush_all()
        cls.today = [("visit_date", "=", office_clock.office_today(cls.env))]

    def grouped(self, user, domain=()):
        Report = self.env["leasing.visit.report"].with_user(user)
        rows = Report._read_group(
            [*domain], ["credited_user_id", "attribution_type"], ["visit_count:sum"]
        )
        return {(agent.name or "public", kind): count for agent, kind, count in rows}

    def test_department_figures_match_hand_count(self):
        self.assertEqual(
            self.grouped(self.manager, self.today),
            {
                ("agent1", "rotation"): 2,
                ("agent2", "rotation"): 1,
                ("agent3", "rotation"): 1,
                ("public", "public"): 1,
            },
        )

    def test_public_visits_count_for_no_agent(self):
        rows = self.env["leasing.visit.report"]._read_group(
            [("is_public", "=", True), *self.today],
            [],
            ["visit_count:sum"],
        )
        self.assertEqual(rows, [(1,)])

    def test_agent_sees_only_own_figures(self):
        self.assertEqual(self.grouped(self.agent1), {("agent1", "rotation"): 2})

    def test_undone_visits_are_not_counted(self):
        visit = self.env["leasing.visit"].search([("lead_id.phone", "=", "13800020009")])
        visit.with_user(self.frontdesk).action_undo_registration()
        self.assertNotIn(("public", "public"), self.grouped(self.manager, self.today))
