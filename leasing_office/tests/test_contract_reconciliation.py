from datetime import date, datetime

from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

DAY = date(2026, 3, 2)


@tagged("post_install", "-at_install", "leasing_forms")
class TestContractReconciliation(LeasingOfficeCase):
    """Every signed contract has a claim; every issued claim ends signed, returned or void."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["leasing.unit"]
        cls.units = Unit.create([{"code": f"R-{index}"} for index in range(1, 6)])
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Reconciled Prospect", "user_id": cls.agent1.id}
        )

    def issued_claim(self, number, unit, issued_at=datetime(2026, 3, 2, 2, 0)):
        claim = (
            self.env["leasing.contract.claim"]
            .with_user(self.agent1)
            .create({"contract_number": number, "lead_id": self.lead.id, "unit_id": unit.id})
        )
        with freeze_time(issued_at):
            claim.with_user(self.agent1).action_submit()
            claim.with_user(self.frontdesk).action_issue()
        return claim

    def sign(self, number, unit, claim=None):
        return (
            self.env["leasing.contract"]
            .with_user(self.frontdesk)
            .create(
                {
                    "contract_number": number,
                    "lead_id": self.lead.id,
                    "unit_id": unit.id,
                    "claim_id": claim.id if claim else False,
                    "signed_date": DAY,
                }
            )
        )

    def reconcile(self):
        Reconciliation = self.env["leasing.contract.reconciliation"].with_user(self.frontdesk)
        rec = Reconciliation.search([("date", "=", DAY)]) or Reconciliation.create({"date": DAY})
        rec.action_reconcile()
        return {
            (line.kind, line.contract_id or line.claim_id, line.responsible_user_id)
            for line in rec.line_ids
        }

    def test_matching_contract_and_claim_reconcile_cleanly(self):
        claim = self.issued_claim("OK-1", self.units[0])
        self.sign("OK-1", self.units[0], claim)
        self.assertEqual(self.reconcile(), set())

    def test_signed_contract_without_claim(self):
        contract = self.sign("NC-1", self.units[1])
        self.assertEqual(self.reconcile(), {("contract_without_claim", contract, self.frontdesk)})

    def test_contract_differing_from_its_claim(self):
        claim = self.issued_claim("DF-1", self.units[2])
        contract = self.sign("DF-2", self.units[2], claim)
        self.assertEqual(self.reconcile(), {("claim_mismatch", contract, self.agent1)})

    def test_issued_claim_still_open_from_an_earlier_day(self):
        claim = self.issued_claim("OP-1", self.units[3], issued_at=datetime(2026, 2, 27, 2, 0))
        self.assertEqual(self.reconcile(), {("claim_open", claim, self.agent1)})
        claim.with_user(self.frontdesk).action_return("Prospect postponed")
        self.assertEqual(self.reconcile(), set())

    def test_claim_marked_signed_without_contract(self):
        claim = self.issued_claim("SG-1", self.units[4])
        claim._write_guarded({"state": "signed"})
        self.assertEqual(
            self.reconcile(), {("claim_signed_without_contract", claim, self.frontdesk)}
        )

    def test_daily_cron_reconciles_today(self):
        Reconciliation = self.env["leasing.contract.reconciliation"]
        contract = self.sign("NC-2", self.units[1])
        claim = self.issued_claim("OP-2", self.units[3], issued_at=datetime(2026, 2, 27, 2, 0))
        # 12:00 in Shanghai on DAY: the cron's "today" is DAY.
        with freeze_time(datetime(2026, 3, 2, 4, 0)):
            Reconciliation._cron_reconcile_today()
            Reconciliation._cron_reconcile_today()  # once a day, listed once
        rec = Reconciliation.search([("date", "=", DAY), ("company_id", "=", self.env.company.id)])
        self.assertEqual(len(rec), 1)
        self.assertEqual(rec.mismatch_count, 2)
        self.assertEqual(
            {(line.kind, line.contract_id or line.claim_id) for line in rec.line_ids},
            {("contract_without_claim", contract), ("claim_open", claim)},
        )
