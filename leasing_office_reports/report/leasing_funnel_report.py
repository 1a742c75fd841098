from odoo import fields, models
from odoo.tools import SQL, create_index

from odoo.addons.leasing_office.models import office_clock
from odoo.addons.leasing_office.models.crm_lead import ATTRIBUTION_TYPES

FIRST_VISIT_INDEX = "leasing_visit_funnel_first_visit_idx"


class LeasingFunnelReport(models.Model):
    """One row per prospect: first visit → follow-up → deposit → signed, with the days between.

    The first visit's day is the office's (the prospect's company's timezone, else
    Asia/Shanghai), taken from the earliest done visit, which the partial index below serves.
    """

    _name = "leasing.funnel.report"
    _inherit = ["leasing.analysis.grouping"]
    _description = "Funnel Analysis"
    _auto = False
    _order = "first_visit_date desc"

    lead_id = fields.Many2one("crm.lead", string="Prospect", readonly=True)
    user_id = fields.Many2one("res.users", string="Credited Agent", readonly=True)
    attribution_type = fields.Selection(ATTRIBUTION_TYPES, string="Attribution", readonly=True)
    is_public = fields.Boolean(string="Public Pool", readonly=True)
    merchant_tier = fields.Selection(
        [("1", "Tier 1"), ("2", "Tier 2"), ("3", "Tier 3")], readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    source_id = fields.Many2one("utm.source", string="Source Channel", readonly=True)
    first_visit_date = fields.Date(readonly=True)
    first_followup_date = fields.Date(readonly=True)
    deposit_date = fields.Date(readonly=True)
    signed_date = fields.Date(readonly=True)
    lead_count = fields.Integer(string="Prospects", readonly=True, aggregator="sum")
    followed_count = fields.Integer(string="Followed Up", readonly=True, aggregator="sum")
    deposit_count = fields.Integer(string="Deposits", readonly=True, aggregator="sum")
    signed_count = fields.Integer(string="Signed", readonly=True, aggregator="sum")
    days_to_followup = fields.Float(string="Days to Follow-up", readonly=True, aggregator="avg")
    days_to_deposit = fields.Float(string="Days to Deposit", readonly=True, aggregator="avg")
    days_to_sign = fields.Float(string="Days to Signing", readonly=True, aggregator="avg")

    def init(self):
        # Each prospect's first visit, MIN(visit_datetime) of its done visits (turned into the
        # office's day only after the minimum, so the grouping stays on the index), read from this
        # index alone: at a million visits the funnel no longer fetches every visit row.
        create_index(
            self.env.cr,
            FIRST_VISIT_INDEX,
            "leasing_visit",
            ["lead_id", "visit_datetime"],
            where="state = 'done'",
        )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT l.id AS id, l.id AS lead_id, l.attributed_user_id AS user_id,
                   l.attribution_type, l.is_public, l.merchant_tier, l.company_id,
                   l.source_id,
                   fv.first_visit AS first_visit_date,
                   fu.first_followup AS first_followup_date,
                   sp.first_deposit AS deposit_date,
                   c.first_signed AS signed_date,
                   1 AS lead_count,
                   (fu.first_followup IS NOT NULL)::int AS followed_count,
                   (sp.first_deposit IS NOT NULL)::int AS deposit_count,
                   (c.first_signed IS NOT NULL)::int AS signed_count,
                   fu.first_followup - fv.first_visit AS days_to_followup,
                   sp.first_deposit - fv.first_visit AS days_to_deposit,
                   c.first_signed - fv.first_visit AS days_to_sign
              FROM crm_lead l
              JOIN (SELECT lead_id, MIN(visit_datetime) AS first_visit_at
                      FROM leasing_visit WHERE state = 'done' GROUP BY lead_id) fa
                ON fa.lead_id = l.id
         LEFT JOIN res_company lc ON lc.id = l.company_id
         LEFT JOIN res_partner lp ON lp.id = lc.partner_id
        CROSS JOIN LATERAL (SELECT (fa.first_visit_at AT TIME ZONE 'UTC'
                                    AT TIME ZONE COALESCE(lp.tz, %s))::date AS first_visit) fv
         LEFT JOIN (SELECT lead_id, MIN(planned_date) AS first_followup
                      FROM leasing_followup_plan_line GROUP BY lead_id) fu
                ON fu.lead_id = l.id
         LEFT JOIN (SELECT lead_id, MIN(deposit_date) AS first_deposit
                      FROM leasing_signing_plan WHERE state != 'cancelled' GROUP BY lead_id) sp
                ON sp.lead_id = l.id
         LEFT JOIN (SELECT lead_id, MIN(signed_date) AS first_signed
                      FROM leasing_contract WHERE state = 'signed' GROUP BY lead_id) c
                ON c.lead_id = l.id
            """,
            office_clock.DEFAULT_TZ,
        )
