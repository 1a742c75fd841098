from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import office_clock
from .office_lang import office_env

OBLIGATION_KINDS = [
    ("registration", "Visitor Registration"),
    ("followup", "Follow-up Plan"),
    ("followup_result", "Follow-up Result"),
    ("signing", "Contract-signing Plan"),
    ("field_log", "Field-visit Log"),
    ("log_review", "Field-visit Log Review"),
    ("weekly_check", "Weekly Check"),
    ("monthly_check", "Monthly Check"),
    ("field_visit", "Field Visit Due"),
    ("tier_check", "Merchant Tier Verification"),
]
OBLIGATION_STATES = [
    ("pending", "Due"),
    ("done", "Done"),
    ("late", "Late or Incomplete"),
    ("not_done", "Not Done"),
]
ACTIVITY_DUE = "leasing_office.mail_activity_type_leasing_obligation"
ACTIVITY_ESCALATED = "leasing_office.mail_activity_type_leasing_escalation"


class LeasingObligation(models.Model):
    """Something the office's rules expect of someone by a deadline, whether or not started.

    Events (a prospect leaving, a deposit) and the daily routine create obligations; the
    form that fulfils one is found when it is started. An obligation nobody fulfilled by
    its deadline counts as not done, reminds its owner and, once overdue for the
    configured time, escalates to the owner's superior (agent → manager → leadership).
    """

    _name = "leasing.obligation"
    _description = "Expected Form"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "leasing.guard.mixin"]
    _order = "deadline desc, id desc"
    _guarded_unlink = True

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    kind = fields.Selection(OBLIGATION_KINDS, required=True, readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, readonly=True, index=True, check_company=True
    )
    period_date = fields.Date(string="Office Day", required=True, readonly=True, index=True)
    deadline = fields.Datetime(required=True, readonly=True, index=True)
    source_ref = fields.Reference(
        selection="_selection_refs", string="Because of", readonly=True, index=True
    )
    form_ref = fields.Reference(selection="_selection_refs", string="Form", readonly=True)
    state = fields.Selection(
        OBLIGATION_STATES, default="pending", required=True, readonly=True, index=True
    )
    done_at = fields.Datetime(string="Done On", readonly=True)
    escalated = fields.Boolean(readonly=True, index=True)
    escalated_at = fields.Datetime(string="Escalated On", readonly=True)
    escalated_to_ids = fields.Many2many("res.users", readonly=True)
    # Set by ``_expect`` from the event (no default: a default would let a create through).
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.model
    def _selection_refs(self):
        models_ = (
            "crm.lead",
            "leasing.visit",
            "leasing.visitor.registration",
            "leasing.followup.plan",
            "leasing.followup.plan.line",
            "leasing.deposit",
            "leasing.signing.plan",
            "leasing.field.visit.plan",
            "leasing.field.visit.log",
            "leasing.compliance.check",
        )
        return [(model, self.env[model]._description) for model in models_]

    @api.depends("kind", "user_id", "period_date")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for duty in self:
            duty.name = f"{labels.get(duty.kind, '')} · {duty.user_id.name} · {duty.period_date}"

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for duty in self:
            duty.is_overdue = duty.state in ("pending", "not_done") and duty.deadline < now

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Overdue."))
        domain = [
            ("state", "in", ("pending", "not_done")),
            ("deadline", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------------
    # CREATION (system only)
    # ------------------------------------------------------------------

    @api.model
    def _expect(self, kind, user, day, deadline, source=None, form=None):
        """The obligation of ``user`` (created once, with its owner's activity)."""
        source_ref = source and f"{source._name},{source.id}"
        existing = self.sudo().search(
            [
                ("kind", "=", kind),
                ("user_id", "=", user.id),
                ("period_date", "=", day),
                ("source_ref", "=", source_ref or False),
            ],
            limit=1,
        )
        if existing:
            return existing
        duty = self._create_guarded(
            [
                {
                    "kind": kind,
                    "user_id": user.id,
                    "period_date": day,
                    "deadline": deadline,
                    "source_ref": source_ref or False,
                    "form_ref": form and f"{form._name},{form.id}",
                    "company_id": (
                        source.company_id.id if source and "company_id" in source._fields else False
                    )
                    or self.env.company.id,
                }
            ]
        )
        if not form:  # a form already started carries its own reminder
            duty._remind(ACTIVITY_DUE, user, self.env._("Due: %(what)s", what=duty._kind_label()))
        return duty

    @api.model
    def _create_for_form(self, kind, form, source):
        tz = form._office_tz()
        return self._expect(
            kind,
            form.user_id,
            office_clock.local_date(form.deadline, tz),
            form.deadline,
            source,
            form,
        )

    def _kind_label(self):
        return dict(self._fields["kind"]._description_selection(self.env)).get(self.kind)

    def _remind(self, activity_xmlid, user, summary):
        if self.env.context.get("leasing_demo_replay"):
            return  # the demo replays past days: no reminders, pop-ups or board messages for them
        tz = office_clock.company_tz(self.env.company)
        for duty in self.sudo():
            duty.activity_schedule(
                activity_xmlid,
                date_deadline=office_clock.local_date(duty.deadline, tz),
                summary=summary,
                user_id=user.id,
            )

    # ------------------------------------------------------------------
    # FULFILMENT
    # ------------------------------------------------------------------

    def _find_form(self):
        """The record that fulfils this obligation, once someone started it."""
        self.ensure_one()
        source = self.source_ref
        if self.form_ref:
            return self.form_ref
        if self.kind == "followup":
            return self.env["leasing.followup.plan"].search(
                [("user_id", "=", self.user_id.id), ("plan_date", "=", self.period_date)], limit=1
            )
        if self.kind == "signing" and source:
            return source._find_signing_plan()
        if self.kind == "field_log" and source:
            return source.log_ids[:1]
        if self.kind in ("followup_result", "log_review"):
            return source
        if self.kind in ("weekly_check", "monthly_check"):
            return self._find_check()
        if self.kind == "field_visit" and source:
            # Visited since it fell due: the prospect's next visit moved past this day.
            covered = source.next_field_visit_due and source.next_field_visit_due > self.period_date
            return source._latest_field_visit_line() if covered else None
        if self.kind == "tier_check":
            return self._tiers_unverified() or self.env["crm.lead"]
        return None

    def _week_start(self):
        return self.period_date - timedelta(days=self.period_date.weekday())

    def _tiers_unverified(self):
        """The tiered merchants not verified since the week began (the manager's weekly
        verification is done when there are none)."""
        since = office_clock.at_local(
            self._week_start(), 0, 0, self.env["leasing.followup.plan"]._office_tz()
        )
        return (
            self.env["crm.lead"]
            .sudo()
            .search(
                [
                    ("tier_state", "!=", "none"),
                    ("company_id", "in", (self.company_id.id, False)),
                    "|",
                    ("tier_verified_at", "=", False),
                    ("tier_verified_at", "<", since),
                ],
                limit=1,
            )
        )

    def _find_check(self):
        day = self.period_date
        if self.kind == "weekly_check":
            kind, date_from = "weekly", day - timedelta(days=7)
        else:
            kind, date_from = "monthly", (day.replace(day=1) - timedelta(days=1)).replace(day=1)
        return self.env["leasing.compliance.check"].search(
            [("kind", "=", kind), ("date_from", "=", date_from), ("checked_at", "!=", False)],
            limit=1,
        )

    def _fulfilment(self, form):
        """(done_at, on time and complete) of the record that fulfils it, or (False, False)."""
        if self.kind == "tier_check":
            return self._tier_check_fulfilment(form)
        if not form:
            return False, False
        if self.kind == "followup_result":
            done = bool(form.result)
            return (form.write_date if done else False), done
        if self.kind == "log_review":
            decided = form.approval_state in ("approved", "rejected")
            return (form.approved_at if decided else False), decided
        if self.kind in ("weekly_check", "monthly_check"):
            return form.checked_at, True
        if self.kind == "field_visit":
            return form.log_id.plan_id.departure, True
        return form.submitted_at, form.compliance == "on_time"

    def _tier_check_fulfilment(self, unverified):
        """Done when every tiered merchant was verified this week, at the last verification."""
        if unverified:
            return False, False
        week = [
            ("tier_state", "!=", "none"),
            ("company_id", "in", (self.company_id.id, False)),
        ]
        verified = self.env["crm.lead"].sudo().search(week, order="tier_verified_at desc", limit=1)
        start = office_clock.at_local(
            self._week_start(), 0, 0, self.env["leasing.followup.plan"]._office_tz()
        )
        return verified.tier_verified_at or start, True

    def _evaluate(self):
        """Bring the state up to date; an owner whose item just went overdue is reminded."""
        now = fields.Datetime.now()
        form_kinds = self._form_kinds()
        for duty in self.sudo().filtered(lambda d: d.state in ("pending", "not_done")):
            form = duty._find_form()
            vals = {}
            if form and not duty.form_ref and duty.kind in form_kinds:
                vals["form_ref"] = f"{form._name},{form.id}"
            done_at, complete = duty._fulfilment(form)
            if done_at:
                on_time = complete and done_at <= duty.deadline
                vals.update(state="done" if on_time else "late", done_at=done_at)
            elif duty.deadline < now and duty.state == "pending":
                vals["state"] = "not_done"
            if vals:
                duty._write_guarded(vals)
            if vals.get("state") == "not_done":
                duty._remind(
                    ACTIVITY_DUE,
                    duty.user_id,
                    self.env._("Overdue: %(what)s", what=duty._kind_label()),
                )
            elif duty.state in ("done", "late"):
                duty.activity_ids.action_feedback()
        return True

    # ------------------------------------------------------------------
    # THE DAILY ROUTINE
    # ------------------------------------------------------------------

    @api.model
    def _cron_generate(self):
        """Expect today's forms of the routine in every mall (idempotent: runs hourly)."""
        for company in self.env["res.company"].search([("active", "=", True)]):
            self.with_company(company)._generate_today()
        return True

    @api.model
    def _generate_today(self):
        """Today's expected forms of the routine in the env's mall, on its office day."""
        Form = self.env["leasing.followup.plan"]
        today = office_clock.office_today(self.env)
        self._expect_followup_plans(today, Form._end_of_day(today))
        self._expect_followup_results(today)
        self._expect_field_logs()
        self._expect_log_reviews(today)
        self._expect_field_visits(today)
        if today.weekday() == 0:
            for user in self._managers():
                self._expect("weekly_check", user, today, Form._end_of_day(today))
                # The week's verification of merchant tiers, by the end of its fifth day.
                friday = Form._end_of_day(today + timedelta(days=4))
                self._expect("tier_check", user, today, friday)
        if today.day == 3:
            for user in self._leaders():
                self._expect("monthly_check", user, today, Form._end_of_day(today))

    @api.model
    def _expect_followup_plans(self, day, deadline):
        """Every agent on duty that day owes a follow-up plan (or "no follow-ups today")."""
        rotation = (
            self.env["leasing.rotation"]
            .sudo()
            .search([("date", "=", day), ("company_id", "=", self.env.company.id)], limit=1)
        )
        for line in rotation.line_ids.filtered(lambda line: line.status != "leave"):
            self._expect("followup", line.user_id, day, deadline)

    @api.model
    def _expect_followup_results(self, today):
        """A planned follow-up whose day came owes a result by the end of that day."""
        Form = self.env["leasing.followup.plan"]
        # Hourly: yesterday and today suffice, and history from before the office used
        # this never turns into a flood of escalations.
        lines = (
            self.env["leasing.followup.plan.line"]
            .sudo()
            .search(
                [
                    ("planned_date", "<=", today),
                    ("planned_date", ">=", today - timedelta(days=1)),
                    ("result", "=", False),
                    ("plan_id.company_id", "=", self.env.company.id),
                ]
            )
        )
        for line in lines:
            day = line.planned_date
            self._expect("followup_result", line.user_id, day, Form._end_of_day(day), line)

    @api.model
    def _expect_field_logs(self):
        """An approved field-visit plan owes its log by the next morning."""
        since = fields.Datetime.now() - timedelta(days=2)
        plans = (
            self.env["leasing.field.visit.plan"]
            .sudo()
            .search(
                [
                    ("approval_state", "=", "approved"),
                    ("departure", ">=", since),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        )
        Log = self.env["leasing.field.visit.log"]
        hour, minute = office_clock.hours_to_hm(self.env.company.leasing_log_hour)
        tz = Log._office_tz()
        for plan in plans:
            deadline = office_clock.next_morning(plan.departure, hour, minute, tz)
            day = office_clock.local_date(plan.departure, tz)
            self._expect("field_log", plan.user_id, day, deadline, plan)

    @api.model
    def _expect_log_reviews(self, today):
        """The manager owes a review of each submitted log by the end of the next day."""
        Form = self.env["leasing.followup.plan"]
        logs = (
            self.env["leasing.field.visit.log"]
            .sudo()
            .search(
                [("approval_state", "=", "to_approve"), ("company_id", "=", self.env.company.id)]
            )
        )
        tz = Form._office_tz()
        for log in logs:
            day = office_clock.local_date(log.submitted_at, tz) if log.submitted_at else today
            due = Form._end_of_day(day + timedelta(days=1))
            for user in self._managers():
                if user != log.user_id:
                    self._expect("log_review", user, day, due, log)

    @api.model
    def _expect_field_visits(self, today):
        """Every prospect with an agent owes a field visit once its due day came (the first
        one after the first contact, then at the frequency of its class): once per cycle,
        due by the end of the due day (or of today, when it fell due earlier).

        A database upgraded to field coverage starts expecting them on the day its
        migration set (``leasing_office.field_coverage_since``), so the prospects it already
        held are not all owed and escalated at once."""
        since = (
            self.env["ir.config_parameter"].sudo().get_param("leasing_office.field_coverage_since")
        )
        if since and today < fields.Date.to_date(since):
            return
        Form = self.env["leasing.followup.plan"]
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search(
                [
                    ("attributed_user_id", "!=", False),
                    ("next_field_visit_due", "<=", today),
                    ("company_id", "in", (self.env.company.id, False)),
                ]
            )
        )
        owed = self.sudo().search(
            [
                ("kind", "=", "field_visit"),
                ("source_ref", "in", [f"crm.lead,{i}" for i in leads.ids]),
            ]
        )
        latest = {}
        for duty in owed:
            key = duty.source_ref.id
            latest[key] = max(latest.get(key, duty.period_date), duty.period_date)
        for lead in leads:
            if latest.get(lead.id) and latest[lead.id] >= lead.next_field_visit_due:
                continue  # this cycle's visit is already expected
            day = max(lead.next_field_visit_due, today)
            self._expect("field_visit", lead.attributed_user_id, day, Form._end_of_day(day), lead)

    @api.model
    def _managers(self):
        """The leasing managers who are not leadership."""
        leaders = self._leaders()
        group = self.env.ref("leasing_office.group_leasing_manager").sudo()
        return group.all_user_ids.filtered(
            lambda u: u.active and u not in leaders and self.env.company in u.company_ids
        )

    @api.model
    def _leaders(self):
        group = self.env.ref("leasing_office.group_leasing_leader").sudo()
        return group.all_user_ids.filtered(lambda u: u.active and self.env.company in u.company_ids)

    # ------------------------------------------------------------------
    # ESCALATION
    # ------------------------------------------------------------------

    @api.model
    def _superiors_of(self, user):
        """Agent → the managers; manager → leadership; leadership has none."""
        if user.has_group("leasing_office.group_leasing_leader"):
            return self.env["res.users"]
        if user.has_group("leasing_office.group_leasing_manager"):
            return self._leaders()
        return self._managers() or self._leaders()

    @api.model
    def _escalate_after(self):
        return timedelta(hours=self.env.company.leasing_escalate_hours)

    def _escalate(self):
        now = fields.Datetime.now()
        office = office_env(self.env)
        for duty in self.sudo():
            superiors = self._superiors_of(duty.user_id)
            summary = office._(
                "Escalated: %(what)s of %(owner)s overdue since %(deadline)s",
                what=duty.with_env(office)._kind_label(),
                owner=duty.user_id.name,
                deadline=fields.Datetime.to_string(duty.deadline),
            )
            for superior in superiors:
                duty.activity_schedule(
                    ACTIVITY_ESCALATED,
                    date_deadline=office_clock.office_today(duty.env),
                    summary=summary,
                    user_id=superior.id,
                )
            duty._write_guarded(
                {
                    "escalated": True,
                    "escalated_at": now,
                    "escalated_to_ids": [fields.Command.set(superiors.ids)],
                }
            )
            duty.message_post(body=summary)

    @api.model
    def _cron_escalate(self):
        """Hourly, in every mall: update every open item, then escalate those overdue for
        longer than that mall's delay."""
        for company in self.env["res.company"].search([("active", "=", True)]):
            items = self.with_company(company).sudo()
            open_items = items.search(
                [("state", "in", ("pending", "not_done")), ("company_id", "=", company.id)]
            )
            open_items._evaluate()
            limit = fields.Datetime.now() - items._escalate_after()
            overdue = open_items.filtered(
                lambda d, limit=limit: (
                    d.state == "not_done" and not d.escalated and d.deadline <= limit
                )
            )
            overdue._escalate()
        return True

    # ------------------------------------------------------------------
    # COMPLIANCE
    # ------------------------------------------------------------------

    @api.model
    def _form_kinds(self):
        """Kinds fulfilled by one of the office's forms (a form whose ``_form_key`` is the
        kind): once started, the form itself is counted."""
        kinds = dict(OBLIGATION_KINDS)
        return tuple(
            key for key, _model in self.env["leasing.form.mixin"]._form_types() if key in kinds
        )

    @api.model
    def _not_done_domain(self, date_from, date_to):
        """Not done in the period, leaving out started forms (the forms count themselves)."""
        return [
            ("period_date", ">=", date_from),
            ("period_date", "<=", date_to),
            ("state", "in", ("not_done", "late")),
            "|",
            ("kind", "not in", self._form_kinds()),
            ("form_ref", "=", False),
        ]
