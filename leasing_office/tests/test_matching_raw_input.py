from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_attribution")
class TestMatchingOnRawInput(LeasingOfficeCase):
    """Rule: a company name typed at the desk is compared as text, never as a pattern."""

    def test_rule_percent_sign_matches_no_other_prospect(self):
        first = self.register(partner_name="Golden Tea House", phone="13800022000").lead_id
        again = self.register(partner_name="%", phone="13800022001")
        self.assertNotEqual(again.lead_id, first)
        self.assertEqual(again.visit_id.visit_kind, "first")
        self.assertEqual(first.visit_count, 1)
        # Typed again, "%" is that new prospect, literally.
        self.assertEqual(
            self.register(partner_name="%", phone="13800022002").lead_id, again.lead_id
        )

    def test_rule_underscore_matches_only_itself(self):
        first = self.register(partner_name="Golden Tea House", phone="13800022010").lead_id
        again = self.register(partner_name="Golden_Tea_House", phone="13800022011")
        self.assertNotEqual(again.lead_id, first)
        self.assertEqual(first.visit_count, 1)

    def test_rule_spacing_and_case_do_not_matter(self):
        first = self.register(partner_name="  Golden   Tea House ", phone="13800022020").lead_id
        self.assertEqual(first.partner_name, "Golden Tea House")
        again = self.register(partner_name="golden tea\thouse", phone="13800022021")
        self.assertEqual(again.lead_id, first)
        self.assertEqual(again.visit_id.visit_kind, "returning")

    def test_rule_blank_company_name_matches_nothing(self):
        Lead = self.env["crm.lead"]
        self.env["res.partner"].create({"name": "   ", "is_company": True})
        self.assertFalse(Lead._leasing_find_returning(False, "   "))
        lead, partner = Lead._leasing_find_unattributed(False, "   ")
        self.assertFalse(lead or partner)
