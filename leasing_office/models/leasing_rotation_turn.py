from odoo import api, fields, models


class LeasingRotationTurn(models.Model):
    """One turn given from the rotation table: who, when, which prospect, who was skipped."""

    _name = "leasing.rotation.turn"
    _description = "Rotation Turn"
    _check_company_auto = True
    _inherit = ["leasing.guard.mixin"]
    _order = "turn_datetime desc, id desc"
    _guarded_unlink = True

    rotation_id = fields.Many2one(
        "leasing.rotation", required=True, ondelete="restrict", index=True, readonly=True
    )
    line_id = fields.Many2one(
        "leasing.rotation.line",
        string="Seat",
        required=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    user_id = fields.Many2one(related="line_id.user_id", string="Agent", store=True, index=True)
    turn_datetime = fields.Datetime(
        string="Taken At", default=fields.Datetime.now, required=True, readonly=True
    )
    date = fields.Date(related="rotation_id.date", store=True)
    company_id = fields.Many2one(related="rotation_id.company_id", store=True, index=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", readonly=True, index=True, check_company=True
    )
    visit_id = fields.Many2one("leasing.visit", readonly=True, check_company=True)
    is_makeup = fields.Boolean(string="Make-up Turn", readonly=True)
    skipped_line_ids = fields.Many2many(
        "leasing.rotation.line",
        "leasing_rotation_turn_skipped_rel",
        string="Skipped",
        readonly=True,
    )
    owed_line_ids = fields.Many2many(
        "leasing.rotation.line",
        "leasing_rotation_turn_owed_rel",
        string="Make-up Turns Owed",
        readonly=True,
        help="Skipped agents who are owed a make-up turn (busy or on an errand).",
    )
    previous_last_line_id = fields.Many2one(
        "leasing.rotation.line", string="Last Regular Turn Before", readonly=True
    )
    skip_note = fields.Char(string="Skipped Agents", readonly=True)
    explanation = fields.Char(compute="_compute_explanation", store=True)
    state = fields.Selection(
        [("done", "Taken"), ("undone", "Undone")], default="done", required=True, readonly=True
    )

    @api.depends("line_id", "is_makeup", "skip_note", "owed_line_ids")
    def _compute_explanation(self):
        for turn in self:
            agent = turn.line_id.user_id.name
            parts = [
                self.env._("%(agent)s: make-up turn owed from earlier", agent=agent)
                if turn.is_makeup
                else self.env._("%(agent)s: next in turn", agent=agent)
            ]
            if turn.skip_note:
                parts.append(turn.skip_note)
            if turn.owed_line_ids:
                parts.append(
                    self.env._(
                        "make-up turn owed to %(agents)s",
                        agents=", ".join(turn.owed_line_ids.user_id.mapped("name")),
                    )
                )
            turn.explanation = "; ".join(parts)

    def _apply_to_ledger(self, sign=1):
        """Record this turn in the day's ledger (``sign=-1`` takes it back)."""
        self.ensure_one()
        line = self.line_id._with_gate()
        line.turn_count += sign
        if self.is_makeup:
            line.makeup_turn_count += sign
            line._add_owed(-sign)
        else:
            last = line if sign > 0 else self.previous_last_line_id
            self.rotation_id._write_ledger({"last_line_id": last.id})
        for skipped in self.skipped_line_ids._with_gate():
            skipped.skip_count += sign
        for owed in self.owed_line_ids._with_gate():
            owed._add_owed(sign)

    def _undo(self):
        self.ensure_one()
        self._apply_to_ledger(sign=-1)
        self._write_guarded({"state": "undone"})
