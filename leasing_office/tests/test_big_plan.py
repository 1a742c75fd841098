from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .access_errors import acl_refused
from .common_targets import LeasingTargetsCase

Q1, Q2 = date(2026, 1, 1), date(2026, 4, 1)


@tagged("post_install", "-at_install", "leasing_targets")
class TestBigPlan(LeasingTargetsCase):
    """由公司領導確定大計畫、階段性計畫: leadership's plan, broken down by the manager."""

    def big_plan(self, year_contracts=30, stages=((Q1, date(2026, 6, 30), 12),), confirm=True):
        plan = (
            self.env["leasing.big.plan"]
            .with_user(self.leader)
            .create(
                {
                    "year": 2026,
                    "target_contracts": year_contracts,
                    "stage_ids": [
                        fields.Command.create(
                            {
                                "name": f"S{index}",
                                "date_from": start,
                                "date_to": end,
                                "target_contracts": count,
                            }
                        )
                        for index, (start, end, count) in enumerate(stages, start=1)
                    ],
                }
            )
        )
        if confirm:
            plan.action_confirm()
        return plan

    def year_plan(self):
        """The year in two stages: H1 (12) and H2 (18)."""
        return self.big_plan(
            stages=((Q1, date(2026, 6, 30), 12), (date(2026, 7, 1), date(2026, 12, 31), 18))
        )

    def target(self, start, contracts, period_type="month"):
        return self.new_plan(
            contracts=(contracts, 0), dept=contracts, date_from=start, period_type=period_type
        )

    def test_rule_big_plan_set_by_leadership_only(self):
        for user in (self.manager, self.agent1):
            with self.assertRaises(AccessError):
                self.env["leasing.big.plan"].with_user(user).create({"year": 2026})
        for user in (self.frontdesk, self.agent1, self.keyaccount):
            with self.assertRaisesRegex(AccessError, acl_refused("read", "leasing.big.plan")):
                self.env["leasing.big.plan"].with_user(user).search([])
        plan = self.year_plan()
        self.assertEqual((plan.state, plan.confirmed_by_id), ("confirmed", self.leader))
        self.assertEqual(self.env["leasing.big.plan"].with_user(self.manager).search([]), plan)
        with self.assertRaisesRegex(AccessError, r"^Only leadership sets the year's plan"):
            plan.with_user(self.manager).action_reopen()
        self.assertEqual(plan.state, "confirmed")

    def test_rule_big_plan_stages_add_up_to_the_year(self):
        plan = self.big_plan(year_contracts=30, confirm=False)
        with self.assertRaisesRegex(
            ValidationError,
            r"the stages do not add up to the year: Signed Contracts Target: the stages add up "
            r"to 12, the year's is 30",
        ):
            plan.action_confirm()
        self.assertEqual((plan.state, plan.confirmed_by_id.id), ("draft", False))

    def test_rule_big_plan_stages_are_whole_quarters(self):
        with (
            self.assertRaisesRegex(ValidationError, r"first day of a quarter and end on the last"),
            self.env.cr.savepoint(),
        ):
            self.big_plan(stages=((date(2026, 2, 1), date(2026, 6, 30), 30),), confirm=False)
        with (
            self.assertRaisesRegex(ValidationError, r"^Stage S\d overlaps stage S\d\.$"),
            self.env.cr.savepoint(),
        ):
            self.big_plan(
                stages=((Q1, date(2026, 6, 30), 15), (Q2, date(2026, 9, 30), 15)), confirm=False
            )
        self.assertFalse(self.env["leasing.big.plan"].search([("year", "=", 2026)]))

    def test_rule_big_plan_confirmed_is_locked(self):
        plan = self.year_plan()
        with self.assertRaisesRegex(UserError, r"^A confirmed plan is locked"):
            plan.with_user(self.leader).write({"target_contracts": 40})
        with self.assertRaisesRegex(UserError, r"is confirmed: its stages cannot be"):
            plan.stage_ids[0].with_user(self.leader).write({"target_contracts": 40})
        with self.assertRaisesRegex(AccessError, r"own buttons"):
            plan.sudo().write({"state": "draft"})
        self.assertEqual(
            (plan.state, plan.target_contracts, plan.stage_ids[0].target_contracts),
            ("confirmed", 30, 12),
        )
        plan.with_user(self.leader).action_reopen()
        plan.stage_ids[0].with_user(self.leader).target_contracts = 13
        self.assertEqual(plan.state, "draft")

    def test_rule_big_plan_quarters_add_up_to_the_stage(self):
        self.year_plan()
        q1 = self.target(Q1, 5, "quarter")
        self.approve(q1)
        q2 = self.target(Q2, 6, "quarter")
        figures = (
            r"Signed Contracts Target: the 2 plans within stage S1 add up to 11, "
            r"stage S1 sets 12"
        )
        with self.assertRaisesRegex(ValidationError, figures):
            q2.with_user(self.manager).action_request_approval()
        self.assertEqual(q2.approval_state, "draft")
        self.assertIn("add up to 11", q2.big_plan_warning)
        q2.with_user(self.manager).write({"target_contracts": 7})
        q2.line_ids[0].with_user(self.manager).target_contracts = 7
        self.approve(q2)
        self.assertEqual(q2.approval_state, "approved")
        stage = self.env["leasing.big.plan.stage"].search([("name", "=", "S1")])
        self.assertEqual((stage.quarter_contracts, stage.quarter_plan_count), (12, 2))

    def test_rule_big_plan_quarter_cannot_exceed_the_stage(self):
        self.year_plan()
        q1 = self.target(Q1, 13, "quarter")
        with self.assertRaisesRegex(ValidationError, r"the 1 plans within stage S1 add up to 13"):
            q1.with_user(self.manager).action_request_approval()
        self.assertEqual(q1.approval_state, "draft")

    def test_rule_big_plan_months_add_up_to_the_quarter(self):
        self.year_plan()
        self.approve(self.target(Q1, 6, "quarter"))
        self.approve(self.target(date(2026, 1, 1), 2))
        self.approve(self.target(date(2026, 2, 1), 2))
        march = self.target(date(2026, 3, 1), 1)
        with self.assertRaisesRegex(
            ValidationError,
            r"the 3 plans within the quarter from 2026-01-01 add up to 5, .* sets 6",
        ):
            march.with_user(self.manager).action_request_approval()
        self.assertEqual(march.approval_state, "draft")
        march.with_user(self.manager).target_contracts = 2
        march.line_ids[0].with_user(self.manager).target_contracts = 2
        self.approve(march)
        stage = self.env["leasing.big.plan.stage"].search([("name", "=", "S1")])
        self.assertEqual((stage.month_contracts, stage.month_plan_count), (6, 3))

    def test_rule_big_plan_checked_again_at_approval(self):
        self.year_plan()
        quarter = self.approve(self.target(Q1, 6, "quarter"))
        jan = self.target(date(2026, 1, 1), 2)
        jan.with_user(self.manager).action_request_approval()
        # While January waits for leadership, the quarter is revised down to 1.
        action = quarter.with_user(self.manager).action_new_revision()
        revision = self.env["leasing.target.plan"].browse(action["res_id"])
        revision.with_user(self.manager).target_contracts = 1
        revision.line_ids[0].with_user(self.manager).target_contracts = 1
        self.approve(revision)
        with self.assertRaisesRegex(
            ValidationError,
            r"the 1 plans within the quarter from 2026-01-01 add up to 2, .* sets 1",
        ):
            jan.with_user(self.leader).action_approve()
        self.assertEqual((jan.approval_state, jan.approver_id.id), ("to_approve", False))

    def test_rule_big_plan_month_needs_its_quarter_first(self):
        self.year_plan()
        month = self.target(date(2026, 1, 1), 2)
        with self.assertRaisesRegex(ValidationError, r"plan its quarter first"):
            month.with_user(self.manager).action_request_approval()
        self.assertEqual(month.approval_state, "draft")

    def test_rule_big_plan_every_agent_on_duty_has_a_line(self):
        roster = (
            self.env["leasing.duty.roster"]
            .with_user(self.frontdesk)
            .create(
                {
                    "date": date(2026, 3, 12),
                    "line_ids": [
                        fields.Command.create({"user_id": agent.id})
                        for agent in (self.agent1, self.agent2, self.agent3)
                    ],
                }
            )
        )
        plan = self.new_plan()
        with self.assertRaisesRegex(
            ValidationError,
            r"Every agent on duty in the month has a line in .*; missing: agent3\.$",
        ):
            plan.with_user(self.manager).action_request_approval()
        self.assertEqual(plan.approval_state, "draft")
        plan.with_user(self.manager).write(
            {"line_ids": [fields.Command.create({"user_id": self.agent3.id})]}
        )
        self.approve(plan)
        self.assertTrue(roster)

    def test_rule_big_plan_without_it_the_office_plans_as_before(self):
        plan = self.approve(self.target(date(2026, 1, 1), 2))
        self.assertEqual((plan.approval_state, plan.big_plan_warning), ("approved", ""))
