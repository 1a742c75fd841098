from odoo import api, fields, models
from odoo.exceptions import UserError

from . import office_clock, vals_check


class LeasingFieldVisitLog(models.Model):
    """走訪日誌: one outcome per planned prospect, due by the next morning.

    The manager reviews every log (the approval mixin's signature, labelled as a review).
    """

    _name = "leasing.field.visit.log"
    _description = "Field-visit Log"
    _check_company_auto = True
    _inherit = ["leasing.form.mixin", "leasing.approval.mixin"]
    _form_key = "field_log"
    _form_sequence = 60
    _order = "visit_date desc, id desc"
    _rec_name = "plan_id"

    plan_id = fields.Many2one(
        "leasing.field.visit.plan",
        string="Field-visit Plan",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    visit_date = fields.Date(compute="_compute_visit_date", store=True)
    line_ids = fields.One2many("leasing.field.visit.log.line", "log_id", string="Outcomes")

    @api.depends("plan_id.departure")
    def _compute_visit_date(self):
        for log in self:
            departure = log.plan_id.departure
            log.visit_date = departure and office_clock.local_date(departure, self._office_tz())

    @api.depends("plan_id.departure")
    def _compute_deadline(self):
        hour, minute = office_clock.hours_to_hm(self.env.company.leasing_log_hour)
        for log in self:
            departure = log.plan_id.departure
            log.deadline = departure and office_clock.next_morning(
                departure, hour, minute, self._office_tz()
            )

    @api.depends("line_ids", "line_ids.outcome")
    def _compute_is_complete(self):
        return super()._compute_is_complete()

    def _get_missing_fields(self):
        missing = super()._get_missing_fields()
        if not self.line_ids or not all(self.line_ids.mapped("outcome")):
            missing.append(self.env._("an outcome for every planned prospect"))
        return missing

    @api.model_create_multi
    def create(self, vals_list):
        self._check_guarded_create(vals_list)
        for vals in vals_list:
            plan = self._plan_of_new_log(vals)
            if plan.approval_state != "approved":
                raise UserError(
                    self.env._("The manager approves the field-visit plan before the visit.")
                )
            vals.setdefault("user_id", plan.user_id.id)
            vals.setdefault(
                "line_ids",
                [fields.Command.create({"lead_id": line.lead_id.id}) for line in plan.line_ids],
            )
        return super().create(vals_list)

    @api.model
    def _plan_of_new_log(self, vals):
        """The field-visit plan a new log reports on, or a clear error."""
        plan = self.env["leasing.field.visit.plan"].browse(
            vals_check.record_id(self, vals, "plan_id")
        )
        if not plan.exists():
            raise UserError(self.env._("Choose the field-visit plan this log reports on."))
        return plan

    def action_submit(self):
        super().action_submit()
        return self.action_request_approval()
