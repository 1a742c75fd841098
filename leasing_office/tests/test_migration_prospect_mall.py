from odoo.tests import tagged

from .common_malls import TwoMallsCase
from .migrations import run_migration


@tagged("post_install", "-at_install", "leasing_multi_company")
class TestMigrationProspectMall(TwoMallsCase):
    """19.0.1.4.1 gives each of the office's prospects filed with no mall the mall its
    history gives; other leads and prospects that have a mall are left as they are."""

    def without_mall(self, *leads, **columns):
        """Put ``leads`` as a database older than the malls may hold them."""
        self.env.flush_all()
        assignments = ", ".join(f"{column} = %s" for column in ["company_id", *columns])
        self.env.cr.execute(
            f"UPDATE crm_lead SET {assignments} WHERE id IN %s",
            [None, *columns.values(), tuple(lead.id for lead in leads)],
        )
        self.env.invalidate_all()

    def migrate(self):
        run_migration(self.env, "19.0.1.4.1", "post-prospect_mall", "19.0.1.4.0")

    def test_migration_gives_each_prospect_the_mall_of_its_history(self):
        in_b = self.register_b(contact_name="乙馆", phone="13800161001").lead_id
        in_a = self.register(contact_name="甲馆", phone="13800161002").lead_id
        # An office prospect with no visit, no team and no agent: filed by mall B's desk.
        filed_in_b = self.env["crm.lead"].create({"name": "乙馆名片", "type": "opportunity"})
        stock = self.env["crm.lead"].create({"name": "Stock lead", "type": "lead"})
        self.without_mall(in_b, stock)
        self.without_mall(
            filed_in_b,
            attribution_type="card",
            team_id=None,
            user_id=None,
            create_uid=self.frontdesk_b.id,
        )
        self.assertFalse((in_b | filed_in_b | stock).company_id)

        self.migrate()

        self.assertEqual(in_b.company_id, self.mall_b)  # its visit's mall, not the session's
        self.assertEqual(filed_in_b.company_id, self.mall_b)
        self.assertEqual(in_a.company_id, self.mall_a)
        self.assertFalse(stock.company_id, "a lead outside the office is not given a mall")

    def test_migration_keeps_mall_a_desk_from_finding_mall_b_prospect(self):
        in_b = self.register_b(contact_name="乙馆", phone="13800161003").lead_id
        self.without_mall(in_b)
        self.migrate()
        again_in_a = self.register(contact_name="乙馆", phone="13800161003").lead_id
        self.assertNotEqual(again_in_a, in_b)
        self.assertEqual(again_in_a.company_id, self.mall_a)
        self.assertEqual(in_b.visit_count, 1, "mall A's visit is not credited to mall B's prospect")
