import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import office_clock
from .company_name import normalize_company_name
from .name_key import compact_id
from .phone_key import normalize_phone

_logger = logging.getLogger(__name__)

CONTACT_FIELDS = frozenset(
    {"contact_name", "partner_name", "phone", "license_no", "wechat_id", "source_id"}
)


class LeasingProspectFiling(models.Model):
    """An agent's own prospect (客戶報備): found by the agent, protected for the agent.

    The office encourages agents to find merchants themselves (鼓勵招商員主動挖掘商戶). A
    filed prospect is credited to the filing agent; when it walks in or calls it goes to
    that agent without using a turn. Protection lasts a configurable number of days after
    the filing or the agent's last recorded work (call, visit, field visit); a filing left
    unworked is released to the department's public pool.
    """

    _name = "leasing.prospect.filing"
    _description = "Agent's Own Prospect (Filing)"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "filed_on desc, id desc"
    _rec_name = "contact_name"

    contact_name = fields.Char(string="Contact")
    partner_name = fields.Char(string="Company / Shop")
    phone = fields.Char()
    license_no = fields.Char(string="Business Licence No.")
    wechat_id = fields.Char(string="WeChat ID")
    source_id = fields.Many2one(
        "utm.source",
        string="Source Channel",
        default=lambda self: self.env["leasing.attribution.engine"]._office_source("agent_own"),
        help="How the agent found the prospect; it becomes the prospect's source.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        default=lambda self: self.env.user,
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", readonly=True, index=True, check_company=True
    )
    filed_on = fields.Date(readonly=True)
    protected_until = fields.Date(readonly=True, tracking=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("protected", "Protected"), ("released", "Released")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _state_transitions = {
        "state": {"protected": ("draft",), "released": ("protected",)},
    }

    @api.depends("contact_name", "partner_name")
    def _compute_display_name(self):
        for filing in self:
            filing.display_name = filing.partner_name or filing.contact_name or ""

    def write(self, vals):
        if CONTACT_FIELDS.intersection(vals) and any(f.state != "draft" for f in self):
            raise UserError(
                self.env._("A filed prospect's details are kept as filed; update the prospect.")
            )
        return super().write(vals)

    @api.model
    def _protection_days(self):
        return self.env.company.leasing_filing_days

    # ------------------------------------------------------------------
    # FILING
    # ------------------------------------------------------------------

    def action_file(self):
        """File the prospect for its agent, after checking nobody has it already."""
        self.ensure_one()
        self._check_can_file()
        self._check_transition("state", "protected")
        lead = self._find_duplicate_or_own()
        today = office_clock.office_today(self.env)
        note = self.env._(
            "%(agent)s: agent's own prospect, filed by %(agent)s; no turn used",
            agent=self.user_id.name,
        )
        Lead = self.env["crm.lead"]
        if lead:
            lead._leasing_set_attribution("filed", self.user_id, note)
            if not lead.source_id and self.source_id:
                lead.sudo().source_id = self.source_id
        else:
            vals = Lead._leasing_attribution_vals("filed", self.user_id, note)
            lead = Lead._create_guarded(self._prepare_lead_vals(vals))
        self._move_to(
            "state",
            "protected",
            lead_id=lead.id,
            filed_on=today,
            protected_until=today + timedelta(days=self._protection_days()),
        )
        lead.sudo().message_post(
            body=self.env._("Filed by %(agent)s as their own prospect.", agent=self.user_id.name)
        )
        return True

    def _check_can_file(self):
        if self.user_id != self.env.user or not self.env.user._is_leasing_agent():
            raise UserError(self.env._("Only a leasing agent files their own prospects."))
        if not (self.contact_name or self.partner_name or "").strip():
            raise ValidationError(self.env._("Enter the prospect's name or company."))
        if not (self.phone or "").strip():
            raise ValidationError(
                self.env._("Enter the prospect's phone: it is how the prospect is recognised.")
            )

    def _find_duplicate_or_own(self):
        """Return the agent's own unfiled CRM lead to file, or nothing; refuse any other
        prospect the office knows, without saying whose or which it is."""
        Lead = self.env["crm.lead"]
        matches = Lead._leasing_find_any(
            normalize_phone(self.phone, Lead._leasing_phone_region()),
            (self.partner_name or self.contact_name,),
            self.license_no,
            self.wechat_id,
        )
        agent = self.user_id
        own = matches.filtered(
            lambda lead: (
                not lead.attribution_type
                and not lead.visit_count
                and agent in (lead.create_uid | lead.user_id)
            )
        )
        if matches - own or len(own) > 1:
            raise UserError(
                self.env._(
                    "This prospect is already known to the office (already credited): it "
                    "cannot be filed. If you think it is yours, ask the leasing manager."
                )
            )
        return own

    def _prepare_lead_vals(self, attribution_vals):
        company = normalize_company_name(self.partner_name)
        return {
            "name": company or self.contact_name,
            "type": "opportunity",
            "contact_name": self.contact_name,
            "partner_name": company or False,
            "phone": self.phone.strip(),
            "leasing_license_no": compact_id(self.license_no),
            "leasing_wechat_id": compact_id(self.wechat_id),
            "source_id": self.source_id.id,
            **attribution_vals,
        }

    # ------------------------------------------------------------------
    # PROTECTION
    # ------------------------------------------------------------------

    def _last_work_date(self):
        """The agent's last recorded work on the prospect: a call, a visit, a field visit."""
        self.ensure_one()
        lead = self.lead_id.sudo()
        dates = [lead.last_contact_date] + [
            line.log_id.visit_date for line in lead.field_visit_line_ids if line.visited
        ]
        return max(filter(None, dates), default=False)

    def _is_protected_on(self, day):
        """Whether the filing still protects its prospect on ``day`` (its term, or the
        agent's last recorded work plus the protection days)."""
        self.ensure_one()
        if self.state != "protected":
            return False
        if self.protected_until >= day:
            return True
        worked = self._last_work_date()
        return bool(worked and worked + timedelta(days=self._protection_days()) >= day)

    def _release_if_lapsed(self):
        """Extend the protection of worked filings whose term ended; release the others."""
        today = office_clock.office_today(self.env)
        days = self._protection_days()
        for filing in self.filtered(lambda f: f.state == "protected" and f.protected_until < today):
            if filing._is_protected_on(today):
                filing._write_guarded(
                    {"protected_until": filing._last_work_date() + timedelta(days=days)}
                )
            else:
                filing._release()

    def _release(self):
        self.ensure_one()
        reason = self.env._(
            "Filing by %(agent)s lapsed on %(date)s without recorded work: released to the "
            "public pool.",
            agent=self.user_id.name,
            date=self.protected_until,
        )
        self.lead_id.sudo()._leasing_change_attribution(
            self.env["res.users"], reason, "filing", "public"
        )
        self._move_to("state", "released")
        self.sudo().message_post(body=reason)
        _logger.info(
            "Filing %s of prospect %s released to the public pool", self.id, self.lead_id.id
        )

    @api.model
    def _cron_release_lapsed(self):
        """Daily: release filings whose protection lapsed unworked, extend the worked ones."""
        today = office_clock.office_today(self.env)
        self.search(
            [("state", "=", "protected"), ("protected_until", "<", today)]
        )._release_if_lapsed()
