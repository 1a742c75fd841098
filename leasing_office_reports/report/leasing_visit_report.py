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
