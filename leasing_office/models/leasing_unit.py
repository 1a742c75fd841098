from odoo import api, fields, models

UNIT_STATES = [("available", "Available"), ("reserved", "Reserved"), ("signed", "Signed")]


class LeasingUnit(models.Model):
    """A unit of the mall that can be leased."""

    _name = "leasing.unit"
    _description = "Leasable Unit"
    _inherit = ["mail.thread"]
    _order = "code"
    _rec_name = "code"

    code = fields.Char(required=True, tracking=True)
    building = fields.Char()
    floor = fields.Char(index=True)
    zone = fields.Char(index=True)
    area = fields.Float(string="Area (m²)")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    contract_ids = fields.One2many("leasing.contract", "unit_id", string="Signed Contracts")
    signed_lead_id = fields.Many2one(
        "crm.lead", string="Signed With", compute="_compute_signed_lead_id", store=True
    )
    state = fields.Selection(
        UNIT_STATES, compute="_compute_state", store=True, tracking=True, index=True
    )

    _code_company_uniq = models.UniqueIndex("(company_id, code)", "Unit codes are unique.")

    @api.depends("contract_ids.state", "contract_ids.lead_id")
    def _compute_signed_lead_id(self):
        for unit in self:
            unit.signed_lead_id = unit.contract_ids.filtered(
                lambda contract: contract.state == "signed"
            )[:1].lead_id

    @api.depends("signed_lead_id")
    def _compute_state(self):
        for unit in self:
            unit.state = "signed" if unit.signed_lead_id else "available"
