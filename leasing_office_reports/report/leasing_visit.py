from odoo import api, models
from odoo.tools import SQL

from .leasing_visit_report import VISIT_FIELDS


class LeasingVisit(models.Model):
    """Keep the visit analysis's daily counts exact through every create, write and unlink.

    One rule for every path (registration, undo, attribution or dispute decisions, a direct
    write of any field the counts depend on): take back what the visits counted before,
    add what they count after, in the same transaction, with the visits' rows locked.
    """

    _inherit = "leasing.visit"

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        Report = self.env["leasing.visit.report"]
        Report._apply_counts(Report._visit_contributions(visits.sudo(), 1))
        return visits

    def write(self, vals):
        if not self or not VISIT_FIELDS.intersection(vals):
            return super().write(vals)
        self._lock_for_counts()
        Report = self.env["leasing.visit.report"]
        # Read as superuser: the caller's own rights are checked by the write itself.
        before = Report._visit_contributions(self.sudo(), -1)
        result = super().write(vals)
        Report._apply_counts(before, Report._visit_contributions(self.sudo(), 1))
        return result

    def unlink(self):
        if not self:
            return super().unlink()
        self._lock_for_counts()
        Report = self.env["leasing.visit.report"]
        # Read as superuser: the caller's own rights are checked by the unlink itself.
        before = Report._visit_contributions(self.sudo(), -1)
        result = super().unlink()
        Report._apply_counts(before)
        return result

    def _lock_for_counts(self):
        """Lock the visits before reading what they counted: a concurrent change of the same
        visit waits for this transaction, or fails and is retried (repeatable read), and is
        never taken back from a value that is no longer stored."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                SQL.identifier(self._table),
                list(self.ids),
            )
        )
