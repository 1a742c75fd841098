from odoo import fields, models

from ..models.res_users import agent_domain


class LeasingDisputeDecide(models.TransientModel):
    """The manager's decision on an attribution dispute, with the reason kept."""

    _name = "leasing.dispute.decide"
    _description = "Decide Attribution Dispute"

    dispute_id = fields.Many2one("leasing.attribution.dispute", required=True)
    decision = fields.Selection(
        [
            ("upheld", "Uphold the Current Credit"),
            ("reassigned", "Reassign to an Agent"),
            ("public", "Make Public"),
        ],
        required=True,
        default="upheld",
    )
    user_id = fields.Many2one(
        "res.users",
        string="New Agent",
        domain=agent_domain,
    )
    reason = fields.Text(required=True)

    def action_decide(self):
        self.ensure_one()
        self.dispute_id.check_access("write")
        self.dispute_id._decide(self.decision, self.reason, self.user_id)
        return True
