from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.models import office_clock

from .common import LeasingOfficeCase

ALREADY_KNOWN = "already known to the office \\(already credited\\)"


@tagged("post_install", "-at_install", "leasing_attribution")
class TestProspectFiling(LeasingOfficeCase):
    """Agents' own prospects (客戶報備): filed, protected, released when left unworked."""

    def file(self, agent, **vals):
        vals.setdefault("contact_name", f"Own {vals.get('phone')}")
        filing = self.env["leasing.prospect.filing"].with_user(agent).create(vals)
        filing.action_file()
        return filing.with_env(self.env)

    def turns(self):
        return len(self.rotation.turn_ids.filtered(lambda t: t.state == "done"))

    def counts(self):
        return (
            self.env["crm.lead"].with_context(active_test=False).search_count([]),
            self.env["leasing.prospect.filing"].search_count([("state", "!=", "draft")]),
        )

    def test_filing_credits_the_agent_and_protects(self):
        filing = self.file(self.agent2, partner_name="Golden Tea", phone="13800040001")
        lead = filing.lead_id
        today = office_clock.office_today(self.env)
        self.assertEqual(filing.state, "protected")
        self.assertEqual(filing.protected_until, today + timedelta(days=30))
        self.assertEqual(lead.attribution_type, "filed")
        self.assertEqual(lead.attributed_user_id, self.agent2)
        self.assertEqual(lead.user_id, self.agent2)

    def test_protection_days_are_a_setting(self):
        self.env.company.leasing_filing_days = 10
        filing = self.file(self.agent2, phone="13800040002")
        today = office_clock.office_today(self.env)
        self.assertEqual(filing.protected_until, today + timedelta(days=10))

    def test_filed_prospect_walking_in_goes_to_filing_agent_without_turn(self):
        filing = self.file(self.agent3, partner_name="Tea House", phone="13800040003")
        self.assertEqual(self.rotation.next_user_id, self.agent1)
        wizard = self.register(contact_name="Walks in", phone="138 0004 0003")
        visit = wizard.visit_id
        self.assertEqual(wizard.lead_id, filing.lead_id)
        self.assertEqual(visit.credited_user_id, self.agent3)
        self.assertEqual(visit.received_user_id, self.agent3)
        self.assertEqual(visit.attribution_type, "filed")
        self.assertEqual(visit.visit_kind, "first")
        self.assertEqual(self.turns(), 0)
        self.assertEqual(
            wizard.explanation, "agent3: agent's own prospect, filed by agent3; no turn used"
        )
        again = self.register(contact_name="Again", phone="13800040003")
        self.assertEqual(again.visit_id.credited_user_id, self.agent3)
        self.assertEqual(again.visit_id.visit_kind, "returning")
        self.assertEqual(self.turns(), 0)

    def test_protection_lapses_unworked_to_public_pool(self):
        filing = self.file(self.agent2, phone="13800040004")
        lead = filing.lead_id
        Filing = self.env["leasing.prospect.filing"]
        with freeze_time(filing.protected_until):
            Filing._cron_release_lapsed()
            self.assertEqual(filing.state, "protected")
        with freeze_time(filing.protected_until + timedelta(days=1)):
            Filing._cron_release_lapsed()
        self.assertEqual(filing.state, "released")
        self.assertTrue(lead.is_public)
        self.assertFalse(lead.attributed_user_id)
        log = self.env["leasing.attribution.log"].search([("lead_id", "=", lead.id)])
        self.assertEqual(log.source, "filing")
        self.assertEqual(log.from_user_id, self.agent2)
        self.assertIn("released to the public pool", log.reason)
        self.assertIn("released to the public pool", filing.message_ids[0].body)

    def test_released_prospect_walking_in_stays_public(self):
        filing = self.file(self.agent2, phone="13800040005")
        with freeze_time(filing.protected_until + timedelta(days=1)):
            self.env["leasing.prospect.filing"]._cron_release_lapsed()
        leads = self.counts()[0]
        wizard = self.register(phone="13800040005")
        self.assertEqual(wizard.lead_id, filing.lead_id)
        self.assertEqual(self.counts()[0], leads)
        self.assertFalse(wizard.visit_id.credited_user_id)
        self.assertEqual(self.turns(), 0)

    def test_recorded_work_extends_protection(self):
        filing = self.file(self.agent2, phone="13800040006")
        call_day = filing.protected_until - timedelta(days=5)
        with freeze_time(call_day):
            self.env["leasing.call.log"].with_user(self.agent2).create(
                {"lead_id": filing.lead_id.id}
            )
        with freeze_time(filing.protected_until + timedelta(days=1)):
            self.env["leasing.prospect.filing"]._cron_release_lapsed()
        self.assertEqual(filing.state, "protected")
        self.assertEqual(filing.protected_until, call_day + timedelta(days=30))
        self.assertEqual(filing.lead_id.attributed_user_id, self.agent2)

    def test_duplicate_filing_is_refused_without_disclosure(self):
        self.file(self.agent2, partner_name="Secret Noodles", phone="13800040007")
        before = self.counts()
        filing = (
            self.env["leasing.prospect.filing"]
            .with_user(self.agent3)
            .create({"contact_name": "Mine", "phone": "+86 138 0004 0007"})
        )
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN) as error:
            filing.action_file()
        message = str(error.exception)
        self.assertNotIn("agent2", message)
        self.assertNotIn("Secret Noodles", message)
        self.assertEqual(self.counts(), before)
        self.assertEqual(filing.state, "draft")
        self.assertFalse(filing.lead_id)

    def test_same_agent_filing_twice_is_refused(self):
        self.file(self.agent2, phone="13800040008")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent2, phone="13800040008")

    def test_filing_a_public_prospect_is_refused(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "busy")
        public = self.register(partner_name="Pool Bakery", phone="13800040009", overflow=True)
        before = self.counts()
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent2, partner_name="pool  bakery", phone="13900000000")
        self.assertEqual(self.counts(), before)
        self.assertTrue(public.lead_id.is_public)

    def test_filing_another_agents_prospect_is_refused(self):
        walked_in = self.register(phone="13800040010").lead_id
        self.assertEqual(walked_in.attributed_user_id, self.agent1)
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent2, phone="138-0004-0010")
        self.assertEqual(walked_in.attributed_user_id, self.agent1)

    def test_simplified_and_traditional_names_match(self):
        self.file(self.agent2, contact_name="張偉", phone="13800040011")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent3, contact_name="张伟", phone="13800040012")
        self.file(self.agent2, partner_name="上海金茶有限公司", phone="13800040013")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent3, partner_name="上海金茶有限責任公司", phone="13800040014")

    def test_licence_and_wechat_match_when_given(self):
        self.file(self.agent2, phone="13800040015", license_no="9131 0000 AB", wechat_id="teaboss")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent3, phone="13800040016", license_no="91310000ab")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent3, phone="13800040017", wechat_id="TeaBoss")

    def test_agent_files_own_crm_lead_without_duplicate(self):
        # An agent's hand-made CRM prospect is filed when created; filing it again is a
        # duplicate like any other.
        lead = (
            self.env["crm.lead"]
            .with_user(self.agent2)
            .create({"name": "Found at the fair", "phone": "13800040018"})
        )
        self.assertEqual(lead.leasing_filing_ids.user_id, self.agent2)
        self.assertEqual(lead.attribution_type, "filed")
        with self.assertRaisesRegex(UserError, ALREADY_KNOWN):
            self.file(self.agent2, phone="13800040018")
        self.assertEqual(len(lead.leasing_filing_ids), 1)

    def test_agent_sees_only_own_filings(self):
        mine = self.file(self.agent2, phone="13800040019")
        other = self.file(self.agent3, phone="13800040020")
        seen = self.env["leasing.prospect.filing"].with_user(self.agent2).search([])
        self.assertIn(mine, seen)
        self.assertNotIn(other, seen)
        manager_seen = self.env["leasing.prospect.filing"].with_user(self.manager).search([])
        self.assertIn(other, manager_seen)

    def test_bad_input_is_refused(self):
        Filing = self.env["leasing.prospect.filing"].with_user(self.agent2)
        before = self.counts()
        with self.assertRaisesRegex(ValidationError, "Enter the prospect's phone"):
            Filing.create({"contact_name": "No phone"}).action_file()
        with self.assertRaisesRegex(ValidationError, "Enter the prospect's name or company"):
            Filing.create({"phone": "13800040021"}).action_file()
        self.assertEqual(self.counts(), before)

    def test_front_desk_cannot_file(self):
        with self.assertRaises(AccessError):
            self.env["leasing.prospect.filing"].with_user(self.frontdesk).create(
                {"contact_name": "x", "phone": "13800040022"}
            )

    def test_agent_cannot_write_the_protection(self):
        filing = self.file(self.agent2, phone="13800040023")
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"):
            filing.with_user(self.agent2).protected_until = "2099-01-01"
        with self.assertRaisesRegex(UserError, "kept as filed"):
            filing.with_user(self.agent2).phone = "13800040024"
