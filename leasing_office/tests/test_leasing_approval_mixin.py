from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_forms import LeasingFakeModelsCase


@tagged("post_install", "-at_install", "leasing_forms")
class TestLeasingApprovalMixin(LeasingFakeModelsCase):
    """The shared approval behaviour, on a test-only form."""

    def submitted_plan(self, owner=None):
        plan = self.env["leasing.fake.plan"].with_user(owner or self.agent1).create({"name": "P"})
        plan.action_submit()
        plan.action_request_approval()
        return plan

    def test_manager_approves_with_name_and_time(self):
        plan = self.submitted_plan()
        plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.approval_state, "approved")
        self.assertEqual(plan.approver_id, self.manager)
        self.assertTrue(plan.approved_at)

    def test_agent_cannot_approve(self):
        plan = self.submitted_plan()
        with self.assertRaisesRegex(UserError, r"^Only .+ approves this form\.$"):
            plan.with_user(self.agent2).action_approve()
        self.assertEqual(plan.approval_state, "to_approve")
        self.assertFalse(plan.approver_id)

    def test_nobody_approves_their_own_form(self):
        plan = self.submitted_plan(owner=self.manager)
        with self.assertRaisesRegex(UserError, r"^Nobody approves their own form\.$"):
            plan.with_user(self.manager).action_approve()
        self.assertEqual((plan.approval_state, plan.approver_id.id), ("to_approve", False))

    def test_send_back_needs_a_comment(self):
        plan = self.submitted_plan()
        with self.assertRaisesRegex(UserError, r"^Say why the form is sent back\.$"):
            plan.with_user(self.manager).action_send_back()
        self.assertEqual(plan.approval_state, "to_approve")
        plan.with_user(self.manager).action_send_back("Add the second prospect")
        self.assertEqual(plan.approval_state, "rejected")
        self.assertEqual(plan.approval_comment, "Add the second prospect")

    def test_approved_form_is_locked_for_owner(self):
        plan = self.submitted_plan()
        plan.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(
            UserError, r"^P is locked; ask the leasing manager for a correction\.$"
        ):
            plan.with_user(self.agent1).write({"name": "changed after approval"})
        self.assertEqual(plan.name, "P")

    def test_only_waiting_forms_are_approved(self):
        plan = self.env["leasing.fake.plan"].with_user(self.agent1).create({"name": "P"})
        with self.assertRaisesRegex(UserError, r"^P is not waiting for approval\.$"):
            plan.with_user(self.manager).action_approve()
        self.assertEqual((plan.approval_state, plan.approver_id.id), ("draft", False))
