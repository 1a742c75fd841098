from odoo import fields, models
from odoo.tools import SQL


class LeasingCallReport(models.Model):
    """Fifty calls a day, 9:30–11:30: distinct prospects each agent on duty called within the
    window, against the daily target, per agent and duty day (on leave counts as off duty)."""

    _name = "leasing.call.report"
    _description = "Call Target Analysis"
    _auto = False
    _order = "date desc, user_id"

    date = fields.Date(string="Duty Day", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    called_count = fields.Integer(
        string="Prospects Called in Window", readonly=True, aggregator="sum"
    )
    target_count = fields.Integer(string="Call Target", readonly=True, aggregator="sum")
    shortfall_count = fields.Integer(string="Calls Short", readonly=True, aggregator="sum")
    short_day_count = fields.Integer(string="Days Short", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT l.id, r.date, l.user_id, r.company_id,
                   COALESCE(c.called, 0) AS called_count,
                   p.target AS target_count,
                   GREATEST(p.target - COALESCE(c.called, 0), 0) AS shortfall_count,
                   (COALESCE(c.called, 0) < p.target)::int AS short_day_count
              FROM leasing_rotation_line l
              JOIN leasing_rotation r ON r.id = l.rotation_id
              JOIN (SELECT id, leasing_call_target AS target FROM res_company) p
                ON p.id = r.company_id
              LEFT JOIN (
                    SELECT user_id, call_date, company_id, COUNT(DISTINCT lead_id) AS called
                      FROM leasing_call_log
                     WHERE in_window
                     GROUP BY user_id, call_date, company_id
             ) c ON c.user_id = l.user_id AND c.call_date = r.date
                AND c.company_id = r.company_id
             WHERE l.status != 'leave'
            """
        )
