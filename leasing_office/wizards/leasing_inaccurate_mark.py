from odoo import api, fields, models


class LeasingInaccurateMark(models.TransientModel):
    """The manager's or leadership's note marking a submitted form, or one of its lines,
    inaccurate or false."""

    _name = "leasing.inaccurate.mark"
    _description = "Mark a Form Inaccurate"

    form_ref = fields.Reference(selection="_selection_form_ref", string="Form", required=True)
    # Set when a single line of the form is marked (the form is marked with it).
    line_ref = fields.Reference(selection="_selection_line_ref", string="Line")
    note = fields.Text(string="What Is Inaccurate", required=True)

    @api.model
    def _selection_form_ref(self):
        return [
            (model, self.env[model]._description)
            for model in self.env.registry.descendants(["leasing.form.mixin"], "_inherit")
            if not self.env[model]._abstract
        ]

    @api.model
    def _selection_line_ref(self):
        return [
            (model, self.env[model]._description)
            for model in self.env.registry.descendants(
                ["leasing.inaccurate.line.mixin"], "_inherit"
            )
            if not self.env[model]._abstract
        ]

    def action_mark(self):
        self.ensure_one()
        (self.line_ref or self.form_ref)._mark_inaccurate(self.note)
        return True
