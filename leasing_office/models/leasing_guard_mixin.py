from odoo import api, models, tools
from odoo.exceptions import AccessError, UserError

# The key that opens the gate. Only an object that lives in this process can open it: a
# context sent over JSON-RPC or XML-RPC carries strings and numbers, never this object, and
# ``sudo()`` alone does not open it either.
_GATE = object()
_GATE_KEY = "leasing_guard_gate"

# Fields written by the ORM itself on every model.
_ORM_FIELDS = frozenset(models.MAGIC_COLUMNS) | {"display_name"}


class LeasingGuardMixin(models.AbstractModel):
    """Fields that carry a decision are written only by the model's own actions.

    A guarded field is every field of the leasing addons that is read-only in its
    definition (workflow states, approvals, stamps, ledgers, computed figures), plus the
    names listed in ``_guarded_fields``. ``create`` and ``write`` refuse them, for every
    role and under ``sudo()``, unless an action opened the gate with ``_with_gate()``
    after checking the caller's role and the transition (``_check_transition``).
    """

    _name = "leasing.guard.mixin"
    _description = "Leasing Office Guarded Fields"

    # Editable-looking fields that still carry a decision (one line per new field).
    _guarded_fields = frozenset()
    # {field: {new value: allowed current values}}: the transitions actions may make.
    _state_transitions = {}
    # Records the system generates (ledgers, findings): only actions delete them.
    _guarded_unlink = False

    @api.model
    @tools.ormcache()
    def _get_guarded_field_names(self):
        return frozenset(
            name
            for name, field in self._fields.items()
            if name not in _ORM_FIELDS
            and (
                name in self._guarded_fields
                or (field.readonly and (field._module or "").startswith("leasing_office"))
            )
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if self._gate_is_open():
            return super().create(vals_list)
        self._check_guarded_create(vals_list)
        return super(LeasingGuardMixin, self._without_guarded_defaults()).create(vals_list)

    def write(self, vals):
        self._check_guarded_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_guarded(self):
        if self._guarded_unlink and not self._gate_is_open():
            raise AccessError(
                self.env._(
                    "%(model)s records are kept by the office's own actions and are never "
                    "deleted by hand.",
                    model=self._description,
                )
            )

    # ------------------------------------------------------------------
    # THE GATE
    # ------------------------------------------------------------------

    def _gate_is_open(self):
        return self.env.context.get(_GATE_KEY) is _GATE

    def _open_gate(self):
        """These records with the gate open, same user and rights: for a ``create``
        override that fills guarded values itself after ``_check_guarded_create``."""
        return self._without_guarded_defaults().with_context(**{_GATE_KEY: _GATE})

    def _with_gate(self):
        """These records as superuser with the gate open: for action methods only,
        after they checked who is calling and what the records may become."""
        return self.sudo()._open_gate()

    def _write_guarded(self, vals):
        return self._with_gate().write(vals)

    def _create_guarded(self, vals_list):
        """Create through the gate; the records come back in the caller's environment."""
        return self._with_gate().create(vals_list).with_env(self.env)

    def _check_guarded_create(self, vals_list):
        """Refuse what a caller of ``create`` may not set (before any override fills it)."""
        if not self._gate_is_open():
            for vals in vals_list:
                self._check_guarded_vals(self._guarded_on_create(vals))

    def _check_guarded_write(self, vals):
        """Refuse guarded values in ``vals``; overrides call it before their own checks."""
        if not self._gate_is_open():
            self._check_guarded_vals(self._guarded_on_write(vals))

    def _guarded_on_create(self, vals):
        """Guarded names set to anything but their default on a new record."""
        names = self._get_guarded_field_names().intersection(vals)
        return {name for name in names if not self._is_default_value(name, vals[name])}

    def _guarded_on_write(self, vals):
        return self._get_guarded_field_names().intersection(vals)

    def _is_default_value(self, name, value):
        default = self.default_get([name]).get(name) if self._fields[name].default else False
        return (not value and not default) or value == default

    def _without_guarded_defaults(self):
        """Drop ``default_<guarded field>`` keys a caller put in the context."""
        guarded = {f"default_{name}" for name in self._get_guarded_field_names()}
        if not guarded.intersection(self.env.context):
            return self
        # Keys are removed, which keyword arguments cannot do.
        kept = {key: value for key, value in self.env.context.items() if key not in guarded}
        return self.with_context(kept)  # pylint: disable=context-overridden

    def _check_guarded_vals(self, names):
        if not names:
            return
        labels = ", ".join(
            sorted(self._fields[name].get_description(self.env)["string"] for name in names)
        )
        raise AccessError(
            self.env._(
                "%(fields)s on %(model)s can only be changed by the form's own buttons "
                "(submit, approve, decide, register…), never written directly.",
                fields=labels,
                model=self.env["ir.model"]._get(self._name).name,
            )
        )

    # ------------------------------------------------------------------
    # TRANSITIONS
    # ------------------------------------------------------------------

    def _check_transition(self, field_name, new_value):
        """Raise unless every record may move ``field_name`` to ``new_value``."""
        allowed = self._state_transitions[field_name].get(new_value, ())
        labels = dict(self._fields[field_name]._description_selection(self.env))
        for record in self:
            if record[field_name] not in allowed:
                raise UserError(
                    self.env._(
                        "%(record)s cannot go from %(old)s to %(new)s.",
                        record=record.display_name,
                        old=labels.get(record[field_name], record[field_name]),
                        new=labels.get(new_value, new_value),
                    )
                )

    def _move_to(self, field_name, new_value, **extra):
        """Check the transition, then write it (and ``extra``) through the gate."""
        self._check_transition(field_name, new_value)
        return self._write_guarded({field_name: new_value, **extra})
