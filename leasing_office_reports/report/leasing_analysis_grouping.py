from odoo import api, models
from odoo.fields import Domain
from odoo.tools import unique

# Labels and domains of date periods, per (model, groupby spec, language, timezone).
PERIOD_LABELS = {}
PERIODS_KEPT = 5000


def conjunction_terms(domain):
    """The conditions of ``domain`` when it is one condition or an AND of conditions (in
    the web layer's list form), else None."""
    terms = list(Domain(domain))
    conditions = [term for term in terms if isinstance(term, tuple)]
    if not conditions or terms != ["&"] * (len(conditions) - 1) + conditions:
        return None
    return conditions


def value_key(value):
    """A group value as a cheap dictionary key: a record by its ids (hashing a recordset
    builds a set each time), anything else with its type (0 apart from False)."""
    if isinstance(value, models.BaseModel):
        return value._name, value._ids
    return type(value), value


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
        # One sort key per distinct value, not per row and comparison: a pivot by month and
        # agent has hundreds of rows and a few dozen values.
        keys = [
            (i, self._group_sort_keys(groupby[i], {value_key(row[i]): row[i] for row in rows}))
            for i in positions
        ]
        return sorted(rows, key=lambda row: [key[value_key(row[i])] for i, key in keys])

    @api.model
    def _group_sort_keys(self, spec, values):
        """{value key: sort key} of ``values`` ({value key: value}) in the database's order
        (ascending, nulls last); a person by name, then login."""
        if self._is_person(spec):
            # Only the columns the order and the labels read: a person's name is the
            # partner's, and reading it through the user would fetch every column of both.
            people = self.env["res.users"].union(*values.values()).sudo()
            people.fetch(["partner_id", "login"])
            people.partner_id.fetch(["name"])
            names = {user.id: (0, user.partner_id.name or "", user.login or "") for user in people}
            return {key: names[value.id] if value else (1,) for key, value in values.items()}
        if self._fields[split_spec(spec)[0]].type == "boolean":
            return {key: (value is None, bool(value)) for key, value in values.items()}
        return {
            key: (1,) if value is None or value is False else (0, value)
            for key, value in values.items()
        }

    @api.model
    def _web_read_group_format(self, groupby, aggregates, groups):
        """The web's groups, each value's label and domain worked out once per value.

        A pivot by month and agent has hundreds of groups and a few dozen values; combining
        each group's domains with ``Domain.AND`` was a third of its time. A value's domain
        that is one condition or an AND of conditions gives the same terms here, in the same
        order; any other kind of group is left to the web layer.
        """
        if not groups or not groupby or self._web_read_group_field_expand(groupby):
            return super()._web_read_group_format(groupby, aggregates, groups)
        columns = list(zip(*groups, strict=True))
        formatters = [
            self._web_read_group_groupby_formatter(spec, values)
            for spec, values in zip(groupby, columns, strict=False)
        ]
        formatted = [{} for _spec in groupby]  # per column: {value key: (label, conditions)}
        result = []
        for group in groups:
            dict_group = {}
            conditions = []
            for spec, formatter, done, value in zip(
                groupby, formatters, formatted, group, strict=False
            ):
                key = value_key(value)
                try:
                    known = key in done
                except TypeError:  # a value that cannot be a key
                    return super()._web_read_group_format(groupby, aggregates, groups)
                if not known:
                    label, domain = formatter(value)
                    done[key] = label, conjunction_terms(domain)
                dict_group[spec], terms = done[key]
                if terms is None:
                    return super()._web_read_group_format(groupby, aggregates, groups)
                conditions += terms
            dict_group["__extra_domain"] = ["&"] * (len(conditions) - 1) + conditions
            for aggregate, value in zip(aggregates, group[len(groupby) :], strict=True):
                dict_group[aggregate] = value
            result.append(dict_group)
        return result

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
