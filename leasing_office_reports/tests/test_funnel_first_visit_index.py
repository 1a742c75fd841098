from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..report.leasing_funnel_report import FIRST_VISIT_INDEX


@tagged("post_install", "-at_install", "leasing_reports")
class TestFunnelFirstVisitIndex(TransactionCase):
    """The funnel's first visits are read from an index, not from every visit row."""

    def test_funnel_first_visit_index_covers_done_visits(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'leasing_visit' AND indexname = %s",
            [FIRST_VISIT_INDEX],
        )
        [(definition,)] = self.env.cr.fetchall()
        self.assertIn("(lead_id, visit_datetime)", definition)
        self.assertIn("WHERE ((state)::text = 'done'::text)", definition)

    def test_funnel_first_visit_grouping_uses_the_index(self):
        """The funnel's own first-visit grouping matches the partial index (at volume, with
        the table vacuumed, PostgreSQL reads it by an index-only scan)."""
        funnel = self.env["leasing.funnel.report"]._table_query
        self.assertIn("MIN(visit_datetime) AS first_visit_at", funnel.code)
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute("SET LOCAL enable_bitmapscan = off")
        self.env.cr.execute(
            SQL(
                "EXPLAIN SELECT lead_id, MIN(visit_datetime) AS first_visit_at "
                "FROM leasing_visit WHERE state = 'done' GROUP BY lead_id"
            )
        )
        plan = "\n".join(line for (line,) in self.env.cr.fetchall())
        self.assertIn(f"Scan using {FIRST_VISIT_INDEX}", plan)
