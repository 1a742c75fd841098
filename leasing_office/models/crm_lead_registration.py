from odoo import models


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
