"""The same guard over XML-RPC: the second protocol a client may use to reach the models."""

import xmlrpc.client

import pytest
from conftest import ODOO_DB, ODOO_URL

GUARD_MESSAGE = "can only be changed by the form's own buttons"
ROLES = ("frontdesk", "agent1", "manager", "leader", "admin")


def xmlrpc_call(login, model, method, *args, **kwargs):
    common = xmlrpc.client.ServerProxy(f"{ODOO_URL}/xmlrpc/2/common", allow_none=True)
    uid = common.authenticate(ODOO_DB, login, login, {})
    assert uid, f"XML-RPC login failed for {login}"
    models = xmlrpc.client.ServerProxy(f"{ODOO_URL}/xmlrpc/2/object", allow_none=True)
    return models.execute_kw(ODOO_DB, uid, login, model, method, list(args), kwargs)


@pytest.mark.parametrize("role", ROLES)
def test_forged_ledger_and_approval_refused_over_xmlrpc(login, office_day, role):
    admin = login("admin")
    line_ids = admin.call("leasing.rotation.line", "search", [("rotation_id", "=", office_day)])
    assert line_ids, "today's rotation table lists no agent"
    before = admin.call("leasing.rotation.line", "read", line_ids, ["makeup_owed"])
    agent = admin.call("res.users", "search", [("login", "=", "agent4")])[0]
    forgeries = (
        ("leasing.rotation.line", "write", (line_ids, {"makeup_owed": 3})),
        ("leasing.rotation", "write", ([office_day], {"registration_count": 99})),
        (
            "leasing.rotation.line",
            "create",
            ({"rotation_id": office_day, "user_id": agent, "makeup_owed": 3},),
        ),
        ("leasing.field.visit.plan", "create", ({"approval_state": "approved"},)),
    )
    for model, method, args in forgeries:
        with pytest.raises(xmlrpc.client.Fault) as refused:
            xmlrpc_call(role, model, method, *args)
        assert GUARD_MESSAGE in refused.value.faultString, (role, model, method)
    assert admin.call("leasing.rotation.line", "read", line_ids, ["makeup_owed"]) == before
