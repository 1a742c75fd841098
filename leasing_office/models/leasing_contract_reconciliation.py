from odoo import api, fields, models

from . import office_clock
from .office_lang import office_env

MISMATCH_KINDS = [
    ("contract_without_claim", "Signed contract without a claim"),
    ("claim_mismatch", "Contract differs from its claim"),
    ("claim_open", "Issued claim not yet signed, returned or void"),
    ("claim_signed_without_contract", "Claim marked signed without a contract"),
]


class LeasingContractReconciliation(models.Model):
    """The day's reconciliation of signed contracts against contract claims."""

    _name = "leasing.contract.reconciliation"
    _description = "Contract Reconciliation"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=office_clock.office_today_default, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    line_ids = fields.One2many(
        "leasing.contract.reconciliation.line", "reconciliation_id", string="Mismatches"
    )
    mismatch_count = fields.Integer(compute="_compute_mismatch_count", store=True)

    _date_company_uniq = models.UniqueIndex("(company_id, date)", "One reconciliation per day.")

    @api.depends("date")
    def _compute_name(self):
        for rec in self:
            rec.name = office_env(self.env)._(
                "Contract reconciliation %(date)s", date=rec.date or ""
            )

    @api.depends("line_ids")
    def _compute_mismatch_count(self):
        for rec in self:
            rec.mismatch_count = len(rec.line_ids)

    def action_reconcile(self):
        """(Re)list every mismatch known at the end of the reconciliation's day."""
        self.check_access("write")
        for rec in self:
            rec.line_ids._with_gate().unlink()
            rec._open_gate().write(
                {"line_ids": [fields.Command.create(vals) for vals in rec._find_mismatches()]}
            )
        return True

    def _find_mismatches(self):
        self.ensure_one()
        # The office's day, not the UTC day: a claim issued at 07:30 belongs to that morning.
        _start, day_end = office_clock.office_day_bounds(
            self.env, self.date, self.date, self.company_id
        )
        domain = [("company_id", "=", self.company_id.id)]
        contracts = self.env["leasing.contract"].search(
            [*domain, ("state", "=", "signed"), ("signed_date", "<=", self.date)]
        )
        claims = self.env["leasing.contract.claim"].search(
            [*domain, ("state", "in", ("issued", "signed")), ("issued_at", "<", day_end)]
        )
        mismatches = []
        for contract in contracts:
            mismatches += self._contract_mismatches(contract)
        for claim in claims:
            if (
                claim.state == "issued"
                and office_clock.office_date(self.env, claim.issued_at, self.company_id) < self.date
            ):
                mismatches.append(self._line("claim_open", claim.user_id, claim=claim))
            if claim.state == "signed" and not claim.contract_ids:
                mismatches.append(
                    self._line("claim_signed_without_contract", claim.issued_by_id, claim=claim)
                )
        return mismatches

    def _contract_mismatches(self, contract):
        responsible = contract.user_id or contract.create_uid
        claim = contract.claim_id
        if not claim:
            return [self._line("contract_without_claim", responsible, contract=contract)]
        if (claim.contract_number, claim.lead_id, claim.unit_id) != (
            contract.contract_number,
            contract.lead_id,
            contract.unit_id,
        ):
            return [self._line("claim_mismatch", claim.user_id, contract=contract, claim=claim)]
        return []

    def _line(self, kind, responsible, contract=None, claim=None):
        return {
            "kind": kind,
            "responsible_user_id": responsible.id,
            "contract_id": contract.id if contract else False,
            "claim_id": claim.id if claim else False,
        }

    @api.model
    def _cron_reconcile_today(self):
        for company in self.env["res.company"].search([("active", "=", True)]):
            records = self.with_company(company)
            today = office_clock.office_today(records.env)
            rec = records.search([("date", "=", today), ("company_id", "=", company.id)])
            (rec or records.create({"date": today})).action_reconcile()
