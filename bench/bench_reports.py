"""Benchmark of the reporting hot paths at the office's volume (run through scripts/bench).

Generates, once per database: 30 agents, 200,000 prospects, 1,000,000 visits and 50,000
signed contracts over three years (scaled by BENCH_SCALE), then times each main pivot
grouping against the equivalent hand-written SQL GROUP BY, the monthly workbook, and counts
the SQL queries of one walk-in registration. Prints a table.

This file runs inside ``odoo-bin shell`` (``env`` is provided); it is not a test.
"""

import os
import time
from datetime import date, timedelta

from odoo import fields

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
AGENTS = 30
LEADS, VISITS, CONTRACTS = (int(n * SCALE) for n in (200_000, 1_000_000, 50_000))
START = date.today() - timedelta(days=3 * 365)
cr = env.cr  # noqa: F821 - provided by odoo-bin shell


def generate():
    cr.execute("SELECT count(*) FROM crm_lead WHERE name LIKE 'bench %%'")
    if cr.fetchone()[0] >= LEADS:
        return "reused"
    group = env.ref("leasing_office.group_leasing_agent")  # noqa: F821
    users = env["res.users"].with_context(no_reset_password=True)  # noqa: F821
    agents = users.search([("login", "like", "bench_agent%")])
    if len(agents) < AGENTS:
        agents |= users.create(
            [
                {
                    "name": f"Bench agent {i}",
                    "login": f"bench_agent{i}",
                    "group_ids": [fields.Command.set(group.ids)],
                }
                for i in range(len(agents), AGENTS)
            ]
        )
    company = env.company.id  # noqa: F821
    ids = "ARRAY[{}]".format(",".join(map(str, agents.ids)))
    cr.execute(
        f"""
        INSERT INTO crm_lead (name, type, active, company_id, attribution_type, attributed_user_id,
                              user_id, is_public, tier_state, visit_count, create_date, write_date)
        SELECT 'bench ' || g, 'opportunity', TRUE, %s,
               (ARRAY['rotation','card','returning','public','leadership'])[1 + g %% 5],
               CASE WHEN g %% 5 IN (3, 4) THEN NULL ELSE ({ids})[1 + g %% {AGENTS}] END,
               CASE WHEN g %% 5 IN (3, 4) THEN NULL ELSE ({ids})[1 + g %% {AGENTS}] END,
               g %% 5 IN (3, 4), 'none', 5, now(), now()
          FROM generate_series(1, %s) g""",
        [company, LEADS],
    )
    cr.execute("SELECT min(id) FROM crm_lead WHERE name LIKE 'bench %%'")
    first = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO leasing_visit (lead_id, visit_datetime, received_user_id, credited_user_id,
                                   visit_kind, attribution_type, state, company_id, create_date)
        SELECT l.id,
               %s::timestamp + (g %% 1095) * interval '1 day' + (g %% 600) * interval '1 minute',
               coalesce(l.attributed_user_id, 2), l.attributed_user_id,
               CASE WHEN g <= %s THEN 'first' ELSE 'returning' END, l.attribution_type,
               'done', %s, now()
          FROM generate_series(1, %s) g
          JOIN crm_lead l ON l.id = %s + (g - 1) %% %s""",
        [START, LEADS, company, VISITS, first, LEADS],
    )
    cr.execute(
        """
        INSERT INTO leasing_unit (code, company_id, area, rent_standard, active, state)
        SELECT 'BENCH-' || g, %s, 50 + g %% 200, 80, TRUE, 'signed'
          FROM generate_series(1, 5000) g ON CONFLICT DO NOTHING""",
        [company],
    )
    cr.execute("SELECT min(id) FROM leasing_unit WHERE code LIKE 'BENCH-%%'")
    unit = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO leasing_contract (contract_number, lead_id, unit_id, signed_date, user_id,
                                      is_public, state, company_id, create_date)
        SELECT 'BENCH-C-' || g, l.id, %s + g %% 5000, %s::date + (g %% 1095), l.attributed_user_id,
               l.is_public, 'signed', %s, now()
          FROM generate_series(1, %s) g
          JOIN crm_lead l ON l.id = %s + (g * 4) %% %s""",
        [unit, START, company, CONTRACTS, first, LEADS],
    )
    env["leasing.visit.report"]._rebuild()  # noqa: F821 - bulk SQL import: recount the days
    cr.execute("ANALYZE crm_lead; ANALYZE leasing_visit; ANALYZE leasing_contract")
    cr.commit()
    return "generated"


def best_of(func, runs=3):
    timings = []
    for _run in range(runs):
        env.invalidate_all()  # noqa: F821
        began = time.perf_counter()
        func()
        timings.append(time.perf_counter() - began)
    return min(timings)


def pivot(model, groupby, aggregates):
    return lambda: env[model].formatted_read_group([], groupby, aggregates)  # noqa: F821


def sql(query):
    return lambda: cr.execute(query) or cr.fetchall()


# Each pivot, and the hand-written SQL that gives the same rows in the same order, agent
# names included (the pivot shows names and orders by them).
BY_AGENT_NAME = "LEFT JOIN res_users u ON u.id = %s LEFT JOIN res_partner p ON p.id = u.partner_id"
CASES = [
    (
        "visits by agent × attribution",
        pivot(
            "leasing.visit.report", ["credited_user_id", "attribution_type"], ["visit_count:sum"]
        ),
        sql(
            "SELECT v.credited_user_id, v.attribution_type, count(*) FROM leasing_visit v "
            + BY_AGENT_NAME % "v.credited_user_id"
            + " WHERE v.state = 'done' GROUP BY 1, 2, p.name ORDER BY p.name, 2"
        ),
    ),
    (
        "visits by month",
        pivot("leasing.visit.report", ["visit_date:month"], ["visit_count:sum"]),
        sql(
            "SELECT date_trunc('month', visit_datetime), count(*) FROM leasing_visit "
            "WHERE state = 'done' GROUP BY 1 ORDER BY 1"
        ),
    ),
    (
        "contracts by month × agent",
        pivot("leasing.contract", ["signed_date:month", "user_id"], ["__count"]),
        sql(
            "SELECT date_trunc('month', c.signed_date), c.user_id, count(*) "
            "FROM leasing_contract c "
            + BY_AGENT_NAME % "c.user_id"
            + " GROUP BY 1, 2, p.name ORDER BY 1, p.name"
        ),
    ),
    (
        "funnel by agent",
        pivot("leasing.funnel.report", ["user_id"], ["lead_count:sum", "signed_count:sum"]),
        sql(
            """SELECT l.attributed_user_id, count(*), count(c.lead_id) FROM crm_lead l
                 JOIN (SELECT DISTINCT lead_id FROM leasing_visit WHERE state = 'done') v
                   ON v.lead_id = l.id
            LEFT JOIN (SELECT DISTINCT lead_id FROM leasing_contract WHERE state = 'signed') c
                   ON c.lead_id = l.id
             GROUP BY 1"""
        ),
    ),
]


def main():
    began = time.perf_counter()
    status = generate()
    print(
        f"data: {status} in {time.perf_counter() - began:.1f} s "
        f"({LEADS:,} prospects, {VISITS:,} visits, {CONTRACTS:,} contracts, {AGENTS} agents)"
    )
    rows = []
    for name, orm, raw in CASES:
        orm_time, sql_time = best_of(orm), best_of(raw)
        rows.append(
            (
                name,
                f"{orm_time * 1000:.0f} ms",
                f"{sql_time * 1000:.0f} ms",
                f"{orm_time / sql_time:.2f}×",
                "yes" if orm_time <= 2 * sql_time else "NO",
            )
        )
    month = date.today().replace(day=1) - timedelta(days=1)
    export = env["leasing.report.export"].create(  # noqa: F821
        {"kind": "work_month", "date_from": month.replace(day=1), "date_to": month}
    )
    book_time = best_of(export._build, runs=1)
    rows.append(
        ("monthly workbook", f"{book_time:.2f} s", "", "", "yes" if book_time < 10 else "NO")
    )
    rows.append(("walk-in registration", f"{walkin_queries()} queries", "", "", ""))
    widths = [32, 14, 10, 8, 6]
    header = ("case", "ORM / result", "SQL", "ratio", "target")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    cr.rollback()


def walkin_queries():
    rotation = env["leasing.rotation"]  # noqa: F821
    today = fields.Date.context_today(rotation)
    rotation = rotation.search([("date", "=", today)]) or rotation._create_for_date(today)
    agents = env["res.users"].search([("login", "like", "bench_agent%")], limit=4)  # noqa: F821
    if not rotation.line_ids:
        rotation.line_ids = [fields.Command.create({"user_id": a.id}) for a in agents]
    wizard = env["leasing.walkin.register"].create(  # noqa: F821
        {"contact_name": "Bench walk-in", "phone": "13912345678"}
    )
    env.flush_all()  # noqa: F821
    before = cr.sql_log_count
    wizard.action_register()
    env.flush_all()  # noqa: F821
    return cr.sql_log_count - before


main()
