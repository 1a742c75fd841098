import datetime
import os
import random
import time
import urllib.request
import zoneinfo

import pytest
from odoo_client import OdooClient

ODOO_URL = os.environ.get("ODOO_URL", "http://127.0.0.1:8069")
ODOO_DB = os.environ.get("ODOO_DB", "leasing_demo")


def _wait_for_server(timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{ODOO_URL}/web/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    pytest.exit(f"Odoo did not answer on {ODOO_URL} within {timeout}s", returncode=3)


def office_today():
    """The office's date (Asia/Shanghai, the demo company's timezone), not the UTC date."""
    return datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date()


@pytest.fixture(scope="session")
def login():
    """Log in as a demo user (the demo password equals the login)."""
    _wait_for_server()
    clients = {}

    def _login(name):
        if name not in clients:
            clients[name] = OdooClient(ODOO_URL, ODOO_DB, name, name)
        return clients[name]

    return _login


@pytest.fixture
def office_day(login):
    """Today's rotation table, in the office's timezone, opened by front desk as each morning.

    The scheduled action that opens it does not run on the test server, and the demo table
    is dated the day the database was made: from 16:00 UTC the office is a day ahead.
    """
    desk = login("frontdesk")
    rotation = desk.call("leasing.rotation", "action_new_for_today")["res_id"]
    assert rotation, "front desk could not open today's rotation table"
    return rotation


@pytest.fixture
def phone():
    """A fresh mainland mobile number per call, so runs never collide."""
    return lambda: f"139{random.randint(10_000_000, 99_999_999)}"
