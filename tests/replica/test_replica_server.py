"""Leadership's reads served by a PostgreSQL streaming replica (run by scripts/replica_check).

The server runs with ``--db_replica_host``: Odoo then opens read-only routes (the web
client's ``web_read_group`` behind every pivot, graph and dashboard tile, and the workbook
download) on the replica, and logs each request's cursor: ``ro`` when served there, ``ro->rw``
when the request tried to write and was run again on the primary, ``rw`` for the primary.
"""

import datetime
import http.cookiejar
import io
import json
import os
import subprocess
import time
import urllib.request
import zoneinfo

import openpyxl
import pytest

URL = os.environ.get("ODOO_URL", "")
DB = os.environ.get("ODOO_DB", "")
SERVER_LOG = os.environ.get("REPLICA_SERVER_LOG", "")
REPLICA_PORT = os.environ.get("REPLICA_PG_PORT", "")
KINDS = ("work_week", "work_month", "targets", "registers", "commission")

pytestmark = pytest.mark.skipif(
    not (URL and SERVER_LOG and REPLICA_PORT), reason="run by scripts/replica_check"
)


def wait_for_server(timeout=600):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{URL}/web/health", timeout=10):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(2)


class Browser:
    """A logged-in web client session."""

    def __init__(self, login):
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.post("/web/session/authenticate", {"db": DB, "login": login, "password": login})

    def post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            URL + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=300) as response:
            answer = json.loads(response.read())
        assert "error" not in answer, answer.get("error")
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        return self.post(f"/web/dataset/call_kw/{model}/{method}", params)

    def get(self, path):
        with self.opener.open(URL + path, timeout=300) as response:
            return response.status, response.headers, response.read()


def replica_commits():
    """Transactions committed on the replica in the office's database so far."""
    sql = f"SELECT xact_commit FROM pg_stat_database WHERE datname = '{DB}'"
    out = subprocess.run(
        ["psql", "-p", REPLICA_PORT, "-d", "postgres", "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip())


def cursor_modes(marker):
    """``{path: cursor mode}`` of the werkzeug lines logged after ``marker``'s request."""
    modes, seen = {}, False
    with open(SERVER_LOG, encoding="utf-8", errors="replace") as log:
        for line in log:
            seen = seen or marker in line
            if seen and "werkzeug" in line and '"' in line:
                request = line.split('"')[1].split()[1]
                modes[request] = line.split()[-1]
    return modes


def test_leadership_reads_come_from_the_replica():
    wait_for_server()
    leader = Browser("leader")
    admin = Browser("admin")
    reports = [
        row["model"]
        for row in admin.call(
            "ir.model", "search_read", [("model", "=like", "leasing.%.report")], ["model"]
        )
    ]
    assert len(reports) >= 6, reports
    marker = "/web/webclient/version_info"
    leader.post(marker, {})
    commits_before = replica_commits()
    for model in reports:
        fields = leader.call(model, "fields_get", [], attributes=["type", "groupable"])
        groupby = next(
            name
            for name in ("user_id", "credited_user_id", "period_type", "visit_date")
            if name in fields
        )
        result = leader.call(model, "web_read_group", [], [groupby], ["__count"])
        assert "groups" in result
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date()  # the office's
    for kind in KINDS:
        status, headers, data = leader.get(
            f"/leasing_office_reports/workbook?kind={kind}"
            f"&date_from={today - datetime.timedelta(days=90)}&date_to={today}"
        )
        assert status == 200
        assert "spreadsheetml" in headers["Content-Type"]
        assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    reads = len(reports) + len(KINDS)
    assert replica_commits() - commits_before >= reads

    modes = cursor_modes(marker)
    ours = {
        path: mode
        for path, mode in modes.items()
        if "web_read_group" in path or path.startswith("/leasing_office_reports/workbook")
    }
    assert len(ours) == reads, modes
    assert set(ours.values()) == {"ro"}, ours
    with open(SERVER_LOG, encoding="utf-8", errors="replace") as log:
        assert "retrying with a read/write cursor" not in log.read()
