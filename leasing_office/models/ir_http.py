from odoo import models

# Where each role of the office lands when it opens Odoo, most senior role first.
# Leadership lands on the reports addon's dashboard when it is installed.
HOME_ACTIONS = (
    (
        "leasing_office.group_leasing_leader",
        (
            "leasing_office_reports.leasing_dashboard_action",
            "leasing_office.crm_lead_action_leasing",
        ),
    ),
    ("leasing_office.group_leasing_manager", ("leasing_office.crm_lead_action_leasing",)),
    ("leasing_office.group_leasing_agent", ("leasing_office.crm_lead_action_leasing",)),
    ("leasing_office.group_leasing_keyaccount", ("leasing_office.crm_lead_action_leasing",)),
    ("leasing_office.group_leasing_frontdesk", ("leasing_office.leasing_rotation_board_action",)),
)


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        if info.get("uid") and not info.get("home_action_id"):
            action = self._leasing_home_action(self.env.user)
            if action:
                info["home_action_id"] = action.id
        return info

    def _leasing_home_action(self, user):
        """The page a user of the office lands on when no home action is set on them:
        front desk on the live board, agents and the manager on the pipeline, leadership
        on the dashboard. Nothing for users without a role in the office."""
        for group, xmlids in HOME_ACTIONS:
            if user.has_group(group):
                for xmlid in xmlids:
                    action = self.env.ref(xmlid, raise_if_not_found=False)
                    if action:
                        return action.sudo()
        return None
