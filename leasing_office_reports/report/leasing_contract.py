from odoo import models


class LeasingContract(models.Model):
    """The contract analysis (signed contracts by month and agent) groups by people cheaply."""

    _name = "leasing.contract"
    _inherit = ["leasing.contract", "leasing.analysis.grouping"]
