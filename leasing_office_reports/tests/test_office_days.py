from datetime import date, datetime

from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

DECEMBER_1 = date(2026, 12, 1)
# 01:30 and 07:30 on 1 December in Shanghai are still 30 November in UTC.
AT_0130 = datetime(2026, 11, 30, 17, 30)
AT_0730 = datetime(2026, 11, 30, 23, 30)


@tagged("post_install", "-at_install", "leasing_reports")
class TestOfficeDays(LeasingOfficeCase):
    """Every day, week, month and quarter of a figure is the office's (Asia/Shanghai here):
    visits at 01:30 and 07:30 on the first of December count on 1 December, in December and
    in the fourth quarter, not on 30 November (their UTC day)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.rotation.date = DECEMBER_1
        cls.leads = cls.env["crm.lead"]
        for moment, phone in ((AT_0130, "13800041001"), (AT_0730, "13800041002")):
            with freeze_time(moment):
                wizard = (
                    cls.env["leasing.walkin.register"]
                    .with_user(cls.frontdesk)
                    .create({"contact_name": phone, "phone": phone})
                )
                wizard.action_register()
                cls.leads |= wizard.with_env(cls.env).lead_id
        cls.visits = cls.env["leasing.visit"].search([("lead_id", "in", cls.leads.ids)])
        cls.env.flush_all()

    def visit_days(self):
        rows = self.env["leasing.visit.report"]._read_group(
            [("visit_date", ">=", date(2026, 11, 29)), ("visit_date", "<=", date(2026, 12, 2))],
            ["visit_date:day"],
            ["visit_count:sum"],
        )
        return dict(rows)

    def test_visit_analysis_counts_the_office_day(self):
        self.assertEqual(self.visits.mapped("visit_datetime"), [AT_0730, AT_0130])
        self.assertEqual(self.visit_days(), {DECEMBER_1: 2})
        months = dict(
            self.env["leasing.visit.report"]._read_group(
                [("visit_date", ">=", date(2026, 11, 1))], ["visit_date:month"], ["visit_count:sum"]
            )
        )
        self.assertEqual(months, {DECEMBER_1: 2})

    def test_rebuild_counts_the_office_day(self):
        self.env["leasing.visit.report"]._rebuild()
        self.assertEqual(self.visit_days(), {DECEMBER_1: 2})
        self.assertEqual(self.env["leasing.visit.report"]._check_counts(), [])

    def test_funnel_first_visit_is_the_office_day(self):
        rows = self.env["leasing.funnel.report"].search([("lead_id", "in", self.leads.ids)])
        self.assertEqual(rows.mapped("first_visit_date"), [DECEMBER_1, DECEMBER_1])

    def test_work_report_periods_are_office_periods(self):
        Figures = self.env["leasing.report.figures"]
        december = Figures._work_report(*Figures._period_of("month", DECEMBER_1))
        self.assertEqual(december["period"], (DECEMBER_1, date(2026, 12, 31)))
        self.assertEqual(sum(row[2] for row in december["visits"]), 2)
        self.assertEqual(december["funnel"][0], 2)
        november = Figures._work_report(*Figures._period_of("month", date(2026, 11, 30)))
        self.assertEqual(november["visits"], [])
        self.assertEqual(november["funnel"][0], 0)
        day = Figures._work_report(*Figures._period_of("day", DECEMBER_1))
        self.assertEqual(sum(row[2] for row in day["visits"]), 2)

    def test_period_bounds(self):
        Figures = self.env["leasing.report.figures"]
        self.assertEqual(
            Figures._period_of("week", DECEMBER_1), (date(2026, 11, 30), date(2026, 12, 6))
        )
        self.assertEqual(
            Figures._period_of("quarter", DECEMBER_1),
            (date(2026, 10, 1), DECEMBER_1.replace(day=31)),
        )
        self.assertEqual(Figures._period_of("quarter", date(2026, 2, 28))[1], date(2026, 3, 31))
        # A datetime field (stored in UTC) is cut at the office's midnight: 16:00 UTC.
        self.assertEqual(
            Figures._period_domain("visit_end", DECEMBER_1, DECEMBER_1, is_datetime=True),
            [
                ("visit_end", ">=", datetime(2026, 11, 30, 16, 0)),
                ("visit_end", "<", datetime(2026, 12, 1, 16, 0)),
            ],
        )
        period_visits = self.env["leasing.visit"].search(
            [
                ("lead_id", "in", self.leads.ids),
                *Figures._period_domain("visit_datetime", DECEMBER_1, DECEMBER_1, True),
            ]
        )
        self.assertEqual(period_visits, self.visits)

    def test_export_defaults_to_the_office_month(self):
        with freeze_time(AT_0730):
            export = (
                self.env["leasing.report.export"]
                .with_user(self.manager)
                .create({"kind": "work_month"})
            )
            week = (
                self.env["leasing.report.export"]
                .with_user(self.manager)
                .create({"kind": "work_week"})
            )
        self.assertEqual((export.date_from, export.date_to), (DECEMBER_1, date(2026, 12, 31)))
        self.assertEqual((week.date_from, week.date_to), (date(2026, 11, 30), date(2026, 12, 6)))

    def test_visit_names_show_office_time(self):
        self.assertEqual(
            sorted(self.visits.mapped("name")),
            ["13800041001 · 2026-12-01 01:30:00", "13800041002 · 2026-12-01 07:30:00"],
        )

    def test_timezone_change_recounts_the_days(self):
        self.env.company.partner_id.tz = "UTC"
        self.assertEqual(self.visit_days(), {date(2026, 11, 30): 2})
        self.assertIn("2026-11-30 23:30:00", " ".join(self.visits.mapped("name")))
        self.env.company.partner_id.tz = "Asia/Shanghai"
        self.assertEqual(self.visit_days(), {DECEMBER_1: 2})
