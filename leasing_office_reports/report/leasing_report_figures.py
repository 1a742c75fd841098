from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.leasing_office.models import office_clock


class LeasingReportFigures(models.AbstractModel):
    """The figures of the office's workbooks, computed once from the same report models the
    pivot views read, so a workbook and its pivot always agree.

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
        targets = self.env["leasing.target.report"].search(
            [("date_from", "<=", date_to), ("date_to", ">=", date_from)]
        )
        return {
            "period": (date_from, date_to),
            "visits": [
                (agent.name or "", kind or "", total, first) for agent, kind, total, first in visits
            ],
            "contracts": [(agent.name or "", count) for agent, count in contracts],
            "funnel": [value or 0 for value in funnel],
            "followups": [(agent.name or "", count) for agent, count in followups],
            "deposits": [(agent.name or "", count, amount) for agent, count, amount in deposits],
            "compliance": [
                (agent.name or "", form or "", *counts) for agent, form, *counts in compliance
            ],
            "calls": [(agent.name or "", *counts) for agent, *counts in calls],
            "targets": [
                (
                    row.member,
                    row.period_type,
                    row.date_from,
                    row.target_contracts,
                    row.actual_contracts,
                    row.completion_rate,
                )
                for row in targets
            ],
            "notes": self._notable_items(date_from, date_to),
        }

    @api.model
    def _notable_items(self, date_from, date_to):
        Dispute = self.env["leasing.attribution.dispute"]
        Mismatch = self.env["leasing.contract.reconciliation.line"]
        Lead = self.env["crm.lead"]
        return [
            (
                self.env._("Open attribution disputes"),
                Dispute.search_count([("state", "=", "open")]),
            ),
            (
                self.env._("Contract mismatches to fix"),
                Mismatch.search_count(
                    [
                        ("reconciliation_id.date", ">=", date_from),
                        ("reconciliation_id.date", "<=", date_to),
                    ]
                ),
            ),
            (
                self.env._("Prospects never visited in the field"),
                Lead.search_count(
                    [("attribution_type", "!=", False), ("field_visit_count", "=", 0)]
                ),
            ),
        ]

    @api.model
    def _visits_per_day(self, date_from, date_to):
        """(day, visits, first visits) for each office day of the period with visits."""
        return self._grouped(
            "leasing.visit.report",
            self._period_domain("visit_date", date_from, date_to),
            ["visit_date:day"],
            ["visit_count:sum", "first_visit_count:sum"],
        )
