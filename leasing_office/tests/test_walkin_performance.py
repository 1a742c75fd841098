from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_performance")
class TestWalkinPerformance(LeasingOfficeCase):
    """Registration is the front desk's hot path on a busy Saturday: keep its queries bounded."""

    def test_walkin_registration_query_count(self):
        self.register(phone="13800014000")  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(52):  # 49 measured; the office's ceiling is 60
            self.register(phone="13800014001")

    def test_returning_registration_query_count(self):
        self.register(phone="13800014002")
        self.env.invalidate_all()
        with self.assertQueryCount(22):  # 21 measured: no turn, no new prospect
            self.register(phone="13800014002")
