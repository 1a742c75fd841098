"""Print the benchmark's tables from the JSON files bench/bench_reports.py wrote.

Usage: bench_table.py RESULT.json [RESULT.json ...]   (one file per scale, any order)

One table per scale (pivots with their SQL, registration with its anchor, workbooks),
then, with two scales or more, the scaling table: every row at each scale and how it grew.
"""

import json
import sys

PIVOT_TARGET = 2.0  # a pivot as its role ≤ 2× the minimal SQL on the table it reads
STEADY_QUERIES, FIRST_QUERIES, ANCHOR_RATIO, P95_MS = 45, 60, 1.5, 100


def ms(value):
    return "" if value is None else f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def table(header, rows):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in [header, *rows]
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def verdict(ok):
    return "yes" if ok else "NO"


def scale_tables(result):
    data = result["data"]
    out = [
        (
            f"## Scale {result['scale']:g}: {data['prospects']:,} prospects, "
            f"{data['visits']:,} visits, {data['contracts']:,} contracts, {data['agents']} "
            f"agents (data {data['status']} in {data['seconds']} s)"
        ),
        "",
        (
            f"Load average (1 min) after each part: data {data['load_average']}, "
            f"registrations {result['walkin']['load_average']}, "
            f"reports {result['reports']['load_average']} (other work on the machine counts)."
        ),
        "",
    ]
    rows = []
    for row in result["pivots"]:
        ratio = row["ratio"]
        raw = row["raw_ms"]
        rows.append(
            (
                f"{row['case']} ({row['groups']} groups)",
                row["role"],
                ms(row["pivot_ms"]),
                ms(row["named_ms"]),
                ms(row["read_group_ms"]),
                ms(row["own_ms"]),
                ms(raw) if raw is not None else "(same table)",
                f"{ratio:.2f}×",
                verdict(ratio <= PIVOT_TARGET),
            )
        )
    out.append(
        table(
            (
                "pivot",
                "as",
                "pivot (web call, record rules)",
                "_read_group, web order",
                "_read_group, id order",
                "SQL on its table",
                "SQL on raw records",
                "pivot / SQL (median of 15 pairs)",
                f"≤ {PIVOT_TARGET:g}×",
            ),
            rows,
        )
    )
    walk = result["walkin"]
    ratio = walk["steady_queries"] / walk["anchor_queries"]
    # The median of the pairs' ratios (registration and anchor timed in turns); older result
    # files have only the two medians.
    time_ratio = walk.get("anchor_time_ratio") or walk["p50_ms"] / walk["anchor_p50_ms"]
    first_ratio = walk["first_queries"] / result["anchor_first"]["queries"]
    out += [
        "",
        table(
            ("front desk (real frontdesk user)", "queries", "p50", "p95", "target"),
            [
                (
                    "registration, first in a fresh process",
                    walk["first_queries"],
                    ms(walk["first_ms"]),
                    "",
                    f"≤ {FIRST_QUERIES} queries: {verdict(walk['first_queries'] <= FIRST_QUERIES)}",
                ),
                (
                    "  anchor, first in a fresh process",
                    result["anchor_first"]["queries"],
                    ms(result["anchor_first"]["ms"]),
                    "",
                    (
                        f"registration / anchor {first_ratio:.2f}× (queries): Odoo's "
                        "per-process caches are filled by either"
                    ),
                ),
                (
                    f"registration, steady (form save + Register, {walk['runs']} runs)",
                    walk["steady_queries"],
                    ms(walk["p50_ms"]),
                    ms(walk["p95_ms"]),
                    (
                        f"≤ {STEADY_QUERIES} queries: "
                        f"{verdict(walk['steady_queries'] <= STEADY_QUERIES)}; "
                        f"p95 < {P95_MS} ms: {verdict(walk['p95_ms'] < P95_MS)}"
                    ),
                ),
                (
                    "  of which the click on Register",
                    walk["click_queries"],
                    ms(walk["click_p50_ms"]),
                    ms(walk["click_p95_ms"]),
                    "",
                ),
                (
                    "anchor: stock crm.lead create, team assigned by Odoo",
                    walk["anchor_queries"],
                    ms(walk["anchor_p50_ms"]),
                    ms(walk["anchor_p95_ms"]),
                    (
                        f"registration / anchor {ratio:.2f}× (queries), {time_ratio:.2f}× "
                        f"(time, median of pairs): ≤ {ANCHOR_RATIO:g}×: "
                        f"{verdict(max(ratio, time_ratio) <= ANCHOR_RATIO)}"
                    ),
                ),
            ],
        ),
        "",
        table(
            ("workbook (as leader)", "time"),
            [(book["case"], f"{book['seconds']:.2f} s") for book in result["workbooks"]],
        ),
    ]
    return "\n".join(out)


def query_table(result):
    """Where one steady registration's queries go, beside the anchor's, per table."""
    walk = result["walkin"]
    mine, anchor = walk["tables"], walk["anchor_tables"]
    keys = sorted(set(mine) | set(anchor), key=lambda key: (-mine.get(key, 0), key))
    rows = [(key, mine.get(key, ""), anchor.get(key, "")) for key in keys]
    rows.append(("total", sum(mine.values()), sum(anchor.values())))
    return (
        f"## One steady registration's queries at scale {result['scale']:g}, per table\n\n"
        + table(("statement and table", "registration", "anchor"), rows)
    )


def figures(result):
    """Every row of a scale as name -> (value, unit)."""
    rows = {}
    for row in result["pivots"]:
        rows[f"pivot: {row['case']} ({row['role']})"] = (row["pivot_ms"], "ms")
        rows[f"  _read_group, web order: {row['case']}"] = (row["named_ms"], "ms")
        rows[f"  _read_group, id order: {row['case']}"] = (row["read_group_ms"], "ms")
        rows[f"  SQL on its table: {row['case']}"] = (row["own_ms"], "ms")
        if row["raw_ms"] is not None:
            rows[f"  SQL on raw records: {row['case']}"] = (row["raw_ms"], "ms")
    for book in result["workbooks"]:
        rows[book["case"]] = (book["seconds"] * 1000, "ms")
    walk = result["walkin"]
    rows["registration: queries, first in a process"] = (walk["first_queries"], "q")
    rows["registration: queries, steady"] = (walk["steady_queries"], "q")
    rows["registration: server time p50"] = (walk["p50_ms"], "ms")
    rows["registration: server time p95"] = (walk["p95_ms"], "ms")
    rows["anchor crm.lead create: queries, first in a process"] = (
        result["anchor_first"]["queries"],
        "q",
    )
    rows["anchor crm.lead create: queries"] = (walk["anchor_queries"], "q")
    rows["anchor crm.lead create: p50"] = (walk["anchor_p50_ms"], "ms")
    return rows


def growth(small, large, data_factor):
    """How a row grew from the small scale to the large one, in words."""
    if small <= 0:
        return ""
    factor = large / small
    if factor < 1.5:
        return f"×{factor:.1f} (flat)"
    if factor < data_factor / 3:
        return f"×{factor:.1f} (sublinear)"
    if factor <= data_factor * 1.5:
        return f"×{factor:.1f} (linear)"
    return f"×{factor:.1f} (superlinear)"


def scaling_table(results):
    results = sorted(results, key=lambda result: result["scale"])
    small, large = results[0], results[-1]
    data_factor = large["scale"] / small["scale"]
    per_scale = [figures(result) for result in results]
    rows = []
    for name, (_value, unit) in per_scale[0].items():
        values = [scale.get(name, (None, unit))[0] for scale in per_scale]
        shown = ["" if v is None else (ms(v) if unit == "ms" else f"{v:g}") for v in values]
        grew = growth(values[0], values[-1], data_factor) if None not in values else ""
        rows.append((name, *shown, grew))
    header = ("row", *(f"scale {r['scale']:g}" for r in results), f"growth (data ×{data_factor:g})")
    return f"## Scaling\n\n{table(header, rows)}"


def main(paths):
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            results.append(json.load(file))
    results.sort(key=lambda result: result["scale"])
    print("\n\n".join(scale_tables(result) for result in results))
    print()
    print(query_table(results[-1]))
    if len(results) > 1:
        print()
        print(scaling_table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
