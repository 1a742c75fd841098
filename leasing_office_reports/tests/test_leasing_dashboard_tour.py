from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "leasing_tour")
class TestLeasingDashboardTour(HttpCase):
    """The spreadsheet dashboard opens for leadership in the real web client."""

    def test_leader_opens_the_spreadsheet_dashboard(self):
        new_test_user(
            self.env,
            "tour_leader",
            "leasing_office.group_leasing_leader",
            context={"no_reset_password": True},
        )
        self.start_tour(
            "/odoo/dashboards", "leasing_office_reports_dashboard_tour", login="tour_leader"
        )
