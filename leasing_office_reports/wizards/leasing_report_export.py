import io
from urllib.parse import urlencode

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.leasing_office.models import office_clock

from ..report import workbook_writer

REPORT_KINDS = [
    ("work_week", "Weekly Work Report"),
    ("work_month", "Monthly Work Report"),
    ("targets", "Target Breakdown Plan"),
    ("registers", "Front Desk Registers"),
    ("commission", "Commission Statements"),
]


class LeasingReportExport(models.TransientModel):
    """Pick a workbook and its period; get the Excel file."""

    _name = "leasing.report.export"
    _description = "Export a Leasing Office Workbook"

    kind = fields.Selection(REPORT_KINDS, required=True, default="work_week")
    date_from = fields.Date(
        required=True, compute="_compute_period", store=True, readonly=False, precompute=True
    )
    date_to = fields.Date(
        required=True, compute="_compute_period", store=True, readonly=False, precompute=True
    )

    @api.depends("kind")
    def _compute_period(self):
        figures = self.env["leasing.report.figures"]
        for export in self:
            period_type = "week" if export.kind == "work_week" else "month"
            export.date_from, export.date_to = figures._period_of(period_type)

    def action_export(self):
        """Download the workbook: written on request, so it is never stored and a read-only
        replica can serve it (see the controller)."""
        self.ensure_one()
        self._check_request()
        query = urlencode({"kind": self.kind, "date_from": self.date_from, "date_to": self.date_to})
        return {
            "type": "ir.actions.act_url",
            "url": f"/leasing_office_reports/workbook?{query}",
            "target": "self",
        }

    def _check_request(self):
        if self.kind not in self._writers():
            raise UserError(self.env._("Choose one of the workbooks in the list."))
        if not self.date_from or not self.date_to or self.date_from > self.date_to:
            raise UserError(self.env._("The period must start on or before its last day."))

    def _writers(self):
        return {
            "work_week": self._write_work,
            "work_month": self._write_work,
            "targets": self._write_targets,
            "registers": self._write_registers,
            "commission": self._write_commission,
        }

    def _build(self):
        """The workbook's bytes and file name."""
        stream = io.BytesIO()
        self._writers()[self.kind](stream)
        label = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        return stream.getvalue(), f"{label} {self.date_from} {self.date_to}.xlsx"

    # ------------------------------------------------------------------
    # WORKBOOKS
    # ------------------------------------------------------------------

    def _write_work(self, stream):
        Figures = self.env["leasing.report.figures"]
        figures = Figures._work_report(self.date_from, self.date_to)
        figures["visits_per_day"] = Figures._visits_per_day(self.date_from, self.date_to)
        workbook_writer.write_work_report(stream, figures, self._labels())

    def _selection(self, model, field):
        """``{key: label}`` of a selection field, in the user's language: the same labels (and
        translations) as the views."""
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _office_tz(self):
        return pytz.timezone(self.env.company.partner_id.tz or office_clock.DEFAULT_TZ)

    def _office_bounds(self, field):
        """A domain on the datetime ``field``: the period's office days (naive UTC bounds)."""
        return self.env["leasing.report.figures"]._period_domain(
            field, self.date_from, self.date_to, is_datetime=True
        )

    def _office_time(self, moment):
        """A naive UTC datetime as the office's wall-clock time, to the minute."""
        if not moment:
            return ""
        return pytz.utc.localize(moment).astimezone(self._office_tz()).strftime("%Y-%m-%d %H:%M")

    def _write_targets(self, stream):
        periods = self._selection("leasing.target.report", "period_type")
        rows = [
            (
                r.member,
                periods.get(r.period_type, ""),
                r.date_from,
                r.date_to,
                r.target_contracts,
                r.actual_contracts,
                r.completion_rate,
            )
            for r in self.env["leasing.target.report"].search(
                [("date_from", "<=", self.date_to), ("date_to", ">=", self.date_from)]
            )
        ]
        headers = [
            self.env._("Department / Agent"),
            self.env._("Period"),
            self.env._("Period Start"),
            self.env._("Period End"),
            self.env._("Target"),
            self.env._("Actual"),
            self.env._("Completion (%)"),
        ]
        chart = {
            "type": "column",
            "title": self.env._("Target Completion"),
            "categories": 0,
            "series": [(headers[4], 4), (headers[5], 5)],
        }
        workbook_writer.write_rows(stream, [(self.env._("Targets"), headers, rows, (), chart)])

    def _registers_visit_log(self):
        """The visit log of the period's office days, oldest first."""
        kinds = self._selection("leasing.visit", "visit_kind")
        attributions = self._selection("leasing.visit", "attribution_type")
        states = self._selection("leasing.visit", "state")
        visits = self.env["leasing.visit"].search(
            self._office_bounds("visit_datetime"), order="visit_datetime, id"
        )
        return [
            (
                self._office_time(v.visit_datetime),
                v.lead_id.display_name,
                kinds.get(v.visit_kind, ""),
                attributions.get(v.attribution_type, self.env._("Public Pool")),
                v.received_user_id.name or "",
                v.credited_user_id.name or self.env._("Public Pool"),
                v.registered_by_id.name or "",
                states.get(v.state, ""),
            )
            for v in visits
        ]

    def _write_registers(self, stream):
        compliance = self._selection("leasing.visitor.registration", "compliance")
        registrations = [
            (
                self._office_time(r.visit_end),
                r.lead_id.display_name,
                r.user_id.name,
                r.business_type or "",
                r.desired_area,
                compliance.get(r.compliance, ""),
            )
            for r in self.env["leasing.visitor.registration"].search(
                self._office_bounds("visit_end")
            )
        ]
        followups = [
            (
                f.planned_date,
                f.user_id.name,
                f.lead_id.display_name,
                f.purpose or "",
                f.result or "",
            )
            for f in self.env["leasing.followup.plan.line"].search(
                [("planned_date", ">=", self.date_from), ("planned_date", "<=", self.date_to)]
            )
        ]
        contracts = [
            (
                c.signed_date,
                c.contract_number,
                c.lead_id.display_name,
                c.unit_id.code,
                c.user_id.name or self.env._("Public Pool"),
                c.claim_id.contract_number or self.env._("No claim"),
            )
            for c in self.env["leasing.contract"].search(
                [("signed_date", ">=", self.date_from), ("signed_date", "<=", self.date_to)]
            )
        ]
        workbook_writer.write_rows(
            stream,
            [
                (
                    self.env._("Visit Log"),
                    [
                        self.env._("Visited At"),
                        self.env._("Prospect"),
                        self.env._("Visit Kind"),
                        self.env._("Attribution"),
                        self.env._("Received By"),
                        self.env._("Credited Agent"),
                        self.env._("Registered By"),
                        self.env._("Status"),
                    ],
                    self._registers_visit_log(),
                    (),
                ),
                (
                    self.env._("Visitor Registrations"),
                    [
                        self.env._("Prospect Left At"),
                        self.env._("Prospect"),
                        self.env._("Agent"),
                        self.env._("Line of Business"),
                        self.env._("Desired Area (m²)"),
                        self.env._("Compliance"),
                    ],
                    registrations,
                    (),
                ),
                (
                    self.env._("Follow-ups"),
                    [
                        self.env._("Fixed Date"),
                        self.env._("Agent"),
                        self.env._("Prospect"),
                        self.env._("Purpose"),
                        self.env._("Result"),
                    ],
                    followups,
                    (),
                ),
                (
                    self.env._("Signed Contracts"),
                    [
                        self.env._("Signed Date"),
                        self.env._("Contract Number"),
                        self.env._("Prospect"),
                        self.env._("Unit"),
                        self.env._("Credited Agent"),
                        self.env._("Contract Claim"),
                    ],
                    contracts,
                    (),
                ),
            ],
        )

    def _write_commission(self, stream):
        kinds = self._selection("leasing.commission.statement", "kind")
        approvals = self._selection("leasing.commission.statement", "approval_state")
        rows = [
            (
                s.user_id.name,
                kinds.get(s.kind, ""),
                s.month,
                s.contract_count,
                s.target_contracts,
                s.completion_rate,
                s.factor,
                s.amount,
                approvals.get(s.approval_state, ""),
            )
            for s in self.env["leasing.commission.statement"].search(
                [("month", ">=", self.date_from.replace(day=1)), ("month", "<=", self.date_to)]
            )
        ]
        headers = [
            self.env._("Person"),
            self.env._("Kind"),
            self.env._("Month"),
            self.env._("Contracts"),
            self.env._("Target"),
            self.env._("Completion (%)"),
            self.env._("Factor"),
            self.env._("Amount"),
            self.env._("Approval"),
        ]
        workbook_writer.write_rows(
            stream,
            [(self.env._("Commission Statements"), headers, rows, (self.env._("Total"), 3, 7))],
        )

    def _labels(self):
        kinds = self._selection("leasing.visit.report", "attribution_type")
        return {
            "title": self.env._("Work report"),
            "item": self.env._("Item"),
            "value": self.env._("Value"),
            "total": self.env._("Total"),
            "agent": self.env._("Agent"),
            "attribution": self.env._("Attribution"),
            "visits": self.env._("Visits"),
            "first_visits": self.env._("First Visits"),
            "followups": self.env._("Follow-ups"),
            "deposits": self.env._("Deposits"),
            "amount": self.env._("Deposit Amount"),
            "contracts": self.env._("Signed Contracts"),
            "forms": self.env._("Forms"),
            "done": self.env._("On Time"),
            "not_done": self.env._("Forms Not Done"),
            "form": self.env._("Form"),
            "late": self.env._("Late"),
            "incomplete": self.env._("Incomplete"),
            "not_started": self.env._("Not Started"),
            "inaccurate": self.env._("Marked Inaccurate"),
            "form_types": self._selection("leasing.compliance.report", "form_type"),
            "period_type": self.env._("Period"),
            "period_start": self.env._("Period Start"),
            "target": self.env._("Target"),
            "actual": self.env._("Actual"),
            "rate": self.env._("Completion (%)"),
            "kinds": {**kinds, "": self.env._("Public Pool")},
            "period_types": self._selection("leasing.target.report", "period_type"),
            "member": self.env._("Department / Agent"),
            "day": self.env._("Day"),
            "chart_visits_per_day": self.env._("Visits per Day"),
            "chart_targets": self.env._("Target Completion"),
            "sheet_summary": self.env._("Summary"),
            "sheet_visits": self.env._("Visits"),
            "sheet_mix": self.env._("Attribution Mix"),
            "sheet_followups": self.env._("Follow-ups"),
            "sheet_deposits": self.env._("Deposits"),
            "sheet_contracts": self.env._("Signed Contracts"),
            "sheet_targets": self.env._("Targets"),
            "sheet_compliance": self.env._("Compliance"),
            "sheet_notes": self.env._("Notable Items"),
            "sheet_calls": self.env._("Calls"),
            "days_short": self.env._("Days Short"),
            "prospects_called": self.env._("Prospects Called in Window"),
            "call_target": self.env._("Call Target"),
            "calls_short": self.env._("Calls Short"),
            "sheet_funnel": self.env._("Funnel"),
            "step": self.env._("Step"),
            "prospects": self.env._("Prospects"),
            "conversion": self.env._("Conversion (%)"),
            "days": self.env._("Days Since First Visit"),
            "steps": [
                self.env._("First visit"),
                self.env._("Follow-up"),
                self.env._("Deposit"),
                self.env._("Signed contract"),
            ],
        }
