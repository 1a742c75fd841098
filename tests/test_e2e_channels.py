"""Source channels over JSON-RPC: registration in one screen, an agent's hand-made prospect,
an imported list waiting public for its first call, and the analysis by channel."""

import pytest
from odoo_client import OdooError

ALREADY_KNOWN = "already known to the office (already credited)"


@pytest.fixture
def desk(login):
    return login("frontdesk")


@pytest.fixture
def rotation(desk, office_day):
    line_ids = desk.read_one("leasing.rotation", office_day, ["line_ids"])["line_ids"]
    desk.call("leasing.rotation.line", "write", line_ids, {"available": True})
    return office_day


SOURCE_NAMES = {"exhibition": "展會", "agent_own": "招商員自拓", "phone": "來電諮詢"}


def source(client, name):
    """The office's UTM source (a data record with its Chinese name)."""
    return client.call("utm.source", "search", [("name", "=", SOURCE_NAMES[name])])[0]


def turns(desk, rotation):
    lines = desk.call(
        "leasing.rotation.line", "search_read", [("rotation_id", "=", rotation)], ["turn_count"]
    )
    return sum(line["turn_count"] for line in lines)


def test_frontdesk_registers_in_one_screen_with_a_preview(desk, rotation, phone):
    exhibition = source(desk, "exhibition")
    number = phone()
    wizard = desk.call(
        "leasing.walkin.register",
        "create",
        [
            {
                "contact_name": "One screen",
                "partner_name": f"Fair Tea {number}",
                "phone": number,
                "business_type": "Tea",
                "desired_area": 80.0,
                "source_id": exhibition,
            }
        ],
    )[0]
    taken = turns(desk, rotation)
    next_up = desk.read_one("leasing.rotation", rotation, ["next_user_id"])["next_user_id"]
    preview = desk.read_one("leasing.walkin.register", wizard, ["preview"])["preview"]
    assert preview.startswith(next_up[1])
    assert turns(desk, rotation) == taken, "the preview takes no turn"

    action = desk.call("leasing.walkin.register", "action_register_next", [wizard])
    assert action["res_model"] == "leasing.walkin.register" and "res_id" not in action
    assert action["context"]["default_last_result"].startswith(f"Fair Tea {number}")
    done = desk.read_one("leasing.walkin.register", wizard, ["visit_id", "lead_id"])
    visit = desk.read_one(
        "leasing.visit",
        done["visit_id"][0],
        ["source_id", "channel", "business_type", "desired_area", "credited_user_id"],
    )
    assert (visit["source_id"][0], visit["channel"]) == (exhibition, "walk_in")
    assert (visit["business_type"], visit["desired_area"]) == ("Tea", 80.0)
    assert visit["credited_user_id"] == next_up
    lead = desk.read_one("crm.lead", done["lead_id"][0], ["source_id"])
    assert lead["source_id"][0] == exhibition

    # The contact's source is the engine's to write, for everyone.
    with pytest.raises(OdooError) as error:
        desk.call("leasing.visit", "write", [done["visit_id"][0]], {"source_id": False})
    assert "can only be changed by the form's own buttons" in error.value.message

    # Leadership reads the visits by channel and source.
    groups = desk.call(
        "leasing.visit.report",
        "formatted_read_group",
        [("source_id", "=", exhibition)],
        ["channel"],
        ["visit_count:sum"],
    )
    assert any(g["channel"] == "walk_in" and g["visit_count:sum"] >= 1 for g in groups)


def test_agent_hand_made_prospect_is_filed_and_a_duplicate_refused(login, rotation, phone):
    desk, agent, other = login("frontdesk"), login("agent2"), login("agent3")
    agent2 = agent.uid
    number = phone()
    lead_id = agent.call("crm.lead", "create", [{"name": f"Found {number}", "phone": number}])[0]
    lead = agent.read_one(
        "crm.lead", lead_id, ["attribution_type", "attributed_user_id", "source_id"]
    )
    assert (lead["attribution_type"], lead["attributed_user_id"][0]) == ("filed", agent2)
    assert lead["source_id"][0] == source(agent, "agent_own")
    filings = agent.call(
        "leasing.prospect.filing", "search_read", [("lead_id", "=", lead_id)], ["state"]
    )
    assert [f["state"] for f in filings] == ["protected"]

    # Another agent typing the same merchant is refused and learns nothing; nothing is created.
    count = desk.call("crm.lead", "search_count", [])
    with pytest.raises(OdooError) as error:
        other.call("crm.lead", "create", [{"name": "Mine", "phone": f"+86 {number}"}])
    assert ALREADY_KNOWN in error.value.message and "agent2" not in error.value.message
    assert desk.call("crm.lead", "search_count", []) == count

    # It calls: the filing agent, no turn.
    taken = turns(desk, rotation)
    call = desk.call(
        "leasing.phone.inquiry", "create", [{"contact_name": "Calls", "phone": number}]
    )[0]
    desk.call("leasing.phone.inquiry", "action_log_call", [call])
    logged = desk.read_one("leasing.phone.inquiry", call, ["credited_user_id", "lead_id"])
    assert (logged["credited_user_id"][0], logged["lead_id"][0]) == (agent2, lead_id)
    assert turns(desk, rotation) == taken


def test_imported_prospect_waits_public_until_its_first_call(login, rotation, phone):
    desk, agent = login("frontdesk"), login("agent1")
    number = phone()
    name = f"Listed {number}"
    result = agent.call(
        "crm.lead", "load", ["name", "phone"], [[name, number]], context={"import_file": True}
    )
    assert not result["messages"], result["messages"]
    lead_id = result["ids"][0]
    lead = desk.read_one("crm.lead", lead_id, ["attribution_type", "is_public", "user_id"])
    assert (lead["attribution_type"], lead["is_public"], lead["user_id"]) == ("public", True, False)

    expected = desk.read_one("leasing.rotation", rotation, ["next_user_id"])["next_user_id"][0]
    call = desk.call(
        "leasing.phone.inquiry", "create", [{"contact_name": "First call", "phone": number}]
    )[0]
    action = desk.call("leasing.phone.inquiry", "action_log_call", [call])
    assert action["name"] == f"Phone Inquiry Logged: {name}"
    logged = desk.read_one(
        "leasing.phone.inquiry", call, ["credited_user_id", "lead_id", "visit_id"]
    )
    assert (logged["lead_id"][0], logged["credited_user_id"][0]) == (lead_id, expected)
    visit = desk.read_one("leasing.visit", logged["visit_id"][0], ["source_id"])
    assert visit["source_id"][0] == source(desk, "phone")
