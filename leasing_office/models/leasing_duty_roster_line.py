from odoo import fields, models

from .res_users import agent_domain


class LeasingDutyRosterLine(models.Model):
    """An agent on duty in the rotation, in order."""

    _name = "leasing.duty.roster.line"
    _description = "Duty Roster Line"
    _check_company_auto = True
    _inherit = ["leasing.guard.mixin"]
    _order = "roster_id, sequence, id"

    roster_id = fields.Many2one("leasing.duty.roster", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="roster_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users", string="Agent", required=True, domain=agent_domain, check_company=True
    )
