from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models.crm_lead import ATTRIBUTION_TYPES


class LeasingVisitReport(models.Model):
    """Visits per agent and day, by attribution type: one row per registered visit."""

    _name = "leasing.visit.report"
    _description = "Visit Analysis"
    _auto = False
    _order = "visit_date desc"
    _rec_name = "visit_date"

    visit_date = fields.Date(readonly=True)
    visit_datetime = fields.Datetime(string="Visited At", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Prospect", readonly=True)
    credited_user_id = fields.Many2one("res.users", string="Credited Agent", readonly=True)
    received_user_id = fields.Many2one("res.users", string="Received By", readonly=True)
    attribution_type = fields.Selection(ATTRIBUTION_TYPES, string="Attribution", readonly=True)
    visit_kind = fields.Selection(
        [("first", "First Visit"), ("returning", "Returning")], readonly=True
    )
    is_public = fields.Boolean(string="Public Pool", readonly=True)
    on_behalf = fields.Boolean(string="Received on Behalf", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True, aggregator="sum")
    first_visit_count = fields.Integer(string="First Visits", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT v.id AS id,
                   (v.visit_datetime AT TIME ZONE 'UTC')::date AS visit_date,
                   v.visit_datetime,
                   v.lead_id,
                   v.credited_user_id,
                   v.received_user_id,
                   v.attribution_type,
                   v.visit_kind,
                   v.credited_user_id IS NULL AS is_public,
                   v.on_behalf,
                   v.company_id,
                   1 AS visit_count,
                   CASE WHEN v.visit_kind = 'first' THEN 1 ELSE 0 END AS first_visit_count
              FROM leasing_visit v
             WHERE v.state = 'done'
            """
        )
