import io
from urllib.parse import urlencode

from odoo import api, fields, models
from odoo.exceptions import UserError

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
        """Each workbook's writer, by kind: the one place that says which writes which."""
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
    # WORKBOOKS: the figures model gathers, workbook_writer lays out
    # ------------------------------------------------------------------

    def _figures(self):
        return self.env["leasing.report.figures"]

    def _write_work(self, stream):
        figures = self._figures()._work_report(self.date_from, self.date_to)
        workbook_writer.write_work_report(stream, figures, self._labels())

    def _write_targets(self, stream):
        rows = self._figures()._targets(self.date_from, self.date_to)
        workbook_writer.write_targets(stream, rows, self._labels())

    def _write_registers(self, stream):
        registers = self._figures()._registers(self.date_from, self.date_to)
        workbook_writer.write_registers(stream, registers, self._labels())

    def _write_commission(self, stream):
        rows = self._figures()._commission(self.date_from, self.date_to)
        workbook_writer.write_commission(stream, rows, self._labels())

    def _selection(self, model, field):
        """``{key: label}`` of a selection field, in the user's language: the same labels (and
        translations) as the views."""
        return dict(self.env[model]._fields[field]._description_selection(self.env))

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
            "public_pool": self.env._("Public Pool"),
            "period_end": self.env._("Period End"),
            "sheet_visit_log": self.env._("Visit Log"),
            "visited_at": self.env._("Visited At"),
            "prospect": self.env._("Prospect"),
            "visit_kind": self.env._("Visit Kind"),
            "received_by": self.env._("Received By"),
            "credited": self.env._("Credited Agent"),
            "registered_by": self.env._("Registered By"),
            "status": self.env._("Status"),
            "visit_kinds": self._selection("leasing.visit", "visit_kind"),
            "attributions": self._selection("leasing.visit", "attribution_type"),
            "visit_states": self._selection("leasing.visit", "state"),
            "sheet_registrations": self.env._("Visitor Registrations"),
            "left_at": self.env._("Prospect Left At"),
            "business_type": self.env._("Line of Business"),
            "desired_area": self.env._("Desired Area (m²)"),
            "compliance": self.env._("Compliance"),
            "compliances": self._selection("leasing.visitor.registration", "compliance"),
            "fixed_date": self.env._("Fixed Date"),
            "purpose": self.env._("Purpose"),
            "result": self.env._("Result"),
            "signed_date": self.env._("Signed Date"),
            "contract_number": self.env._("Contract Number"),
            "unit": self.env._("Unit"),
            "claim": self.env._("Contract Claim"),
            "no_claim": self.env._("No claim"),
            "sheet_commission": self.env._("Commission Statements"),
            "person": self.env._("Person"),
            "kind": self.env._("Kind"),
            "month": self.env._("Month"),
            "contract_count": self.env._("Contracts"),
            "factor": self.env._("Factor"),
            "amount_commission": self.env._("Amount"),
            "approval": self.env._("Approval"),
            "commission_kinds": self._selection("leasing.commission.statement", "kind"),
            "approvals": self._selection("leasing.commission.statement", "approval_state"),
        }
