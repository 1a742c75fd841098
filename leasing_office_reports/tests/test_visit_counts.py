"""The visit analysis's running counts stay exact through every write path of a visit.

The oracle is a plain GROUP BY over ``leasing_visit`` written here, independently of the
report's own ``_check_counts``: the office day of each visit by PostgreSQL's own timezone
conversion to Asia/Shanghai.
"""

from datetime import timedelta

import psycopg2
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

PHONES = st.sampled_from([f"1380005{n:04d}" for n in range(6)])
REFUSED = (UserError, AccessError, ValidationError)


def oracle_counts(env):
    """{row key: (visits, first visits)} by a plain GROUP BY over the registered visits."""
    env.flush_all()
    rows = env.execute_query(
        SQL(
            """
            SELECT (visit_datetime AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date,
                   credited_user_id, received_user_id, attribution_type, visit_kind,
                   COALESCE(on_behalf, FALSE), company_id,
                   COUNT(*), COUNT(*) FILTER (WHERE visit_kind = 'first')
              FROM leasing_visit
             WHERE state = 'done'
          GROUP BY 1, 2, 3, 4, 5, 6, 7
            """
        )
    )
    return {tuple(row[:7]): (row[7], row[8]) for row in rows}


def analysis_counts(env):
    """The same rows as the visit analysis gives them to a pivot."""
    rows = env["leasing.visit.report"]._read_group(
        [],
        [
            "visit_date:day",
            "credited_user_id",
            "received_user_id",
            "attribution_type",
            "visit_kind",
            "on_behalf",
            "company_id",
        ],
        ["visit_count:sum", "first_visit_count:sum"],
    )
    return {
        (day, credited.id or None, received.id, kind or None, visit_kind, behalf, company.id): (
            visits,
            first,
        )
        for day, credited, received, kind, visit_kind, behalf, company, visits, first in rows
        if visits or first
    }


class VisitCountsMachine(RuleBasedStateMachine):
    """Random registrations, undos, attribution changes, dispute decisions and direct writes;
    after every step the analysis equals the GROUP BY. Each run is rolled back."""

    case = None  # the running test case, set by the test
    applied = refused = 0  # steps that changed something, steps the rules refused

    def __init__(self):
        super().__init__()
        self.env = self.case.env
        self.savepoint = self.env.cr.savepoint()

    def teardown(self):
        self.savepoint.close(rollback=True)
        self.env.invalidate_all()

    def attempt(self, action):
        """Run one step; a step the office's rules refuse changes nothing."""
        with mute_logger("odoo.sql_db"):
            try:
                with self.env.cr.savepoint():
                    action()
            except REFUSED:
                type(self).refused += 1
            else:
                type(self).applied += 1

    def visits(self):
        return self.env["leasing.visit"].search([("lead_id.phone", "like", "1380005")])

    def pick(self, records, index):
        return records[index % len(records)] if records else records

    @rule(phone=PHONES, how=st.sampled_from(["rotation", "overflow", "card", "leadership"]))
    def register(self, phone, how):
        vals = {"contact_name": phone, "phone": phone}
        if how == "overflow":
            vals["overflow"] = True
        elif how == "leadership":
            vals["leadership_referral"] = True
        elif how == "card":
            vals["card_user_id"] = self.case.agent2.id
        self.attempt(lambda: self.case.register(**vals))

    @rule(index=st.integers(0, 20))
    def undo(self, index):
        visit = self.pick(self.visits(), index)
        if visit:
            self.attempt(lambda: visit.with_user(self.case.frontdesk).action_undo_registration())

    @rule(index=st.integers(0, 20), agent=st.integers(0, 4), public=st.booleans())
    def change_attribution(self, index, agent, public):
        lead = self.pick(self.visits().lead_id, index)
        if not lead:
            return
        vals = {"lead_id": lead.id, "reason": "Hand count"}
        if public:
            vals["make_public"] = True
        else:
            vals["user_id"] = self.case.agents[agent].id

        def change():
            Change = self.env["leasing.attribution.change"].with_user(self.case.manager)
            Change.create(vals).action_apply()

        self.attempt(change)

    @rule(
        index=st.integers(0, 20),
        agent=st.integers(0, 4),
        decision=st.sampled_from(["upheld", "reassigned", "public"]),
    )
    def dispute(self, index, agent, decision):
        lead = self.pick(self.visits().lead_id, index)
        if not lead:
            return
        claimant = self.case.agents[agent]

        def raise_and_decide():
            dispute = (
                self.env["leasing.attribution.dispute"]
                .with_user(claimant)
                .create({"lead_id": lead.id, "claimed_user_id": claimant.id, "reason": "Mine"})
            )
            self.env["leasing.dispute.decide"].with_user(self.case.manager).create(
                {
                    "dispute_id": dispute.id,
                    "decision": decision,
                    "user_id": claimant.id,
                    "reason": "Decided",
                }
            ).action_decide()

        self.attempt(raise_and_decide)

    @rule(
        index=st.integers(0, 20),
        state=st.sampled_from([None, "done", "cancelled"]),
        credited=st.sampled_from([None, "public", 0, 1, 2]),
        hours=st.sampled_from([None, -9, -3, 5, 30]),
        other=st.sampled_from(
            [None, "received_user_id", "attribution_type", "visit_kind", "on_behalf"]
        ),
    )
    def direct_write(self, index, state, credited, hours, other):
        """A write of any mix of the fields the counts depend on, as a migration or a fix
        from ``odoo-bin shell`` would make it."""
        visits = self.visits()
        if not visits:
            return
        targets = visits if index == 20 else self.pick(visits, index)
        vals = {}
        if state:
            vals["state"] = state
        if credited == "public":
            vals["credited_user_id"] = False
        elif credited is not None:
            vals["credited_user_id"] = self.case.agents[credited].id
        if hours is not None:
            vals["visit_datetime"] = targets[0].visit_datetime + timedelta(hours=hours)
        if other == "received_user_id":
            vals[other] = self.case.agent3.id
        elif other == "attribution_type":
            vals[other] = "card"
        elif other == "visit_kind":
            vals[other] = "returning" if targets[0].visit_kind == "first" else "first"
        elif other == "on_behalf":
            vals[other] = not targets[0].on_behalf
        if vals:
            self.attempt(lambda: targets._write_guarded(vals))

    @invariant()
    def analysis_equals_group_by(self):
        expected = oracle_counts(self.env)
        self.case.assertEqual(analysis_counts(self.env), expected)
        self.case.assertEqual(self.env["leasing.visit.report"]._check_counts(), [])


@tagged("post_install", "-at_install", "leasing_reports")
class TestVisitCounts(LeasingOfficeCase):
    """The running counts of the visit analysis are exact after every write of a visit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"

    def assertExact(self):
        self.assertEqual(analysis_counts(self.env), oracle_counts(self.env))
        self.assertEqual(self.env["leasing.visit.report"]._check_counts(), [])

    def test_credit_written_without_state(self):
        visit = self.register(phone="13800051001").visit_id
        visit._write_guarded({"credited_user_id": self.agent3.id})
        self.assertExact()
        per_agent = dict(
            self.env["leasing.visit.report"]._read_group(
                [("credited_user_id", "!=", False)], ["credited_user_id"], ["visit_count:sum"]
            )
        )
        self.assertEqual(per_agent, {self.agent3: 1})

    def test_state_and_credit_in_one_write(self):
        visit = self.register(phone="13800051002").visit_id
        visit._write_guarded({"state": "cancelled", "credited_user_id": self.agent3.id})
        self.assertExact()
        visit._write_guarded({"state": "done", "credited_user_id": False})
        self.assertExact()
        rows = self.env["leasing.visit.report"]._read_group(
            [("is_public", "=", True)], [], ["visit_count:sum"]
        )
        self.assertEqual(rows, [(1,)])

    def test_refused_unlink_keeps_the_counts(self):
        visit = self.register(phone="13800051003").visit_id
        with self.assertRaisesRegex(UserError, "Visits are never deleted"):
            visit.sudo().unlink()
        self.assertTrue(visit.exists())
        self.assertExact()

    def test_check_finds_and_rebuild_repairs_drift(self):
        self.register(phone="13800051004")
        Report = self.env["leasing.visit.report"]
        self.env.flush_all()
        self.env.cr.execute("UPDATE leasing_visit_report SET visit_count = visit_count + 2")
        Report.invalidate_model()
        drift = Report._check_counts()
        self.assertTrue(drift)
        self.assertEqual({row["stored"] - row["expected"] for row in drift}, {2})
        Report._rebuild()
        self.assertEqual(Report._check_counts(), [])
        self.assertExact()

    def test_counts_key_needs_no_postgresql_15(self):
        """The unique key works without NULLS NOT DISTINCT (PostgreSQL 15): a second row for
        the public pool on the same day, without a source channel, is refused all the same."""
        [definition] = self.env.execute_query(
            SQL(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                "leasing_visit_report_dimensions_uniq",
            )
        )[0]
        self.assertIn("COALESCE(credited_user_id, 0)", definition)
        self.assertIn("COALESCE(source_id, 0)", definition)
        self.assertNotIn("NULLS NOT DISTINCT", definition.upper())
        row = SQL(
            """INSERT INTO leasing_visit_report (visit_date, received_user_id, visit_kind,
                   on_behalf, company_id, channel, is_public, visit_count, first_visit_count)
               VALUES ('2001-01-01', %s, 'first', FALSE, %s, 'walk_in', TRUE, 1, 1)""",
            self.frontdesk.id,
            self.env.company.id,
        )
        self.env.cr.execute(row)
        with (
            self.assertRaises(psycopg2.errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(row)

    def test_random_write_sequences_keep_the_counts(self):
        VisitCountsMachine.case = self
        run_state_machine_as_test(
            VisitCountsMachine,
            settings=settings(
                max_examples=12,
                stateful_step_count=10,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
        # The sequences did change visits, and the rules refused some steps.
        self.assertGreater(VisitCountsMachine.applied, 40)
        self.assertGreater(VisitCountsMachine.refused, 0)
