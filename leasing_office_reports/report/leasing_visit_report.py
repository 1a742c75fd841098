from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models.crm_lead import ATTRIBUTION_TYPES

# The dimensions of a row; a registered visit adds one to the row of its values.
DIMENSIONS = (
    "visit_date",
    "credited_user_id",
    "received_user_id",
    "attribution_type",
    "visit_kind",
    "on_behalf",
    "company_id",
)


class LeasingVisitReport(models.Model):
    """Visits per agent and day by attribution type, kept as running daily counts.

    One row per day, credited agent, receiver, attribution, kind and company, updated in the
    same transaction as each registration or undo (``leasing.visit`` below). A pivot over
    three years then groups a few tens of thousands of rows, not a million visits.
    """

    _name = "leasing.visit.report"
    _description = "Visit Analysis"
    _order = "visit_date desc"
    _rec_name = "visit_date"

    visit_date = fields.Date(string="Visited On", readonly=True, index=True)
    credited_user_id = fields.Many2one("res.users", string="Credited Agent", readonly=True)
    received_user_id = fields.Many2one("res.users", string="Received By", readonly=True)
    attribution_type = fields.Selection(ATTRIBUTION_TYPES, string="Attribution", readonly=True)
    visit_kind = fields.Selection(
        [("first", "First Visit"), ("returning", "Returning")], readonly=True
    )
    is_public = fields.Boolean(
        string="Public Pool", compute="_compute_is_public", store=True, readonly=True
    )
    on_behalf = fields.Boolean(string="Received on Behalf", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True, aggregator="sum")
    first_visit_count = fields.Integer(string="First Visits", readonly=True, aggregator="sum")
    # Reception: visits an agent received, and the minutes they waited in total.
    received_count = fields.Integer(string="Received", readonly=True, aggregator="sum")
    waiting_minutes = fields.Integer(
        string="Waiting (minutes)",
        readonly=True,
        aggregator="sum",
        help="Minutes from arrival to reception, summed; divide by Received for the average.",
    )

    _dimensions_uniq = models.UniqueIndex(f"({', '.join(DIMENSIONS)}) NULLS NOT DISTINCT")

    @api.depends("credited_user_id")
    def _compute_is_public(self):
        for row in self:
            row.is_public = not row.credited_user_id

    def init(self):
        self.env.cr.execute(SQL("SELECT 1 FROM %s LIMIT 1", SQL.identifier(self._table)))
        if not self.env.cr.fetchone():
            self._rebuild()

    @api.model
    def _rebuild(self):
        """Recount every row from the visits (after an installation or a bulk import)."""
        self.env.flush_all()
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (%(dims)s, is_public, visit_count, first_visit_count)
                SELECT (v.visit_datetime AT TIME ZONE 'UTC')::date, v.credited_user_id,
                       v.received_user_id, v.attribution_type, v.visit_kind,
                       COALESCE(v.on_behalf, FALSE), v.company_id,
                       v.credited_user_id IS NULL, COUNT(*),
                       COUNT(*) FILTER (WHERE v.visit_kind = 'first')
                  FROM leasing_visit v
                 WHERE v.state = 'done'
              GROUP BY 1, 2, 3, 4, 5, 6, 7
                """,
                table=SQL.identifier(self._table),
                dims=SQL(", ").join(SQL.identifier(name) for name in DIMENSIONS),
            )
        )
        self._rebuild_waiting()
        self.invalidate_model()

    @api.model
    def _count_visits(self, visits, sign):
        """Add (``sign`` = 1) or take back (-1) these visits in their daily rows."""
        for visit in visits:
            first = int(visit.visit_kind == "first")
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO %(table)s (%(dims)s, is_public, visit_count, first_visit_count)
                    VALUES (%(date)s, %(credited)s, %(received)s, %(kind)s, %(visit_kind)s,
                            %(behalf)s, %(company)s, %(public)s, %(count)s, %(first)s)
                    ON CONFLICT (%(dims)s) DO UPDATE
                       SET visit_count = %(table)s.visit_count + EXCLUDED.visit_count,
                           first_visit_count = %(table)s.first_visit_count
                                               + EXCLUDED.first_visit_count
                    """,
                    table=SQL.identifier(self._table),
                    dims=SQL(", ").join(SQL.identifier(name) for name in DIMENSIONS),
                    date=visit.visit_datetime.date(),
                    credited=visit.credited_user_id.id or None,
                    received=visit.received_user_id.id,
                    kind=visit.attribution_type,
                    visit_kind=visit.visit_kind,
                    behalf=bool(visit.on_behalf),
                    company=visit.company_id.id,
                    public=not visit.credited_user_id,
                    count=sign,
                    first=sign * first,
                )
            )
        if sign < 0 and visits:
            self.env.cr.execute(
                SQL("DELETE FROM %s WHERE visit_count <= 0", SQL.identifier(self._table))
            )
        self.invalidate_model()

    # ------------------------------------------------------------------
    # WAITING TIME (arrival → received), per agent and day
    # ------------------------------------------------------------------

    @api.model
    def _row_match(self, visit):
        """SQL condition selecting the daily row ``_count_visits`` counted ``visit`` in."""
        values = {
            "visit_date": visit.visit_datetime.date(),
            "credited_user_id": visit.credited_user_id.id or None,
            "received_user_id": visit.received_user_id.id,
            "attribution_type": visit.attribution_type,
            "visit_kind": visit.visit_kind,
            "on_behalf": bool(visit.on_behalf),
            "company_id": visit.company_id.id,
        }
        return SQL(" AND ").join(
            SQL("%s IS NOT DISTINCT FROM %s", SQL.identifier(name), values[name])
            for name in DIMENSIONS
        )

    @api.model
    def _count_waiting(self, visits):
        """Add the waiting time of visits just received to their daily rows."""
        for visit in visits.filtered(lambda v: v.state == "done" and v.received_at):
            self.env.cr.execute(
                SQL(
                    """UPDATE %s SET received_count = COALESCE(received_count, 0) + 1,
                                     waiting_minutes = COALESCE(waiting_minutes, 0) + %s
                        WHERE %s""",
                    SQL.identifier(self._table),
                    visit.waiting_minutes,
                    self._row_match(visit),
                )
            )
        self.invalidate_model()

    @api.model
    def _rebuild_waiting(self):
        """Recount the waiting times of every received visit (after ``_rebuild``)."""
        self.env.cr.execute(
            SQL(
                """
                UPDATE %(table)s r
                   SET received_count = s.received, waiting_minutes = s.waited
                  FROM (SELECT (v.visit_datetime AT TIME ZONE 'UTC')::date AS visit_date,
                               v.credited_user_id, v.received_user_id, v.attribution_type,
                               v.visit_kind, COALESCE(v.on_behalf, FALSE) AS on_behalf,
                               v.company_id, COUNT(*) AS received,
                               SUM(COALESCE(v.waiting_minutes, 0)) AS waited
                          FROM leasing_visit v
                         WHERE v.state = 'done' AND v.received_at IS NOT NULL
                      GROUP BY 1, 2, 3, 4, 5, 6, 7) s
                 WHERE %(match)s
                """,
                table=SQL.identifier(self._table),
                match=SQL(" AND ").join(
                    SQL("r.%s IS NOT DISTINCT FROM s.%s", SQL.identifier(n), SQL.identifier(n))
                    for n in DIMENSIONS
                ),
            )
        )
