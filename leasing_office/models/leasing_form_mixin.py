from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.query import Query

from . import office_clock
from .office_lang import model_label, office_env

COMPLIANCE = [
    ("pending", "Not Submitted"),
    ("on_time", "On Time"),
    ("late", "Late"),
    ("incomplete", "Incomplete"),
    ("inaccurate", "Marked Inaccurate"),
]


class LeasingFormMixin(models.AbstractModel):
    """A form the office's rules say must be filled on time and completely.

    Each form has an owner, a deadline computed from its rule (override
    ``_compute_deadline`` with its own ``@api.depends``), the time it was submitted and a
    completeness check (``_form_required_fields``, or override ``_get_missing_fields``).
    A late or incomplete form counts as not done. Once submitted, the owner can only fill
    the fields listed in ``_form_open_after_submit``; the manager corrects, tracked.

    Every concrete model that inherits this mixin is one of the office's forms: the
    compliance check and the compliance analysis list them from the registry
    (``_form_models``), under ``_form_key`` (also the kind of the expected form it fulfils,
    see ``leasing.obligation``) in the order of ``_form_sequence``.
    """

    _name = "leasing.form.mixin"
    _description = "Leasing Office Form"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin", "leasing.guard.mixin"]

    # Field names a complete form has filled in.
    _form_required_fields = ()
    # Field names the owner may still fill after submission (e.g. follow-up results).
    _form_open_after_submit = frozenset()
    # The form's key in the compliance analysis (default: its table name); a form whose key
    # is also an expected form's kind fulfils that expected form.
    _form_key = None
    # Its place in the office's list of forms.
    _form_sequence = 100

    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    deadline = fields.Datetime(compute="_compute_deadline", store=True, index=True)
    submitted_at = fields.Datetime(string="Submitted On", readonly=True, copy=False, tracking=True)
    is_complete = fields.Boolean(string="Complete", compute="_compute_is_complete", store=True)
    missing_summary = fields.Char(string="Missing", compute="_compute_is_complete", store=True)
    compliance = fields.Selection(
        COMPLIANCE, compute="_compute_compliance", store=True, index=True, default="pending"
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_reminded = fields.Boolean(readonly=True, copy=False)
    # 填寫不準確或填寫假資訊的，一律嚴懲: the manager's or leadership's mark, never the owner's.
    inaccurate_at = fields.Datetime(
        string="Marked Inaccurate On", readonly=True, copy=False, tracking=True
    )
    inaccurate_by_id = fields.Many2one(
        "res.users", string="Marked Inaccurate By", readonly=True, copy=False, tracking=True
    )
    inaccurate_note = fields.Text(
        string="Inaccuracy Note", readonly=True, copy=False, tracking=True
    )

    def _compute_deadline(self):
        raise NotImplementedError(f"{self._name} must define its deadline rule")

    @api.depends(lambda self: self._form_required_fields)
    def _compute_is_complete(self):
        for form in self:
            missing = form._get_missing_fields()
            form.is_complete = not missing
            form.missing_summary = ", ".join(missing)

    @api.depends("submitted_at", "deadline", "is_complete", "inaccurate_at")
    def _compute_compliance(self):
        for form in self:
            if form.inaccurate_at:
                form.compliance = "inaccurate"
            elif not form.submitted_at:
                form.compliance = "pending"
            elif not form.is_complete:
                form.compliance = "incomplete"
            elif form.deadline and form.submitted_at > form.deadline:
                form.compliance = "late"
            else:
                form.compliance = "on_time"

    @api.depends("submitted_at", "deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for form in self:
            form.is_overdue = not form.submitted_at and bool(form.deadline) and form.deadline < now

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Overdue."))
        domain = [("submitted_at", "=", False), ("deadline", "<", fields.Datetime.now())]
        return domain if (operator == "=") == value else ["!", *domain]

    def _get_missing_fields(self):
        """Labels of what a complete form still lacks."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in self._form_required_fields
            if not self[name]
        ]

    # ------------------------------------------------------------------
    # THE OFFICE'S LIST OF FORMS AND THE "NOT DONE" RULE
    # ------------------------------------------------------------------

    @api.model
    def _form_models(self):
        """Names of the office's forms: every model with a table that inherits this mixin,
        in the office's order."""
        registry = self.env.registry
        names = [
            name
            for name in registry.descendants(["leasing.form.mixin"], "_inherit")
            if not registry[name]._abstract and registry[name]._auto
        ]
        return sorted(names, key=lambda name: (registry[name]._form_sequence, name))

    @api.model
    def _form_types(self):
        """``[(key, model name)]`` of the office's forms, in order."""
        return [(self.env[name]._form_type_key(), name) for name in self._form_models()]

    @api.model
    def _form_type_key(self):
        return self._form_key or self._table

    @api.model
    def _not_done_reasons(self):
        """The "not done" rule, written once: why a form counts as not done, each reason a
        domain. The compliance check searches them, the compliance analysis compiles the
        same domains to SQL (``_not_done_sql``)."""
        return {
            "late": Domain("compliance", "=", "late"),
            "incomplete": Domain("compliance", "=", "incomplete"),
            # Never handed in, and its deadline has passed.
            "not_started": Domain("compliance", "=", "pending")
            & Domain("deadline", "<", fields.Datetime.now()),
            "inaccurate": Domain("compliance", "=", "inaccurate"),
        }

    @api.model
    def _not_done_domain(self, date_from, date_to):
        """Forms due in the period that count as not done: late, incomplete, missing or
        marked inaccurate."""
        return (
            Domain("deadline", ">=", date_from)
            & Domain("deadline", "<", date_to)
            & Domain.OR(self._not_done_reasons().values())
        )

    @api.model
    def _not_done_sql(self, alias):
        """``{reason: SQL condition}`` of the rule on rows of ``alias`` that have this
        mixin's ``compliance`` and ``deadline`` columns (a form's table, or a union)."""
        Mixin = self.env["leasing.form.mixin"].sudo()
        query = Query(self.env, alias, SQL.identifier(alias))
        return {
            reason: domain.optimize_full(Mixin)._to_sql(Mixin, alias, query)
            for reason, domain in self._not_done_reasons().items()
        }

    # ------------------------------------------------------------------
    # OFFICE TIME
    # ------------------------------------------------------------------

    @api.model
    def _office_tz(self):
        return self.env.company._leasing_tz()

    @api.model
    def _end_of_day(self, day):
        """The end of the working day (a setting of the company) of ``day``, in UTC."""
        return self.env.company._leasing_end_of_day(day)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        forms = super().create(vals_list)
        forms._schedule_due_reminder()
        return forms

    def write(self, vals):
        if not self.env.su and not self._is_leasing_manager():
            self._check_owner_may_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(form.submitted_at for form in self):
            raise UserError(
                self.env._("A submitted form is never deleted; the manager corrects it.")
            )

    def _is_leasing_manager(self):
        return self.env.user.has_group("leasing_office.group_leasing_manager")

    def _check_owner_may_write(self, vals):
        open_fields = set(self._form_open_after_submit)
        touched = {name for name in vals if not name.startswith(("message_", "activity_"))}
        for form in self:
            if form._is_locked_for_owner() and touched - open_fields:
                raise UserError(
                    self.env._(
                        "%(form)s is locked; ask the leasing manager for a correction.",
                        form=form.display_name,
                    )
                )

    def _is_locked_for_owner(self):
        self.ensure_one()
        return bool(self.submitted_at)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_submit(self):
        self.check_access("write")
        for form in self:
            if form.submitted_at:
                raise UserError(
                    self.env._("%(form)s was already submitted.", form=form.display_name)
                )
            if form.user_id != self.env.user and not self._is_leasing_manager():
                raise UserError(self.env._("Only the owner submits a form."))
            form._check_before_submit()
        self._write_guarded({"submitted_at": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _check_before_submit(self):
        """Hook: raise when the form cannot be handed in at all."""

    def action_return_for_correction(self):
        """Manager: reopen a submitted form; the submission time is kept in the chatter."""
        if not self._is_leasing_manager():
            raise UserError(self.env._("Only the leasing manager returns a form for correction."))
        self.check_access("write")
        self._write_guarded({"submitted_at": False})
        return True

    def action_mark_inaccurate(self):
        """Manager or leadership: open the note that marks this submitted form inaccurate."""
        self.ensure_one()
        self._check_may_mark_inaccurate()
        return {
            "type": "ir.actions.act_window",
            "res_model": "leasing.inaccurate.mark",
            "view_mode": "form",
            "target": "new",
            "context": {"default_form_ref": f"{self._name},{self.id}"},
        }

    def _check_may_mark_inaccurate(self):
        if not self._is_leasing_manager():
            raise UserError(
                self.env._("Only the leasing manager or leadership marks a form inaccurate.")
            )
        self.check_access("write")
        for form in self:
            if not form.submitted_at:
                raise UserError(
                    self.env._(
                        "%(form)s was not submitted: only a submitted form is marked inaccurate.",
                        form=form.display_name,
                    )
                )
            if form.inaccurate_at:
                raise UserError(
                    self.env._("%(form)s is already marked inaccurate.", form=form.display_name)
                )

    def _mark_inaccurate(self, note):
        """Mark submitted forms inaccurate: they count as not done and cost the owner the
        configured commission deduction; the note is kept and tracked in the chatter."""
        self._check_may_mark_inaccurate()
        if not (note or "").strip():
            raise UserError(self.env._("Say what is inaccurate or false in the form."))
        self._write_guarded(
            {
                "inaccurate_at": fields.Datetime.now(),
                "inaccurate_by_id": self.env.user.id,
                "inaccurate_note": note.strip(),
            }
        )
        return True

    # ------------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------------

    def _schedule_due_reminder(self):
        if self.env.context.get("leasing_demo_replay"):
            return  # the demo replays past days: no reminders, pop-ups or board messages for them
        for form in self.filtered("deadline"):
            form.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=office_clock.local_date(form.deadline, self._office_tz()),
                summary=office_env(self.env)._(
                    "Due: %(form)s", form=model_label(self.env, form._name)
                ),
                user_id=form.user_id.id,
            )

    @api.model
    def _cron_remind_overdue(self):
        """Remind every owner of each overdue form, once."""
        for model in self._form_models():
            Form = self.env[model]
            for form in Form.search([("is_overdue", "=", True), ("overdue_reminded", "=", False)]):
                form.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=office_clock.office_today(form.env),
                    summary=office_env(self.env)._(
                        "Overdue: %(form)s", form=model_label(self.env, form._name)
                    ),
                    user_id=form.user_id.id,
                )
                form._write_guarded({"overdue_reminded": True})
