"""Load test (bounded, loopback only): a busy Saturday at the front desk.

Starts Odoo with worker processes on a database of its own, gives it 12 agents on today's
rotation and several front-desk clerks, fires simultaneous walk-in registrations from all
clerks for a while, then checks the office's rules held and prints throughput and latency:

- every request either succeeded or returned a clear error, and the database matches the log;
- no two prospects got the same turn; no agent was skipped while available;
- turn counts stay within one of each other;
- under the same parallel load, a unit is reserved by one signing plan only and a contract
  number is claimed once.

Usage: scripts/load [seconds] [clerks]      (defaults: 120 s, 6 clerks, 2 workers)
"""

import json
import os
import statistics
import sys
import threading
import time
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from odoo_client import OdooClient, OdooError

URL = f"http://127.0.0.1:{os.environ.get('LOAD_PORT', '8090')}"
DB = os.environ.get("LOAD_DB", "leasing_load")
AGENTS = 12


def wait_for_server(timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{URL}/web/health", timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise SystemExit("the server did not start")


def setup(admin, clerks):
    """Agents on today's table, clerks at the desk; one run's users, fresh each time."""
    tag = uuid.uuid4().hex[:6]
    ref = admin.call(
        "ir.model.data", "check_object_reference", "leasing_office", "group_leasing_agent"
    )[1]
    desk = admin.call(
        "ir.model.data", "check_object_reference", "leasing_office", "group_leasing_frontdesk"
    )[1]
    agents = admin.call(
        "res.users",
        "create",
        [
            {
                "name": f"Load agent {i} {tag}",
                "login": f"load_agent{i}_{tag}",
                "group_ids": [(6, 0, [ref])],
            }
            for i in range(AGENTS)
        ],
    )
    logins = [f"load_clerk{i}_{tag}" for i in range(clerks)]
    admin.call(
        "res.users",
        "create",
        [
            {"name": login, "login": login, "password": login, "group_ids": [(6, 0, [desk])]}
            for login in logins
        ],
    )
    today = time.strftime("%Y-%m-%d")
    rotations = admin.call("leasing.rotation", "search", [("date", "=", today)])
    admin.call(
        "leasing.rotation", "write", rotations, {"date": "1999-01-01"}
    ) if rotations else None
    rotation = admin.call(
        "leasing.rotation",
        "create",
        [
            {
                "date": today,
                "line_ids": [
                    (0, 0, {"user_id": agent, "sequence": index})
                    for index, agent in enumerate(agents)
                ],
            }
        ],
    )[0]
    return rotation, agents, logins


def fire(login, seconds, log):
    client = OdooClient(URL, DB, login, login)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        phone = f"139{uuid.uuid4().int % 10**8:08d}"
        began = time.monotonic()
        try:
            wizard = client.call(
                "leasing.walkin.register",
                "create",
                [{"contact_name": f"Load {phone}", "phone": phone}],
            )[0]
            client.call("leasing.walkin.register", "action_register", [wizard])
            log.append(("ok", time.monotonic() - began, phone))
        except OdooError as error:
            log.append(("error", time.monotonic() - began, error.message[:120]))


def race(clients, attempt):
    """Run ``attempt(client)`` from every client at once; return the outcomes."""
    outcomes, barrier = [], threading.Barrier(len(clients))

    def run(client):
        barrier.wait()
        try:
            attempt(client)
            outcomes.append("ok")
        except OdooError as error:
            outcomes.append(error.message[:100])

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    clerks = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    wait_for_server()
    admin = OdooClient(URL, DB, "admin", "admin")
    rotation, _agents, logins = setup(admin, clerks)
    log = []
    threads = [threading.Thread(target=fire, args=(login, seconds, log)) for login in logins]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    check(admin, rotation, log, elapsed, clerks)
    check_races(admin, logins)


def check(admin, rotation, log, elapsed, clerks):
    ok = [entry for entry in log if entry[0] == "ok"]
    errors = [entry for entry in log if entry[0] == "error"]
    latencies = sorted(entry[1] for entry in log)
    lines = admin.call(
        "leasing.rotation.line",
        "search_read",
        [("rotation_id", "=", rotation)],
        ["user_id", "turn_count", "skip_count"],
    )
    turns = admin.call(
        "leasing.rotation.turn",
        "search_read",
        [("rotation_id", "=", rotation)],
        ["lead_id", "line_id"],
    )
    visits = admin.call("leasing.visit", "search_count", [("rotation_id", "=", rotation)])
    counts = [line["turn_count"] for line in lines]
    results = {
        "registrations ok": len(ok),
        "clear errors": len(errors),
        "visits in database": visits,
        "turns in database": len(turns),
        "prospects with one turn each": len({t["lead_id"][0] for t in turns}) == len(turns),
        "no agent skipped while available": all(line["skip_count"] == 0 for line in lines),
        "turn counts within one": max(counts) - min(counts) <= 1,
        "database matches the log": visits == len(ok) == len(turns),
        "throughput (registrations/s)": round(len(ok) / elapsed, 1),
        "latency p50 (ms)": round(statistics.median(latencies) * 1000),
        "latency p95 (ms)": round(latencies[int(len(latencies) * 0.95) - 1] * 1000),
    }
    print(f"{clerks} clerks for {elapsed:.0f} s, {AGENTS} agents, 2 workers")
    for name, value in results.items():
        print(f"  {name:<34} {value}")
    for _status, _latency, message in errors[:5]:
        print(f"  error: {message}")
    failed = [name for name, value in results.items() if value is False]
    if failed:
        raise SystemExit(f"FAILED: {', '.join(failed)}")


def check_races(admin, logins):
    clients = [OdooClient(URL, DB, login, login) for login in logins]
    manager_group = admin.call(
        "ir.model.data", "check_object_reference", "leasing_office", "group_leasing_manager"
    )[1]
    admin.call(
        "res.users",
        "write",
        admin.call("res.users", "search", [("login", "in", logins)]),
        {"group_ids": [(4, manager_group)]},
    )
    tag = uuid.uuid4().hex[:6]
    unit = admin.call("leasing.unit", "create", [{"code": f"LOAD-{tag}"}])[0]
    leads = admin.call(
        "crm.lead", "create", [{"name": f"Load race {tag} {i}"} for i in range(len(clients))]
    )
    lead_of = dict(zip([id(c) for c in clients], leads, strict=True))
    reserved = race(
        clients,
        lambda c: c.call(
            "leasing.signing.plan",
            "create",
            [
                {
                    "lead_id": lead_of[id(c)],
                    "deposit_amount": 100,
                    "planned_signing_date": "2099-01-01",
                    "unit_ids": [(6, 0, [unit])],
                }
            ],
        ),
    )
    claimed = race(
        clients,
        lambda c: c.call(
            "leasing.contract.claim",
            "create",
            [{"contract_number": f"LOAD-{tag}", "lead_id": lead_of[id(c)]}],
        ),
    )
    for name, outcomes in (
        ("unit reserved by one plan", reserved),
        ("contract number claimed once", claimed),
    ):
        won = outcomes.count("ok")
        print(f"  {name:<34} {won == 1} ({won} of {len(outcomes)})")
    if reserved.count("ok") != 1 or claimed.count("ok") != 1:
        raise SystemExit(f"FAILED races: {json.dumps({'reserved': reserved, 'claimed': claimed})}")


if __name__ == "__main__":
    main()
