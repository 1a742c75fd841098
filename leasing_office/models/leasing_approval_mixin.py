from odoo import api, fields, models
from odoo.exceptions import UserError

from . import vals_check
from .office_lang import office_env

APPROVAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for the Manager"),
    ("approved", "Approved"),
    ("rejected", "Sent Back"),
]
# The same states for what leadership signs (target plans, statements, information).
LEADERSHIP_APPROVAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for Leadership"),
    ("approved", "Approved"),
    ("rejected", "Sent Back"),
]


class LeasingApprovalMixin(models.AbstractModel):
    """A signature on a form: approved or sent back, by whom, when, why.

    Approving requires ``_approval_group`` (the manager by default, leadership for plans,
    statements and information); nobody approves their own form. The state moves only
    through the actions below, along ``_state_transitions``; an approved form is locked
    for its owner (with ``leasing.form.mixin``).
    """

    _name = "leasing.approval.mixin"
    _description = "Leasing Office Approval"
    _inherit = ["mail.activity.mixin", "leasing.guard.mixin"]

    _approval_group = "leasing_office.group_leasing_manager"
    _state_transitions = {
        "approval_state": {
            "to_approve": ("draft", "rejected"),
            "approved": ("to_approve",),
            "rejected": ("to_approve",),
        },
    }

    approval_state = fields.Selection(
        APPROVAL_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approved_at = fields.Datetime(string="Approved On", readonly=True, copy=False)
    approval_comment = fields.Text(string="Approver's Comment", copy=False, tracking=True)
    approver_label = fields.Char(
        string="Approved By Role", compute="_compute_approver_label", help="Who signs this form."
    )
    can_approve = fields.Boolean(compute="_compute_can_approve", search="_search_can_approve")

    def _compute_approver_label(self):
        label = self._approver_description()
        for record in self:
            record.approver_label = label

    @api.depends_context("uid")
    @api.depends("approval_state", "user_id")
    def _compute_can_approve(self):
        for record in self:
            record.can_approve = not record._approval_refusal()

    def _search_can_approve(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on To Approve."))
        if not self.env.user.has_group(self._approval_group):
            domain = [("id", "=", False)]
        else:
            domain = [("approval_state", "=", "to_approve"), ("user_id", "!=", self.env.uid)]
        return domain if (operator == "=") == value else ["!", *domain]

    def _approver_description(self):
        """Who signs, in words: "the leasing manager" or "leadership"."""
        if self._approval_group == "leasing_office.group_leasing_leader":
            return self.env._("leadership")
        return self.env._("the leasing manager")

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_request_approval(self):
        self.check_access("write")
        if any(record.approval_state == "to_approve" for record in self):
            raise UserError(
                self.env._(
                    "This form is already waiting for %(approver)s.",
                    approver=self._approver_description(),
                )
            )
        self._move_to("approval_state", "to_approve")
        self._schedule_approver_activities()
        return True

    def action_approve(self):
        self._check_can_approve()
        self.check_access("write")
        self._before_approve()
        self._move_to(
            "approval_state",
            "approved",
            approver_id=self.env.user.id,
            approved_at=fields.Datetime.now(),
        )
        self._close_approver_activities()
        return True

    def _before_approve(self):
        """Hook: what approving changes besides the signature."""

    def action_send_back(self, comment=None):
        # Not _check_before_approval: what blocks an approval never blocks sending back.
        self._check_can_decide()
        self.check_access("write")
        comment = comment or self.env.context.get("approval_comment")
        comment = vals_check.text(self, {"approval_comment": comment}, "approval_comment")
        if not (comment or "").strip() and not all(self.mapped("approval_comment")):
            raise UserError(self.env._("Say why the form is sent back."))
        vals = {"approver_id": self.env.user.id, "approved_at": fields.Datetime.now()}
        if comment:
            vals["approval_comment"] = comment
        self._move_to("approval_state", "rejected", **vals)
        self._close_approver_activities()
        return True

    # ------------------------------------------------------------------
    # SIGNATURES WAITING: an activity for each person who may sign
    # ------------------------------------------------------------------

    def _get_approvers(self):
        """Who signs: the leasing managers (not leadership) or, for leadership's forms,
        leadership; nobody signs their own form."""
        self.ensure_one()
        Duty = self.env["leasing.obligation"]
        if self._approval_group == "leasing_office.group_leasing_leader":
            users = Duty._leaders()
        else:
            users = Duty._managers() or Duty._leaders()
        return users - self.user_id

    def _schedule_approver_activities(self):
        for record in self.sudo():
            for user in record._get_approvers():
                record.activity_schedule(
                    "leasing_office.mail_activity_type_leasing_approval",
                    summary=office_env(self.env)._(
                        "To approve: %(form)s", form=record.display_name
                    ),
                    user_id=user.id,
                )

    def _close_approver_activities(self):
        self.sudo().activity_feedback(["leasing_office.mail_activity_type_leasing_approval"])

    def _check_can_approve(self):
        self._check_can_decide()
        for record in self:
            record._check_before_approval()

    def _check_can_decide(self):
        for record in self:
            refusal = record._approval_refusal()
            if refusal:
                raise UserError(refusal)

    def _approval_refusal(self):
        """Why the current user may not approve this record now, or None."""
        self.ensure_one()
        if not self.env.user.has_group(self._approval_group):
            return self.env._(
                "Only %(approver)s approves this form.", approver=self._approver_description()
            )
        if self.approval_state != "to_approve":
            return self.env._("%(form)s is not waiting for approval.", form=self.display_name)
        if self.user_id == self.env.user:
            return self.env._("Nobody approves their own form.")
        return None

    def _check_before_approval(self):
        """Hook: raise when the record cannot be approved as it stands."""

    def _is_locked_for_owner(self):
        # Combined with leasing.form.mixin, a submitted form is locked too.
        parent = getattr(super(), "_is_locked_for_owner", None)
        locked = self.approval_state in ("to_approve", "approved")
        return locked or bool(parent and parent())
