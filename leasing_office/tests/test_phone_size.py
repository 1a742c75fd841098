from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.leasing_office.models import office_clock


@tagged("post_install", "-at_install", "leasing_tour")
class TestPhoneSize(HttpCase):
    """The agent's screens on a phone (390 × 844): the pipeline, a prospect, the follow-up
    plan and the field-visit log fit the screen without horizontal scrolling."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            "phone_agent",
            "leasing_office.group_leasing_agent",
            context={"no_reset_password": True},
            name="手机业务员",
        )
        today = office_clock.office_today(cls.env)
        cls.env["leasing.rotation"].search([("date", "=", today)]).date = "2000-01-03"
        cls.env["leasing.rotation"].create(
            {"date": today, "line_ids": [fields.Command.create({"user_id": cls.agent.id})]}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "上海金茶贸易有限公司长名称测试商户旗舰店",
                "contact_name": "张伟",
                "phone": "13922224444",
                "prospect_class": "a",
            }
        )
        cls.lead._leasing_set_attribution("card", cls.agent, "phone")

    def fits(self, url):
        self.start_tour(url, "leasing_office_phone_fit", login="phone_agent")

    def test_pipeline_fits_a_phone(self):
        self.fits("/odoo/leasing-prospects")

    def test_prospect_fits_a_phone(self):
        self.fits(f"/odoo/leasing-prospects/{self.lead.id}")

    def test_followup_plan_fits_a_phone(self):
        self.fits("/odoo/leasing-followup-plans/new")

    def test_field_visit_log_fits_a_phone(self):
        self.fits("/odoo/leasing-field-visit-logs/new")
