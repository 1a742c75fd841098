"""Front desk registers a morning of walk-ins over JSON-RPC; each credit follows the rules."""

import pytest
from odoo_client import OdooError

LEAD_FIELDS = ["attribution_type", "attributed_user_id", "is_public", "visit_count"]
ATTRIBUTION_LOCKED = (
    "Attribution cannot be edited directly. The leasing manager changes it with "
    "'Change Attribution' (a written reason is required); agents raise a dispute."
)


@pytest.fixture
def desk(login):
    return login("frontdesk")


@pytest.fixture
def rotation(desk, office_day):
    """Today's table with every agent made available (a front-desk action)."""
    rotation = office_day
    line_ids = desk.read_one("leasing.rotation", rotation, ["line_ids"])["line_ids"]
    assert line_ids, "today's rotation table lists no agent"
    desk.call("leasing.rotation.line", "write", line_ids, {"available": True})
    return rotation


def register(desk, **vals):
    wizard_id = desk.call("leasing.walkin.register", "create", [vals])[0]
    desk.call("leasing.walkin.register", "action_register", [wizard_id])
    wizard = desk.read_one(
        "leasing.walkin.register", wizard_id, ["lead_id", "visit_id", "explanation"]
    )
    lead = desk.read_one("crm.lead", wizard["lead_id"][0], LEAD_FIELDS)
    return wizard, lead


def user_id(client, login):
    return client.call("res.users", "search", [("login", "=", login)])[0]


def next_user(desk, rotation):
    return desk.read_one("leasing.rotation", rotation, ["next_user_id"])["next_user_id"][0]


def turns(desk, rotation):
    lines = desk.call(
        "leasing.rotation.line", "search_read", [("rotation_id", "=", rotation)], ["turn_count"]
    )
    return sum(line["turn_count"] for line in lines)


def test_frontdesk_registers_a_morning_of_walk_ins(desk, rotation, phone):
    first_phone = phone()

    # First-time walk-ins take turns from the rotation table.
    expected = next_user(desk, rotation)
    first, lead = register(desk, contact_name="Wang (first visit)", phone=first_phone)
    assert lead["attribution_type"] == "rotation"
    assert lead["attributed_user_id"][0] == expected
    assert lead["visit_count"] == 1 and not lead["is_public"]
    assert first["explanation"].startswith(lead["attributed_user_id"][1])

    expected = next_user(desk, rotation)
    assert expected != lead["attributed_user_id"][0], "the next turn goes to the next agent"
    _second, lead2 = register(desk, contact_name="Li (first visit)", phone=phone())
    assert (lead2["attribution_type"], lead2["attributed_user_id"][0]) == ("rotation", expected)

    # A card holder goes to the card's agent without using a turn.
    taken = turns(desk, rotation)
    agent3 = user_id(desk, "agent3")
    _card, card_lead = register(
        desk, contact_name="Zhao (card)", phone=phone(), card_user_id=agent3
    )
    assert (card_lead["attribution_type"], card_lead["attributed_user_id"][0]) == ("card", agent3)
    assert turns(desk, rotation) == taken

    # The first prospect comes back, phone typed differently: same agent, no turn.
    formatted = f"+86 {first_phone[:3]}-{first_phone[3:7]}-{first_phone[7:]}"
    again, again_lead = register(desk, contact_name="Wang again", phone=formatted)
    assert again["lead_id"][0] == first["lead_id"][0]
    assert again_lead["attributed_user_id"] == lead["attributed_user_id"]
    assert again_lead["visit_count"] == 2
    assert turns(desk, rotation) == taken

    # Nobody could receive: front desk receives for the public pool.
    _overflow, public = register(
        desk,
        contact_name="Sun (overflow)",
        phone=phone(),
        overflow=True,
        overflow_reason="Busy floor",
    )
    assert public["attribution_type"] == "public"
    assert public["is_public"] and not public["attributed_user_id"]

    # First contact through leadership: public as well.
    _referral, referral = register(
        desk, contact_name="Qian (leadership)", phone=phone(), leadership_referral=True
    )
    assert referral["attribution_type"] == "leadership"
    assert referral["is_public"] and not referral["attributed_user_id"]
    assert turns(desk, rotation) == taken


def test_agent_cannot_change_attribution(login, rotation, phone):
    desk, agent = login("frontdesk"), login("agent1")
    agent1 = user_id(desk, "agent1")
    _wizard, _lead = register(desk, contact_name="Card holder", phone=phone(), card_user_id=agent1)
    lead_id = _wizard["lead_id"][0]
    with pytest.raises(OdooError) as error:
        agent.call("crm.lead", "write", [lead_id], {"attributed_user_id": user_id(desk, "agent2")})
    assert (error.value.name, error.value.message) == (
        "odoo.exceptions.AccessError",
        ATTRIBUTION_LOCKED,
    )
    lead = desk.read_one("crm.lead", lead_id, ["attributed_user_id", "attribution_type"])
    assert (lead["attributed_user_id"][0], lead["attribution_type"]) == (agent1, "card")


def test_registering_without_phone_is_refused(desk, rotation):
    visits = desk.call("leasing.visit", "search_count", [])
    taken = turns(desk, rotation)
    with pytest.raises(OdooError) as error:
        register(desk, contact_name="No phone")
    assert (error.value.name, error.value.message) == (
        "odoo.exceptions.ValidationError",
        "Enter the prospect's phone: it is how a returning visit is recognised.",
    )
    assert desk.call("leasing.visit", "search_count", []) == visits
    assert turns(desk, rotation) == taken


def test_filed_prospect_walks_in_and_calls_to_its_agent(login, rotation, phone):
    """An agent's own prospect (客戶報備) walks in, then calls: the agent, no turn used."""
    desk, agent = login("frontdesk"), login("agent3")
    agent3 = user_id(desk, "agent3")
    number = phone()
    filing = agent.call(
        "leasing.prospect.filing", "create", [{"contact_name": f"Own {number}", "phone": number}]
    )[0]
    agent.call("leasing.prospect.filing", "action_file", [filing])
    state = agent.read_one("leasing.prospect.filing", filing, ["state", "lead_id"])
    assert state["state"] == "protected"

    taken = turns(desk, rotation)
    walk_in, lead = register(desk, contact_name="Own prospect walks in", phone=number)
    assert walk_in["lead_id"][0] == state["lead_id"][0]
    assert (lead["attribution_type"], lead["attributed_user_id"][0]) == ("filed", agent3)

    call = desk.call(
        "leasing.phone.inquiry", "create", [{"contact_name": "Calls back", "phone": number}]
    )[0]
    desk.call("leasing.phone.inquiry", "action_log_call", [call])
    logged = desk.read_one("leasing.phone.inquiry", call, ["visit_id", "credited_user_id"])
    assert logged["credited_user_id"][0] == agent3
    visit = desk.read_one("leasing.visit", logged["visit_id"][0], ["channel", "visit_kind"])
    assert visit == {"id": logged["visit_id"][0], "channel": "phone", "visit_kind": "returning"}
    assert turns(desk, rotation) == taken

    # Another agent cannot file it again, and learns nothing about it.
    other = login("agent2")
    again = other.call(
        "leasing.prospect.filing", "create", [{"contact_name": "Mine too", "phone": number}]
    )[0]
    with pytest.raises(OdooError) as error:
        other.call("leasing.prospect.filing", "action_file", [again])
    assert "already known to the office" in error.value.message
    assert "agent3" not in error.value.message


def test_first_time_caller_takes_a_turn(desk, rotation, phone):
    expected = next_user(desk, rotation)
    taken = turns(desk, rotation)
    call = desk.call(
        "leasing.phone.inquiry", "create", [{"contact_name": "First call", "phone": phone()}]
    )[0]
    desk.call("leasing.phone.inquiry", "action_log_call", [call])
    logged = desk.read_one("leasing.phone.inquiry", call, ["credited_user_id", "visit_id"])
    assert logged["credited_user_id"][0] == expected
    assert turns(desk, rotation) == taken + 1
