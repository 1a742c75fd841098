from odoo import api, models

from . import vals_check


class LeasingProspectLinkMixin(models.AbstractModel):
    """A record that names a prospect (or a visit of one).

    Nobody files such a record about a prospect they cannot see: it would act on that
    prospect (a call counts toward the caller's target and moves the prospect's follow-up
    dates) and would show its name back to them. The link fields are listed in
    ``_prospect_link_fields``; the office's engine, running as superuser, is not checked.
    """

    _name = "leasing.prospect.link.mixin"
    _description = "Leasing Office Record Naming a Prospect"

    # Many2one fields naming a prospect, directly (crm.lead) or through a visit.
    _prospect_link_fields = ("lead_id",)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_prospect_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_prospect_links([vals])
        return super().write(vals)

    @api.model
    def _check_prospect_links(self, vals_list):
        """Refuse a link, given by id, to a prospect the current user may not read."""
        for name in self._prospect_link_fields:
            ids = {vals_check.record_id(self, vals, name) for vals in vals_list} - {0}
            if self.env.su or not ids:
                continue
            linked = self.env[self._fields[name].comodel_name].browse(ids)
            if linked._name == "crm.lead":
                linked._leasing_check_access("read")
            else:
                linked.check_access("read")
