from odoo import models
from odoo.tests import tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase
from odoo.addons.web.models.models import Base as WebBase


@tagged("post_install", "-at_install", "leasing_reports")
class TestAnalysisGrouping(LeasingOfficeCase):
    """Grouping the analyses by person skips the name join but keeps Odoo's groups and order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # agent names against their ids: the first agent by id is last by name
        cls.agent1.partner_id.name = "Zhou Zed"
        cls.agent3.partner_id.name = "An Amy"
        for phone in ("13800031001", "13800031002", "13800031003", "13800031001"):
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
                    "phone": "13800031009",
                    "overflow": True,
                    "overflow_reason": "Busy floor",
                }
            )
        )
        overflow.action_register()
        cls.env.flush_all()

    def assert_same_as_stock(self, model, groupby, aggregates):
        records = self.env[model].with_user(self.manager)
        order = ", ".join(groupby)
        # Odoo's own grouping, the joins to the people's names included
        stock = models.BaseModel._read_group(records, [], groupby, aggregates, order=order)
        ours = records._read_group([], groupby, aggregates, order=order)
        self.assertTrue(stock)
        self.assertEqual(ours, stock)
        return ours

    def test_groups_by_person_in_name_order(self):
        rows = self.assert_same_as_stock(
            "leasing.visit.report", ["credited_user_id", "attribution_type"], ["visit_count:sum"]
        )
        names = [agent.name for agent, _kind, _count in rows]
        # by name, as the database sorts them, not by id; the public pool last
        self.assertEqual(names, ["An Amy", "Zhou Zed", "agent2", False])

    def test_groups_by_month_and_person(self):
        self.assert_same_as_stock(
            "leasing.visit.report", ["visit_date:month", "received_user_id"], ["visit_count:sum"]
        )
        self.assert_same_as_stock(
            "leasing.funnel.report", ["user_id"], ["lead_count:sum", "days_to_sign:avg"]
        )

    def test_web_pivot_call_unchanged(self):
        Report = self.env["leasing.visit.report"].with_user(self.manager)
        groupby = ["credited_user_id", "attribution_type"]
        web = Report.formatted_read_grouping_sets(
            [], [[], ["credited_user_id"], groupby], ["visit_count:sum"]
        )
        stock = [
            models.BaseModel._read_group(
                Report, [], spec, ["visit_count:sum"], order=", ".join(spec)
            )
            for spec in ([], ["credited_user_id"])
        ]
        self.assertEqual([row["visit_count:sum"] for row in web[0]], [stock[0][0][0]])
        self.assertEqual(
            [row["credited_user_id"] and row["credited_user_id"][0] for row in web[1]],
            [agent.id or False for agent, _count in stock[1]],
        )
        self.assertEqual(web[1][0]["credited_user_id"][1], "An Amy")

    def test_web_groups_as_the_web_layer_formats_them(self):
        """Labels, domains and figures of every group as the web layer's own formatting."""
        cases = [
            ("leasing.visit.report", ["credited_user_id", "attribution_type"], ["visit_count:sum"]),
            (
                "leasing.visit.report",
                ["visit_date:month", "attribution_type", "on_behalf"],
                ["__count"],
            ),
            ("leasing.visit.report", ["visit_date:day", "received_user_id"], ["__count"]),
            ("leasing.funnel.report", ["user_id"], ["lead_count:sum", "days_to_sign:avg"]),
            ("leasing.visit.report", [], ["visit_count:sum"]),  # the pivot's total
        ]
        for model, groupby, aggregates in cases:
            with self.subTest(model=model, groupby=groupby):
                records = self.env[model].with_user(self.manager)
                rows = records._read_group([], groupby, aggregates, order=", ".join(groupby))
                self.assertGreater(len(rows), 1 if groupby else 0)
                ours = records._web_read_group_format(groupby, aggregates, rows)
                web = WebBase._web_read_group_format(records, groupby, aggregates, rows)
                self.assertEqual(ours, web)
                for group in ours:
                    count = records.search_count(group["__extra_domain"])
                    self.assertEqual(count, group.get("__count", count), group)
                    self.assertTrue(count, group)
