from odoo import api, models
from odoo.fields import Domain

# Context key: the id of the mall (company) whose prospects the office's look-ups may find.
MALL_SCOPE = "leasing_mall_scope"


class CrmLead(models.Model):
    """Each mall's leasing office keeps its own prospects.

    A merchant known in mall A who walks into mall B is a new prospect of mall B: the
    look-ups that find a returning prospect, a lead to credit or a duplicate filing only see
    the current mall's prospects (and those of no mall), and a prospect the office credits
    stays in its mall when it falls to the public pool.
    """

    _inherit = "crm.lead"

    @api.model
    def _search(self, domain, *args, **kwargs):
        mall = self.env.context.get(MALL_SCOPE)
        if mall:
            domain = Domain.AND([Domain(domain), Domain("company_id", "in", [mall, False])])
        return super()._search(domain, *args, **kwargs)

    def _without_mall_scope(self):
        return self.with_context(**{MALL_SCOPE: False})

    def _in_mall_scope(self):
        return self.with_context(**{MALL_SCOPE: self.env.company.id})

    @api.model
    def _leasing_phone_matches(self, phone_key):
        returning, free = super(CrmLead, self._in_mall_scope())._leasing_phone_matches(phone_key)
        return returning._without_mall_scope(), free if free is None else free._without_mall_scope()

    @api.model
    def _leasing_find_returning(self, phone_key, partner_name, by_phone=None):
        lead = super(CrmLead, self._in_mall_scope())._leasing_find_returning(
            phone_key, partner_name, by_phone=by_phone
        )
        return lead._without_mall_scope()

    @api.model
    def _leasing_find_unattributed(self, phone_key, partner_name, by_phone=None):
        lead, partner = super(CrmLead, self._in_mall_scope())._leasing_find_unattributed(
            phone_key, partner_name, by_phone=by_phone
        )
        return lead._without_mall_scope(), partner

    @api.model
    def _leasing_find_any(self, phone_key, names=(), license_no=None, wechat_id=None):
        leads = super(CrmLead, self._in_mall_scope())._leasing_find_any(
            phone_key, names=names, license_no=license_no, wechat_id=wechat_id
        )
        return leads._without_mall_scope()

    def _compute_company_id(self):
        # crm empties the company of a lead with no salesperson in a team of no company:
        # a prospect of the office's public pool stays in the mall that received it.
        kept = {lead: lead.company_id for lead in self if lead.attribution_type and lead.company_id}
        res = super()._compute_company_id()
        for lead, mall in kept.items():
            if not lead.company_id and not lead.user_id and not lead.team_id.company_id:
                lead.company_id = mall
        return res
