from odoo import fields, models
from odoo.exceptions import UserError

from ..models.res_users import agent_domain


class LeasingAttributionChange(models.TransientModel):
    """The manager moves a prospect's credit, with a mandatory written reason."""

    _name = "leasing.attribution.change"
    _description = "Change Attribution"

    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True)
    current_user_id = fields.Many2one(related="lead_id.attributed_user_id")
    make_public = fields.Boolean(string="Move to Public Pool")
    user_id = fields.Many2one(
        "res.users",
        string="New Agent",
        domain=agent_domain,
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.env.user._check_leasing_manager()
        self.lead_id._leasing_check_access("write")
        user = self.env["res.users"] if self.make_public else self.user_id
        if not user and not self.make_public:
            raise UserError(
                self.env._("Choose the new agent, or move the prospect to the public pool.")
            )
        self.lead_id._leasing_change_attribution(
            user, self.reason, "manual", "public" if self.make_public else None
        )
        return True
