"""19.0.1.3.0: contacts carry their source channel (utm.source); the visits and calls
registered before get their channel's own. Visitor registrations and field-visit plans are
named in office time: recompute their names."""

from odoo import SUPERUSER_ID, api

CHANNEL_SOURCES = {"walk_in": "utm_source_walk_in", "phone": "utm_source_phone"}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for channel, xmlid in CHANNEL_SOURCES.items():
        source = env.ref(f"leasing_office.{xmlid}", raise_if_not_found=False)
        if source:
            cr.execute(
                "UPDATE leasing_visit SET source_id = %s WHERE channel = %s AND source_id IS NULL",
                (source.id, channel),
            )
    for model in ("leasing.visitor.registration", "leasing.field.visit.plan"):
        ids = env[model].with_context(active_test=False).search([]).ids
        for start in range(0, len(ids), 5000):
            records = env[model].browse(ids[start : start + 5000])
            env.add_to_compute(records._fields["name"], records)
            records.flush_recordset(["name"])
            env.invalidate_all()
