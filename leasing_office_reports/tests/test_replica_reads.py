import io
from datetime import timedelta

import openpyxl

from odoo.tests import HttpCase, tagged

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

WORKBOOK = "/leasing_office_reports/workbook"
# Odoo serves a read-only route from the replica; when such a request writes, odoo.http warns
# "... retrying with a read/write cursor" and runs it again on the primary. Tests run read-only
# routes in a read-only transaction, so a write shows here as it would on a replica.


@tagged("post_install", "-at_install", "leasing_replica")
class TestReplicaReads(HttpCase, LeasingOfficeCase):
    """Leadership's analyses, dashboard figures and workbooks are read-only requests, so a
    deployment with a PostgreSQL replica serves them from the replica."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)
        for name, phone in (("Replica A", "13800071001"), ("Replica B", "13800071002")):
            register.create({"contact_name": name, "phone": phone}).action_register()
        cls.today = office_clock.office_today(cls.env)

    def served_read_only(self):
        """No request in the block was run again on the primary (nor warned at all)."""
        return self.assertNoLogs("odoo.http", "WARNING")

    def get_workbook(self, kind, date_from, date_to):
        return self.url_open(
            f"{WORKBOOK}?kind={kind}&date_from={date_from}&date_to={date_to}", timeout=60
        )

    def test_workbooks_are_read_only_downloads(self):
        self.authenticate("leader", "leader")
        Export = self.env["leasing.report.export"]
        kinds = [key for key, _label in Export._fields["kind"].selection]
        self.assertEqual(set(kinds), set(Export._writers()))
        attachments = self.env["ir.attachment"].search_count([])
        for kind in kinds:
            with self.subTest(kind=kind), self.served_read_only():
                response = self.get_workbook(kind, self.today - timedelta(days=30), self.today)
                self.assertEqual(response.status_code, 200)
                self.assertIn("spreadsheetml", response.headers["Content-Type"])
                self.assertIn(".xlsx", response.headers["Content-Disposition"])
                book = openpyxl.load_workbook(io.BytesIO(response.content))
                self.assertTrue(book.sheetnames)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_the_wizard_points_at_the_download(self):
        export = (
            self.env["leasing.report.export"]
            .with_user(self.manager)
            .create({"kind": "registers", "date_from": self.today, "date_to": self.today})
        )
        action = export.action_export()
        self.assertEqual(
            action["url"],
            f"{WORKBOOK}?kind=registers&date_from={self.today}&date_to={self.today}",
        )

    def test_workbook_refused_to_an_agent(self):
        self.authenticate("agent1", "agent1")
        with self.assertLogs("odoo.http", "WARNING"):
            response = self.get_workbook("work_month", self.today, self.today)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))

    def test_workbook_with_a_reversed_period_is_refused(self):
        self.authenticate("leader", "leader")
        with self.assertLogs("odoo.http", "WARNING"):
            response = self.get_workbook("work_month", self.today, self.today - timedelta(days=1))
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))

    def test_analyses_are_read_only_requests(self):
        """Every analysis of the reports addon, grouped as its pivot does, over the web
        client's route: served read-only, with figures."""
        self.authenticate("leader", "leader")
        reports = [
            name
            for name, model in self.env.registry.items()
            if model._original_module == "leasing_office_reports" and name.endswith(".report")
        ]
        self.assertGreaterEqual(len(reports), 6)
        for name in reports:
            fields_ = self.env[name]._fields
            groupby = next(
                field
                for field in ("user_id", "credited_user_id", "period_type", "visit_date")
                if field in fields_
            )
            with self.subTest(report=name), self.served_read_only():
                result = self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/{name}/web_read_group",
                    {
                        "model": name,
                        "method": "web_read_group",
                        "args": [[], [groupby], ["__count"]],
                        "kwargs": {},
                    },
                )
                self.assertIn("groups", result)
            if name == "leasing.visit.report":
                self.assertTrue(result["groups"])
