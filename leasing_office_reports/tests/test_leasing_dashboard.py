import json
import re

from lxml import etree

from odoo.tests import tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

OUR_MODELS = {"leasing.visit.report", "leasing.funnel.report", "leasing.target.report"}
REPORT_ACTIONS = [
    "leasing_visit_report_action",
    "leasing_turn_report_action",
    "leasing_funnel_report_action",
    "leasing_target_report_action",
    "leasing_target_report_action_dashboard",
    "leasing_compliance_report_action",
    "leasing_commission_statement_report_action",
    "leasing_contract_report_action",
    "leasing_contract_reconciliation_line_report_action",
    "leasing_unit_report_action",
]


@tagged("post_install", "-at_install", "leasing_reports")
class TestLeasingDashboard(LeasingOfficeCase):
    """Leadership's dashboard: in the board and in Odoo's Dashboards app (spreadsheet)."""

    def dashboard(self):
        return self.env.ref("leasing_office_reports.spreadsheet_dashboard_leasing")

    def test_spreadsheet_dashboard_is_offered_to_leadership(self):
        dashboard = self.dashboard()
        Dashboard = self.env["spreadsheet.dashboard"]
        self.assertIn(dashboard, Dashboard.with_user(self.leader).search([]))
        self.assertTrue(dashboard.is_published)
        self.assertEqual(
            dashboard.dashboard_group_id,
            self.env.ref("leasing_office_reports.spreadsheet_dashboard_group_leasing"),
        )
        for user in (self.agent1, self.frontdesk):
            self.assertNotIn(dashboard, Dashboard.with_user(user).search([]))
        served = json.loads(dashboard.with_user(self.leader)._get_serialized_readonly_dashboard())
        self.assertEqual(served["translation_namespace"], "leasing_office_reports")
        self.assertFalse(dashboard.sample_dashboard_file_path)  # never fake figures

    def references(self):
        """(model, field) pairs the dashboard's pivots, charts and global filters use."""
        data = json.loads(self.dashboard().spreadsheet_data)
        pairs = set()
        for pivot in data["pivots"].values():
            for item in pivot["measures"] + pivot["rows"] + pivot["columns"]:
                pairs.add((pivot["model"], item["fieldName"].split(":")[0]))
            pairs.update((pivot["model"], m["chain"]) for m in pivot["fieldMatching"].values())
        for sheet in data["sheets"]:
            for figure in sheet["figures"]:
                meta = figure["data"].get("metaData")
                if not meta:
                    continue
                model = meta["resModel"]
                pairs.add((model, meta["measure"]))
                pairs.update((model, group.split(":")[0]) for group in meta["groupBy"])
                pairs.update((model, m["chain"]) for m in figure["data"]["fieldMatching"].values())
            for formula in sheet["cells"].values():
                for pivot_id, measure in re.findall(r'PIVOT\.VALUE\((\d+),"(\w+)"\)', formula):
                    measures = [m["fieldName"] for m in data["pivots"][pivot_id]["measures"]]
                    self.assertIn(measure, measures, formula)
        return data, pairs

    def test_dashboard_reads_only_our_report_models_and_existing_fields(self):
        data, pairs = self.references()
        self.assertEqual({model for model, _field in pairs}, OUR_MODELS)
        for model, field in pairs:
            with self.subTest(model=model, field=field):
                self.assertIn(field, self.env[model]._fields)
        for pivot in data["pivots"].values():
            Model = self.env[pivot["model"]].with_user(self.leader)
            for measure in pivot["measures"]:
                self.assertEqual(Model._fields[measure["fieldName"]].aggregator, "sum")
            # The leader can compute every pivot of the dashboard.
            Model._read_group(
                [],
                [row["fieldName"] for row in pivot["rows"]],
                [f"{m['fieldName']}:sum" for m in pivot["measures"]],
            )
        for menu in data["chartOdooMenusReferences"].values():
            self.assertTrue(self.env.ref(menu, raise_if_not_found=False), menu)
        for figure in data["sheets"][0]["figures"]:
            if figure["data"]["type"] != "scorecard":
                self.assertNotEqual(figure["data"].get("legendPosition", "none"), "none")

    def test_empty_analyses_show_our_own_help_not_sample_data(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["leasing_office_reports"], ["zh_CN"])
        for xmlid in REPORT_ACTIONS:
            action = self.env.ref(f"leasing_office_reports.{xmlid}")
            with self.subTest(action=xmlid):
                self.assertIn("o_view_nocontent_smiling_face", action.help)
                help_zh = action.with_context(lang="zh_CN").help
                self.assertRegex(str(help_zh), r"[\u4e00-\u9fff]")
                self.assertNotEqual(str(help_zh), str(action.help))
                model = self.env[action.res_model]
                for view_type in ("pivot", "graph"):
                    arch = model.get_views([(False, view_type)])["views"].get(view_type)
                    if arch:
                        self.assertIsNone(etree.fromstring(arch["arch"]).get("sample"))

    def test_target_tile_shows_target_actual_and_rate(self):
        arch = self.env.ref("leasing_office_reports.leasing_dashboard_view_form").arch_db
        tile = self.env.ref("leasing_office_reports.leasing_target_report_action_dashboard")
        self.assertIn(f'name="{tile.id}"', arch)
        columns = etree.fromstring(tile.view_id.arch_db).xpath(
            "//field[not(@column_invisible)]/@name"
        )
        self.assertEqual(
            columns, ["member", "target_contracts", "actual_contracts", "completion_rate"]
        )
