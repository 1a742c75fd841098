"""Upgrades and uninstallation keep the office's data (run by scripts/test, server stopped).

Runs ``odoo-bin -u`` on the test database, which holds the end-to-end tests' records, and
then uninstalls the reports addon; the core records must all still be there.
"""

import os

import psycopg2
import pytest
from odoo_cli import odoo_bin

DB = os.environ.get("ODOO_DB", "leasing_test")
CORE_TABLES = (
    "crm_lead",
    "leasing_visit",
    "leasing_rotation",
    "leasing_rotation_line",
    "leasing_rotation_turn",
    "leasing_contract",
    "leasing_contract_claim",
    "leasing_target_plan",
    "leasing_commission_statement",
    "leasing_field_visit_log",
    "leasing_attribution_log",
    "leasing_unit",
)


def odoo(*args):
    odoo_bin("-d", DB, "--stop-after-init", "--log-level", "warn", *args)


def counts():
    with psycopg2.connect(dbname=DB) as connection, connection.cursor() as cr:
        result = {}
        for table in CORE_TABLES:
            cr.execute(f"SELECT count(*) FROM {table}")
            result[table] = cr.fetchone()[0]
        return result


def module_state(name):
    with psycopg2.connect(dbname=DB) as connection, connection.cursor() as cr:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [name])
        return cr.fetchone()[0]


@pytest.fixture(scope="module")
def before():
    data = counts()
    assert data["leasing_visit"] > 0 and data["leasing_contract"] > 0, "run after the e2e tests"
    return data


def test_upgrade_keeps_every_record(before):
    odoo("-u", "leasing_office,leasing_office_reports")
    assert counts() == before


def test_uninstalling_reports_leaves_core_data(before):
    script = (
        "env['ir.module.module'].search([('name', '=', 'leasing_office_reports')])"
        ".button_immediate_uninstall()\nenv.cr.commit()\n"
    )
    odoo_bin("-d", DB, "--log-level", "warn", subcommand=("shell",), stdin=script)
    assert module_state("leasing_office_reports") == "uninstalled"
    assert module_state("leasing_office") == "installed"
    assert counts() == before


def test_reports_reinstall_on_existing_data(before):
    odoo("-i", "leasing_office_reports")
    assert module_state("leasing_office_reports") == "installed"
    assert counts() == before
    with psycopg2.connect(dbname=DB) as connection, connection.cursor() as cr:
        cr.execute("SELECT COALESCE(SUM(visit_count), 0) FROM leasing_visit_report")
        rebuilt = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM leasing_visit WHERE state = 'done'")
        assert rebuilt == cr.fetchone()[0], "the visit analysis recounts existing visits"
