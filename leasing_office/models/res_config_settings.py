from odoo import fields, models

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
    leasing_phone_region = fields.Char(
        string="Phone Region",
        config_parameter="leasing_office.phone_region",
        default=DEFAULT_REGION,
        help="Two-letter country code used for phone numbers typed without a country code.",
    )
