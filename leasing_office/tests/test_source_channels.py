from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LeasingOfficeCase

ALREADY_KNOWN = "already known to the office \\(already credited\\)"
GUARDED = "can only be changed by the form's own buttons"


@tagged("post_install", "-at_install", "leasing_attribution")
class TestSourceChannels(LeasingOfficeCase):
    """Every prospect, contact and filing carries its source channel (Odoo's utm.source)."""

    def source(self, name):
        return self.env.ref(f"leasing_office.utm_source_{name}")

    def call(self, **vals):
        vals.setdefault("contact_name", "Caller")
        wizard = self.env["leasing.phone.inquiry"].with_user(self.frontdesk).create(vals)
        wizard.action_log_call()
        return wizard.with_env(self.env)

    def test_channel_sources_have_chinese_names(self):
        names = {
            key: self.source(key).name
            for key in (
                "walk_in",
                "phone",
                "wechat",
                "advertising",
                "exhibition",
                "referral",
                "agent_own",
                "leadership",
            )
        }
        self.assertEqual(names["walk_in"], "自然到訪")
        self.assertEqual(names["agent_own"], "招商員自拓")
        self.assertEqual(len(set(names.values())), 8)

    def test_walk_in_gets_the_walk_in_source_on_prospect_and_visit(self):
        visit = self.register(phone="13800061001").visit_id
        self.assertEqual(visit.source_id, self.source("walk_in"))
        self.assertEqual(visit.lead_id.source_id, self.source("walk_in"))

    def test_phone_inquiry_gets_the_phone_source(self):
        visit = self.call(phone="13800061002").visit_id
        self.assertEqual((visit.channel, visit.source_id), ("phone", self.source("phone")))
        self.assertEqual(visit.lead_id.source_id, self.source("phone"))

    def test_picked_source_is_kept_and_the_prospect_keeps_its_first(self):
        first = self.register(phone="13800061003", source_id=self.source("advertising").id)
        again = self.call(phone="13800061003", source_id=self.source("wechat").id)
        self.assertEqual(again.lead_id, first.lead_id)
        self.assertEqual(again.visit_id.source_id, self.source("wechat"))
        self.assertEqual(first.lead_id.source_id, self.source("advertising"))

    def test_leadership_referral_gets_the_leadership_source(self):
        visit = self.register(phone="13800061004", leadership_referral=True).visit_id
        self.assertEqual(visit.source_id, self.source("leadership"))

    def test_filing_gives_the_agents_own_source(self):
        filing = (
            self.env["leasing.prospect.filing"]
            .with_user(self.agent2)
            .create({"contact_name": "Own", "phone": "13800061005"})
        )
        filing.action_file()
        self.assertEqual(filing.lead_id.source_id, self.source("agent_own"))

    def test_contact_source_is_guarded(self):
        visit = self.register(phone="13800061006").visit_id
        for user in (self.frontdesk, self.manager):
            with self.assertRaisesRegex(AccessError, GUARDED):
                visit.with_user(user).write({"source_id": self.source("exhibition").id})
        self.assertEqual(visit.source_id, self.source("walk_in"))

    def test_visit_analysis_groups_by_channel_and_source(self):
        self.register(phone="13800061007", source_id=self.source("exhibition").id)
        self.call(phone="13800061008")
        Report = self.env["leasing.visit.report"]
        rows = dict(
            Report._read_group(
                [("source_id", "in", (self.source("exhibition") | self.source("phone")).ids)],
                ["channel"],
                ["visit_count:sum"],
            )
        )
        self.assertGreaterEqual(rows["walk_in"], 1)
        self.assertGreaterEqual(rows["phone"], 1)
        # The counts of these sources are exact (rows other tests committed are not ours).
        sources = (self.source("exhibition") | self.source("phone")).ids
        drift = [row for row in Report._check_counts() if row["source_id"] in sources]
        self.assertEqual(drift, [])


@tagged("post_install", "-at_install", "leasing_attribution")
class TestRegistrationInOneScreen(LeasingOfficeCase):
    """Registration in one screen: everything typed once, the decision shown before confirming."""

    def test_preview_shows_who_will_receive_without_side_effects(self):
        turns = len(self.rotation.turn_ids)
        leads = self.env["crm.lead"].search_count([])
        with Form(self.env["leasing.walkin.register"].with_user(self.frontdesk)) as form:
            form.contact_name = "Preview"
            form.phone = "13800062001"
            self.assertIn(self.agent1.name, form.preview)
            form.card_user_id = self.agent3
            self.assertIn("business card or flyer", form.preview)
            self.assertIn(self.agent3.name, form.preview)
            form.card_user_id = self.env["res.users"]
            form.overflow = True
            self.assertIn("An agent of today's rotation is available", form.preview)
            form.overflow = False
        self.assertEqual(len(self.rotation.turn_ids), turns)
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)

    def test_preview_of_a_returning_prospect_names_their_agent(self):
        self.register(phone="13800062002", card_user_id=self.agent2.id)
        with Form(self.env["leasing.walkin.register"].with_user(self.frontdesk)) as form:
            form.phone = "138 0006 2002"
            form.contact_name = "Back again"
            self.assertIn("returning prospect first received by agent2", form.preview)

    def test_one_screen_keeps_line_of_business_and_area_for_the_registration(self):
        wizard = self.register(
            phone="13800062003",
            business_type="Tea shop",
            desired_area=120.0,
            source_id=self.env.ref("leasing_office.utm_source_exhibition").id,
        )
        visit = wizard.visit_id
        self.assertEqual((visit.business_type, visit.desired_area), ("Tea shop", 120.0))
        visit.with_user(self.frontdesk).action_mark_left()
        self.assertEqual(
            (visit.registration_id.business_type, visit.registration_id.desired_area),
            ("Tea shop", 120.0),
        )

    def test_register_and_next_keeps_the_form_open_for_the_next_visitor(self):
        wizard = (
            self.env["leasing.walkin.register"]
            .with_user(self.frontdesk)
            .create({"contact_name": "First of two", "phone": "13800062004"})
        )
        action = wizard.action_register_next()
        self.assertTrue(wizard.visit_id)
        self.assertEqual(action["res_model"], "leasing.walkin.register")
        self.assertNotIn("res_id", action)
        self.assertEqual(action["target"], "new")
        last = action["context"]["default_last_result"]
        self.assertIn(wizard.lead_id.name, last)
        self.assertIn(self.agent1.name, last)
        following = (
            self.env["leasing.walkin.register"]
            .with_user(self.frontdesk)
            .with_context(**action["context"])
            .create({"contact_name": "Second", "phone": "13800062005"})
        )
        self.assertEqual(following.last_result, last)
        following.action_register()
        self.assertEqual(following.visit_id.credited_user_id, self.agent2)

    def test_result_dialog_has_a_real_title(self):
        wizard = (
            self.env["leasing.walkin.register"]
            .with_user(self.frontdesk)
            .create({"contact_name": "Titled", "partner_name": "Title Tea", "phone": "13800062006"})
        )
        action = wizard.action_register()
        self.assertEqual(action["name"], "Walk-in Registered: Title Tea")

    def test_negative_or_text_area_is_refused_and_nothing_registered(self):
        leads = self.env["crm.lead"].search_count([])
        Wizard = self.env["leasing.walkin.register"].with_user(self.frontdesk)
        for area in (-5, "big"):
            with self.assertRaisesRegex(ValidationError, "desired area must be a positive"):
                Wizard.create({"contact_name": "X", "phone": "13800062007", "desired_area": area})
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)


@tagged("post_install", "-at_install", "leasing_attribution")
class TestProspectsFromOutside(LeasingOfficeCase):
    """Imported and e-mailed prospects wait public for their first contact; an agent's
    hand-made CRM prospect is filed as the agent's own."""

    def test_imported_prospect_is_public_until_its_first_contact(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.agent1)
            .with_context(import_file=True)
            .create({"name": "Listed Tea", "phone": "13800063001"})
        )
        self.assertEqual((lead.attribution_type, lead.user_id), ("public", self.env["res.users"]))
        self.assertTrue(lead.is_public)
        self.assertIn("imported by agent1", lead.attribution_note)
        visit = self.register(phone="13800063001").visit_id
        self.assertEqual(visit.lead_id, lead)
        self.assertEqual(
            (lead.attribution_type, lead.attributed_user_id), ("rotation", self.agent1)
        )

    def test_emailed_prospect_to_the_office_is_public_until_its_first_contact(self):
        team = self.env.ref("leasing_office.crm_team_leasing")
        lead = self.env["crm.lead"].message_new(
            {"subject": "Looking for 200 m2", "from": "boss@tea.example", "body": "hi"},
            custom_values={"team_id": team.id, "phone": "13800063002"},
        )
        self.assertEqual(lead.attribution_type, "public")
        self.assertFalse(lead.user_id)
        visit = (
            self.env["leasing.phone.inquiry"]
            .with_user(self.frontdesk)
            .create({"contact_name": "Tea boss", "phone": "13800063002"})
        )
        visit.action_log_call()
        self.assertEqual(visit.lead_id, lead)
        self.assertEqual(lead.attributed_user_id, self.agent1)

    def test_emailed_to_another_team_stays_a_stock_lead(self):
        lead = self.env["crm.lead"].message_new(
            {"subject": "Web order", "from": "a@b.example", "body": "hi"}
        )
        self.assertFalse(lead.attribution_type)

    def test_agents_hand_made_prospect_is_filed_as_their_own(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.agent2)
            .create({"name": "Found at the fair", "phone": "13800063003"})
        )
        self.assertEqual((lead.attribution_type, lead.attributed_user_id), ("filed", self.agent2))
        self.assertEqual(lead.leasing_filing_ids.state, "protected")
        self.assertEqual(lead.source_id, self.env.ref("leasing_office.utm_source_agent_own"))
        visit = self.register(phone="13800063003").visit_id
        self.assertEqual((visit.attribution_type, visit.credited_user_id), ("filed", self.agent2))
        self.assertFalse(visit.turn_id)

    def test_agents_hand_made_duplicate_is_refused_without_disclosure(self):
        self.register(phone="13800063004", partner_name="Secret Shoes")
        leads = self.env["crm.lead"].with_context(active_test=False).search_count([])
        for vals in (
            {"name": "Mine", "phone": "+86 138 0006 3004"},
            {"name": "Mine", "partner_name": "Secret Shoes 有限公司", "phone": "13800063099"},
        ):
            with self.assertRaisesRegex(UserError, ALREADY_KNOWN) as caught:
                self.env["crm.lead"].with_user(self.agent3).create(vals)
            self.assertNotIn("agent1", str(caught.exception))
        self.assertEqual(
            self.env["crm.lead"].with_context(active_test=False).search_count([]), leads
        )

    def test_agents_hand_made_prospect_from_a_contact_takes_its_phone(self):
        partner = self.env["res.partner"].create({"name": "Card Tea", "phone": "13800063006"})
        lead = (
            self.env["crm.lead"]
            .with_user(self.agent2)
            .create({"name": "From a contact", "partner_id": partner.id})
        )
        self.assertEqual((lead.attribution_type, lead.attributed_user_id), ("filed", self.agent2))

    def test_agents_hand_made_prospect_without_phone_points_to_filing(self):
        leads = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(ValidationError, "Own Prospects"):
            self.env["crm.lead"].with_user(self.agent2).create({"name": "No phone"})
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)

    def test_managers_hand_made_lead_waits_for_the_rules(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.manager)
            .create({"name": "Manager's contact", "phone": "13800063005"})
        )
        self.assertFalse(lead.attribution_type)
        self.assertFalse(lead.leasing_filing_ids)
        visit = self.register(phone="13800063005").visit_id
        self.assertEqual(visit.lead_id, lead)
        self.assertEqual(lead.attribution_type, "rotation")

    def test_stock_crm_users_create_and_import_leads_as_before(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Stock Sales",
                "login": "lo_stock_sales_src",
                "group_ids": [(6, 0, [self.env.ref("sales_team.group_sale_salesman").id])],
            }
        )
        Lead = self.env["crm.lead"].with_user(salesman)
        for lead in (
            Lead.create({"name": "By hand"}),
            Lead.with_context(import_file=True).create({"name": "Imported"}),
        ):
            self.assertFalse(lead.attribution_type)
            self.assertEqual(lead.user_id, salesman)
