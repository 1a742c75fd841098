from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.leasing_office.models import office_clock

from .workbook_rows import (
    AgentCount,
    CallRow,
    CommissionRow,
    ComplianceRow,
    ContractRow,
    DayRow,
    DepositRow,
    FollowupRow,
    Funnel,
    NoteRow,
    RegistrationRow,
    TargetRow,
    VisitLogRow,
    VisitRow,
)


class LeasingReportFigures(models.AbstractModel):
    """The figures of every office workbook, computed once from the same report models the
    pivot views read, so a workbook and its pivot always agree. Rows are typed records
    (``workbook_rows``) holding selection keys; the workbook writer shows their labels.

    Every day, week, month and quarter is the office's (the company's timezone, else
    Asia/Shanghai), never the UTC day nor the user's.
    """

    _name = "leasing.report.figures"
    _description = "Leasing Office Report Figures"

    @api.model
    def _period_of(self, period_type, day=None):
        """First and last office day of the day, week (Monday to Sunday), month or quarter
        holding ``day`` (today in the office by default)."""
        day = day or office_clock.office_today(self.env)
        if period_type == "day":
            return day, day
        if period_type == "week":
            start = day - timedelta(days=day.weekday())
            return start, start + timedelta(days=6)
        if period_type == "month":
            start = day.replace(day=1)
            return start, start + relativedelta(months=1, days=-1)
        if period_type == "quarter":
            start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
            return start, start + relativedelta(months=3, days=-1)
        raise ValueError(period_type)

    @api.model
    def _period_domain(self, field, date_from, date_to, is_datetime=False):
        """Records of the office days ``date_from`` to ``date_to``; a datetime field (stored
        in UTC) is cut at the office's midnights."""
        if is_datetime:
            start, end = office_clock.office_day_bounds(self.env, date_from, date_to)
            return [(field, ">=", start), (field, "<", end)]
        return [(field, ">=", date_from), (field, "<=", date_to)]

    @api.model
    def _grouped(self, model, domain, groupby, aggregates):
        return self.env[model]._read_group(domain, groupby, aggregates)

    @api.model
    def _work_report(self, date_from, date_to):
        """Everything the weekly or monthly work report shows, as plain rows."""
        visits = self._grouped(
            "leasing.visit.report",
            self._period_domain("visit_date", date_from, date_to),
            ["credited_user_id", "attribution_type"],
            ["visit_count:sum", "first_visit_count:sum"],
        )
        contracts = self._grouped(
            "leasing.contract",
            [("state", "=", "signed"), *self._period_domain("signed_date", date_from, date_to)],
            ["user_id"],
            ["__count"],
        )
        followups = self._grouped(
            "leasing.followup.plan.line",
            self._period_domain("planned_date", date_from, date_to),
            ["user_id"],
            ["__count"],
        )
        deposits = self._grouped(
            "leasing.signing.plan",
            [
                ("state", "!=", "cancelled"),
                *self._period_domain("deposit_date", date_from, date_to),
            ],
            ["user_id"],
            ["__count", "deposit_amount:sum"],
        )
        compliance = self._grouped(
            "leasing.compliance.report",
            self._period_domain("deadline", date_from, date_to, is_datetime=True),
            ["user_id", "form_type"],
            [
                "form_count:sum",
                "done_count:sum",
                "late_count:sum",
                "incomplete_count:sum",
                "not_started_count:sum",
                "inaccurate_count:sum",
                "not_done_count:sum",
            ],
        )
        [funnel] = self._grouped(
            "leasing.funnel.report",
            self._period_domain("first_visit_date", date_from, date_to),
            [],
            [
                "lead_count:sum",
                "followed_count:sum",
                "deposit_count:sum",
                "signed_count:sum",
                "days_to_followup:avg",
                "days_to_deposit:avg",
                "days_to_sign:avg",
            ],
        )
        calls = self._grouped(
            "leasing.call.report",
            self._period_domain("date", date_from, date_to),
            ["user_id"],
            [
                "short_day_count:sum",
                "called_count:sum",
                "target_count:sum",
                "shortfall_count:sum",
            ],
        )
        return {
            "period": (date_from, date_to),
            "visits": [
                VisitRow(agent.name or "", kind or "", total, first)
                for agent, kind, total, first in visits
            ],
            "visits_per_day": self._visits_per_day(date_from, date_to),
            "contracts": [AgentCount(agent.name or "", count) for agent, count in contracts],
            "funnel": Funnel(*(value or 0 for value in funnel)),
            "followups": [AgentCount(agent.name or "", count) for agent, count in followups],
            "deposits": [
                DepositRow(agent.name or "", count, amount) for agent, count, amount in deposits
            ],
            "compliance": [
                ComplianceRow(agent.name or "", form or "", *counts)
                for agent, form, *counts in compliance
            ],
            "calls": [CallRow(agent.name or "", *counts) for agent, *counts in calls],
            "targets": self._targets(date_from, date_to),
            "notes": self._notable_items(date_from, date_to),
        }

    @api.model
    def _targets(self, date_from, date_to):
        """The target analysis' rows of the plans overlapping the period, department first."""
        return [
            TargetRow(
                row.member,
                row.period_type,
                row.date_from,
                row.date_to,
                row.target_contracts,
                row.actual_contracts,
                row.completion_rate,
            )
            for row in self.env["leasing.target.report"].search(
                [("date_from", "<=", date_to), ("date_to", ">=", date_from)]
            )
        ]

    @api.model
    def _commission(self, date_from, date_to):
        """The commission statements of the months of the period."""
        return [
            CommissionRow(
                s.user_id.name,
                s.kind,
                s.month,
                s.contract_count,
                s.target_contracts,
                s.completion_rate,
                s.factor,
                s.amount,
                s.approval_state,
            )
            for s in self.env["leasing.commission.statement"].search(
                [("month", ">=", date_from.replace(day=1)), ("month", "<=", date_to)]
            )
        ]

    # ------------------------------------------------------------------
    # FRONT-DESK REGISTERS
    # ------------------------------------------------------------------

    @api.model
    def _registers(self, date_from, date_to):
        """The front desk's registers of the period: the visit log, the visitor
        registrations, the follow-ups and the signed contracts."""
        return {
            "visits": self._visit_log(date_from, date_to),
            "registrations": self._registrations(date_from, date_to),
            "followups": self._followups(date_from, date_to),
            "contracts": self._signed_contracts(date_from, date_to),
        }

    @api.model
    def _rows(self, model, domain, select, joins, order):
        """Rows of ``model`` matching ``domain`` as the current user (its record rules
        applied), in one query: ``select``, ``joins`` and ``order`` are SQL on the alias ``t``.
        The period's rows are found through the ORM's search (the period's index); names
        come from joins instead of reading each related record. A prospect's and a person's
        name are shown with a record the user may read, as its own form shows them."""
        Model = self.env[model]
        Model.check_access("read")
        query = Model._search(domain)
        return self.env.execute_query(
            SQL(
                # The ids first (the period's index and the rules), then their rows by id:
                # an IN (subquery) lets the planner scan and join every row of the table.
                "SELECT %s FROM %s t %s WHERE t.id = ANY(ARRAY%s) ORDER BY %s",
                select,
                SQL.identifier(Model._table),
                joins,
                query.subselect(),
                order,
            )
        )

    def _user_name_join(self, alias, column):
        return SQL(
            "LEFT JOIN res_users %(u)s ON %(u)s.id = t.%(c)s "
            "LEFT JOIN res_partner %(p)s ON %(p)s.id = %(u)s.partner_id",
            u=SQL.identifier(f"{alias}_u"),
            p=SQL.identifier(f"{alias}_p"),
            c=SQL.identifier(column),
        )

    def _office_minute_sql(self, column):
        """The UTC datetime ``t.column`` as the office's wall-clock time, to the minute."""
        return SQL(
            "COALESCE(to_char(t.%s AT TIME ZONE 'UTC' AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI'), '')",
            SQL.identifier(column),
            office_clock.company_tz(self.env.company),
        )

    @api.model
    def _visit_log(self, date_from, date_to):
        """The visit log of the period's office days, oldest first."""
        rows = self._rows(
            "leasing.visit",
            self._period_domain("visit_datetime", date_from, date_to, is_datetime=True),
            SQL(
                "%s, l.name, t.visit_kind, t.attribution_type, received_p.name, "
                "credited_p.name, registered_p.name, t.state",
                self._office_minute_sql("visit_datetime"),
            ),
            SQL(
                "JOIN crm_lead l ON l.id = t.lead_id %s %s %s",
                self._user_name_join("received", "received_user_id"),
                self._user_name_join("credited", "credited_user_id"),
                self._user_name_join("registered", "registered_by_id"),
            ),
            SQL("t.visit_datetime, t.id"),
        )
        return [VisitLogRow(*(value or "" for value in row)) for row in rows]

    @api.model
    def _registrations(self, date_from, date_to):
        """The visitor registrations of prospects who left in the period, latest first."""
        rows = self._rows(
            "leasing.visitor.registration",
            self._period_domain("visit_end", date_from, date_to, is_datetime=True),
            SQL(
                "%s, l.name, agent_p.name, t.business_type, t.desired_area, t.compliance",
                self._office_minute_sql("visit_end"),
            ),
            SQL(
                "JOIN crm_lead l ON l.id = t.lead_id %s",
                self._user_name_join("agent", "user_id"),
            ),
            SQL("t.visit_end DESC, t.id DESC"),
        )
        return [
            RegistrationRow(
                left, prospect or "", agent or "", business or "", area or 0.0, state or ""
            )
            for left, prospect, agent, business, area, state in rows
        ]

    @api.model
    def _followups(self, date_from, date_to):
        lines = self.env["leasing.followup.plan.line"].search(
            self._period_domain("planned_date", date_from, date_to)
        )
        return [
            FollowupRow(
                f.planned_date,
                f.user_id.name,
                f.lead_id.display_name,
                f.purpose or "",
                f.result or "",
            )
            for f in lines
        ]

    @api.model
    def _signed_contracts(self, date_from, date_to):
        contracts = self.env["leasing.contract"].search(
            self._period_domain("signed_date", date_from, date_to)
        )
        return [
            ContractRow(
                c.signed_date,
                c.contract_number,
                c.lead_id.display_name,
                c.unit_id.code,
                c.user_id.name or "",
                c.claim_id.contract_number or "",
            )
            for c in contracts
        ]

    @api.model
    def _notable_items(self, date_from, date_to):
        Dispute = self.env["leasing.attribution.dispute"]
        Mismatch = self.env["leasing.contract.reconciliation.line"]
        Lead = self.env["crm.lead"]
        return [
            NoteRow(
                self.env._("Open attribution disputes"),
                Dispute.search_count([("state", "=", "open")]),
            ),
            NoteRow(
                self.env._("Contract mismatches to fix"),
                Mismatch.search_count(
                    [
                        ("reconciliation_id.date", ">=", date_from),
                        ("reconciliation_id.date", "<=", date_to),
                    ]
                ),
            ),
            NoteRow(
                self.env._("Prospects never visited in the field"),
                Lead.search_count(
                    [("attribution_type", "!=", False), ("field_visit_count", "=", 0)]
                ),
            ),
        ]

    @api.model
    def _visits_per_day(self, date_from, date_to):
        """(day, visits, first visits) for each office day of the period with visits."""
        return [
            DayRow(*row)
            for row in self._grouped(
                "leasing.visit.report",
                self._period_domain("visit_date", date_from, date_to),
                ["visit_date:day"],
                ["visit_count:sum", "first_visit_count:sum"],
            )
        ]
