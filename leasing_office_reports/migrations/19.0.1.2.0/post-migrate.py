"""19.0.1.2.0: recount the visit counts per channel and source channel."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    api.Environment(cr, SUPERUSER_ID, {})["leasing.visit.report"]._rebuild()
