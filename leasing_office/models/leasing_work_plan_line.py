from odoo import fields, models


class LeasingWorkPlanLine(models.Model):
    """One piece of tomorrow's work; the manager may assign it to someone else."""

    _name = "leasing.work.plan.line"
    _description = "Next-day Work"
    _check_company_auto = True
    _inherit = ["leasing.guard.mixin"]
    _order = "kind, assigned_user_id, id"

    work_plan_id = fields.Many2one("leasing.work.plan", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="work_plan_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [
            ("followup", "Follow-up Due"),
            ("signing", "Signing to Chase"),
            ("field_visit", "Field Visit Due"),
        ],
        required=True,
    )
    res_model = fields.Char(string="Source Model", readonly=True)
    res_id = fields.Integer(string="Source Record", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Prospect", check_company=True)
    planned_user_id = fields.Many2one("res.users", string="Planned By", readonly=True)
    assigned_user_id = fields.Many2one("res.users", string="Assigned To", check_company=True)
    note = fields.Char()
