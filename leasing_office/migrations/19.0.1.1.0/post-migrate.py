"""19.0.1.1.0: phone keys now cover possible (not yet allocated) numbers; recompute them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    leads = env["crm.lead"].with_context(active_test=False).search([("phone", "!=", False)])
    env.add_to_compute(leads._fields["leasing_phone_key"], leads)
    leads.flush_recordset(["leasing_phone_key"])
