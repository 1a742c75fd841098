"""Malformed RPC calls get clear errors and change nothing."""

import re

import pytest
from odoo_client import OdooError

# Walk-ins are registered against today's rotation table.
pytestmark = pytest.mark.usefixtures("office_day")
COUNTED = ("crm.lead", "leasing.visit", "leasing.rotation.turn", "leasing.walkin.register")


def counts(client):
    return {model: client.call(model, "search_count", []) for model in COUNTED}


@pytest.fixture
def desk(login):
    return login("frontdesk")


@pytest.mark.parametrize(
    "vals, message",
    [
        ({}, "Enter the prospect's name or company."),
        (
            {"contact_name": "No phone"},
            "Enter the prospect's phone: it is how a returning visit is recognised.",
        ),
        (
            {"contact_name": "Wrong card", "phone": "13900000001", "card_user_id": 1},
            (
                "OdooBot is not a leasing agent: only a leasing agent's card or flyer gives "
                "the credit."
            ),
        ),
        (
            {
                "contact_name": "Both",
                "phone": "13900000002",
                "overflow": True,
                "leadership_referral": True,
            },
            "A prospect is either a leadership referral or an overflow, not both.",
        ),
    ],
)
def test_bad_walkin_is_refused_and_changes_nothing(desk, vals, message):
    wizard = desk.call("leasing.walkin.register", "create", [vals])[0]
    before = counts(desk)
    with pytest.raises(OdooError) as error:
        desk.call("leasing.walkin.register", "action_register", [wizard])
    assert (error.value.name, error.value.message) == ("odoo.exceptions.ValidationError", message)
    assert counts(desk) == before
    fields = ["lead_id", "visit_id", "explanation"]
    assert desk.read_one("leasing.walkin.register", wizard, fields) == {
        "id": wizard,
        "lead_id": False,
        "visit_id": False,
        "explanation": False,
    }


@pytest.mark.parametrize(
    "vals, error_name, message",
    [
        (
            {"contact_name": ["not", "a", "string"], "phone": "13900000003"},
            "odoo.exceptions.ValidationError",
            r"^Contact Name must be text\.$",
        ),
        (
            # The database refuses the text where an id belongs (no clear message yet).
            {"contact_name": "Bad card", "phone": "13900000004", "card_user_id": "agent1"},
            "psycopg2.errors.InvalidTextRepresentation",
            r'^invalid input syntax for type integer: "agent1"',
        ),
        (
            {"contact_name": "Bad flag", "phone": "13900000005", "no_such_field": True},
            "builtins.ValueError",
            r"^Invalid field 'no_such_field' in 'leasing\.walkin\.register'$",
        ),
    ],
)
def test_wrong_types_and_unknown_fields_are_refused(desk, vals, error_name, message):
    before = counts(desk)
    with pytest.raises(OdooError) as error:
        desk.call("leasing.walkin.register", "create", [vals])
    assert error.value.name == error_name
    assert re.search(message, error.value.message), error.value.message
    assert counts(desk) == before


def test_unknown_selection_key_is_refused(login):
    manager = login("manager")
    plans = manager.call("leasing.target.plan", "search_count", [])
    with pytest.raises(OdooError) as error:
        manager.call(
            "leasing.target.plan", "create", [{"date_from": "2199-01-01", "period_type": "year"}]
        )
    assert (error.value.name, error.value.message) == (
        "builtins.ValueError",
        "Wrong value for leasing.target.plan.period_type: 'year'",
    )
    assert manager.call("leasing.target.plan", "search_count", []) == plans


def test_injection_looking_text_is_stored_as_text(desk, phone):
    number = phone()
    name = f"x'); DROP TABLE crm_lead; -- {number}"
    leads = desk.call("crm.lead", "search_count", [])
    vals = {"contact_name": name, "phone": number}
    wizard = desk.call("leasing.walkin.register", "create", [vals])[0]
    desk.call("leasing.walkin.register", "action_register", [wizard])
    lead_id = desk.read_one("leasing.walkin.register", wizard, ["lead_id"])["lead_id"][0]
    assert desk.read_one("crm.lead", lead_id, ["contact_name"])["contact_name"] == name
    assert desk.call("crm.lead", "search", [("contact_name", "=", name)]) == [lead_id]
    assert desk.call("crm.lead", "search_count", []) == leads + 1


def test_injection_in_a_domain_is_refused(desk):
    leads = desk.call("crm.lead", "search_count", [])
    field = "name); DROP TABLE crm_lead; --"
    with pytest.raises(OdooError) as error:
        desk.call("crm.lead", "search", [(field, "=", "x")])
    assert (error.value.name, error.value.message) == (
        "builtins.ValueError",
        f"Invalid field crm.lead.{field} in condition ('{field}', '=', 'x')",
    )
    assert desk.call("crm.lead", "search_count", []) == leads
