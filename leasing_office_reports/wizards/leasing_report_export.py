import base64
import io
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

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
        today = fields.Date.context_today(self)
        for export in self:
            if export.kind == "work_week":
                start = today - timedelta(days=today.weekday())
                export.date_from, export.date_to = start, start + timedelta(days=6)
            else:
                start = today.replace(day=1)
                export.date_from, export.date_to = start, start + relativedelta(months=1, days=-1)

    def action_export(self):
        self.ensure_one()
        data, name = self._build()
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(data),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _build(self):
        """The workbook's bytes and file name."""
        stream = io.BytesIO()
        getattr(self, f"_write_{self.kind.split('_')[0]}")(stream)
        label = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        return stream.getvalue(), f"{label} {self.date_from} {self.date_to}.xlsx"

    # ------------------------------------------------------------------
    # WORKBOOKS
    # ------------------------------------------------------------------

    def _write_work(self, stream):
        figures = self.env["leasing.report.figures"]._work_report(self.date_from, self.date_to)
        workbook_writer.write_work_report(stream, figures, self._labels())

    def _write_targets(self, stream):
        rows = [
            (
                r.user_id.name or self.env._("Department"),
                r.period_type,
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
            self.env._("Agent"),
            self.env._("Period"),
            self.env._("Period Start"),
            self.env._("Period End"),
            self.env._("Target"),
            self.env._("Actual"),
            self.env._("Completion (%)"),
        ]
        workbook_writer.write_rows(stream, [(self.env._("Targets"), headers, rows, ())])

    def _write_registers(self, stream):
        period = [
            ("visit_end", ">=", self.date_from),
            ("visit_end", "<", self.date_to + timedelta(days=1)),
        ]
        registrations = [
            (
                r.visit_end,
                r.lead_id.display_name,
                r.user_id.name,
                r.business_type or "",
                r.desired_area,
                r.compliance,
            )
            for r in self.env["leasing.visitor.registration"].search(period)
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
        rows = [
            (
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
        kinds = dict(
            self.env["leasing.visit.report"]
            ._fields["attribution_type"]
            ._description_selection(self.env)
        )
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
            "period_type": self.env._("Period"),
            "period_start": self.env._("Period Start"),
            "target": self.env._("Target"),
            "actual": self.env._("Actual"),
            "rate": self.env._("Completion (%)"),
            "kinds": {**kinds, "": self.env._("Public Pool")},
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
