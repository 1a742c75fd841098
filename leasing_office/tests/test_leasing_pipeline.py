import re

from odoo.tests import tagged

from .common import LeasingOfficeCase

# Words of three Latin letters or more: what an untranslated English text leaves behind.
ENGLISH = re.compile(r"[A-Za-z]{3,}")


@tagged("post_install", "-at_install", "leasing_pipeline")
class TestLeasingPipeline(LeasingOfficeCase):
    """The office's own pipeline: its team, its stages, the moves that follow events."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env.ref("leasing_office.crm_team_leasing")
        ref = cls.env.ref
        cls.first, cls.second, cls.negotiation, cls.deposit_stage, cls.signed = (
            ref(f"leasing_office.crm_stage_leasing_{step}")
            for step in ("first_visit", "second_visit", "negotiation", "deposit", "signed")
        )

    def test_office_prospect_belongs_to_the_leasing_team_at_first_visit(self):
        lead = self.register(contact_name="管道一", phone="13800070001").lead_id
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.stage_id, self.first)

    def test_second_visit_moves_the_prospect_to_repeat_visit(self):
        lead = self.register(contact_name="複訪一", phone="13800070021").lead_id
        self.assertEqual(lead.stage_id, self.first)
        messages = lead.message_ids
        visit = self.register(contact_name="複訪一", phone="13800070021").visit_id
        self.assertEqual(visit.visit_kind, "returning")
        self.assertEqual((lead.stage_id, lead.visit_count), (self.second, 2))
        # Untracked: the second visit is the record, the chatter gets no stage line.
        self.assertEqual(lead.message_ids, messages)
        self.register(contact_name="複訪一", phone="13800070021")
        self.assertEqual((lead.stage_id, lead.visit_count), (self.second, 3))

    def test_second_visit_never_moves_a_prospect_back(self):
        lead = self.register(contact_name="複訪二", phone="13800070022").lead_id
        lead.with_user(self.agent1).stage_id = self.negotiation
        self.register(contact_name="複訪二", phone="13800070022")
        self.assertEqual((lead.stage_id, lead.visit_count), (self.negotiation, 2))

    def test_stock_lead_keeps_stock_stages(self):
        lead = self.env["crm.lead"].create({"name": "Stock deal", "type": "opportunity"})
        self.assertNotEqual(lead.team_id, self.team)
        self.assertFalse(lead.stage_id.team_ids & self.team)

    def test_known_crm_lead_joins_the_leasing_pipeline_when_credited(self):
        lead = self.env["crm.lead"].create(
            {"name": "Known by phone", "type": "opportunity", "phone": "13800070002"}
        )
        self.assertFalse(lead.stage_id.team_ids & self.team)
        visit_lead = self.register(contact_name="Known", phone="13800070002").lead_id
        self.assertEqual(visit_lead, lead)
        self.assertEqual((lead.team_id, lead.stage_id), (self.team, self.first))

    def test_deposit_and_contract_move_the_prospect_forward(self):
        lead = self.register(contact_name="管道三", phone="13800070004").lead_id
        self.env["leasing.deposit"].with_user(self.frontdesk).create(
            {"lead_id": lead.id, "amount": 5000, "receipt_number": "PL-1"}
        )
        self.assertEqual(lead.stage_id, self.deposit_stage)
        unit = self.env["leasing.unit"].create({"code": "PL-U1", "area": 50, "rent_standard": 8})
        self.env["leasing.contract"].create(
            {"contract_number": "PL-C1", "lead_id": lead.id, "unit_id": unit.id}
        )
        self.assertEqual(lead.stage_id, self.signed)
        self.assertTrue(lead.stage_id.is_won)

    def test_stage_never_moves_back_after_an_event(self):
        lead = self.register(contact_name="管道四", phone="13800070005").lead_id
        lead.with_user(self.agent1).stage_id = self.negotiation
        lead._leasing_advance_stage("second_visit")
        self.assertEqual(lead.stage_id, self.negotiation)
        self.env["leasing.deposit"].with_user(self.frontdesk).create(
            {"lead_id": lead.id, "amount": 3000, "receipt_number": "PL-2"}
        )
        self.assertEqual(lead.stage_id, self.deposit_stage)
        lead._leasing_advance_stage("negotiation")
        self.assertEqual(lead.stage_id, self.deposit_stage)

    def test_lost_prospect_stays_lost_after_an_event(self):
        lead = self.register(contact_name="管道五", phone="13800070006").lead_id
        reason = self.env.ref("leasing_office.crm_lost_reason_leasing_rent")
        lead.with_user(self.agent1).action_set_lost(lost_reason_id=reason.id)
        lead._leasing_advance_stage("deposit")
        self.assertEqual((lead.active, lead.stage_id), (False, self.first))
        self.assertEqual(lead.lost_reason_id, reason)

    def test_stage_find_on_several_prospects(self):
        leads = (
            self.register(contact_name="管道六", phone="13800070011").lead_id
            | self.register(contact_name="管道七", phone="13800070012").lead_id
        )
        self.assertEqual(leads._stage_find(domain=[("is_won", "=", True)]), self.signed)
        stock = self.env["crm.lead"].create({"name": "Stock deal", "type": "opportunity"})
        self.assertFalse((leads | stock)._stage_find().team_ids)

    def test_office_pipeline_shows_only_the_office_stages(self):
        Stage = self.env["crm.stage"]
        Lead = self.env["crm.lead"].with_user(self.agent1)
        office = Lead.with_context(leasing_pipeline=True)._read_group_stage_ids(Stage, [])
        self.assertEqual(
            office, self.first | self.second | self.negotiation | self.deposit_stage | self.signed
        )
        stock = Lead._read_group_stage_ids(Stage, [])
        self.assertFalse(stock & office)

    def test_office_views_hide_revenue_and_show_badges(self):
        action = self.env.ref("leasing_office.crm_lead_action_leasing")
        self.assertTrue(action.context and "leasing_pipeline" in action.context)
        views = {mode: view for view, mode in action.views}
        Lead = self.env["crm.lead"].with_user(self.agent1)
        kanban = Lead.get_views([(views["kanban"], "kanban")])["views"]["kanban"]["arch"]
        for badge in (
            "attribution_type",
            "is_public",
            "prospect_class",
            "next_followup_due",
            "merchant_tier",
        ):
            self.assertIn(f'name="{badge}"', kanban)
        self.assertNotIn('name="expected_revenue"', kanban)
        self.assertNotIn("sum_field", kanban)
        form = Lead.get_views([(views["form"], "form")])["views"]["form"]["arch"]
        self.assertRegex(form, r'<div[^>]*invisible="1"[^>]*>\s*<label for="expected_revenue"')
        # Stock CRM users keep the stock kanban, revenue included.
        stock = Lead.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        self.assertIn('name="expected_revenue"', stock)


@tagged("post_install", "-at_install", "leasing_pipeline")
class TestProspectNameSearch(LeasingOfficeCase):
    """Search finds 张伟 when the name is 張偉, and the other way round."""

    def test_traditional_search_finds_simplified_name(self):
        lead = self.register(contact_name="张伟", phone="13800071001").lead_id
        Lead = self.env["crm.lead"].with_user(self.agent1)
        self.assertIn(lead, Lead.search([("leasing_name_search", "ilike", "張偉")]))

    def test_simplified_search_finds_traditional_company(self):
        lead = self.register(
            contact_name="Li", partner_name="上海金茶貿易有限公司", phone="13800071002"
        ).lead_id
        Lead = self.env["crm.lead"].with_user(self.agent1)
        self.assertEqual(Lead.search([("leasing_name_search", "ilike", "金茶贸易")]), lead)
        self.assertFalse(Lead.search([("leasing_name_search", "ilike", "銀茶")]))


@tagged("post_install", "-at_install", "leasing_pipeline")
class TestChineseEverywhere(LeasingOfficeCase):
    """Stored texts are in the company's language (zh_CN here), whoever's session writes them,
    and the office's screens have no English left in zh_CN."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["mail", "crm", "leasing_office"], ["zh_CN"], overwrite=True
        )
        cls.env.company.partner_id.lang = "zh_CN"
        (cls.frontdesk | cls.agents | cls.manager).write({"lang": "en_US"})
        for user, name in zip(cls.agents[:4], ("王芳", "李强", "張偉", "劉洋"), strict=True):
            user.name = name
        cls.frontdesk.name = "周前台"

    def assertChinese(self, texts):
        for text in texts:
            self.assertTrue(text, "an empty text")
            self.assertFalse(ENGLISH.findall(text), f"English left in: {text}")

    def bodies(self, record):
        return [re.sub(r"<[^>]+>", "", str(m.body)) for m in record.message_ids if m.body]

    def test_explanation_and_chatter_in_the_company_language(self):
        visit = self.register(contact_name="顧客", phone="13800072001").visit_id
        self.assertChinese([visit.explanation, visit.lead_id.attribution_note])
        self.assertChinese(visit.turn_id.mapped("explanation"))

    def test_rotation_chatter_in_the_company_language(self):
        rotation = self.env["leasing.rotation"].with_user(self.frontdesk)
        rotation = rotation.with_context(lang="en_US")._get_for_today()
        self.assertEqual(rotation, self.rotation)
        self.rotation.date = "2001-01-01"
        Rotation = self.env["leasing.rotation"].with_user(self.frontdesk)
        action = Rotation.with_context(lang="en_US").action_new_for_today()
        fresh = Rotation.browse(action["res_id"])
        self.assertNotEqual(fresh, self.rotation)
        self.set_status(fresh.line_ids[:1], "busy")
        self.assertChinese(self.bodies(fresh))

    def test_form_name_and_activity_titles_in_the_company_language(self):
        plan = self.env["leasing.followup.plan"].with_user(self.agent1).create({})
        self.assertChinese([plan.name])
        summaries = plan.sudo().activity_ids.mapped("summary")
        self.assertTrue(summaries, "a form with a deadline gets its reminder")
        self.assertChinese(summaries)

    def test_office_form_labels_in_chinese(self):
        Lead = self.env["crm.lead"].with_user(self.agent1).with_context(lang="zh_CN")
        fields = Lead.fields_get(
            [
                "attribution_type",
                "prospect_class",
                "next_followup_due",
                "merchant_tier",
                "field_visit_count",
            ],
            ["string"],
        )
        self.assertChinese([f["string"] for f in fields.values()])
        self.assertIn("走访", fields["field_visit_count"]["string"])
        stages = (
            self.env["crm.stage"]
            .with_context(lang="zh_CN")
            .search([("team_ids", "in", self.env.ref("leasing_office.crm_team_leasing").ids)])
        )
        self.assertEqual(stages.mapped("name"), ["初访", "复访", "洽谈", "交定金", "签约"])

    def test_channel_names_in_the_readers_language(self):
        """The channels keep the rulebook's Traditional names in the database; a zh_CN user
        reads them in Simplified, an English one in English."""
        walk_in = self.env.ref("leasing_office.utm_source_walk_in")
        own = self.env.ref("leasing_office.utm_source_agent_own")
        self.assertEqual(walk_in.name, "自然到訪")
        self.assertEqual(walk_in.with_context(lang="zh_CN").display_name, "自然到访")
        self.assertEqual(own.with_context(lang="zh_CN").display_name, "招商员自拓")
        self.assertEqual(walk_in.with_context(lang="en_US").display_name, "Walk-ins")
        other = self.env["utm.source"].create({"name": "張偉的朋友"})
        self.assertEqual(other.with_context(lang="zh_CN").display_name, "張偉的朋友")


@tagged("post_install", "-at_install", "leasing_pipeline")
class TestManagerLanding(LeasingOfficeCase):
    """The manager lands on the pipeline, the "To Approve" lists one click away in its menu."""

    def test_manager_lands_on_the_pipeline_with_to_approve_at_hand(self):
        demo = self.env.ref("leasing_office.res_users_manager_demo", raise_if_not_found=False)
        if not demo:
            self.skipTest("needs the demo data")
        pipeline = self.env.ref("leasing_office.crm_lead_action_leasing")
        self.assertEqual(demo.action_id.id, pipeline.id)
        Menu = self.env["ir.ui.menu"].with_user(self.manager)
        visible = Menu._visible_menu_ids()
        to_approve = self.env.ref("leasing_office.leasing_office_menu_to_approve")
        prospects = self.env.ref("leasing_office.crm_lead_menu_leasing")
        self.assertIn(to_approve.id, visible)
        # Same app as the landing page: its top bar shows "To Approve".
        root = self.env.ref("leasing_office.leasing_office_menu_root")
        self.assertEqual(to_approve.parent_id, root)
        self.assertEqual(prospects.action, pipeline)
        self.assertTrue(prospects.parent_path.startswith(f"{root.id}/"))
        self.assertTrue(to_approve.child_id.filtered(lambda m: m.id in visible))
