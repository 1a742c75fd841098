"""Formatting of the office's Excel workbooks (xlsxwriter), free of any ORM.

Each ``write_*`` function takes plain figures and labels (already translated) and writes a
complete workbook to a file-like object: formatted headers, frozen panes, totals and, for
the work report, a chart.
"""

import xlsxwriter


class Sheets:
    """A workbook with the office's house style."""

    def __init__(self, stream):
        self.book = xlsxwriter.Workbook(stream, {"in_memory": True})
        self.header = self.book.add_format(
            {"bold": True, "bg_color": "#875A7B", "font_color": "#FFFFFF", "border": 1}
        )
        self.total = self.book.add_format({"bold": True, "top": 2})
        self.title = self.book.add_format({"bold": True, "font_size": 14})

    def table(self, name, headers, rows, totals=(), title=None):
        """A sheet with a header row, frozen below it, and a totals row for ``totals`` columns."""
        sheet = self.book.add_worksheet(name[:31])
        top = 0
        if title:
            sheet.write(0, 0, title, self.title)
            top = 2
        sheet.write_row(top, 0, headers, self.header)
        sheet.freeze_panes(top + 1, 0)
        for index, row in enumerate(rows, start=top + 1):
            sheet.write_row(index, 0, [_cell(value) for value in row])
        if totals:
            last = top + len(rows) + 1
            sheet.write(last, 0, totals[0], self.total)
            for column in totals[1:]:
                sheet.write(last, column, sum(row[column] or 0 for row in rows), self.total)
        sheet.set_column(0, len(headers) - 1, 18)
        return sheet

    def close(self):
        self.book.close()


def _cell(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def write_work_report(stream, figures, labels):
    """The weekly/monthly work report: summary, visits, attribution mix (chart), follow-ups,
    deposits, contracts, targets, compliance, the call target and notable items."""
    book = Sheets(stream)
    date_from, date_to = figures["period"]
    visits = figures["visits"]
    mix = {}
    for _agent, kind, total, _first in visits:
        mix[kind] = mix.get(kind, 0) + total
    summary = [
        (labels["visits"], sum(row[2] for row in visits)),
        (labels["first_visits"], sum(row[3] for row in visits)),
        (labels["followups"], sum(row[1] for row in figures["followups"])),
        (labels["deposits"], sum(row[1] for row in figures["deposits"])),
        (labels["contracts"], sum(row[1] for row in figures["contracts"])),
        (labels["not_done"], sum(row[3] for row in figures["compliance"])),
        (labels["calls_short"], sum(row[4] for row in figures["calls"])),
    ]
    book.table(
        labels["sheet_summary"],
        [labels["item"], labels["value"]],
        summary,
        title=f"{labels['title']} {_cell(date_from)} – {_cell(date_to)}",
    )
    book.table(
        labels["sheet_visits"],
        [labels["agent"], labels["attribution"], labels["visits"], labels["first_visits"]],
        [
            (agent, labels["kinds"].get(kind, kind), total, first)
            for agent, kind, total, first in visits
        ],
        totals=(labels["total"], 2, 3),
    )
    mix_rows = [(labels["kinds"].get(kind, kind), count) for kind, count in sorted(mix.items())]
    mix_sheet = book.table(
        labels["sheet_mix"],
        [labels["attribution"], labels["visits"]],
        mix_rows,
        totals=(labels["total"], 1),
    )
    if mix_rows:
        chart = book.book.add_chart({"type": "pie"})
        name = labels["sheet_mix"][:31]
        chart.add_series(
            {
                "name": labels["sheet_mix"],
                "categories": [name, 1, 0, len(mix_rows), 0],
                "values": [name, 1, 1, len(mix_rows), 1],
            }
        )
        mix_sheet.insert_chart("D2", chart)
    book.table(
        labels["sheet_funnel"],
        [labels["step"], labels["prospects"], labels["conversion"], labels["days"]],
        _funnel_rows(figures["funnel"], labels),
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
    book.table(
        labels["sheet_targets"],
        [
            labels["agent"],
            labels["period_type"],
            labels["period_start"],
            labels["target"],
            labels["actual"],
            labels["rate"],
        ],
        figures["targets"],
    )
    book.table(
        labels["sheet_compliance"],
        [labels["agent"], labels["forms"], labels["done"], labels["not_done"]],
        figures["compliance"],
        totals=(labels["total"], 1, 2, 3),
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


def _funnel_rows(funnel, labels):
    """Each step's count, its conversion from the step before (%) and days since first visit."""
    counts, days = funnel[:4], [None, *funnel[4:]]
    rows = []
    for index, (step, count) in enumerate(zip(labels["steps"], counts, strict=True)):
        previous = counts[index - 1] if index else count
        rate = round(100.0 * count / previous, 1) if previous else 0.0
        rows.append((step, count, rate, round(days[index], 1) if days[index] else ""))
    return rows


def write_rows(stream, sheets):
    """A workbook of plain tables: ``sheets`` is a list of (name, headers, rows, totals)."""
    book = Sheets(stream)
    for name, headers, rows, totals in sheets:
        book.table(name, headers, rows, totals=totals)
    book.close()
