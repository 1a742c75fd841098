from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_bad_input")
class TestWalkinBadInput(LeasingOfficeCase):
    """Bad input gets a clear error and changes nothing."""

    def assert_refused(self, error, message, **vals):
        leads = self.env["crm.lead"].search_count([])
        visits = self.env["leasing.visit"].search_count([])
        with self.assertRaisesRegex(error, message):
            self.register(**vals)
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)
        self.assertEqual(self.env["leasing.visit"].search_count([]), visits)
        self.assertEqual(sum(self.rotation.line_ids.mapped("turn_count")), 0)

    def test_missing_name_is_refused(self):
        self.assert_refused(
            ValidationError, "name or company", contact_name="", phone="13800012000"
        )

    def test_missing_phone_is_refused(self):
        self.assert_refused(ValidationError, "phone", contact_name="Wang", phone=" ")

    def test_missing_phone_and_name_is_refused(self):
        self.assert_refused(ValidationError, "name or company", contact_name=False)

    def test_card_of_non_agent_is_refused(self):
        self.assert_refused(
            ValidationError, "not a leasing agent", phone="13800012000", card_user_id=self.clerk.id
        )

    def test_no_rotation_today_tells_front_desk_what_to_do(self):
        self.rotation.date = "2001-01-01"
        self.assert_refused(UserError, "New Table for Today", phone="13800012000")

    def test_leadership_and_overflow_together_are_refused(self):
        self.assert_refused(
            ValidationError,
            "not both",
            phone="13800012000",
            overflow=True,
            leadership_referral=True,
        )

    def test_malformed_phone_keeps_raw_text(self):
        wizard = self.register(phone="ext. 12-34 (ask Mr Wang)")
        lead = wizard.lead_id
        self.assertEqual(lead.phone, "ext. 12-34 (ask Mr Wang)")
        self.assertEqual(lead.leasing_phone_key, "ext1234askmrwang")
        again = self.register(phone="ext. 12-34 (ask Mr Wang)")
        self.assertEqual(again.lead_id, lead)

    def test_phone_formats_normalize_to_one_key(self):
        lead = self.register(phone="+86 138-0001-2000").lead_id
        self.assertEqual(lead.leasing_phone_key, "+8613800012000")

    def test_error_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.rotation.date = "2001-01-01"
        wizard = (
            self.env["leasing.walkin.register"]
            .with_user(self.frontdesk)
            .with_context(lang="zh_CN")
            .create({"contact_name": "Wang", "phone": "13800012000"})
        )
        with self.assertRaises(UserError) as caught:
            wizard.action_register()
        self.assertIn("今天（", str(caught.exception))
        self.assertIn("新建今天的轮序表", str(caught.exception))
