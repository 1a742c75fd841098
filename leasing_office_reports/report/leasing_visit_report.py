from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models import office_clock
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
    "channel",
    "source_id",
)
# The row's key in the unique index. PostgreSQL before 15 has no NULLS NOT DISTINCT, so the
# dimensions that may be empty (public pool, no attribution) stand as 0 and '' in the key.
KEY = SQL(
    "visit_date, COALESCE(credited_user_id, 0), received_user_id, "
    "COALESCE(attribution_type, ''), visit_kind, on_behalf, company_id, channel, "
    "COALESCE(source_id, 0)"
)
# The visit's fields the counts depend on.
VISIT_FIELDS = frozenset(
    {
        "state",
        "visit_datetime",
        "credited_user_id",
        "received_user_id",
        "attribution_type",
        "visit_kind",
        "on_behalf",
        "company_id",
        "arrived_at",
        "received_at",
        "channel",
        "source_id",
    }
)
# What a row sums, in this order: visits, first visits, visits received, minutes waited.
MEASURES = ("visit_count", "first_visit_count", "received_count", "waiting_minutes")


class LeasingVisitReport(models.Model):
    """Visits per agent and day by attribution type and channel, kept as running daily counts.

    One row per office day, credited agent, receiver, attribution, kind, company, channel
    (walk-in, phone) and source channel (utm.source), kept in
    the same transaction as every create, write and unlink of a visit (``leasing.visit`` in
    this addon): the rows the visits counted before the change are taken back and the rows
    they count after it are added, whatever field changed. A pivot over three years then
    groups a few tens of thousands of rows, not a million visits. ``_check_counts`` compares
    the table with a plain GROUP BY over the visits; ``_rebuild`` recounts it.
    """

    _name = "leasing.visit.report"
    _inherit = ["leasing.analysis.grouping"]
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
    channel = fields.Selection([("walk_in", "Walk-in"), ("phone", "Phone Inquiry")], readonly=True)
    source_id = fields.Many2one("utm.source", string="Source Channel", readonly=True)
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

    _dimensions_uniq = models.UniqueIndex(f"({KEY.code})")

    @api.depends("credited_user_id")
    def _compute_is_public(self):
        for row in self:
            row.is_public = not row.credited_user_id

    def init(self):
        self.env.cr.execute(SQL("SELECT 1 FROM %s LIMIT 1", SQL.identifier(self._table)))
        if not self.env.cr.fetchone():
            self._rebuild()

    # ------------------------------------------------------------------
    # REBUILD AND CHECK
    # ------------------------------------------------------------------

    @api.model
    def _expected_counts_query(self):
        """The rows as a plain GROUP BY over the registered visits, by the office's day
        (each visit's company's timezone, else Asia/Shanghai)."""
        return SQL(
            """
            SELECT (v.visit_datetime AT TIME ZONE 'UTC'
                    AT TIME ZONE COALESCE(p.tz, %(default_tz)s))::date AS visit_date,
                   v.credited_user_id, v.received_user_id, v.attribution_type, v.visit_kind,
                   COALESCE(v.on_behalf, FALSE) AS on_behalf, v.company_id,
                   v.channel, v.source_id,
                   COUNT(*) AS visit_count,
                   COUNT(*) FILTER (WHERE v.visit_kind = 'first') AS first_visit_count,
                   COUNT(*) FILTER (WHERE v.received_at IS NOT NULL) AS received_count,
                   COALESCE(SUM(v.waiting_minutes) FILTER (WHERE v.received_at IS NOT NULL), 0)
                       AS waiting_minutes
              FROM leasing_visit v
              JOIN res_company c ON c.id = v.company_id
              JOIN res_partner p ON p.id = c.partner_id
             WHERE v.state = 'done'
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """,
            default_tz=office_clock.DEFAULT_TZ,
        )

    @api.model
    def _rebuild(self):
        """Recount every row from the visits (after an installation, a bulk import, a change
        of the office's timezone, or when ``_check_counts`` finds a difference)."""
        self.env.flush_all()
        self._lock_counts()
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (%(dims)s, is_public, %(measures)s)
                SELECT %(dims)s, credited_user_id IS NULL, %(measures)s
                  FROM (%(expected)s) expected
                """,
                table=SQL.identifier(self._table),
                dims=SQL(", ").join(SQL.identifier(name) for name in DIMENSIONS),
                measures=SQL(", ").join(SQL.identifier(name) for name in MEASURES),
                expected=self._expected_counts_query(),
            )
        )
        self.invalidate_model()

    @api.model
    def _check_counts(self):
        """The rows where the table differs from a GROUP BY over the visits, as dicts with
        the dimensions and the ``expected`` and ``stored`` counts; empty when exact."""
        self.env.flush_all()
        # Empty dimensions compare as their stand-ins, so the join can hash.
        empty = {
            "credited_user_id": SQL("0"),
            "attribution_type": SQL("''"),
            "source_id": SQL("0"),
        }
        same_key = SQL(" AND ").join(
            SQL("e.%s = s.%s", SQL.identifier(name), SQL.identifier(name))
            if name not in empty
            else SQL(
                "COALESCE(e.%s, %s) = COALESCE(s.%s, %s)",
                SQL.identifier(name),
                empty[name],
                SQL.identifier(name),
                empty[name],
            )
            for name in DIMENSIONS
        )
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT %(dims)s,
                       COALESCE(e.visit_count, 0) AS expected,
                       COALESCE(s.visit_count, 0) AS stored,
                       COALESCE(e.first_visit_count, 0) AS expected_first,
                       COALESCE(s.first_visit_count, 0) AS stored_first,
                       COALESCE(e.received_count, 0) AS expected_received,
                       COALESCE(s.received_count, 0) AS stored_received,
                       COALESCE(e.waiting_minutes, 0) AS expected_waiting,
                       COALESCE(s.waiting_minutes, 0) AS stored_waiting
                  FROM (%(expected)s) e
             FULL JOIN %(table)s s ON %(same_key)s
                 WHERE e.visit_count IS DISTINCT FROM s.visit_count
                    OR e.first_visit_count IS DISTINCT FROM s.first_visit_count
                    OR COALESCE(e.received_count, 0) <> COALESCE(s.received_count, 0)
                    OR COALESCE(e.waiting_minutes, 0) <> COALESCE(s.waiting_minutes, 0)
              ORDER BY 1, 2, 3
                """,
                dims=SQL(", ").join(
                    SQL("COALESCE(e.%s, s.%s) AS %s", *[SQL.identifier(name)] * 3)
                    for name in DIMENSIONS
                ),
                expected=self._expected_counts_query(),
                table=SQL.identifier(self._table),
                same_key=same_key,
            )
        )
        return rows

    # ------------------------------------------------------------------
    # RUNNING COUNTS
    # ------------------------------------------------------------------

    @api.model
    def _lock_counts(self):
        """Serialise the rebuild with running updates: both hold this lock until commit."""
        self.env.cr.execute(
            SQL("LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE", SQL.identifier(self._table))
        )

    @api.model
    def _visit_key(self, visit):
        """The row a registered visit counts in, or None when it does not count."""
        if visit.state != "done":
            return None
        return (
            office_clock.office_date(self.env, visit.visit_datetime, visit.company_id),
            visit.credited_user_id.id or None,
            visit.received_user_id.id,
            visit.attribution_type or None,
            visit.visit_kind,
            bool(visit.on_behalf),
            visit.company_id.id,
            visit.channel,
            visit.source_id.id or None,
        )

    @api.model
    def _visit_contributions(self, visits, sign):
        """{row key: [one figure per MEASURES]} these visits add (``sign`` = 1) or take (-1)."""
        counts = defaultdict(lambda: [0] * len(MEASURES))
        for visit in visits:
            key = self._visit_key(visit)
            if key:
                received = bool(visit.received_at)
                figures = (
                    1,
                    int(visit.visit_kind == "first"),
                    int(received),
                    (visit.waiting_minutes or 0) if received else 0,
                )
                counts[key] = [
                    total + sign * value for total, value in zip(counts[key], figures, strict=True)
                ]
        return counts

    @api.model
    def _apply_counts(self, *contributions):
        """Add the summed contributions to their rows; a row counting nothing is removed."""
        total = defaultdict(lambda: [0] * len(MEASURES))
        for counts in contributions:
            for key, figures in counts.items():
                total[key] = [a + b for a, b in zip(total[key], figures, strict=True)]
        changed = False
        for key, figures in sorted(total.items(), key=repr):
            if not any(figures):
                continue
            changed = True
            visit_date, credited, received, kind, visit_kind, behalf, company, channel, source = key
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO %(table)s (%(dims)s, is_public, %(measures)s)
                    VALUES (%(date)s, %(credited)s, %(received)s, %(kind)s, %(visit_kind)s,
                            %(behalf)s, %(company)s, %(channel)s, %(source)s, %(public)s,
                            %(figures)s)
                    ON CONFLICT (%(key)s) DO UPDATE SET %(sums)s
                    RETURNING id, %(measures)s
                    """,
                    table=SQL.identifier(self._table),
                    dims=SQL(", ").join(SQL.identifier(name) for name in DIMENSIONS),
                    measures=SQL(", ").join(SQL.identifier(name) for name in MEASURES),
                    sums=SQL(", ").join(
                        SQL(
                            "%s = COALESCE(%s.%s, 0) + EXCLUDED.%s",
                            SQL.identifier(name),
                            SQL.identifier(self._table),
                            SQL.identifier(name),
                            SQL.identifier(name),
                        )
                        for name in MEASURES
                    ),
                    key=KEY,
                    date=visit_date,
                    credited=credited,
                    received=received,
                    kind=kind,
                    visit_kind=visit_kind,
                    behalf=behalf,
                    company=company,
                    channel=channel,
                    source=source,
                    public=not credited,
                    figures=SQL(", ").join(SQL("%s", value) for value in figures),
                )
            )
            row_id, *row_figures = self.env.cr.fetchone()
            if not any(row_figures):
                self.env.cr.execute(
                    SQL("DELETE FROM %s WHERE id = %s", SQL.identifier(self._table), row_id)
                )
        if changed:
            self.invalidate_model()
