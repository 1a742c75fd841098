"""Who can read another agent's prospect's name, through every model that names a prospect.

One walk-in is credited by the rotation to an agent other than agent1 (the "agent" role
below), and the office files something about that prospect in every model of both addons
that names one: its visit and turn, the forms its agent fills, a call, information given,
a signed contract and its unit, tomorrow's work, a request for the manager's help, an
attribution change, the funnel analysis, and a dispute agent1 raises about it by phone.
Each demo role then reads those records over JSON-RPC (every field it may read) and the
roles that got the prospect's name back are compared with the table below.
"""

import datetime
import json
import random
import re
import uuid

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
ALL = {"manager", "leader"}
DESK = ALL | {"frontdesk"}

# Roles that read the prospect's name through each model.
EXPECTED = {
    "crm.lead": DESK,
    "leasing.visit": DESK,
    "leasing.rotation.turn": DESK,
    "leasing.attribution.dispute": ALL,
    "leasing.attribution.log": ALL,
    "leasing.visitor.registration": DESK,
    "leasing.followup.plan.line": DESK,
    "leasing.signing.plan": DESK,
    "leasing.deposit": DESK,
    "leasing.contract.claim": DESK,
    "leasing.contract": DESK,
    "leasing.unit": DESK,
    "leasing.field.visit.plan.line": ALL,
    "leasing.field.visit.log.line": ALL,
    "leasing.call.log": ALL,
    "leasing.info.sent": ALL,
    "leasing.help.request": ALL,
    "leasing.work.plan.line": DESK,
    "leasing.funnel.report": ALL,
}


def create(client, model, vals):
    return client.call(model, "create", [vals])[0]


def far_day(offset=0):
    """A day no other test uses, for forms that are unique per agent and day."""
    start = datetime.date(2100, 1, 1) + datetime.timedelta(days=random.randint(0, 30_000))
    return (start + datetime.timedelta(days=offset)).isoformat()


def credited_walk_in(login, phone):
    """Register walk-ins until the rotation credits one to another agent than agent1."""
    desk, agent1 = login("frontdesk"), login("agent1")
    # The server's today (the office's timezone), which may not be this machine's.
    rotation = desk.call("leasing.rotation", "action_new_for_today")["res_id"]
    lines = desk.read_one("leasing.rotation", rotation, ["line_ids"])["line_ids"]
    desk.call("leasing.rotation.line", "write", lines, {"available": True})
    for _attempt in range(5):
        name = f"Name Matrix {uuid.uuid4().hex[:10]}"
        wizard, lead = register(desk, partner_name=name, phone=phone())
        if lead["attributed_user_id"] and lead["attributed_user_id"][0] != agent1.uid:
            return name, wizard["lead_id"][0], lead["attributed_user_id"][0]
    pytest.fail("the rotation never credited a walk-in to another agent than agent1")


def other_agent(login, uid):
    for name in ("agent2", "agent3", "agent4"):
        if login(name).uid == uid:
            return login(name)
    pytest.fail(f"user {uid} is not a demo agent")


def file_everything(login, lead, agent, phone):
    """As the office would, file a record about ``lead`` in every model that names one."""
    desk, manager, leader = login("frontdesk"), login("manager"), login("leader")
    create(agent, "leasing.visitor.registration", {"lead_id": lead, "needs": "Corner unit"})
    day = far_day()
    create(
        agent,
        "leasing.followup.plan",
        {"plan_date": day, "line_ids": [(0, 0, {"lead_id": lead, "planned_date": day})]},
    )
    create(
        agent,
        "leasing.signing.plan",
        {"lead_id": lead, "deposit_amount": 1000, "planned_signing_date": far_day()},
    )
    create(desk, "leasing.deposit", {"lead_id": lead, "amount": 1000, "receipt_number": phone()})
    create(agent, "leasing.contract.claim", {"contract_number": phone(), "lead_id": lead})
    plan = create(
        agent,
        "leasing.field.visit.plan",
        {"line_ids": [(0, 0, {"lead_id": lead, "purpose": "See the shop"})]},
    )
    agent.call("leasing.field.visit.plan", "action_submit", [plan])
    manager.call("leasing.field.visit.plan", "action_approve", [plan])
    agent.call("leasing.field.visit.plan", "action_open_log", [plan])
    agent.call("crm.lead", "action_log_call", [lead])
    create(agent, "leasing.help.request", {"lead_id": lead, "reason": "Asks for a free month"})
    info = create(manager, "leasing.info", {"name": f"Rent standard {phone()}"})
    manager.call("leasing.info", "action_request_approval", [info])
    leader.call("leasing.info", "action_approve", [info])
    create(agent, "leasing.info.sent", {"lead_id": lead, "info_id": info})
    unit = create(manager, "leasing.unit", {"code": f"NM-{phone()}", "floor": "9"})
    create(desk, "leasing.contract", {"contract_number": phone(), "lead_id": lead, "unit_id": unit})
    create(
        manager,
        "leasing.work.plan",
        {
            "date": far_day(),
            "line_ids": [
                (0, 0, {"kind": "followup", "lead_id": lead, "assigned_user_id": agent.uid})
            ],
        },
    )
    change = create(
        manager,
        "leasing.attribution.change",
        {"lead_id": lead, "user_id": agent.uid, "reason": "Checked: the credit stands"},
    )
    manager.call("leasing.attribution.change", "action_apply", [change])
    return unit


@pytest.fixture(scope="module")
def named_prospect(login):
    """(name, {model: ids naming the prospect}) for a prospect of another agent."""
    phone = lambda: f"137{random.randint(10_000_000, 99_999_999)}"
    name, lead, uid = credited_walk_in(login, phone)
    lead_phone = login("leader").read_one("crm.lead", lead, ["phone"])["phone"]
    unit = file_everything(login, lead, other_agent(login, uid), phone)
    create(
        login("agent1"),
        "leasing.attribution.dispute",
        {"phone": lead_phone, "reason": "I met them at the fair"},
    )
    leader = login("leader")
    records = {"crm.lead": [lead], "leasing.unit": [unit], "leasing.funnel.report": [lead]}
    for model in EXPECTED:
        if model not in records:
            records[model] = leader.call(model, "search", [("lead_id", "=", lead)])
        assert records[model], f"nothing filed in {model}"
    return name, records


def reads_name(client, model, ids, name):
    """Whether ``client`` gets ``name`` back when reading every field it may read.

    A field whose related model the role may not read at all (CRM tags for front desk, say)
    is left out; an error on the records themselves means they cannot be read.
    """
    fields = list(client.call(model, "fields_get", [], attributes=["type"]))
    while True:
        try:
            rows = client.call(model, "read", ids, fields)
        except OdooError as error:
            assert "AccessError" in error.name, error
            failed = re.match(r"Failed to read field (\S+)", error.message)
            if not failed:
                return False
            fields.remove(failed.group(1).rsplit(".", 1)[1])
            continue
        return name in json.dumps(rows, default=str, ensure_ascii=False)


def test_who_reads_another_agents_prospect_name(login, named_prospect):
    name, records = named_prospect
    differences = []
    for model, ids in records.items():
        readers = {role for role in ROLES if reads_name(login(LOGINS[role]), model, ids, name)}
        if readers != EXPECTED[model]:
            differences.append(
                f"{model}: read by {sorted(readers)}, expected {sorted(EXPECTED[model])}"
            )
    assert not differences, "\n".join(differences)


def test_dispute_raiser_is_told_it_is_filed(login, named_prospect):
    _name, records = named_prospect
    agent = login("agent1")
    [dispute] = agent.call(
        "leasing.attribution.dispute", "read", records["leasing.attribution.dispute"], []
    )
    assert dispute["prospect_id"] is False
    assert dispute["prospect_label"] == "Filed for the manager: not a prospect you can see"
    assert "lead_id" not in dispute and "credited_user_id" not in dispute


def test_agent_cannot_log_a_call_on_another_agents_prospect(login, named_prospect):
    _name, records = named_prospect
    agent, leader = login("agent1"), login("leader")
    [lead] = records["crm.lead"]
    calls = leader.call("leasing.call.log", "search_count", [("lead_id", "=", lead)])
    with pytest.raises(OdooError, match="prospects you can see"):
        agent.call("crm.lead", "action_log_call", [lead])
    assert leader.call("leasing.call.log", "search_count", [("lead_id", "=", lead)]) == calls
