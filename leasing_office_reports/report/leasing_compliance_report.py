from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models.leasing_form_mixin import COMPLIANCE
from odoo.addons.leasing_office.models.leasing_obligation import FORM_KINDS

# Table and label of each form, in the order the office lists them.
FORM_TABLES = [
    ("leasing_visitor_registration", "registration"),
    ("leasing_followup_plan", "followup"),
    ("leasing_signing_plan", "signing"),
    ("leasing_contract_claim", "claim"),
    ("leasing_field_visit_plan", "field_plan"),
    ("leasing_field_visit_log", "field_log"),
]


class LeasingComplianceReport(models.Model):
    """Forms on time, late, incomplete or missing per agent and week."""

    _name = "leasing.compliance.report"
    _description = "Forms Compliance Analysis"
    _auto = False
    _order = "deadline desc"

    form_type = fields.Selection(
        [
            ("registration", "Visitor Registration"),
            ("followup", "Follow-up Plan"),
            ("signing", "Contract-signing Plan"),
            ("claim", "Contract Claim"),
            ("field_plan", "Field-visit Plan"),
            ("field_log", "Field-visit Log"),
            ("followup_result", "Follow-up Result"),
            ("log_review", "Field-visit Log Review"),
            ("weekly_check", "Weekly Check"),
            ("monthly_check", "Monthly Check"),
            ("field_visit", "Field Visit Due"),
            ("tier_check", "Merchant Tier Verification"),
        ],
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    deadline = fields.Datetime(readonly=True)
    compliance = fields.Selection(COMPLIANCE, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    form_count = fields.Integer(string="Forms", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="Done", readonly=True, aggregator="sum")
    not_done_count = fields.Integer(string="Not Done", readonly=True, aggregator="sum")
    # Why each one is not done: late, incomplete, never started (past the deadline), marked
    # inaccurate. They add up to Not Done.
    late_count = fields.Integer(string="Late", readonly=True, aggregator="sum")
    incomplete_count = fields.Integer(string="Incomplete", readonly=True, aggregator="sum")
    not_started_count = fields.Integer(string="Not Started", readonly=True, aggregator="sum")
    inaccurate_count = fields.Integer(string="Marked Inaccurate", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        parts = [
            SQL(
                """SELECT %s AS form_type, id AS form_id, user_id, deadline, compliance,
                          company_id FROM %s""",
                label,
                SQL.identifier(table),
            )
            for table, label in FORM_TABLES
        ]
        parts.append(self._expected_part())
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY forms.form_type, forms.form_id) AS id,
                   forms.form_type, forms.user_id, forms.deadline, forms.compliance,
                   forms.company_id, 1 AS form_count,
                   (forms.compliance = 'on_time')::int AS done_count,
                   (forms.compliance IN ('late', 'incomplete', 'inaccurate')
                    OR (forms.compliance = 'pending'
                        AND forms.deadline < %(now)s))::int AS not_done_count,
                   (forms.compliance = 'late')::int AS late_count,
                   (forms.compliance = 'incomplete')::int AS incomplete_count,
                   (forms.compliance = 'pending'
                    AND forms.deadline < %(now)s)::int AS not_started_count,
                   (forms.compliance = 'inaccurate')::int AS inaccurate_count
              FROM (%(forms)s) forms
            """,
            # Deadlines are stored in UTC: compare with the server's clock in UTC (frozen in
            # tests), not the database's NOW(), which is the start of the transaction.
            now=fields.Datetime.now(),
            forms=SQL(" UNION ALL ").join(parts),
        )

    def _expected_part(self):
        """Expected forms nobody started, and results, reviews and checks owed: counted
        next to the forms (a started form counts itself, in its own part)."""
        return SQL(
            """SELECT o.kind AS form_type, -o.id AS form_id, o.user_id, o.deadline,
                      CASE o.state WHEN 'done' THEN 'on_time' WHEN 'late' THEN 'late'
                           ELSE 'pending' END AS compliance,
                      o.company_id
                 FROM leasing_obligation o
                WHERE o.form_ref IS NULL OR o.kind NOT IN %s""",
            FORM_KINDS,
        )
