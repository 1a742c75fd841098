"""Every role against every model of both addons, over JSON-RPC, as a table.

The grid below is the office's access policy: for each model and demo role, the operations
allowed at model level (c)reate, (r)ead, (w)rite, (u)nlink. The test asks the server for each
cell and any difference fails. Record rules and workflow guards are then tried for real on
the cases the office cares most about.
"""

import pytest
from odoo_client import OdooError
from test_e2e_walk_in_rotation import register

ROLES = ("frontdesk", "agent", "manager", "leader", "keyaccount")
LOGINS = {
    "frontdesk": "frontdesk",
    "agent": "agent1",
    "manager": "manager",
    "leader": "leader",
    "keyaccount": "keyaccount",
}
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}

# fmt: off
EXPECTED = {
    "leasing.attribution.dispute": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.attribution.log": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.call.log": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.commission.statement": {'frontdesk': '', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.commission.tier": {'frontdesk': 'r', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "leasing.compliance.check": {'frontdesk': '', 'agent': '', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.compliance.check.item": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.check.line": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.contract": {'frontdesk': 'crw', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.contract.claim": {'frontdesk': 'crw', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.contract.reconciliation": {'frontdesk': 'crw', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.contract.reconciliation.line": {'frontdesk': 'crwu', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.duty.roster": {'frontdesk': 'crw', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.duty.roster.line": {'frontdesk': 'crwu', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "leasing.field.visit.log": {'frontdesk': '', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.field.visit.log.line": {'frontdesk': '', 'agent': 'crwu', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.field.visit.plan": {'frontdesk': '', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.field.visit.plan.line": {'frontdesk': '', 'agent': 'crwu', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.followup.plan": {'frontdesk': 'r', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.followup.plan.line": {'frontdesk': 'r', 'agent': 'crwu', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.funnel.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.info": {'frontdesk': '', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.info.sent": {'frontdesk': '', 'agent': 'cr', 'manager': 'cr', 'leader': 'cr', 'keyaccount': ''},
    "leasing.morning.meeting": {'frontdesk': 'crw', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.rotation": {'frontdesk': 'crw', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.rotation.line": {'frontdesk': 'crwu', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "leasing.rotation.turn": {'frontdesk': 'r', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': 'r'},
    "leasing.signing.plan": {'frontdesk': 'r', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.target.plan": {'frontdesk': '', 'agent': '', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.target.plan.line": {'frontdesk': '', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.target.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.turn.report": {'frontdesk': 'r', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.unit": {'frontdesk': 'r', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.visit": {'frontdesk': 'r', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': 'r'},
    "leasing.visit.report": {'frontdesk': 'r', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.visitor.registration": {'frontdesk': 'crw', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.work.plan": {'frontdesk': 'r', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.work.plan.line": {'frontdesk': 'r', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "crm.lead": {'frontdesk': 'r', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'crw'},
}
# fmt: on


@pytest.mark.parametrize("role", ROLES)
def test_role_model_access_matrix(login, role):
    client = login(LOGINS[role])
    differences = []
    for model, expected in EXPECTED.items():
        for letter, operation in OPERATIONS.items():
            allowed = client.call(model, "has_access", [], operation)
            if allowed != (letter in expected[role]):
                differences.append(f"{model} {operation}: allowed={allowed}")
    assert not differences, "\n".join(differences)


def test_every_model_is_in_the_matrix(login):
    admin_view = login("admin")
    models = admin_view.call(
        "ir.model",
        "search_read",
        [("model", "=like", "leasing.%"), ("transient", "=", False), ("abstract", "=", False)],
        ["model"],
    )
    assert {m["model"] for m in models} <= set(EXPECTED)


def test_agent_cannot_read_another_agents_prospect(login, phone):
    desk = login("frontdesk")
    agent2 = login("agent2")
    wizard, _lead = register(
        desk, contact_name="Other agent's", phone=phone(), card_user_id=agent2.uid
    )
    lead_id = wizard["lead_id"][0]
    agent1 = login("agent1")
    assert agent1.call("crm.lead", "search", [("id", "=", lead_id)]) == []
    with pytest.raises(OdooError, match="AccessError"):
        agent1.call("crm.lead", "read", [lead_id], ["phone"])


def test_agent_cannot_change_the_rotation(login):
    agent = login("agent1")
    lines = login("frontdesk").call("leasing.rotation.line", "search", [], limit=1)
    with pytest.raises(OdooError, match="AccessError"):
        agent.call("leasing.rotation.line", "write", lines, {"available": False})
    with pytest.raises(OdooError, match="AccessError"):
        agent.call("leasing.walkin.register", "create", [{"contact_name": "x", "phone": "1"}])


def test_agent_cannot_approve_own_plan(login):
    agent = login("agent1")
    plan = agent.call("leasing.field.visit.plan", "create", [{"line_ids": []}])[0]
    agent.call("leasing.field.visit.plan", "action_submit", [plan])
    with pytest.raises(OdooError, match="manager"):
        agent.call("leasing.field.visit.plan", "action_approve", [plan])


def test_frontdesk_cannot_edit_a_signed_contract(login, phone):
    desk, manager = login("frontdesk"), login("manager")
    wizard, _lead = register(desk, contact_name="Signer", phone=phone(), overflow=True)
    unit = manager.call("leasing.unit", "create", [{"code": f"RM-{phone()}"}])[0]
    contract = desk.call(
        "leasing.contract",
        "create",
        [{"contract_number": f"RM-{phone()}", "lead_id": wizard["lead_id"][0], "unit_id": unit}],
    )[0]
    with pytest.raises(OdooError, match="manager"):
        desk.call("leasing.contract", "write", [contract], {"signed_date": "2000-01-01"})


@pytest.mark.parametrize("role", ROLES)
def test_nobody_deletes_a_signed_contract_or_a_visit(login, role):
    client = login(LOGINS[role])
    reader = login("leader")
    for model in ("leasing.contract", "leasing.visit"):
        ids = reader.call(model, "search", [], limit=1)
        if not ids:
            continue
        with pytest.raises(OdooError):
            client.call(model, "unlink", ids)
        assert reader.call(model, "search_count", [("id", "in", ids)]) == 1
