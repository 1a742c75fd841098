from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import office_clock, vals_check


class LeasingDeposit(models.Model):
    """A deposit received (定金): amount and receipt, stamped when front desk records it.

    Recording it makes the contract-signing plan owed by the credited agent by the end
    of that office day.
    """

    _name = "leasing.deposit"
    _description = "Deposit Received"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin", "leasing.prospect.link.mixin"]
    _order = "received_at desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    receipt_number = fields.Char(required=True)
    received_at = fields.Datetime(string="Recorded On", readonly=True)
    deposit_date = fields.Date(string="Deposit Day", readonly=True, index=True)
    recorded_by_id = fields.Many2one("res.users", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Credited Agent", readonly=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _positive_amount = models.Constraint("CHECK(amount > 0)", "The deposit must be more than zero.")

    @api.depends("lead_id", "receipt_number")
    def _compute_name(self):
        for deposit in self:
            deposit.name = f"{deposit.lead_id.display_name or ''} · {deposit.receipt_number or ''}"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        if not self.env.user.has_group("leasing_office.group_leasing_frontdesk"):
            raise UserError(self.env._("Front desk (or the manager) records a deposit received."))
        self._check_prospect_links(vals_list)
        now = fields.Datetime.now()
        day = office_clock.local_date(now, self.env["leasing.followup.plan"]._office_tz())
        for vals in vals_list:
            if vals_check.number(self, vals, "amount") <= 0:
                raise ValidationError(self.env._("The deposit must be more than zero."))
            if not vals_check.text(self, vals, "receipt_number"):
                raise ValidationError(self.env._("The receipt number is mandatory."))
            lead = self.env["crm.lead"].sudo().browse(vals_check.record_id(self, vals, "lead_id"))
            vals.update(
                received_at=now,
                deposit_date=day,
                recorded_by_id=self.env.user.id,
                user_id=(lead.attributed_user_id or lead.user_id or self.env.user).id,
            )
        deposits = super(LeasingDeposit, self._open_gate()).create(vals_list)
        for deposit in deposits:
            deposit._expect_signing_plan()
        deposits.lead_id._leasing_advance_stage("deposit")
        return deposits.with_env(self.env)

    def _expect_signing_plan(self):
        Form = self.env["leasing.signing.plan"]
        self.env["leasing.obligation"]._expect(
            "signing", self.user_id, self.deposit_date, Form._end_of_day(self.deposit_date), self
        )

    def _find_signing_plan(self):
        return self.env["leasing.signing.plan"].search(
            [
                ("lead_id", "=", self.lead_id.id),
                ("deposit_date", "=", self.deposit_date),
                ("state", "!=", "cancelled"),
            ],
            limit=1,
        )

    def action_open_signing_plan(self):
        """Open the signing plan of this deposit, pre-filled, for the agent to complete."""
        self.ensure_one()
        self.check_access("read")
        plan = self._find_signing_plan()
        context = {
            "default_lead_id": self.lead_id.id,
            "default_deposit_amount": self.amount,
            "default_receipt_number": self.receipt_number,
            "default_deposit_date": self.deposit_date,
            "default_user_id": self.user_id.id,
        }
        return {
            "type": "ir.actions.act_window",
            "res_model": "leasing.signing.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "context": context,
        }
