"""19.0.1.2.0: names and last contacts count in the office's time; recompute them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model, field in (
        ("leasing.visit", "name"),
        ("leasing.attribution.dispute", "name"),
        ("crm.lead", "last_contact_date"),
    ):
        records = env[model].with_context(active_test=False).search([])
        env.add_to_compute(records._fields[field], records)
        records.flush_recordset([field])
