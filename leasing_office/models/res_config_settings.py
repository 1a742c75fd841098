from odoo import fields, models

from .attribution_rules import ROTATION
from .crm_lead import DEFAULT_FIELD_DAYS, DEFAULT_FIELD_FIRST_DAYS
from .leasing_big_account import (
    BRAND_LEVELS,
    DEFAULT_BIG_ACCOUNT_AREA,
    DEFAULT_BIG_ACCOUNT_BRAND,
    DEFAULT_BIG_ACCOUNT_STORES,
)
from .leasing_prospect_filing import DEFAULT_FILING_DAYS
from .leasing_visit import DEFAULT_UNDO_MINUTES
from .phone_key import DEFAULT_REGION


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    leasing_undo_window_minutes = fields.Integer(
        string="Undo Window (minutes)",
        config_parameter="leasing_office.undo_window_minutes",
        default=DEFAULT_UNDO_MINUTES,
        help="How long front desk may undo a mistaken walk-in registration.",
    )
    leasing_workday_end = fields.Float(
        string="End of Working Day",
        config_parameter="leasing_office.workday_end",
        default=18.0,
        help="Follow-up and signing plans are due by this time, in the company's timezone.",
    )
    leasing_registration_minutes = fields.Integer(
        string="Visitor Registration Due (minutes)",
        config_parameter="leasing_office.registration_minutes",
        default=30,
    )
    leasing_log_hour = fields.Float(
        string="Field-visit Log Due Next Morning At",
        config_parameter="leasing_office.log_hour",
        default=10.0,
    )
    leasing_field_first_days = fields.Integer(
        string="First Field Visit Within (days)",
        config_parameter="leasing_office.field_first_days",
        default=DEFAULT_FIELD_FIRST_DAYS,
        help="Every prospect, signed or not, is visited in the field this many days after the "
        "first contact (visit or call) at the latest.",
    )
    leasing_field_days_a = fields.Integer(
        string="Field Visit Every (days), Class A",
        config_parameter="leasing_office.field_days_a",
        default=DEFAULT_FIELD_DAYS["a"],
    )
    leasing_field_days_b = fields.Integer(
        string="Field Visit Every (days), Class B",
        config_parameter="leasing_office.field_days_b",
        default=DEFAULT_FIELD_DAYS["b"],
    )
    leasing_field_days_c = fields.Integer(
        string="Field Visit Every (days), Class C",
        config_parameter="leasing_office.field_days_c",
        default=DEFAULT_FIELD_DAYS["c"],
    )
    leasing_field_days_d = fields.Integer(
        string="Field Visit Every (days), Class D",
        config_parameter="leasing_office.field_days_d",
        default=DEFAULT_FIELD_DAYS["d"],
        help="Also the frequency of a prospect without a class.",
    )
    leasing_escalate_hours = fields.Float(
        string="Escalate Overdue Forms After",
        config_parameter="leasing_office.escalate_hours",
        default=2.0,
        help="A form overdue this long goes to the owner's superior (agent to manager, manager "
        "to leadership).",
    )
    leasing_call_start = fields.Float(
        string="Call Window Start", config_parameter="leasing_office.call_start", default=9.5
    )
    leasing_call_end = fields.Float(
        string="Call Window End", config_parameter="leasing_office.call_end", default=11.5
    )
    leasing_call_target = fields.Integer(
        string="Daily Call Target", config_parameter="leasing_office.call_target", default=50
    )
    leasing_commission_per_contract = fields.Float(
        string="Commission per Signed Contract",
        config_parameter="leasing_office.commission_per_contract",
        default=1000.0,
        help="Scaled by the agent's completion rate (Commission Tiers).",
    )
    leasing_inaccurate_deduction = fields.Float(
        string="Deduction per Inaccurate Form",
        config_parameter="leasing_office.inaccurate_deduction",
        default=200.0,
        help="Taken off the monthly commission for each of the person's forms the manager or "
        "leadership marked inaccurate or false that month.",
    )
    leasing_manager_bonus = fields.Float(
        string="Manager's Monthly Bonus",
        config_parameter="leasing_office.manager_bonus",
        default=5000.0,
        help="Scaled by the department's completion rate (Commission Tiers).",
    )
    leasing_phone_region = fields.Char(
        string="Phone Region",
        config_parameter="leasing_office.phone_region",
        default=DEFAULT_REGION,
        help="Two-letter country code used for phone numbers typed without a country code.",
    )
    leasing_filing_days = fields.Integer(
        string="Own Prospects Protected (days)",
        config_parameter="leasing_office.filing_days",
        default=DEFAULT_FILING_DAYS,
        help="How long an agent's own prospect stays theirs after filing or after their "
        "last recorded work on it (call, visit, field visit).",
    )
    leasing_phone_first_caller = fields.Selection(
        [("rotation", "Next Agent in Rotation"), ("public", "Public Pool")],
        string="First-time Callers",
        config_parameter="leasing_office.phone_first_caller",
        default=ROTATION,
        help="Who is credited for a first-time phone inquiry.",
    )
    leasing_big_account_area = fields.Float(
        string="Big Account: Area Wanted (m²)",
        config_parameter="leasing_office.big_account_area",
        default=DEFAULT_BIG_ACCOUNT_AREA,
        help="A prospect wanting at least this area may be registered as a big account.",
    )
    leasing_big_account_brand = fields.Selection(
        BRAND_LEVELS,
        string="Big Account: Brand Level",
        config_parameter="leasing_office.big_account_brand",
        default=DEFAULT_BIG_ACCOUNT_BRAND,
        help="A brand of this level or above may be registered as a big account.",
    )
    leasing_big_account_stores = fields.Integer(
        string="Big Account: Number of Stores",
        config_parameter="leasing_office.big_account_stores",
        default=DEFAULT_BIG_ACCOUNT_STORES,
        help="A merchant with at least this many stores may be registered as a big account.",
    )

    def set_values(self):
        """New field-visit frequencies move every prospect's next field visit at once."""
        coverage = ("field_first_days", "field_days_a", "field_days_b", "field_days_c")
        keys = [f"leasing_office.{name}" for name in (*coverage, "field_days_d")]
        params = self.env["ir.config_parameter"].sudo()
        before = [params.get_param(key) for key in keys]
        result = super().set_values()
        if [params.get_param(key) for key in keys] != before:
            # A prospect never contacted has no due date under any frequency.
            leads = self.env["crm.lead"].sudo().search([("next_field_visit_due", "!=", False)])
            leads._recompute_field_coverage()
        return result
