from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .access_errors import acl_refused, rule_refused
from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_forms")
class TestLeasingForms(LeasingOfficeCase):
    """The six forms' deadline rules (office timezone: Asia/Shanghai, UTC+8) and bad input."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Unassigned, so that every agent may file forms about them.
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Golden Tea", "phone": "13800016000", "user_id": False}
        )
        cls.other_lead = cls.env["crm.lead"].create({"name": "Silver Shoes", "user_id": False})
        cls.unit = cls.env["leasing.unit"].create({"code": "TEST-A-101", "floor": "1", "zone": "A"})

    def as_agent(self, model, user=None):
        return self.env[model].with_user(user or self.agent1)

    # Visitor registration -------------------------------------------------

    def test_registration_due_30_minutes_after_visit_crossing_midnight(self):
        # 23:50 in Shanghai is 15:50 UTC; 30 minutes later is 00:20 the next local day.
        form = self.as_agent("leasing.visitor.registration").create(
            {"lead_id": self.lead.id, "visit_end": datetime(2026, 3, 2, 15, 50)}
        )
        self.assertEqual(form.deadline, datetime(2026, 3, 2, 16, 20))

    def test_registration_window_is_configurable(self):
        self.env.company.leasing_registration_minutes = 45
        form = self.as_agent("leasing.visitor.registration").create(
            {"lead_id": self.lead.id, "visit_end": datetime(2026, 3, 2, 2, 0)}
        )
        self.assertEqual(form.deadline, datetime(2026, 3, 2, 2, 45))

    def test_registration_complete_only_with_business_area_and_needs(self):
        form = self.as_agent("leasing.visitor.registration").create({"lead_id": self.lead.id})
        self.assertFalse(form.is_complete)
        form.write({"business_type": "Tea", "desired_area": 120, "needs": "Corner unit"})
        self.assertTrue(form.is_complete)

    # Follow-up plan -------------------------------------------------------

    def new_followup_plan(self, **line):
        return self.as_agent("leasing.followup.plan").create(
            {
                "plan_date": date(2026, 3, 2),
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "lead_id": self.lead.id,
                            "planned_date": date(2026, 3, 4),
                            "purpose": "Send rent standard",
                            **line,
                        },
                    )
                ],
            }
        )

    def test_followup_plan_due_end_of_working_day(self):
        self.assertEqual(self.new_followup_plan().deadline, datetime(2026, 3, 2, 10, 0))

    def test_followup_without_fixed_date_is_refused(self):
        with self.assertRaisesRegex(UserError, "fixed date"):
            self.new_followup_plan(planned_date=False)
        self.assertFalse(
            self.env["leasing.followup.plan"].search([("user_id", "=", self.agent1.id)])
        )
        plan = self.new_followup_plan()
        with self.assertRaisesRegex(UserError, "fixed date"):
            plan.line_ids.with_user(self.agent1).write({"planned_date": False})
        self.assertEqual(plan.line_ids.planned_date, date(2026, 3, 4))

    def test_followup_results_can_be_filled_after_submission(self):
        plan = self.new_followup_plan()
        with freeze_time(datetime(2026, 3, 2, 9, 0)):
            plan.with_user(self.agent1).action_submit()
        self.assertEqual(plan.compliance, "on_time")
        plan.line_ids.with_user(self.agent1).write(
            {"result": "Will visit", "done_date": date(2026, 3, 4)}
        )
        with self.assertRaisesRegex(UserError, "is locked: its lines cannot be"):
            plan.line_ids.with_user(self.agent1).write({"planned_date": date(2026, 3, 9)})
        self.assertEqual(plan.line_ids.planned_date, date(2026, 3, 4))

    def test_followup_plan_without_lines_is_incomplete(self):
        plan = self.as_agent("leasing.followup.plan").create({"plan_date": date(2026, 3, 2)})
        self.assertFalse(plan.is_complete)

    # Signing plan ---------------------------------------------------------

    def signing_vals(self, **vals):
        return {
            "lead_id": self.lead.id,
            "deposit_amount": 5000,
            "deposit_date": date(2026, 3, 2),
            "receipt_number": "R-001",
            "unit_ids": [(6, 0, self.unit.ids)],
            "planned_signing_date": date(2026, 3, 10),
            **vals,
        }

    def test_signing_plan_due_the_deposit_day(self):
        plan = self.as_agent("leasing.signing.plan").create(self.signing_vals())
        self.assertEqual(plan.deadline, datetime(2026, 3, 2, 10, 0))
        self.assertTrue(plan.is_complete)

    def test_signing_date_before_deposit_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before the deposit date"):
            self.as_agent("leasing.signing.plan").create(
                self.signing_vals(planned_signing_date=date(2026, 3, 1))
            )

    def test_zero_or_negative_deposit_is_refused(self):
        for amount in (0, -100):
            with self.assertRaisesRegex(ValidationError, "more than zero"):
                self.as_agent("leasing.signing.plan").create(
                    self.signing_vals(deposit_amount=amount)
                )

    def test_signing_plan_without_fixed_date_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "fixed planned signing date"):
            self.as_agent("leasing.signing.plan").create(
                self.signing_vals(planned_signing_date=False)
            )

    # Contract claim -------------------------------------------------------

    def new_claim(self, number="HT-2026-001", lead=None, user=None):
        return self.as_agent("leasing.contract.claim", user).create(
            {"contract_number": number, "lead_id": (lead or self.lead).id, "unit_id": self.unit.id}
        )

    def test_claim_submitted_before_issue(self):
        claim = self.new_claim()
        with self.assertRaisesRegex(
            UserError, r"^The agent submits the claim before taking the contract form\.$"
        ):
            claim.with_user(self.frontdesk).action_issue()
        self.assertEqual((claim.state, claim.issued_by_id), ("draft", self.env["res.users"]))
        claim.with_user(self.agent1).action_submit()
        claim.with_user(self.frontdesk).action_issue()
        self.assertEqual((claim.state, claim.issued_by_id), ("issued", self.frontdesk))
        self.assertEqual(claim.compliance, "on_time")

    def test_agent_cannot_issue_contract_form(self):
        claim = self.new_claim()
        claim.with_user(self.agent1).action_submit()
        with self.assertRaisesRegex(UserError, r"^Only front desk handles contract forms\.$"):
            claim.with_user(self.agent1).action_issue()
        self.assertEqual((claim.state, claim.issued_at), ("draft", False))

    def test_contract_number_claimed_twice_is_refused(self):
        self.new_claim()
        with self.assertRaisesRegex(
            ValidationError, r"^Contract number HT-2026-001 is already claimed\.$"
        ):
            self.new_claim(user=self.agent2, lead=self.other_lead)
        claims = self.env["leasing.contract.claim"].search(
            [("contract_number", "=", "HT-2026-001")]
        )
        self.assertEqual(claims.mapped("lead_id"), self.lead)

    def test_void_claim_frees_its_number(self):
        claim = self.new_claim()
        claim.with_user(self.agent1).action_submit()
        claim.with_user(self.frontdesk).action_issue()
        with self.assertRaisesRegex(
            UserError, r"^Say why the contract form comes back unsigned\.$"
        ):
            claim.with_user(self.frontdesk).action_void()
        self.assertEqual((claim.state, claim.end_note), ("issued", False))
        claim.with_user(self.frontdesk).action_void("Torn form")
        self.assertEqual(self.new_claim(user=self.agent2).state, "draft")

    def test_claim_for_unit_signed_to_someone_else_is_refused(self):
        self.env["leasing.contract"].create(
            {"contract_number": "HT-1", "lead_id": self.other_lead.id, "unit_id": self.unit.id}
        )
        self.assertEqual(self.unit.state, "signed")
        with self.assertRaisesRegex(ValidationError, "already signed to"):
            self.new_claim("HT-2")

    def test_signing_the_contract_closes_the_claim(self):
        claim = self.new_claim()
        claim.with_user(self.agent1).action_submit()
        claim.with_user(self.frontdesk).action_issue()
        contract = (
            self.env["leasing.contract"]
            .with_user(self.frontdesk)
            .create(
                {
                    "contract_number": claim.contract_number,
                    "lead_id": self.lead.id,
                    "unit_id": self.unit.id,
                    "claim_id": claim.id,
                }
            )
        )
        self.assertEqual(claim.state, "signed")
        with self.assertRaisesRegex(
            UserError, r"^Only the leasing manager corrects a signed contract\.$"
        ):
            contract.with_user(self.frontdesk).write({"unit_id": False})
        self.assertEqual(contract.unit_id, self.unit)
        # No role has the right to delete a contract; under sudo() the model refuses.
        with self.assertRaisesRegex(AccessError, acl_refused("unlink", "leasing.contract")):
            contract.with_user(self.leader).unlink()
        with self.assertRaisesRegex(
            UserError, r"^A signed contract is never deleted; cancel it instead\.$"
        ):
            contract.sudo().unlink()
        self.assertTrue(contract.exists())
        # Front desk reads it; agent1 does not: the prospect is credited to nobody.
        self.assertEqual(claim.with_user(self.frontdesk).contract_ids, contract)

    # Field-visit plan and log ---------------------------------------------

    def new_field_plan(self, departure=datetime(2026, 3, 2, 1, 0)):
        return self.as_agent("leasing.field.visit.plan").create(
            {
                "departure": departure,
                "line_ids": [
                    (0, 0, {"lead_id": self.lead.id, "purpose": "Measure the shop"}),
                    (0, 0, {"lead_id": self.other_lead.id, "purpose": "Bring the policy"}),
                ],
            }
        )

    def approved_field_plan(self):
        plan = self.new_field_plan()
        with freeze_time(datetime(2026, 3, 2, 0, 30)):
            plan.with_user(self.agent1).action_submit()
            plan.with_user(self.manager).action_approve()
        return plan

    def test_field_plan_needs_manager_signature_before_log(self):
        plan = self.new_field_plan()
        with self.assertRaisesRegex(
            UserError, r"^The manager approves the field-visit plan before the visit\.$"
        ):
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        self.assertFalse(self.env["leasing.field.visit.log"].search([("plan_id", "=", plan.id)]))
        with freeze_time(datetime(2026, 3, 2, 0, 30)):
            plan.with_user(self.agent1).action_submit()
        self.assertEqual(plan.approval_state, "to_approve")
        with freeze_time(datetime(2026, 3, 2, 0, 45)):
            plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.approver_id, self.manager)
        self.assertEqual(plan.approved_at, datetime(2026, 3, 2, 0, 45))
        self.assertEqual(plan.compliance, "on_time")

    def test_field_log_has_one_line_per_planned_prospect(self):
        plan = self.approved_field_plan()
        log = (
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        )
        self.assertEqual(log.line_ids.lead_id, self.lead | self.other_lead)
        self.assertEqual(log.user_id, self.agent1)

    def test_field_log_due_next_morning_at_ten(self):
        # Visit day 2026-03-02 (Shanghai): due 2026-03-03 10:00 local = 02:00 UTC.
        plan = self.approved_field_plan()
        log = (
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        )
        self.assertEqual(log.deadline, datetime(2026, 3, 3, 2, 0))
        log.line_ids.with_user(self.agent1).write({"outcome": "Interested"})
        with freeze_time(datetime(2026, 3, 3, 1, 59)):
            log.with_user(self.agent1).action_submit()
        self.assertEqual(log.compliance, "on_time")

    def test_field_log_after_next_morning_is_late(self):
        plan = self.approved_field_plan()
        log = (
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        )
        log.line_ids.with_user(self.agent1).write({"outcome": "Interested"})
        with freeze_time(datetime(2026, 3, 3, 2, 1)):
            log.with_user(self.agent1).action_submit()
        self.assertEqual(log.compliance, "late")

    def test_field_log_without_every_outcome_is_incomplete(self):
        plan = self.approved_field_plan()
        log = (
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        )
        log.line_ids[0].with_user(self.agent1).outcome = "Interested"
        self.assertFalse(log.is_complete)

    def test_manager_reviews_log_then_it_is_locked(self):
        plan = self.approved_field_plan()
        log = (
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})
        )
        log.line_ids.with_user(self.agent1).write({"outcome": "Interested"})
        log.with_user(self.agent1).action_submit()
        log.with_user(self.manager).write({"approval_comment": "Good notes"})
        log.with_user(self.manager).action_approve()
        self.assertEqual((log.approval_state, log.approver_id), ("approved", self.manager))
        with self.assertRaisesRegex(UserError, "is locked: its lines cannot be"):
            log.line_ids.with_user(self.agent1).write({"outcome": "Changed"})
        self.assertEqual(set(log.line_ids.mapped("outcome")), {"Interested"})
        self.assertEqual(self.lead.field_visit_count, 1)

    def test_agent_cannot_approve_a_field_plan(self):
        plan = self.new_field_plan()
        plan.with_user(self.agent1).action_submit()
        with self.assertRaisesRegex(UserError, r"^Only .+ approves this form\.$"):
            plan.with_user(self.agent1).action_approve()
        self.assertEqual(
            (plan.approval_state, plan.approver_id), ("to_approve", self.env["res.users"])
        )

    def test_manager_cannot_approve_own_field_plan(self):
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(self.manager)
            .create(
                {
                    "departure": datetime(2026, 3, 2, 1, 0),
                    "line_ids": [(0, 0, {"lead_id": self.lead.id, "purpose": "Meet the owner"})],
                }
            )
        )
        self.assertEqual(plan.user_id, self.manager)
        plan.with_user(self.manager).action_submit()
        with self.assertRaisesRegex(UserError, r"^Nobody approves their own form\.$"):
            plan.with_user(self.manager).action_approve()
        self.assertEqual(
            (plan.approval_state, plan.approver_id), ("to_approve", self.env["res.users"])
        )
        other_manager = self.manager.copy({"login": "lo_manager2", "name": "manager2"})
        plan.with_user(other_manager).action_approve()
        self.assertEqual(plan.approver_id, other_manager)

    # Access ---------------------------------------------------------------

    def test_agents_see_only_their_own_forms(self):
        mine = self.new_claim()
        theirs = self.new_claim("HT-9", user=self.agent2, lead=self.other_lead)
        visible = self.env["leasing.contract.claim"].with_user(self.agent1).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        with self.assertRaisesRegex(AccessError, rule_refused("write", "leasing.contract.claim")):
            theirs.with_user(self.agent1).write({"contract_number": "HT-10"})
        self.assertEqual(theirs.contract_number, "HT-9")

    def test_front_desk_sees_all_registrations_and_claims(self):
        claim = self.new_claim()
        form = self.as_agent("leasing.visitor.registration", self.agent2).create(
            {"lead_id": self.lead.id}
        )
        self.assertIn(
            claim, self.env["leasing.contract.claim"].with_user(self.frontdesk).search([])
        )
        self.assertIn(
            form, self.env["leasing.visitor.registration"].with_user(self.frontdesk).search([])
        )
