from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import office_clock, vals_check


class LeasingContract(models.Model):
    """A signed contract (final deal), as front desk records it in the signed contracts table."""

    _name = "leasing.contract"
    _description = "Signed Contract"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.prospect.link.mixin", "leasing.guard.mixin"]
    _order = "signed_date desc, id desc"
    _rec_name = "contract_number"

    contract_number = fields.Char(required=True, index=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    unit_id = fields.Many2one("leasing.unit", required=True, index=True, check_company=True)
    claim_id = fields.Many2one(
        "leasing.contract.claim",
        string="Contract Claim",
        index=True,
        tracking=True,
        check_company=True,
    )
    signed_date = fields.Date(required=True, default=office_clock.office_today_default, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Credited Agent",
        compute="_compute_credit",
        store=True,
        index=True,
        help="The prospect's credited agent when the contract was signed; empty for the "
        "public pool, whose contracts count for the department only.",
        check_company=True,
    )
    is_public = fields.Boolean(string="Public Pool", compute="_compute_credit", store=True)
    state = fields.Selection(
        [("signed", "Signed"), ("cancelled", "Cancelled")],
        default="signed",
        required=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _number_uniq = models.UniqueIndex(
        "(company_id, contract_number)", "This contract number is already signed."
    )

    # The credit at signing is kept: a later change of the prospect's agent does not move it.
    @api.depends("lead_id")
    def _compute_credit(self):
        for contract in self:
            lead = contract.lead_id.sudo()
            contract.user_id = lead.attributed_user_id
            contract.is_public = lead.is_public

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            self._check_raw_vals(vals)
            self._check_number_unsigned(vals.get("contract_number"))
        contracts = super().create(vals_list)
        contracts.claim_id.filtered(lambda c: c.sudo().state == "issued")._write_guarded(
            {"state": "signed"}
        )
        contracts._close_signing_plans()
        contracts.lead_id._leasing_advance_stage("signed")
        return contracts

    def _close_signing_plans(self):
        """The prospect's open signing plan holding the unit is now signed.

        A unit reserved by another prospect's plan cannot be signed.
        """
        for contract in self:
            holder = contract.unit_id.sudo().reservation_plan_id
            if holder and holder.lead_id != contract.lead_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is reserved for %(lead)s by a signing plan.",
                        unit=contract.unit_id.code,
                        lead=holder.lead_id.display_name,
                    )
                )
            holder._write_guarded({"state": "signed"})

    def write(self, vals):
        self._check_guarded_write(vals)
        if not self.env.su and not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise UserError(self.env._("Only the leasing manager corrects a signed contract."))
        self._check_raw_vals(vals)
        return super().write(vals)

    @api.model
    def _check_raw_vals(self, vals):
        """Clear errors for values of the wrong type; the number is kept without spaces."""
        if "contract_number" in vals:
            vals["contract_number"] = vals_check.text(self, vals, "contract_number", required=True)
        for name in ("lead_id", "unit_id", "claim_id"):
            vals_check.record_id(self, vals, name)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A signed contract is never deleted; cancel it instead."))

    @api.model
    def _check_number_unsigned(self, number):
        if number and self.sudo().search_count(
            [("contract_number", "=", number), ("company_id", "=", self.env.company.id)], limit=1
        ):
            raise ValidationError(
                self.env._("Contract number %(number)s is already signed.", number=number)
            )

    @api.constrains("unit_id", "lead_id", "state")
    def _check_unit_signed_once(self):
        for contract in self.filtered(lambda c: c.state == "signed"):
            others = (contract.unit_id.contract_ids - contract).filtered(
                lambda c: c.state == "signed"
            )
            if others:
                raise ValidationError(
                    self.env._("Unit %(unit)s is already signed.", unit=contract.unit_id.code)
                )
