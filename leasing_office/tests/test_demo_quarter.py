from datetime import date, timedelta

from odoo.tests import TransactionCase, tagged

from ..models import office_clock

# Far from the demo's own days and from every other test's.
TODAY = date(2031, 3, 10)
DAYS = 6


@tagged("post_install", "-at_install", "leasing_demo")
class TestDemoQuarter(TransactionCase):
    """The demo generator replays office days through the office's own actions; a database
    installed for tests skips the full quarter, so the test replays a few days."""

    def test_demo_days_are_replayed_on_their_own_tables_and_office_days(self):
        start = TODAY - timedelta(days=DAYS)
        self.env["leasing.demo.quarter"]._generate(today=TODAY, days=DAYS)
        rotations = self.env["leasing.rotation"].search(
            [("date", ">=", start), ("date", "<", TODAY)]
        )
        self.assertEqual(
            sorted(rotations.mapped("date")), [start + timedelta(n) for n in range(DAYS)]
        )
        visits = self.env["leasing.visit"].search([("rotation_id", "in", rotations.ids)])
        self.assertGreaterEqual(len(visits), 3 * DAYS)
        for visit in visits:
            self.assertEqual(
                office_clock.office_date(self.env, visit.visit_datetime), visit.rotation_id.date
            )
        self.assertIn("rotation", visits.mapped("attribution_type"))
        self.assertTrue(all(visits.lead_id.mapped("attribution_type")))

    def test_test_databases_skip_the_quarter(self):
        self.assertFalse(
            self.env["leasing.rotation"].search_count(
                [("date", "<", office_clock.office_today(self.env) - timedelta(days=30))]
            ),
            "the demo quarter ran in a database installed for tests",
        )
