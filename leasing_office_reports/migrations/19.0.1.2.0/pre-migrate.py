"""19.0.1.2.0: the visit counts gain the channel and the source channel in their key; the
unique index is recreated under the new key by the ORM."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP INDEX IF EXISTS leasing_visit_report_dimensions_uniq")
