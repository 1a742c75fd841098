from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .access_errors import acl_refused
from .common_targets import MONTH, LeasingTargetsCase


@tagged("post_install", "-at_install", "leasing_targets")
class TestLeasingTargetPlan(LeasingTargetsCase):
    """階段性任務: drafted by the manager, approved by leadership, revised, counted."""

    def test_month_and_quarter_periods(self):
        self.assertEqual(self.new_plan().date_to, date(2026, 3, 31))
        quarter = self.new_plan(period_type="quarter", date_from=date(2026, 1, 1))
        self.assertEqual(quarter.date_to, date(2026, 3, 31))

    def test_leadership_approves_plan(self):
        plan = self.approve(self.new_plan())
        self.assertEqual((plan.approval_state, plan.approver_id), ("approved", self.leader))

    def test_leadership_sends_back_with_comment(self):
        plan = self.new_plan()
        plan.with_user(self.manager).action_request_approval()
        plan.with_user(self.leader).action_send_back("Agent2 can do more")
        self.assertEqual(plan.approval_state, "rejected")
        self.assertEqual(plan.approval_comment, "Agent2 can do more")
        plan.with_user(self.manager).write({"target_contracts": 5})

    def test_only_leadership_approves(self):
        plan = self.new_plan()
        plan.with_user(self.manager).action_request_approval()
        for user in (self.agent1, self.manager):
            with self.assertRaisesRegex(UserError, r"^Only .+ approves this form\.$"):
                plan.with_user(user).action_approve()
        self.assertEqual(
            (plan.approval_state, plan.approver_id), ("to_approve", self.env["res.users"])
        )
        self.assertFalse(self.env["leasing.target.plan"]._get_current(MONTH))

    def test_only_manager_drafts_and_submits(self):
        with self.assertRaisesRegex(AccessError, acl_refused("create", "leasing.target.plan")):
            self.env["leasing.target.plan"].with_user(self.agent1).create({"date_from": MONTH})
        self.assertFalse(self.env["leasing.target.plan"].search([("date_from", "=", MONTH)]))
        plan = self.new_plan()
        with self.assertRaisesRegex(
            UserError, r"^Only the leasing manager submits a target plan\.$"
        ):
            plan.with_user(self.agent1).action_request_approval()
        self.assertEqual(plan.approval_state, "draft")

    def test_approved_plan_is_locked(self):
        plan = self.approve(self.new_plan())
        locked = r"^An approved plan cannot be edited; create a new revision\.$"
        with self.assertRaisesRegex(UserError, locked):
            plan.with_user(self.manager).write({"target_contracts": 9})
        with self.assertRaisesRegex(UserError, r"is with leadership or approved: .* new revision"):
            plan.line_ids[0].with_user(self.manager).write({"target_contracts": 9})
        self.assertEqual(plan.target_contracts, 4)
        self.assertEqual(plan.line_ids.mapped("target_contracts"), [2, 2])

    def test_revision_after_approval_replaces_it_once_approved(self):
        plan = self.approve(self.new_plan())
        action = plan.with_user(self.manager).action_new_revision()
        revision = self.env["leasing.target.plan"].browse(action["res_id"])
        self.assertEqual(
            (revision.revision, revision.previous_id, revision.root_id), (2, plan, plan)
        )
        self.assertEqual(revision.approval_state, "draft")
        revision.line_ids[0].with_user(self.manager).target_contracts = 3
        revision.with_user(self.manager).target_contracts = 5
        self.assertTrue(plan.active, "the approved revision stays until the new one is approved")
        self.approve(revision)
        self.assertFalse(plan.active)
        self.assertEqual(self.env["leasing.target.plan"]._get_current(MONTH), revision)
        self.assertEqual(plan.with_context(active_test=False).root_id.revision_ids, plan | revision)

    def test_overlapping_plans_are_refused(self):
        self.new_plan()
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.new_plan()
        self.new_plan(period_type="quarter", date_from=date(2026, 1, 1))  # another kind of period

    def test_breakdown_must_add_up_before_submission(self):
        plan = self.new_plan(contracts=(1, 2), dept=4)
        self.assertIn("agents add up to 3", plan.breakdown_warning)
        with self.assertRaisesRegex(UserError, "does not add up"):
            plan.with_user(self.manager).action_request_approval()
        self.assertEqual(plan.approval_state, "draft")

    def test_negative_targets_are_refused(self):
        negative = r"^Targets cannot be negative\.$"
        with self.assertRaisesRegex(ValidationError, negative):
            self.new_plan(dept=-1)
        self.assertFalse(self.env["leasing.target.plan"].search([("date_from", "=", MONTH)]))
        plan = self.new_plan()
        with self.assertRaisesRegex(ValidationError, negative):
            plan.line_ids[0].with_user(self.manager).write({"target_contracts": -2})
        self.assertEqual(plan.line_ids[0].target_contracts, 2)

    def test_actuals_credit_agents_and_public_counts_for_department(self):
        plan = self.approve(self.new_plan())
        self.sign(self.lead1, self.units[0])
        self.sign(self.lead1, self.units[1])
        self.sign(self.lead2, self.units[2])
        self.sign(self.public_lead, self.units[3])
        self.sign(self.lead2, self.units[4], day=date(2026, 4, 2))  # next month
        by_agent = {line.user_id: line for line in plan.line_ids}
        self.assertEqual(by_agent[self.agent1].actual_contracts, 2)
        self.assertEqual(by_agent[self.agent1].completion_rate, 100.0)
        self.assertEqual(by_agent[self.agent2].actual_contracts, 1)
        self.assertEqual(by_agent[self.agent2].completion_rate, 50.0)
        self.assertEqual(plan.actual_contracts, 4)
        self.assertEqual(plan.actual_area, 400)
        self.assertEqual(plan.actual_rent, 4000)
        self.assertEqual(plan.completion_rate, 100.0)

    def test_agents_see_only_their_own_targets(self):
        plan = self.approve(self.new_plan())
        mine = self.env["leasing.target.plan.line"].with_user(self.agent1).search([])
        self.assertEqual(mine, plan.line_ids.filtered(lambda line: line.user_id == self.agent1))
        self.assertEqual(mine.completion_rate, 0.0)
