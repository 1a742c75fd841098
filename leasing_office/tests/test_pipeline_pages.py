from datetime import datetime

from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import LeasingOfficeCase


class TestToApproveOnThePipeline(LeasingOfficeCase):
    """The manager's "To Approve": one click from the pipeline, everything waiting for their
    signature (the approval activities leasing.approval.mixin schedules), a row opens the form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create({"name": "Golden Tea", "user_id": False})
        cls.action = cls.env.ref("leasing_office.leasing_approval_activity_action")

    def waiting_for(self, user):
        """What the "To Approve" list shows ``user``."""
        domain = safe_eval(self.action.domain, {"uid": user.id})
        return self.env["mail.activity"].with_user(user).search(domain)

    def kanban_arch(self, user):
        views = (
            self.env["crm.lead"]
            .with_user(user)
            .get_views([(self.env.ref("leasing_office.crm_lead_view_kanban_leasing").id, "kanban")])
        )
        return views["views"]["kanban"]["arch"]

    def test_to_approve_is_one_click_from_the_manager_pipeline(self):
        arch = self.kanban_arch(self.manager)
        self.assertIn("o_leasing_to_approve", arch)
        self.assertIn(f'name="{self.action.id}"', arch)
        self.assertNotIn("o_leasing_to_approve", self.kanban_arch(self.agent1))

    def test_to_approve_lists_what_waits_for_the_manager(self):
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(self.agent1)
            .create(
                {
                    "departure": datetime(2026, 3, 2, 1, 0),
                    "line_ids": [(0, 0, {"lead_id": self.lead.id, "purpose": "Measure the shop"})],
                }
            )
        )
        self.assertFalse(self.waiting_for(self.manager))
        with freeze_time(datetime(2026, 3, 2, 0, 30)):
            plan.with_user(self.agent1).action_submit()
        waiting = self.waiting_for(self.manager)
        self.assertEqual((waiting.res_model, waiting.res_id), (plan._name, plan.id))
        self.assertFalse(self.waiting_for(self.agent1), "the agent signs nothing")
        opened = waiting.with_user(self.manager).action_open_document()
        self.assertEqual((opened["res_model"], opened["res_id"]), (plan._name, plan.id))
        with freeze_time(datetime(2026, 3, 2, 0, 40)):
            plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.approval_state, "approved")
        self.assertFalse(self.waiting_for(self.manager), "signed: no longer waiting")


class TestRentOnTheCards(LeasingOfficeCase):
    """The pipeline's cards show rent in ¥ per ㎡ per month (the prospect's unit) and the area
    the prospect asked for, where the stock cards show expected revenue."""

    def test_rent_of_the_intended_units_weighted_by_area(self):
        wizard = self.register(phone="13800019001", desired_area=120)
        lead = wizard.lead_id
        self.assertEqual((lead.leasing_rent, lead.leasing_desired_area), (0.0, 120.0))
        units = self.env["leasing.unit"].create(
            [
                {"code": "R-101", "floor": "1", "zone": "A", "area": 100, "rent_standard": 200},
                {"code": "R-102", "floor": "1", "zone": "A", "area": 50, "rent_standard": 170},
            ]
        )
        self.env["leasing.signing.plan"].create(
            {
                "lead_id": lead.id,
                "deposit_amount": 10000,
                "planned_signing_date": "2099-01-31",
                "unit_ids": [(6, 0, units.ids)],
            }
        )
        lead.invalidate_recordset(["leasing_rent"])
        self.assertEqual(lead.with_user(self.agent1).leasing_rent, 190.0)

    def test_cards_show_rent_instead_of_revenue(self):
        kanban = self.env.ref("leasing_office.crm_lead_view_kanban_leasing")
        arch = self.env["crm.lead"].get_views([(kanban.id, "kanban")])["views"]["kanban"]["arch"]
        self.assertIn("o_leasing_rent", arch)
        self.assertNotIn('name="expected_revenue"', arch)
        self.assertNotIn('sum_field="expected_revenue"', arch)


@tagged("post_install", "-at_install")
class TestRoleLandingPages(HttpCase):
    """Each role lands on its page when it opens Odoo (the web client's home action):
    front desk on the live board, agents and the manager on the pipeline, leadership on
    the dashboard (the pipeline without the reports addon). A home action set on the user
    wins."""

    def make_user(self, login, group):
        return self.env["res.users"].create(
            {
                "login": login,
                "password": login + "-pw0rd",
                "name": login,
                "group_ids": [(6, 0, [self.env.ref(group).id])],
            }
        )

    def landing_of(self, login, group):
        self.make_user(login, group)
        self.authenticate(login, login + "-pw0rd")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        return info["home_action_id"]

    def test_front_desk_lands_on_the_live_board(self):
        board = self.env.ref("leasing_office.leasing_rotation_board_action")
        self.assertEqual(
            self.landing_of("land_desk", "leasing_office.group_leasing_frontdesk"), board.id
        )

    def test_agent_lands_on_the_pipeline(self):
        pipeline = self.env.ref("leasing_office.crm_lead_action_leasing")
        self.assertEqual(
            self.landing_of("land_agent", "leasing_office.group_leasing_agent"), pipeline.id
        )

    def test_manager_lands_on_the_pipeline(self):
        pipeline = self.env.ref("leasing_office.crm_lead_action_leasing")
        self.assertEqual(
            self.landing_of("land_manager", "leasing_office.group_leasing_manager"), pipeline.id
        )

    def test_leadership_lands_on_the_dashboard(self):
        home = self.env.ref(
            "leasing_office_reports.leasing_dashboard_action", raise_if_not_found=False
        ) or self.env.ref("leasing_office.crm_lead_action_leasing")
        self.assertEqual(
            self.landing_of("land_leader", "leasing_office.group_leasing_leader"), home.id
        )

    def test_a_home_action_set_on_the_user_wins(self):
        user = self.make_user("land_own", "leasing_office.group_leasing_agent")
        floor_plan = self.env.ref("leasing_office.leasing_unit_floor_plan_action")
        user.action_id = floor_plan.id
        self.authenticate("land_own", "land_own-pw0rd")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["home_action_id"], floor_plan.id)

    def test_users_outside_the_office_keep_odoo_home(self):
        self.make_user("land_clerk", "base.group_user")
        self.authenticate("land_clerk", "land_clerk-pw0rd")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertFalse(info["home_action_id"])
