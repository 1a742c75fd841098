from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_rules import UNSEEN, LeasingRulesCase


@tagged("post_install", "-at_install", "leasing_access")
class TestActingOnUnseenRecords(LeasingRulesCase):
    """Rule: nobody acts on a record they may not read (or write)."""

    def test_rule_call_on_another_agents_prospect_is_refused(self):
        self.lead.prospect_class = "a"
        due = self.lead.next_followup_due
        with self.assertRaisesRegex(AccessError, UNSEEN):
            self.lead.with_user(self.agent2).action_log_call()
        self.assertFalse(self.lead.call_log_ids)
        self.assertEqual(self.lead.next_followup_due, due)
        self.assertEqual(self.line2.calls_today, 0)
        self.lead.with_user(self.agent1).action_log_call()
        self.assertEqual(self.lead.call_log_ids.user_id, self.agent1)

    def test_rule_manager_acts_only_on_prospects_of_allowed_companies(self):
        other = self.env["res.company"].create({"name": "Other Mall"})
        lead = self.env["crm.lead"].create(
            {"name": "Elsewhere", "company_id": other.id, "user_id": False}
        )
        for action in ("action_transfer_key_account", "action_assign_tier"):
            with self.assertRaisesRegex(AccessError, UNSEEN):
                getattr(lead.with_user(self.manager), action)()
        self.assertFalse(lead.key_account_transferred)
        self.assertEqual(lead.tier_state, "none")
        change = self.env["leasing.attribution.change"].with_user(self.manager)
        with self.assertRaisesRegex(AccessError, UNSEEN):
            change.create(
                {"lead_id": lead.id, "user_id": self.agent2.id, "reason": "x"}
            ).action_apply()
        self.assertFalse(lead.attribution_log_ids)

    def test_rule_agent_does_not_recompute_statements(self):
        statement = self.env["leasing.commission.statement"]._create_guarded(
            {"month": date(2031, 1, 1), "user_id": self.agent1.id, "amount": 7}
        )
        with self.assertRaisesRegex(UserError, "Only the leasing manager computes"):
            statement.with_user(self.agent1).action_compute()
        self.assertEqual(statement.amount, 7)

    def test_rule_forms_of_others_are_not_submitted(self):
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(self.agent1)
            .create(
                {"line_ids": [fields.Command.create({"lead_id": self.lead.id, "purpose": "x"})]}
            )
        )
        with self.assertRaises(AccessError):
            plan.with_user(self.agent2).action_submit()
        self.assertFalse(plan.submitted_at)
        self.assertEqual(plan.approval_state, "draft")
