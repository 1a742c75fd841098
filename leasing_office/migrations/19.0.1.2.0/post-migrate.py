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
        recompute_in_batches(env, model, field)


def recompute_in_batches(env, model, field, size=5000):
    """Recompute a stored field of every record, a batch at a time: a million visits in one
    environment exhaust the memory of the upgrade."""
    ids = env[model].with_context(active_test=False).search([]).ids
    for start in range(0, len(ids), size):
        records = env[model].browse(ids[start : start + size])
        env.add_to_compute(records._fields[field], records)
        records.flush_recordset([field])
        env.invalidate_all()
