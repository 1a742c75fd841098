from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_performance")
class TestWalkinPerformance(LeasingOfficeCase):
    """Registration is the front desk's hot path on a busy Saturday: keep its queries bounded."""

    def test_walkin_registration_query_count(self):
        self.register(phone="13800014000")  # warm the caches
        self.env.invalidate_all()
        # 63 measured: 54 for the registration itself (one is the lock's check that the
        # transaction can restart; the pipeline's first stage and the company's language
        # for the texts cost 3), 9 to tell the agent (the to-do on the new prospect, the
        # pop-up) and the open boards; ceiling 63
        with self.assertQueryCount(63):
            self.register(phone="13800014001")

    def test_returning_registration_query_count(self):
        self.register(phone="13800014002")
        self.env.invalidate_all()
        # 31 measured: no turn, no new prospect; the lock's check, and the group, record-rule
        # and partner reads of the access checks on the prospect (cached per user after this),
        # the company's language for the texts, the agent's pop-up and the boards' message on
        # the bus, and the prospect's field-visit due date (the visit is a contact).
        with self.assertQueryCount(31):
            self.register(phone="13800014002")
