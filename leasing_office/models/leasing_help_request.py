from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from . import vals_check

MANAGER = "leasing_office.group_leasing_manager"
HELP_STATES = [("requested", "Requested"), ("done", "Done"), ("cancelled", "Cancelled")]


class LeasingHelpRequest(models.Model):
    """特殊問題請經理協助: the credited agent asks the manager to assist on a prospect.

    Only the agent credited with a prospect talks with it about specifics; on a special
    problem they ask the manager, with a reason. The managers get an activity, work on the
    prospect (they see and edit every prospect of the office) and close the request with
    its outcome; the request, its outcome and who closed it stay, never deleted.
    """

    _name = "leasing.help.request"
    _description = "Manager Help Request"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "leasing.guard.mixin"]
    _order = "requested_at desc, id desc"
    _guarded_unlink = True
    _state_transitions = {
        "state": {"done": ("requested",), "cancelled": ("requested",)},
    }

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Asked By",
        default=lambda self: self.env.user,
        readonly=True,
        check_company=True,
    )
    reason = fields.Text(string="Special Problem", required=True, tracking=True)
    state = fields.Selection(
        HELP_STATES, default="requested", required=True, readonly=True, tracking=True
    )
    requested_at = fields.Datetime(default=fields.Datetime.now, readonly=True)
    outcome = fields.Text(tracking=True, help="What the manager did and what came of it.")
    closed_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    closed_at = fields.Datetime(string="Closed On", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("lead_id", "user_id")
    def _compute_name(self):
        for request in self:
            request.name = self.env._(
                "Help on %(prospect)s for %(agent)s",
                prospect=request.lead_id.sudo().display_name or "",
                agent=request.user_id.name or "",
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        self.check_access("create")
        for vals in vals_list:
            lead = self.env["crm.lead"].browse(vals_check.record_id(self, vals, "lead_id"))
            self._check_may_ask(lead)
            if not (vals_check.text(self, vals, "reason") or "").strip():
                raise UserError(self.env._("Say what the special problem is."))
            if vals.get("outcome"):
                raise UserError(self.env._("The outcome is written by the manager who helps."))
            vals["user_id"] = self.env.user.id
            vals["requested_at"] = fields.Datetime.now()
            vals["company_id"] = lead.sudo().company_id.id or self.env.company.id
        requests = super(LeasingHelpRequest, self._open_gate()).create(vals_list)
        requests = requests.with_env(self.env)
        requests._notify_managers()
        return requests

    def write(self, vals):
        self._check_guarded_write(vals)
        if not self._gate_is_open():
            self._check_open_write(vals)
        return super().write(vals)

    def _check_open_write(self, vals):
        if "lead_id" in vals:
            raise UserError(self.env._("A request stays on its prospect; ask again on another."))
        for request in self:
            if request.state != "requested" and {"reason", "outcome"}.intersection(vals):
                raise UserError(self.env._("%(request)s is closed.", request=request.display_name))
            if "reason" in vals and request.user_id != self.env.user:
                raise UserError(self.env._("Only the agent who asked changes the reason."))
            if "outcome" in vals and not self.env.user.has_group(MANAGER):
                raise UserError(self.env._("Only the leasing manager writes the outcome."))

    # ------------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------------

    @api.model
    def _check_may_ask(self, lead):
        """Only the agent credited with ``lead`` asks for help on it."""
        if not lead:
            raise UserError(self.env._("Choose the prospect you need help with."))
        lead._leasing_check_access("read")
        if lead.sudo().attributed_user_id != self.env.user:
            raise AccessError(
                self.env._(
                    "Only the agent credited with a prospect asks the manager for help on it."
                )
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_done(self, outcome=None):
        """The manager closes the request with its outcome."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the leasing manager closes a request for help."))
        self.check_access("write")
        if outcome is not None:
            outcome = vals_check.text(self, {"outcome": outcome}, "outcome")
        for request in self:
            text = (outcome if outcome is not None else request.outcome) or ""
            if not text.strip():
                raise UserError(self.env._("Write the outcome before closing the request."))
            request._close("done", outcome=text)
        return True

    def action_cancel(self):
        """The agent who asked withdraws the request."""
        for request in self:
            if request.user_id != self.env.user:
                raise AccessError(self.env._("Only the agent who asked withdraws the request."))
        self.check_access("write")
        for request in self:
            request._close("cancelled")
        return True

    def action_open_prospect(self):
        self.ensure_one()
        self.lead_id._leasing_check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.lead_id.id,
            "view_mode": "form",
        }

    def _close(self, state, **extra):
        self.ensure_one()
        self._move_to(
            "state",
            state,
            closed_by_id=self.env.user.id,
            closed_at=fields.Datetime.now(),
            **extra,
        )
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        if state == "done":
            body = self.env._(
                "%(manager)s helped on the request of %(agent)s. Outcome: %(outcome)s",
                manager=self.env.user.name,
                agent=self.user_id.name,
                outcome=self.outcome,
            )
        else:
            body = self.env._(
                "%(agent)s withdrew the request for the manager's help.", agent=self.user_id.name
            )
        self.lead_id.sudo().message_post(body=body)

    def _notify_managers(self):
        managers = (
            self.env["leasing.obligation"]._managers() or self.env["leasing.obligation"]._leaders()
        )
        for request in self.sudo():
            for manager in managers:
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=request.name,
                    note=request.reason,
                    user_id=manager.id,
                )
            request.lead_id.message_post(
                body=self.env._(
                    "%(agent)s asked the manager for help: %(reason)s",
                    agent=request.user_id.name,
                    reason=request.reason,
                )
            )
