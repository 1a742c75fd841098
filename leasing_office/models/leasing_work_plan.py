from datetime import timedelta

from odoo import api, fields, models

from . import office_clock
from .office_lang import office_env


class LeasingWorkPlan(models.Model):
    """The next day's work, produced every evening for the manager to assign."""

    _name = "leasing.work.plan"
    _description = "Next-day Work Plan"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, index=True)
    line_ids = fields.One2many("leasing.work.plan.line", "work_plan_id", string="Work")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _date_company_uniq = models.UniqueIndex("(company_id, date)", "One work plan per day.")

    @api.depends("date")
    def _compute_name(self):
        for plan in self:
            plan.name = office_env(self.env)._("Work plan %(date)s", date=plan.date or "")

    @api.model
    def _cron_prepare_tomorrow(self):
        for company in self.env["res.company"].search([("active", "=", True)]):
            plans = self.with_company(company)
            tomorrow = office_clock.office_today(plans.env) + timedelta(days=1)
            plan = plans.search([("date", "=", tomorrow), ("company_id", "=", company.id)])
            plan = plan or plans.create({"date": tomorrow})
            plan._fill()

    def _fill(self):
        """Add tomorrow's follow-ups, the signing plans still to chase and the prospects due
        a field visit, once each."""
        self.ensure_one()
        known = {(line.res_model, line.res_id) for line in self.line_ids}
        followups = self.env["leasing.followup.plan.line"].search(
            [
                ("planned_date", "=", self.date),
                ("done_date", "=", False),
                ("plan_id.company_id", "=", self.company_id.id),
            ]
        )
        signings = self.env["leasing.signing.plan"].search(
            [
                ("state", "=", "open"),
                ("planned_signing_date", "<=", self.date),
                ("company_id", "=", self.company_id.id),
            ]
        )
        field_due = self.env["crm.lead"].search(
            [
                ("attributed_user_id", "!=", False),
                ("next_field_visit_due", "<=", self.date),
                ("company_id", "in", (self.company_id.id, False)),
            ]
        )
        vals = (
            [
                self._line_vals("followup", line, line.lead_id, line.user_id, line.purpose)
                for line in followups
            ]
            + [
                self._line_vals("signing", plan, plan.lead_id, plan.user_id, plan.name)
                for plan in signings
            ]
            + [
                self._line_vals(
                    "field_visit",
                    lead,
                    lead,
                    lead.attributed_user_id,
                    self.env._("Field visit due %(date)s", date=lead.next_field_visit_due),
                )
                for lead in field_due
            ]
        )
        new_lines = [v for v in vals if (v["res_model"], v["res_id"]) not in known]
        self._open_gate().write({"line_ids": [fields.Command.create(v) for v in new_lines]})

    def _line_vals(self, kind, record, lead, user, note):
        return {
            "kind": kind,
            "res_model": record._name,
            "res_id": record.id,
            "lead_id": lead.id,
            "planned_user_id": user.id,
            "assigned_user_id": user.id,
            "note": note,
        }
