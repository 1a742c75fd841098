from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import office_clock, vals_check
from .office_lang import office_env


class LeasingSigningPlan(models.Model):
    """合同計畫簽訂表: filled the day a prospect pays a deposit, with a fixed signing date."""

    _name = "leasing.signing.plan"
    _description = "Contract-signing Plan"
    _check_company_auto = True
    _inherit = ["leasing.form.mixin", "leasing.prospect.link.mixin"]
    _form_key = "signing"
    _form_sequence = 30
    _order = "deposit_date desc, id desc"
    # Open, signed or cancelled: set by the contract or the cancel button.
    _guarded_fields = frozenset({"state"})
    _form_required_fields = ("lead_id", "receipt_number", "unit_ids", "planned_signing_date")

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    deposit_amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit_date = fields.Date(required=True, default=office_clock.office_today_default)
    receipt_number = fields.Char()
    unit_ids = fields.Many2many("leasing.unit", string="Intended Units", check_company=True)
    planned_signing_date = fields.Date(required=True)
    state = fields.Selection(
        [("open", "To Sign"), ("signed", "Signed"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )

    _positive_deposit = models.Constraint(
        "CHECK(deposit_amount > 0)", "The deposit must be more than zero."
    )

    @api.depends("lead_id", "planned_signing_date")
    def _compute_name(self):
        for plan in self:
            plan.name = office_env(self.env)._(
                "Signing plan %(lead)s %(date)s",
                lead=plan.lead_id.display_name or "",
                date=plan.planned_signing_date or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            self._check_deposit_vals(vals)
        plans = super().create(vals_list)
        plans._sync_reservations()
        return plans

    def write(self, vals):
        previous = (
            {plan: plan.unit_ids for plan in self} if "unit_ids" in vals or "state" in vals else {}
        )
        result = super().write(vals)
        for plan, units in previous.items():
            (units - plan.unit_ids)._release_from(plan)
        if previous:
            self._sync_reservations()
        return result

    def _sync_reservations(self):
        """An open plan reserves its units; a signed or cancelled one releases them."""
        for plan in self:
            if plan.state == "open":
                plan.unit_ids._reserve_for(plan)
            else:
                plan.unit_ids._release_from(plan)

    def action_cancel(self):
        self.check_access("write")
        self._write_guarded({"state": "cancelled"})
        return True

    @api.model
    def _check_deposit_vals(self, vals):
        """Clear errors before the database refuses the row."""
        vals_check.record_id(self, vals, "lead_id")
        if not vals_check.day(self, vals, "planned_signing_date"):
            raise ValidationError(self.env._("A fixed planned signing date is mandatory."))
        if vals_check.number(self, vals, "deposit_amount") <= 0:
            raise ValidationError(self.env._("The deposit must be more than zero."))

    @api.depends("deposit_date")
    def _compute_deadline(self):
        for plan in self:
            plan.deadline = self._end_of_day(plan.deposit_date)

    @api.constrains("deposit_amount", "deposit_date", "planned_signing_date")
    def _check_dates_and_deposit(self):
        for plan in self:
            if plan.deposit_amount <= 0:
                raise ValidationError(self.env._("The deposit must be more than zero."))
            if plan.planned_signing_date < plan.deposit_date:
                raise ValidationError(
                    self.env._("The signing date cannot be before the deposit date.")
                )
