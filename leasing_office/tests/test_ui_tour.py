from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.leasing_office.models import office_clock


@tagged("post_install", "-at_install", "leasing_tour")
class TestLeasingOfficeTour(HttpCase):
    """The real web client in headless Chromium: front desk, an agent, the manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"no_reset_password": True}
        cls.frontdesk = new_test_user(
            cls.env, "tour_frontdesk", "leasing_office.group_leasing_frontdesk", context=ctx
        )
        cls.agent = new_test_user(
            cls.env,
            "tour_agent",
            "leasing_office.group_leasing_agent",
            context=ctx,
            name="Tour Agent",
        )
        cls.manager = new_test_user(
            cls.env, "tour_manager", "leasing_office.group_leasing_manager", context=ctx
        )
        today = office_clock.office_today(cls.env)
        cls.env["leasing.rotation"].search([("date", "=", today)]).date = "2000-01-02"
        cls.env["leasing.rotation"].create(
            {"date": today, "line_ids": [fields.Command.create({"user_id": cls.agent.id})]}
        )
        lead = cls.env["crm.lead"].create({"name": "Tour Tea House", "phone": "13922223333"})
        lead._leasing_set_attribution("card", cls.agent, "tour")

    def test_frontdesk_agent_manager(self):
        self.start_tour(
            "/odoo/leasing-board", "leasing_office_frontdesk_tour", login="tour_frontdesk"
        )
        self.assertTrue(
            self.env["crm.lead"].search([("contact_name", "=", "Tour Prospect")]).attributed_user_id
        )
        self.start_tour(
            "/odoo/leasing-followup-plans", "leasing_office_agent_tour", login="tour_agent"
        )
        plan = self.env["leasing.field.visit.plan"].search([("user_id", "=", self.agent.id)])
        self.assertEqual(plan.approval_state, "to_approve")
        self.start_tour(
            "/odoo/leasing-field-visit-plans", "leasing_office_manager_tour", login="tour_manager"
        )
        self.assertEqual(plan.approval_state, "approved")
        self.assertEqual(plan.approver_id, self.manager)

    def test_live_board(self):
        self.start_tour(
            "/odoo/leasing-live-board", "leasing_office_live_board_tour", login="tour_frontdesk"
        )
        visit = self.env["leasing.visit"].search([("lead_id.contact_name", "=", "Board Walk-in")])
        self.assertEqual(visit.credited_user_id, self.agent)
        line = self.env["leasing.rotation.line"].search([("user_id", "=", self.agent.id)], limit=1)
        self.assertEqual((line.status, line.turn_count), ("available", 1))
