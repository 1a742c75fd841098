from odoo import api, models
from odoo.exceptions import UserError


class LeasingFormLineMixin(models.AbstractModel):
    """A line of a form: locked whenever its form is.

    A submitted, approved or reviewed form refuses new lines, changes and deletions of its
    lines, except the fields in ``_line_open_fields`` (results filled in later) and except
    for the leasing manager, who corrects forms (tracked on the form).
    """

    _name = "leasing.form.line.mixin"
    _description = "Leasing Office Form Line"
    _inherit = ["leasing.guard.mixin"]

    # The Many2one to the form that owns the line.
    _line_parent_field = None
    # Fields the owner may still fill on a locked form.
    _line_open_fields = frozenset()

    @api.model_create_multi
    def create(self, vals_list):
        Parent = self.env[self._fields[self._line_parent_field].comodel_name]
        parents = Parent.browse({vals.get(self._line_parent_field) for vals in vals_list} - {None})
        self._check_parents_open(parents)
        return super().create(vals_list)

    def write(self, vals):
        touched = {name for name in vals if not name.startswith(("message_", "activity_"))}
        if touched - self._line_open_fields or self._line_parent_field in vals:
            self._check_parents_open(self[self._line_parent_field])
            if self._line_parent_field in vals:
                Parent = self.env[self._fields[self._line_parent_field].comodel_name]
                self._check_parents_open(Parent.browse(vals[self._line_parent_field]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_form(self):
        self._check_parents_open(self[self._line_parent_field])

    def _check_parents_open(self, parents):
        if self._gate_is_open():
            return
        for parent in parents.exists():
            if self._is_line_locked(parent):
                raise UserError(self._line_locked_message(parent))

    def _line_locked_message(self, parent):
        return self.env._(
            "%(form)s is locked: its lines cannot be added, changed or removed. "
            "Ask for it to be returned for correction.",
            form=parent.display_name,
        )

    def _is_line_locked(self, parent):
        """Hook: whether ``parent`` refuses changes to its lines by the current user."""
        manager = self.env.user.has_group("leasing_office.group_leasing_manager")
        return parent._is_locked_for_owner() and not manager
