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
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "code"
    _rec_name = "code"

    code = fields.Char(required=True, tracking=True)
    building = fields.Char()
    floor = fields.Char(index=True)
    zone = fields.Char(index=True)
    area = fields.Float(string="Area (m²)")
    rent_standard = fields.Float(string="Rent Standard (per m² per month)", tracking=True)
    business_type = fields.Char(index=True, help="The line of business the unit is planned for.")
    # Place on the floor plan: a grid per building and floor, counted from 1.
    plan_row = fields.Integer(default=1)
    plan_col = fields.Integer(string="Plan Column", default=1)
    plan_width = fields.Integer(default=1, help="Grid columns the unit spans on the floor plan.")
    incentive_ids = fields.Many2many(
        "leasing.info",
        string="Incentive Policies",
        domain=[("category", "=", "incentive"), ("is_sendable", "=", True)],
        check_company=True,
    )
    reservation_plan_id = fields.Many2one(
        "leasing.signing.plan",
        string="Reserved By",
        readonly=True,
        index=True,
        groups=FRONTDESK,
        help="The open contract-signing plan holding this unit.",
        check_company=True,
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
        check_company=True,
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

    # ------------------------------------------------------------------
    # FLOOR PLAN
    # ------------------------------------------------------------------

    @api.model
    def get_floor_plan(self, building=False, floor=False, zone=False, business_type=False):
        """The floor plan's data: one building and floor (the first ones unless given), the
        filters' choices, and the units placed on their grid, filtered by zone and type."""
        self.check_access("read")
        company = [("company_id", "in", self.env.companies.ids)]
        everything = self.search(company)
        buildings = sorted({unit.building for unit in everything if unit.building})
        building = building if building in buildings else (buildings[:1] or [False])[0]
        here = everything.filtered(lambda unit: unit.building == building)
        floors = sorted({unit.floor for unit in here if unit.floor}, key=_floor_key)
        floor = floor if floor in floors else (floors[:1] or [False])[0]
        here = here.filtered(lambda unit: unit.floor == floor)
        shown = here.filtered(
            lambda unit: (
                (not zone or unit.zone == zone)
                and (not business_type or unit.business_type == business_type)
            )
        )
        labels = dict(self._fields["state"]._description_selection(self.env))
        return {
            "buildings": buildings,
            "building": building,
            "floors": floors,
            "floor": floor,
            "zones": sorted({unit.zone for unit in here if unit.zone}),
            "business_types": sorted({unit.business_type for unit in here if unit.business_type}),
            "cols": max([unit.plan_col + max(unit.plan_width, 1) - 1 for unit in here] or [1]),
            "month_label": self.env._("month"),
            "states": [
                {
                    "key": key,
                    "label": labels[key],
                    "count": len(shown.filtered(lambda unit, key=key: unit.state == key)),
                }
                for key, _label in UNIT_STATES
            ],
            "units": [unit._floor_plan_cell(labels) for unit in shown],
        }

    def _floor_plan_cell(self, labels):
        self.ensure_one()
        return {
            "id": self.id,
            "code": self.code,
            "state": self.state,
            "state_label": labels.get(self.state, ""),
            "zone": self.zone or "",
            "business_type": self.business_type or "",
            "area": round(self.area, 2),
            "rent": round(self.rent_standard, 2),
            "row": max(self.plan_row, 1),
            "col": max(self.plan_col, 1),
            "width": max(self.plan_width, 1),
        }


def _floor_key(floor):
    """Floors in building order: B2, B1, 1, 2, … 10 (numbers as numbers)."""
    text = str(floor)
    if text.upper().startswith("B") and text[1:].isdigit():
        return (0, -int(text[1:]), text)
    return (1, int(text), text) if text.isdigit() else (2, 0, text)
