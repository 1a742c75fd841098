from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from . import office_clock, rotation_order
from .office_lang import office_env


class LeasingRotation(models.Model):
    """The day's rotation table (輪序表): the agents on duty, in the order they take walk-ins."""

    _name = "leasing.rotation"
    _description = "Rotation Table"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"
    _rec_name = "date"

    name = fields.Char(compute="_compute_name")  # not stored: read in each user's language
    date = fields.Date(
        required=True,
        default=lambda self: office_clock.office_today(self.env),
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    line_ids = fields.One2many("leasing.rotation.line", "rotation_id", string="Agents on Duty")
    turn_ids = fields.One2many("leasing.rotation.turn", "rotation_id", string="Turn Log")
    visit_ids = fields.One2many("leasing.visit", "rotation_id", string="Reception")
    last_line_id = fields.Many2one(
        "leasing.rotation.line",
        string="Last Regular Turn",
        readonly=True,
        help="The agent who took the last regular turn; the next turn starts after them.",
        check_company=True,
    )
    start_after_line_id = fields.Many2one(
        "leasing.rotation.line",
        string="Starts After",
        readonly=True,
        help="Carried from the previous duty day: the day's first turn goes to whoever follows "
        "this agent, so that the order runs on across days instead of restarting at the first "
        "seat every morning.",
        check_company=True,
    )
    registration_count = fields.Integer(
        string="Registrations",
        readonly=True,
        help="Walk-ins registered against this table. Every registration bumps it, which "
        "serialises concurrent registrations on this row.",
    )
    next_user_id = fields.Many2one("res.users", string="Up Next", compute="_compute_next_user_id")

    _date_company_uniq = models.UniqueIndex(
        "(company_id, date)", "There is already a rotation table for this day."
    )

    @api.depends("date")
    def _compute_name(self):
        for rotation in self:
            rotation.name = rotation._title()

    @api.depends("date")
    def _compute_display_name(self):
        for rotation in self:
            rotation.display_name = rotation._title()

    def _title(self):
        return self.env._("Rotation %(date)s", date=self.date or "")

    @api.depends("line_ids.status", "line_ids.makeup_owed", "last_line_id", "start_after_line_id")
    def _compute_next_user_id(self):
        for rotation in self:
            pick = rotation._peek_next_turn()
            rotation.next_user_id = pick.key.user_id if pick else False

    # ------------------------------------------------------------------
    # TURNS
    # ------------------------------------------------------------------

    @api.model
    def _get_for_today(self):
        """Return today's table, or tell front desk plainly what to do when it is missing."""
        today = office_clock.office_today(self.env)
        # The table and the fields the registration reads from it, in one query.
        rotation = self.sudo().search_fetch(
            [("date", "=", today), ("company_id", "=", self.env.company.id)],
            ["date", "company_id", "last_line_id", "start_after_line_id", "registration_count"],
            limit=1,
        )
        if rotation:
            rotation._prefetch_lines()
        if not rotation:
            raise UserError(
                self.env._(
                    "There is no rotation table for today (%(date)s). Front desk: open "
                    "Leasing Office > Front Desk > Rotation Tables and click 'New Table for Today' "
                    "(it copies the last table's order), then register the walk-in again.",
                    date=today,
                )
            )
        return rotation

    def _prefetch_lines(self):
        """The agents on duty with all their stored fields in one query, kept as the table's
        ``line_ids`` exactly as reading the field would keep them (same lines, same order),
        instead of one query for the lines' ids and another for their fields."""
        Line = self.env["leasing.rotation.line"].with_context(active_test=False)
        columns = [
            name for name, field in Line._fields.items() if field.store and field.column_type
        ]
        lines = Line.search_fetch([("rotation_id", "in", self.ids)], columns)
        by_table = {rotation_id: [] for rotation_id in self._ids}
        for line in lines:
            by_table[line.rotation_id.id].append(line.id)
        self._fields["line_ids"]._insert_cache(self, [tuple(by_table[id_]) for id_ in self._ids])

    def _lock_for_registration(self):
        """Serialise the registrations: queue behind the one in progress, then read fresh data.

        Odoo runs a request in one REPEATABLE READ transaction whose snapshot is taken by its
        first statement: the password or session check, before the registration starts. A
        row lock that waits (``SELECT ... FOR UPDATE``) then finds the row changed by the
        registration it waited for and fails with a serialisation error, costing the clerk
        one of Odoo's five tries. So a transaction that has written nothing yet is ended here,
        and the next one starts with ``LOCK TABLE``, which waits without taking a snapshot:
        the first read after the lock sees everything the earlier registrations committed.
        SHARE UPDATE EXCLUSIVE conflicts with itself but not with reads, writes or row locks:
        only registrations and undos queue; reading and editing the tables is never blocked.

        A transaction that already wrote cannot be restarted: it queues the same way, and
        the bump of ``registration_count`` fails with a serialisation error if a registration
        committed after its snapshot, so Odoo retries it on fresh data; a turn is never
        given from stale data.
        """
        self.ensure_one()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("SELECT pg_current_xact_id_if_assigned() IS NULL"))
        if cr.fetchone()[0] and not cr.precommit and not cr.postcommit:
            # Nothing written or locked, nothing waiting to be: ending it loses nothing.
            cr.rollback()
        cr.execute(SQL("LOCK TABLE %s IN SHARE UPDATE EXCLUSIVE MODE", SQL.identifier(self._table)))
        self._write_ledger({"registration_count": self.registration_count + 1})

    def _write_ledger(self, vals):
        """Write the day's running figures (registrations, last turn) without mail's tracking
        and follower steps: the table tracks only its date, and these writes add no follower."""
        return self.with_context(tracking_disable=True)._write_guarded(vals)

    def _seats(self):
        lines = self.line_ids.sorted(lambda line: (line.sequence, line.id))
        return [
            rotation_order.Seat(
                line,
                line.status,
                line.makeup_owed,
                line.owed_since.timestamp() if line.owed_since else 0.0,
            )
            for line in lines
        ]

    def _peek_next_turn(self):
        self.ensure_one()
        return rotation_order.pick_next_turn(
            self._seats(), self.last_line_id or self.start_after_line_id
        )

    def _take_turn(self):
        """Give the next turn; return the logged ``leasing.rotation.turn``, or None if nobody."""
        self.ensure_one()
        pick = self._peek_next_turn()
        if not pick:
            return self.env["leasing.rotation.turn"]
        line = pick.key
        skipped = self.env["leasing.rotation.line"].union(*(seat.key for seat in pick.skipped))
        owed = skipped.filtered(lambda s: rotation_order.owes_makeup(s.status))
        turn = (
            self.env["leasing.rotation.turn"]
            ._with_gate()
            .create(
                {
                    "rotation_id": self.id,
                    "line_id": line.id,
                    "is_makeup": pick.makeup,
                    "previous_last_line_id": self.last_line_id.id,
                    "skipped_line_ids": [fields.Command.set(skipped.ids)],
                    "owed_line_ids": [fields.Command.set(owed.ids)],
                    "skip_note": "; ".join(s._skip_phrase() for s in skipped),
                }
            )
        )
        turn._apply_to_ledger()
        return turn

    def _board_next_up(self):
        """The live board's big card: who receives the next walk-in, and why, in plain words."""
        self.ensure_one()
        pick = self._peek_next_turn()
        if not pick:
            return {
                "user_id": False,
                "name": "",
                "reason": self.env._(
                    "Nobody in the rotation can receive now: register the walk-in and "
                    "receive them for the public pool."
                ),
            }
        agent = pick.key.user_id
        if pick.makeup:
            reason = self.env._("%(agent)s is owed a make-up turn.", agent=agent.name)
        elif self.last_line_id:
            reason = self.env._(
                "%(agent)s follows %(last)s in the order.",
                agent=agent.name,
                last=self.last_line_id.user_id.name,
            )
        else:
            reason = self.env._("%(agent)s has the first seat today.", agent=agent.name)
        skipped = [seat.key._skip_phrase() for seat in pick.skipped]
        return {
            "user_id": agent.id,
            "name": agent.name,
            "reason": "; ".join([reason, *skipped]),
        }

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    @api.model
    def action_new_for_today(self):
        """Create today's table from the latest one's order, everyone available."""
        rotation = self._create_for_date(office_clock.office_today(self.env))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": rotation.id,
            "view_mode": "form",
        }

    @api.model
    def _create_for_date(self, day):
        """The day's table: from the day's duty roster when there is one, else in the order of
        the latest table; either way the turns carry on from the previous duty day."""
        domain = [("company_id", "=", self.env.company.id)]
        existing = self.search([*domain, ("date", "=", day)], limit=1)
        if existing:
            return existing
        roster = self.env["leasing.duty.roster"].search([*domain, ("date", "=", day)], limit=1)
        previous = self.search([*domain, ("date", "<", day)], limit=1)
        source = roster.line_ids if roster else previous.line_ids
        # Created in the office's language: its chatter starts with the office's words.
        rotation = self.with_env(office_env(self.env)).create(
            {
                "date": day,
                "line_ids": [
                    fields.Command.create({"user_id": line.user_id.id, "sequence": line.sequence})
                    for line in source.sorted(lambda line: (line.sequence, line.id))
                    if line.user_id.active
                ],
            }
        )
        rotation = rotation.with_env(self.env)
        rotation._carry_start_from(previous)
        if roster:
            roster._write_guarded({"rotation_id": rotation.id})
        return rotation

    def _follow_roster(self, roster):
        """Seat the roster's agents, in its order, on a table that has given no turn yet."""
        self.ensure_one()
        rostered = roster.line_ids.sorted(lambda line: (line.sequence, line.id)).user_id
        self.line_ids.filtered(lambda line: line.user_id not in rostered).unlink()
        seated = {line.user_id: line for line in self.line_ids}
        commands = []
        for sequence, user in enumerate(rostered, start=1):
            if user in seated:
                commands.append(fields.Command.update(seated[user].id, {"sequence": sequence}))
            else:
                commands.append(fields.Command.create({"user_id": user.id, "sequence": sequence}))
        self.write({"line_ids": commands})
        previous = self.search(
            [("company_id", "=", self.company_id.id), ("date", "<", self.date)], limit=1
        )
        self._carry_start_from(previous)

    def _ordered_lines(self):
        return self.line_ids.sorted(lambda line: (line.sequence, line.id))

    def _carry_start_from(self, previous):
        """Start this table after the agent the previous duty day's turns ended with."""
        self.ensure_one()
        before = previous.last_line_id or previous.start_after_line_id
        lines = self._ordered_lines()
        user_id = rotation_order.carry_last_key(
            previous._ordered_lines().user_id.ids, before.user_id.id or None, lines.user_id.ids
        )
        start = lines.filtered(lambda line: line.user_id.id == user_id)[:1]
        self._write_guarded({"start_after_line_id": start.id})

    @api.model
    def _cron_create_today(self):
        """Open each company's table for the day, in the order of its latest table."""
        companies = self._read_group([("date", "!=", False)], ["company_id"])
        for (company,) in companies:
            rotations = self.with_company(company)
            rotations._create_for_date(office_clock.office_today(rotations.env))

    @api.model
    def action_open_board(self):
        """Open today's table (the front desk's board), or the list when there is none yet."""
        today = office_clock.office_today(self.env)
        rotation = self.search([("date", "=", today), ("company_id", "=", self.env.company.id)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "leasing_office.leasing_rotation_action"
        )
        if rotation:
            action.update({"res_id": rotation.id, "view_mode": "form", "views": [(False, "form")]})
        return action
