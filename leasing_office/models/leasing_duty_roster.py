from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_lang import office_env


class LeasingDutyRoster(models.Model):
    """排班表: who is on reception duty and in the rotation on a day."""

    _name = "leasing.duty.roster"
    _description = "Duty Roster"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.guard.mixin"]
    _order = "date desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, index=True, tracking=True)
    reception_user_id = fields.Many2one(
        "res.users", string="Reception Duty", tracking=True, check_company=True
    )
    line_ids = fields.One2many("leasing.duty.roster.line", "roster_id", string="In the Rotation")
    rotation_id = fields.Many2one(
        "leasing.rotation", string="Rotation Table", readonly=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _date_company_uniq = models.UniqueIndex("(company_id, date)", "One duty roster per day.")

    @api.depends("date")
    def _compute_name(self):
        for roster in self:
            roster.name = office_env(self.env)._("Duty roster %(date)s", date=roster.date or "")

    def action_create_rotation(self):
        """Make the day's rotation table follow the roster, in the roster's order.

        The scheduled action opens each day's table from its roster. A table opened before the
        roster was written (copied from the previous day) follows the roster as long as it
        has given no turn; after that the table is changed on the board.
        """
        self.ensure_one()
        self.check_access("write")
        Rotation = self.env["leasing.rotation"].with_company(self.company_id)
        existing = Rotation.search(
            [("date", "=", self.date), ("company_id", "=", self.company_id.id)], limit=1
        )
        if existing and (existing == self.rotation_id or existing.turn_ids):
            raise UserError(self.env._("The rotation table for this day already exists."))
        if existing:
            existing._follow_roster(self)
            self._write_guarded({"rotation_id": existing.id})
        else:
            Rotation._create_for_date(self.date)
        return {
            "type": "ir.actions.act_window",
            "res_model": "leasing.rotation",
            "res_id": self.rotation_id.id,
            "view_mode": "form",
        }
