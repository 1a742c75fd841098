from odoo import fields, models

from .leasing_contract_reconciliation import MISMATCH_KINDS


class LeasingContractReconciliationLine(models.Model):
    """One mismatch between signed contracts and claims, and who must fix it."""

    _name = "leasing.contract.reconciliation.line"
    _description = "Contract Reconciliation Mismatch"
    _inherit = ["leasing.guard.mixin"]
    _order = "kind, id"
    # Findings of the daily reconciliation: what it found, never edited by hand.
    _guarded_fields = frozenset(
        {"kind", "claim_id", "contract_id", "reconciliation_id", "responsible_user_id"}
    )
    _guarded_unlink = True

    reconciliation_id = fields.Many2one(
        "leasing.contract.reconciliation", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(MISMATCH_KINDS, string="Mismatch", required=True)
    contract_id = fields.Many2one("leasing.contract", string="Signed Contract")
    claim_id = fields.Many2one("leasing.contract.claim", string="Contract Claim")
    responsible_user_id = fields.Many2one("res.users", string="To Be Fixed By")
