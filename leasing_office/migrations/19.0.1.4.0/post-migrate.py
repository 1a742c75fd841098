"""19.0.1.4.0: the office's settings are per company (each mall its own office). Copy each
setting's ``ir.config_parameter`` value into every company, then drop the parameter: nothing
reads it any more. A parameter never set leaves the company on the default. The date field
coverage started (``leasing_office.field_coverage_since``) is a fact of this database's
upgrade, not a setting: it stays a parameter."""

from odoo import SUPERUSER_ID, api

from odoo.addons.leasing_office.models import office_defaults


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    copy_parameters(env)


def copy_parameters(env):
    """Write every parameter set in this database into every company; return what was copied."""
    Params = env["ir.config_parameter"].sudo()
    companies = env["res.company"].with_context(active_test=False).search([])
    copied = {}
    for key in office_defaults.SETTINGS:
        param = Params.search([("key", "=", office_defaults.parameter_key(key))])
        field = companies._fields[office_defaults.company_field(key)]
        value = convert(field, param.value)
        if value is not None:
            copied[field.name] = value
        param.unlink()
    if copied:
        companies.write(copied)
    return copied


def convert(field, raw):
    """The parameter's text as the field's value; None when empty or not a valid value."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        if field.type == "integer":
            return int(float(raw))
        if field.type == "float":
            return float(raw)
    except ValueError:
        return None
    if field.type == "selection":
        return raw if raw in dict(field.selection) else None
    return raw
