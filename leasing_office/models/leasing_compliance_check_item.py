from odoo import api, fields, models

from .leasing_form_mixin import COMPLIANCE


class LeasingComplianceCheckItem(models.Model):
    """A form that counts as not done in a checked period."""

    _name = "leasing.compliance.check.item"
    _description = "Form Not Done"
    _inherit = ["leasing.guard.mixin"]
    _order = "user_id, deadline"
    # The forms not done, as the check found them.
    _guarded_fields = frozenset(
        {"check_id", "form_ref", "user_id", "deadline", "compliance", "obligation_id"}
    )
    _guarded_unlink = True

    check_id = fields.Many2one(
        "leasing.compliance.check", required=True, ondelete="cascade", index=True
    )
    form_ref = fields.Reference(selection="_selection_form_ref", string="Form")
    # An expected form nobody started: there is no form, only what was expected.
    obligation_id = fields.Many2one("leasing.obligation", string="Expected", index=True)
    user_id = fields.Many2one("res.users", string="Agent", index=True)
    deadline = fields.Datetime()
    compliance = fields.Selection(COMPLIANCE)

    @api.model
    def _selection_form_ref(self):
        return [
            (model, self.env[model]._description)
            for model in self.env["leasing.form.mixin"]._form_models()
        ]
