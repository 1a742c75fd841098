"""CRM keeps working with our addons installed, over JSON-RPC.

A plain salesperson (no leasing role) creates, opens, edits, wins and loses leads of their
own as in stock Odoo; a leasing agent does the same on a prospect credited to them, within
the office's rules: attribution is never written directly and the public pool is read-only.
"""

import random

import pytest
from conftest import ODOO_DB, ODOO_URL
from odoo_client import OdooClient, OdooError
from test_e2e_walk_in_rotation import register, user_id

LEASING_RELATIONS = {"visit_ids", "info_sent_ids", "call_log_ids", "attribution_log_ids"}


@pytest.fixture
def desk(login):
    """Front desk, with the rotation table of the office's today (card holders and the
    public pool need the table, not a turn)."""
    client = login("frontdesk")
    client.call("leasing.rotation", "action_new_for_today")
    return client


def xmlid(client, module, name):
    data = client.call(
        "ir.model.data", "search_read", [("module", "=", module), ("name", "=", name)], ["res_id"]
    )
    return data[0]["res_id"]


@pytest.fixture(scope="module")
def salesperson(login):
    """A new internal user in Sales / User: Own Documents Only, created by admin."""
    admin = login("admin")
    name = f"e2e_sales_{random.randint(100_000, 999_999)}"
    groups = [xmlid(admin, "base", "group_user"), xmlid(admin, "sales_team", "group_sale_salesman")]
    admin.call(
        "res.users",
        "create",
        [{"name": name, "login": name, "password": name, "group_ids": [(6, 0, groups)]}],
    )
    return OdooClient(ODOO_URL, ODOO_DB, name, name)


def open_form(client, lead_id):
    """Open a lead as the web client does: the form's fields as get_views gives them to this
    user, read, then web_read with the display name of every relation."""
    views = client.call("crm.lead", "get_views", [[False, "form"]])
    fields = views["models"]["crm.lead"]["fields"]
    record = client.call("crm.lead", "read", [lead_id], list(fields))[0]
    spec = {
        name: {"fields": {"display_name": {}}} if field.get("relation") else {}
        for name, field in fields.items()
    }
    assert client.call("crm.lead", "web_read", [lead_id], spec)[0]["id"] == lead_id
    return fields, record


def win(client, lead_id):
    client.call("crm.lead", "action_set_won_rainbowman", [lead_id])
    lead = client.read_one("crm.lead", lead_id, ["stage_id", "won_status"])
    stage = client.read_one("crm.stage", lead["stage_id"][0], ["is_won"])
    return stage["is_won"], lead["won_status"]


def lose(client, lead_id):
    reason = client.call("crm.lost.reason", "search", [], limit=1)[0]
    wizard = client.call(
        "crm.lead.lost", "create", [{"lead_ids": [(6, 0, [lead_id])], "lost_reason_id": reason}]
    )[0]
    client.call("crm.lead.lost", "action_lost_reason_apply", [wizard])
    lead = client.read_one("crm.lead", lead_id, ["active", "won_status", "lost_reason_id"])
    return lead["active"], lead["won_status"], lead["lost_reason_id"][0] == reason


def test_salesperson_works_own_leads_as_in_stock_crm(salesperson):
    won_id, lost_id = salesperson.call(
        "crm.lead",
        "create",
        [{"name": "E2E lead to win", "type": "opportunity"}, {"name": "E2E lead to lose"}],
    )
    fields, record = open_form(salesperson, won_id)
    assert not LEASING_RELATIONS & set(fields)
    assert {"tag_ids", "team_id", "stage_id", "partner_id"} <= set(fields)
    assert record["user_id"][0] == salesperson.uid
    salesperson.call(
        "crm.lead", "activity_schedule", [won_id], "mail.mail_activity_data_todo", summary="Call"
    )
    activities = salesperson.read_one("crm.lead", won_id, ["activity_ids"])["activity_ids"]
    assert len(activities) == 1

    tag = salesperson.call("crm.tag", "create", [{"name": f"E2E {salesperson.login}"}])[0]
    salesperson.call(
        "crm.lead", "write", [won_id], {"expected_revenue": 4200, "tag_ids": [(4, tag)]}
    )
    edited = salesperson.read_one("crm.lead", won_id, ["expected_revenue", "tag_ids"])
    assert (edited["expected_revenue"], edited["tag_ids"]) == (4200, [tag])

    assert win(salesperson, won_id) == (True, "won")
    assert lose(salesperson, lost_id) == (False, "lost", True)
    open_form(salesperson, lost_id)


def test_salesperson_cannot_read_the_offices_fields(salesperson):
    lead_id = salesperson.call("crm.lead", "create", [{"name": "E2E no visits"}])[0]
    with pytest.raises(OdooError, match="AccessError"):
        salesperson.call("crm.lead", "read", [lead_id], ["visit_ids"])


def test_agent_works_own_prospect_within_the_offices_rules(login, desk, phone):
    agent = login("agent1")
    agent1 = user_id(desk, "agent1")
    to_win, _ = register(desk, contact_name="E2E agent win", phone=phone(), card_user_id=agent1)
    to_lose, _ = register(desk, contact_name="E2E agent lose", phone=phone(), card_user_id=agent1)
    won_id, lost_id = to_win["lead_id"][0], to_lose["lead_id"][0]

    fields, record = open_form(agent, won_id)
    assert {"visit_ids", "info_sent_ids", "tag_ids"} <= set(fields)
    assert (record["attribution_type"], record["attributed_user_id"][0]) == ("card", agent1)
    assert len(record["visit_ids"]) == 1

    tag = agent.call("crm.tag", "create", [{"name": f"E2E agent {phone()}"}])[0]
    agent.call(
        "crm.lead",
        "write",
        [won_id],
        {"expected_revenue": 8800, "prospect_class": "a", "tag_ids": [(4, tag)]},
    )
    # Front desk reads every prospect, its tags included.
    assert open_form(desk, won_id)[1]["tag_ids"] == [tag]
    with pytest.raises(OdooError, match="Attribution cannot be edited directly"):
        agent.call("crm.lead", "write", [won_id], {"attributed_user_id": user_id(desk, "agent2")})
    lead = agent.read_one("crm.lead", won_id, ["expected_revenue", "attributed_user_id"])
    assert (lead["expected_revenue"], lead["attributed_user_id"][0]) == (8800, agent1)

    assert win(agent, won_id) == (True, "won")
    assert lose(agent, lost_id) == (False, "lost", True)
    assert agent.read_one("crm.lead", won_id, ["attributed_user_id"])["attributed_user_id"][0] == (
        agent1
    )


def test_agent_opens_public_prospect_but_cannot_change_it(login, desk, phone):
    agent = login("agent1")
    wizard, lead = register(
        desk, contact_name="E2E pool", phone=phone(), overflow=True, overflow_reason="Busy floor"
    )
    lead_id = wizard["lead_id"][0]
    assert lead["is_public"]
    open_form(agent, lead_id)
    for method, args in (
        ("write", [{"expected_revenue": 1}]),
        ("action_set_won_rainbowman", []),
    ):
        with pytest.raises(OdooError, match="read-only"):
            agent.call("crm.lead", method, [lead_id], *args)
    with pytest.raises(OdooError, match="read-only"):
        lose(agent, lead_id)
    after = agent.read_one("crm.lead", lead_id, ["active", "won_status", "expected_revenue"])
    assert (after["active"], after["won_status"], after["expected_revenue"]) == (
        True,
        "pending",
        0,
    )
