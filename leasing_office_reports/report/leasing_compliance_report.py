from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models.leasing_form_mixin import COMPLIANCE


class LeasingComplianceReport(models.Model):
    """Forms on time, late, incomplete or missing per agent and week.

    The forms are the office's list (``leasing.form.mixin._form_types``: every model with
    the form mixin) and the expected forms nobody started; "not done" and its reasons are
    the mixin's rule compiled to SQL. A new form needs no change here.
    """

    _name = "leasing.compliance.report"
    _description = "Forms Compliance Analysis"
    _auto = False
    _order = "deadline desc"

    form_type = fields.Selection(selection="_selection_form_type", readonly=True)
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

    @api.model
    def _selection_form_type(self):
        """The office's forms, then the expected forms that are not forms (results, reviews,
        checks), each under its translated name."""
        Model = self.env["ir.model"]
        forms = [
            (key, Model._get(model).name or self.env[model]._description)
            for key, model in self.env["leasing.form.mixin"]._form_types()
        ]
        keys = {key for key, _label in forms}
        kinds = self.env["leasing.obligation"]._fields["kind"]._description_selection(self.env)
        return forms + [(key, label) for key, label in kinds if key not in keys]

    @property
    def _table_query(self):
        parts = [
            SQL(
                """SELECT %s AS form_type, id AS form_id, user_id, deadline, compliance,
                          company_id FROM %s""",
                key,
                SQL.identifier(self.env[model]._table),
            )
            for key, model in self.env["leasing.form.mixin"]._form_types()
        ]
        parts.append(self._expected_part())
        # Deadlines are stored in UTC: the rule compares them with the server's clock in UTC
        # (frozen in tests), not the database's NOW(), which is the start of the transaction.
        rule = self.env["leasing.form.mixin"]._not_done_sql("forms")
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY forms.form_type, forms.form_id) AS id,
                   forms.form_type, forms.user_id, forms.deadline, forms.compliance,
                   forms.company_id, 1 AS form_count,
                   (forms.compliance = 'on_time')::int AS done_count,
                   (%(not_done)s)::int AS not_done_count,
                   (%(late)s)::int AS late_count,
                   (%(incomplete)s)::int AS incomplete_count,
                   (%(not_started)s)::int AS not_started_count,
                   (%(inaccurate)s)::int AS inaccurate_count
              FROM (%(forms)s) forms
            """,
            not_done=SQL(" OR ").join(SQL("(%s)", condition) for condition in rule.values()),
            forms=SQL(" UNION ALL ").join(parts),
            **rule,
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
            self.env["leasing.obligation"]._form_kinds() or ("",),
        )
