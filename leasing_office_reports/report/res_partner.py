from odoo import models


class ResPartner(models.Model):
    """A company's timezone sets the office's days: recount the visit analysis when it changes."""

    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if "tz" in vals and self.env["res.company"].sudo().with_context(
            active_test=False
        ).search_count([("partner_id", "in", self.ids)], limit=1):
            self.env["leasing.visit.report"].sudo()._rebuild()
        return result
