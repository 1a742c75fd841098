"""Merchant tier of a small or medium prospect (中小商戶實力分檔)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

DEALER_LEVELS = [("provincial", "Provincial"), ("city", "City"), ("local", "Local")]
STRENGTHS = [("strong", "Strong"), ("medium", "Medium"), ("weak", "Weak")]
TIERS = [("1", "Tier 1"), ("2", "Tier 2"), ("3", "Tier 3")]
TIER_STATES = [
    ("none", "Not Assessed"),
    ("assigned", "Assigned by the Manager"),
    ("confirmed", "Confirmed by Leadership"),
]
# The thresholds (tier 1, tier 2) of each criterion are settings of the company
# (res.company leasing_tier<1|2>_<criterion>).


class CrmLead(models.Model):
    _inherit = "crm.lead"

    _state_transitions = {
        "tier_state": {
            "assigned": ("none", "assigned", "confirmed"),
            "confirmed": ("assigned",),
        },
    }

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
    @api.depends_context("company")
    def _compute_suggested_tier(self):
        thresholds = self._tier_thresholds()
        for lead in self:
            lead.suggested_tier = lead._suggest_tier(thresholds)

    @api.model
    def _tier_thresholds(self):
        return self.env.company._leasing_tier_thresholds()

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
        self.env.user._check_leasing_manager()
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
        self.env.user._check_leasing_manager()
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
