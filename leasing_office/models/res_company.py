"""Each mall is a company with its own leasing office: its time and its settings.

Every setting is a field ``leasing_<key>`` with its default from ``office_defaults`` (the one
place where defaults live); Settings shows the current company's (``res.config.settings``
fields related to these). The office's day and deadlines are counted in the company's
timezone: its address's, else Asia/Shanghai (``office_clock.company_tz``).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import office_clock
from . import office_defaults as defaults
from .leasing_big_account import BRAND_LEVELS

PHONE_FIRST_CALLERS = [("rotation", "Next Agent in Rotation"), ("public", "Public Pool")]
# Settings that are an hour of the day (9.5 is 09:30).
HOUR_SETTINGS = ("workday_end", "log_hour", "call_start", "call_end")
# Settings that are a count, a number of days or an amount: never negative.
COUNT_SETTINGS = tuple(
    key
    for key, default in defaults.SETTINGS.items()
    if isinstance(default, int | float) and key not in HOUR_SETTINGS
)
# Settings that move every prospect's next field visit when they change.
FIELD_COVERAGE_SETTINGS = (
    "field_first_days",
    *(f"field_days_{key}" for key in defaults.FIELD_DAYS),
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # Front desk and own prospects
    leasing_undo_window_minutes = fields.Integer(
        string="Undo Window (minutes)",
        default=defaults.UNDO_WINDOW_MINUTES,
        help="How long front desk may undo a mistaken walk-in registration.",
    )
    leasing_phone_region = fields.Char(
        string="Phone Region",
        default=defaults.PHONE_REGION,
        help="Two-letter country code used for phone numbers typed without a country code.",
    )
    leasing_phone_first_caller = fields.Selection(
        PHONE_FIRST_CALLERS,
        string="First-time Callers",
        default=defaults.PHONE_FIRST_CALLER,
        help="Who is credited for a first-time phone inquiry.",
    )
    leasing_filing_days = fields.Integer(
        string="Own Prospects Protected (days)",
        default=defaults.FILING_DAYS,
        help="How long an agent's own prospect stays theirs after filing or after their "
        "last recorded work on it (call, visit, field visit).",
    )
    # Forms and routine
    leasing_workday_end = fields.Float(
        string="End of Working Day",
        default=defaults.WORKDAY_END,
        help="Follow-up and signing plans are due by this time, in the company's timezone.",
    )
    leasing_registration_minutes = fields.Integer(
        string="Visitor Registration Due (minutes)", default=defaults.REGISTRATION_MINUTES
    )
    leasing_log_hour = fields.Float(
        string="Field-visit Log Due Next Morning At", default=defaults.LOG_HOUR
    )
    leasing_escalate_hours = fields.Float(
        string="Escalate Overdue Forms After",
        default=defaults.ESCALATE_HOURS,
        help="A form overdue this long goes to the owner's superior (agent to manager, manager "
        "to leadership).",
    )
    leasing_call_start = fields.Float(string="Call Window Start", default=defaults.CALL_START)
    leasing_call_end = fields.Float(string="Call Window End", default=defaults.CALL_END)
    leasing_call_target = fields.Integer(string="Daily Call Target", default=defaults.CALL_TARGET)
    # Follow-up cadence and field coverage
    leasing_followup_days_a = fields.Integer(
        string="Follow-up Every (days), Class A", default=defaults.FOLLOWUP_DAYS["a"]
    )
    leasing_followup_days_b = fields.Integer(
        string="Follow-up Every (days), Class B", default=defaults.FOLLOWUP_DAYS["b"]
    )
    leasing_followup_days_c = fields.Integer(
        string="Follow-up Every (days), Class C", default=defaults.FOLLOWUP_DAYS["c"]
    )
    leasing_followup_days_d = fields.Integer(
        string="Follow-up Every (days), Class D", default=defaults.FOLLOWUP_DAYS["d"]
    )
    leasing_field_first_days = fields.Integer(
        string="First Field Visit Within (days)",
        default=defaults.FIELD_FIRST_DAYS,
        help="Every prospect, signed or not, is visited in the field this many days after the "
        "first contact (visit or call) at the latest.",
    )
    leasing_field_days_a = fields.Integer(
        string="Field Visit Every (days), Class A", default=defaults.FIELD_DAYS["a"]
    )
    leasing_field_days_b = fields.Integer(
        string="Field Visit Every (days), Class B", default=defaults.FIELD_DAYS["b"]
    )
    leasing_field_days_c = fields.Integer(
        string="Field Visit Every (days), Class C", default=defaults.FIELD_DAYS["c"]
    )
    leasing_field_days_d = fields.Integer(
        string="Field Visit Every (days), Class D",
        default=defaults.FIELD_DAYS["d"],
        help="Also the frequency of a prospect without a class.",
    )
    # Commission
    leasing_commission_per_contract = fields.Float(
        string="Commission per Signed Contract",
        default=defaults.COMMISSION_PER_CONTRACT,
        help="Scaled by the agent's completion rate (Commission Tiers).",
    )
    leasing_inaccurate_deduction = fields.Float(
        string="Deduction per Inaccurate Form",
        default=defaults.INACCURATE_DEDUCTION,
        help="Taken off the monthly commission for each of the person's forms the manager or "
        "leadership marked inaccurate or false that month.",
    )
    leasing_manager_bonus = fields.Float(
        string="Manager's Monthly Bonus",
        default=defaults.MANAGER_BONUS,
        help="Scaled by the department's completion rate (Commission Tiers).",
    )
    # Big accounts
    leasing_big_account_area = fields.Float(
        string="Big Account: Area Wanted (m²)",
        default=defaults.BIG_ACCOUNT_AREA,
        help="A prospect wanting at least this area may be registered as a big account.",
    )
    leasing_big_account_brand = fields.Selection(
        BRAND_LEVELS,
        string="Big Account: Brand Level",
        default=defaults.BIG_ACCOUNT_BRAND,
        help="A brand of this level or above may be registered as a big account.",
    )
    leasing_big_account_stores = fields.Integer(
        string="Big Account: Number of Stores",
        default=defaults.BIG_ACCOUNT_STORES,
        help="A merchant with at least this many stores may be registered as a big account.",
    )
    # Merchant tier thresholds (中小商戶實力分檔)
    leasing_tier1_store_count = fields.Integer(
        string="Tier 1: Number of Stores", default=defaults.SETTINGS["tier1_store_count"]
    )
    leasing_tier2_store_count = fields.Integer(
        string="Tier 2: Number of Stores", default=defaults.SETTINGS["tier2_store_count"]
    )
    leasing_tier1_store_size = fields.Float(
        string="Tier 1: Largest Store (m²)", default=defaults.SETTINGS["tier1_store_size"]
    )
    leasing_tier2_store_size = fields.Float(
        string="Tier 2: Largest Store (m²)", default=defaults.SETTINGS["tier2_store_size"]
    )
    leasing_tier1_warehouse_area = fields.Float(
        string="Tier 1: Warehouse Area (m²)", default=defaults.SETTINGS["tier1_warehouse_area"]
    )
    leasing_tier2_warehouse_area = fields.Float(
        string="Tier 2: Warehouse Area (m²)", default=defaults.SETTINGS["tier2_warehouse_area"]
    )
    leasing_tier1_capital_turnover = fields.Float(
        string="Tier 1: Yearly Capital Turnover",
        default=defaults.SETTINGS["tier1_capital_turnover"],
    )
    leasing_tier2_capital_turnover = fields.Float(
        string="Tier 2: Yearly Capital Turnover",
        default=defaults.SETTINGS["tier2_capital_turnover"],
    )

    @api.constrains(*(defaults.company_field(key) for key in HOUR_SETTINGS + COUNT_SETTINGS))
    def _check_leasing_settings(self):
        for company in self:
            for key in HOUR_SETTINGS:
                if not 0 <= company[defaults.company_field(key)] < 24:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s is an hour of the day, from 00:00 to 23:59.",
                            setting=company._leasing_label(key),
                        )
                    )
            for key in COUNT_SETTINGS:
                if company[defaults.company_field(key)] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s cannot be negative.", setting=company._leasing_label(key)
                        )
                    )
            if company.leasing_call_start >= company.leasing_call_end:
                raise ValidationError(self.env._("The call window must start before it ends."))

    def _leasing_label(self, key):
        return self._fields[defaults.company_field(key)]._description_string(self.env)

    def write(self, vals):
        """New field-visit frequencies move the company's prospects' next field visit."""
        coverage = {defaults.company_field(key) for key in FIELD_COVERAGE_SETTINGS}
        if not coverage.intersection(vals):
            return super().write(vals)
        before = {company: company._read_leasing(coverage) for company in self}
        result = super().write(vals)
        for company, values in before.items():
            if company._read_leasing(coverage) != values:
                company._leasing_recompute_field_coverage()
        return result

    def _read_leasing(self, names):
        return {name: self[name] for name in sorted(names)}

    def _leasing_recompute_field_coverage(self):
        # A prospect never contacted has no due date under any frequency.
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_company(self)
            .search([("next_field_visit_due", "!=", False), ("company_id", "in", (self.id, False))])
        )
        leads._recompute_field_coverage()

    # ------------------------------------------------------------------
    # OFFICE TIME
    # ------------------------------------------------------------------

    def _leasing_tz(self):
        """The office's timezone name: the company's address's, else Asia/Shanghai."""
        self.ensure_one()
        return office_clock.company_tz(self)

    def _leasing_end_of_day(self, day):
        """The end of the working day (a setting) of the office day ``day``, in naive UTC."""
        self.ensure_one()
        if not day:
            return False
        hour, minute = office_clock.hours_to_hm(self.leasing_workday_end)
        return office_clock.at_local(day, hour, minute, self._leasing_tz())

    def _leasing_tier_thresholds(self):
        """{criterion: (tier 1 threshold, tier 2 threshold)} of this mall's office."""
        self.ensure_one()
        return {
            name: tuple(self[defaults.company_field(f"tier{tier}_{name}")] for tier in (1, 2))
            for name in defaults.TIER_THRESHOLDS
        }
