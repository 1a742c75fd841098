from odoo import api, fields, models
from odoo.exceptions import UserError

from .crm_lead import agent_domain
from .phone_key import normalize_phone


class LeasingAttributionDispute(models.Model):
    """An agent's claim that a prospect is credited wrongly; only the manager decides."""

    _name = "leasing.attribution.dispute"
    _description = "Attribution Dispute"
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one("crm.lead", string="Prospect", ondelete="restrict", index=True)
    lead_name = fields.Char(string="Prospect Name", readonly=True)
    phone = fields.Char(help="The prospect's phone, when you cannot see the prospect itself.")
    raised_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    claimed_user_id = fields.Many2one(
        "res.users",
        string="Claimed For",
        default=lambda self: self.env.user,
        domain=agent_domain,
    )
    credited_user_id = fields.Many2one("res.users", string="Credited When Raised", readonly=True)
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("upheld", "Upheld"),
            ("reassigned", "Reassigned"),
            ("public", "Made Public"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    decision_reason = fields.Text(readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)

    @api.depends("lead_name", "raised_by_id")
    def _compute_name(self):
        for dispute in self:
            dispute.name = self.env._(
                "%(lead)s, raised by %(agent)s",
                lead=dispute.lead_name or "",
                agent=dispute.raised_by_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            lead = self._resolve_lead(vals)
            vals.update(
                lead_id=lead.id,
                lead_name=lead.display_name,
                credited_user_id=lead.attributed_user_id.id,
            )
        disputes = super(LeasingAttributionDispute, self._open_gate()).create(vals_list)
        return disputes.with_env(self.env)

    def write(self, vals):
        if not self._gate_is_open():
            if {"lead_id", "phone"}.intersection(vals):
                raise UserError(
                    self.env._(
                        "A dispute stays on the prospect it was raised for; raise a new one."
                    )
                )
            decided = any(dispute.state != "open" for dispute in self)
            if decided and {"claimed_user_id", "reason"}.intersection(vals):
                raise UserError(self.env._("A decided dispute cannot be changed."))
        return super().write(vals)

    @api.model
    def _resolve_lead(self, vals):
        """Find the disputed prospect, by id or by phone: agents may not see it."""
        Lead = self.env["crm.lead"].sudo()
        lead = Lead.browse(vals.get("lead_id")).exists()
        if not lead and vals.get("phone"):
            key = normalize_phone(vals["phone"], self.env["crm.lead"]._leasing_phone_region())
            lead = Lead.search([("leasing_phone_key", "=", key)], limit=1)
        if not lead:
            raise UserError(self.env._("Choose the disputed prospect, or give its phone number."))
        return lead

    def _decide(self, decision, reason, user=None):
        """Apply the manager's decision: upheld, reassigned (to ``user``) or public."""
        self.ensure_one()
        self.env["crm.lead"]._check_leasing_manager()
        if self.state != "open":
            raise UserError(self.env._("This dispute has already been decided."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the decision."))
        lead = self.lead_id.sudo()
        if decision == "reassigned":
            if not user:
                raise UserError(self.env._("Choose the agent who gets the prospect."))
            lead._leasing_change_attribution(user, reason, "dispute")
        elif decision == "public":
            lead._leasing_change_attribution(self.env["res.users"], reason, "dispute", "public")
        self._write_guarded(
            {
                "state": decision,
                "decision_reason": reason,
                "decided_by_id": self.env.user.id,
                "decided_on": fields.Datetime.now(),
            }
        )

    def action_open_decide(self):
        self.ensure_one()
        self.env["crm.lead"]._check_leasing_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide Dispute"),
            "res_model": "leasing.dispute.decide",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_dispute_id": self.id,
                "default_user_id": self.claimed_user_id.id,
            },
        }
