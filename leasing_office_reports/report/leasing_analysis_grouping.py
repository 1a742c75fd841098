from odoo import api, models
from odoo.fields import Domain
from odoo.tools import unique

# Labels and domains of date periods, per (model, groupby spec, language, timezone).
PERIOD_LABELS = {}
PERIODS_KEPT = 5000


def split_spec(spec):
    """'field.path:granularity' -> ('field', 'path', 'granularity'), empty parts ''."""
    path, _colon, granularity = spec.partition(":")
    fname, _dot, rest = path.partition(".")
    return fname, rest, granularity


class LeasingAnalysisGrouping(models.AbstractModel):
    """Cheaper grouping by people for the analyses, with the same groups in the same order.

    The web client asks for groups ordered by their values; for a person (``res.users``)
    Odoo then joins every row to the users and their partners to order by name, and groups
    on the name too. Here the rows are grouped on the person's id alone and the few groups
    are sorted by name afterwards, as the database would (nulls last). The web layer formats
    each group; the label and domain of a value are computed once, not once per group.
    """

    _name = "leasing.analysis.grouping"
    _description = "Leasing Analysis Grouping"

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        if offset or limit or not self._groups_sortable_here(groupby, order):
            return super()._read_group(
                domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order
            )
        rows = super()._read_group(domain, groupby, aggregates, having=having)
        return self._sorted_groups(list(groupby), groupby, rows)

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        specs = list(unique(spec for groupby in grouping_sets for spec in groupby))
        if not self._groups_sortable_here(specs, order):
            return super()._read_grouping_sets(domain, grouping_sets, aggregates, order=order)
        results = super()._read_grouping_sets(domain, grouping_sets, aggregates)
        return [
            self._sorted_groups(specs, groupby, rows)
            for groupby, rows in zip(grouping_sets, results, strict=True)
        ]

    @api.model
    def _is_person(self, spec):
        field = self._fields.get(spec)
        return bool(field and field.type == "many2one" and field.comodel_name == "res.users")

    @api.model
    def _groups_sortable_here(self, specs, order):
        """Groups by a person, asked in the order of the groups' own values (the web's)."""
        if not order or not any(self._is_person(spec) for spec in specs):
            return False
        if [term.strip() for term in order.split(",")] != list(specs):
            return False
        for spec in specs:
            fname, path, granularity = split_spec(spec)
            field = self._fields.get(fname)
            if not field or path or granularity == "day_of_week":
                return False
            if field.type not in ("many2one", "selection", "date", "datetime", "boolean"):
                return False
            if field.type == "many2one" and not self._is_person(spec):
                return False  # another model's own order: left to the database
        return True

    @api.model
    def _sorted_groups(self, order, groupby, rows):
        """``rows`` of ``groupby`` sorted by the specs of ``order`` they have."""
        positions = [groupby.index(spec) for spec in order if spec in groupby]
        people = self.env["res.users"].union(
            *(row[i] for row in rows for i in positions if self._is_person(groupby[i]))
        )
        # Only the columns the order and the labels read: a person's name is the partner's,
        # and reading it through the user would fetch every column of both tables.
        people = people.sudo()
        people.fetch(["partner_id", "login"])
        people.partner_id.fetch(["name"])

        def key(row):
            return [self._group_sort_key(groupby[i], row[i]) for i in positions]

        return sorted(rows, key=key)

    @api.model
    def _group_sort_key(self, spec, value):
        """The database's order (ascending, nulls last); a person by name, then login."""
        if self._is_person(spec):
            person = value.sudo()
            return (0, person.name or "", person.login or "") if value else (1,)
        if self._fields[split_spec(spec)[0]].type == "boolean":
            return (value is None, bool(value))
        return (1,) if value is None or value is False else (0, value)

    @api.model
    def _web_read_group_groupby_formatter(self, groupby_spec, values):
        formatter = super()._web_read_group_groupby_formatter(groupby_spec, values)
        field = self._fields.get(split_spec(groupby_spec)[0])
        if field and field.type in ("date", "datetime") and ":" in groupby_spec:
            # A period's label and domain depend only on the period, the language and the
            # timezone: kept for the process (Babel's formatting and the domain's
            # normalisation were most of a pivot by month), never for another field.
            scope = (self._name, groupby_spec, self.env.lang, self.env.context.get("tz"))
            formatted = PERIOD_LABELS.setdefault(scope, {})
            if len(formatted) > PERIODS_KEPT:
                formatted.clear()
        else:
            formatted = {}

        def format_once(value):
            try:
                if value not in formatted:
                    result = formatter(value)
                    if isinstance(result, tuple) and len(result) == 2:
                        # Kept parsed (and immutable): the web layer joins the domains of
                        # every group's values, which parses each of them again otherwise.
                        result = result[0], Domain(result[1])
                    formatted[value] = result
                return formatted[value]
            except TypeError:  # a value that cannot be a key
                return formatter(value)

        return format_once
