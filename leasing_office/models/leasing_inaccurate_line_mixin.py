from odoo import fields, models
from odoo.exceptions import UserError


class LeasingInaccurateLineMixin(models.AbstractModel):
    """A form line the manager or leadership may mark inaccurate on its own.

    The mark and its note are stamped on the line, and the form is marked with them (once):
    the form counts as not done in the compliance checks and the compliance analysis, and
    costs its owner the statement's deduction for an inaccurate form. Never the owner's
    mark, never typed.
    """

    _name = "leasing.inaccurate.line.mixin"
    _description = "Form Line Marked Inaccurate"
    _inherit = ["leasing.form.line.mixin"]

    inaccurate_at = fields.Datetime(string="Marked Inaccurate On", readonly=True, copy=False)
    inaccurate_by_id = fields.Many2one(
        "res.users", string="Marked Inaccurate By", readonly=True, copy=False
    )
    inaccurate_note = fields.Text(string="Inaccuracy Note", readonly=True, copy=False)

    def _inaccurate_form(self):
        return self[self._line_parent_field]

    def action_mark_inaccurate(self):
        """Manager or leadership: open the note that marks this line inaccurate."""
        self.ensure_one()
        self._check_may_mark_line_inaccurate()
        form = self._inaccurate_form()
        return {
            "type": "ir.actions.act_window",
            "res_model": "leasing.inaccurate.mark",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_form_ref": f"{form._name},{form.id}",
                "default_line_ref": f"{self._name},{self.id}",
            },
        }

    def _check_may_mark_line_inaccurate(self):
        form = self._inaccurate_form()
        if not form._is_leasing_manager():
            raise UserError(
                self.env._("Only the leasing manager or leadership marks a form inaccurate.")
            )
        form.check_access("write")
        if not form.submitted_at:
            raise UserError(
                self.env._(
                    "%(form)s was not submitted: only a submitted form is marked inaccurate.",
                    form=form.display_name,
                )
            )
        if self.inaccurate_at:
            raise UserError(self.env._("This line is already marked inaccurate."))

    def _mark_inaccurate(self, note):
        """Mark the line, and its form unless the form is marked already (then the line's
        mark is logged on the form)."""
        self.ensure_one()
        self._check_may_mark_line_inaccurate()
        note = (note or "").strip()
        if not note:
            raise UserError(self.env._("Say what is inaccurate or false in the form."))
        mark = {
            "inaccurate_at": fields.Datetime.now(),
            "inaccurate_by_id": self.env.user.id,
        }
        self._write_guarded({**mark, "inaccurate_note": note})
        form = self._inaccurate_form()
        line_note = self.env._(
            "Line %(prospect)s: %(note)s", prospect=self.lead_id.display_name, note=note
        )
        if form.inaccurate_at:
            form.message_post(body=line_note)
        else:
            form._write_guarded({**mark, "inaccurate_note": line_note})
        return True
