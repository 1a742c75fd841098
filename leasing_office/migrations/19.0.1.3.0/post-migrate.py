"""19.0.1.3.0: contacts carry their source channel (utm.source); the visits and calls
registered before get their channel's own. Visitor registrations and field-visit plans are
named in office time: recompute their names. Field coverage starts a week after the upgrade
(the default first visit delay), so the prospects already held are not all owed at once."""

from datetime import timedelta

from odoo import SUPERUSER_ID, api

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.models.office_defaults import FIELD_FIRST_DAYS

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
    start = office_clock.office_today(env) + timedelta(days=FIELD_FIRST_DAYS)
    env["ir.config_parameter"].set_param("leasing_office.field_coverage_since", str(start))
