"""A new database installed with ``--with-demo`` gets the whole demo quarter (run by
scripts/test with the upgrade checks).

Odoo installs a module *without* its demo data when the demo fails, with a warning only; the
unit tests skip the quarter (``TestDemoQuarter`` replays a few days), so only a real install
shows that three months of both malls replay to the end, commissions included.
"""

import os
import re

import psycopg2
import pytest
from odoo_cli import drop_database, odoo_bin

DB = os.environ.get("ODOO_DB", "leasing_test") + "_demo"


def odoo(*args):
    return odoo_bin("-d", DB, "--stop-after-init", "--no-http", "--log-level", "info", *args)


@pytest.fixture(scope="module")
def demo_log():
    drop_database(DB)
    done = odoo("-i", "leasing_office,leasing_office_reports", "--with-demo")
    yield done.stderr + done.stdout
    drop_database(DB)


def rows(query, *params):
    with psycopg2.connect(dbname=DB) as connection, connection.cursor() as cr:
        cr.execute(query, params)
        return cr.fetchall()


def test_demo_quarter_installs_in_both_malls(demo_log):
    assert "demo data failed to install" not in demo_log
    phases = re.findall(r"demo quarter: (.+)", demo_log)
    print("\n".join(phases))  # the phase timings, in the test's captured output
    assert [phase.split(" in ")[0] for phase in phases] == [
        "main mall",
        "second mall",
        "obligations evaluated",
    ]
    per_mall = dict(
        rows(
            "SELECT c.name, count(*) FROM crm_lead l JOIN res_company c ON c.id = l.company_id"
            " WHERE l.attribution_type IS NOT NULL GROUP BY c.name"
        )
    )
    assert per_mall.get("金汇商城", 0) > 0
    assert sum(per_mall.values()) >= 300, per_mall
    # agent1 works in both malls: one statement per mall and month, each with its own mall's
    # contracts only.
    statements = rows(
        "SELECT s.company_id, count(*) FROM leasing_commission_statement s"
        " JOIN res_users u ON u.id = s.user_id WHERE u.login = 'agent1' GROUP BY s.company_id"
    )
    assert len(statements) == 2, statements
    crossed = rows(
        "SELECT count(*) FROM leasing_commission_statement s"
        " JOIN leasing_commission_statement_leasing_contract_rel r"
        " ON r.leasing_commission_statement_id = s.id"
        " JOIN leasing_contract c ON c.id = r.leasing_contract_id"
        " WHERE c.company_id != s.company_id"
    )
    assert crossed == [(0,)]


def test_demo_pipeline_has_prospects_on_every_stage(demo_log):
    per_stage = dict(
        rows(
            "SELECT d.name, count(l.id) FROM ir_model_data d"
            " LEFT JOIN crm_lead l ON l.stage_id = d.res_id AND l.active"
            " WHERE d.module = 'leasing_office' AND d.model = 'crm.stage'"
            " GROUP BY d.name"
        )
    )
    assert len(per_stage) == 5 and all(per_stage.values()), per_stage
