from datetime import timedelta

from odoo import api, fields, models

from . import office_clock
from .office_lang import office_env


class LeasingFieldVisitPlan(models.Model):
    """走訪計畫表: the prospects to visit and why, signed by the manager before going out."""

    _name = "leasing.field.visit.plan"
    _description = "Field-visit Plan"
    _inherit = ["leasing.form.mixin", "leasing.approval.mixin"]
    _form_key = "field_plan"
    _form_sequence = 50
    _order = "departure desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    departure = fields.Datetime(
        string="Leaving At",
        required=True,
        default=lambda self: fields.Datetime.now() + timedelta(hours=1),
        help="The plan is due before the agent goes out.",
    )
    line_ids = fields.One2many("leasing.field.visit.plan.line", "plan_id", string="Prospects")
    log_ids = fields.One2many("leasing.field.visit.log", "plan_id", string="Field-visit Logs")

    @api.depends("user_id", "departure")
    def _compute_name(self):
        for plan in self:
            plan.name = office_env(self.env)._(
                "Field visits %(agent)s %(date)s",
                agent=plan.user_id.name,
                date=office_clock.office_date(self.env, plan.departure, plan.company_id) or "",
            )

    @api.depends("departure")
    def _compute_deadline(self):
        for plan in self:
            plan.deadline = plan.departure

    @api.depends("line_ids", "line_ids.purpose")
    def _compute_is_complete(self):
        return super()._compute_is_complete()

    def _get_missing_fields(self):
        missing = super()._get_missing_fields()
        if not self.line_ids:
            missing.append(self.env._("at least one prospect to visit"))
        elif not all(self.line_ids.mapped("purpose")):
            missing.append(self.env._("the purpose of every visit"))
        return missing

    def action_submit(self):
        super().action_submit()
        return self.action_request_approval()

    def action_open_log(self):
        """Start (or open) the log of this approved plan."""
        self.ensure_one()
        self.check_access("read")
        log = self.log_ids[:1] or self.env["leasing.field.visit.log"].create({"plan_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "leasing.field.visit.log",
            "res_id": log.id,
            "view_mode": "form",
        }
