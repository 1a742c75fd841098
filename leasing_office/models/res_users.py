"""The office's roles as seen on a user: who is an agent, who is the manager."""

from odoo import models
from odoo.exceptions import AccessError


def agent_domain(model):
    """Leasing agents of the current mall: the domain of every agent picker."""
    return [
        ("all_group_ids", "in", model.env.ref("leasing_office.group_leasing_agent").ids),
        ("company_ids", "in", model.env.company.ids),
    ]


class ResUsers(models.Model):
    _inherit = "res.users"

    def _is_leasing_agent(self):
        """An active user explicitly (or by implication) in the Leasing Agent group."""
        agent_group = self.env.ref("leasing_office.group_leasing_agent")
        return bool(self.active and not self.share and agent_group in self.all_group_ids)

    def _check_leasing_manager(self):
        """Refuse unless this user (the current one, as a rule) is the leasing manager."""
        if not self.has_group("leasing_office.group_leasing_manager"):
            raise AccessError(self.env._("Only the leasing manager may do this."))
