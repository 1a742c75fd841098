from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models import office_clock


class LeasingPhoneInquiry(models.TransientModel):
    """Front desk or the agent on duty logs an inbound call (來電) from a prospect.

    The call is a contact record (``leasing.visit`` with channel ``phone``); the credit is
    decided by the attribution engine like a walk-in: a known caller goes to their agent, a
    first-time caller to the next agent in turn (or the public pool, as the office sets).
    """

    _name = "leasing.phone.inquiry"
    _description = "Log a Phone Inquiry"

    contact_name = fields.Char()
    partner_name = fields.Char(string="Company / Shop")
    phone = fields.Char()
    leadership_referral = fields.Boolean(
        help="The caller first reached the company through its leadership."
    )
    source_id = fields.Many2one(
        "utm.source",
        string="Source Channel",
        default=lambda self: self.env["leasing.attribution.engine"]._office_source("phone"),
        help="How the caller heard of the mall (來源渠道): advertising, exhibition, WeChat…",
    )
    description = fields.Text(string="Needs")
    lead_id = fields.Many2one("crm.lead", string="Prospect", readonly=True)
    visit_id = fields.Many2one("leasing.visit", string="Contact", readonly=True)
    credited_user_id = fields.Many2one("res.users", string="Credited Agent", readonly=True)
    explanation = fields.Char(string="Why This Agent", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for name in ("contact_name", "partner_name", "phone", "description"):
                if vals.get(name) and not isinstance(vals[name], str):
                    label = self._fields[name].get_description(self.env)["string"]
                    raise ValidationError(self.env._("%(field)s must be text.", field=label))
        return super().create(vals_list)

    def _check_input(self):
        user = self.env.user
        if not user.has_group("leasing_office.group_leasing_frontdesk"):
            today = office_clock.office_today(self.env)
            on_duty = (
                self.env["leasing.rotation.line"]
                .sudo()
                .search_count(
                    [
                        ("rotation_id.date", "=", today),
                        ("rotation_id.company_id", "=", self.env.company.id),
                        ("user_id", "=", user.id),
                        ("status", "!=", "leave"),
                    ]
                )
            )
            if not on_duty:
                raise UserError(
                    self.env._("Only front desk or an agent on duty today logs phone inquiries.")
                )
        if not (self.contact_name or self.partner_name or "").strip():
            raise ValidationError(self.env._("Enter the prospect's name or company."))
        if not (self.phone or "").strip():
            raise ValidationError(
                self.env._("Enter the caller's phone: it is how a known caller is recognised.")
            )

    def action_log_call(self):
        self.ensure_one()
        self._check_input()
        visit = self.env["leasing.attribution.engine"]._register_arrival(
            "phone",
            {
                "contact_name": self.contact_name,
                "partner_name": self.partner_name,
                "phone": self.phone,
                "description": self.description,
                "leadership": self.leadership_referral,
                "source": self.source_id,
            },
        )
        self.write(
            {
                "lead_id": visit.lead_id.id,
                "visit_id": visit.id,
                "credited_user_id": visit.credited_user_id.id,
                "explanation": visit.explanation,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Phone Inquiry Logged: %(prospect)s", prospect=self.lead_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("leasing_office.leasing_phone_inquiry_view_done").id, "form")],
            "target": "new",
        }
