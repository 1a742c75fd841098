"""19.0.1.1.0: the visit counts are kept per office day (not UTC day) under a key that needs
no PostgreSQL 15; recount them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    api.Environment(cr, SUPERUSER_ID, {})["leasing.visit.report"]._rebuild()
