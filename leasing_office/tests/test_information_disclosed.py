import json
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_rules import UNSEEN, LeasingRulesCase


@tagged("post_install", "-at_install", "leasing_access")
class TestInformationDisclosed(LeasingRulesCase):
    """Rule: nothing about a prospect reaches someone who may not see it."""

    def raise_dispute(self, user=None, **vals):
        Dispute = self.env["leasing.attribution.dispute"].with_user(user or self.agent2)
        return Dispute.create({"reason": "I met them at the trade fair", **vals})

    def test_rule_dispute_by_phone_on_unseen_prospect_reveals_nothing(self):
        dispute = self.raise_dispute(phone="138 0002 1000")
        self.assertFalse(dispute.prospect_id)
        self.assertEqual(
            dispute.prospect_label, "Filed for the manager: not a prospect you can see"
        )
        self.assert_name_hidden(dispute)
        for name in ("lead_id", "lead_name", "credited_user_id"):
            with self.assertRaisesRegex(AccessError, f'field "{name}"'):
                dispute.read([name])
        with self.assertRaises(AccessError):
            dispute.search([("lead_id", "=", self.lead.id)])
        # The manager sees the prospect and whose it was when the dispute was raised.
        as_manager = dispute.with_user(self.manager)
        self.assertEqual(as_manager.lead_id, self.lead)
        self.assertEqual(as_manager.credited_user_id, self.agent1)
        self.assertEqual(as_manager.prospect_label, self.lead.name)
        # Nor does the decision, told to the raiser in the dispute's chatter.
        self.env["leasing.dispute.decide"].with_user(self.manager).create(
            {"dispute_id": dispute.id, "decision": "upheld", "reason": "Checked the register"}
        ).action_decide()
        self.assertEqual(dispute.state, "upheld")
        messages = dispute.message_ids.read(["record_name", "subject", "body"])
        self.assertTrue(messages)
        self.assertNotIn(self.lead.name, json.dumps(messages, default=str))
        self.assert_name_hidden(dispute)

    def test_rule_dispute_by_id_cannot_enumerate_prospects(self):
        dispute = self.raise_dispute(lead_id=self.lead.id)
        self.assertEqual(dispute.sudo().lead_id, self.lead)
        self.assert_name_hidden(dispute)
        self.assertNotIn(self.lead.name, dispute.display_name)

    def test_rule_dispute_on_a_prospect_one_sees_shows_it(self):
        public = self.register(
            partner_name="Open Pool Bakery",
            phone="13800021001",
            overflow=True,
            overflow_reason="Busy floor",
        )
        dispute = self.raise_dispute(prospect_id=public.lead_id.id)
        self.assertEqual(dispute.prospect_id, public.lead_id)
        self.assertEqual(dispute.prospect_label, "Open Pool Bakery")

    def test_rule_disputed_prospect_is_fixed_once_raised(self):
        dispute = self.raise_dispute(phone="13800021000")
        public = self.register(
            contact_name="Other", phone="13800021002", overflow=True, overflow_reason="Busy floor"
        )
        with self.assertRaisesRegex(UserError, "set when the dispute is raised"):
            dispute.write({"prospect_id": public.lead_id.id})
        self.assertEqual(dispute.sudo().lead_id, self.lead)

    def test_rule_turn_log_is_seen_by_its_agent_and_front_desk_only(self):
        Turn = self.env["leasing.rotation.turn"]
        self.assertEqual(Turn.with_user(self.agent1).search([]), self.turn)
        for user in (self.agent2, self.keyaccount, self.clerk):
            self.assertFalse(Turn.with_user(user).search([]), user.login)
            with self.assertRaises(AccessError):
                self.turn.with_user(user).read(["lead_id"])
        for user in (self.frontdesk, self.manager, self.leader):
            self.assertIn(self.turn, Turn.with_user(user).search([]), user.login)

    def test_rule_contracts_are_seen_by_their_credited_agent(self):
        Contract = self.env["leasing.contract"]
        self.assertEqual(Contract.with_user(self.agent1).search([]), self.contract)
        for user in (self.agent2, self.keyaccount, self.clerk):
            self.assertFalse(Contract.with_user(user).search([]), user.login)
            self.assertEqual(Contract.with_user(user).search_count([]), 0)
            with self.assertRaises(AccessError):
                self.contract.with_user(user).read(["lead_id", "user_id"])
        for user in (self.frontdesk, self.manager, self.leader):
            self.assertIn(self.contract, Contract.with_user(user).search([]), user.login)
        # Through the unit, other agents see it is signed, not who signed it.
        unit = self.unit.with_user(self.agent2)
        self.assertEqual(unit.state, "signed")
        self.assertFalse(unit.contract_ids)
        with self.assertRaisesRegex(AccessError, 'field "signed_lead_id"'):
            unit.read(["signed_lead_id"])
        self.assert_name_hidden(unit)
        self.assertEqual(self.unit.with_user(self.frontdesk).signed_lead_id, self.lead)

    def test_rule_key_accounts_see_contracts_of_transferred_accounts(self):
        Contract = self.env["leasing.contract"].with_user(self.keyaccount)
        self.assertFalse(Contract.search([]))
        self.transfer_big_account(self.lead)
        self.assertEqual(Contract.search([]), self.contract)

    def test_rule_tomorrows_work_is_seen_by_whom_it_concerns(self):
        plan = self.env["leasing.work.plan"]._create_guarded(
            {
                "date": date(2031, 1, 2),
                "line_ids": [
                    fields.Command.create(
                        {
                            "kind": "followup",
                            "lead_id": self.lead.id,
                            "planned_user_id": self.agent1.id,
                            "assigned_user_id": self.agent1.id,
                            "note": self.lead.name,
                        }
                    )
                ],
            }
        )
        Line = self.env["leasing.work.plan.line"]
        self.assertEqual(Line.with_user(self.agent1).search([]), plan.line_ids)
        for user in (self.agent2, self.keyaccount, self.clerk):
            self.assertFalse(Line.with_user(user).search([]), user.login)
        self.assertIn(plan.line_ids, Line.with_user(self.frontdesk).search([]))

    def test_rule_records_cannot_name_an_unseen_prospect(self):
        """Filing a record about another agent's prospect is refused: reading it back
        would name the prospect."""
        cases = {
            "leasing.call.log": {},
            "leasing.visitor.registration": {},
            "leasing.signing.plan": {"deposit_amount": 500, "planned_signing_date": "2031-01-01"},
            "leasing.contract.claim": {"contract_number": "RULES-X1"},
            "leasing.info.sent": {"info_id": self.approved_info().id},
        }
        for model, vals in cases.items():
            before = self.env[model].search_count([])
            with self.assertRaisesRegex(AccessError, UNSEEN):
                self.env[model].with_user(self.agent2).create({"lead_id": self.lead.id, **vals})
            self.assertEqual(self.env[model].search_count([]), before, model)
        for model in ("leasing.followup.plan", "leasing.field.visit.plan"):
            line = {"lead_id": self.lead.id, "planned_date": "2031-01-01", "purpose": "x"}
            if model == "leasing.field.visit.plan":
                del line["planned_date"]
            with self.assertRaisesRegex(AccessError, UNSEEN):
                self.env[model].with_user(self.agent2).create(
                    {"line_ids": [fields.Command.create(line)]}
                )
        with self.assertRaises(AccessError):
            self.env["leasing.visitor.registration"].with_user(self.agent2).create(
                {"lead_id": False, "visit_id": self.lead.visit_ids.id}
            )
        self.assertFalse(self.lead.call_log_ids)
        self.assertFalse(self.lead.info_sent_ids)

    def approved_info(self):
        info = self.env["leasing.info"].create({"name": "Rent standard 2031"})
        info._write_guarded({"approval_state": "approved"})
        return info
