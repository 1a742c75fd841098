"""Test-only models that carry the shared mixins, registered by the tests themselves."""

from odoo import api, fields, models


class LeasingFakeForm(models.Model):
    _name = "leasing.fake.form"
    _description = "Test Form"
    _inherit = ["leasing.form.mixin"]
    _module = None  # never remembered as part of an addon
    _form_required_fields = ("name", "due_date")

    name = fields.Char()
    due_date = fields.Date()

    @api.depends("due_date")
    def _compute_deadline(self):
        for form in self:
            form.deadline = self._end_of_day(form.due_date)


class LeasingFakePlan(models.Model):
    _name = "leasing.fake.plan"
    _description = "Test Approved Form"
    _inherit = ["leasing.form.mixin", "leasing.approval.mixin"]
    _module = None
    _form_required_fields = ("name",)

    name = fields.Char()

    @api.depends("create_date")
    def _compute_deadline(self):
        for plan in self:
            plan.deadline = fields.Datetime.now()
