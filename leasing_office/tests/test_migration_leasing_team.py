from .common import LeasingOfficeCase
from .migrations import run_migration


class TestMigrationLeasingTeam(LeasingOfficeCase):
    """19.0.1.4.0 moves the office's prospects filed before the leasing team existed into it,
    each on the stage its history gives; nothing else moves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.team = ref("leasing_office.crm_team_leasing")
        cls.key_team = ref("leasing_office.crm_team_key_account")
        cls.sales_team = cls.env["crm.team"].create({"name": "Old Sales"})
        cls.stock_stage = cls.env["crm.stage"].create({"name": "Old New", "sequence": 0})
        cls.first, cls.second, cls.negotiation, cls.deposit, cls.signed = (
            ref(f"leasing_office.crm_stage_leasing_{step}")
            for step in ("first_visit", "second_visit", "negotiation", "deposit", "signed")
        )

    def as_before(self, *leads, team=None):
        """Put ``leads`` where a database older than the leasing team had them."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET team_id = %s, stage_id = %s WHERE id IN %s",
            ((team or self.sales_team).id, self.stock_stage.id, tuple(lead.id for lead in leads)),
        )
        self.env.invalidate_all()

    def migrate(self):
        run_migration(self.env, "19.0.1.4.0", "post-leasing_team", "19.0.1.3.0")

    def test_migration_moves_prospects_into_the_leasing_team_on_their_stage(self):
        once = self.register(contact_name="一访", phone="13800072001").lead_id
        twice = self.register(contact_name="二访", phone="13800072002").lead_id
        self.register(contact_name="二访", phone="13800072002")
        paid = self.register(contact_name="定金", phone="13800072003").lead_id
        self.env["leasing.deposit"].with_user(self.frontdesk).create(
            {"lead_id": paid.id, "amount": 5000, "receipt_number": "MG-1"}
        )
        signed = self.register(contact_name="签约", phone="13800072004").lead_id
        unit = self.env["leasing.unit"].create({"code": "MG-U1", "area": 50, "rent_standard": 8})
        self.env["leasing.contract"].create(
            {"contract_number": "MG-C1", "lead_id": signed.id, "unit_id": unit.id}
        )
        self.assertEqual(twice.visit_count, 2)
        self.as_before(once, twice, paid, signed)
        self.migrate()
        self.assertEqual((once | twice | paid | signed).team_id, self.team)
        self.assertEqual(
            [once.stage_id, twice.stage_id, paid.stage_id, signed.stage_id],
            [self.first, self.second, self.deposit, self.signed],
        )

    def test_migration_leaves_other_leads_where_they_are(self):
        stock = self.env["crm.lead"].create({"name": "Stock deal", "type": "opportunity"})
        kept = self.register(contact_name="洽谈", phone="13800072005").lead_id
        kept.stage_id = self.negotiation
        key = self.register(contact_name="大客户", phone="13800072006").lead_id
        self.as_before(stock)
        self.as_before(key, team=self.key_team)
        self.migrate()
        self.assertEqual((stock.team_id, stock.stage_id), (self.sales_team, self.stock_stage))
        self.assertEqual((kept.team_id, kept.stage_id), (self.team, self.negotiation))
        self.assertEqual((key.team_id, key.stage_id), (self.key_team, self.stock_stage))

    def test_migration_does_nothing_on_a_new_install(self):
        lead = self.register(contact_name="新装", phone="13800072007").lead_id
        self.as_before(lead)
        run_migration(self.env, "19.0.1.4.0", "post-leasing_team", None)
        self.assertEqual(lead.team_id, self.sales_team)
