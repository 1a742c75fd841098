from odoo import fields, models
from odoo.tools import SQL


class LeasingTargetReport(models.Model):
    """Target against actual per agent and for the department, for approved plans in force.

    Agents are credited with their own (non-public) contracts; the department row counts
    every signed contract, public-pool ones included. The department's figures and the
    agents' figures are separate measures, so no grouping ever adds the department row to
    its agents' rows; ``member`` names each row (the department row says "Department").
    """

    _name = "leasing.target.report"
    _description = "Target Analysis"
    _auto = False
    _order = "date_from desc, level desc, member"

    plan_id = fields.Many2one("leasing.target.plan", readonly=True)
    period_type = fields.Selection([("month", "Month"), ("quarter", "Quarter")], readonly=True)
    date_from = fields.Date(string="Period Start", readonly=True)
    date_to = fields.Date(string="Period End", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    level = fields.Selection([("department", "Department"), ("agent", "Agent")], readonly=True)
    member = fields.Char(string="Department / Agent", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    # The row's own figures: never summed across rows (a department row is not an agent).
    target_contracts = fields.Integer(string="Target", readonly=True, aggregator=None)
    actual_contracts = fields.Integer(string="Actual", readonly=True, aggregator=None)
    completion_rate = fields.Float(string="Completion (%)", readonly=True, aggregator=None)
    # The measures of the pivot: each one is non-zero on one level only.
    department_target = fields.Integer(readonly=True)
    department_actual = fields.Integer(readonly=True)
    agent_target = fields.Integer(string="Agents' Target", readonly=True)
    agent_actual = fields.Integer(string="Agents' Actual", readonly=True)

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
                       line.user_id, 'agent' AS level, partner.name AS member, p.company_id,
                       line.target_contracts,
                       (SELECT COUNT(*) FROM leasing_contract c
                         WHERE c.user_id = line.user_id AND NOT c.is_public
                           AND c.state = 'signed' AND c.company_id = p.company_id
                           AND c.signed_date BETWEEN p.date_from AND p.date_to
                       ) AS actual_contracts
                  FROM leasing_target_plan_line line
                  JOIN plans p ON p.id = line.plan_id
                  JOIN res_users u ON u.id = line.user_id
                  JOIN res_partner partner ON partner.id = u.partner_id
                UNION ALL
                SELECT p.id * 2 + 1, p.id, p.period_type, p.date_from, p.date_to,
                       NULL, 'department', %(department)s, p.company_id, p.target_contracts,
                       (SELECT COUNT(*) FROM leasing_contract c
                         WHERE c.state = 'signed' AND c.company_id = p.company_id
                           AND c.signed_date BETWEEN p.date_from AND p.date_to)
                  FROM plans p
            )
            SELECT rows.*,
                   CASE WHEN target_contracts > 0
                        THEN ROUND(100.0 * actual_contracts / target_contracts, 2)
                        ELSE 0 END AS completion_rate,
                   CASE WHEN level = 'department' THEN target_contracts ELSE 0 END
                       AS department_target,
                   CASE WHEN level = 'department' THEN actual_contracts ELSE 0 END
                       AS department_actual,
                   CASE WHEN level = 'agent' THEN target_contracts ELSE 0 END AS agent_target,
                   CASE WHEN level = 'agent' THEN actual_contracts ELSE 0 END AS agent_actual
              FROM rows
            """,
            department=self.env._("Department"),
        )
