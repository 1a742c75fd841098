from odoo import models

# cr.cache key: prospects created by a registration whose creation message is being posted.
CREATION_MESSAGE = "leasing_creation_message"


class CrmLead(models.Model):
    """The registration's path through stock CRM, without asking the same thing twice.

    - Predictive lead scoring: stock's naive Bayes computation looks up the pipeline's first
      stage once for every sales team of the frequency table (three identical searches on a
      prospect's creation); within one computation the answer cannot change: looked up once.
    - The credited agent's to-do on a prospect created for the agent: the agent follows it
      already (subscribed as its salesperson), so the to-do does not subscribe the agent again.
    """

    _inherit = "crm.lead"

    def _pls_get_naive_bayes_probabilities(self, batch_mode=False, is_tooltip=False):
        if self.env.context.get("leasing_keep_probability"):
            return {}, {}
        if "leasing_pls_first_stage" in self.env.context:
            return super()._pls_get_naive_bayes_probabilities(batch_mode, is_tooltip)
        memo = self.with_context(leasing_pls_first_stage={})
        return super(CrmLead, memo)._pls_get_naive_bayes_probabilities(batch_mode, is_tooltip)

    def _pls_get_won_lost_total_count(self, team_results):
        memo = self.env.context.get("leasing_pls_first_stage")
        if memo is None:
            return super()._pls_get_won_lost_total_count(team_results)
        if "stage" not in memo:
            memo["stage"] = self.env["crm.stage"].search(
                [("team_ids", "=", False)], order="sequence, id", limit=1
            )
        counts = team_results.get("stage_id", {}).get(str(memo["stage"].id))
        if not counts:
            return 0, 0, 0
        return counts["won"], counts["lost"], counts["won"] + counts["lost"]

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        follower = self.env.context.get("leasing_agent_follows")
        if follower and not subtype_ids and list(partner_ids or ()) == [follower]:
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _creation_subtype(self):
        # Stock's "Opportunity Created" subtype from the cached xmlid, without env.ref's
        # existence query (a deleted subtype loses its xmlid: the look-up raises as before).
        if self.env.context.get("leasing_no_enrichment"):
            # The registration's create: mail posts the creation message right after this.
            self.env.cr.cache.setdefault(CREATION_MESSAGE, set()).update(self.ids)
        return self.env["mail.message.subtype"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("crm.mt_lead_create")
        )

    def _message_compute_parent_id(self, parent_id):
        # The creation message of a prospect the registration has just created is its first
        # message: it has no earlier message to hang under (mail would search for one).
        pending = self.env.cr.cache.get(CREATION_MESSAGE)
        if not parent_id and pending and len(self) == 1 and self.id in pending:
            pending.discard(self.id)
            return False
        return super()._message_compute_parent_id(parent_id)
