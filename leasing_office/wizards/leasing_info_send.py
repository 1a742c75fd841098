from odoo import fields, models


class LeasingInfoSend(models.TransientModel):
    """Give approved information to a prospect; the version given is kept on the prospect."""

    _name = "leasing.info.send"
    _description = "Give Information to a Prospect"

    lead_id = fields.Many2one("crm.lead", string="Prospect", required=True)
    info_ids = fields.Many2many(
        "leasing.info", string="Information", required=True, domain=[("is_sendable", "=", True)]
    )

    def action_send(self):
        self.ensure_one()
        self.lead_id._leasing_check_access("read")
        self.env["leasing.info.sent"].create(
            [{"lead_id": self.lead_id.id, "info_id": info.id} for info in self.info_ids]
        )
        return True
