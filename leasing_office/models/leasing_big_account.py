from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import office_defaults

BRAND_LEVELS = [
    ("international", "International"),
    ("national", "National"),
    ("provincial", "Provincial"),
    ("local", "Local"),
]
# Highest first: a brand reaches the threshold when its level is at or above it.
BRAND_RANK = {key: rank for rank, (key, _label) in enumerate(reversed(BRAND_LEVELS))}
CRITERIA_FIELDS = frozenset({"lead_id", "brand_name", "area_wanted", "brand_level", "store_count"})


class LeasingBigAccount(models.Model):
    """大客戶登記表: the credited agent registers a prospect as a big account.

    The office's rule: after the manager's review, every big account is transferred to the
    key-account department (大客戶部); small and medium merchants stay with the leasing
    office. A registration needs at least one criterion at the office's threshold (area
    wanted, brand level, number of stores; settings); the manager approves or sends it
    back, then transfers it. Only the transfer marks the prospect as a big account.
    """

    _name = "leasing.big.account"
    _description = "Big Account Registration"
    _check_company_auto = True
    _inherit = ["mail.thread", "leasing.approval.mixin"]
    _order = "id desc"
    _guarded_unlink = True

    lead_id = fields.Many2one(
        "crm.lead",
        string="Prospect",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        default=lambda self: self.env.user,
        required=True,
        readonly=True,
        index=True,
        help="The agent credited with the prospect, who fills in the registration.",
        check_company=True,
    )
    brand_name = fields.Char(string="Brand", tracking=True)
    area_wanted = fields.Float(string="Area Wanted (m²)", tracking=True)
    brand_level = fields.Selection(BRAND_LEVELS, tracking=True)
    store_count = fields.Integer(string="Number of Stores", tracking=True)
    note = fields.Text(string="Why a Big Account")
    criteria_met = fields.Char(
        compute="_compute_criteria_met",
        string="Criteria Reached",
        help="The criteria at or above the office's thresholds.",
    )
    transferred_at = fields.Datetime(string="Transferred On", readonly=True, tracking=True)
    transferred_by_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("lead_id")
    def _compute_display_name(self):
        for record in self:
            record.display_name = self.env._(
                "Big account: %(prospect)s", prospect=record.lead_id.display_name or ""
            )

    @api.depends("area_wanted", "brand_level", "store_count")
    def _compute_criteria_met(self):
        thresholds = self._thresholds()
        for record in self:
            record.criteria_met = ", ".join(record._reached(thresholds))

    # ------------------------------------------------------------------
    # THRESHOLDS
    # ------------------------------------------------------------------

    @api.model
    def _thresholds(self):
        company = self.env.company
        return {
            "area": company.leasing_big_account_area,
            "stores": company.leasing_big_account_stores,
            "brand": company.leasing_big_account_brand or office_defaults.BIG_ACCOUNT_BRAND,
        }

    def _reached(self, thresholds):
        """Names of the criteria this registration reaches, in the user's language."""
        self.ensure_one()
        reached = []
        if self.area_wanted and self.area_wanted >= thresholds["area"]:
            reached.append(self.env._("area wanted"))
        if self.brand_level and BRAND_RANK[self.brand_level] >= BRAND_RANK[thresholds["brand"]]:
            reached.append(self.env._("brand level"))
        if self.store_count and self.store_count >= thresholds["stores"]:
            reached.append(self.env._("number of stores"))
        return reached

    def _check_criteria(self):
        thresholds = self._thresholds()
        levels = dict(self._fields["brand_level"]._description_selection(self.env))
        for record in self:
            if not record._reached(thresholds):
                raise ValidationError(
                    self.env._(
                        "%(prospect)s is below every big-account threshold of the office "
                        "(area wanted %(area)s m², brand level %(brand)s or above, "
                        "%(stores)s stores): small and medium merchants stay with the "
                        "leasing office.",
                        prospect=record.lead_id.display_name,
                        area=thresholds["area"],
                        brand=levels[thresholds["brand"]],
                        stores=thresholds["stores"],
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._gate_is_open():
            # The guard speaks first, then the access rights, then the office's rule.
            self._check_guarded_create(vals_list)
            self.check_access("create")
            for vals in vals_list:
                self._check_registrant(self.env["crm.lead"].browse(vals.get("lead_id")))
        return super().create(vals_list)

    def write(self, vals):
        if CRITERIA_FIELDS.intersection(vals) and any(
            record.approval_state in ("to_approve", "approved") for record in self
        ):
            raise UserError(
                self.env._(
                    "A big-account registration under review or approved is kept as it is; "
                    "the manager sends it back for changes."
                )
            )
        if vals.get("lead_id") and not self._gate_is_open():
            lead = self.env["crm.lead"].browse(vals["lead_id"])
            for record in self:
                record._check_registrant(lead, record.user_id)
        return super().write(vals)

    def _check_registrant(self, lead, user=None):
        """Only the prospect's credited agent registers it, once, before any transfer."""
        lead = lead.sudo()
        agent = lead.attributed_user_id
        if not agent or agent != self.env.user or (user and user != agent):
            raise UserError(
                self.env._(
                    "Only the agent credited with the prospect registers it as a big account."
                )
            )
        if lead.key_account_transferred:
            raise UserError(self.env._("This prospect is already with the key-account department."))
        others = lead.big_account_ids - self
        if others.filtered(lambda other: other.approval_state != "rejected"):
            raise UserError(self.env._("This prospect already has a big-account registration."))

    # ------------------------------------------------------------------
    # REVIEW AND TRANSFER
    # ------------------------------------------------------------------

    def action_request_approval(self):
        for record in self:
            if record.user_id != self.env.user:
                raise UserError(
                    self.env._("Only the agent who registered it sends it to the manager.")
                )
        self._check_criteria()
        return super().action_request_approval()

    def _check_before_approval(self):
        self._check_criteria()
        if self.lead_id.key_account_transferred:
            raise UserError(self.env._("This prospect is already with the key-account department."))

    def action_transfer(self):
        """The manager hands the approved big account to the key-account department."""
        if not self.env.user.has_group("leasing_office.group_leasing_manager"):
            raise AccessError(self.env._("Only the leasing manager may do this."))
        self.check_access("write")
        self.lead_id._leasing_check_access("write")
        team = self.env.ref("leasing_office.crm_team_key_account")
        if not team.user_id:
            raise UserError(
                self.env._(
                    "The key-account department has no head to receive its accounts: set "
                    "one on the Key Account Department team first."
                )
            )
        for record in self:
            if record.transferred_at:
                raise UserError(
                    self.env._("%(form)s is already transferred.", form=record.display_name)
                )
            if record.approval_state != "approved":
                raise UserError(
                    self.env._(
                        "The manager approves the big-account registration before it is "
                        "transferred to the key-account department."
                    )
                )
            record.lead_id._leasing_transfer_key_account(team)
            record._write_guarded(
                {"transferred_at": fields.Datetime.now(), "transferred_by_id": self.env.user.id}
            )
        return True
