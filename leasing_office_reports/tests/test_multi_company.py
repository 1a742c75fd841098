from odoo.tests import tagged

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.tests.common_malls import TwoMallsCase


@tagged("post_install", "-at_install", "leasing_reports", "leasing_multi_company")
class TestMultiCompanyReports(TwoMallsCase):
    """Analyses per mall for each mall's office, consolidated for group leadership.

    Mall A registers two walk-ins (agent1, agent2), mall B three (agent1, agent_b, agent1):
    agent1, who works in both malls, is credited once in mall A and twice in mall B.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Wizard = cls.env["leasing.walkin.register"]
        for user, phones in (
            (cls.frontdesk, ["13800161001", "13800161002"]),
            (cls.frontdesk_b, ["13800162001", "13800162002", "13800162003"]),
        ):
            for phone in phones:
                Wizard.with_user(user).create(
                    {"contact_name": phone, "phone": phone}
                ).action_register()
        cls.env.flush_all()
        cls.today = office_clock.office_today(cls.env)

    def by_mall(self, env, model, measure, domain=(), extra=()):
        rows = env[model]._read_group(list(domain), ["company_id", *extra], [f"{measure}:sum"])
        return {tuple(rec.display_name for rec in row[:-1]): row[-1] for row in rows}

    def test_group_leadership_sees_every_mall_grouped_by_mall(self):
        env = self.both_malls(self.leader)
        today = [("visit_date", "=", self.today)]
        self.assertEqual(
            self.by_mall(env, "leasing.visit.report", "visit_count", today),
            {(self.mall_a.name,): 2, ("Mall B",): 3},
        )
        self.assertEqual(
            self.by_mall(
                env, "leasing.visit.report", "visit_count", today, extra=["credited_user_id"]
            ),
            {
                (self.mall_a.name, "agent1"): 1,
                (self.mall_a.name, "agent2"): 1,
                ("Mall B", "agent1"): 2,
                ("Mall B", "agent B"): 1,
            },
        )
        self.assertEqual(
            self.by_mall(env, "leasing.turn.report", "turn_count", [("date", "=", self.today)]),
            {(self.mall_a.name,): 2, ("Mall B",): 3},
        )

    def test_leasing_visit_report_rule_company(self):
        today = [("visit_date", "=", self.today)]
        self.assertEqual(
            self.by_mall(self.env(user=self.manager), "leasing.visit.report", "visit_count", today),
            {(self.mall_a.name,): 2},
        )
        self.assertEqual(
            self.by_mall(
                self.env(user=self.manager_b), "leasing.visit.report", "visit_count", today
            ),
            {("Mall B",): 3},
        )

    def test_leasing_turn_report_rule_company(self):
        today = [("date", "=", self.today)]
        self.assertEqual(
            self.by_mall(self.env(user=self.manager), "leasing.turn.report", "turn_count", today),
            {(self.mall_a.name,): 2},
        )
        self.assertEqual(
            self.by_mall(self.env(user=self.manager_b), "leasing.turn.report", "turn_count", today),
            {("Mall B",): 3},
        )

    def test_leasing_funnel_report_rule_company(self):
        phones = ["13800161001", "13800161002", "13800162001", "13800162002", "13800162003"]
        leads = self.env["crm.lead"].search([("phone", "in", phones)])
        domain = [("lead_id", "in", leads.ids)]
        self.assertEqual(
            self.by_mall(
                self.env(user=self.manager), "leasing.funnel.report", "lead_count", domain
            ),
            {(self.mall_a.name,): 2},
        )
        self.assertEqual(
            self.by_mall(
                self.both_malls(self.leader), "leasing.funnel.report", "lead_count", domain
            ),
            {(self.mall_a.name,): 2, ("Mall B",): 3},
        )

    def test_agent_in_two_malls_sees_own_figures_per_mall(self):
        today = [("visit_date", "=", self.today)]
        self.assertEqual(
            self.by_mall(
                self.in_malls(self.agent1, self.mall_a),
                "leasing.visit.report",
                "visit_count",
                today,
            ),
            {(self.mall_a.name,): 1},
        )
        self.assertEqual(
            self.by_mall(
                self.both_malls(self.agent1), "leasing.visit.report", "visit_count", today
            ),
            {(self.mall_a.name,): 1, ("Mall B",): 2},
        )
