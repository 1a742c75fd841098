from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.res_users import agent_domain


class LeasingWalkinRegister(models.TransientModel):
    """Front desk's entry point: register a prospect who walks in.

    The wizard checks what was typed and shows the result; the credit is decided by the
    attribution engine (``leasing.attribution.engine``, rules in ``attribution_rules``).
    """

    _name = "leasing.walkin.register"
    _description = "Register a Walk-in"

    contact_name = fields.Char()
    partner_name = fields.Char(string="Company / Shop")
    phone = fields.Char()
    card_user_id = fields.Many2one(
        "res.users",
        string="Card / Flyer of Agent",
        help="The agent whose business card or flyer the prospect holds.",
        domain=agent_domain,
    )
    leadership_referral = fields.Boolean(
        help="The prospect first reached the company through its leadership."
    )
    overflow = fields.Boolean(
        string="No Agent Could Receive",
        help="Received by front desk or the manager because every agent was busy: the "
        "prospect goes to the department's public pool.",
    )
    overflow_reason = fields.Text(
        string="Why Front Desk Receives",
        help="Needed when an agent of the rotation is available: logged for leadership.",
    )
    business_type = fields.Char(string="Line of Business")
    desired_area = fields.Float(string="Desired Area (m²)")
    source_id = fields.Many2one(
        "utm.source",
        string="Source Channel",
        default=lambda self: self.env["leasing.attribution.engine"]._office_source("walk_in"),
        help="How the prospect heard of the mall (來源渠道): advertising, exhibition, WeChat…",
    )
    description = fields.Text(string="Needs")
    preview = fields.Char(
        string="Who Will Receive",
        compute="_compute_preview",
        help="What the office's rules decide for this prospect now; nothing is registered "
        "until you confirm.",
    )
    last_result = fields.Char(string="Last Registered", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Prospect", readonly=True)
    visit_id = fields.Many2one("leasing.visit", readonly=True)
    explanation = fields.Char(string="Why This Agent", readonly=True)

    # ------------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for name in (
                "contact_name",
                "partner_name",
                "phone",
                "description",
                "overflow_reason",
                "business_type",
            ):
                if vals.get(name) and not isinstance(vals[name], str):
                    label = self._fields[name].get_description(self.env)["string"]
                    raise ValidationError(self.env._("%(field)s must be text.", field=label))
            self._check_area(vals.get("desired_area"))
        return super().create(vals_list)

    def _check_area(self, area):
        if area in (None, False):
            return
        if isinstance(area, bool) or not isinstance(area, int | float) or area < 0:
            raise ValidationError(
                self.env._("The desired area must be a positive number of square metres.")
            )

    @api.depends(
        "contact_name",
        "partner_name",
        "phone",
        "card_user_id",
        "leadership_referral",
        "overflow",
        "overflow_reason",
    )
    def _compute_preview(self):
        """Who the rules give this prospect to, before confirming; nothing is written."""
        is_frontdesk = self.env.user.has_group("leasing_office.group_leasing_frontdesk")
        Engine = self.env["leasing.attribution.engine"]
        for wizard in self:
            wizard.preview = False
            typed = (wizard.phone or wizard.partner_name or wizard.contact_name or "").strip()
            if not (is_frontdesk and typed) or wizard.visit_id:
                continue
            try:
                wizard.preview = Engine._preview_arrival("walk_in", wizard._arrival_values())
            except UserError as error:
                wizard.preview = error.args[0]

    def _check_input(self):
        if not self.env.user.has_group("leasing_office.group_leasing_frontdesk"):
            raise UserError(self.env._("Only front desk or the manager registers walk-ins."))
        if not (self.contact_name or self.partner_name or "").strip():
            raise ValidationError(self.env._("Enter the prospect's name or company."))
        if not (self.phone or "").strip():
            raise ValidationError(
                self.env._("Enter the prospect's phone: it is how a returning visit is recognised.")
            )
        card = self.card_user_id
        if card and not card._is_leasing_agent():
            raise ValidationError(
                self.env._(
                    "%(user)s is not a leasing agent: only a leasing agent's card or flyer "
                    "gives the credit.",
                    user=card.name,
                )
            )
        if card and self.env.company not in card.sudo().company_ids:
            raise ValidationError(
                self.env._(
                    "%(user)s does not work in %(mall)s: only the card or flyer of an agent "
                    "of this mall gives the credit here.",
                    user=card.name,
                    mall=self.env.company.name,
                )
            )
        if self.overflow and self.leadership_referral:
            raise ValidationError(
                self.env._("A prospect is either a leadership referral or an overflow, not both.")
            )

    # ------------------------------------------------------------------
    # REGISTRATION
    # ------------------------------------------------------------------

    def action_register(self):
        """Register and show who received the prospect and why."""
        self._register_walkin()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Walk-in Registered: %(prospect)s", prospect=self.lead_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self._view_id("leasing_office.leasing_walkin_register_view_done"), "form")],
            "target": "new",
        }

    def action_register_next(self):
        """Register, then open an empty form for the next visitor, saying who got this one."""
        self._register_walkin()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register a Walk-in"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(self._view_id("leasing_office.leasing_walkin_register_view_form"), "form")],
            "target": "new",
            "context": {
                "default_last_result": self.env._(
                    "%(prospect)s registered. %(why)s",
                    prospect=self.lead_id.name,
                    why=self.explanation,
                )
            },
        }

    def _view_id(self, xmlid):
        """The view's id from the cached xmlid (env.ref would query the view's existence)."""
        return self.env["ir.model.data"]._xmlid_to_res_id(xmlid)

    def _register_walkin(self):
        self.ensure_one()
        self._check_input()
        visit = self.env["leasing.attribution.engine"]._register_arrival(
            "walk_in", self._arrival_values()
        )
        self.write(
            {"lead_id": visit.lead_id.id, "visit_id": visit.id, "explanation": visit.explanation}
        )
        return visit

    def _arrival_values(self):
        return {
            "contact_name": self.contact_name,
            "partner_name": self.partner_name,
            "phone": self.phone,
            "description": self.description,
            "card_user": self.card_user_id,
            "leadership": self.leadership_referral,
            "overflow": self.overflow,
            "overflow_reason": self.overflow_reason,
            "source": self.source_id,
            "business_type": self.business_type,
            "desired_area": self.desired_area,
        }
