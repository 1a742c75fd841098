from odoo import fields, models


class LeasingFieldVisitPlanLine(models.Model):
    """One prospect the agent plans to visit in the field, and the purpose."""

    _name = "leasing.field.visit.plan.line"
    _inherit = ["leasing.prospect.link.mixin", "leasing.inaccurate.line.mixin"]
    _description = "Planned Field Visit"
    _order = "sequence, id"
    _line_parent_field = "plan_id"

    plan_id = fields.Many2one(
        "leasing.field.visit.plan", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True)
    purpose = fields.Char()
