import io
from datetime import date

import openpyxl

from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common_targets import MONTH, LeasingTargetsCase

from ..report.workbook_rows import CommissionRow, ContractRow, TargetRow, VisitLogRow


@tagged("post_install", "-at_install", "leasing_reports")
class TestLeasingReports(LeasingTargetsCase):
    """Pivots and workbooks over a known month, against figures counted by hand.

    The month: agent1 receives 2 first visits (one returns), agent2 one, one public-pool
    overflow; agent1 signs 2 contracts, agent2 1, the public prospect 1. Target: 2 + 2 = 4.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)
        with freeze_time("2026-03-05 03:00:00"):
            cls.rotation.date = date(2026, 3, 5)
            cls.walkins = {}
            for key, vals in (
                ("a", {"phone": "13800030001"}),
                ("b", {"phone": "13800030002"}),
                ("c", {"phone": "13800030003", "card_user_id": cls.agent1.id}),
                ("a2", {"phone": "13800030001"}),
                ("p", {"phone": "13800030009", "overflow": True, "overflow_reason": "Busy floor"}),
            ):
                wizard = register.create({"contact_name": key, **vals})
                wizard.action_register()
                cls.walkins[key] = wizard.with_env(cls.env).lead_id
        cls.plan = cls.approve_plan(cls.new_plan_for_class())
        cls.contracts = [
            cls.sign_for_class(cls.walkins["a"], cls.units[0]),
            cls.sign_for_class(cls.walkins["c"], cls.units[1]),
            cls.sign_for_class(cls.walkins["b"], cls.units[2]),
            cls.sign_for_class(cls.walkins["p"], cls.units[3]),
        ]
        cls.env.flush_all()

    @classmethod
    def new_plan_for_class(cls):
        return (
            cls.env["leasing.target.plan"]
            .with_user(cls.manager)
            .create(
                {
                    "date_from": MONTH,
                    "target_contracts": 4,
                    "line_ids": [
                        (0, 0, {"user_id": cls.agent1.id, "target_contracts": 2}),
                        (0, 0, {"user_id": cls.agent2.id, "target_contracts": 2}),
                    ],
                }
            )
        )

    @classmethod
    def approve_plan(cls, plan):
        plan.with_user(cls.manager).action_request_approval()
        plan.with_user(cls.leader).action_approve()
        return plan

    @classmethod
    def sign_for_class(cls, lead, unit):
        return cls.env["leasing.contract"].create(
            {
                "contract_number": f"R-{unit.code}",
                "lead_id": lead.id,
                "unit_id": unit.id,
                "signed_date": date(2026, 3, 20),
            }
        )

    def grouped(self, model, domain, groupby, aggregate, user=None):
        rows = (
            self.env[model]
            .with_user(user or self.manager)
            ._read_group(domain, groupby, [aggregate])
        )
        return {tuple(getattr(v, "name", v) for v in row[:-1]): row[-1] for row in rows}

    def test_visits_per_agent_and_attribution(self):
        self.assertEqual(
            self.grouped(
                "leasing.visit.report",
                [("visit_date", "=", date(2026, 3, 5))],
                ["credited_user_id", "attribution_type"],
                "visit_count:sum",
            ),
            {
                ("agent1", "rotation"): 2,
                ("agent1", "card"): 1,
                ("agent2", "rotation"): 1,
                (False, "public"): 1,
            },
        )

    def test_rotation_fairness_counts_turns(self):
        self.assertEqual(
            self.grouped(
                "leasing.turn.report",
                [("date", "=", date(2026, 3, 5))],
                ["user_id"],
                "turn_count:sum",
            ),
            {("agent1",): 1, ("agent2",): 1},
        )

    def test_funnel_steps(self):
        rows = self.env["leasing.funnel.report"]._read_group(
            [("lead_id", "in", [lead.id for lead in self.walkins.values()])],
            [],
            ["lead_count:sum", "signed_count:sum"],
        )
        self.assertEqual(rows, [(4, 4)])

    def test_public_contract_counts_for_department_only(self):
        rows = self.env["leasing.target.report"].search([("plan_id", "=", self.plan.id)])
        by_row = {(row.member, row.level): row for row in rows}
        self.assertEqual(by_row["agent1", "agent"].actual_contracts, 2)
        self.assertEqual(by_row["agent2", "agent"].actual_contracts, 1)
        self.assertEqual(by_row["Department", "department"].actual_contracts, 4)
        self.assertEqual(by_row["Department", "department"].completion_rate, 100.0)
        self.assertEqual(by_row["agent2", "agent"].completion_rate, 50.0)

    def test_agents_see_only_their_own_figures(self):
        visits = self.grouped(
            "leasing.visit.report", [], ["credited_user_id"], "visit_count:sum", user=self.agent2
        )
        self.assertEqual(visits, {("agent2",): 1})
        targets = self.env["leasing.target.report"].with_user(self.agent2).search([])
        self.assertEqual(targets.user_id, self.agent2)

    def workbook(self, kind, date_from=MONTH, date_to=date(2026, 3, 31), lang=None):
        export = (
            self.env["leasing.report.export"]
            .with_user(self.manager)
            .with_context(lang=lang or self.env.lang)
            .create({"kind": kind, "date_from": date_from, "date_to": date_to})
        )
        data, _name = export._build()
        return openpyxl.load_workbook(io.BytesIO(data))

    def column_total(self, sheet, header):
        headers = [cell.value for cell in sheet[1]]
        values = [
            row[headers.index(header)] for row in sheet.iter_rows(min_row=2, values_only=True)
        ]
        return values[-1], values[:-1]

    def test_monthly_work_report_matches_pivots(self):
        book = self.workbook("work_month")
        self.assertEqual(
            book.sheetnames,
            [
                "Summary",
                "Visits",
                "Attribution Mix",
                "Funnel",
                "Follow-ups",
                "Deposits",
                "Signed Contracts",
                "Targets",
                "Compliance",
                "Calls",
                "Notable Items",
            ],
        )
        total, rows = self.column_total(book["Visits"], "Visits")
        pivot_total = sum(
            self.grouped(
                "leasing.visit.report",
                [("visit_date", ">=", MONTH), ("visit_date", "<=", date(2026, 3, 31))],
                ["credited_user_id"],
                "visit_count:sum",
            ).values()
        )
        self.assertEqual(total, sum(rows))
        self.assertEqual(total, pivot_total)
        self.assertEqual(total, 5)
        contracts_total, _rows = self.column_total(book["Signed Contracts"], "Signed Contracts")
        self.assertEqual(contracts_total, 4)
        summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=4, values_only=True)}
        self.assertEqual(summary["Visits"], 5)
        self.assertEqual(summary["Signed Contracts"], 4)
        self.assertEqual(book["Visits"].freeze_panes, "A2")
        funnel = list(book["Funnel"].iter_rows(min_row=2, values_only=True))
        # 4 prospects first visited in March, none followed up, all 4 signed.
        self.assertEqual([row[1] for row in funnel], [4, 0, 0, 4])
        self.assertEqual(funnel[1][2], 0.0)
        self.assertTrue(book["Attribution Mix"]._charts)

    def test_registers_and_target_workbooks(self):
        registers = self.workbook("registers")
        contracts = list(registers["Signed Contracts"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(contracts), 4)
        self.assertIn("Public Pool", [row[4] for row in contracts])
        targets = self.workbook("targets")
        rows = list(targets["Targets"].iter_rows(min_row=2, values_only=True))
        self.assertIn(("Department", "Month", "2026-03-01", "2026-03-31", 4, 4, 100.0), rows)

    def test_commission_workbook_totals(self):
        self.env["leasing.commission.statement"].with_user(self.manager).action_generate(MONTH)
        book = self.workbook("commission")
        total, rows = self.column_total(book["Commission Statements"], "Amount")
        # agent1 2/2 -> 2 × 1000 × 1.2; agent2 1/2 -> 1000 × 0.5; manager 4/4 -> 5000 × 1.5.
        self.assertEqual(sorted(rows), [500, 2400, 7500])
        self.assertEqual(total, 10400)

    def test_dashboard_opens_the_analyses(self):
        arch = self.env.ref("leasing_office_reports.leasing_dashboard_view_form").arch_db
        for xmlid in (
            "leasing_visit_report_action",
            "leasing_funnel_report_action",
            "leasing_target_report_action_dashboard",
            "leasing_compliance_report_action",
        ):
            action = self.env.ref(f"leasing_office_reports.{xmlid}")
            self.assertIn(f'name="{action.id}"', arch)

    def test_registers_include_the_visit_log(self):
        book = self.workbook("registers", date_to=date(2026, 3, 5))
        self.assertEqual(book.sheetnames[0], "Visit Log")
        log = list(book["Visit Log"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(log), 5)
        # 03:00 UTC is 11:00 in the office (Asia/Shanghai).
        self.assertEqual({row[0] for row in log}, {"2026-03-05 11:00"})
        self.assertEqual(
            sorted(row[3] for row in log),
            [
                "Business Card / Flyer",
                "Public Pool",
                "Rotation Turn",
                "Rotation Turn",
                "Rotation Turn",
            ],
        )
        self.assertEqual({row[7] for row in log}, {"Registered"})

    def test_workbook_labels_follow_the_fields_selections(self):
        """Rule: a workbook shows the labels of the fields' selections in the user's
        language, never the keys; one translation covers the view and the workbook."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["leasing_office", "leasing_office_reports"], ["zh_CN"]
        )
        zh = self.env(context={"lang": "zh_CN"})
        Report = zh["leasing.target.report"]
        month = dict(Report._fields["period_type"]._description_selection(zh))["month"]
        self.assertEqual(month, "月份")
        rows = list(
            self.workbook("targets", lang="zh_CN").worksheets[0].iter_rows(values_only=True)
        )
        self.assertIn(("部门", month, "2026-03-01", "2026-03-31", 4, 4, 100.0), rows)
        self.env["leasing.commission.statement"].with_user(self.manager).action_generate(MONTH)
        statement = self.env["leasing.commission.statement"].search(
            [("month", "=", MONTH)], limit=1
        )
        approval = dict(statement._fields["approval_state"]._description_selection(zh))[
            statement.approval_state
        ]
        kind = dict(statement._fields["kind"]._description_selection(zh))
        commission = list(
            self.workbook("commission", lang="zh_CN").worksheets[0].iter_rows(values_only=True)
        )
        self.assertIn(approval, [row[8] for row in commission])
        self.assertNotIn(statement.approval_state, [row[8] for row in commission])
        self.assertTrue({row[1] for row in commission[1:-1]} <= set(kind.values()))
        registrations = self.workbook("registers", lang="zh_CN").worksheets[1]
        compliance = dict(
            self.env["leasing.visitor.registration"]
            ._fields["compliance"]
            ._description_selection(zh)
        )
        cells = {row[5] for row in registrations.iter_rows(min_row=2, values_only=True)}
        self.assertTrue(cells <= set(compliance.values()), cells)

    def test_workbooks_print_landscape_one_page_wide_with_headers(self):
        for kind in ("work_month", "targets", "registers", "commission"):
            for sheet in self.workbook(kind).worksheets:
                with self.subTest(kind=kind, sheet=sheet.title):
                    self.assertEqual(sheet.page_setup.orientation, "landscape")
                    self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
                    # fitToWidth is left out when 1, its default in the file format.
                    self.assertEqual(int(sheet.page_setup.fitToWidth or 1), 1)
                    self.assertEqual(int(sheet.page_setup.fitToHeight), 0)
                    header = "3:3" if sheet.title == "Summary" else "1:1"
                    self.assertEqual(sheet.print_title_rows.replace("$", ""), header)

    def test_main_sheets_have_their_chart(self):
        book = self.workbook("work_month")
        expected = {
            "Visits": "BarChart",
            "Attribution Mix": "PieChart",
            "Funnel": "BarChart",
            "Targets": "BarChart",
        }
        for name, chart_type in expected.items():
            with self.subTest(sheet=name):
                [chart] = book[name]._charts
                self.assertEqual(type(chart).__name__, chart_type)
                self.assertIsNotNone(chart.legend)
        [chart] = self.workbook("targets").worksheets[0]._charts
        self.assertEqual(len(chart.series), 2)

    # ------------------------------------------------------------------
    # Every workbook's figures come from the report figures model, as typed rows
    # ------------------------------------------------------------------

    def test_registers_figures(self):
        Figures = self.env["leasing.report.figures"].with_user(self.leader)
        registers = Figures._registers(MONTH, date(2026, 3, 31))
        visits = registers["visits"]
        self.assertTrue(all(isinstance(row, VisitLogRow) for row in visits))
        self.assertEqual(len(visits), 5)
        self.assertEqual({row.visited_at for row in visits}, {"2026-03-05 11:00"})
        self.assertEqual(
            sorted(row.attribution for row in visits),
            ["card", "public", "rotation", "rotation", "rotation"],
        )
        self.assertEqual(
            sorted(row.prospect for row in visits),
            sorted(lead.display_name for lead in self.walkins.values()),
        )
        self.assertEqual({row.state for row in visits}, {"done"})
        self.assertEqual(
            sorted(row.credited for row in visits), ["", "agent1", "agent1", "agent1", "agent2"]
        )
        contracts = registers["contracts"]
        self.assertTrue(all(isinstance(row, ContractRow) for row in contracts))
        self.assertEqual(
            sorted((row.number, row.agent) for row in contracts),
            sorted(
                (contract.contract_number, contract.user_id.name or "")
                for contract in self.contracts
            ),
        )
        # Nothing outside the period.
        self.assertEqual(Figures._registers(date(2026, 4, 1), date(2026, 4, 30))["visits"], [])

    def test_targets_and_commission_figures(self):
        Figures = self.env["leasing.report.figures"].with_user(self.manager)
        targets = Figures._targets(MONTH, date(2026, 3, 31))
        self.assertIn(
            TargetRow("Department", "month", MONTH, date(2026, 3, 31), 4, 4, 100.0), targets
        )
        self.env["leasing.commission.statement"].with_user(self.manager).action_generate(MONTH)
        statements = Figures._commission(MONTH, date(2026, 3, 31))
        self.assertTrue(all(isinstance(row, CommissionRow) for row in statements))
        self.assertEqual(sorted(row.amount for row in statements), [500, 2400, 7500])
        self.assertEqual({row.approval for row in statements}, {"draft"})
