from odoo import fields, models
from odoo.exceptions import UserError

from . import vals_check

APPROVAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for the Manager"),
    ("approved", "Approved"),
    ("rejected", "Sent Back"),
]


class LeasingApprovalMixin(models.AbstractModel):
    """The manager's signature on a form: approved or sent back, by whom, when, why.

    Approving requires ``_approval_group``; nobody approves their own form. An approved
    form is locked for its owner (with ``leasing.form.mixin``).
    """

    _name = "leasing.approval.mixin"
    _description = "Leasing Office Approval"

    _approval_group = "leasing_office.group_leasing_manager"

    approval_state = fields.Selection(
        APPROVAL_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approved_at = fields.Datetime(string="Approved On", readonly=True, copy=False)
    approval_comment = fields.Text(string="Manager's Comment", copy=False, tracking=True)

    def action_request_approval(self):
        self.check_access("write")
        for record in self:
            if record.approval_state not in ("draft", "rejected"):
                raise UserError(self.env._("This form is already with the manager."))
        self.sudo().approval_state = "to_approve"
        return True

    def action_approve(self):
        self._check_can_approve()
        self.check_access("write")
        self._before_approve()
        self.sudo().write(
            {
                "approval_state": "approved",
                "approver_id": self.env.user.id,
                "approved_at": fields.Datetime.now(),
            }
        )
        return True

    def _before_approve(self):
        """Hook: what approving changes besides the signature."""

    def action_send_back(self, comment=None):
        self._check_can_approve()
        self.check_access("write")
        comment = comment or self.env.context.get("approval_comment")
        comment = vals_check.text(self, {"approval_comment": comment}, "approval_comment")
        if not (comment or "").strip() and not all(self.mapped("approval_comment")):
            raise UserError(self.env._("Say why the form is sent back."))
        vals = {
            "approval_state": "rejected",
            "approver_id": self.env.user.id,
            "approved_at": fields.Datetime.now(),
        }
        if comment:
            vals["approval_comment"] = comment
        self.sudo().write(vals)
        return True

    def _check_can_approve(self):
        if not self.env.user.has_group(self._approval_group):
            raise UserError(self.env._("Only the leasing manager approves this form."))
        for record in self:
            if record.approval_state != "to_approve":
                raise UserError(
                    self.env._("%(form)s is not waiting for approval.", form=record.display_name)
                )
            if record.user_id == self.env.user:
                raise UserError(self.env._("Nobody approves their own form."))
            record._check_before_approval()

    def _check_before_approval(self):
        """Hook: raise when the record cannot be approved as it stands."""

    def _is_locked_for_owner(self):
        # Combined with leasing.form.mixin, a submitted form is locked too.
        parent = getattr(super(), "_is_locked_for_owner", None)
        locked = self.approval_state in ("to_approve", "approved")
        return locked or bool(parent and parent())
