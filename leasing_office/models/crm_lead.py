from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from . import office_clock
from .company_name import ilike_literal, normalize_company_name
from .name_key import compact_id, id_key, name_key
from .phone_key import DEFAULT_REGION, normalize_phone

ATTRIBUTION_TYPES = [
    ("rotation", "Rotation Turn"),
    ("card", "Business Card / Flyer"),
    ("returning", "Returning Prospect"),
    ("public", "Public Pool"),
    ("leadership", "Leadership Referral"),
    ("filed", "Agent's Own Prospect"),
]

PROSPECT_CLASSES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]
# Days between follow-ups per class, unless configured (leasing_office.followup_days_<class>).
DEFAULT_FOLLOWUP_DAYS = {"a": 2, "b": 7, "c": 14, "d": 30}
# Field coverage: the first field visit is due this many days after the first contact, then
# every N days by class (leasing_office.field_first_days, leasing_office.field_days_<class>);
# a prospect without a class is visited as often as class D.
DEFAULT_FIELD_FIRST_DAYS = 7
DEFAULT_FIELD_DAYS = {"a": 14, "b": 30, "c": 60, "d": 90}

DEALER_LEVELS = [("provincial", "Provincial"), ("city", "City"), ("local", "Local")]
STRENGTHS = [("strong", "Strong"), ("medium", "Medium"), ("weak", "Weak")]
TIERS = [("1", "Tier 1"), ("2", "Tier 2"), ("3", "Tier 3")]
TIER_STATES = [
    ("none", "Not Assessed"),
    ("assigned", "Assigned by the Manager"),
    ("confirmed", "Confirmed by Leadership"),
]
# Default thresholds (tier 1, tier 2); each is a config parameter leasing_office.tier_<name>.
DEFAULT_THRESHOLDS = {
    "store_count": (5, 2),
    "store_size": (500.0, 150.0),
    "warehouse_area": (2000.0, 500.0),
    "capital_turnover": (10_000_000.0, 2_000_000.0),
}


def agent_domain(model):
    """Users who are leasing agents: the domain of every agent picker."""
    return [("all_group_ids", "in", model.env.ref("leasing_office.group_leasing_agent").ids)]


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
    _inherit = ["crm.lead", "leasing.guard.mixin"]

    _state_transitions = {
        "tier_state": {
            "assigned": ("none", "assigned", "confirmed"),
            "confirmed": ("assigned",),
        },
    }

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
    leasing_license_no = fields.Char(string="Business Licence No.")
    leasing_wechat_id = fields.Char(string="WeChat ID")
    leasing_filing_ids = fields.One2many(
        "leasing.prospect.filing", "lead_id", string="Filings", groups=LEASING_AGENTS
    )
    visit_ids = fields.One2many("leasing.visit", "lead_id", string="Visits", groups=LEASING_USERS)
    visit_count = fields.Integer(compute="_compute_visit_count", store=True)
    is_big_account = fields.Boolean(
        string="Big Account", tracking=True, help="Flag for the manager to review a transfer."
    )
    key_account_transferred = fields.Boolean(
        string="Transferred to Key Accounts", readonly=True, tracking=True
    )
    attribution_log_ids = fields.One2many(
        "leasing.attribution.log", "lead_id", string="Attribution Changes", groups=LEASING_AGENTS
    )
    dispute_ids = fields.One2many(
        "leasing.attribution.dispute", "lead_id", string="Disputes", groups=LEASING_AGENTS
    )
    prospect_class = fields.Selection(
        PROSPECT_CLASSES,
        string="Follow-up Class",
        tracking=True,
        help="A/B/C/D priority; the class sets how often a follow-up is due.",
    )
    last_contact_date = fields.Date(compute="_compute_last_contact_date", store=True)
    next_followup_due = fields.Date(compute="_compute_next_followup_due", store=True, index=True)
    call_log_ids = fields.One2many(
        "leasing.call.log", "lead_id", string="Calls", groups=LEASING_AGENTS
    )
    field_visit_line_ids = fields.One2many(
        "leasing.field.visit.log.line", "lead_id", string="Field Visits", groups=LEASING_AGENTS
    )
    info_sent_ids = fields.One2many(
        "leasing.info.sent", "lead_id", string="Information Given", groups=LEASING_AGENTS
    )
    field_visit_count = fields.Integer(
        compute="_compute_field_visit_count", store=True, string="Field Visits Made"
    )
    last_field_visit_date = fields.Date(
        string="Last Field Visit", compute="_compute_field_coverage", store=True
    )
    next_field_visit_due = fields.Date(
        string="Field Visit Due",
        compute="_compute_field_coverage",
        store=True,
        index=True,
        help="Every prospect, signed or not, is visited in the field a set number of days after "
        "the first contact, then as often as its class requires (Settings).",
    )

    # Merchant tier (中小商戶實力分檔)
    store_size = fields.Float(string="Largest Store (m²)", tracking=True)
    store_count = fields.Integer(string="Number of Stores", tracking=True)
    store_attachment_ids = fields.Many2many(
        "ir.attachment", string="Store Evidence", help="Photos, licences, leases of the stores."
    )
    dealer_level = fields.Selection(DEALER_LEVELS, tracking=True)
    warehouse_area = fields.Float(string="Warehouse Area (m²)", tracking=True)
    capital_turnover = fields.Float(string="Yearly Capital Turnover", tracking=True)
    is_manufacturer = fields.Boolean(string="Manufacturer")
    manufacturer_strength = fields.Selection(STRENGTHS, tracking=True)
    suggested_tier = fields.Selection(TIERS, compute="_compute_suggested_tier")
    merchant_tier = fields.Selection(TIERS, tracking=True, readonly=True)
    # Not required: a NOT NULL column on crm_lead would refuse the leads that stock code
    # creates while our addon is not loaded yet (upgrading crm, crm's at_install tests).
    tier_state = fields.Selection(TIER_STATES, default="none", tracking=True, readonly=True)
    tier_verified_at = fields.Datetime(string="Data Verified On", readonly=True, tracking=True)
    tier_confirmed_by_id = fields.Many2one("res.users", readonly=True)

    @api.depends("attribution_type", "attributed_user_id")
    def _compute_is_public(self):
        for lead in self:
            lead.is_public = bool(lead.attribution_type) and not lead.attributed_user_id

    @api.depends("phone")
    def _compute_leasing_phone_key(self):
        region = self._leasing_phone_region()
        for lead in self:
            lead.leasing_phone_key = normalize_phone(lead.phone, region)

    @api.depends("partner_name", "contact_name")
    def _compute_leasing_name_key(self):
        for lead in self:
            lead.leasing_name_key = name_key(lead.partner_name or lead.contact_name)

    @api.model
    def _leasing_phone_region(self):
        """Country whose numbering plan applies to numbers typed without a country code."""
        return (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("leasing_office.phone_region", DEFAULT_REGION)
        )

    @api.depends("visit_ids.state")
    def _compute_visit_count(self):
        counts = dict(
            self.env["leasing.visit"]._read_group(
                [("lead_id", "in", self.ids), ("state", "=", "done")], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.visit_count = counts.get(lead, 0)

    @api.depends("call_log_ids.call_date", "visit_ids.visit_datetime", "visit_ids.state")
    def _compute_last_contact_date(self):
        for lead in self:
            dates = lead.call_log_ids.mapped("call_date") + [
                office_clock.office_date(self.env, visit.visit_datetime, visit.company_id)
                for visit in lead.visit_ids
                if visit.state == "done"
            ]
            lead.last_contact_date = max(dates, default=False)

    @api.depends("prospect_class", "last_contact_date")
    def _compute_next_followup_due(self):
        params = self.env["ir.config_parameter"].sudo()
        for lead in self:
            if not (lead.prospect_class and lead.last_contact_date):
                lead.next_followup_due = False
                continue
            days = int(
                params.get_param(
                    f"leasing_office.followup_days_{lead.prospect_class}",
                    DEFAULT_FOLLOWUP_DAYS[lead.prospect_class],
                )
            )
            lead.next_followup_due = lead.last_contact_date + timedelta(days=days)

    @api.depends("field_visit_line_ids.visited")
    def _compute_field_visit_count(self):
        for lead in self:
            lead.field_visit_count = len(lead.field_visit_line_ids.filtered("visited"))

    @api.depends(
        "prospect_class",
        "call_log_ids.call_date",
        "visit_ids.visit_datetime",
        "visit_ids.state",
        "field_visit_line_ids.visited",
        "field_visit_line_ids.log_id.visit_date",
    )
    def _compute_field_coverage(self):
        params = self.env["ir.config_parameter"].sudo()
        first_days = int(params.get_param("leasing_office.field_first_days", 0) or 0)
        first_days = first_days or DEFAULT_FIELD_FIRST_DAYS
        for lead in self:
            visited = lead.field_visit_line_ids.filtered("visited").log_id.mapped("visit_date")
            last = max(filter(None, visited), default=False)
            lead.last_field_visit_date = last
            if last:
                days = lead._field_visit_days(params)
                lead.next_field_visit_due = last + timedelta(days=days)
                continue
            first_contact = lead._first_contact_date()
            lead.next_field_visit_due = first_contact and first_contact + timedelta(days=first_days)

    def _recompute_field_coverage(self):
        """After the frequencies changed in the settings."""
        self.env.add_to_compute(self._fields["next_field_visit_due"], self)
        self._recompute_recordset(["next_field_visit_due", "last_field_visit_date"])

    def _field_visit_days(self, params):
        key = self.prospect_class or "d"
        value = params.get_param(f"leasing_office.field_days_{key}")
        return int(value) if value else DEFAULT_FIELD_DAYS[key]

    def _first_contact_date(self):
        """The office day of the first call or received visit, or False."""
        self.ensure_one()
        dates = self.call_log_ids.mapped("call_date") + [
            office_clock.office_date(self.env, visit.visit_datetime, visit.company_id)
            for visit in self.visit_ids
            if visit.state == "done"
        ]
        return min(filter(None, dates), default=False)

    def _latest_field_visit_line(self):
        """The outcome of the latest field visit made (its log submitted), if any."""
        self.ensure_one()
        lines = self.sudo().field_visit_line_ids.filtered("visited")
        return lines.sorted(lambda line: line.log_id.plan_id.departure)[-1:]

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

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
    # ATTRIBUTION ENGINE
    # ------------------------------------------------------------------

    @api.model
    def _leasing_find_returning(self, phone_key, partner_name):
        """Return the leasing prospect already known by phone key or company name."""
        Lead = self.sudo().with_context(active_test=False)
        known = [
            ("attribution_type", "!=", False),
            "|",
            ("visit_count", ">", 0),
            ("leasing_filing_ids", "!=", False),
        ]
        order = "active desc, id"
        if phone_key:
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
    def _leasing_find_unattributed(self, phone_key, partner_name):
        """Return a CRM lead or contact known outside the leasing office, to link to."""
        if phone_key:
            lead = self.sudo().search(
                [("leasing_phone_key", "=", phone_key), ("attribution_type", "=", False)], limit=1
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

    def _leasing_protected_filing(self):
        """The filing that still protects this prospect for its agent, if any."""
        self.ensure_one()
        if self.attribution_type != "filed":
            return self.env["leasing.prospect.filing"]
        filings = self.sudo().leasing_filing_ids.filtered(lambda f: f.state == "protected")
        filings._release_if_lapsed()
        return filings.filtered(lambda f: f.state == "protected")[:1]

    @api.model
    def _leasing_attribution_vals(self, attribution_type, user, note):
        """Values of a credit; ``user`` is empty for the public pool."""
        return {
            "attribution_type": attribution_type,
            "attributed_user_id": user.id,
            "user_id": user.id,
            "attribution_note": note,
        }

    def _leasing_set_attribution(self, attribution_type, user, note):
        """Apply a new credit (engine only)."""
        self._write_guarded(self._leasing_attribution_vals(attribution_type, user, note))

    def _leasing_change_attribution(self, user, reason, source, attribution_type=None):
        """Move the credit to ``user`` (or the public pool when empty), with a logged reason."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("A written reason is mandatory to change attribution."))
        if user and not self._is_leasing_agent(user):
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
        self._check_leasing_manager()
        self._leasing_check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Attribution"),
            "res_model": "leasing.attribution.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def action_transfer_key_account(self):
        """Hand a big account to the key-account department (大客戶部)."""
        self._check_leasing_manager()
        self._leasing_check_access("write")
        team = self.env.ref("leasing_office.crm_team_key_account")
        for lead in self:
            if not lead.is_big_account:
                raise UserError(
                    self.env._(
                        "%(lead)s is not flagged as a big account; small and medium "
                        "prospects stay with the leasing office.",
                        lead=lead.display_name,
                    )
                )
            if lead.key_account_transferred:
                continue
            lead._write_guarded(
                {"team_id": team.id, "user_id": team.user_id.id, "key_account_transferred": True}
            )
            lead.message_post(
                body=self.env._(
                    "Transferred to the key-account department by %(manager)s.",
                    manager=self.env.user.name,
                )
            )
        return True

    def action_log_call(self):
        """One click from a prospect: log a call made now by the current user."""
        self._leasing_check_access("read")
        outcome = self.env.context.get("call_outcome", "reached")
        self.env["leasing.call.log"].create(
            [{"lead_id": lead.id, "outcome": outcome} for lead in self]
        )
        return True

    @api.model
    def _is_leasing_agent(self, user):
        """An active user explicitly (or by implication) in the Leasing Agent group."""
        agent_group = self.env.ref("leasing_office.group_leasing_agent")
        return bool(user.active and not user.share and agent_group in user.all_group_ids)

    def _check_leasing_manager(self):
        if not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise AccessError(self.env._("Only the leasing manager may do this."))

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

    # ------------------------------------------------------------------
    # MERCHANT TIER
    # ------------------------------------------------------------------

    @api.depends(
        "store_size",
        "store_count",
        "dealer_level",
        "warehouse_area",
        "capital_turnover",
        "is_manufacturer",
        "manufacturer_strength",
    )
    def _compute_suggested_tier(self):
        thresholds = self._tier_thresholds()
        for lead in self:
            lead.suggested_tier = lead._suggest_tier(thresholds)

    @api.model
    def _tier_thresholds(self):
        params = self.env["ir.config_parameter"].sudo()
        return {
            name: tuple(
                float(params.get_param(f"leasing_office.tier{tier}_{name}", default))
                for tier, default in zip((1, 2), defaults, strict=True)
            )
            for name, defaults in DEFAULT_THRESHOLDS.items()
        }

    def _suggest_tier(self, thresholds):
        """Tier 1 when any criterion reaches the tier-1 threshold, tier 2 likewise, else 3."""
        self.ensure_one()
        for index, tier in ((0, "1"), (1, "2")):
            level = ("provincial",) if tier == "1" else ("provincial", "city")
            strength = ("strong",) if tier == "1" else ("strong", "medium")
            if (
                any(
                    self[name] and self[name] >= bounds[index]
                    for name, bounds in thresholds.items()
                )
                or self.dealer_level in level
                or (self.is_manufacturer and self.manufacturer_strength in strength)
            ):
                return tier
        return "3"

    def _check_tier_applies(self):
        if any(lead.key_account_transferred for lead in self):
            raise UserError(
                self.env._(
                    "Tiers are for small and medium merchants, not transferred big accounts."
                )
            )

    def action_assign_tier(self, tier=None):
        """The manager assigns the tier (the suggested one unless given)."""
        self._check_leasing_manager()
        self._leasing_check_access("write")
        self._check_tier_applies()
        for lead in self:
            lead._move_to(
                "tier_state",
                "assigned",
                merchant_tier=tier or self.env.context.get("merchant_tier") or lead.suggested_tier,
                tier_verified_at=fields.Datetime.now(),
                tier_confirmed_by_id=False,
            )
        return True

    def action_verify_tier_data(self):
        """The manager's weekly check that the criteria still hold."""
        self._check_leasing_manager()
        self._leasing_check_access("write")
        self._write_guarded({"tier_verified_at": fields.Datetime.now()})
        return True

    def action_confirm_tier(self):
        if not self.env.user.has_group("leasing_office.group_leasing_leader"):
            raise UserError(self.env._("Only leadership confirms a merchant tier."))
        self._leasing_check_access("write")
        if any(lead.tier_state != "assigned" for lead in self):
            raise UserError(
                self.env._("The manager assigns the tier before leadership confirms it.")
            )
        self._move_to("tier_state", "confirmed", tier_confirmed_by_id=self.env.user.id)
        return True
