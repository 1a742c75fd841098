from odoo import api, fields, models
from odoo.exceptions import UserError

from . import vals_check


class LeasingInfoSent(models.Model):
    """Which version of which approved information was given to which prospect."""

    _name = "leasing.info.sent"
    _inherit = ["leasing.prospect.link.mixin", "leasing.guard.mixin"]
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
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            info = self._info_to_give(vals)
            if not info.is_sendable:
                raise UserError(
                    self.env._(
                        "%(info)s is not approved by leadership (or was withdrawn): it cannot "
                        "be given to prospects.",
                        info=info.display_name,
                    )
                )
            vals["version"] = info.version
        records = super(LeasingInfoSent, self._open_gate()).create(vals_list).with_env(self.env)
        for record in records:
            record.lead_id.message_post(
                body=self.env._(
                    "Information given: %(info)s (version %(version)s).",
                    info=record.info_id.name,
                    version=record.version,
                )
            )
        return records

    @api.model
    def _info_to_give(self, vals):
        """The information a new record gives, or a clear error."""
        info = self.env["leasing.info"].sudo().browse(vals_check.record_id(self, vals, "info_id"))
        if not info.exists():
            raise UserError(self.env._("Choose the approved information to give."))
        return info
