from odoo import fields, models
from odoo.tools import SQL


class LeasingTargetReport(models.Model):
    """Target against actual per agent and for the department, for approved plans in force.

    Agents are credited with their own (non-public) contracts; the department row counts
    every signed contract, public-pool ones included.
    """

    _name = "leasing.target.report"
    _description = "Target Analysis"
    _auto = False
    _order = "date_from desc, is_department desc, user_id"

    plan_id = fields.Many2one("leasing.target.plan", readonly=True)
    period_type = fields.Selection([("month", "Month"), ("quarter", "Quarter")], readonly=True)
    date_from = fields.Date(string="Period Start", readonly=True)
    date_to = fields.Date(string="Period End", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    is_department = fields.Boolean(string="Department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    target_contracts = fields.Integer(string="Target", readonly=True, aggregator="sum")
    actual_contracts = fields.Integer(string="Actual", readonly=True, aggregator="sum")
    completion_rate = fields.Float(string="Completion (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL(
            """
            WITH plans AS (
                SELECT p.id, p.period_type, p.date_from, p.date_to, p.company_id,
                       p.target_contracts
                  FROM leasing_target_plan p
                 WHERE p.active AND p.approval_state = 'approved'
            ), rows AS (
                SELECT line.id * 2 AS id, p.id AS plan_id, p.period_type, p.date_from, p.date_to,
                       line.user_id, FALSE AS is_department, p.company_id,
                       line.target_contracts,
                       (SELECT COUNT(*) FROM leasing_contract c
                         WHERE c.user_id = line.user_id AND NOT c.is_public
                           AND c.state = 'signed' AND c.company_id = p.company_id
                           AND c.signed_date BETWEEN p.date_from AND p.date_to
                       ) AS actual_contracts
                  FROM leasing_target_plan_line line
                  JOIN plans p ON p.id = line.plan_id
                UNION ALL
                SELECT p.id * 2 + 1, p.id, p.period_type, p.date_from, p.date_to,
                       NULL, TRUE, p.company_id, p.target_contracts,
                       (SELECT COUNT(*) FROM leasing_contract c
                         WHERE c.state = 'signed' AND c.company_id = p.company_id
                           AND c.signed_date BETWEEN p.date_from AND p.date_to)
                  FROM plans p
            )
            SELECT rows.*,
                   CASE WHEN target_contracts > 0
                        THEN ROUND(100.0 * actual_contracts / target_contracts, 2)
                        ELSE 0 END AS completion_rate
              FROM rows
            """
        )
