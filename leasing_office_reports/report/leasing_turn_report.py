from odoo import fields, models
from odoo.tools import SQL


class LeasingTurnReport(models.Model):
    """Rotation fairness: turns taken, make-up turns and skips per agent and duty day.

    ``first_turn_count`` marks the first regular turn of each duty day: grouped by week it
    shows whether the first walk-in of the morning goes round the agents across days.
    """

    _name = "leasing.turn.report"
    _description = "Rotation Fairness Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    rotation_id = fields.Many2one("leasing.rotation", readonly=True)
    kind = fields.Selection(
        [("turn", "Regular Turn"), ("makeup", "Make-up Turn"), ("skip", "Skipped")], readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    turn_count = fields.Integer(string="Turns", readonly=True, aggregator="sum")
    makeup_count = fields.Integer(string="Make-up Turns", readonly=True, aggregator="sum")
    skip_count = fields.Integer(string="Skips", readonly=True, aggregator="sum")
    first_turn_count = fields.Integer(
        string="First Turns of the Day", readonly=True, aggregator="sum"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY rows.date, rows.user_id, rows.kind) AS id, rows.*
              FROM (
                    SELECT r.date, l.user_id, t.rotation_id, r.company_id,
                           CASE WHEN t.is_makeup THEN 'makeup' ELSE 'turn' END AS kind,
                           1 AS turn_count, t.is_makeup::int AS makeup_count, 0 AS skip_count,
                           (NOT t.is_makeup AND t.id = (
                                SELECT f.id FROM leasing_rotation_turn f
                                 WHERE f.rotation_id = t.rotation_id AND f.state = 'done'
                                   AND NOT f.is_makeup
                                 ORDER BY f.date, f.id LIMIT 1))::int AS first_turn_count
                      FROM leasing_rotation_turn t
                      JOIN leasing_rotation_line l ON l.id = t.line_id
                      JOIN leasing_rotation r ON r.id = t.rotation_id
                     WHERE t.state = 'done'
                    UNION ALL
                    SELECT r.date, l.user_id, t.rotation_id, r.company_id, 'skip', 0, 0, 1, 0
                      FROM leasing_rotation_turn_skipped_rel s
                      JOIN leasing_rotation_turn t ON t.id = s.leasing_rotation_turn_id
                      JOIN leasing_rotation_line l ON l.id = s.leasing_rotation_line_id
                      JOIN leasing_rotation r ON r.id = t.rotation_id
                     WHERE t.state = 'done'
              ) rows
            """
        )
