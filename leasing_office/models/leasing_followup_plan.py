from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import office_clock
from .office_lang import office_env


class LeasingFollowupPlan(models.Model):
    """回訪計畫表: the day's planned follow-ups, submitted before the end of the working day."""

    _name = "leasing.followup.plan"
    _description = "Follow-up Plan"
    _inherit = ["leasing.form.mixin"]
    _form_key = "followup"
    _form_sequence = 20
    _order = "plan_date desc, id desc"
    # Results come in later, after the follow-ups took place.
    _form_open_after_submit = frozenset({"line_ids"})

    name = fields.Char(compute="_compute_name", store=True)
    plan_date = fields.Date(required=True, default=office_clock.office_today_default, index=True)
    line_ids = fields.One2many("leasing.followup.plan.line", "plan_id", string="Follow-ups")
    no_followups = fields.Boolean(
        string="No Follow-ups Today",
        help="Nothing to plan today: submitted as such, the plan is complete without lines.",
    )

    _user_date_uniq = models.UniqueIndex(
        "(user_id, plan_date)", "Each agent has one follow-up plan per day."
    )

    @api.depends("user_id", "plan_date")
    def _compute_name(self):
        for plan in self:
            plan.name = office_env(self.env)._(
                "Follow-up plan %(agent)s %(date)s", agent=plan.user_id.name, date=plan.plan_date
            )

    @api.model_create_multi
    def create(self, vals_list):
        Line = self.env["leasing.followup.plan.line"]
        for vals in vals_list:
            for command in vals.get("line_ids") or []:
                if self._is_create_command(command):
                    Line._check_fixed_date(command[2])
        return super().create(vals_list)

    @api.model
    def _is_create_command(self, command):
        """Whether ``command`` creates a line; malformed commands are left to Odoo to refuse."""
        return (
            isinstance(command, (list, tuple))
            and len(command) == 3
            and command[0] == fields.Command.CREATE
            and isinstance(command[2], dict)
        )

    @api.depends("plan_date")
    def _compute_deadline(self):
        for plan in self:
            plan.deadline = self._end_of_day(plan.plan_date)

    @api.depends("line_ids", "line_ids.purpose", "no_followups")
    def _compute_is_complete(self):
        return super()._compute_is_complete()

    @api.constrains("no_followups", "line_ids")
    def _check_no_followups(self):
        for plan in self:
            if plan.no_followups and plan.line_ids:
                raise ValidationError(
                    self.env._('A plan with follow-ups cannot say "no follow-ups today".')
                )

    def _get_missing_fields(self):
        missing = super()._get_missing_fields()
        if self.no_followups:
            return missing
        if not self.line_ids:
            missing.append(self.env._("at least one follow-up"))
        elif not all(self.line_ids.mapped("purpose")):
            missing.append(self.env._("the purpose of every follow-up"))
        return missing
