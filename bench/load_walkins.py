"""Load test (bounded, loopback only): a busy Saturday at the front desk.

Starts Odoo with worker processes on a database of its own, gives it 12 agents on today's
rotation and many front-desk clerks, then has every clerk register walk-ins at the same
instant (rounds), or continuously for a while, and checks the office's rules held:

- no registration lost: every click on Register returned the prospect, and the database
  holds exactly the registrations the clerks made;
- no two prospects got the same turn; no agent was skipped while available; the turns
  follow the table's order;
- how often Odoo had to retry a request after a serialisation failure, counted from the
  server log ("SERIALIZATION_FAILURE, 4 tries left, ..." from odoo.service.model);
- under the same parallel load, a unit is reserved by one signing plan only and a contract
  number is claimed once.

Clerks talk to the server as the browser does (a session, then /web/dataset/call_kw and
call_button), or over /jsonrpc with ``--rpc jsonrpc``. With several servers on the same
database (``LOAD_URLS``, as ``scripts/load`` starts them), the clerks are dealt out to the
servers in turn, as a proxy in front of them would, and the same rules are checked.

Usage: scripts/load [--rounds 5 | --seconds 120] [--clerks 20] [--rpc web|jsonrpc]
       (LOAD_SERVERS sets the number of servers, default 2; LOAD_WORKERS each one's workers)
"""

import argparse
import datetime
import http.cookiejar
import itertools
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.request
import uuid
import zoneinfo
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from odoo_client import OdooClient, OdooError

URLS = os.environ.get("LOAD_URLS", f"http://127.0.0.1:{os.environ.get('LOAD_PORT', '8090')}")
URLS = URLS.split(",")
URL = URLS[0]
DB = os.environ.get("LOAD_DB", "leasing_load")
SERVER_LOGS = [path for path in os.environ.get("LOAD_SERVER_LOGS", "").split(",") if path]
WORKERS = os.environ.get("LOAD_WORKERS", "?")
AGENTS = 12
REGISTER = "leasing.walkin.register"
TIMEOUT = 600


class WebSession:
    """A front-desk browser tab: one session cookie and the web client's routes."""

    _ids = itertools.count(1)

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/")
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)
        self._post("/web/session/authenticate", {"db": db, "login": login, "password": password})

    def _post(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params}
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=TIMEOUT) as response:
            body = json.loads(response.read())
        if body.get("error"):
            raise OdooError(body["error"])
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        return self._post(f"/web/dataset/call_kw/{model}/{method}", params)

    def button(self, model, method, ids):
        params = {"model": model, "method": method, "args": [ids], "kwargs": {}}
        return self._post(f"/web/dataset/call_button/{model}/{method}", params)


class RpcSession(OdooClient):
    """A clerk over /jsonrpc: the password is checked on every call."""

    timeout = TIMEOUT

    def button(self, model, method, ids):
        return self.call(model, method, ids)


def wait_for_servers(timeout=120):
    deadline = time.monotonic() + timeout
    for url in URLS:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/web/health", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"the server at {url} did not start") from None
                time.sleep(1)


def url_of(index):
    """The server of the ``index``-th clerk: dealt out in turn, as by a proxy."""
    return URLS[index % len(URLS)]


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
    for login in logins:  # one by one: hashing many passwords in one call is slow
        admin.call(
            "res.users",
            "create",
            [{"name": login, "login": login, "password": login, "group_ids": [(6, 0, [desk])]}],
        )
    today = office_today(admin)
    rotations = admin.call("leasing.rotation", "search", [("date", "=", today)])
    if rotations:  # an earlier run's table: move it before the oldest one
        oldest = admin.call("leasing.rotation", "search_read", [], ["date"], order="date", limit=1)
        before = datetime.date.fromisoformat(oldest[0]["date"]) - datetime.timedelta(days=1)
        admin.call("leasing.rotation", "write", rotations, {"date": before.isoformat()})
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


def office_today(admin):
    """The office's day (company timezone, else Asia/Shanghai): the table registrations use."""
    company = admin.call("res.users", "read", [admin.uid], ["company_id"])[0]["company_id"][0]
    partner = admin.call("res.company", "read", [company], ["partner_id"])[0]["partner_id"][0]
    tz_name = admin.call("res.partner", "read", [partner], ["tz"])[0]["tz"] or "Asia/Shanghai"
    return datetime.datetime.now(zoneinfo.ZoneInfo(tz_name)).date().isoformat()


class Desk:
    """The clerks' registrations: what each click returned and how long it took."""

    def __init__(self, sessions):
        self.sessions = sessions
        self.log = []  # (status, seconds, phone or error message)
        self.lock = threading.Lock()

    def fill_form(self, session):
        """The walk-in form, saved before the clerk clicks Register (as the web client does)."""
        phone = f"139{uuid.uuid4().int % 10**8:08d}"
        wizard = session.call(
            REGISTER, "create", [{"contact_name": f"Load {phone}", "phone": phone}]
        )
        return wizard[0], phone

    def click_register(self, session, wizard, phone):
        began = time.monotonic()
        try:
            session.button(REGISTER, "action_register", [wizard])
            entry = ("ok", time.monotonic() - began, phone)
        except OdooError as error:
            entry = ("error", time.monotonic() - began, error.message[:120])
        with self.lock:
            self.log.append(entry)

    def rounds(self, count):
        """Every clerk clicks Register at the same instant, ``count`` times; return seconds."""
        busy = 0.0
        for _round in range(count):
            forms = [self.fill_form(session) for session in self.sessions]
            barrier = threading.Barrier(len(self.sessions) + 1)

            def clerk(session, form, barrier=barrier):
                barrier.wait()
                self.click_register(session, *form)

            threads = [
                threading.Thread(target=clerk, args=pair)
                for pair in zip(self.sessions, forms, strict=True)
            ]
            for thread in threads:
                thread.start()
            barrier.wait()
            began = time.monotonic()
            for thread in threads:
                thread.join()
            busy += time.monotonic() - began
        return busy

    def sustained(self, seconds):
        """Every clerk fills a form and clicks Register again and again; return seconds."""
        deadline = time.monotonic() + seconds

        def clerk(session):
            while time.monotonic() < deadline:
                self.click_register(session, *self.fill_form(session))

        threads = [threading.Thread(target=clerk, args=(s,)) for s in self.sessions]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - began


RETRY = re.compile(
    r"^\S+ \S+ (?P<pid>\d+) INFO \S+ odoo\.service\.model: (?P<error>[A-Z_]+|\S.*?), "
    r"(?:\d+ tries left|maximum number of tries reached)"
)
REQUEST = re.compile(
    r"^\S+ \S+ (?P<pid>\d+) INFO \S+ werkzeug: .*\"POST (?P<path>\S+) HTTP/[\d.]+\" "
    r"(?P<code>\d+) \S+ (?P<queries>\d+) "
)


def server_retries(path):
    """Per request of the server log: (path, retries, queries), from the workers' lines.

    A worker serves one request at a time, so its retry lines belong to the next request
    line it logs.
    """
    pending, requests = defaultdict(int), []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if match := RETRY.match(line):
                pending[match["pid"]] += 1
            elif match := REQUEST.match(line):
                retries = pending.pop(match["pid"], 0)
                requests.append((match["path"], retries, int(match["queries"])))
    return requests


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(round(len(ordered) * fraction) - 1, 0)]


def check(admin, rotation, desk, elapsed, mode):
    log = desk.log
    ok = [entry for entry in log if entry[0] == "ok"]
    errors = [entry for entry in log if entry[0] == "error"]
    latencies = [entry[1] for entry in log]
    lines = admin.call(
        "leasing.rotation.line",
        "search_read",
        [("rotation_id", "=", rotation)],
        ["user_id", "sequence", "turn_count", "skip_count"],
    )
    turns = admin.call(
        "leasing.rotation.turn",
        "search_read",
        [("rotation_id", "=", rotation)],
        ["lead_id", "line_id", "is_makeup"],
        order="id",
    )
    names = [f"Load {entry[2]}" for entry in ok]
    registered = admin.call(
        "leasing.visit",
        "search_count",
        [("rotation_id", "=", rotation), ("lead_id.contact_name", "in", names)],
    )
    visits = admin.call("leasing.visit", "search_count", [("rotation_id", "=", rotation)])
    order = [line["id"] for line in sorted(lines, key=lambda line: line["sequence"])]
    counts = [line["turn_count"] for line in lines]
    expected = [order[index % len(order)] for index in range(len(turns))]
    per_server = [server_retries(path) for path in SERVER_LOGS]
    requests = [request for served in per_server for request in served]
    clicks = [r for r in requests if "action_register" in r[0]]
    retries = [r[1] for r in clicks]
    others = sum(r[1] for r in requests if "action_register" not in r[0])
    results = {
        "registrations (clicks on Register)": len(log),
        "lost (error, or not in the database)": len(log) - registered,
        "errors returned to clerks": len(errors),
        "visits in database = registrations": visits == len(ok) == len(turns),
        "prospects with one turn each": len({t["lead_id"][0] for t in turns}) == len(turns),
        "no agent skipped while available": all(line["skip_count"] == 0 for line in lines),
        "turns follow the table's order": [t["line_id"][0] for t in turns] == expected,
        "turn counts within one": max(counts) - min(counts) <= 1,
        "throughput (registrations/s)": round(len(ok) / elapsed, 1),
        "latency p50 (ms)": round(statistics.median(latencies) * 1000),
        "latency p95 (ms)": round(percentile(latencies, 0.95) * 1000),
    }
    if clicks:
        results.update(
            {
                "retries per registration (mean)": round(statistics.mean(retries), 2),
                "retries per registration (max)": max(retries),
                "registrations retried at least once": sum(1 for r in retries if r),
                "retries of other requests": others,
                "queries per registration (median)": statistics.median(r[2] for r in clicks),
                "server log matches the clicks": len(clicks) == len(log),
                "registrations per server": [
                    sum(1 for r in served if "action_register" in r[0]) for served in per_server
                ],
            }
        )
        results["every server registered"] = all(results["registrations per server"])
    print(
        f"{len(desk.sessions)} clerks, {mode}, {AGENTS} agents, "
        f"{len(URLS)} server(s) with {WORKERS} workers each"
    )
    for name, value in results.items():
        print(f"  {name:<40} {value}")
    for _status, _latency, message in errors[:5]:
        print(f"  error: {message}")
    failed = [name for name, value in results.items() if value is False]
    if results["lost (error, or not in the database)"]:
        failed.append("lost registrations")
    if failed:
        raise SystemExit(f"FAILED: {', '.join(failed)}")


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


def check_races(admin, logins):
    clients = [RpcSession(url_of(i), DB, login, login) for i, login in enumerate(logins)]
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
        print(f"  {name:<40} {won == 1} ({won} of {len(outcomes)})")
    if reserved.count("ok") != 1 or claimed.count("ok") != 1:
        raise SystemExit(f"FAILED races: {json.dumps({'reserved': reserved, 'claimed': claimed})}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--rounds", type=int, default=5, help="simultaneous clicks per clerk")
    how.add_argument("--seconds", type=int, help="register continuously for this long instead")
    parser.add_argument("--clerks", type=int, default=20)
    parser.add_argument("--rpc", choices=("web", "jsonrpc"), default="web")
    return parser.parse_args()


def main():
    args = parse_args()
    wait_for_servers()
    admin = OdooClient(URL, DB, "admin", "admin")
    rotation, _agents, logins = setup(admin, args.clerks)
    session_class = WebSession if args.rpc == "web" else RpcSession
    desk = Desk([session_class(url_of(i), DB, login, login) for i, login in enumerate(logins)])
    if args.seconds:
        elapsed, mode = desk.sustained(args.seconds), f"{args.seconds} s sustained"
    else:
        elapsed, mode = desk.rounds(args.rounds), f"{args.rounds} simultaneous rounds"
    check(admin, rotation, desk, elapsed, f"{mode} over {args.rpc}")
    check_races(admin, logins)


if __name__ == "__main__":
    main()
