from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

UNIT_STATES = [("available", "Vacant"), ("reserved", "Reserved"), ("signed", "Signed")]
# Every internal user reads the units (the floor plan); only front desk, who reads every
# prospect and signing plan, sees which prospect reserved or signed one.
FRONTDESK = "leasing_office.group_leasing_frontdesk"


class LeasingUnit(models.Model):
    """A unit of the mall that can be leased."""

    _name = "leasing.unit"
    _description = "Leasable Unit"
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "code"
    _rec_name = "code"

    code = fields.Char(required=True, tracking=True)
    building = fields.Char()
    floor = fields.Char(index=True)
    zone = fields.Char(index=True)
    area = fields.Float(string="Area (m²)")
    rent_standard = fields.Float(string="Rent Standard (per m² per month)", tracking=True)
    incentive_ids = fields.Many2many(
        "leasing.info",
        string="Incentive Policies",
        domain=[("category", "=", "incentive"), ("is_sendable", "=", True)],
    )
    reservation_plan_id = fields.Many2one(
        "leasing.signing.plan",
        string="Reserved By",
        readonly=True,
        index=True,
        groups=FRONTDESK,
        help="The open contract-signing plan holding this unit.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    contract_ids = fields.One2many("leasing.contract", "unit_id", string="Signed Contracts")
    signed_lead_id = fields.Many2one(
        "crm.lead",
        string="Signed With",
        compute="_compute_signed_lead_id",
        store=True,
        groups=FRONTDESK,
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

    @api.depends("signed_lead_id", "reservation_plan_id")
    def _compute_state(self):
        for unit in self:
            if unit.signed_lead_id:
                unit.state = "signed"
            else:
                unit.state = "reserved" if unit.reservation_plan_id else "available"

    def _reserve_for(self, plan):
        """Reserve these units for ``plan``, waiting for concurrent reservations first.

        The row lock plus the write make a concurrent transaction that reserved one of these
        units meanwhile fail with a serialisation error, and retry with fresh data.
        """
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["reservation_plan_id", "state"])
        for unit in self.sudo():
            holder = unit.reservation_plan_id
            if holder and holder != plan:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is already reserved by another contract-signing plan.",
                        unit=unit.code,
                    )
                )
            if unit.state == "signed" and unit.signed_lead_id != plan.lead_id:
                raise ValidationError(
                    self.env._("Unit %(unit)s is already signed.", unit=unit.code)
                )
        self._write_guarded({"reservation_plan_id": plan.id})

    def _release_from(self, plan):
        held = self.sudo().filtered(lambda unit: unit.reservation_plan_id == plan)
        held._write_guarded({"reservation_plan_id": False})
