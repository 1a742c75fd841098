from datetime import date

from lxml import etree

from odoo.tests import tagged

from odoo.addons.leasing_office.tests.common_targets import LeasingTargetsCase


@tagged("post_install", "-at_install", "leasing_reports")
class TestLeasingTargetReport(LeasingTargetsCase):
    """Rule: the department's target and its agents' targets are shown side by side, never
    added up. A plan of 8 contracts (4 + 4 for the agents) totals 8, not 16."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = (
            cls.env["leasing.target.plan"]
            .with_user(cls.manager)
            .create(
                {
                    "date_from": date(2026, 3, 1),
                    "target_contracts": 8,
                    "line_ids": [
                        (0, 0, {"user_id": cls.agent1.id, "target_contracts": 4}),
                        (0, 0, {"user_id": cls.agent2.id, "target_contracts": 4}),
                    ],
                }
            )
        )
        plan.with_user(cls.manager).action_request_approval()
        plan.with_user(cls.leader).action_approve()
        cls.plan = plan
        Contract = cls.env["leasing.contract"]
        for lead, unit in (
            (cls.lead1, cls.units[0]),
            (cls.lead1, cls.units[1]),
            (cls.public_lead, cls.units[2]),
        ):
            Contract.create(
                {
                    "contract_number": f"TR-{unit.code}",
                    "lead_id": lead.id,
                    "unit_id": unit.id,
                    "signed_date": date(2026, 3, 12),
                }
            )
        cls.env.flush_all()

    def default_pivot(self):
        """The row groupbys and measures of the target analysis' default pivot."""
        arch = self.env["leasing.target.report"].get_views([(False, "pivot")])["views"]["pivot"]
        root = etree.fromstring(arch["arch"])
        rows = [
            f"{node.get('name')}:{node.get('interval')}"
            if node.get("interval")
            else node.get("name")
            for node in root.xpath("//field[@type='row']")
        ]
        measures = [node.get("name") for node in root.xpath("//field[@type='measure']")]
        return rows, measures

    def test_department_and_agents_are_not_added_up(self):
        rows, measures = self.default_pivot()
        self.assertEqual(rows, ["date_from:month", "member"])
        groups = (
            self.env["leasing.target.report"]
            .with_user(self.leader)
            ._read_group(
                [("plan_id", "=", self.plan.id)],
                rows,
                [f"{measure}:sum" for measure in measures],
            )
        )
        totals = {
            measure: sum(group[2 + index] for group in groups)
            for index, measure in enumerate(measures)
        }
        self.assertEqual(
            totals,
            {
                "department_target": 8,
                "department_actual": 3,
                "agent_target": 8,
                "agent_actual": 2,
            },
        )
        # And the grand total of the pivot (no grouping) is the plan's 8, too.
        [(grand_department, grand_agents)] = (
            self.env["leasing.target.report"]
            .with_user(self.leader)
            ._read_group(
                [("plan_id", "=", self.plan.id)], [], ["department_target:sum", "agent_target:sum"]
            )
        )
        self.assertEqual((grand_department, grand_agents), (8, 8))

    def test_department_row_is_labelled(self):
        report = self.env["leasing.target.report"].with_user(self.leader)
        rows = report.search([("plan_id", "=", self.plan.id)])
        self.assertEqual(
            sorted((row.level, row.member, row.target_contracts) for row in rows),
            [("agent", "agent1", 4), ("agent", "agent2", 4), ("department", "Department", 8)],
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.invalidate_all()
        department = report.with_context(lang="zh_CN").search(
            [("plan_id", "=", self.plan.id), ("level", "=", "department")]
        )
        self.assertEqual(department.member, "部门")
        self.assertEqual(department.completion_rate, 37.5)

    def test_row_figures_are_not_pivot_measures(self):
        fields = self.env["leasing.target.report"].fields_get(attributes=["aggregator"])
        for name in ("target_contracts", "actual_contracts", "completion_rate"):
            self.assertFalse(fields[name].get("aggregator"), name)
        for name in ("department_target", "agent_target"):
            self.assertEqual(fields[name]["aggregator"], "sum")
