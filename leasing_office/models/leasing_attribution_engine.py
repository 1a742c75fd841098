from odoo import api, models
from odoo.exceptions import UserError

from . import attribution_rules
from .company_name import normalize_company_name
from .office_lang import office_env
from .phone_key import normalize_phone


class LeasingAttributionEngine(models.AbstractModel):
    """Applies the office's attribution rules (``attribution_rules.decide``) to one arrival.

    Every channel (walk-in, phone inquiry) calls :meth:`_register_arrival`: it finds the
    prospect, decides the credit, takes the rotation turn when the rules use one, and
    writes the prospect, the contact record (``leasing.visit``) and the turn through the
    guard's gate. Callers check who is calling and what was typed; nothing else writes
    credit.
    """

    _name = "leasing.attribution.engine"
    _description = "Leasing Attribution Engine"

    @api.model
    def _phone_first_policy(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("leasing_office.phone_first_caller", attribution_rules.ROTATION)
        )
        return value if value in attribution_rules.PHONE_POLICIES else attribution_rules.ROTATION

    @api.model
    def _register_arrival(self, channel, values):
        """Register a prospect arriving by ``channel``; return the ``leasing.visit``.

        ``values``: contact_name, partner_name, phone, description, card_user (res.users),
        leadership (bool), overflow (bool), overflow_reason (text).
        """
        rotation = self.env["leasing.rotation"]._get_for_today()
        rotation._lock_for_registration()
        Lead = self.env["crm.lead"]
        phone_key = normalize_phone(values.get("phone"), Lead._leasing_phone_region())
        lead = Lead._leasing_find_returning(phone_key, values.get("partner_name"))
        filing = lead._leasing_protected_filing() if lead else self.env["leasing.prospect.filing"]
        card = values.get("card_user") or self.env["res.users"]
        reason = (values.get("overflow_reason") or "").strip()
        arrival = attribution_rules.Arrival(
            channel=channel,
            known=bool(lead),
            credited=lead.attributed_user_id or None,
            filed_by=filing.user_id or None,
            card_holder=card or None,
            leadership=bool(values.get("leadership")),
            overflow=bool(values.get("overflow")),
            overflow_reason=bool(reason),
            available=bool(rotation._peek_next_turn()),
            phone_first=self._phone_first_policy(),
        )
        decision = attribution_rules.decide(arrival)
        if decision.attribution is None:
            raise UserError(self._refusal(decision.rule))
        # From here on every stored text (turn, explanation, chatter) is in the office's
        # language, whoever registers; the visit is handed back in the caller's.
        engine = self.with_env(office_env(self.env))
        rotation = rotation.with_env(engine.env)
        turn = rotation._take_turn() if decision.take_turn else engine.env["leasing.rotation.turn"]
        agent = turn.line_id.user_id if turn else (decision.agent or engine.env["res.users"])
        receiver, on_behalf = engine._receiver_for(agent, rotation)
        note = engine._explain(decision.rule, agent, receiver, on_behalf, turn, reason)
        if lead:
            if not lead.active:
                lead.sudo().active = True
        else:
            lead = engine._link_or_create_lead(values, phone_key, decision.attribution, agent, note)
        visit = engine._create_visit(
            lead,
            {
                "channel": channel,
                "visit_kind": "returning" if lead.visit_count else "first",
                "received_user_id": receiver.id,
                "credited_user_id": agent.id,
                "on_behalf": on_behalf,
                "attribution_type": decision.attribution
                if decision.attribution == "filed"
                else lead.attribution_type,
                "rotation_id": rotation.id,
                "turn_id": turn.id,
                "explanation": note,
                "overflow_reason": reason if decision.rule == "overflow" else False,
            },
        )
        if turn:
            turn._write_guarded({"lead_id": lead.id, "visit_id": visit.id})
        return visit.with_env(self.env)

    # ------------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------------

    def _refusal(self, rule):
        if rule == "refused_overflow":
            return self.env._(
                "An agent of today's rotation is available: send the prospect to them, or "
                "write why front desk receives the prospect for the public pool."
            )
        return self.env._(
            "No agent in today's rotation is available. Wait for an agent to be free, "
            "or tick 'No Agent Could Receive' to receive the prospect yourself for the "
            "public pool."
        )

    def _explain(self, rule, agent, receiver, on_behalf, turn, reason):
        """The decision in plain words, in the clerk's language."""
        note = turn.explanation if rule == "rotation" else self._explain_rule(rule, agent, receiver)
        if rule == "overflow" and reason:
            note = self.env._(
                "Public pool: received by %(clerk)s, who wrote why: %(reason)s",
                clerk=receiver.name,
                reason=reason,
            )
        if on_behalf:
            note += self.env._(
                "; received by %(clerk)s on %(agent)s's behalf (not on duty)",
                clerk=receiver.name,
                agent=agent.name,
            )
        return note

    def _explain_rule(self, rule, agent, receiver):
        agent, clerk = agent.name, receiver.name
        if rule == "filed":
            return self.env._(
                "%(agent)s: agent's own prospect, filed by %(agent)s; no turn used", agent=agent
            )
        if rule == "returning":
            return self.env._(
                "%(agent)s: returning prospect first received by %(agent)s; no turn used",
                agent=agent,
            )
        if rule == "returning_public":
            return self.env._(
                "Public pool: returning prospect of the public pool; received by %(clerk)s",
                clerk=clerk,
            )
        if rule == "card":
            return self.env._(
                "%(agent)s: prospect holds %(agent)s's business card or flyer; no turn used",
                agent=agent,
            )
        if rule == "leadership":
            return self.env._(
                "Public pool: first reached the company through leadership; received by %(clerk)s",
                clerk=clerk,
            )
        if rule == "phone_public":
            return self.env._(
                "Public pool: first-time caller (the office credits first calls to the "
                "public pool); taken by %(clerk)s",
                clerk=clerk,
            )
        return self.env._(
            "Public pool: no agent could receive in time; received by %(clerk)s", clerk=clerk
        )

    def _receiver_for(self, agent, rotation):
        """Who receives a prospect credited to ``agent``: the agent if on duty, else the clerk."""
        on_duty = rotation.line_ids.filtered(
            lambda line: line.user_id == agent and line.status != "leave"
        )
        if not agent or on_duty:
            return agent or self.env.user, False
        return self.env.user, True

    def _link_or_create_lead(self, values, phone_key, attribution, agent, note):
        """Credit the CRM lead already known by phone, or create the prospect credited."""
        Lead = self.env["crm.lead"]
        lead, partner = Lead._leasing_find_unattributed(phone_key, values.get("partner_name"))
        if lead:
            lead._leasing_set_attribution(attribution, agent, note)
            return lead
        # Front desk does not follow every prospect it registers; the credited agent does,
        # without an assignment e-mail: the agent is at the desk when the turn is given.
        Lead = Lead._with_gate().with_context(
            mail_create_nosubscribe=True, mail_auto_subscribe_no_notify=True
        )
        company = normalize_company_name(values.get("partner_name"))
        return Lead.create(
            {
                "name": company or values.get("contact_name"),
                "type": "opportunity",
                "contact_name": values.get("contact_name"),
                "partner_name": company or False,
                "partner_id": partner.id,
                "phone": (values.get("phone") or "").strip(),
                "description": values.get("description"),
                **Lead._leasing_attribution_vals(attribution, agent, note),
            }
        )

    def _create_visit(self, lead, vals):
        # The visit's own chatter starts empty: the prospect's chatter tells the story.
        Visit = (
            self.env["leasing.visit"]
            ._with_gate()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        )
        return Visit.create({"lead_id": lead.id, "registered_by_id": self.env.user.id, **vals})
