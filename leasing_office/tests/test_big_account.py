from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .access_errors import acl_refused
from .common import LeasingOfficeCase

NOT_CREDITED = r"^Only the agent credited with the prospect registers it as a big account\.$"
BELOW = r"is below every big-account threshold of the office \(area wanted 1000\.0 m²"
BEFORE_APPROVAL = (
    r"^The manager approves the big-account registration before it is transferred to the "
    r"key-account department\.$"
)
GUARDED = r"can only be changed by the form's own buttons"


@tagged("post_install", "-at_install", "leasing_big_account")
class TestBigAccount(LeasingOfficeCase):
    """大客戶登記表: the credited agent registers, the manager reviews and transfers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Registration = cls.env["leasing.big.account"]
        wizard = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)
        wizard = wizard.create({"contact_name": "Big Brand", "phone": "13800090000"})
        wizard.action_register()
        cls.lead = wizard.with_env(cls.env).lead_id
        cls.team = cls.env.ref("leasing_office.crm_team_key_account")

    def register_big(self, user=None, **criteria):
        criteria = criteria or {"area_wanted": 1500.0}
        return self.Registration.with_user(user or self.agent1).create(
            {"lead_id": self.lead.id, **criteria}
        )

    def assert_lead_untouched(self):
        self.assertFalse(self.lead.key_account_transferred)
        self.assertFalse(self.lead.is_big_account)
        self.assertEqual(self.lead.user_id, self.agent1)
        self.assertNotEqual(self.lead.team_id, self.team)

    # Registration -----------------------------------------------------------

    def test_rule7_credited_agent_registers_then_manager_approves(self):
        registration = self.register_big(brand_level="international", store_count=3)
        self.assertEqual(registration.user_id, self.agent1)
        self.assertEqual(registration.criteria_met, "brand level")
        registration.action_request_approval()
        self.assertEqual(registration.approval_state, "to_approve")
        self.assertTrue(registration.with_user(self.manager).can_approve)
        registration.with_user(self.manager).action_approve()
        self.assertEqual(registration.approval_state, "approved")
        self.assertEqual(registration.approver_id, self.manager)
        # Approved is not transferred: the prospect stays with its agent until the transfer.
        self.assert_lead_untouched()

    def test_rule7_agent_registers_from_the_prospect(self):
        action = self.lead.with_user(self.agent1).action_register_big_account()
        self.assertEqual(action["context"], {"default_lead_id": self.lead.id})
        Registration = self.Registration.with_user(self.agent1).with_context(**action["context"])
        with Form(Registration) as form:
            form.brand_name = "Big Brand"
            form.store_count = 12
        registration = form.record
        self.assertEqual((registration.lead_id, registration.user_id), (self.lead, self.agent1))
        self.assertEqual(registration.criteria_met, "number of stores")
        self.assertEqual(self.lead.with_user(self.agent1).big_account_ids, registration)

    def test_rule7_thresholds_are_the_offices_settings(self):
        defaults = self.Registration._thresholds()
        self.assertEqual(defaults, {"area": 1000.0, "stores": 10, "brand": "national"})
        settings = self.env["res.config.settings"].create(
            {
                "leasing_big_account_area": 800.0,
                "leasing_big_account_brand": "provincial",
                "leasing_big_account_stores": 6,
            }
        )
        settings.execute()
        self.assertEqual(
            self.Registration._thresholds(), {"area": 800.0, "stores": 6, "brand": "provincial"}
        )
        registration = self.register_big(brand_level="provincial")
        self.assertEqual(registration.criteria_met, "brand level")

    def test_rule7_only_the_credited_agent_registers(self):
        for user in (self.agent2, self.manager, self.leader):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, NOT_CREDITED):
                self.register_big(user)
        with self.assertRaisesRegex(AccessError, acl_refused("create", "leasing.big.account")):
            self.register_big(self.frontdesk)
        with self.assertRaisesRegex(UserError, NOT_CREDITED):
            self.lead.with_user(self.manager).action_register_big_account()
        self.assertFalse(self.Registration.search([("lead_id", "=", self.lead.id)]))

    def test_rule7_public_prospect_cannot_be_registered(self):
        public = self.register(
            phone="13800090001", overflow=True, overflow_reason="Busy floor"
        ).lead_id
        with self.assertRaisesRegex(UserError, NOT_CREDITED):
            self.Registration.with_user(self.agent1).create({"lead_id": public.id})
        self.assertFalse(self.Registration.search([("lead_id", "=", public.id)]))

    def test_rule7_a_prospect_is_registered_once(self):
        self.register_big()
        with self.assertRaisesRegex(
            UserError, r"^This prospect already has a big-account registration\.$"
        ):
            self.register_big(store_count=40)
        self.assertEqual(self.Registration.search_count([("lead_id", "=", self.lead.id)]), 1)

    def test_rule7_agent_cannot_move_a_registration_to_another_prospect(self):
        registration = self.register_big()
        other = self.register(phone="13800090002").lead_id
        self.assertEqual(other.attributed_user_id, self.agent2)
        with self.assertRaisesRegex(UserError, NOT_CREDITED):
            registration.write({"lead_id": other.id})
        self.assertEqual(registration.lead_id, self.lead)

    def test_rule7_below_the_thresholds_is_refused(self):
        registration = self.register_big(area_wanted=300.0, brand_level="provincial", store_count=4)
        self.assertFalse(registration.criteria_met)
        with self.assertRaisesRegex(ValidationError, BELOW):
            registration.action_request_approval()
        self.assertEqual(registration.approval_state, "draft")
        # The office's own thresholds are settings.
        self.env.company.leasing_big_account_stores = 4
        registration.invalidate_recordset(["criteria_met"])
        self.assertEqual(registration.criteria_met, "number of stores")
        registration.action_request_approval()
        self.assertEqual(registration.approval_state, "to_approve")

    def test_rule7_thresholds_are_checked_again_at_approval(self):
        registration = self.register_big(area_wanted=1200.0)
        registration.action_request_approval()
        self.env.company.leasing_big_account_area = 2000.0
        with self.assertRaisesRegex(ValidationError, "below every big-account threshold"):
            registration.with_user(self.manager).action_approve()
        self.assertEqual(registration.approval_state, "to_approve")

    def test_rule7_registration_under_review_is_kept_as_filed(self):
        registration = self.register_big()
        registration.action_request_approval()
        with self.assertRaisesRegex(UserError, "under review or approved is kept as it is"):
            registration.write({"area_wanted": 99999.0})
        self.assertEqual(registration.area_wanted, 1500.0)

    def test_rule7_manager_sends_back_and_agent_corrects(self):
        registration = self.register_big()
        registration.action_request_approval()
        registration.with_user(self.manager).action_send_back("Which brand is it?")
        self.assertEqual(registration.approval_state, "rejected")
        registration.write({"brand_name": "星巴克"})
        registration.action_request_approval()
        self.assertEqual(registration.approval_state, "to_approve")

    # Review and transfer ------------------------------------------------------

    def test_rule7_agent_neither_approves_nor_transfers(self):
        registration = self.register_big()
        registration.action_request_approval()
        with self.assertRaisesRegex(UserError, r"^Only the leasing manager approves this form\.$"):
            registration.action_approve()
        self.assertEqual(registration.approval_state, "to_approve")
        registration.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(AccessError, r"^Only the leasing manager may do this\.$"):
            registration.action_transfer()
        self.assertFalse(registration.transferred_at)
        self.assert_lead_untouched()

    def test_rule7_transfer_before_approval_is_refused(self):
        registration = self.register_big()
        as_manager = registration.with_user(self.manager)
        with self.assertRaisesRegex(UserError, BEFORE_APPROVAL):
            as_manager.action_transfer()
        registration.action_request_approval()
        with self.assertRaisesRegex(UserError, BEFORE_APPROVAL):
            as_manager.action_transfer()
        self.assertFalse(registration.transferred_at)
        self.assert_lead_untouched()

    def test_rule7_transfer_hands_the_prospect_to_the_key_account_department(self):
        registration = self.transfer_big_account(self.lead, brand_level="national")
        self.assertEqual(registration.transferred_by_id, self.manager)
        self.assertTrue(registration.transferred_at)
        self.assertTrue(self.lead.key_account_transferred)
        self.assertTrue(self.lead.is_big_account)
        self.assertEqual((self.lead.team_id, self.lead.user_id), (self.team, self.keyaccount))
        # Still the agent's find; no longer the agent's to work.
        self.assertEqual(self.lead.attributed_user_id, self.agent1)
        self.assertNotIn(self.lead, self.env["crm.lead"].with_user(self.agent1).search([]))
        self.assertIn(self.lead, self.env["crm.lead"].with_user(self.keyaccount).search([]))
        with self.assertRaisesRegex(UserError, "is already transferred"):
            registration.with_user(self.manager).action_transfer()
        with self.assertRaisesRegex(UserError, "already with the key-account department"):
            self.Registration.with_user(self.agent1).create({"lead_id": self.lead.id})

    def test_rule7_transfer_needs_a_head_of_the_key_account_department(self):
        registration = self.register_big()
        registration.action_request_approval()
        registration.with_user(self.manager).action_approve()
        self.team.user_id = False
        with self.assertRaisesRegex(UserError, "The key-account department has no head"):
            registration.with_user(self.manager).action_transfer()
        self.assertFalse(registration.transferred_at)
        self.assertFalse(self.lead.key_account_transferred)

    def test_rule7_big_account_flag_is_set_only_by_the_transfer(self):
        for user in (self.agent1, self.manager, self.leader):
            for field in ("is_big_account", "key_account_transferred"):
                with self.subTest(user=user.login, field=field), self.assertRaises(AccessError):
                    self.lead.with_user(user).write({field: True})
        registration = self.register_big()
        for field, value in (
            ("transferred_at", "2030-01-01 00:00:00"),
            ("approval_state", "approved"),
        ):
            with self.subTest(field=field), self.assertRaisesRegex(AccessError, GUARDED):
                registration.with_user(self.manager).write({field: value})
        self.assertEqual(registration.approval_state, "draft")
        self.assert_lead_untouched()

    def test_rule7_who_sees_registrations(self):
        registration = self.register_big()
        self.assertEqual(self.Registration.with_user(self.agent1).search([]), registration)
        self.assertFalse(self.Registration.with_user(self.agent2).search([]))
        self.assertFalse(self.Registration.with_user(self.keyaccount).search([]))
        self.assertEqual(self.Registration.with_user(self.manager).search([]), registration)
        with self.assertRaises(AccessError):
            registration.with_user(self.clerk).read(["area_wanted"])
        registration.action_request_approval()
        registration.with_user(self.manager).action_approve()
        registration.with_user(self.manager).action_transfer()
        self.assertEqual(self.Registration.with_user(self.keyaccount).search([]), registration)
        with self.assertRaisesRegex(AccessError, acl_refused("write", "leasing.big.account")):
            registration.with_user(self.keyaccount).write({"note": "ours now"})

    def test_rule7_registrations_are_never_deleted(self):
        registration = self.register_big()
        with self.assertRaisesRegex(AccessError, acl_refused("unlink", "leasing.big.account")):
            registration.with_user(self.manager).unlink()
        with self.assertRaisesRegex(AccessError, "never deleted by hand"):
            registration.sudo().unlink()
        self.assertTrue(registration.exists())


@tagged("post_install", "-at_install", "leasing_big_account")
class TestReturningBigAccount(LeasingOfficeCase):
    """A transferred big account that comes back is received by the key-account department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        wizard = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)
        wizard = wizard.create({"contact_name": "Big Brand", "phone": "13800091000"})
        wizard.action_register()
        cls.lead = wizard.with_env(cls.env).lead_id
        cls.transfer_big_account(cls.lead)
        # Another member of the department, who is not its head.
        cls.keyaccount2 = new_test_user(
            cls.env,
            login="lo_keyaccount2",
            groups="leasing_office.group_leasing_keyaccount",
            context={"no_reset_password": True},
        )

    def turns(self):
        return len(self.rotation.turn_ids.filtered(lambda t: t.state == "done"))

    def assert_received_by_key_accounts(self, wizard, channel):
        visit = wizard.visit_id
        self.assertEqual(wizard.lead_id, self.lead)
        self.assertEqual(visit.channel, channel)
        self.assertEqual(visit.received_user_id, self.keyaccount)
        self.assertEqual(visit.credited_user_id, self.keyaccount)
        self.assertEqual(visit.attribution_type, "key_account")
        self.assertFalse(visit.on_behalf)
        self.assertFalse(visit.turn_id)
        self.assertEqual(self.turns(), 1)  # only the first visit's turn
        self.assertEqual(
            wizard.explanation,
            "Key-account department: big account transferred to the key-account department, "
            "which receives it (never a leasing agent); received by keyaccount; no turn used",
        )
        # The credit of the find and the transfer stay as they were.
        self.assertEqual(self.lead.attributed_user_id, self.agent1)
        self.assertEqual(self.lead.user_id, self.keyaccount)
        # The key-account department sees it, the agent who found it does not.
        for user in (self.keyaccount, self.keyaccount2):
            self.assertIn(visit, self.env["leasing.visit"].with_user(user).search([]))
        self.assertNotIn(visit, self.env["leasing.visit"].with_user(self.agent1).search([]))
        return visit

    def test_rule7_returning_transferred_big_account_walks_in(self):
        wizard = self.register(contact_name="Big Brand", phone="138 0009 1000")
        visit = self.assert_received_by_key_accounts(wizard, "walk_in")
        self.assertEqual(visit.visit_kind, "returning")
        # Front desk sees where it went and why.
        as_frontdesk = visit.with_user(self.frontdesk)
        self.assertEqual(as_frontdesk.received_user_id, self.keyaccount)
        self.assertIn("Key-account department", as_frontdesk.explanation)

    def test_rule7_returning_transferred_big_account_calls(self):
        wizard = self.env["leasing.phone.inquiry"].with_user(self.frontdesk)
        wizard = wizard.create({"contact_name": "Big Brand", "phone": "13800091000"})
        wizard.action_log_call()
        wizard = wizard.with_env(self.env)
        self.assert_received_by_key_accounts(wizard, "phone")
        self.assertEqual(wizard.credited_user_id, self.keyaccount)

    def test_rule7_returning_big_account_with_a_card_still_goes_to_key_accounts(self):
        wizard = self.register(phone="13800091000", card_user_id=self.agent3.id)
        self.assert_received_by_key_accounts(wizard, "walk_in")

    def test_rule7_returning_big_account_when_the_agents_are_busy(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "busy")
        wizard = self.register(phone="13800091000")
        self.assert_received_by_key_accounts(wizard, "walk_in")

    def test_rule7_returning_big_account_without_a_named_receiver(self):
        # Nobody named in the department: front desk receives for it, no agent does.
        self.lead._write_guarded({"user_id": False})
        self.env.ref("leasing_office.crm_team_key_account").user_id = False
        wizard = self.register(phone="13800091000")
        visit = wizard.visit_id
        self.assertEqual(visit.received_user_id, self.frontdesk)
        self.assertFalse(visit.credited_user_id)
        self.assertEqual(visit.attribution_type, "key_account")
        self.assertEqual(self.turns(), 1)
        self.assertIn("received by frontdesk", wizard.explanation)
