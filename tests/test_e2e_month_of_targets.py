"""A month over JSON-RPC: targets approved, contracts signed, statements computed and approved."""

import datetime
import random

import pytest
from test_e2e_walk_in_rotation import register

# Walk-ins are registered against today's rotation table.
pytestmark = pytest.mark.usefixtures("office_day")


def create(client, model, vals):
    return client.call(model, "create", [vals])[0]


def test_a_month_of_targets_and_commission(login, phone):
    desk, manager, leader = login("frontdesk"), login("manager"), login("leader")
    agent1, agent2 = login("agent1"), login("agent2")
    # A month of its own far in the future, so runs and demo data never collide.
    month = datetime.date(2100 + random.randint(0, 800), random.randint(1, 12), 1)

    plan = create(
        manager,
        "leasing.target.plan",
        {
            "date_from": month.isoformat(),
            "target_contracts": 3,
            "line_ids": [
                (0, 0, {"user_id": agent1.uid, "target_contracts": 2}),
                (0, 0, {"user_id": agent2.uid, "target_contracts": 1}),
            ],
        },
    )
    manager.call("leasing.target.plan", "action_request_approval", [plan])
    leader.call("leasing.target.plan", "action_approve", [plan])

    # Contracts of the month: two for agent1's prospects, one public-pool prospect.
    signed = []
    for kind in ("card", "card", "public"):
        vals = {"contact_name": f"Month {kind}", "phone": phone()}
        vals.update(
            {"card_user_id": agent1.uid}
            if kind == "card"
            else {"overflow": True, "overflow_reason": "Busy floor"}
        )
        wizard, _lead = register(desk, **vals)
        unit = create(
            manager, "leasing.unit", {"code": f"M-{random.randint(10**8, 10**9)}", "area": 50}
        )
        signed.append(
            create(
                desk,
                "leasing.contract",
                {
                    "contract_number": f"M-{random.randint(10**8, 10**9)}",
                    "lead_id": wizard["lead_id"][0],
                    "unit_id": unit,
                    "signed_date": month.replace(day=15).isoformat(),
                },
            )
        )

    mine = agent1.call(
        "leasing.target.plan.line",
        "search_read",
        [("plan_id", "=", plan)],
        ["actual_contracts", "completion_rate"],
    )
    assert mine == [{"id": mine[0]["id"], "actual_contracts": 2, "completion_rate": 100.0}]
    department = manager.read_one(
        "leasing.target.plan", plan, ["actual_contracts", "completion_rate"]
    )
    assert (department["actual_contracts"], department["completion_rate"]) == (3, 100.0)

    # Statements: computed, reviewed by the manager, approved by leadership, then locked.
    statement = "leasing.commission.statement"
    action = manager.call(statement, "action_generate", month.isoformat())
    rows = manager.call(
        statement, "search_read", action["domain"], ["user_id", "kind", "contract_count", "amount"]
    )
    amounts = {
        (row["user_id"][0], row["kind"]): (row["contract_count"], row["amount"]) for row in rows
    }
    # agent1: 2 of 2 = 100 % -> 2 × 1000 × 1.2; agent2: 0 of 1 -> nothing; the manager's
    # bonus: the department signed 3 of 3 (the public contract included) -> 5000 × 1.5.
    assert amounts == {
        (agent1.uid, "agent"): (2, 2400.0),
        (agent2.uid, "agent"): (0, 0.0),
        (manager.uid, "manager"): (3, 7500.0),
    }
    ids = [row["id"] for row in rows]
    manager.call(statement, "action_review", ids)
    leader.call(statement, "action_approve", ids)
    own = agent1.call(
        statement, "search_read", [("id", "in", ids)], ["approval_state", "contract_ids"]
    )
    assert len(own) == 1 and own[0]["approval_state"] == "approved"
    assert signed[2] not in own[0]["contract_ids"], "the public contract is the department's"


def test_agents_see_only_approved_information(login):
    manager, leader, agent = login("manager"), login("leader"), login("agent1")
    info = create(
        manager,
        "leasing.info",
        {"name": f"Policy {random.randint(1, 10**9)}", "category": "policy"},
    )
    assert info not in agent.call("leasing.info", "search", [("id", "=", info)])
    manager.call("leasing.info", "action_request_approval", [info])
    leader.call("leasing.info", "action_approve", [info])
    assert agent.call("leasing.info", "search", [("id", "=", info)]) == [info]
