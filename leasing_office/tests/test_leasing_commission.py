from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .access_errors import acl_refused
from .common_targets import MONTH, LeasingTargetsCase


@tagged("post_install", "-at_install", "leasing_targets")
class TestLeasingCommission(LeasingTargetsCase):
    """任務與提成: statements from the month's contracts, scaled by completion tiers."""

    def month_of_contracts(self):
        plan = self.approve(self.new_plan(contracts=(2, 2), dept=4))
        self.sign(self.lead1, self.units[0])
        self.sign(self.lead1, self.units[1])
        self.sign(self.lead2, self.units[2])
        self.sign(self.public_lead, self.units[3])
        return plan

    def statements(self):
        return {
            (s.user_id, s.kind): s
            for s in self.env["leasing.commission.statement"]._generate(MONTH)
        }

    def test_statement_amounts_follow_tiers(self):
        self.month_of_contracts()
        statements = self.statements()
        agent1 = statements[self.agent1, "agent"]
        # 2 of 2 (100 %) -> factor 1.2; 1 of 2 (50 %) -> factor 0.5; base 1000 per contract.
        self.assertEqual(
            (agent1.contract_count, agent1.completion_rate, agent1.amount), (2, 100.0, 2400)
        )
        agent2 = statements[self.agent2, "agent"]
        self.assertEqual((agent2.contract_count, agent2.amount), (1, 500))
        manager = statements[self.manager, "manager"]
        # The department signed 4 of 4 (public included): 100 % -> 1.5 × 5000.
        self.assertEqual((manager.completion_rate, manager.amount), (100.0, 7500))

    def test_public_contract_stays_out_of_agent_statements(self):
        self.month_of_contracts()
        statements = self.statements()
        public = self.env["leasing.contract"].search([("lead_id", "=", self.public_lead.id)])
        for key in ((self.agent1, "agent"), (self.agent2, "agent")):
            self.assertNotIn(public, statements[key].contract_ids)

    def test_review_then_leadership_approval_locks(self):
        self.month_of_contracts()
        statements = self.statements()
        unreviewed, statement = statements[self.agent2, "agent"], statements[self.agent1, "agent"]
        # Sent to leadership without the manager's review: leadership cannot approve it.
        unreviewed.with_user(self.manager).action_request_approval()
        with self.assertRaisesRegex(
            UserError, r"^The manager reviews a statement before leadership\.$"
        ):
            unreviewed.with_user(self.leader).action_approve()
        self.assertEqual(
            (unreviewed.approval_state, unreviewed.approver_id),
            ("to_approve", self.env["res.users"]),
        )
        statement.with_user(self.manager).action_review()
        self.assertEqual(statement.reviewed_by_id, self.manager)
        self.assertEqual(statement.approval_state, "to_approve")
        with self.assertRaisesRegex(UserError, r"^Only .+ approves this form\.$"):
            statement.with_user(self.manager).action_approve()
        self.assertEqual(statement.approval_state, "to_approve")
        statement.with_user(self.leader).action_approve()
        with self.assertRaisesRegex(UserError, r"^An approved statement is locked\.$"):
            statement.with_user(self.manager).write({"amount": 1})
        with self.assertRaisesRegex(
            UserError, r"^A statement with leadership can no longer change\.$"
        ):
            statement.with_user(self.manager).action_compute()
        self.assertEqual((statement.approval_state, statement.amount), ("approved", 2400))

    def test_agents_see_only_their_own_statements(self):
        self.month_of_contracts()
        self.statements()
        visible = self.env["leasing.commission.statement"].with_user(self.agent1).search([])
        self.assertEqual(visible.user_id, self.agent1)
        with self.assertRaisesRegex(
            AccessError, acl_refused("write", "leasing.commission.statement")
        ):
            visible.with_user(self.agent1).action_request_approval()
        self.assertEqual(visible.approval_state, "draft")

    def test_no_statement_without_approved_plan(self):
        self.new_plan()
        with self.assertRaisesRegex(UserError, "no approved target plan"):
            self.env["leasing.commission.statement"]._generate(MONTH)

    def test_overlapping_tiers_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap or leave a gap"):
            self.env["leasing.commission.tier"].create(
                {"kind": "agent", "rate_from": 90, "rate_to": 95, "factor": 2}
            )

    def test_tiers_with_a_gap_are_refused(self):
        tier = self.env.ref("leasing_office.leasing_commission_tier_agent_mid")
        with self.assertRaisesRegex(ValidationError, "overlap or leave a gap"):
            tier.rate_to = 90

    def test_only_last_tier_is_open_ended(self):
        tier = self.env.ref("leasing_office.leasing_commission_tier_agent_low")
        with self.assertRaises(ValidationError) as caught:  # rolled back to the savepoint
            tier.rate_to = 0
        self.assertEqual(str(caught.exception), "Only the last tier has no upper bound.")
        self.assertEqual(tier.rate_to, 80)
