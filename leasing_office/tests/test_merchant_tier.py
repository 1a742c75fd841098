from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_targets")
class TestMerchantTier(LeasingOfficeCase):
    """中小商戶實力分檔: criteria, suggested tier, manager assigns, leadership confirms."""

    def lead(self, **vals):
        return self.env["crm.lead"].create({"name": "Merchant", **vals})

    def test_suggested_tier_from_criteria(self):
        self.assertEqual(self.lead(store_count=6).suggested_tier, "1")
        self.assertEqual(self.lead(dealer_level="provincial").suggested_tier, "1")
        self.assertEqual(self.lead(dealer_level="city").suggested_tier, "2")
        self.assertEqual(self.lead(warehouse_area=800).suggested_tier, "2")
        self.assertEqual(
            self.lead(is_manufacturer=True, manufacturer_strength="strong").suggested_tier, "1"
        )
        self.assertEqual(self.lead(store_count=1, dealer_level="local").suggested_tier, "3")

    def test_thresholds_are_configurable(self):
        self.env.company.leasing_tier1_store_count = 10
        self.assertEqual(self.lead(store_count=6).suggested_tier, "2")

    def test_manager_assigns_leadership_confirms(self):
        lead = self.lead(capital_turnover=3_000_000)
        lead._leasing_set_attribution("rotation", self.agent1, "test")
        with self.assertRaisesRegex(AccessError, r"^Only the leasing manager may do this\.$"):
            lead.with_user(self.agent1).action_assign_tier()
        self.assertEqual((lead.merchant_tier, lead.tier_state), (False, "none"))
        lead.with_user(self.manager).action_assign_tier()
        self.assertEqual((lead.merchant_tier, lead.tier_state), ("2", "assigned"))
        with self.assertRaisesRegex(UserError, r"^Only leadership confirms a merchant tier\.$"):
            lead.with_user(self.manager).action_confirm_tier()
        self.assertEqual(
            (lead.tier_state, lead.tier_confirmed_by_id), ("assigned", self.env["res.users"])
        )
        lead.with_user(self.leader).action_confirm_tier()
        self.assertEqual((lead.tier_state, lead.tier_confirmed_by_id), ("confirmed", self.leader))

    def test_manager_may_assign_another_tier_and_history_is_tracked(self):
        lead = self.lead(store_count=6)
        lead.with_user(self.manager).action_assign_tier("2")
        self.env.flush_all()
        self.env.cr.flush()
        lead.with_user(self.manager).action_assign_tier("1")
        self.env.flush_all()
        self.env.cr.flush()
        tracked = lead.message_ids.sudo().tracking_value_ids.filtered(
            lambda value: value.field_id.name == "merchant_tier"
        )
        self.assertTrue(tracked)
        self.assertEqual(lead.merchant_tier, "1")

    def test_weekly_verification_is_recorded(self):
        lead = self.lead(store_count=6)
        lead.with_user(self.manager).action_assign_tier()
        lead._write_guarded({"tier_verified_at": False})
        lead.with_user(self.manager).action_verify_tier_data()
        self.assertTrue(lead.tier_verified_at)

    def test_transferred_big_account_has_no_tier(self):
        lead = self.lead(store_count=20)
        lead._write_guarded({"key_account_transferred": True})
        with self.assertRaisesRegex(
            UserError,
            r"^Tiers are for small and medium merchants, not transferred big accounts\.$",
        ):
            lead.with_user(self.manager).action_assign_tier()
        self.assertEqual((lead.merchant_tier, lead.tier_state), (False, "none"))
