from odoo import api, fields, models


class LeasingInaccurateMark(models.TransientModel):
    """The manager's or leadership's note marking a submitted form inaccurate or false."""

    _name = "leasing.inaccurate.mark"
    _description = "Mark a Form Inaccurate"

    form_ref = fields.Reference(selection="_selection_form_ref", string="Form", required=True)
    note = fields.Text(string="What Is Inaccurate", required=True)

    @api.model
    def _selection_form_ref(self):
        return [
            (model, self.env[model]._description)
            for model in self.env.registry.descendants(["leasing.form.mixin"], "_inherit")
            if not self.env[model]._abstract
        ]

    def action_mark(self):
        self.ensure_one()
        self.form_ref._mark_inaccurate(self.note)
        return True
