from odoo import api, fields, models
from odoo.exceptions import UserError

from .leasing_approval_mixin import LEADERSHIP_APPROVAL_STATES

INFO_CATEGORIES = [
    ("policy", "Policy"),
    ("rent_standard", "Rent Standard"),
    ("incentive", "Incentive Policy"),
    ("talking_points", "Project Talking Points"),
]


class LeasingInfo(models.Model):
    """資訊輸出: one version of information that may be given to prospects.

    Only versions approved (signed) by leadership and not withdrawn are visible to agents
    and can be sent; what was sent to whom, and which version, is kept on the prospect.
    """

    _name = "leasing.info"
    _description = "Approved Information"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.approval.mixin"]
    _order = "category, name, version desc"
    _approval_group = "leasing_office.group_leasing_leader"

    approval_state = fields.Selection(LEADERSHIP_APPROVAL_STATES)
    name = fields.Char(required=True, tracking=True)
    category = fields.Selection(INFO_CATEGORIES, required=True, default="policy")
    version = fields.Integer(default=1, readonly=True)
    body = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        readonly=True,
        check_company=True,
    )
    withdrawn = fields.Boolean(readonly=True, tracking=True)
    is_sendable = fields.Boolean(compute="_compute_is_sendable", store=True)
    previous_id = fields.Many2one(
        "leasing.info", string="Previous Version", readonly=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("approval_state", "withdrawn")
    def _compute_is_sendable(self):
        for info in self:
            info.is_sendable = info.approval_state == "approved" and not info.withdrawn

    @api.depends("name", "version")
    def _compute_display_name(self):
        for info in self:
            info.display_name = f"{info.name} v{info.version}"

    def write(self, vals):
        if not self.env.su and "approved" in self.mapped("approval_state"):
            raise UserError(self.env._("An approved version is never edited; make a new version."))
        return super().write(vals)

    def action_withdraw(self):
        if not self.env.user.has_group("leasing_office.group_leasing_leader"):
            raise UserError(self.env._("Only leadership withdraws information."))
        self.check_access("write")
        self._write_guarded({"withdrawn": True})
        return True

    def action_new_version(self):
        self.ensure_one()
        self.check_access("read")
        new = (
            self._open_gate()
            .copy(
                {
                    "version": self.version + 1,
                    "previous_id": self.id,
                    "user_id": self.env.user.id,
                    "attachment_ids": [fields.Command.set(self.attachment_ids.ids)],
                }
            )
            .with_env(self.env)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _before_approve(self):
        """An approved version replaces the previous one, which is withdrawn."""
        self.previous_id._write_guarded({"withdrawn": True})
