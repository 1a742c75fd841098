"""Malformed RPC calls get clear errors and change nothing."""

import pytest
from odoo_client import OdooError


def counts(client):
    return {
        model: client.call(model, "search_count", [])
        for model in ("crm.lead", "leasing.visit", "leasing.rotation.turn")
    }


@pytest.fixture
def desk(login):
    return login("frontdesk")


@pytest.mark.parametrize(
    "vals, message",
    [
        ({}, "name or company"),
        ({"contact_name": "No phone"}, "phone"),
        (
            {"contact_name": "Wrong card", "phone": "13900000001", "card_user_id": 1},
            "leasing agent",
        ),
        (
            {
                "contact_name": "Both",
                "phone": "13900000002",
                "overflow": True,
                "leadership_referral": True,
            },
            "not both",
        ),
    ],
)
def test_bad_walkin_is_refused_and_changes_nothing(desk, vals, message):
    before = counts(desk)
    wizard = desk.call("leasing.walkin.register", "create", [vals])[0]
    with pytest.raises(OdooError, match=message):
        desk.call("leasing.walkin.register", "action_register", [wizard])
    assert counts(desk) == before


@pytest.mark.parametrize(
    "vals",
    [
        {"contact_name": ["not", "a", "string"], "phone": "13900000003"},
        {"contact_name": "Bad card", "phone": "13900000004", "card_user_id": "agent1"},
        {"contact_name": "Bad flag", "phone": "13900000005", "no_such_field": True},
    ],
)
def test_wrong_types_and_unknown_fields_are_refused(desk, vals):
    before = counts(desk)
    with pytest.raises(OdooError):
        wizard = desk.call("leasing.walkin.register", "create", [vals])[0]
        desk.call("leasing.walkin.register", "action_register", [wizard])
    assert counts(desk) == before


def test_unknown_selection_key_is_refused(login):
    manager = login("manager")
    with pytest.raises(OdooError, match="Wrong value|not a valid|selection"):
        manager.call(
            "leasing.target.plan", "create", [{"date_from": "2199-01-01", "period_type": "year"}]
        )


def test_injection_looking_text_is_stored_as_text(desk, phone):
    name = "x'); DROP TABLE crm_lead; --"
    wizard = desk.call(
        "leasing.walkin.register", "create", [{"contact_name": name, "phone": phone()}]
    )[0]
    desk.call("leasing.walkin.register", "action_register", [wizard])
    lead_id = desk.read_one("leasing.walkin.register", wizard, ["lead_id"])["lead_id"][0]
    assert desk.read_one("crm.lead", lead_id, ["contact_name"])["contact_name"] == name
    assert desk.call("crm.lead", "search_count", [("contact_name", "=", name)]) >= 1


def test_injection_in_a_domain_is_refused(desk):
    with pytest.raises(OdooError):
        desk.call("crm.lead", "search", [("name); DROP TABLE crm_lead; --", "=", "x")])
    assert desk.call("crm.lead", "search_count", []) >= 0
