"""A day in the office over JSON-RPC: walk-ins, forms, a contract, a field visit, compliance."""

import datetime
import random
import zoneinfo

import pytest
from conftest import office_today
from odoo_client import OdooError
from test_e2e_walk_in_rotation import register

# Walk-ins are registered against today's rotation table.
pytestmark = pytest.mark.usefixtures("office_day")
OFFICE_TZ = zoneinfo.ZoneInfo("Asia/Shanghai")


def today():
    """The office's day (its forms and checks are dated in Shanghai time, not the server's)."""
    return office_today().isoformat()


def create(client, model, vals):
    return client.call(model, "create", [vals])[0]


@pytest.fixture
def unit(login):
    """A fresh unit (the manager keeps the inventory)."""
    code = f"E2E-{random.randint(100000, 999999)}"
    return create(login("manager"), "leasing.unit", {"code": code, "floor": "1", "zone": "E2E"})


def test_a_day_in_the_office(login, phone, unit):
    desk, agent, manager = login("frontdesk"), login("agent1"), login("manager")
    agent1 = agent.uid

    # Morning: a walk-in holding agent1's card, then the agent's visitor registration.
    wizard, lead = register(desk, contact_name="Day prospect", phone=phone(), card_user_id=agent1)
    lead_id = wizard["lead_id"][0]
    assert lead["attributed_user_id"][0] == agent1
    registration = create(
        agent,
        "leasing.visitor.registration",
        {
            "lead_id": lead_id,
            "visit_id": wizard["visit_id"][0],
            "business_type": "Tea house",
            "desired_area": 120,
            "needs": "Corner unit on floor 1",
        },
    )
    agent.call("leasing.visitor.registration", "action_submit", [registration])
    form = agent.read_one(
        "leasing.visitor.registration", registration, ["compliance", "is_complete"]
    )
    assert form == {"id": registration, "compliance": "on_time", "is_complete": True}

    # A follow-up plan with a fixed date (one plan per agent and day: a day of this run's
    # own, so runs never collide), and a call logged in one click.
    plan_day = datetime.date(2100 + random.randint(0, 800), random.randint(1, 12), 1).isoformat()
    plan = create(
        agent,
        "leasing.followup.plan",
        {
            "plan_date": plan_day,
            "line_ids": [
                (
                    0,
                    0,
                    {"lead_id": lead_id, "planned_date": plan_day, "purpose": "Send rent standard"},
                )
            ],
        },
    )
    agent.call("leasing.followup.plan", "action_submit", [plan])
    agent.call("crm.lead", "action_log_call", [lead_id])

    # The prospect pays a deposit: signing plan, claim, contract form issued, contract signed.
    signing = create(
        agent,
        "leasing.signing.plan",
        {
            "lead_id": lead_id,
            "deposit_amount": 5000,
            "deposit_date": today(),
            "receipt_number": "R-E2E",
            "unit_ids": [(6, 0, [unit])],
            "planned_signing_date": today(),
        },
    )
    agent.call("leasing.signing.plan", "action_submit", [signing])
    number = f"HT-E2E-{random.randint(100000, 999999)}"
    claim = create(
        agent,
        "leasing.contract.claim",
        {"contract_number": number, "lead_id": lead_id, "unit_id": unit},
    )
    agent.call("leasing.contract.claim", "action_submit", [claim])
    desk.call("leasing.contract.claim", "action_issue", [claim])
    create(
        desk,
        "leasing.contract",
        {"contract_number": number, "lead_id": lead_id, "unit_id": unit, "claim_id": claim},
    )
    assert desk.read_one("leasing.contract.claim", claim, ["state"])["state"] == "signed"
    assert manager.read_one("leasing.unit", unit, ["state"])["state"] == "signed"

    # Afternoon: a field-visit plan approved by the manager, its log reviewed.
    field_plan = create(
        agent,
        "leasing.field.visit.plan",
        {
            "line_ids": [(0, 0, {"lead_id": lead_id, "purpose": "Measure the shop"})],
        },
    )
    agent.call("leasing.field.visit.plan", "action_submit", [field_plan])
    manager.call("leasing.field.visit.plan", "action_approve", [field_plan])
    log = create(agent, "leasing.field.visit.log", {"plan_id": field_plan})
    line_ids = agent.read_one("leasing.field.visit.log", log, ["line_ids"])["line_ids"]
    agent.call(
        "leasing.field.visit.log.line", "write", line_ids, {"outcome": "Measured; wants 2 units"}
    )
    agent.call("leasing.field.visit.log", "action_submit", [log])
    manager.call("leasing.field.visit.log", "action_approve", [log])
    reviewed = manager.read_one(
        "leasing.field.visit.log", log, ["approval_state", "approver_id", "compliance"]
    )
    assert reviewed["approval_state"] == "approved" and reviewed["approver_id"][0] == manager.uid
    assert reviewed["compliance"] == "on_time"
    assert manager.read_one("crm.lead", lead_id, ["field_visit_count"])["field_visit_count"] == 1

    # Evening: the day's reconciliation and the compliance figures the day produced.
    rec_ids = desk.call("leasing.contract.reconciliation", "search", [("date", "=", today())])
    rec = (
        rec_ids[0]
        if rec_ids
        else create(desk, "leasing.contract.reconciliation", {"date": today()})
    )
    desk.call("leasing.contract.reconciliation", "action_reconcile", [rec])
    mismatches = desk.call(
        "leasing.contract.reconciliation.line",
        "search_read",
        [("reconciliation_id", "=", rec), ("claim_id", "=", claim)],
        ["kind"],
    )
    assert mismatches == []
    check = create(
        manager,
        "leasing.compliance.check",
        {"kind": "weekly", "date_from": today(), "date_to": today()},
    )
    items = manager.call(
        "leasing.compliance.check.item", "search_read", [("check_id", "=", check)], ["form_ref"]
    )
    mine = {
        f"leasing.visitor.registration,{registration}",
        f"leasing.followup.plan,{plan}",
        f"leasing.signing.plan,{signing}",
        f"leasing.contract.claim,{claim}",
        f"leasing.field.visit.plan,{field_plan}",
        f"leasing.field.visit.log,{log}",
    }
    # The signing plan is due by the end of the deposit day (18:00 in the office): late after.
    office_now = datetime.datetime.now(OFFICE_TZ)
    expected = set()
    if office_now.hour >= 18:
        expected = {f"leasing.signing.plan,{signing}"}
    assert mine & {item["form_ref"] for item in items} == expected


def _parse(value):
    return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")


def test_reception_times_and_expected_forms(login, phone):
    """The same discipline as the frozen week of TestOfficeDiscipline, on the live clock:
    stamped reception times, the registration owed from the moment the prospect left,
    a deposit that makes the signing plan owed, a signature waiting as an activity."""
    desk, agent, manager = login("frontdesk"), login("agent1"), login("manager")
    wizard, _lead = register(desk, contact_name="Reception", phone=phone(), card_user_id=agent.uid)
    visit, lead_id = wizard["visit_id"][0], wizard["lead_id"][0]
    stamps = ["arrived_at", "received_at", "left_at", "waiting_minutes", "registration_id"]
    assert desk.read_one("leasing.visit", visit, stamps)["arrived_at"]
    # Times are clicks, never typed; the agent receives, only front desk marks left.
    with pytest.raises(OdooError) as typed:
        desk.call("leasing.visit", "write", [visit], {"received_at": "2020-01-01 00:00:00"})
    assert "can only be changed by the form's own buttons" in typed.value.message
    agent.call("leasing.visit", "action_mark_received", [visit])
    with pytest.raises(OdooError) as refused:
        agent.call("leasing.visit", "action_mark_left", [visit])
    assert "Only front desk" in refused.value.message
    desk.call("leasing.visit", "action_mark_left", [visit])
    stamped = desk.read_one("leasing.visit", visit, stamps)
    assert stamped["received_at"] and stamped["left_at"] and stamped["waiting_minutes"] >= 0
    registration = stamped["registration_id"][0]
    form = agent.read_one(
        "leasing.visitor.registration",
        registration,
        ["user_id", "visit_end", "deadline", "lead_id", "compliance"],
    )
    assert form["user_id"][0] == agent.uid and form["lead_id"][0] == lead_id
    assert form["visit_end"] == stamped["left_at"]
    assert _parse(form["deadline"]) - _parse(stamped["left_at"]) == datetime.timedelta(minutes=30)
    with pytest.raises(OdooError) as moved:
        agent.call(
            "leasing.visitor.registration", "write", [registration], {"visit_end": form["deadline"]}
        )
    assert "can only be changed by the form's own buttons" in moved.value.message
    duty = agent.call(
        "leasing.obligation",
        "search_read",
        [
            ("kind", "=", "registration"),
            ("form_ref", "=", f"leasing.visitor.registration,{registration}"),
        ],
        ["user_id", "deadline", "state"],
    )
    assert [(d["user_id"][0], d["deadline"], d["state"]) for d in duty] == [
        (agent.uid, form["deadline"], "pending")
    ]

    # A deposit recorded at the desk: the signing plan is owed by agent1 today.
    with pytest.raises(OdooError) as not_desk:
        create(agent, "leasing.deposit", {"lead_id": lead_id, "amount": 100, "receipt_number": "X"})
    assert "records a deposit" in not_desk.value.message
    receipt = f"DEP-{random.randint(100000, 999999)}"
    deposit = create(
        desk, "leasing.deposit", {"lead_id": lead_id, "amount": 3000, "receipt_number": receipt}
    )
    recorded = desk.read_one("leasing.deposit", deposit, ["user_id", "deposit_date", "received_at"])
    assert recorded["user_id"][0] == agent.uid and recorded["deposit_date"] == today()
    owed = agent.call(
        "leasing.obligation",
        "search_read",
        [("kind", "=", "signing"), ("source_ref", "=", f"leasing.deposit,{deposit}")],
        ["user_id", "period_date", "activity_ids"],
    )
    assert len(owed) == 1 and owed[0]["period_date"] == today() and owed[0]["activity_ids"]
    # Agents see only what is expected of them, and cannot mark it done.
    others = agent.call("leasing.obligation", "search_count", [("user_id", "!=", agent.uid)])
    assert others == 0
    with pytest.raises(OdooError) as forged:
        agent.call("leasing.obligation", "write", [d["id"] for d in owed], {"state": "done"})
    assert "can only be changed by the form's own buttons" in forged.value.message

    # A signature waiting is an activity for the manager, closed by the decision.
    trip = create(
        agent,
        "leasing.field.visit.plan",
        {"line_ids": [(0, 0, {"lead_id": lead_id, "purpose": "See the warehouse"})]},
    )
    agent.call("leasing.field.visit.plan", "action_submit", [trip])
    waiting = [
        ("res_model", "=", "leasing.field.visit.plan"),
        ("res_id", "=", trip),
        ("user_id", "=", manager.uid),
    ]
    assert manager.call("mail.activity", "search_count", waiting) == 1
    manager.call("leasing.field.visit.plan", "action_approve", [trip])
    assert manager.call("mail.activity", "search_count", waiting) == 0


def _cron(admin, name):
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", "leasing_office"), ("name", "=", name)],
        ["res_id"],
    )
    return rows[0]["res_id"]


def test_field_coverage_on_the_live_clock(login, phone):
    """The field coverage of the frozen week (TestFieldCoverage), on the live clock: the first
    field visit is due a week after the first contact and moves by the class once made; the
    date is the server's, never typed; a prospect due tomorrow is on tomorrow's work plan."""
    desk, agent, manager = login("frontdesk"), login("agent1"), login("manager")
    wizard, _lead = register(desk, contact_name="Coverage", phone=phone(), card_user_id=agent.uid)
    lead_id = wizard["lead_id"][0]
    coverage = ["last_field_visit_date", "next_field_visit_due", "field_visit_count"]
    lead = agent.read_one("crm.lead", lead_id, coverage)
    week_later = office_today() + datetime.timedelta(days=7)
    assert lead["next_field_visit_due"] == week_later.isoformat()
    assert not lead["last_field_visit_date"] and lead["field_visit_count"] == 0
    with pytest.raises(OdooError) as typed:
        agent.call("crm.lead", "write", [lead_id], {"next_field_visit_due": "2099-01-01"})
    assert "can only be changed by the form's own buttons" in typed.value.message

    # The field visit: plan signed by the manager, log with the outcome submitted.
    trip = create(
        agent,
        "leasing.field.visit.plan",
        {"line_ids": [(0, 0, {"lead_id": lead_id, "purpose": "Coverage visit"})]},
    )
    agent.call("leasing.field.visit.plan", "action_submit", [trip])
    manager.call("leasing.field.visit.plan", "action_approve", [trip])
    log = agent.call("leasing.field.visit.plan", "action_open_log", [trip])["res_id"]
    made = agent.read_one("leasing.field.visit.log", log, ["line_ids", "visit_date"])
    agent.call("leasing.field.visit.log.line", "write", made["line_ids"], {"outcome": "Seen"})
    agent.call("leasing.field.visit.log", "action_submit", [log])
    visit_day = datetime.date.fromisoformat(made["visit_date"])
    lead = agent.read_one("crm.lead", lead_id, coverage)
    assert lead["last_field_visit_date"] == made["visit_date"] and lead["field_visit_count"] == 1
    # No class: as often as class D (90 days); class A: every 14 days.
    assert lead["next_field_visit_due"] == (visit_day + datetime.timedelta(days=90)).isoformat()
    agent.call("crm.lead", "write", [lead_id], {"prospect_class": "a"})
    lead = agent.read_one("crm.lead", lead_id, coverage)
    assert lead["next_field_visit_due"] == (visit_day + datetime.timedelta(days=14)).isoformat()


def test_field_visit_due_tomorrow_is_on_the_work_plan(login, phone):
    """With the first visit due a day after the first contact (a setting), tonight's work plan
    for tomorrow lists the new prospect for its agent (who sees it there)."""
    desk, agent, admin = login("frontdesk"), login("agent1"), login("admin")
    settings = create(admin, "res.config.settings", {"leasing_field_first_days": 1})
    admin.call("res.config.settings", "execute", [settings])
    try:
        wizard, _lead = register(desk, contact_name="Due", phone=phone(), card_user_id=agent.uid)
        lead_id = wizard["lead_id"][0]
        tomorrow = (office_today() + datetime.timedelta(days=1)).isoformat()
        assert agent.read_one("crm.lead", lead_id, ["next_field_visit_due"]) == {
            "id": lead_id,
            "next_field_visit_due": tomorrow,
        }
        cron = _cron(admin, "ir_cron_leasing_work_plan_tomorrow")
        admin.call("ir.cron", "method_direct_trigger", [cron])
        lines = agent.call(
            "leasing.work.plan.line",
            "search_read",
            [("work_plan_id.date", "=", tomorrow), ("lead_id", "=", lead_id)],
            ["kind", "assigned_user_id"],
        )
        assert [(line["kind"], line["assigned_user_id"][0]) for line in lines] == [
            ("field_visit", agent.uid)
        ]
    finally:
        settings = create(admin, "res.config.settings", {"leasing_field_first_days": 7})
        admin.call("res.config.settings", "execute", [settings])
