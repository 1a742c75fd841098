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
        _ = self.env._
        rows = [
            (r.user_id.name or _("Department"), r.period_type, r.date_from, r.date_to,
             r.target_contracts, r.actual_contracts, r.completion_rate)
            for r in self.env["leasing.target.report"].search(
                [("date_from", "<=", self.date_to), ("date_to", ">=", self.date_from)]
            )
        ]
        headers = [_("Agent"), _("Period"), _("Period Start"), _("Period End"), _("Target"),
                   _("Actual"), _("Completion (%)")]
        workbook_writer.write_rows(stream, [(_("Targets"), headers, rows, ())])

    def _write_registers(self, stream):
        _ = self.env._
        period = [("visit_end", ">=", self.date_from), ("visit_end", "<", self.date_to + timedelta(days=1))]
        registrations = [
            (r.visit_end, r.lead_id.display_name, r.user_id.name, r.business_type or "",
             r.desired_area, r.compliance)
            for r in self.env["leasing.visitor.registration"].search(period)
        ]
        followups = [
            (f.planned_date, f.user_id.name, f.lead_id.display_name, f.purpose or "", f.result or "")
            for f in self.env["leasing.followup.plan.line"].search(
                [("planned_date", ">=", self.date_from), ("planned_date", "<=", self.date_to)]
            )
        ]
        contracts = [
            (c.signed_date, c.contract_number, c.lead_id.display_name, c.unit_id.code,
             c.user_id.name or _("Public Pool"), c.claim_id.contract_number or _("No claim"))
            for c in self.env["leasing.contract"].search(
                [("signed_date", ">=", self.date_from), ("signed_date", "<=", self.date_to)]
            )
        ]
        workbook_writer.write_rows(stream, [
            (_("Visitor Registrations"),
             [_("Prospect Left At"), _("Prospect"), _("Agent"), _("Line of Business"),
              _("Desired Area (m²)"), _("Compliance")], registrations, ()),
            (_("Follow-ups"),
             [_("Fixed Date"), _("Agent"), _("Prospect"), _("Purpose"), _("Result")], followups, ()),
            (_("Signed Contracts"),
             [_("Signed Date"), _("Contract Number"), _("Prospect"), _("Unit"), _("Credited Agent"),
              _("Contract Claim")], contracts, ()),
        ])

    def _write_commission(self, stream):
        _ = self.env._
        rows = [
            (s.user_id.name, s.kind, s.month, s.contract_count, s.target_contracts,
             s.completion_rate, s.factor, s.amount, s.approval_state)
            for s in self.env["leasing.commission.statement"].search(
                [("month", ">=", self.date_from.replace(day=1)), ("month", "<=", self.date_to)]
            )
        ]
        headers = [_("Person"), _("Kind"), _("Month"), _("Contracts"), _("Target"),
                   _("Completion (%)"), _("Factor"), _("Amount"), _("Approval")]
        workbook_writer.write_rows(
            stream, [(_("Commission Statements"), headers, rows, (_("Total"), 3, 7))]
        )

    def _labels(self):
        _ = self.env._
        kinds = dict(
            self.env["leasing.visit.report"]._fields["attribution_type"]._description_selection(self.env)
        )
        return {
            "title": _("Work report"), "item": _("Item"), "value": _("Value"), "total": _("Total"),
            "agent": _("Agent"), "attribution": _("Attribution"), "visits": _("Visits"),
            "first_visits": _("First Visits"), "followups": _("Follow-ups"),
            "deposits": _("Deposits"), "amount": _("Deposit Amount"),
            "contracts": _("Signed Contracts"), "forms": _("Forms"), "done": _("On Time"),
            "not_done": _("Forms Not Done"), "period_type": _("Period"),
            "period_start": _("Period Start"), "target": _("Target"), "actual": _("Actual"),
            "rate": _("Completion (%)"), "kinds": {**kinds, "": _("Public Pool")},
            "sheet_summary": _("Summary"), "sheet_visits": _("Visits"),
            "sheet_mix": _("Attribution Mix"), "sheet_followups": _("Follow-ups"),
            "sheet_deposits": _("Deposits"), "sheet_contracts": _("Signed Contracts"),
            "sheet_targets": _("Targets"), "sheet_compliance": _("Compliance"),
            "sheet_notes": _("Notable Items"),
        }
