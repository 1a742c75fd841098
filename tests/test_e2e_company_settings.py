"""The office's settings belong to the mall (fields of its company): over JSON-RPC only an
administrator changes them; office staff are refused and nothing changes."""

import pytest
from odoo_client import OdooError

STAFF = ("frontdesk", "agent1", "manager", "leader", "keyaccount")
FORGED = {
    "leasing_call_target": 1,
    "leasing_workday_end": 3.0,
    "leasing_commission_per_contract": 1.0,
    "leasing_tier1_store_count": 1,
}


def company_of(client):
    return client.read_one("res.users", client.uid, ["company_id"])["company_id"][0]


@pytest.mark.parametrize("role", STAFF)
def test_office_staff_cannot_change_the_settings_over_rpc(login, role):
    admin, staff = login("admin"), login(role)
    company = company_of(staff)
    before = admin.read_one("res.company", company, list(FORGED))
    with pytest.raises(OdooError) as written:
        staff.call("res.company", "write", [company], FORGED)
    assert "You are not allowed to modify" in written.value.message, written.value.message
    with pytest.raises(OdooError) as saved:
        staff.call("res.config.settings", "create", [FORGED])
    assert "You are not allowed to create" in saved.value.message, saved.value.message
    assert admin.read_one("res.company", company, list(FORGED)) == before


def test_administrator_changes_the_settings_of_one_mall(login):
    admin = login("admin")
    company = company_of(admin)
    before = admin.read_one("res.company", company, ["leasing_call_target"])
    settings = admin.call("res.config.settings", "create", [{"leasing_call_target": 42}])
    try:
        admin.call("res.config.settings", "execute", settings)
        assert (
            admin.read_one("res.company", company, ["leasing_call_target"])["leasing_call_target"]
            == 42
        )
    finally:
        admin.call(
            "res.company",
            "write",
            [company],
            {"leasing_call_target": before["leasing_call_target"]},
        )
