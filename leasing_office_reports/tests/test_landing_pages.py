from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLandingPages(TransactionCase):
    """Each demo role lands on its own page after logging in."""

    def test_each_role_lands_on_its_page(self):
        expected = {
            "frontdesk": "leasing_office.leasing_rotation_board_action",
            "agent1": "leasing_office.crm_lead_action_leasing",
            "manager": "leasing_office.crm_lead_action_leasing",
            "leader": "leasing_office_reports.leasing_dashboard_action",
        }
        users = self.env["res.users"].search([("login", "in", list(expected))])
        if len(users) != len(expected):
            self.skipTest("demo data is not loaded")
        for user in users:
            self.assertEqual(user.action_id.id, self.env.ref(expected[user.login]).id, user.login)
