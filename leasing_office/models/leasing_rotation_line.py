from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_lang import office_env
from .res_users import agent_domain

STATUSES = [
    ("available", "Available"),
    ("busy", "Busy with a Prospect"),
    ("errand", "Out on a Company Errand"),
    ("leave", "On Leave"),
]


class LeasingRotationLine(models.Model):
    """One agent on duty in the day's rotation table, with that day's turn ledger.

    Front desk edits the order and the status; the ledger (turns, make-up turns owed,
    skips) is read-only, so only the rotation engine writes it.
    """

    _name = "leasing.rotation.line"
    _description = "Rotation Table Line"
    _check_company_auto = True
    _inherit = ["leasing.guard.mixin"]
    _order = "rotation_id, sequence, id"

    rotation_id = fields.Many2one("leasing.rotation", required=True, ondelete="cascade", index=True)
    date = fields.Date(related="rotation_id.date", store=True)
    company_id = fields.Many2one(related="rotation_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Agent", required=True, domain=agent_domain, check_company=True
    )
    sequence = fields.Integer(default=10)
    status = fields.Selection(STATUSES, default="available", required=True)
    available = fields.Boolean(
        compute="_compute_available",
        inverse="_inverse_available",
        store=True,
        help="Unticked when the agent cannot take a turn right now.",
    )
    turn_count = fields.Integer(string="Turns Taken", readonly=True)
    makeup_turn_count = fields.Integer(string="Make-up Turns Taken", readonly=True)
    skip_count = fields.Integer(string="Turns Skipped", readonly=True)
    makeup_owed = fields.Integer(string="Make-up Turns Owed", readonly=True)
    owed_since = fields.Datetime(readonly=True)
    is_next = fields.Boolean(string="Up Next", compute="_compute_is_next")
    calls_today = fields.Integer(string="Calls", compute="_compute_calls_today")
    call_target = fields.Integer(compute="_compute_calls_today")
    prospects_called = fields.Integer(
        string="Prospects Called in Window",
        compute="_compute_calls_today",
        help="Distinct prospects called within the morning call window (default 9:30–11:30) "
        "that day; only these count toward the daily target.",
    )
    call_shortfall = fields.Integer(string="Calls Short", compute="_compute_calls_today")

    _rotation_user_uniq = models.UniqueIndex(
        "(rotation_id, user_id)", "An agent appears only once in a day's rotation table."
    )

    @api.depends("user_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.user_id.name or ""

    @api.depends("status")
    def _compute_available(self):
        for line in self:
            line.available = line.status == "available"

    def _inverse_available(self):
        for line in self:
            if line.available:
                line.status = "available"
            elif line.status == "available":
                line.status = "busy"

    @api.depends("rotation_id.next_user_id")
    def _compute_is_next(self):
        for line in self:
            line.is_next = line.user_id == line.rotation_id.next_user_id

    @api.constrains("user_id")
    def _check_user_is_agent(self):
        for line in self:
            if not line.user_id._is_leasing_agent():
                raise UserError(
                    self.env._(
                        "%(user)s is not a leasing agent and cannot be in the rotation.",
                        user=line.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if self.env.context.get("leasing_demo_replay"):
            return lines  # the demo's past tables: their history is the turns, not chatter
        office = office_env(self.env)
        for line in lines:
            line.rotation_id._message_log(
                body=office._("%(agent)s added to the rotation.", agent=line.user_id.name)
            )
        return lines

    def write(self, vals):
        self._check_guarded_write(vals)
        before = {line: (line.status, line.sequence) for line in self}
        result = super().write(vals)
        if not self.env.su:
            for line, (status, sequence) in before.items():
                line._log_change(status, sequence)
        if {"status", "sequence", "available"} & vals.keys():
            self.env["leasing.rotation.board"]._notify_changed(self.rotation_id.company_id)
        return result

    def _board_tile(self):
        """One agent's tile on the live board."""
        self.ensure_one()
        labels = dict(self._fields["status"]._description_selection(self.env))
        return {
            "id": self.id,
            "user_id": self.user_id.id,
            "name": self.user_id.name,
            "status": self.status,
            "status_label": labels[self.status],
            "is_next": self.is_next,
            "turns": self.turn_count,
            "makeup_turns": self.makeup_turn_count,
            "makeup_owed": self.makeup_owed,
            "skips": self.skip_count,
            "calls": self.prospects_called,
            "call_target": self.call_target,
            "call_shortfall": self.call_shortfall,
        }

    def _log_change(self, old_status, old_sequence):
        if self.env.context.get("leasing_demo_replay"):
            return
        office = office_env(self.env)
        labels = dict(self._fields["status"]._description_selection(office))
        if old_status != self.status:
            self.rotation_id._message_log(
                body=office._(
                    "%(agent)s: %(old)s → %(new)s",
                    agent=self.user_id.name,
                    old=labels[old_status],
                    new=labels[self.status],
                )
            )
        if old_sequence != self.sequence:
            self.rotation_id._message_log(
                body=office._(
                    "%(agent)s moved in the order (%(old)s → %(new)s).",
                    agent=self.user_id.name,
                    old=old_sequence,
                    new=self.sequence,
                )
            )

    def _skip_phrase(self):
        """'agent2 skipped, busy with a prospect' in the user's language."""
        self.ensure_one()
        labels = dict(self._fields["status"]._description_selection(self.env))
        return self.env._(
            "%(agent)s skipped, %(why)s", agent=self.user_id.name, why=labels[self.status].lower()
        )

    def action_set_available(self):
        return self.write({"status": "available"})

    def action_set_busy(self):
        return self.write({"status": "busy"})

    def action_set_errand(self):
        return self.write({"status": "errand"})

    def action_set_leave(self):
        return self.write({"status": "leave"})

    def _add_owed(self, count):
        """Change the make-up turns owed; priority dates from the first one still owed."""
        self.ensure_one()
        owed = max(self.makeup_owed + count, 0)
        self._write_guarded(
            {
                "makeup_owed": owed,
                "owed_since": (self.owed_since or fields.Datetime.now()) if owed else False,
            }
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_turns(self):
        if any(line.turn_count or line.skip_count for line in self):
            raise UserError(
                self.env._(
                    "An agent who already took or skipped a turn today stays in the table; "
                    "mark them on leave instead."
                )
            )

    def _compute_calls_today(self):
        target = self.env.company.leasing_call_target
        counts = {
            (user, day): count
            for user, day, count in self.env["leasing.call.log"]
            .sudo()
            ._read_group(
                [("user_id", "in", self.user_id.ids), ("call_date", "in", self.mapped("date"))],
                ["user_id", "call_date:day"],
                ["__count"],
            )
        }
        called = self.env["leasing.call.log"]._prospects_called(
            self.user_id, set(self.mapped("date"))
        )
        for line in self:
            line.calls_today = counts.get((line.user_id, line.date), 0)
            line.call_target = target
            line.prospects_called = called.get((line.user_id, line.date), 0)
            line.call_shortfall = max(target - line.prospects_called, 0)
