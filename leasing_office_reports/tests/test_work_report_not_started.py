import io
from datetime import date, datetime

import openpyxl

from odoo import fields
from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

# Asia/Shanghai: 18:00 there is 10:00 UTC.
MONDAY = date(2030, 4, 1)
SUNDAY = date(2030, 4, 7)


def utc(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute)


@tagged("post_install", "-at_install", "leasing_reports")
class TestWorkReportNotStarted(LeasingOfficeCase):
    """Not started counts as not done: the compliance analysis and the work report count the
    expected forms nobody started next to the late and incomplete ones, per agent and form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.env["leasing.rotation"].create(
            {
                "date": MONDAY,
                "line_ids": [
                    fields.Command.create({"user_id": cls.agent1.id, "sequence": 1}),
                    fields.Command.create({"user_id": cls.agent2.id, "sequence": 2}),
                ],
            }
        )
        Duty = cls.env["leasing.obligation"]
        with freeze_time(utc(MONDAY, 1)):
            Duty._cron_generate()
        # agent1 hands Monday's follow-up plan in an hour late; agent2 never opens one.
        with freeze_time(utc(MONDAY, 11)):
            plan = (
                cls.env["leasing.followup.plan"]
                .with_user(cls.agent1)
                .create({"plan_date": MONDAY, "no_followups": True})
            )
            plan.with_user(cls.agent1).action_submit()
        with freeze_time(utc(MONDAY, 12)):
            Duty._cron_escalate()
        cls.env.flush_all()

    def rows(self):
        with freeze_time(utc(SUNDAY, 12)):
            figures = self.env["leasing.report.figures"]._work_report(MONDAY, SUNDAY)
        ours = (self.agent1.name, self.agent2.name)
        return {(row[0], row[1]): row[2:] for row in figures["compliance"] if row[0] in ours}

    def test_rule_not_started_counts_as_not_done_in_the_work_report(self):
        # forms, on time, late, incomplete, not started, inaccurate, not done
        self.assertEqual(
            self.rows(),
            {
                (self.agent1.name, "followup"): (1, 0, 1, 0, 0, 0, 1),
                (self.agent2.name, "followup"): (1, 0, 0, 0, 1, 0, 1),
            },
        )

    def test_not_started_in_the_compliance_analysis(self):
        with freeze_time(utc(SUNDAY, 12)):
            rows = self.env["leasing.compliance.report"]._read_group(
                [
                    ("user_id", "in", (self.agent1 | self.agent2).ids),
                    ("form_type", "=", "followup"),
                ],
                ["user_id"],
                ["late_count:sum", "not_started_count:sum", "not_done_count:sum"],
            )
        self.assertEqual(
            {user: counts for user, *counts in rows},
            {self.agent1: [1, 0, 1], self.agent2: [0, 1, 1]},
        )

    def test_work_report_sheet_lists_not_started(self):
        with freeze_time(utc(SUNDAY, 12)):
            export = (
                self.env["leasing.report.export"]
                .with_user(self.manager)
                .create({"kind": "work_week", "date_from": MONDAY, "date_to": SUNDAY})
            )
            data, _name = export._build()
        sheet = openpyxl.load_workbook(io.BytesIO(data))["Compliance"]
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(
            headers,
            [
                "Agent",
                "Form",
                "Forms",
                "On Time",
                "Late",
                "Incomplete",
                "Not Started",
                "Marked Inaccurate",
                "Forms Not Done",
            ],
        )
        rows = {
            row[0]: row
            for row in sheet.iter_rows(min_row=2, values_only=True)
            if row[0] in (self.agent1.name, self.agent2.name)
        }
        self.assertEqual(rows[self.agent2.name][1], "Follow-up Plan")
        self.assertEqual(rows[self.agent2.name][6], 1)
        self.assertEqual(rows[self.agent1.name][4], 1)
