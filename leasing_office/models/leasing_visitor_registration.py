from odoo import api, fields, models

from . import office_clock, vals_check


class LeasingVisitorRegistration(models.Model):
    """來訪客戶登記表: handed to front desk as soon as the prospect leaves."""

    _name = "leasing.visitor.registration"
    _description = "Visitor Registration"
    _check_company_auto = True
    _inherit = ["leasing.form.mixin", "leasing.prospect.link.mixin"]
    _form_key = "registration"
    _form_sequence = 10
    _prospect_link_fields = ("lead_id", "visit_id")
    _order = "visit_end desc, id desc"
    _form_required_fields = ("lead_id", "business_type", "desired_area", "needs")

    name = fields.Char(compute="_compute_name", store=True)
    visit_id = fields.Many2one("leasing.visit", index=True, check_company=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, index=True, check_company=True
    )
    visit_end = fields.Datetime(
        string="Prospect Left At", required=True, default=fields.Datetime.now, index=True
    )
    business_type = fields.Char(string="Line of Business")
    desired_area = fields.Float(string="Desired Area (m²)")
    budget = fields.Float(string="Monthly Budget")
    needs = fields.Text()

    @api.depends("lead_id", "visit_end")
    def _compute_name(self):
        """The prospect and the office's wall-clock time the prospect left (not UTC)."""
        for form in self:
            moment = form.visit_end and office_clock.office_moment(
                self.env, form.visit_end, form.company_id
            )
            form.name = f"{form.lead_id.display_name or ''} · {moment or ''}"

    @api.model_create_multi
    def create(self, vals_list):
        if not self._gate_is_open():
            for vals in vals_list:
                self._align_visit_end(vals)
        return super().create(vals_list)

    def write(self, vals):
        # The times that decide the deadline come from the visit front desk stamped.
        if not self._gate_is_open() and self.filtered("visit_id"):
            self._check_guarded_vals({"visit_end", "visit_id"}.intersection(vals))
        return super().write(vals)

    @api.model
    def _align_visit_end(self, vals):
        """A registration of a visit front desk marked left is due from that moment."""
        visit = self.env["leasing.visit"].browse(vals_check.record_id(self, vals, "visit_id"))
        left_at = visit.exists() and visit.sudo().left_at
        if left_at:
            vals["visit_end"] = left_at

    @api.depends("visit_end")
    def _compute_deadline(self):
        minutes = self.env.company.leasing_registration_minutes
        for form in self:
            form.deadline = form.visit_end and office_clock.after_minutes(form.visit_end, minutes)
