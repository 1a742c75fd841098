from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMMISSION_KINDS = [("agent", "Agent Commission"), ("manager", "Manager Bonus")]


class LeasingCommissionTier(models.Model):
    """A completion-rate band and the factor it applies to commission or bonus.

    The bands of one kind start at 0 %, follow each other without gap or overlap, and only
    the last one is open-ended (upper bound 0)::

        0–80 % × 0.5,   80–100 % × 1.0,   100 % and more × 1.2
    """

    _name = "leasing.commission.tier"
    _description = "Commission Tier"
    _check_company_auto = True
    _inherit = ["leasing.guard.mixin"]
    _order = "kind, rate_from"

    kind = fields.Selection(COMMISSION_KINDS, required=True, default="agent")
    rate_from = fields.Float(string="From (%)", required=True)
    rate_to = fields.Float(string="Up To (%)", help="Excluded; 0 means no upper bound.")
    factor = fields.Float(required=True, default=1.0)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("kind", "rate_from", "rate_to", "factor")
    def _check_bands(self):
        for kind, company in {(tier.kind, tier.company_id) for tier in self}:
            tiers = self.search([("kind", "=", kind), ("company_id", "=", company.id)])
            self._check_contiguous(tiers)

    def _check_contiguous(self, tiers):
        expected_from = 0.0
        for index, tier in enumerate(tiers.sorted("rate_from")):
            last = index == len(tiers) - 1
            if tier.factor < 0 or tier.rate_from < 0:
                raise ValidationError(self.env._("Rates and factors cannot be negative."))
            if tier.rate_from != expected_from:
                raise ValidationError(
                    self.env._(
                        "Commission tiers overlap or leave a gap at %(rate)s %%.",
                        rate=min(tier.rate_from, expected_from),
                    )
                )
            if not tier.rate_to and not last:
                raise ValidationError(self.env._("Only the last tier has no upper bound."))
            if tier.rate_to and tier.rate_to <= tier.rate_from:
                raise ValidationError(self.env._("A tier must end above where it starts."))
            expected_from = tier.rate_to

    @api.model
    def _factor_for(self, kind, rate):
        """The factor of the band ``rate`` falls in (0 when no band covers it)."""
        for tier in self.search([("kind", "=", kind), ("company_id", "=", self.env.company.id)]):
            if tier.rate_from <= rate and (not tier.rate_to or rate < tier.rate_to):
                return tier.factor
        return 0.0
