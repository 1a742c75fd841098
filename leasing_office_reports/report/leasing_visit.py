from odoo import api, models


class LeasingVisit(models.Model):
    """Keep the visit analysis's daily counts current with every registration and undo."""

    _inherit = "leasing.visit"

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        self.env["leasing.visit.report"]._count_visits(
            visits.filtered(lambda visit: visit.state == "done"), 1
        )
        return visits

    def write(self, vals):
        if "received_at" in vals:
            result = super().write(vals)
            self.env["leasing.visit.report"]._count_waiting(self)
            return result
        if "state" not in vals:
            return super().write(vals)
        counted = self.filtered(lambda visit: visit.state == "done")
        result = super().write(vals)
        Report = self.env["leasing.visit.report"]
        Report._count_visits(counted.filtered(lambda visit: visit.state != "done"), -1)
        Report._count_visits((self - counted).filtered(lambda visit: visit.state == "done"), 1)
        return result
