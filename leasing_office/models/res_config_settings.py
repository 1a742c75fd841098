from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """The leasing office's settings of the current company (one office per mall): each is a
    field of ``res.company`` (defaults in ``office_defaults``)."""

    _inherit = "res.config.settings"

    leasing_office_tz = fields.Selection(
        related="company_id.partner_id.tz",
        readonly=False,
        string="Office Timezone",
        help="Days and deadlines of the office are counted in this timezone (Asia/Shanghai "
        "when empty).",
    )
    leasing_undo_window_minutes = fields.Integer(
        related="company_id.leasing_undo_window_minutes", readonly=False
    )
    leasing_phone_region = fields.Char(related="company_id.leasing_phone_region", readonly=False)
    leasing_phone_first_caller = fields.Selection(
        related="company_id.leasing_phone_first_caller", readonly=False
    )
    leasing_filing_days = fields.Integer(related="company_id.leasing_filing_days", readonly=False)
    leasing_workday_end = fields.Float(related="company_id.leasing_workday_end", readonly=False)
    leasing_registration_minutes = fields.Integer(
        related="company_id.leasing_registration_minutes", readonly=False
    )
    leasing_log_hour = fields.Float(related="company_id.leasing_log_hour", readonly=False)
    leasing_escalate_hours = fields.Float(
        related="company_id.leasing_escalate_hours", readonly=False
    )
    leasing_call_start = fields.Float(related="company_id.leasing_call_start", readonly=False)
    leasing_call_end = fields.Float(related="company_id.leasing_call_end", readonly=False)
    leasing_call_target = fields.Integer(related="company_id.leasing_call_target", readonly=False)
    leasing_followup_days_a = fields.Integer(
        related="company_id.leasing_followup_days_a", readonly=False
    )
    leasing_followup_days_b = fields.Integer(
        related="company_id.leasing_followup_days_b", readonly=False
    )
    leasing_followup_days_c = fields.Integer(
        related="company_id.leasing_followup_days_c", readonly=False
    )
    leasing_followup_days_d = fields.Integer(
        related="company_id.leasing_followup_days_d", readonly=False
    )
    leasing_field_first_days = fields.Integer(
        related="company_id.leasing_field_first_days", readonly=False
    )
    leasing_field_days_a = fields.Integer(related="company_id.leasing_field_days_a", readonly=False)
    leasing_field_days_b = fields.Integer(related="company_id.leasing_field_days_b", readonly=False)
    leasing_field_days_c = fields.Integer(related="company_id.leasing_field_days_c", readonly=False)
    leasing_field_days_d = fields.Integer(related="company_id.leasing_field_days_d", readonly=False)
    leasing_commission_per_contract = fields.Float(
        related="company_id.leasing_commission_per_contract", readonly=False
    )
    leasing_inaccurate_deduction = fields.Float(
        related="company_id.leasing_inaccurate_deduction", readonly=False
    )
    leasing_manager_bonus = fields.Float(related="company_id.leasing_manager_bonus", readonly=False)
    leasing_big_account_area = fields.Float(
        related="company_id.leasing_big_account_area", readonly=False
    )
    leasing_big_account_brand = fields.Selection(
        related="company_id.leasing_big_account_brand", readonly=False
    )
    leasing_big_account_stores = fields.Integer(
        related="company_id.leasing_big_account_stores", readonly=False
    )
    leasing_tier1_store_count = fields.Integer(
        related="company_id.leasing_tier1_store_count", readonly=False
    )
    leasing_tier2_store_count = fields.Integer(
        related="company_id.leasing_tier2_store_count", readonly=False
    )
    leasing_tier1_store_size = fields.Float(
        related="company_id.leasing_tier1_store_size", readonly=False
    )
    leasing_tier2_store_size = fields.Float(
        related="company_id.leasing_tier2_store_size", readonly=False
    )
    leasing_tier1_warehouse_area = fields.Float(
        related="company_id.leasing_tier1_warehouse_area", readonly=False
    )
    leasing_tier2_warehouse_area = fields.Float(
        related="company_id.leasing_tier2_warehouse_area", readonly=False
    )
    leasing_tier1_capital_turnover = fields.Float(
        related="company_id.leasing_tier1_capital_turnover", readonly=False
    )
    leasing_tier2_capital_turnover = fields.Float(
        related="company_id.leasing_tier2_capital_turnover", readonly=False
    )
