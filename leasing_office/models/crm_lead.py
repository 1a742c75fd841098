from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from . import office_clock
from .company_name import ilike_literal, normalize_company_name
from .name_key import compact_id, id_key, name_key, to_simplified
from .office_lang import office_env
from .phone_key import normalize_phone

ATTRIBUTION_TYPES = [
    ("rotation", "Rotation Turn"),
    ("card", "Business Card / Flyer"),
    ("returning", "Returning Prospect"),
    ("public", "Public Pool"),
    ("leadership", "Leadership Referral"),
    ("filed", "Agent's Own Prospect"),
    ("key_account", "Key-account Department"),
]


# Who may read the office's records linked to a prospect. CRM users outside the office never
# see these fields, so opening any lead needs no right on the office's models.
LEASING_USERS = (
    "leasing_office.group_leasing_frontdesk,"
    "leasing_office.group_leasing_agent,"
    "leasing_office.group_leasing_keyaccount"
)
LEASING_AGENTS = "leasing_office.group_leasing_agent"


# Fields that decide who gets the credit for a prospect. They only change through the
# attribution engine (walk-in registration, the manager's attribution change, a dispute
# decision, a key-account transfer), which writes them through the guard's gate and logs
# every change; a direct write gets the attribution message rather than the generic one.
ATTRIBUTION_FIELDS = frozenset(
    {"attribution_type", "attributed_user_id", "user_id", "is_public", "key_account_transferred"}
)
# Stock fields that, on a prospect of the office, only the office's actions change.
LEASING_OWNED_FIELDS = frozenset({"user_id", "team_id"})


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "leasing.guard.mixin"]

    attribution_type = fields.Selection(
        ATTRIBUTION_TYPES, string="Attribution", readonly=True, tracking=True, index=True
    )
    attributed_user_id = fields.Many2one(
        "res.users",
        string="Credited Agent",
        readonly=True,
        tracking=True,
        index=True,
        help="The leasing agent who gets the credit for this prospect; empty for the "
        "department's public pool.",
    )
    is_public = fields.Boolean(
        string="Public Pool",
        compute="_compute_is_public",
        store=True,
        help="Credited to the department (公共業績), to no agent.",
    )
    attribution_note = fields.Char(
        string="Why This Agent", readonly=True, help="How the credit was decided, in plain words."
    )
    leasing_phone_key = fields.Char(
        string="Normalized Phone",
        compute="_compute_leasing_phone_key",
        store=True,
        index="btree_not_null",
    )
    leasing_name_key = fields.Char(
        string="Name Key",
        compute="_compute_leasing_name_key",
        store=True,
        index="btree_not_null",
        help="Company name (else contact name) as compared by the office: Simplified and "
        "Traditional alike, without legal form, case or spacing.",
    )
    leasing_search_key = fields.Char(
        string="Search Key",
        compute="_compute_leasing_search_key",
        store=True,
        help="Prospect, contact and company names in Simplified characters and lower case, "
        "so that 張偉 finds 张伟 and the other way round.",
    )
    leasing_name_search = fields.Char(
        string="Name (Simplified or Traditional)",
        compute="_compute_leasing_name_search",
        search="_search_leasing_name_search",
    )
    leasing_license_no = fields.Char(string="Business Licence No.")
    leasing_wechat_id = fields.Char(string="WeChat ID")
    leasing_filing_ids = fields.One2many(
        "leasing.prospect.filing", "lead_id", string="Filings", groups=LEASING_AGENTS
    )
    visit_ids = fields.One2many("leasing.visit", "lead_id", string="Visits", groups=LEASING_USERS)
    visit_count = fields.Integer(compute="_compute_visit_count", store=True)
    big_account_ids = fields.One2many(
        "leasing.big.account",
        "lead_id",
        string="Big-account Registrations",
        groups="leasing_office.group_leasing_agent,leasing_office.group_leasing_keyaccount",
    )
    # Set only by the manager's transfer of an approved registration (大客戶登記表).
    key_account_transferred = fields.Boolean(
        string="Transferred to Key Accounts", readonly=True, tracking=True
    )
    is_big_account = fields.Boolean(
        string="Big Account",
        compute="_compute_is_big_account",
        store=True,
        help="Transferred to the key-account department after the manager approved its "
        "big-account registration.",
    )
    attribution_log_ids = fields.One2many(
        "leasing.attribution.log", "lead_id", string="Attribution Changes", groups=LEASING_AGENTS
    )
    dispute_ids = fields.One2many(
        "leasing.attribution.dispute", "lead_id", string="Disputes", groups=LEASING_AGENTS
    )
    help_request_ids = fields.One2many(
        "leasing.help.request", "lead_id", string="Requests for Help", groups=LEASING_AGENTS
    )
    info_sent_ids = fields.One2many(
        "leasing.info.sent", "lead_id", string="Information Given", groups=LEASING_AGENTS
    )

    @api.depends("attribution_type", "attributed_user_id")
    def _compute_is_public(self):
        for lead in self:
            lead.is_public = bool(lead.attribution_type) and not lead.attributed_user_id

    @api.depends("key_account_transferred")
    def _compute_is_big_account(self):
        for lead in self:
            lead.is_big_account = lead.key_account_transferred

    @api.depends("phone")
    def _compute_leasing_phone_key(self):
        region = self._leasing_phone_region()
        for lead in self:
            lead.leasing_phone_key = normalize_phone(lead.phone, region)

    @api.depends("partner_name", "contact_name")
    def _compute_leasing_name_key(self):
        for lead in self:
            lead.leasing_name_key = name_key(lead.partner_name or lead.contact_name)

    @api.depends("name", "partner_name", "contact_name")
    def _compute_leasing_search_key(self):
        for lead in self:
            names = filter(None, (lead.name, lead.contact_name, lead.partner_name))
            lead.leasing_search_key = to_simplified(" | ".join(names)).casefold() or False

    def _compute_leasing_name_search(self):
        self.leasing_name_search = False

    def _search_leasing_name_search(self, operator, value):
        if operator not in ("ilike", "=ilike", "=") or not isinstance(value, str):
            return NotImplemented
        return [("leasing_search_key", "ilike", to_simplified(value.strip()).casefold())]

    @api.model
    def _leasing_phone_region(self):
        """Country whose numbering plan applies to numbers typed without a country code."""
        return self.env.company.leasing_phone_region

    @api.depends("visit_ids.state")
    def _compute_visit_count(self):
        counts = dict(
            self.env["leasing.visit"]._read_group(
                [("lead_id", "in", self.ids), ("state", "=", "done")], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.visit_count = counts.get(lead, 0)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        origin = self._leasing_origin()
        if origin == "hand":
            # Guarded values are refused first, with the guard's own message.
            self._check_guarded_create(vals_list)
            for vals in vals_list:
                self._leasing_check_hand_made(vals)
        leads = super().create(vals_list)
        if origin == "import":
            leads._leasing_hold_public(self.env._("imported by %(user)s", user=self.env.user.name))
        elif origin == "hand":
            leads._leasing_file_hand_made()
        return leads

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        # An e-mail to the office's alias is a prospect of the office, public until its first
        # contact; e-mails to other teams' aliases stay stock CRM leads.
        gateway = self.with_context(leasing_mail_gateway=True)
        lead = super(CrmLead, gateway).message_new(msg_dict, custom_values=custom_values)
        office_team = self.env.ref("leasing_office.crm_team_leasing", False)
        if office_team and lead.team_id == office_team and not lead.attribution_type:
            lead._leasing_hold_public(self.env._("e-mailed to the office"))
        return lead

    def write(self, vals):
        self._check_guarded_write(vals)
        if not (self._gate_is_open() or self.env.su):
            self._check_public_pool_write()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_visited(self):
        # As superuser: a sales manager outside the office may delete leads without any
        # right on the office's visits.
        if any(lead.visit_ids for lead in self.sudo()):
            raise UserError(
                self.env._(
                    "A prospect who visited the leasing office is never deleted. "
                    "Archive it instead."
                )
            )

    def _guarded_on_write(self, vals):
        # On a prospect of the office, the salesperson and team follow the credit too.
        guarded = super()._guarded_on_write(vals)
        if self.filtered("attribution_type"):
            guarded |= LEASING_OWNED_FIELDS.intersection(vals)
        return guarded

    def _check_guarded_vals(self, names):
        if names & ATTRIBUTION_FIELDS:
            raise AccessError(self._attribution_locked_message())
        return super()._check_guarded_vals(names)

    def _check_public_pool_write(self):
        if self.env.user.has_group("leasing_office.group_leasing_manager"):
            return
        if any(lead.is_public for lead in self):
            raise AccessError(self.env._("Public-pool prospects are read-only for leasing agents."))

    def _attribution_locked_message(self):
        return self.env._(
            "Attribution cannot be edited directly. The leasing manager changes it with "
            "'Change Attribution' (a written reason is required); agents raise a dispute."
        )

    # ------------------------------------------------------------------
    # PROSPECTS CREATED OUTSIDE THE ENGINE
    # ------------------------------------------------------------------

    @api.model
    def _leasing_origin(self):
        """How a prospect is being created outside the office's own actions: ``import``
        (office staff importing a list), ``hand`` (a leasing agent entering it in the CRM: it
        is filed as the agent's own prospect), or empty (stock CRM, left as it is)."""
        context = self.env.context
        if self._gate_is_open() or self.env.su or context.get("leasing_mail_gateway"):
            return ""
        user = self.env.user
        if context.get("import_file"):
            staff = user.has_group("leasing_office.group_leasing_frontdesk")
            return "import" if staff or user._is_leasing_agent() else ""
        # The manager and leadership are agents by implication, but what they receive is the
        # department's (rule 4, rule 5): their hand-made leads stay stock CRM leads, credited
        # by the rules at the first contact.
        manager = user.has_group("leasing_office.group_leasing_manager")
        return "hand" if user._is_leasing_agent() and not manager else ""

    @api.model
    def _leasing_filing_vals(self, vals):
        """A filing (客戶報備) of the prospect described by crm.lead ``vals``."""
        own = self.env["leasing.attribution.engine"]._office_source("agent_own")
        return {
            "contact_name": vals.get("contact_name") or vals.get("name"),
            "partner_name": vals.get("partner_name"),
            "phone": vals.get("phone"),
            "license_no": vals.get("leasing_license_no"),
            "wechat_id": vals.get("leasing_wechat_id"),
            "source_id": vals.get("source_id") or own.id,
        }

    @api.model
    def _leasing_check_hand_made(self, vals):
        """Refuse, before anything is created, a prospect an agent could not file."""
        partner_id = vals.get("partner_id")
        if not vals.get("phone") and isinstance(partner_id, int) and partner_id:
            # The lead takes its contact's phone.
            vals = {**vals, "phone": self.env["res.partner"].browse(partner_id).phone}
        if not isinstance(vals.get("phone") or "", str) or not (vals.get("phone") or "").strip():
            raise ValidationError(
                self.env._(
                    "A prospect you enter yourself is filed as your own prospect (客戶報備): "
                    "enter its phone, by which the office recognises it, or use Own "
                    "Prospects > New."
                )
            )
        filing = self.env["leasing.prospect.filing"].new(self._leasing_filing_vals(vals))
        filing._check_can_file()
        # The prospect does not exist yet: any match is someone else's (or public).
        filing._find_duplicate_or_own()

    def _leasing_file_hand_made(self):
        """File each prospect an agent entered by hand as the agent's own (客戶報備)."""
        Filing = self.env["leasing.prospect.filing"]
        for lead in self:
            vals = {name: lead[name] for name in ("name", "contact_name", "partner_name", "phone")}
            vals.update(
                leasing_license_no=lead.leasing_license_no,
                leasing_wechat_id=lead.leasing_wechat_id,
                source_id=lead.source_id.id,
            )
            Filing.create(self._leasing_filing_vals(vals)).action_file()

    def _leasing_hold_public(self, how):
        """Imported and e-mailed prospects: public until the engine credits their first contact."""
        note = self.env._(
            "Public pool until its first contact (%(how)s): the office's rules credit it when "
            "it first walks in or calls.",
            how=how,
        )
        self._leasing_set_attribution("public", self.env["res.users"], note)

    # ------------------------------------------------------------------
    # ATTRIBUTION ENGINE
    # ------------------------------------------------------------------

    @api.model
    def _leasing_known_domain(self):
        """Prospects the office already knows: credited and visited, filed or transferred."""
        return [
            ("attribution_type", "!=", False),
            "|",
            "|",
            ("visit_count", ">", 0),
            ("leasing_filing_ids", "!=", False),
            ("key_account_transferred", "=", True),
        ]

    @api.model
    def _leasing_phone_matches(self, phone_key):
        """Both look-ups of an arrival by phone in one query: ``(returning, uncredited)``,
        the prospect :meth:`_leasing_find_returning` finds by this phone and the lead
        :meth:`_leasing_find_unattributed` finds by it; ``uncredited`` is None when several
        leads could be it (its own search then orders them)."""
        Lead = self.sudo().with_context(active_test=False)
        query = Lead._search([("leasing_phone_key", "=", phone_key)], order="active desc, id")
        known, uncredited = (
            Domain(domain).optimize_full(Lead)._to_sql(Lead, query.table, query)
            for domain in (
                self._leasing_known_domain(),
                [("active", "=", True), *self._leasing_uncredited_domain()],
            )
        )
        rows = self.env.execute_query(
            query.select(SQL.identifier(query.table, "id"), known, uncredited)
        )
        returning = next((lead_id for lead_id, is_known, _free in rows if is_known), None)
        free = [lead_id for lead_id, _known, is_free in rows if is_free]
        return (
            Lead.browse(returning or ()),
            self.sudo().browse(free) if len(free) <= 1 else None,
        )

    @api.model
    def _leasing_find_returning(self, phone_key, partner_name, by_phone=None):
        """Return the leasing prospect already known by phone key or company name.
        ``by_phone``: the answer of :meth:`_leasing_phone_matches` for this phone, if asked."""
        Lead = self.sudo().with_context(active_test=False)
        known = self._leasing_known_domain()
        order = "active desc, id"
        if phone_key:
            if by_phone is not None:
                lead = by_phone[0]
            else:
                lead = Lead.search(
                    [("leasing_phone_key", "=", phone_key), *known], order=order, limit=1
                )
            if lead:
                return lead
        name = normalize_company_name(partner_name)
        if name:
            return Lead.search(
                [
                    *known,
                    "|",
                    ("partner_name", "=ilike", ilike_literal(name)),
                    ("partner_id.commercial_company_name", "=ilike", ilike_literal(name)),
                ],
                order=order,
                limit=1,
            )
        return Lead

    @api.model
    def _leasing_find_unattributed(self, phone_key, partner_name, by_phone=None):
        """Return a CRM lead or contact known outside the leasing office (stock CRM, or held
        public until its first contact: imported, e-mailed), to link to. ``by_phone``: the
        answer of :meth:`_leasing_phone_matches` for this phone, if asked."""
        if phone_key:
            if by_phone is not None and by_phone[1] is not None:
                lead = by_phone[1]
            else:
                lead = self.sudo().search(
                    [("leasing_phone_key", "=", phone_key), *self._leasing_uncredited_domain()],
                    limit=1,
                )
            if lead:
                return lead, lead.partner_id
        partner = self.env["res.partner"]
        name = normalize_company_name(partner_name)
        if name:
            partner = partner.sudo().search(
                [("is_company", "=", True), ("name", "=ilike", ilike_literal(name))], limit=1
            )
        return self.browse(), partner

    @api.model
    def _leasing_uncredited_domain(self):
        """Prospects no contact credited yet: unknown to the office, or held public since
        they were imported or e-mailed and never walked in, called or were filed."""
        return [
            "|",
            ("attribution_type", "=", False),
            "&",
            "&",
            ("attribution_type", "=", "public"),
            ("visit_count", "=", 0),
            ("leasing_filing_ids", "=", False),
        ]

    @api.model
    def _leasing_find_any(self, phone_key, names=(), license_no=None, wechat_id=None):
        """Every prospect, archived too, matching any of the keys (for filing's duplicates)."""
        criteria = []
        if phone_key:
            criteria.append([("leasing_phone_key", "=", phone_key)])
        keys = [key for key in map(name_key, names) if key]
        if keys:
            criteria.append([("leasing_name_key", "in", keys)])
        for field, value in (("leasing_license_no", license_no), ("leasing_wechat_id", wechat_id)):
            if id_key(value):
                criteria.append([(field, "=ilike", ilike_literal(compact_id(value)))])
        if not criteria:
            return self.browse()
        return self.sudo().with_context(active_test=False).search(Domain.OR(criteria))

    def _leasing_protected_filing(self, release=True):
        """The filing that still protects this prospect for its agent, if any. A lapsed
        filing is released on the way, unless ``release`` is False (a preview)."""
        self.ensure_one()
        if self.attribution_type != "filed":
            return self.env["leasing.prospect.filing"]
        filings = self.sudo().leasing_filing_ids.filtered(lambda f: f.state == "protected")
        if not release:
            return filings.filtered(
                lambda f: f._is_protected_on(office_clock.office_today(self.env))
            )[:1]
        filings._release_if_lapsed()
        return filings.filtered(lambda f: f.state == "protected")[:1]

    @api.model
    def _leasing_attribution_vals(self, attribution_type, user, note):
        """Values of a credit; ``user`` is empty for the public pool."""
        return {
            "attribution_type": attribution_type,
            "attributed_user_id": user.id,
            "user_id": user.id,
            "team_id": self._leasing_team().id,
            "attribution_note": note,
        }

    def _leasing_set_attribution(self, attribution_type, user, note):
        """Apply a new credit (engine only); a transferred big account keeps its team."""
        vals = self._leasing_attribution_vals(attribution_type, user, note)
        if self.key_account_transferred:
            del vals["team_id"]
        elif vals["team_id"] and not self.stage_id.team_ids & self._leasing_team():
            vals["stage_id"] = self._stage_find(team_id=vals["team_id"]).id
        self._write_guarded(vals)

    # ------------------------------------------------------------------
    # PIPELINE
    # ------------------------------------------------------------------

    @api.model
    def _leasing_team(self):
        # The cached xmlid, without env.ref's existence query (a deleted team loses its xmlid).
        return self._leasing_record("crm.team", "leasing_office.crm_team_leasing")

    @api.model
    def _leasing_record(self, model, xmlid):
        return self.env[model].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(xmlid, raise_if_not_found=False) or ()
        )

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        # The office's prospects use only the office's stages, never the stock sales ones.
        team = self._leasing_team()
        teams = self.env["crm.team"].browse(team_id) if team_id else self.team_id
        if team and teams == team:
            domain = [("team_ids", "in", team.ids), *(domain or [])]
            return self.env["crm.stage"].search(domain, order=order, limit=limit)
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team = self._leasing_team()
        if not (team and self.env.context.get("leasing_pipeline")):
            return super()._read_group_stage_ids(stages, domain)
        search = ["|", ("id", "in", stages.ids), ("team_ids", "in", team.ids)]
        return stages.browse(stages.sudo()._search(search, order=stages._order))

    def _leasing_advance_stage(self, step):
        """Move the office's open prospects forward to ``step`` after an event (a deposit,
        a contract); a prospect already further on stays where it is."""
        stage = self._leasing_record("crm.stage", f"leasing_office.crm_stage_leasing_{step}")
        if not stage:
            return
        for lead in self.sudo().filtered(lambda rec: rec.active and rec.team_id in stage.team_ids):
            current = lead.stage_id
            if not current.team_ids & stage.team_ids or current.sequence < stage.sequence:
                lead.stage_id = stage

    def _leasing_change_attribution(self, user, reason, source, attribution_type=None):
        """Move the credit to ``user`` (or the public pool when empty), with a logged reason."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("A written reason is mandatory to change attribution."))
        if user and not user._is_leasing_agent():
            raise UserError(self.env._("%(user)s is not a leasing agent.", user=user.display_name))
        new_type = attribution_type or (self.attribution_type if user else "public")
        log = self.env["leasing.attribution.log"]._create_guarded(
            {
                "lead_id": self.id,
                "from_type": self.attribution_type,
                "from_user_id": self.attributed_user_id.id,
                "to_type": new_type,
                "to_user_id": user.id,
                "reason": reason,
                "source": source,
            }
        )
        self._leasing_set_attribution(new_type, user, log.summary)
        return log

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_open_attribution_change(self):
        self.ensure_one()
        self.env.user._check_leasing_manager()
        self._leasing_check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Attribution"),
            "res_model": "leasing.attribution.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def action_register_big_account(self):
        """The credited agent opens the big-account registration form (大客戶登記表)."""
        self.ensure_one()
        self._leasing_check_access("write")
        self.env["leasing.big.account"]._check_registrant(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Big-account Registration"),
            "res_model": "leasing.big.account",
            "view_mode": "form",
            "context": {"default_lead_id": self.id},
        }

    def action_transfer_key_account(self):
        """Transfer the approved big-account registration of each prospect (大客戶部)."""
        self.env.user._check_leasing_manager()
        self._leasing_check_access("write")
        for lead in self:
            registration = lead.sudo().big_account_ids.filtered(
                lambda r: r.approval_state == "approved" and not r.transferred_at
            )
            if not registration:
                raise UserError(
                    self.env._(
                        "%(lead)s has no approved big-account registration; small and medium "
                        "prospects stay with the leasing office.",
                        lead=lead.display_name,
                    )
                )
            registration.with_env(self.env).action_transfer()
        return True

    def _leasing_transfer_key_account(self, team):
        """Hand the prospect to the key-account department (the registration's transfer)."""
        self.ensure_one()
        self._write_guarded(
            {"team_id": team.id, "user_id": team.user_id.id, "key_account_transferred": True}
        )
        self.sudo().message_post(
            body=office_env(self.env)._(
                "Transferred to the key-account department by %(manager)s.",
                manager=self.env.user.name,
            )
        )

    def _leasing_key_account_receiver(self):
        """Who of the key-account department receives this transferred prospect."""
        self.ensure_one()
        keyaccount = self.env.ref("leasing_office.group_leasing_keyaccount")
        user = self.user_id if keyaccount in self.user_id.all_group_ids else self.user_id.browse()
        return user or self.env.ref("leasing_office.crm_team_key_account").user_id

    def action_request_manager_help(self):
        """The credited agent asks the manager to assist on this prospect (a reason is
        required); the request is created when the dialog is saved."""
        self.ensure_one()
        self.env["leasing.help.request"]._check_may_ask(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask the Manager for Help"),
            "res_model": "leasing.help.request",
            "view_mode": "form",
            "views": [
                (self.env.ref("leasing_office.leasing_help_request_view_form_ask").id, "form")
            ],
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def _leasing_check_access(self, operation):
        """Refuse when the current user may not ``operation`` (read, write) every prospect
        of ``self``. Unlike the generic access error, the message names none of them."""
        if self and not self._origin.has_access(operation):
            raise AccessError(
                self.env._(
                    "You can only act on or refer to prospects you can see. Ask the "
                    "leasing manager, or raise a dispute by phone number."
                )
            )
