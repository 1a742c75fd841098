from datetime import date, timedelta

from odoo.tests import TransactionCase, tagged

from ..models import office_clock
from ..models.leasing_demo_quarter import MALL2_XMLID

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
        main = self.env.ref("base.main_company")
        rotations = self.env["leasing.rotation"].search(
            [("date", ">=", start), ("date", "<", TODAY), ("company_id", "=", main.id)]
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

    def test_second_mall_has_its_own_quarter_and_the_agent_of_both_is_credited_in_each(self):
        start = TODAY - timedelta(days=DAYS)
        self.env["leasing.demo.quarter"]._generate(today=TODAY, days=DAYS)
        main = self.env.ref("base.main_company")
        mall = self.env.ref(MALL2_XMLID)
        both = self.env.ref("leasing_office.res_users_agent1_demo")
        leader = self.env.ref("leasing_office.res_users_leader_demo")
        self.assertEqual(mall.name, "金汇商城")
        self.assertEqual(mall.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(office_clock.company_tz(mall), "Asia/Shanghai")
        self.assertEqual(both.company_ids & (main | mall), main | mall)
        self.assertEqual(self.env.ref("leasing_office.res_users_agent8_demo").company_ids, mall)
        self.assertEqual(leader.company_ids & (main | mall), main | mall)
        Rotation, Visit = self.env["leasing.rotation"], self.env["leasing.visit"]
        for company in (main, mall):
            rotations = Rotation.search(
                [("company_id", "=", company.id), ("date", ">=", start), ("date", "<", TODAY)]
            )
            self.assertEqual(len(rotations), DAYS, company.name)
            rosters = self.env["leasing.duty.roster"].search([("rotation_id", "in", rotations.ids)])
            self.assertEqual(len(rosters), DAYS, company.name)
            self.assertEqual(rosters.company_id, company)
            visits = Visit.search([("rotation_id", "in", rotations.ids)])
            self.assertTrue(visits, company.name)
            self.assertEqual(visits.company_id, company)
            credited = visits.lead_id.filtered("user_id")
            self.assertEqual(credited.company_id, company, company.name)
            self.assertIn(both, visits.credited_user_id, f"agent1 not credited in {company.name}")
            units = self.env["leasing.unit"].search([("company_id", "=", company.id)])
            self.assertTrue(units, company.name)
            targets = self.env["leasing.target.plan"].search(
                [("company_id", "=", company.id), ("date_from", ">=", start.replace(day=1))]
            )
            self.assertEqual(set(targets.mapped("approval_state")), {"approved"}, company.name)
            self.assertIn(both, targets.line_ids.user_id, company.name)
            statements = self.env["leasing.commission.statement"].search(
                [("company_id", "=", company.id), ("user_id", "=", both.id)]
            )
            self.assertTrue(statements, f"agent1 has no statement in {company.name}")
        self.assertEqual(
            set(self.env["leasing.unit"].search([("company_id", "=", mall.id)]).mapped("building")),
            {"C"},
        )
        # Leadership sees both malls' tables at once.
        seen = Rotation.with_user(leader).with_context(allowed_company_ids=(main | mall).ids)
        self.assertEqual(seen.search_count([("date", ">=", start), ("date", "<", TODAY)]), 2 * DAYS)

    def test_prospects_are_scored_once_and_the_second_malls_logins_work(self):
        """The replay skips predictive lead scoring per prospect and scores each mall's
        prospects in one computation at the end; the demo logins' passwords (their logins)
        are hashed at a low work factor and verify as stock's."""
        start = TODAY - timedelta(days=DAYS)
        self.env["leasing.demo.quarter"]._generate(today=TODAY, days=DAYS)
        visits = self.env["leasing.visit"].search(
            [("rotation_id.date", ">=", start), ("rotation_id.date", "<", TODAY)]
        )
        leads = visits.lead_id.filtered("active")
        self.assertTrue(leads)
        scores, _unused = leads._pls_get_naive_bayes_probabilities()
        self.assertTrue(any(scores.values()), "no prospect has a score to compare")
        for lead in leads:
            self.assertAlmostEqual(lead.automated_probability, scores.get(lead.id, 0), places=2)
            self.assertAlmostEqual(lead.probability, lead.automated_probability, places=2)
        crypt = self.env["res.users"]._crypt_context()
        for login in ("frontdesk", "agent1", "frontdesk2", "agent8"):
            self.env.cr.execute("SELECT password FROM res_users WHERE login = %s", [login])
            stored = self.env.cr.fetchone()[0]
            self.assertTrue(stored.startswith("$pbkdf2-sha512$"), login)
            self.assertTrue(crypt.verify(login, stored), login)
            self.assertFalse(crypt.verify(login + "x", stored), login)

    def test_test_databases_skip_the_quarter(self):
        self.assertFalse(
            self.env["leasing.rotation"].search_count(
                [("date", "<", office_clock.office_today(self.env) - timedelta(days=30))]
            ),
            "the demo quarter ran in a database installed for tests",
        )
