from odoo import api, fields, models
from odoo.exceptions import UserError

from . import office_clock, vals_check
from .office_lang import office_env
from .phone_key import normalize_phone
from .res_users import agent_domain

# Who the disputed prospect is, and whose it was, is the manager's to see: an agent may
# dispute a prospect they cannot see, and learns nothing about it by raising the dispute.
MANAGER = "leasing_office.group_leasing_manager"


class LeasingAttributionDispute(models.Model):
    """An agent's claim that a prospect is credited wrongly; only the manager decides."""

    _name = "leasing.attribution.dispute"
    _description = "Attribution Dispute"
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "create_date desc, id desc"
    # Only the manager decides, once: every decision leaves "open" for good.
    _state_transitions = {
        "state": {decision: ("open",) for decision in ("upheld", "reassigned", "public")},
    }

    # Never the prospect's name: a dispute's name reaches its raiser (chatter, notifications).
    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Disputed Prospect", ondelete="restrict", index=True, groups=MANAGER
    )
    lead_name = fields.Char(string="Prospect Name", readonly=True, groups=MANAGER)
    prospect_id = fields.Many2one(
        "crm.lead",
        compute="_compute_prospect",
        inverse="_inverse_prospect_id",
        help="The disputed prospect, shown only to those who may see it.",
    )
    prospect_label = fields.Char(string="Prospect Seen As", compute="_compute_prospect")
    phone = fields.Char(help="The prospect's phone, when you cannot see the prospect itself.")
    raised_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    claimed_user_id = fields.Many2one(
        "res.users",
        string="Claimed For",
        default=lambda self: self.env.user,
        domain=agent_domain,
    )
    credited_user_id = fields.Many2one(
        "res.users", string="Credited When Raised", readonly=True, groups=MANAGER
    )
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

    @api.depends("raised_by_id", "create_date")
    def _compute_name(self):
        for dispute in self:
            dispute.name = office_env(self.env)._(
                "Dispute raised by %(agent)s on %(date)s",
                agent=dispute.raised_by_id.name or "",
                date=office_clock.office_date(self.env, dispute.create_date) or "",
            )

    @api.depends("lead_id")
    @api.depends_context("uid")
    def _compute_prospect(self):
        """The prospect as the current user may see it, even when read as superuser."""
        hidden = self.env._("Filed for the manager: not a prospect you can see")
        for dispute in self:
            lead = dispute.sudo().lead_id.with_env(self.env(su=False))
            visible = lead if lead and lead.has_access("read") else lead.browse()
            dispute.prospect_id = visible
            dispute.prospect_label = visible.display_name if visible else hidden

    def _inverse_prospect_id(self):
        if any(dispute.sudo().lead_id != dispute.prospect_id for dispute in self):
            raise UserError(self.env._("The disputed prospect is set when the dispute is raised."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        leads = [self._pop_disputed_lead(vals) for vals in vals_list]
        disputes = super().create(vals_list)
        disputes._link_disputed_leads(leads)
        return disputes

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
    def _pop_disputed_lead(self, vals):
        """Take the disputed prospect out of ``vals``: it is linked by ``_link_disputed_leads``,
        whether or not the raiser may see it."""
        given = {name: vals.pop(name, None) for name in ("lead_id", "prospect_id")}
        return self._resolve_lead({**vals, "lead_id": given["lead_id"] or given["prospect_id"]})

    def _link_disputed_leads(self, leads):
        """Store each dispute's prospect and whose it was; only the manager reads them."""
        for dispute, lead in zip(self, leads, strict=True):
            dispute._write_guarded(
                {
                    "lead_id": lead.id,
                    "lead_name": lead.display_name,
                    "credited_user_id": lead.attributed_user_id.id,
                }
            )

    @api.model
    def _resolve_lead(self, vals):
        """Find the disputed prospect, by id or by phone: agents may not see it."""
        Lead = self.env["crm.lead"].sudo()
        lead = Lead.browse(vals_check.record_id(self, vals, "lead_id")).exists()
        phone = vals_check.text(self, vals, "phone")
        if not lead and phone:
            key = normalize_phone(phone, self.env["crm.lead"]._leasing_phone_region())
            # The same number is a separate prospect in each mall: the one of the raiser's.
            lead = Lead.search(
                [
                    ("leasing_phone_key", "=", key),
                    ("company_id", "in", (self.env.company.id, False)),
                ],
                limit=1,
            )
        if not lead:
            raise UserError(self.env._("Choose the disputed prospect, or give its phone number."))
        return lead

    def _decide(self, decision, reason, user=None):
        """Apply the manager's decision: upheld, reassigned (to ``user``) or public."""
        self.ensure_one()
        self.env.user._check_leasing_manager()
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
        self._move_to(
            "state",
            decision,
            decision_reason=reason,
            decided_by_id=self.env.user.id,
            decided_on=fields.Datetime.now(),
        )

    def action_open_decide(self):
        self.ensure_one()
        self.env.user._check_leasing_manager()
        self.check_access("write")
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
