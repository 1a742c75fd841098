from odoo import fields, models


class LeasingDutyRosterLine(models.Model):
    """An agent on duty in the rotation, in order."""

    _name = "leasing.duty.roster.line"
    _description = "Duty Roster Line"
    _order = "roster_id, sequence, id"

    roster_id = fields.Many2one("leasing.duty.roster", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("leasing_office.group_leasing_agent").ids)
        ],
    )
