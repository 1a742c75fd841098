"""Every role against every model of both addons, over JSON-RPC, as a table.

The grid below is the office's access policy: for each model and demo role, the operations
allowed at model level (c)reate, (r)ead, (w)rite, (u)nlink. The test asks the server for each
cell and any difference fails. Record rules and workflow guards are then tried for real on
the cases the office cares most about.
"""

import re

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
# Walk-ins are registered against today's rotation table.
pytestmark = pytest.mark.usefixtures("office_day")
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}
ACL_VERBS = {"read": "access", "write": "modify", "create": "create", "unlink": "delete"}


def acl_refused(operation, model):
    """Odoo's message when no access-control list grants ``operation`` on ``model``."""
    return (
        rf"^odoo\.exceptions\.AccessError: You are not allowed to {ACL_VERBS[operation]} "
        rf"'[^']+' \({re.escape(model)}\) records\."
    )


# fmt: off
EXPECTED = {
    "leasing.attribution.dispute": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.attribution.log": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.big.account": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.call.log": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.commission.statement": {'frontdesk': '', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.commission.tier": {'frontdesk': 'r', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "leasing.compliance.check": {'frontdesk': '', 'agent': '', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.compliance.check.call": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.check.item": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.check.meeting": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.check.line": {'frontdesk': '', 'agent': '', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.compliance.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.deposit": {'frontdesk': 'cr', 'agent': 'r', 'manager': 'cr', 'leader': 'cr', 'keyaccount': ''},
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
    "leasing.help.request": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.info": {'frontdesk': '', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.info.sent": {'frontdesk': '', 'agent': 'cr', 'manager': 'cr', 'leader': 'cr', 'keyaccount': ''},
    "leasing.morning.meeting": {'frontdesk': 'crw', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.obligation": {'frontdesk': '', 'agent': 'rw', 'manager': 'rw', 'leader': 'rw', 'keyaccount': 'rw'},
    "leasing.prospect.filing": {'frontdesk': '', 'agent': 'crw', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.rotation": {'frontdesk': 'crw', 'agent': 'r', 'manager': 'crw', 'leader': 'crw', 'keyaccount': 'r'},
    "leasing.rotation.line": {'frontdesk': 'crwu', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': 'r'},
    "leasing.rotation.turn": {'frontdesk': 'r', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': 'r'},
    "leasing.signing.plan": {'frontdesk': 'r', 'agent': 'crw', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.target.plan": {'frontdesk': '', 'agent': '', 'manager': 'crw', 'leader': 'crw', 'keyaccount': ''},
    "leasing.target.plan.line": {'frontdesk': '', 'agent': 'r', 'manager': 'crwu', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.target.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
    "leasing.big.plan": {'frontdesk': '', 'agent': '', 'manager': 'r', 'leader': 'crw', 'keyaccount': ''},
    "leasing.big.plan.stage": {'frontdesk': '', 'agent': '', 'manager': 'r', 'leader': 'crwu', 'keyaccount': ''},
    "leasing.call.report": {'frontdesk': '', 'agent': 'r', 'manager': 'r', 'leader': 'r', 'keyaccount': ''},
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
    assert {m["model"] for m in models} == set(EXPECTED) - {"crm.lead"}


def test_agent_cannot_read_another_agents_prospect(login, phone):
    desk = login("frontdesk")
    agent2 = login("agent2")
    wizard, _lead = register(
        desk, contact_name="Other agent's", phone=phone(), card_user_id=agent2.uid
    )
    lead_id = wizard["lead_id"][0]
    agent1 = login("agent1")
    assert agent1.call("crm.lead", "search", [("id", "=", lead_id)]) == []
    with pytest.raises(OdooError, match=r"doesn't have 'read' access to:\n- .* \(crm\.lead\)"):
        agent1.call("crm.lead", "read", [lead_id], ["phone"])


def test_agent_cannot_change_the_rotation(login, office_day):
    agent, desk = login("agent1"), login("frontdesk")
    lines = desk.call("leasing.rotation.line", "search", [("rotation_id", "=", office_day)])
    assert lines, "today's rotation table lists no agent"
    before = desk.call("leasing.rotation.line", "read", lines, ["status", "sequence"])
    with pytest.raises(OdooError, match=acl_refused("write", "leasing.rotation.line")):
        agent.call("leasing.rotation.line", "write", lines, {"status": "leave"})
    with pytest.raises(OdooError, match=acl_refused("create", "leasing.walkin.register")):
        agent.call("leasing.walkin.register", "create", [{"contact_name": "x", "phone": "1"}])
    assert desk.call("leasing.rotation.line", "read", lines, ["status", "sequence"]) == before


def plan_state(client, plan):
    return client.read_one("leasing.field.visit.plan", plan, ["approval_state", "approver_id"])


def test_agent_cannot_approve_a_field_plan(login):
    agent = login("agent1")
    plan = agent.call("leasing.field.visit.plan", "create", [{"line_ids": []}])[0]
    agent.call("leasing.field.visit.plan", "action_submit", [plan])
    with pytest.raises(OdooError, match=r"UserError: Only .+ approves this form\.$"):
        agent.call("leasing.field.visit.plan", "action_approve", [plan])
    expected = {"id": plan, "approval_state": "to_approve", "approver_id": False}
    assert plan_state(agent, plan) == expected


def test_manager_cannot_approve_own_field_plan(login):
    manager = login("manager")
    plan = manager.call("leasing.field.visit.plan", "create", [{"line_ids": []}])[0]
    manager.call("leasing.field.visit.plan", "action_submit", [plan])
    with pytest.raises(OdooError, match=r"UserError: Nobody approves their own form\.$"):
        manager.call("leasing.field.visit.plan", "action_approve", [plan])
    expected = {"id": plan, "approval_state": "to_approve", "approver_id": False}
    assert plan_state(manager, plan) == expected


def test_frontdesk_cannot_edit_a_signed_contract(login, phone):
    desk, manager = login("frontdesk"), login("manager")
    wizard, _lead = register(
        desk, contact_name="Signer", phone=phone(), overflow=True, overflow_reason="Busy floor"
    )
    unit = manager.call("leasing.unit", "create", [{"code": f"RM-{phone()}"}])[0]
    contract = desk.call(
        "leasing.contract",
        "create",
        [{"contract_number": f"RM-{phone()}", "lead_id": wizard["lead_id"][0], "unit_id": unit}],
    )[0]
    signed = desk.read_one("leasing.contract", contract, ["signed_date"])
    with pytest.raises(
        OdooError, match=r"UserError: Only the leasing manager corrects a signed contract\.$"
    ):
        desk.call("leasing.contract", "write", [contract], {"signed_date": "2000-01-01"})
    assert desk.read_one("leasing.contract", contract, ["signed_date"]) == signed


@pytest.fixture
def visit_and_contract(login, phone):
    """A visit and a signed contract, made by the administrator (leadership) for the test."""
    admin = login("admin")
    wizard, _lead = register(
        admin,
        contact_name="Kept forever",
        phone=phone(),
        overflow=True,
        overflow_reason="Busy floor",
    )
    unit = admin.call("leasing.unit", "create", [{"code": f"DEL-{phone()}"}])[0]
    contract = admin.call(
        "leasing.contract",
        "create",
        [{"contract_number": f"DEL-{phone()}", "lead_id": wizard["lead_id"][0], "unit_id": unit}],
    )[0]
    return {"leasing.contract": contract, "leasing.visit": wizard["visit_id"][0]}


@pytest.mark.parametrize("role", [*ROLES, "admin"])
def test_nobody_deletes_a_signed_contract_or_a_visit(login, role, visit_and_contract):
    client = login(LOGINS.get(role, role))
    admin = login("admin")
    for model, record in visit_and_contract.items():
        assert admin.call(model, "search_count", [("id", "=", record)]) == 1, model
        with pytest.raises(OdooError, match=acl_refused("unlink", model)):
            client.call(model, "unlink", [record])
        assert admin.call(model, "search_count", [("id", "=", record)]) == 1, model
