from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class LeasingComplianceCheck(models.Model):
    """The manager's weekly and leadership's monthly check of the office's forms.

    Created with the forms not done in the period (late, incomplete or missing) listed,
    and a line of findings per agent.
    """

    _name = "leasing.compliance.check"
    _description = "Forms Compliance Check"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [("weekly", "Weekly (Manager)"), ("monthly", "Monthly (Leadership)")],
        required=True,
        default="weekly",
    )
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True, help="Last day of the period, included.")
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_at = fields.Datetime(string="Checked On", readonly=True)
    item_ids = fields.One2many("leasing.compliance.check.item", "check_id", string="Forms Not Done")
    line_ids = fields.One2many(
        "leasing.compliance.check.line", "check_id", string="Findings per Agent"
    )
    call_ids = fields.One2many(
        "leasing.compliance.check.call", "check_id", string="Call Target Shortfalls"
    )
    meeting_ids = fields.One2many(
        "leasing.compliance.check.meeting", "check_id", string="Days Without Meeting Minutes"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("kind", "date_from", "date_to")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for check in self:
            check.name = (
                f"{labels.get(check.kind, '')} {check.date_from or ''} – {check.date_to or ''}"
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for check in self:
            if check.date_to < check.date_from:
                raise UserError(self.env._("The period ends before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        checks.action_refresh()
        return checks

    def action_refresh(self):
        """List the forms not done in the period, and prepare one findings line per agent."""
        self.check_access("write")
        for check in self:
            items = check._collect_not_done()
            check.item_ids._with_gate().unlink()
            check._open_gate().write({"item_ids": [fields.Command.create(v) for v in items]})
            agents = {vals["user_id"] for vals in items} - set(check.line_ids.user_id.ids)
            check.line_ids = [fields.Command.create({"user_id": uid}) for uid in agents]
            check._refresh_call_shortfalls()
            check._refresh_missing_meetings()
        return True

    def _refresh_missing_meetings(self):
        """List the working days of the period whose morning meeting has no minutes."""
        self.ensure_one()
        missing = self.env["leasing.morning.meeting"]._days_without_minutes(
            self.date_from, self.date_to
        )
        self.meeting_ids._with_gate().unlink()
        self.env["leasing.compliance.check.meeting"]._create_guarded(
            [{"check_id": self.id, "date": day, "duty_user_id": duty.id} for day, duty in missing]
        )

    def _refresh_call_shortfalls(self):
        """List each agent's duty days short of the daily call target (50 prospects in the
        9:30–11:30 window), with a findings line for every agent concerned."""
        self.ensure_one()
        shortfalls = self.env["leasing.call.log"]._call_shortfalls(self.date_from, self.date_to)
        self.call_ids._with_gate().unlink()
        self.env["leasing.compliance.check.call"]._create_guarded(
            [
                {"check_id": self.id, "user_id": user.id, "date": day, "called": n, "target": t}
                for user, day, n, t in shortfalls
            ]
        )
        agents = {user.id for user, *_rest in shortfalls} - set(self.line_ids.user_id.ids)
        self.line_ids = [fields.Command.create({"user_id": uid}) for uid in agents]

    def _collect_not_done(self):
        self.ensure_one()
        start = datetime.combine(self.date_from, time.min)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min)
        items = []
        for model in self.env["leasing.form.mixin"]._form_models():
            Form = self.env[model]
            for form in Form.search(Form._not_done_domain(start, end)):
                items.append(
                    {
                        "form_ref": f"{model},{form.id}",
                        "user_id": form.user_id.id,
                        "deadline": form.deadline,
                        "compliance": form.compliance,
                    }
                )
        items += self._collect_not_started()
        return items

    def _collect_not_started(self):
        """Expected forms nobody started (and results, reviews, checks not given) count as
        not done, next to the late and incomplete forms."""
        Duty = self.env["leasing.obligation"].sudo()
        company = [("company_id", "=", self.company_id.id)]
        Duty.search(
            [("period_date", ">=", self.date_from), ("period_date", "<=", self.date_to), *company]
        )._evaluate()
        duties = Duty.search(Duty._not_done_domain(self.date_from, self.date_to) + company)
        return [
            {
                "obligation_id": duty.id,
                "user_id": duty.user_id.id,
                "deadline": duty.deadline,
                "compliance": "late" if duty.state == "late" else "pending",
            }
            for duty in duties
        ]

    def action_mark_checked(self):
        group = (
            "leasing_office.group_leasing_leader"
            if self.kind == "monthly"
            else ("leasing_office.group_leasing_manager")
        )
        if not self.env.user.has_group(group):
            raise UserError(
                self.env._("The weekly check is the manager's, the monthly check leadership's.")
            )
        self.check_access("write")
        self._write_guarded(
            {"checked_by_id": self.env.user.id, "checked_at": fields.Datetime.now()}
        )
        return True
