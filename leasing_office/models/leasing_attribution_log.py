from odoo import api, fields, models

from .crm_lead import ATTRIBUTION_TYPES


class LeasingAttributionLog(models.Model):
    """One change of credit for a prospect, kept for leadership to review."""

    _name = "leasing.attribution.log"
    _description = "Attribution Change"
    _inherit = ["leasing.guard.mixin"]
    _order = "change_date desc, id desc"
    # Written once by the attribution engine; the log leadership reads is never edited.
    _guarded_fields = frozenset(
        {
            "lead_id",
            "change_date",
            "changed_by_id",
            "from_type",
            "from_user_id",
            "to_type",
            "to_user_id",
            "source",
            "reason",
        }
    )
    _guarded_unlink = True
    _rec_name = "summary"

    lead_id = fields.Many2one(
        "crm.lead", string="Prospect", required=True, ondelete="restrict", index=True
    )
    change_date = fields.Datetime(string="Changed On", default=fields.Datetime.now, required=True)
    changed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, required=True)
    from_type = fields.Selection(ATTRIBUTION_TYPES, string="From Attribution")
    from_user_id = fields.Many2one("res.users", string="From Agent")
    to_type = fields.Selection(ATTRIBUTION_TYPES, string="To Attribution")
    to_user_id = fields.Many2one("res.users", string="To Agent")
    from_public = fields.Boolean(
        string="Moved Out of Public Pool", compute="_compute_from_public", store=True
    )
    source = fields.Selection(
        [
            ("manual", "Manager's Decision"),
            ("dispute", "Dispute Decision"),
            ("filing", "Filing Lapsed"),
        ],
        required=True,
        default="manual",
    )
    reason = fields.Text(required=True)
    summary = fields.Char(compute="_compute_summary", store=True)

    @api.depends("from_type", "from_user_id", "to_user_id")
    def _compute_from_public(self):
        for log in self:
            log.from_public = bool(log.from_type) and not log.from_user_id and bool(log.to_user_id)

    @api.depends("from_user_id", "to_user_id", "reason")
    def _compute_summary(self):
        pool = self.env._("public pool")
        for log in self:
            log.summary = self.env._(
                "%(old)s → %(new)s: %(reason)s",
                old=log.from_user_id.name or pool,
                new=log.to_user_id.name or pool,
                reason=log.reason,
            )
