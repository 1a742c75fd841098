from odoo import models

# Stock CRM's lead enrichment job (module crm_iap_enrich): it enriches leads from their e-mail.
ENRICHMENT_CRON = "crm_iap_enrich.ir_cron_lead_enrichment"


class IrCron(models.Model):
    """A prospect registered at the front desk has no e-mail address, so stock CRM's lead
    enrichment has nothing to do for it: its creation does not wake the enrichment job
    (context key ``leasing_no_enrichment``, set by the registration's create only). Every
    other job, and the enrichment job from anywhere else, is triggered as usual."""

    _inherit = "ir.cron"

    def _trigger_list(self, at_list):
        if self.env.context.get("leasing_no_enrichment") and len(self) == 1:
            enrichment = self.env["ir.model.data"]._xmlid_to_res_id(
                ENRICHMENT_CRON, raise_if_not_found=False
            )
            if enrichment and self.id == enrichment:
                return self.env["ir.cron.trigger"]
        return super()._trigger_list(at_list)
