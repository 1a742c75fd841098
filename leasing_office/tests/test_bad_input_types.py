from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_rules import LeasingRulesCase


@tagged("post_install", "-at_install", "leasing_bad_input")
class TestBadInputTypes(LeasingRulesCase):
    """Rule: values of the wrong type get a clear error and change nothing."""

    def assert_refused(self, model, message, vals, user=None, error=ValidationError):
        Model = self.env[model]
        before = Model.search_count([])
        with self.assertRaisesRegex(error, message):
            Model.with_user(user or self.agent1).create(vals)
        self.assertEqual(Model.search_count([]), before)

    def test_rule_blank_contract_number_is_refused(self):
        for model, user in (
            ("leasing.contract.claim", self.agent1),
            ("leasing.contract", self.frontdesk),
        ):
            vals = {"contract_number": "   ", "lead_id": self.lead.id, "unit_id": self.unit.id}
            self.assert_refused(model, "Contract Number cannot be blank", vals, user)
            vals["contract_number"] = ["C", "1"]
            self.assert_refused(model, "Contract Number must be text", vals, user)

    def test_rule_contract_number_is_kept_without_spaces(self):
        Claim = self.env["leasing.contract.claim"].with_user(self.agent1)
        claim = Claim.create({"contract_number": "  RULES-N1 ", "lead_id": self.lead.id})
        self.assertEqual(claim.contract_number, "RULES-N1")
        with self.assertRaisesRegex(ValidationError, "already claimed"):
            Claim.create({"contract_number": "RULES-N1", "lead_id": self.lead.id})

    def test_rule_text_deposit_is_refused(self):
        self.assert_refused(
            "leasing.signing.plan",
            "Deposit Amount must be a number",
            {
                "lead_id": self.lead.id,
                "deposit_amount": "abc",
                "planned_signing_date": "2031-01-01",
            },
        )

    def test_rule_text_target_is_refused(self):
        self.assert_refused(
            "leasing.target.plan",
            "Signed Contracts Target must be a number",
            {"date_from": "2031-01-01", "target_contracts": "ten"},
            user=self.manager,
        )
        plan = self.env["leasing.target.plan"].create({"date_from": "2031-02-01"})
        self.assert_refused(
            "leasing.target.plan.line",
            "Monthly Rent Target must be a number",
            {"plan_id": plan.id, "user_id": self.agent1.id, "target_rent": [1]},
            user=self.manager,
        )
        with self.assertRaisesRegex(ValidationError, "Leased Area Target .* must be a number"):
            plan.with_user(self.manager).write({"target_area": "big"})
        self.assertEqual(plan.target_area, 0)

    def test_rule_number_as_followup_date_is_refused(self):
        line = {"lead_id": self.lead.id, "planned_date": 20310101, "purpose": "Call"}
        self.assert_refused(
            "leasing.followup.plan", "Fixed Date must be a date", {"line_ids": [(0, 0, line)]}
        )
        plan = self.env["leasing.followup.plan"].with_user(self.agent1).create({})
        self.assert_refused(
            "leasing.followup.plan.line", "Fixed Date must be a date", {"plan_id": plan.id, **line}
        )

    def test_rule_wrong_types_in_a_dispute_are_refused(self):
        self.assert_refused(
            "leasing.attribution.dispute",
            "Disputed Prospect must be chosen from the list",
            {"lead_id": "abc", "reason": "x"},
            user=self.agent2,
        )
        self.assert_refused(
            "leasing.attribution.dispute",
            "Phone must be text",
            {"phone": 13800021000, "reason": "x"},
            user=self.agent2,
        )

    def test_rule_missing_references_are_named(self):
        self.assert_refused(
            "leasing.field.visit.log", "Choose the field-visit plan", {}, error=UserError
        )
        self.assert_refused(
            "leasing.info.sent",
            "Choose the approved information",
            {"lead_id": self.lead.id},
            error=UserError,
        )

    def test_rule_wrong_types_in_action_arguments_are_refused(self):
        Statement = self.env["leasing.commission.statement"].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "Month must be a date"):
            Statement.action_generate(month=202601)
        claim = (
            self.env["leasing.contract.claim"]
            .with_user(self.agent1)
            .create({"contract_number": "RULES-N2", "lead_id": self.lead.id})
        )
        claim.action_submit()
        claim.with_user(self.frontdesk).action_issue()
        with self.assertRaisesRegex(ValidationError, "Returned / Void Because must be text"):
            claim.with_user(self.frontdesk).action_return(["postponed"])
        self.assertEqual(claim.state, "issued")
