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
        value = self.env.company.leasing_phone_first_caller
        return value if value in attribution_rules.PHONE_POLICIES else attribution_rules.ROTATION

    @api.model
    def _register_arrival(self, channel, values, rotation=None):
        """Register a prospect arriving by ``channel``; return the ``leasing.visit``.

        ``values``: contact_name, partner_name, phone, description, card_user (res.users),
        leadership (bool), overflow (bool), overflow_reason (text), source (utm.source),
        business_type (text), desired_area (number). ``rotation``: the day's table,
        today's unless given (the demo data replays past days on their own tables).
        """
        rotation = rotation or self.env["leasing.rotation"]._get_for_today()
        # Each mall keeps its own prospects, rotation and credit: the arrival is registered
        # in the mall of its rotation table, whichever mall the clerk last switched to.
        mall = self.with_company(rotation.company_id)
        rotation._lock_for_registration()
        lead, phone_key, decision, by_phone = mall._decide_arrival(channel, values, rotation)
        if decision.attribution is None:
            raise UserError(self._refusal(decision.rule))
        reason = (values.get("overflow_reason") or "").strip()
        # From here on every stored text (turn, explanation, chatter) is in the office's
        # language, whoever registers; the visit is handed back in the caller's.
        engine = mall.with_env(office_env(mall.env))
        rotation = rotation.with_env(engine.env)
        # The names of the agents on duty and of the clerk (the explanation, the chatter's
        # author) in one read of each table, not one per person; as superuser, as the names
        # are read for the office's own texts (no access rule to look up for them).
        people = rotation.line_ids.user_id | (decision.agent or engine.env.user) | engine.env.user
        people.sudo().mapped("partner_id.name")
        turn = rotation._take_turn() if decision.take_turn else engine.env["leasing.rotation.turn"]
        agent = turn.line_id.user_id if turn else (decision.agent or engine.env["res.users"])
        if decision.rule == "key_account":
            # The key-account department is not in the rotation: its member receives.
            receiver, on_behalf = agent or engine.env.user, False
        else:
            receiver, on_behalf = engine._receiver_for(agent, rotation)
        note = engine._explain(decision.rule, agent, receiver, on_behalf, turn, reason)
        source = engine._source_for(channel, values)
        if lead:
            if not lead.active:
                lead.sudo().active = True
            if not lead.source_id and source:
                lead.sudo().source_id = source
        else:
            lead = engine._link_or_create_lead(
                values, phone_key, decision.attribution, agent, note, source, by_phone
            )
        visit = engine._create_visit(
            lead,
            {
                "channel": channel,
                "source_id": source.id,
                "business_type": (values.get("business_type") or "").strip() or False,
                "desired_area": values.get("desired_area") or 0.0,
                # A prospect created just now has no visit: its count is not read.
                "visit_kind": "first"
                if lead.env.context.get("leasing_created") or not lead.visit_count
                else "returning",
                "received_user_id": receiver.id,
                "credited_user_id": agent.id,
                "on_behalf": on_behalf,
                "attribution_type": decision.attribution
                if decision.attribution in ("filed", "key_account")
                else lead.attribution_type,
                "rotation_id": rotation.id,
                "turn_id": turn.id,
                "explanation": note,
                "overflow_reason": reason if decision.rule == "overflow" else False,
            },
        )
        if turn:
            turn._write_guarded({"lead_id": lead.id, "visit_id": visit.id})
        if visit.visit_kind == "returning" and channel == "walk_in":
            engine._mark_second_visit(lead)
        return visit.with_env(self.env)

    @api.model
    def _preview_arrival(self, channel, values):
        """Who would receive this arrival now and why, in plain words; nothing is written
        (no turn, no lock, no lapsed filing released)."""
        rotation = self.env["leasing.rotation"]._get_for_today()
        _lead, _key, decision, _by_phone = self._decide_arrival(
            channel, values, rotation, release=False
        )
        if decision.attribution is None:
            return self._refusal(decision.rule)
        if decision.take_turn:
            return rotation._board_next_up()["reason"]
        agent = decision.agent or self.env["res.users"]
        receiver, on_behalf = self._receiver_for(agent, rotation)
        reason = (values.get("overflow_reason") or "").strip()
        return self._explain(
            decision.rule, agent, receiver, on_behalf, self.env["leasing.rotation.turn"], reason
        )

    @api.model
    def _decide_arrival(self, channel, values, rotation, release=True):
        """The matched prospect, its phone key, the rules' :class:`Decision` and the phone's
        matches (``crm.lead._leasing_phone_matches``: both look-ups by phone in one query,
        kept for the link to a lead known outside the office), None without a phone.

        With ``release`` False nothing is written: a lapsed filing is only read as lapsed.
        """
        Lead = self.env["crm.lead"]
        phone_key = normalize_phone(values.get("phone"), Lead._leasing_phone_region())
        by_phone = Lead._leasing_phone_matches(phone_key) if phone_key else None
        lead = Lead._leasing_find_returning(
            phone_key, values.get("partner_name"), by_phone=by_phone
        )
        filing = (
            lead._leasing_protected_filing(release=release)
            if lead
            else self.env["leasing.prospect.filing"]
        )
        card = values.get("card_user") or self.env["res.users"]
        arrival = attribution_rules.Arrival(
            channel=channel,
            known=bool(lead),
            credited=lead.attributed_user_id or None,
            filed_by=filing.user_id or None,
            card_holder=card or None,
            leadership=bool(values.get("leadership")),
            overflow=bool(values.get("overflow")),
            overflow_reason=bool((values.get("overflow_reason") or "").strip()),
            available=bool(rotation._peek_next_turn()),
            phone_first=self._phone_first_policy(),
            transferred=bool(lead.key_account_transferred),
            key_account=(lead.key_account_transferred and lead._leasing_key_account_receiver())
            or None,
        )
        return lead, phone_key, attribution_rules.decide(arrival), by_phone

    @api.model
    def _source_for(self, channel, values):
        """The source channel (utm.source) of this contact: as picked, the channel's own
        when none is, leadership's for a leadership referral left on the channel's own."""
        channel_source = self._office_source(channel)
        source = values.get("source") or channel_source
        if values.get("leadership") and source == channel_source:
            source = self._office_source("leadership") or source
        return source

    @api.model
    def _office_source(self, key):
        """The office's own UTM source ``key`` (walk_in, phone, agent_own, leadership…), read
        from the cached xmlid (no query on the registration's path); empty if deleted."""
        source_id = self.env["ir.model.data"]._xmlid_to_res_id(
            f"leasing_office.utm_source_{key}", raise_if_not_found=False
        )
        return self.env["utm.source"].browse(source_id or ())

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
        if rule == "key_account":
            return self.env._(
                "Key-account department: big account transferred to the key-account "
                "department, which receives it (never a leasing agent); received by "
                "%(receiver)s; no turn used",
                receiver=clerk,
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

    def _link_or_create_lead(
        self, values, phone_key, attribution, agent, note, source, by_phone=None
    ):
        """Credit the CRM lead already known by phone (imported, e-mailed, stock CRM), or
        create the prospect credited. ``by_phone``: the phone's matches, read under the
        registration's lock before the decision (nothing has changed the leads since)."""
        Lead = self.env["crm.lead"]
        lead, partner = Lead._leasing_find_unattributed(
            phone_key, values.get("partner_name"), by_phone=by_phone
        )
        if lead:
            lead._leasing_set_attribution(attribution, agent, note)
            if not lead.source_id and source:
                lead.sudo().source_id = source
            return lead
        # Front desk does not follow every prospect it registers; the credited agent does,
        # without an assignment e-mail: the agent is at the desk when the turn is given.
        # Stock CRM's lead enrichment works from a lead's e-mail address: a prospect
        # registered at the desk has none, so its creation does not wake the enrichment job
        # (``ir.cron._trigger``; the job still runs at its own interval).
        Lead = Lead._with_gate().with_context(
            mail_create_nosubscribe=True,
            mail_auto_subscribe_no_notify=True,
            leasing_no_enrichment=True,
        )
        company = normalize_company_name(values.get("partner_name"))
        created = Lead.create(
            {
                "name": company or values.get("contact_name"),
                "type": "opportunity",
                "contact_name": values.get("contact_name"),
                "partner_name": company or False,
                "partner_id": partner.id,
                "phone": (values.get("phone") or "").strip(),
                "description": values.get("description"),
                "source_id": source.id,
                "company_id": self.env.company.id,
                **Lead._leasing_attribution_vals(attribution, agent, note),
            }
        )
        return created.with_context(leasing_created=True)

    def _mark_second_visit(self, lead):
        """複訪: a prospect still at its first stage (初訪) who walks in again moves to the
        second (a prospect further on, lost or outside the office's pipeline stays).

        One stage read beside the registration's own writes: the stages come from cached
        xmlids, the move is written with the visit count, untracked (the visit itself is the
        record), and predictive scoring (a figure the office's pipeline does not show) is not
        recomputed for it."""
        Lead = self.env["crm.lead"]
        first = Lead._leasing_record("crm.stage", "leasing_office.crm_stage_leasing_first_visit")
        second = Lead._leasing_record("crm.stage", "leasing_office.crm_stage_leasing_second_visit")
        if not (first and second and lead.active and lead.stage_id == first):
            return
        lead = lead.sudo().with_context(leasing_keep_probability=True, mail_notrack=True)
        lead.stage_id = second
        lead._recompute_recordset(["automated_probability", "probability"])

    def _create_visit(self, lead, vals):
        # The visit's own chatter starts empty: the prospect's chatter tells the story.
        Visit = (
            self.env["leasing.visit"]
            ._with_gate()
            .with_context(
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                leasing_new_prospect=bool(lead.env.context.get("leasing_created")),
            )
        )
        return Visit.create({"lead_id": lead.id, "registered_by_id": self.env.user.id, **vals})
