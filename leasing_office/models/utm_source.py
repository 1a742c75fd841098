from odoo import api, models


class UtmSource(models.Model):
    """The office's channels keep the rulebook's names (Traditional Chinese) in the database,
    where imports and e-mail rules match them; each user reads them in their own language."""

    _inherit = "utm.source"

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = self._office_source_labels()
        for source in self:
            source.display_name = labels.get(source.id) or source.name

    @api.model
    def _office_source_labels(self):
        """{source id: label in the user's language} of the office's own sources."""
        labels = {
            "walk_in": self.env._("Walk-ins"),
            "phone": self.env._("Phone inquiries"),
            "wechat": self.env._("WeChat"),
            "advertising": self.env._("Advertising"),
            "exhibition": self.env._("Exhibitions"),
            "referral": self.env._("Customer referrals"),
            "agent_own": self.env._("Agents' own prospecting"),
            "leadership": self.env._("Leadership contacts"),
        }
        ids = {}
        for key, label in labels.items():
            source_id = self.env["ir.model.data"]._xmlid_to_res_id(
                f"leasing_office.utm_source_{key}", raise_if_not_found=False
            )
            if source_id:
                ids[source_id] = label
        return ids
