from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.company_name import normalize_company_name
from ..models.crm_lead import agent_domain
from ..models.phone_key import normalize_phone


class LeasingWalkinRegister(models.TransientModel):
    """Front desk's entry point: register a prospect who walks in and route the credit.

    The office's rules, applied in this order:

    * a returning prospect keeps the agent who first received them (no turn used);
    * a card or flyer holder goes to the agent on the card (no turn used);
    * a leadership referral who never consulted the office is public;
    * a prospect received by front desk or the manager because nobody could is public;
    * anyone else takes the next turn from today's rotation table.
    """

    _name = "leasing.walkin.register"
    _description = "Register a Walk-in"

    contact_name = fields.Char()
    partner_name = fields.Char(string="Company / Shop")
    phone = fields.Char()
    card_user_id = fields.Many2one(
        "res.users",
        string="Card / Flyer of Agent",
        help="The agent whose business card or flyer the prospect holds.",
        domain=agent_domain,
    )
    leadership_referral = fields.Boolean(
        help="The prospect first reached the company through its leadership."
    )
    overflow = fields.Boolean(
        string="No Agent Could Receive",
        help="Received by front desk or the manager because every agent was busy: the "
        "prospect goes to the department's public pool.",
    )
    description = fields.Text(string="Needs")
    lead_id = fields.Many2one("crm.lead", string="Prospect", readonly=True)
    visit_id = fields.Many2one("leasing.visit", readonly=True)
    explanation = fields.Char(string="Why This Agent", readonly=True)

    # ------------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for name in ("contact_name", "partner_name", "phone", "description"):
                if vals.get(name) and not isinstance(vals[name], str):
                    label = self._fields[name].get_description(self.env)["string"]
                    raise ValidationError(self.env._("%(field)s must be text.", field=label))
        return super().create(vals_list)

    def _check_input(self):
        if not self.env.user.has_group("leasing_office.group_leasing_frontdesk"):
            raise UserError(self.env._("Only front desk or the manager registers walk-ins."))
        if not (self.contact_name or self.partner_name or "").strip():
            raise ValidationError(self.env._("Enter the prospect's name or company."))
        if not (self.phone or "").strip():
            raise ValidationError(
                self.env._("Enter the prospect's phone: it is how a returning visit is recognised.")
            )
        card = self.card_user_id
        if card and not self.env["crm.lead"]._is_leasing_agent(card):
            raise ValidationError(
                self.env._(
                    "%(user)s is not a leasing agent: only a leasing agent's card or flyer "
                    "gives the credit.",
                    user=card.name,
                )
            )
        if self.overflow and self.leadership_referral:
            raise ValidationError(
                self.env._("A prospect is either a leadership referral or an overflow, not both.")
            )

    # ------------------------------------------------------------------
    # REGISTRATION
    # ------------------------------------------------------------------

    def action_register(self):
        self.ensure_one()
        self._check_input()
        rotation = self.env["leasing.rotation"]._get_for_today()
        rotation._lock_for_registration()
        phone_key = normalize_phone(self.phone, self.env["crm.lead"]._leasing_phone_region())
        lead = self.env["crm.lead"]._leasing_find_returning(phone_key, self.partner_name)
        if lead:
            visit = self._register_returning(lead, rotation)
        else:
            visit = self._register_first_visit(rotation, phone_key)
        self.write(
            {"lead_id": visit.lead_id.id, "visit_id": visit.id, "explanation": visit.explanation}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (self.env.ref("leasing_office.leasing_walkin_register_view_done").id, "form")
            ],
            "target": "new",
        }

    def _register_returning(self, lead, rotation):
        agent = lead.attributed_user_id
        receiver, on_behalf = self._receiver_for(agent, rotation)
        if agent:
            note = self.env._(
                "%(agent)s: returning prospect first received by %(agent)s; no turn used",
                agent=agent.name,
            )
            if on_behalf:
                note += self.env._(
                    "; received by %(clerk)s on %(agent)s's behalf (not on duty)",
                    clerk=receiver.name,
                    agent=agent.name,
                )
        else:
            note = self.env._(
                "Public pool: returning prospect of the public pool; received by %(clerk)s",
                clerk=receiver.name,
            )
        if not lead.active:
            lead.sudo().active = True
        return self._create_visit(lead, "returning", receiver, agent, note, rotation, on_behalf)

    def _register_first_visit(self, rotation, phone_key):
        attribution, agent, receiver, note, turn, on_behalf = self._decide_first_visit(rotation)
        lead = self._link_or_create_lead(phone_key, attribution, agent, note)
        visit = self._create_visit(lead, "first", receiver, agent, note, rotation, on_behalf, turn)
        if turn:
            turn._write_guarded({"lead_id": lead.id, "visit_id": visit.id})
        return visit

    def _decide_first_visit(self, rotation):
        """Return (attribution, agent, receiver, note, turn, on_behalf) for a new prospect."""
        clerk = self.env.user
        no_user = self.env["res.users"]
        no_turn = self.env["leasing.rotation.turn"]
        if self.card_user_id:
            agent = self.card_user_id
            receiver, on_behalf = self._receiver_for(agent, rotation)
            note = self.env._(
                "%(agent)s: prospect holds %(agent)s's business card or flyer; no turn used",
                agent=agent.name,
            )
            return "card", agent, receiver, note, no_turn, on_behalf
        if self.leadership_referral:
            note = self.env._(
                "Public pool: first reached the company through leadership; received by %(clerk)s",
                clerk=clerk.name,
            )
            return "leadership", no_user, clerk, note, no_turn, False
        if self.overflow:
            note = self.env._(
                "Public pool: no agent could receive in time; received by %(clerk)s",
                clerk=clerk.name,
            )
            return "public", no_user, clerk, note, no_turn, False
        turn = rotation._take_turn()
        if not turn:
            raise UserError(
                self.env._(
                    "No agent in today's rotation is available. Wait for an agent to be free, "
                    "or tick 'No Agent Could Receive' to receive the prospect yourself for the "
                    "public pool."
                )
            )
        agent = turn.line_id.user_id
        return "rotation", agent, agent, turn.explanation, turn, False

    def _receiver_for(self, agent, rotation):
        """Who receives a prospect credited to ``agent``: the agent if on duty, else front desk."""
        on_duty = rotation.line_ids.filtered(
            lambda line: line.user_id == agent and line.status != "leave"
        )
        if agent and on_duty:
            return agent, False
        return self.env.user, bool(agent)

    def _link_or_create_lead(self, phone_key, attribution, agent, note):
        """Credit the CRM lead already known by phone, or create the prospect credited."""
        Lead = self.env["crm.lead"]
        lead, partner = Lead._leasing_find_unattributed(phone_key, self.partner_name)
        if lead:
            lead._leasing_set_attribution(attribution, agent, note)
            return lead
        # Front desk does not follow every prospect it registers; the credited agent does,
        # without an assignment e-mail: the agent is at the desk when the turn is given.
        Lead = Lead._with_gate().with_context(
            mail_create_nosubscribe=True, mail_auto_subscribe_no_notify=True
        )
        company = normalize_company_name(self.partner_name)
        return Lead.create(
            {
                "name": company or self.contact_name,
                "type": "opportunity",
                "contact_name": self.contact_name,
                "partner_name": company or False,
                "partner_id": partner.id,
                "phone": self.phone.strip(),
                "description": self.description,
                **Lead._leasing_attribution_vals(attribution, agent, note),
            }
        )

    def _create_visit(self, lead, kind, receiver, agent, note, rotation, on_behalf, turn=None):
        # The visit's own chatter starts empty: the prospect's chatter tells the story.
        Visit = (
            self.env["leasing.visit"]
            ._with_gate()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        )
        return Visit.create(
            {
                "lead_id": lead.id,
                "visit_kind": kind,
                "received_user_id": receiver.id,
                "credited_user_id": agent.id,
                "on_behalf": on_behalf,
                "attribution_type": lead.attribution_type,
                "rotation_id": rotation.id,
                "turn_id": turn.id if turn else False,
                "explanation": note,
                "registered_by_id": self.env.user.id,
            }
        )
