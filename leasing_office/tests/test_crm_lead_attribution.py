from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .access_errors import acl_refused
from .common import LeasingOfficeCase

MANAGER_ONLY = r"^Only the leasing manager may do this\.$"
ATTRIBUTION_LOCKED = (
    r"^Attribution cannot be edited directly\. The leasing manager changes it with "
    r"'Change Attribution' \(a written reason is required\); agents raise a dispute\.$"
)


@tagged("post_install", "-at_install", "leasing_attribution")
class TestCrmLeadAttribution(LeasingOfficeCase):
    """Rules 2 to 7 of the office: who gets the credit for a prospect."""

    def turns(self):
        return sum(self.rotation.line_ids.mapped("turn_count"))

    # Rule 2 ---------------------------------------------------------------

    def test_rule2_card_holder_goes_to_card_agent_without_turn(self):
        wizard = self.register(phone="13800003000", card_user_id=self.agent3.id)
        lead = wizard.lead_id
        self.assertEqual((lead.attribution_type, lead.attributed_user_id), ("card", self.agent3))
        self.assertEqual(wizard.visit_id.received_user_id, self.agent3)
        self.assertEqual(self.turns(), 0)
        self.assertEqual(self.line3.turn_count, 0)
        # The order is untouched: the next plain walk-in still goes to agent1.
        self.assertEqual(self.register(phone="13800003001").lead_id.attributed_user_id, self.agent1)

    def test_rule2_card_agent_off_duty_is_received_on_behalf(self):
        wizard = self.register(phone="13800003000", card_user_id=self.agent5.id)
        self.assertEqual(wizard.lead_id.attributed_user_id, self.agent5)
        self.assertEqual(wizard.visit_id.received_user_id, self.frontdesk)
        self.assertTrue(wizard.visit_id.on_behalf)

    def test_rule2_card_of_non_agent_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a leasing agent"):
            self.register(phone="13800003000", card_user_id=self.clerk.id)

    # Rule 3 ---------------------------------------------------------------

    def test_rule3_returning_by_phone_keeps_first_agent_without_turn(self):
        first = self.register(phone="138 0000 4000").lead_id
        self.assertEqual(first.attributed_user_id, self.agent1)
        again = self.register(contact_name="Same person", phone="+86-138-0000-4000")
        self.assertEqual(again.lead_id, first)
        self.assertEqual(again.visit_id.visit_kind, "returning")
        self.assertEqual(again.visit_id.received_user_id, self.agent1)
        self.assertEqual(first.visit_count, 2)
        self.assertEqual(self.turns(), 1)

    def test_rule3_returning_by_company_name(self):
        first = self.register(partner_name="Golden Tea House", phone="13800004001").lead_id
        again = self.register(partner_name="golden tea house", phone="13900004001")
        self.assertEqual(again.lead_id, first)
        self.assertEqual(self.turns(), 1)

    def test_rule3_agent_off_duty_front_desk_receives_on_behalf(self):
        lead = self.register(phone="13800004002").lead_id
        self.set_status(self.line1, "leave")
        again = self.register(phone="13800004002")
        self.assertEqual(again.visit_id.received_user_id, self.frontdesk)
        self.assertTrue(again.visit_id.on_behalf)
        self.assertEqual(again.visit_id.credited_user_id, self.agent1)
        self.assertEqual(lead.attributed_user_id, self.agent1)
        self.assertIn("on agent1's behalf", again.explanation)

    def test_rule3_existing_crm_contact_is_linked_not_duplicated(self):
        # Imported or e-mailed leads nobody filed: linked, credited by the rules at first visit.
        lead = self.env["crm.lead"].create({"name": "Known from CRM", "phone": "13800004003"})
        wizard = self.register(phone="138-0000-4003")
        self.assertEqual(wizard.lead_id, lead)
        self.assertEqual(lead.attribution_type, "rotation")

    def test_rule2_agent_found_prospect_filed_in_crm_keeps_agent(self):
        # 鼓勵招商員主動挖掘商戶: the agent's own CRM lead is filed when the agent creates it,
        # and is not given to the next turn.
        lead = (
            self.env["crm.lead"]
            .with_user(self.agent3)
            .create({"name": "Found by agent3", "phone": "13800004004"})
        )
        self.assertEqual(lead.leasing_filing_ids.state, "protected")
        wizard = self.register(phone="138-0000-4004")
        self.assertEqual(wizard.lead_id, lead)
        self.assertEqual(lead.attribution_type, "filed")
        self.assertEqual(lead.attributed_user_id, self.agent3)
        self.assertEqual(self.turns(), 0)

    # Rule 4 ---------------------------------------------------------------

    def test_rule4_overflow_goes_to_public_pool(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "busy")
        wizard = self.register(phone="13800005000", overflow=True)
        lead = wizard.lead_id
        self.assertTrue(lead.is_public)
        self.assertEqual(lead.attribution_type, "public")
        self.assertFalse(lead.attributed_user_id)
        self.assertEqual(wizard.visit_id.received_user_id, self.frontdesk)
        self.assertEqual(self.turns(), 0)

    def test_rule4_manager_moves_public_prospect_with_reason(self):
        lead = self.register(
            phone="13800005001", overflow=True, overflow_reason="Busy floor"
        ).lead_id
        change = (
            self.env["leasing.attribution.change"]
            .with_user(self.manager)
            .create(
                {
                    "lead_id": lead.id,
                    "user_id": self.agent2.id,
                    "reason": "Agent2 followed up the call",
                }
            )
        )
        change.action_apply()
        self.assertEqual(lead.attributed_user_id, self.agent2)
        self.assertFalse(lead.is_public)
        log = (
            self.env["leasing.attribution.log"]
            .with_user(self.leader)
            .search([("lead_id", "=", lead.id), ("from_public", "=", True)])
        )
        self.assertEqual(log.changed_by_id, self.manager)
        self.assertEqual(log.reason, "Agent2 followed up the call")

    def test_rule4_move_without_reason_is_refused(self):
        lead = self.register(
            phone="13800005002", overflow=True, overflow_reason="Busy floor"
        ).lead_id
        with self.assertRaisesRegex(UserError, "reason is mandatory"):
            lead.with_user(self.manager)._leasing_change_attribution(self.agent2, "  ", "manual")
        self.assertTrue(lead.is_public)

    def test_rule4_agent_cannot_move_public_prospect(self):
        lead = self.register(
            phone="13800005003", overflow=True, overflow_reason="Busy floor"
        ).lead_id
        with self.assertRaisesRegex(AccessError, MANAGER_ONLY):
            lead.with_user(self.agent2).action_open_attribution_change()
        with self.assertRaisesRegex(AccessError, ATTRIBUTION_LOCKED):
            lead.with_user(self.agent2).write({"attributed_user_id": self.agent2.id})
        with self.assertRaisesRegex(
            AccessError, acl_refused("create", "leasing.attribution.change")
        ):
            self.env["leasing.attribution.change"].with_user(self.agent2).create(
                {"lead_id": lead.id, "user_id": self.agent2.id, "reason": "mine"}
            )
        self.assertEqual((lead.is_public, lead.attributed_user_id), (True, self.env["res.users"]))
        self.assertFalse(lead.attribution_log_ids)

    # Rule 5 ---------------------------------------------------------------

    def test_rule5_leadership_referral_is_public(self):
        wizard = self.register(phone="13800006000", leadership_referral=True)
        self.assertEqual(wizard.lead_id.attribution_type, "leadership")
        self.assertTrue(wizard.lead_id.is_public)
        self.assertEqual(self.turns(), 0)

    def test_rule5_earlier_visitor_with_leadership_link_keeps_agent(self):
        lead = self.register(phone="13800006001").lead_id
        again = self.register(phone="13800006001", leadership_referral=True)
        self.assertEqual(again.lead_id, lead)
        self.assertEqual(lead.attributed_user_id, self.agent1)
        self.assertEqual(lead.attribution_type, "rotation")

    # Rule 6 ---------------------------------------------------------------

    def raise_dispute(self, lead, agent):
        return (
            self.env["leasing.attribution.dispute"]
            .with_user(agent)
            .create({"phone": lead.phone, "reason": "I met them at the trade fair last month"})
        )

    def decide(self, dispute, decision, user=None, by=None):
        self.env["leasing.dispute.decide"].with_user(by or self.manager).create(
            {
                "dispute_id": dispute.id,
                "decision": decision,
                "user_id": user.id if user else False,
                "reason": "Checked the visitor register",
            }
        ).action_decide()

    def test_rule6_agent_raises_dispute_on_unseen_prospect(self):
        lead = self.register(phone="13800007000").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        self.assertEqual(dispute.state, "open")
        self.assertFalse(dispute.prospect_id)  # agent2 learns nothing about it
        as_manager = dispute.with_user(self.manager)
        self.assertEqual(as_manager.lead_id, lead)
        self.assertEqual(as_manager.credited_user_id, self.agent1)

    def test_rule6_manager_reassigns(self):
        lead = self.register(phone="13800007001").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        self.decide(dispute, "reassigned", self.agent2)
        self.assertEqual(lead.attributed_user_id, self.agent2)
        self.assertEqual(dispute.state, "reassigned")
        self.assertEqual(dispute.decided_by_id, self.manager)
        self.assertEqual(lead.attribution_log_ids.source, "dispute")

    def test_rule6_manager_upholds(self):
        lead = self.register(phone="13800007002").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        self.decide(dispute, "upheld")
        self.assertEqual(lead.attributed_user_id, self.agent1)
        self.assertEqual(dispute.decision_reason, "Checked the visitor register")

    def test_rule6_manager_makes_public(self):
        lead = self.register(phone="13800007003").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        self.decide(dispute, "public")
        self.assertTrue(lead.is_public)
        self.assertEqual(lead.attribution_type, "public")

    def test_rule6_only_manager_decides(self):
        lead = self.register(phone="13800007004").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        with self.assertRaisesRegex(AccessError, acl_refused("create", "leasing.dispute.decide")):
            self.decide(dispute, "reassigned", self.agent2, by=self.agent2)
        # Past the wizard, the decision itself checks the role.
        with self.assertRaisesRegex(AccessError, MANAGER_ONLY):
            dispute.with_user(self.agent2)._decide("reassigned", "mine", self.agent2)
        self.assertEqual(lead.attributed_user_id, self.agent1)
        self.assertEqual((dispute.state, dispute.decided_by_id), ("open", self.env["res.users"]))
        self.assertFalse(lead.attribution_log_ids)

    def test_rule6_decided_dispute_is_final(self):
        lead = self.register(phone="13800007005").lead_id
        dispute = self.raise_dispute(lead, self.agent2)
        self.decide(dispute, "upheld")
        with self.assertRaisesRegex(UserError, r"^This dispute has already been decided\.$"):
            self.decide(dispute, "reassigned", self.agent2)
        self.assertEqual(dispute.state, "upheld")
        self.assertEqual(lead.attributed_user_id, self.agent1)
        self.assertFalse(lead.attribution_log_ids)

    # Rule 7 ---------------------------------------------------------------

    def test_rule7_manager_transfers_big_account(self):
        lead = self.register(phone="13800008000").lead_id
        self.transfer_big_account(lead)
        self.assertTrue(lead.key_account_transferred)
        self.assertEqual(lead.team_id, self.env.ref("leasing_office.crm_team_key_account"))
        self.assertEqual(lead.user_id, self.keyaccount)
        self.assertIn(lead, self.env["crm.lead"].with_user(self.keyaccount).search([]))

    def test_rule7_small_prospect_stays_with_leasing_office(self):
        lead = self.register(phone="13800008001").lead_id
        with self.assertRaisesRegex(UserError, "has no approved big-account registration"):
            lead.with_user(self.manager).action_transfer_key_account()
        self.assertFalse(lead.key_account_transferred)

    def test_rule7_agent_cannot_transfer(self):
        lead = self.register(phone="13800008002").lead_id
        registration = (
            self.env["leasing.big.account"]
            .with_user(self.agent1)
            .create({"lead_id": lead.id, "store_count": 30})
        )
        registration.action_request_approval()
        registration.with_user(self.manager).action_approve()
        team = lead.team_id
        with self.assertRaisesRegex(AccessError, MANAGER_ONLY):
            lead.with_user(self.agent1).action_transfer_key_account()
        self.assertFalse(lead.key_account_transferred)
        self.assertEqual((lead.team_id, lead.user_id), (team, self.agent1))

    # Tracking -------------------------------------------------------------

    def test_attribution_change_is_tracked_in_chatter(self):
        lead = self.register(phone="13800009000").lead_id
        self.flush_tracking()  # the registration's transaction ends
        lead.with_user(self.manager)._leasing_change_attribution(
            self.agent3, "Typo at desk", "manual"
        )
        self.flush_tracking()
        tracked = lead.message_ids.sudo().tracking_value_ids.filtered(
            lambda value: value.field_id.name == "attributed_user_id"
        )
        self.assertIn(self.agent3.name, tracked.mapped("new_value_char"))

    def flush_tracking(self):
        """Run the end-of-transaction hooks that write tracking values."""
        self.env.flush_all()
        self.env.cr.flush()

    def test_agent_cannot_edit_attribution_fields(self):
        lead = self.register(phone="13800009001").lead_id
        for vals in ({"attribution_type": "card"}, {"user_id": self.agent2.id}):
            with self.assertRaisesRegex(AccessError, ATTRIBUTION_LOCKED):
                lead.with_user(self.agent1).write(vals)
        self.assertEqual(
            (lead.attribution_type, lead.attributed_user_id, lead.user_id),
            ("rotation", self.agent1, self.agent1),
        )
        leads = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(AccessError, ATTRIBUTION_LOCKED):
            self.env["crm.lead"].with_user(self.agent1).create(
                {"name": "Sneaky", "attributed_user_id": self.agent1.id}
            )
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)


@tagged("post_install", "-at_install", "leasing_attribution")
class TestWalkinRegisterForm(LeasingOfficeCase):
    """The wizard as front desk fills it in the web client."""

    def test_form_registers_card_holder(self):
        with Form(self.env["leasing.walkin.register"].with_user(self.frontdesk)) as form:
            form.contact_name = "Ma Li"
            form.partner_name = "Ma's Shoes"
            form.phone = "138 0001 5000"
            form.card_user_id = self.agent2
        wizard = form.record
        action = wizard.action_register()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(wizard.lead_id.partner_name, "Ma's Shoes")
        self.assertEqual(wizard.lead_id.attributed_user_id, self.agent2)
        self.assertIn("business card or flyer", wizard.explanation)
