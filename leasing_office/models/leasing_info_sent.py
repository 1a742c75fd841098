from odoo import api, fields, models
from odoo.exceptions import UserError


class LeasingInfoSent(models.Model):
    """Which version of which approved information was given to which prospect."""

    _name = "leasing.info.sent"
    _inherit = ["leasing.prospect.link.mixin"]
    _description = "Information Given to a Prospect"
    _order = "sent_at desc, id desc"

    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, ondelete="restrict"
    )
    info_id = fields.Many2one(
        "leasing.info", string="Information", required=True, ondelete="restrict"
    )
    version = fields.Integer(readonly=True)
    sent_by_id = fields.Many2one(
        "res.users", string="Given By", default=lambda self: self.env.user, readonly=True
    )
    sent_at = fields.Datetime(string="Given On", default=fields.Datetime.now, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            info = self.env["leasing.info"].sudo().browse(vals["info_id"])
            if not info.is_sendable:
                raise UserError(
                    self.env._(
                        "%(info)s is not approved by leadership (or was withdrawn): it cannot "
                        "be given to prospects.",
                        info=info.display_name,
                    )
                )
            vals["version"] = info.version
        records = super().create(vals_list)
        for record in records:
            record.lead_id.message_post(
                body=self.env._(
                    "Information given: %(info)s (version %(version)s).",
                    info=record.info_id.name,
                    version=record.version,
                )
            )
        return records
