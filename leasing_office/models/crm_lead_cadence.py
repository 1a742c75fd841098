"""Follow-up cadence of a prospect: its class, the follow-ups and field visits it is owed."""

from datetime import timedelta

from odoo import api, fields, models

from . import office_clock
from .crm_lead import LEASING_AGENTS

# The days between follow-ups and between field visits are settings of the company, per
# class (res.company leasing_followup_days_<class>, leasing_field_days_<class>).
PROSPECT_CLASSES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    prospect_class = fields.Selection(
        PROSPECT_CLASSES,
        string="Follow-up Class",
        tracking=True,
        help="A/B/C/D priority; the class sets how often a follow-up is due.",
    )
    last_contact_date = fields.Date(compute="_compute_last_contact_date", store=True)
    next_followup_due = fields.Date(compute="_compute_next_followup_due", store=True, index=True)
    call_log_ids = fields.One2many(
        "leasing.call.log", "lead_id", string="Calls", groups=LEASING_AGENTS
    )
    field_visit_line_ids = fields.One2many(
        "leasing.field.visit.log.line", "lead_id", string="Field Visits", groups=LEASING_AGENTS
    )
    field_visit_count = fields.Integer(
        compute="_compute_field_visit_count", store=True, string="Field Visits Made"
    )
    last_field_visit_date = fields.Date(
        string="Last Field Visit", compute="_compute_field_coverage", store=True
    )
    next_field_visit_due = fields.Date(
        string="Field Visit Due",
        compute="_compute_field_coverage",
        store=True,
        index=True,
        help="Every prospect, signed or not, is visited in the field a set number of days after "
        "the first contact, then as often as its class requires (Settings).",
    )

    @api.depends("call_log_ids.call_date", "visit_ids.visit_datetime", "visit_ids.state")
    def _compute_last_contact_date(self):
        for lead in self:
            dates = lead.call_log_ids.mapped("call_date") + [
                office_clock.office_date(self.env, visit.visit_datetime, visit.company_id)
                for visit in lead.visit_ids
                if visit.state == "done"
            ]
            lead.last_contact_date = max(dates, default=False)

    @api.depends("prospect_class", "last_contact_date")
    def _compute_next_followup_due(self):
        company = self.env.company
        for lead in self:
            if not (lead.prospect_class and lead.last_contact_date):
                lead.next_followup_due = False
                continue
            days = company[f"leasing_followup_days_{lead.prospect_class}"]
            lead.next_followup_due = lead.last_contact_date + timedelta(days=days)

    @api.depends("field_visit_line_ids.visited")
    def _compute_field_visit_count(self):
        for lead in self:
            lead.field_visit_count = len(lead.field_visit_line_ids.filtered("visited"))

    @api.depends(
        "prospect_class",
        "call_log_ids.call_date",
        "visit_ids.visit_datetime",
        "visit_ids.state",
        "field_visit_line_ids.visited",
        "field_visit_line_ids.log_id.visit_date",
    )
    def _compute_field_coverage(self):
        company = self.env.company
        first_days = company.leasing_field_first_days
        for lead in self:
            visited = lead.field_visit_line_ids.filtered("visited").log_id.mapped("visit_date")
            last = max(filter(None, visited), default=False)
            lead.last_field_visit_date = last
            if last:
                days = lead._field_visit_days(company)
                lead.next_field_visit_due = last + timedelta(days=days)
                continue
            first_contact = lead._first_contact_date()
            lead.next_field_visit_due = first_contact and first_contact + timedelta(days=first_days)

    def _recompute_field_coverage(self):
        """After the frequencies changed in the settings."""
        self.env.add_to_compute(self._fields["next_field_visit_due"], self)
        self._recompute_recordset(["next_field_visit_due", "last_field_visit_date"])

    def _field_visit_days(self, company):
        return company[f"leasing_field_days_{self.prospect_class or 'd'}"]

    def _first_contact_date(self):
        """The office day of the first call or received visit, or False."""
        self.ensure_one()
        dates = self.call_log_ids.mapped("call_date") + [
            office_clock.office_date(self.env, visit.visit_datetime, visit.company_id)
            for visit in self.visit_ids
            if visit.state == "done"
        ]
        return min(filter(None, dates), default=False)

    def _latest_field_visit_line(self):
        """The outcome of the latest field visit made (its log submitted), if any."""
        self.ensure_one()
        lines = self.sudo().field_visit_line_ids.filtered("visited")
        return lines.sorted(lambda line: line.log_id.plan_id.departure)[-1:]

    def action_log_call(self):
        """One click from a prospect: log a call made now by the current user."""
        self._leasing_check_access("read")
        outcome = self.env.context.get("call_outcome", "reached")
        self.env["leasing.call.log"].create(
            [{"lead_id": lead.id, "outcome": outcome} for lead in self]
        )
        return True
