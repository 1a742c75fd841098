"""Live updates reach the browser when Odoo runs with workers (run by scripts/test, server stopped).

With ``--workers`` Odoo serves ``/websocket`` from a separate gevent process; if that process
cannot start, no notification or live board update reaches anyone. This test starts the
server as the office runs it, opens a websocket as the agent, gives the agent an activity
through the HTTP workers and waits for the bus message on the websocket.
"""

import datetime
import json
import os
import socket
import time
import urllib.request

import pytest
import websocket
from odoo_cli import odoo_server

DB = os.environ.get("ODOO_DB", "leasing_test")
AGENT = ("agent1", "agent1")
ADMIN = ("admin", "admin")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post_json(url, params, cookie=None):
    request = urllib.request.Request(
        url,
        data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
        headers={"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {})},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
        assert "error" not in body, body.get("error")
        return body["result"], response.headers.get_all("Set-Cookie") or []


def wait_until_up(url, server, log_path, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server exited; see {log_path}"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {timeout} s; see {log_path}")


@pytest.fixture(scope="module")
def server_with_workers():
    http_port, gevent_port = free_port(), free_port()
    log_path = os.path.join(os.path.dirname(os.environ["LEASING_ODOO_CONF"]), "test-workers.log")
    with open(log_path, "w") as log:
        server = odoo_server(
            "-d",
            DB,
            "--db-filter",
            f"^{DB}$",
            "--workers",
            "2",
            "--max-cron-threads",
            "0",
            "--http-port",
            str(http_port),
            "--gevent-port",
            str(gevent_port),
            log=log,
        )
    try:
        wait_until_up(f"http://127.0.0.1:{http_port}/web/login", server, log_path)
        wait_until_up(f"http://127.0.0.1:{gevent_port}/websocket/health", server, log_path)
        yield http_port, gevent_port, log_path
    finally:
        server.terminate()
        server.wait(timeout=60)


def session_cookie(http_port, login, password):
    _result, cookies = post_json(
        f"http://127.0.0.1:{http_port}/web/session/authenticate",
        {"db": DB, "login": login, "password": password},
    )
    session = next(c.split(";")[0] for c in cookies if c.startswith("session_id="))
    return session


def call(http_port, cookie, model, method, *args, **kwargs):
    result, _cookies = post_json(
        f"http://127.0.0.1:{http_port}/web/dataset/call_kw/{model}/{method}",
        {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        cookie=cookie,
    )
    return result


def test_event_process_serves_the_websocket(server_with_workers):
    _http_port, gevent_port, log_path = server_with_workers
    with urllib.request.urlopen(f"http://127.0.0.1:{gevent_port}/websocket/health", timeout=5) as r:
        assert r.status == 200
    with open(log_path) as log:
        assert "ModuleNotFoundError" not in log.read()


def test_agent_receives_a_bus_message_over_the_websocket(server_with_workers):
    http_port, gevent_port, _log_path = server_with_workers
    agent_cookie = session_cookie(http_port, *AGENT)
    admin_cookie = session_cookie(http_port, *ADMIN)
    agent_id = call(http_port, admin_cookie, "res.users", "search", [("login", "=", AGENT[0])])[0]
    lead_id = call(http_port, admin_cookie, "crm.lead", "search", [], limit=1)[0]

    ws = websocket.create_connection(
        f"ws://127.0.0.1:{gevent_port}/websocket",
        cookie=agent_cookie,
        origin=f"http://127.0.0.1:{gevent_port}",
        timeout=15,
    )
    try:
        ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        time.sleep(1)  # the subscription is registered before the message is sent
        call(
            http_port,
            admin_cookie,
            "crm.lead",
            "activity_schedule",
            [lead_id],
            act_type_xmlid="mail.mail_activity_data_todo",
            summary="bus check",
            user_id=agent_id,
            # Odoo announces an activity on the bus only when it is due by the server's UTC
            # day; the default deadline is the user's day, a day later from 16:00 UTC in
            # Shanghai.
            date_deadline=datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
        )
        received = []
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            received.extend(json.loads(ws.recv()))
            if any(n["message"]["type"] == "mail.activity/updated" for n in received):
                break
        types = [n["message"]["type"] for n in received]
        assert "mail.activity/updated" in types, types
    finally:
        ws.close()
