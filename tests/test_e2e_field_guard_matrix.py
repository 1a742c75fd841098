"""Every stored field of both addons, every demo role, over JSON-RPC: who may set it.

The field list comes from the server (``ir.model.fields`` of the two addons, with
``fields_get`` types), never from a hand list: a field added tomorrow that the policy below
does not mention fails ``test_policy_names_every_field``. For each guarded field every role
(administrator included) is refused on ``create`` and on ``write`` with the guard's message
and the record is unchanged; an open field is never refused by the guard.
One2many fields are left out: they are the lines' own models, which are in the matrix.
"""

import pytest
from odoo_client import OdooError

ROLES = ("frontdesk", "agent1", "manager", "leader", "keyaccount", "admin")
GUARD_MESSAGE = "can only be changed by the form's own buttons"
ATTRIBUTION_MESSAGE = "Attribution cannot be edited directly"

# fmt: off
# model: (guarded fields: only the model's actions write them, open fields)
POLICY = {
}
# fmt: on

SKIPPED_TYPES = {"one2many"}


@pytest.fixture(scope="module")
def admin(login):
    return login("admin")


@pytest.fixture(scope="module")
def server_fields(admin):
    """{model: {field: type}} for every stored field our addons define on a stored model."""
    models = admin.call(
        "ir.model",
        "search_read",
        [("transient", "=", False)],
        ["model", "modules"],
    )
    ours = [
        m["model"]
        for m in models
        if "leasing_office" in (m["modules"] or "") or m["model"] == "crm.lead"
    ]
    result = {}
    for model in ours:
        rows = admin.call(
            "ir.model.fields",
            "search_read",
            [("model", "=", model), ("store", "=", True)],
            ["name", "ttype", "modules"],
        )
        owned = {
            row["name"]: row["ttype"]
            for row in rows
            if "leasing_office" in (row["modules"] or "")
            and row["ttype"] not in SKIPPED_TYPES
            and row["name"] not in ("id", "create_uid", "create_date", "write_uid", "write_date")
        }
        if model == "crm.lead":
            owned.update(user_id="many2one", team_id="many2one")
        if owned:
            result[model] = owned
    return result


def test_policy_names_every_field(server_fields):
    missing = {
        model: sorted(
            set(fields) - set(POLICY.get(model, ((), ()))[0]) - set(POLICY.get(model, ((), ()))[1])
        )
        for model, fields in server_fields.items()
    }
    missing = {model: names for model, names in missing.items() if names}
    assert not missing, f"fields the policy does not mention: {missing}"
    stale = {
        model: sorted((set(guarded) | set(open_)) - set(server_fields.get(model, {})))
        for model, (guarded, open_) in POLICY.items()
    }
    assert not {m: n for m, n in stale.items() if n}, f"policy names unknown fields: {stale}"


def _plausible(admin, model, field, field_type, cache={}):  # noqa: B006 (per-run cache)
    if field_type in ("char", "text", "html"):
        return "forged"
    if field_type == "integer":
        return 3
    if field_type in ("float", "monetary"):
        return 3.0
    if field_type == "boolean":
        return True
    if field_type == "date":
        return "2020-01-02"
    if field_type == "datetime":
        return "2020-01-02 03:04:05"
    info = cache.get((model, field))
    if info is None:
        info = cache[(model, field)] = admin.call(
            model, "fields_get", [field], attributes=["relation", "selection"]
        )[field]
    if field_type == "selection":
        return info["selection"][-1][0]
    relation = info["relation"]
    if relation == "res.users":
        ids = admin.call("res.users", "search", [("login", "=", "agent2")])
    else:
        ids = admin.call(relation, "search", [], limit=1, order="id desc")
    assert ids, f"no {relation} to point {model}.{field} at"
    return ids[0] if field_type == "many2one" else [(6, 0, ids)]


def _guarded_cases():
    for model, (guarded, _open) in POLICY.items():
        for field in guarded:
            yield model, field


@pytest.mark.parametrize("model,field", list(_guarded_cases()))
def test_guarded_field_refused_for_every_role(login, admin, server_fields, model, field):
    field_type = server_fields[model][field]
    value = _plausible(admin, model, field, field_type)
    expected = (
        ATTRIBUTION_MESSAGE
        if model == "crm.lead"
        and field
        in (
            "attribution_type",
            "attributed_user_id",
            "user_id",
            "is_public",
            "key_account_transferred",
        )
        else GUARD_MESSAGE
    )
    record_ids = admin.call(model, "search", [], limit=1, order="id desc")
    before_count = admin.call(model, "search_count", [])
    before = admin.call(model, "read", record_ids, [field]) if record_ids else []
    for role in ROLES:
        client = login(role)
        with pytest.raises(OdooError) as created:
            client.call(model, "create", [{field: value}])
        assert expected in created.value.message, (role, "create", created.value.message)
        with pytest.raises(OdooError) as written:
            client.call(model, "write", record_ids, {field: value})
        # A role without write access may be stopped by the ACL first; never let it through.
        if role in ("manager", "leader", "admin") or record_ids == []:
            assert expected in written.value.message, (role, "write", written.value.message)
    assert admin.call(model, "search_count", []) == before_count
    assert (admin.call(model, "read", record_ids, [field]) if record_ids else []) == before


def _open_cases():
    for model, (_guarded, open_) in POLICY.items():
        for field in open_:
            yield model, field


@pytest.mark.parametrize("model,field", list(_open_cases()))
def test_open_field_not_refused_by_the_guard(login, admin, server_fields, model, field):
    value = _plausible(admin, model, field, server_fields[model][field])
    before_count = admin.call(model, "search_count", [])
    try:
        login("manager").call(model, "create", [{field: value}])
    except OdooError as error:  # required fields missing, ACL, a business rule: not the guard
        assert GUARD_MESSAGE not in error.message and ATTRIBUTION_MESSAGE not in error.message
    else:
        assert admin.call(model, "search_count", []) == before_count + 1
