from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import office_clock, vals_check

CLAIM_STATES = [
    ("draft", "To Issue"),
    ("issued", "Issued"),
    ("signed", "Signed"),
    ("returned", "Returned"),
    ("void", "Void"),
]


class LeasingContractClaim(models.Model):
    """合同領取表: filled before an agent takes a contract form; front desk issues against it."""

    _name = "leasing.contract.claim"
    _description = "Contract Claim"
    _check_company_auto = True
    _inherit = ["leasing.form.mixin", "leasing.prospect.link.mixin"]
    _form_key = "claim"
    _form_sequence = 40
    _order = "create_date desc, id desc"
    _rec_name = "contract_number"
    _form_required_fields = ("contract_number", "lead_id", "unit_id")

    contract_number = fields.Char(required=True, tracking=True, index=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    unit_id = fields.Many2one("leasing.unit", index=True, check_company=True)
    pickup_at = fields.Datetime(
        string="Form Needed By",
        required=True,
        default=lambda self: self._end_of_day(office_clock.office_today(self.env)),
        help="When the agent plans to take the contract form; the claim is due before the "
        "form is actually issued.",
    )
    state = fields.Selection(
        CLAIM_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    issued_by_id = fields.Many2one("res.users", readonly=True)
    issued_at = fields.Datetime(string="Issued On", readonly=True)
    end_note = fields.Char(string="Returned / Void Because", tracking=True)
    contract_ids = fields.One2many("leasing.contract", "claim_id", string="Signed Contract")

    # Backstop for simultaneous claims; the clear message comes from _check_number_free.
    _number_uniq = models.UniqueIndex(
        "(company_id, contract_number) WHERE state != 'void'",
        "This contract number is already claimed.",
    )

    @api.depends("pickup_at", "issued_at")
    def _compute_deadline(self):
        for claim in self:
            claim.deadline = claim.issued_at or claim.pickup_at

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_raw_vals(vals)
            self._check_number_free(vals.get("contract_number"))
        return super().create(vals_list)

    def write(self, vals):
        self._check_raw_vals(vals)
        if vals.get("contract_number"):
            self._check_number_free(vals["contract_number"], exclude=self)
        return super().write(vals)

    @api.model
    def _check_raw_vals(self, vals):
        """Clear errors for values of the wrong type; the number is kept without spaces."""
        if "contract_number" in vals:
            vals["contract_number"] = vals_check.text(self, vals, "contract_number", required=True)
        for name in ("lead_id", "unit_id"):
            vals_check.record_id(self, vals, name)

    @api.model
    def _check_number_free(self, number, exclude=None):
        domain = [
            ("contract_number", "=", (number or "").strip()),
            ("state", "!=", "void"),
            ("company_id", "=", self.env.company.id),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        if number and self.sudo().search_count(domain, limit=1):
            raise ValidationError(
                self.env._("Contract number %(number)s is already claimed.", number=number)
            )

    @api.constrains("unit_id", "lead_id")
    def _check_unit_not_signed_elsewhere(self):
        for claim in self:
            other = claim.unit_id.sudo().signed_lead_id
            if other and other != claim.lead_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is already signed to another prospect.",
                        unit=claim.unit_id.code,
                    )
                )

    def _check_frontdesk(self):
        if not self.env.user.has_group("leasing_office.group_leasing_frontdesk"):
            raise UserError(self.env._("Only front desk handles contract forms."))

    def action_issue(self):
        """Front desk hands the contract form over against a submitted claim."""
        self._check_frontdesk()
        self.check_access("write")
        for claim in self:
            if claim.state != "draft":
                raise UserError(self.env._("Only a claim waiting to be issued can be issued."))
            if not claim.submitted_at:
                raise UserError(
                    self.env._("The agent submits the claim before taking the contract form.")
                )
        self._write_guarded(
            {
                "state": "issued",
                "issued_by_id": self.env.user.id,
                "issued_at": fields.Datetime.now(),
            }
        )
        return True

    def _action_end(self, state, note):
        self._check_frontdesk()
        self.check_access("write")
        note = vals_check.text(self, {"end_note": note}, "end_note")
        if not note:
            raise UserError(self.env._("Say why the contract form comes back unsigned."))
        if any(claim.state != "issued" for claim in self):
            raise UserError(self.env._("Only an issued claim can be returned or voided."))
        self._write_guarded({"state": state, "end_note": note})
        return True

    def action_return(self, note=None):
        return self._action_end("returned", note or self.env.context.get("end_note"))

    def action_void(self, note=None):
        return self._action_end("void", note or self.env.context.get("end_note"))
