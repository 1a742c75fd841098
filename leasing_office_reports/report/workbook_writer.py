"""Formatting of the office's Excel workbooks (xlsxwriter), free of any ORM.

Each ``write_*`` function takes the typed rows of ``leasing.report.figures`` (see
``workbook_rows``) and labels (already translated) and writes a complete workbook to a
file-like object: formatted headers, frozen panes, totals, print setup
(landscape, one page wide, header rows repeated on every page) and, on the main sheets, a
chart beside the table.
"""

import xlsxwriter

PAPER_A4 = 9


class Sheets:
    """A workbook with the office's house style."""

    def __init__(self, stream):
        self.book = xlsxwriter.Workbook(stream, {"in_memory": True})
        self.header = self.book.add_format(
            {"bold": True, "bg_color": "#875A7B", "font_color": "#FFFFFF", "border": 1}
        )
        self.total = self.book.add_format({"bold": True, "top": 2})
        self.title = self.book.add_format({"bold": True, "font_size": 14})

    def table(self, name, headers, rows, totals=(), title=None, chart=None):
        """A sheet with a header row, frozen below it, and a totals row for ``totals`` columns.

        ``chart`` (see :meth:`chart`) draws the table's rows beside it.
        """
        sheet = self.book.add_worksheet(name[:31])
        top = 0
        if title:
            sheet.write(0, 0, title, self.title)
            top = 2
        sheet.write_row(top, 0, headers, self.header)
        sheet.freeze_panes(top + 1, 0)
        for index, row in enumerate(rows, start=top + 1):
            _write_cells(sheet, index, 0, row)
        if totals:
            last = top + len(rows) + 1
            sheet.write(last, 0, totals[0], self.total)
            for column in totals[1:]:
                sheet.write(last, column, sum(row[column] or 0 for row in rows), self.total)
        sheet.set_column(0, len(headers) - 1, 18)
        self.print_setup(sheet, top)
        if chart and rows:
            self.chart(sheet, (top + 1, top + len(rows)), (top, len(headers) + 1), chart)
        return sheet

    def print_setup(self, sheet, header_row):
        """Landscape A4, one page wide, the header row repeated on every printed page."""
        sheet.set_landscape()
        sheet.set_paper(PAPER_A4)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)

    def chart(self, sheet, rows, anchor, spec):
        """Insert a chart of the sheet's ``rows`` (first, last) at ``anchor`` (row, column).

        ``spec``: ``type`` (column, bar, pie), ``title``, ``categories`` (a column index) and
        ``series`` (a list of (name, column index)). The legend names every series.
        """
        chart = self.book.add_chart({"type": spec["type"]})
        first, last = rows
        for name, values in spec["series"]:
            series = {
                "name": name,
                "categories": [sheet.name, first, spec["categories"], last, spec["categories"]],
                "values": [sheet.name, first, values, last, values],
            }
            if spec["type"] == "pie":
                series["data_labels"] = {"percentage": True}
            chart.add_series(series)
        chart.set_title({"name": spec["title"]})
        chart.set_legend({"position": "bottom"})
        sheet.insert_chart(*anchor, chart)
        return chart

    def side_table(self, sheet, column, headers, rows, chart):
        """A second small table on ``sheet`` from ``column`` (e.g. visits per day), charted
        below it; ``chart`` columns count from ``column``."""
        sheet.write_row(0, column, headers, self.header)
        for index, row in enumerate(rows, start=1):
            _write_cells(sheet, index, column, row)
        sheet.set_column(column, column + len(headers) - 1, 14)
        if rows:
            spec = {
                **chart,
                "categories": column,
                "series": [(name, column + offset) for name, offset in chart["series"]],
            }
            self.chart(sheet, (1, len(rows)), (len(rows) + 2, column), spec)

    def close(self):
        self.book.close()


def _cell(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_cells(sheet, row, first_column, values):
    """Write a row cell by cell with the writer of each value's type: a text is written as
    text (never read as a formula or a link), and tens of thousands of rows (the front
    desk's visit log) skip ``write``'s guessing."""
    for column, value in enumerate(values, start=first_column):
        value = _cell(value)
        if isinstance(value, str):
            if value:
                sheet.write_string(row, column, value)
        elif isinstance(value, bool) or value is None:
            sheet.write(row, column, value)
        else:
            sheet.write_number(row, column, value)


def _label(labels, key, value):
    """The translated label of a selection ``value`` (``labels[key]`` maps keys to labels)."""
    return labels[key].get(value, value or "")


def write_work_report(stream, figures, labels):
    """The weekly/monthly work report: summary, visits (with visits per day), attribution mix,
    funnel, follow-ups, deposits, contracts, targets, compliance, the call target and notable
    items."""
    book = Sheets(stream)
    date_from, date_to = figures["period"]
    visits = figures["visits"]
    compliance = figures["compliance"]
    mix = {}
    for row in visits:
        mix[row.kind] = mix.get(row.kind, 0) + row.visits
    summary = [
        (labels["visits"], sum(row.visits for row in visits)),
        (labels["first_visits"], sum(row.first_visits for row in visits)),
        (labels["followups"], sum(row.count for row in figures["followups"])),
        (labels["deposits"], sum(row.count for row in figures["deposits"])),
        (labels["contracts"], sum(row.count for row in figures["contracts"])),
        (labels["not_done"], sum(row.not_done for row in compliance)),
        (labels["not_started"], sum(row.not_started for row in compliance)),
        (labels["calls_short"], sum(row.short for row in figures["calls"])),
    ]
    book.table(
        labels["sheet_summary"],
        [labels["item"], labels["value"]],
        summary,
        title=f"{labels['title']} {_cell(date_from)} – {_cell(date_to)}",
    )
    visits_sheet = book.table(
        labels["sheet_visits"],
        [labels["agent"], labels["attribution"], labels["visits"], labels["first_visits"]],
        [row._replace(kind=_label(labels, "kinds", row.kind)) for row in visits],
        totals=(labels["total"], 2, 3),
    )
    book.side_table(
        visits_sheet,
        5,
        [labels["day"], labels["visits"], labels["first_visits"]],
        figures.get("visits_per_day", []),
        {
            "type": "column",
            "title": labels["chart_visits_per_day"],
            "series": [(labels["visits"], 1), (labels["first_visits"], 2)],
        },
    )
    book.table(
        labels["sheet_mix"],
        [labels["attribution"], labels["visits"]],
        [(_label(labels, "kinds", kind or ""), count) for kind, count in sorted(mix.items())],
        totals=(labels["total"], 1),
        chart={
            "type": "pie",
            "title": labels["sheet_mix"],
            "categories": 0,
            "series": [(labels["visits"], 1)],
        },
    )
    book.table(
        labels["sheet_funnel"],
        [labels["step"], labels["prospects"], labels["conversion"], labels["days"]],
        _funnel_rows(figures["funnel"], labels),
        chart={
            "type": "bar",
            "title": labels["sheet_funnel"],
            "categories": 0,
            "series": [(labels["prospects"], 1)],
        },
    )
    book.table(
        labels["sheet_followups"],
        [labels["agent"], labels["followups"]],
        figures["followups"],
        totals=(labels["total"], 1),
    )
    book.table(
        labels["sheet_deposits"],
        [labels["agent"], labels["deposits"], labels["amount"]],
        figures["deposits"],
        totals=(labels["total"], 1, 2),
    )
    book.table(
        labels["sheet_contracts"],
        [labels["agent"], labels["contracts"]],
        figures["contracts"],
        totals=(labels["total"], 1),
    )
    write_targets_sheet(book, labels, figures["targets"])
    book.table(
        labels["sheet_compliance"],
        [
            labels["agent"],
            labels["form"],
            labels["forms"],
            labels["done"],
            labels["late"],
            labels["incomplete"],
            labels["not_started"],
            labels["inaccurate"],
            labels["not_done"],
        ],
        [row._replace(form=_label(labels, "form_types", row.form)) for row in compliance],
        totals=(labels["total"], 2, 3, 4, 5, 6, 7, 8),
    )
    book.table(
        labels["sheet_calls"],
        [
            labels["agent"],
            labels["days_short"],
            labels["prospects_called"],
            labels["call_target"],
            labels["calls_short"],
        ],
        figures["calls"],
        totals=(labels["total"], 1, 2, 3, 4),
    )
    book.table(labels["sheet_notes"], [labels["item"], labels["value"]], figures["notes"])
    book.close()


def write_targets_sheet(book, labels, targets):
    """Targets against actuals, department row first, with a target/actual chart
    (``targets``: ``TargetRow``)."""
    return book.table(
        labels["sheet_targets"],
        [
            labels["member"],
            labels["period_type"],
            labels["period_start"],
            labels["target"],
            labels["actual"],
            labels["rate"],
        ],
        [
            (
                row.member,
                _label(labels, "period_types", row.period_type),
                row.date_from,
                row.target,
                row.actual,
                row.rate,
            )
            for row in targets
        ],
        chart={
            "type": "column",
            "title": labels["chart_targets"],
            "categories": 0,
            "series": [(labels["target"], 3), (labels["actual"], 4)],
        },
    )


def _funnel_rows(funnel, labels):
    """Each step's count, its conversion from the step before (%) and days since first visit
    (``funnel``: ``Funnel``)."""
    counts = (funnel.leads, funnel.followed, funnel.deposits, funnel.signed)
    days = (None, funnel.days_to_followup, funnel.days_to_deposit, funnel.days_to_sign)
    rows = []
    for index, (step, count) in enumerate(zip(labels["steps"], counts, strict=True)):
        previous = counts[index - 1] if index else count
        rate = round(100.0 * count / previous, 1) if previous else 0.0
        rows.append((step, count, rate, round(days[index], 1) if days[index] else ""))
    return rows


def write_rows(stream, sheets):
    """A workbook of plain tables: ``sheets`` is a list of (name, headers, rows, totals) or
    (name, headers, rows, totals, chart)."""
    book = Sheets(stream)
    for name, headers, rows, totals, *chart in sheets:
        book.table(name, headers, rows, totals=totals, chart=chart[0] if chart else None)
    book.close()


def write_targets(stream, targets, labels):
    """The target breakdown plan: every plan's targets against actuals (``TargetRow``)."""
    headers = [
        labels["member"],
        labels["period_type"],
        labels["period_start"],
        labels["period_end"],
        labels["target"],
        labels["actual"],
        labels["rate"],
    ]
    rows = [
        row._replace(period_type=_label(labels, "period_types", row.period_type)) for row in targets
    ]
    chart = {
        "type": "column",
        "title": labels["chart_targets"],
        "categories": 0,
        "series": [(labels["target"], 4), (labels["actual"], 5)],
    }
    write_rows(stream, [(labels["sheet_targets"], headers, rows, (), chart)])


def write_registers(stream, registers, labels):
    """The front desk's registers: visit log, visitor registrations, follow-ups and signed
    contracts (``VisitLogRow``, ``RegistrationRow``, ``FollowupRow``, ``ContractRow``)."""
    pool = labels["public_pool"]
    visits = [
        row._replace(
            visit_kind=_label(labels, "visit_kinds", row.visit_kind),
            attribution=labels["attributions"].get(row.attribution, pool),
            credited=row.credited or pool,
            state=_label(labels, "visit_states", row.state),
        )
        for row in registers["visits"]
    ]
    registrations = [
        row._replace(compliance=labels["compliances"].get(row.compliance, ""))
        for row in registers["registrations"]
    ]
    contracts = [
        row._replace(agent=row.agent or pool, claim=row.claim or labels["no_claim"])
        for row in registers["contracts"]
    ]
    write_rows(
        stream,
        [
            (
                labels["sheet_visit_log"],
                [
                    labels["visited_at"],
                    labels["prospect"],
                    labels["visit_kind"],
                    labels["attribution"],
                    labels["received_by"],
                    labels["credited"],
                    labels["registered_by"],
                    labels["status"],
                ],
                visits,
                (),
            ),
            (
                labels["sheet_registrations"],
                [
                    labels["left_at"],
                    labels["prospect"],
                    labels["agent"],
                    labels["business_type"],
                    labels["desired_area"],
                    labels["compliance"],
                ],
                registrations,
                (),
            ),
            (
                labels["sheet_followups"],
                [
                    labels["fixed_date"],
                    labels["agent"],
                    labels["prospect"],
                    labels["purpose"],
                    labels["result"],
                ],
                registers["followups"],
                (),
            ),
            (
                labels["sheet_contracts"],
                [
                    labels["signed_date"],
                    labels["contract_number"],
                    labels["prospect"],
                    labels["unit"],
                    labels["credited"],
                    labels["claim"],
                ],
                contracts,
                (),
            ),
        ],
    )


def write_commission(stream, statements, labels):
    """The commission statements with their totals (``CommissionRow``)."""
    headers = [
        labels["person"],
        labels["kind"],
        labels["month"],
        labels["contract_count"],
        labels["target"],
        labels["rate"],
        labels["factor"],
        labels["amount_commission"],
        labels["approval"],
    ]
    rows = [
        row._replace(
            kind=labels["commission_kinds"].get(row.kind, ""),
            approval=labels["approvals"].get(row.approval, ""),
        )
        for row in statements
    ]
    write_rows(stream, [(labels["sheet_commission"], headers, rows, (labels["total"], 3, 7))])
