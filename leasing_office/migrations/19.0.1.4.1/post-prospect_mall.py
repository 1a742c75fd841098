"""19.0.1.4.1: every prospect of the office belongs to a mall.

Prospects filed before the malls were kept apart (19.0.1.4.0) may have no company: stock CRM
empties it for a lead with no salesperson in a team of no company, and nothing filled it
since. A prospect of no mall is found by every mall's desk as a returning visitor and counted
in every mall's figures. Each one takes the mall of its latest visit, else of its team, else
of its agent, else of the user who filed it.
"""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    _logger.info("prospect mall: %s prospects given their mall", give_prospects_a_mall(cr))


def give_prospects_a_mall(cr):
    cr.execute(
        """UPDATE crm_lead lead
              SET company_id = COALESCE(
                    (SELECT v.company_id FROM leasing_visit v WHERE v.lead_id = lead.id
                      ORDER BY v.visit_datetime DESC NULLS LAST, v.id DESC LIMIT 1),
                    (SELECT t.company_id FROM crm_team t WHERE t.id = lead.team_id),
                    (SELECT u.company_id FROM res_users u WHERE u.id = lead.user_id),
                    (SELECT u.company_id FROM res_users u WHERE u.id = lead.create_uid))
            WHERE lead.company_id IS NULL
              AND (lead.attribution_type IS NOT NULL
                   OR EXISTS (SELECT 1 FROM leasing_visit v WHERE v.lead_id = lead.id))"""
    )
    return cr.rowcount
