"""Checks of the raw values a client sends to ``create`` or ``write``.

Odoo converts a value when it stores it, but the office's own checks run before that and
compare or compute with what the client sent. These helpers run first and turn a value of
the wrong type into a clear, translated error instead of a crash. Each takes the model
(for its field labels and language) and the values dictionary.
"""

from datetime import date

from odoo import fields
from odoo.exceptions import ValidationError


def _label(model, name):
    return model._fields[name].get_description(model.env)["string"]


def number(model, vals, name):
    """The value of ``name`` as a float (0.0 when absent or empty), or a clear error."""
    value = vals.get(name)
    if value is None or value is False:
        return 0.0
    error = ValidationError(model.env._("%(field)s must be a number.", field=_label(model, name)))
    if isinstance(value, bool):
        raise error
    try:
        return float(value)
    except (TypeError, ValueError):
        raise error from None


def text(model, vals, name, required=False):
    """The value of ``name`` stripped of surrounding spaces ('' when absent), or a clear
    error when it is not text, or blank while ``required``."""
    value = vals.get(name)
    if value is None or value is False:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(model.env._("%(field)s must be text.", field=_label(model, name)))
    value = value.strip()
    if required and not value:
        raise ValidationError(model.env._("%(field)s cannot be blank.", field=_label(model, name)))
    return value


def record_id(model, vals, name):
    """The id given for the relational field ``name`` (0 when absent), or a clear error."""
    value = vals.get(name)
    if value is None or value is False:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValidationError(
        model.env._("%(field)s must be chosen from the list.", field=_label(model, name))
    )


def day(model, vals, name):
    """The value of ``name`` as a date (None when absent or empty), or a clear error."""
    value = vals.get(name)
    if value is None or value is False or value == "":
        return None
    error = ValidationError(
        model.env._("%(field)s must be a date (YYYY-MM-DD).", field=_label(model, name))
    )
    if not isinstance(value, (date, str)):
        raise error
    try:
        return fields.Date.to_date(value)
    except ValueError:
        raise error from None
