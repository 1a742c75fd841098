from odoo import api, fields, models


class CrmLead(models.Model):
    """What the office's pipeline cards show instead of expected revenue: the rent of the
    prospect's unit in ¥ per ㎡ per month and the area the prospect asked for."""

    _inherit = "crm.lead"

    leasing_rent = fields.Float(
        string="Rent (¥/㎡/month)",
        compute="_compute_leasing_rent",
        help="The rent standard of the prospect's unit: the unit of its latest signed "
        "contract, else the intended units of its latest open signing plan (weighted by "
        "area).",
    )
    leasing_desired_area = fields.Float(
        string="Desired Area (㎡)",
        compute="_compute_leasing_rent",
        help="The area asked for at the prospect's latest visit that gave one.",
    )

    @api.depends_context("uid")
    def _compute_leasing_rent(self):
        # Units and visits are read as the office, whoever looks at the card: what the card
        # shows is the unit's published rent standard and the area the prospect asked for.
        leads = self.filtered("id")
        (self - leads).update({"leasing_rent": 0.0, "leasing_desired_area": 0.0})
        if not leads:
            return
        units = {}
        contracts = (
            self.env["leasing.contract"]
            .sudo()
            .search([("lead_id", "in", leads.ids), ("state", "=", "signed")], order="id desc")
        )
        for contract in contracts:
            units.setdefault(contract.lead_id.id, contract.unit_id)
        plans = (
            self.env["leasing.signing.plan"]
            .sudo()
            .search(
                [("lead_id", "in", leads.ids), ("state", "in", ("open", "signed"))],
                order="id desc",
            )
        )
        for plan in plans:
            if plan.unit_ids:
                units.setdefault(plan.lead_id.id, plan.unit_ids)
        areas = {}
        visits = (
            self.env["leasing.visit"]
            .sudo()
            .search([("lead_id", "in", leads.ids), ("desired_area", ">", 0)])
        )
        for visit in visits:  # newest first (the visit's order)
            areas.setdefault(visit.lead_id.id, visit.desired_area)
        for lead in leads:
            lead.leasing_rent = self._leasing_rent_of(units.get(lead.id))
            lead.leasing_desired_area = areas.get(lead.id, 0.0)

    @api.model
    def _leasing_rent_of(self, units):
        if not units:
            return 0.0
        area = sum(units.mapped("area"))
        if area:
            return round(sum(unit.area * unit.rent_standard for unit in units) / area, 2)
        return round(sum(units.mapped("rent_standard")) / len(units), 2)
