"""Take the README's screenshots from a running demo server, in Chinese (zh_CN).

Drives headless Chromium over the DevTools protocol (websocket-client), logged in as the demo
users: the live board, the pop-up an agent gets for a walk-in, the pipeline, a prospect, the
floor plan, the dashboard, the visit analysis, and a workbook rendered to an image (LibreOffice
headless to PDF, then pdftoppm). Usage: scripts/screenshots (starts its own demo server), or
``python docs/take_screenshots.py URL DB`` against a running one.
"""

import base64
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import websocket

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from odoo_client import OdooClient

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069"
DB = sys.argv[2] if len(sys.argv) > 2 else "leasing_demo"
OUT = os.path.join(HERE, "screenshots")


def free_port():
    """A port nobody listens on, for Chromium's DevTools (other sessions may run theirs)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = free_port()
CHINESE = {"lang": "zh_CN", "tz": "Asia/Shanghai"}


def session_cookie(login):
    """Log in through the web client's own route and return its session id."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = {"jsonrpc": "2.0", "params": {"db": DB, "login": login, "password": login}}
    request = urllib.request.Request(
        f"{URL}/web/session/authenticate",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json"},
    )
    opener.open(request, timeout=30).read()
    return next(cookie.value for cookie in jar if cookie.name == "session_id")


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp()
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--remote-debugging-port={PORT}",
                f"--user-data-dir={self.profile}",
                "--window-size=1440,900",
                "--lang=zh-CN",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{PORT}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.ids = iter(range(1, 10**6))
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        message_id = next(self.ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == message_id:
                return reply.get("result", {})

    def open(self, login, path, ready, wait=2):
        self.send("Network.clearBrowserCookies")
        host = URL.split("//")[1].split(":")[0]
        self.send(
            "Network.setCookie",
            name="session_id",
            value=session_cookie(login),
            domain=host,
            path="/",
        )
        self.send("Page.navigate", url=f"{URL}{path}")
        self.wait_for(ready)
        time.sleep(wait)

    def wait_for(self, selector, timeout=180):
        """Until the page shows ``selector`` (a loaded server may take a while)."""
        expression = f"!!document.querySelector({selector!r})"
        deadline = time.time() + timeout
        while time.time() < deadline:
            result = self.send("Runtime.evaluate", expression=expression).get("result", {})
            if result.get("value") is True:
                return
            time.sleep(0.5)
        print(f"warning: {selector} never showed; capturing anyway")

    def capture(self, name):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(OUT, f"{name}.png"), "wb") as png:
            png.write(base64.b64decode(data))
        print(f"docs/screenshots/{name}.png")

    def shoot(self, login, path, name, ready, wait=2, click=None):
        self.open(login, path, ready, wait)
        if click:
            self.send("Runtime.evaluate", expression=f"document.querySelector({click!r})?.click()")
            time.sleep(2)
        self.capture(name)

    def close(self):
        self.ws.close()
        self.process.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def prepare_demo():
    """Some walk-ins to look at, and every demo user reading Chinese."""
    for login in ("frontdesk", "agent1", "manager", "leader"):
        client = OdooClient(URL, DB, login, login)
        client.call("res.users", "write", [client.uid], {"lang": "zh_CN"})
    desk = OdooClient(URL, DB, "frontdesk", "frontdesk")
    names = ["金茶坊", "福来鞋业", "东方眼镜", "小林面包"]
    lead_ids = []
    for index, name in enumerate(names):
        vals = {
            "partner_name": name,
            "contact_name": f"{name}负责人",
            "phone": f"139{random.randint(10**7, 10**8 - 1)}",
        }
        if index == 3:
            vals["overflow"] = True
            vals["overflow_reason"] = "招商员都在接待客户，前台先行接待"
        wizard = desk.call("leasing.walkin.register", "create", [vals], context=CHINESE)[0]
        desk.call("leasing.walkin.register", "action_register", [wizard], context=CHINESE)
        lead_ids.append(desk.read_one("leasing.walkin.register", wizard, ["lead_id"])["lead_id"][0])
    return lead_ids


def shoot_notification(browser):
    """agent1 on the pipeline when front desk registers a walk-in holding agent1's card."""
    browser.open("agent1", "/odoo/leasing-prospects", ".o_kanban_record .o_leasing_badges")
    desk = OdooClient(URL, DB, "frontdesk", "frontdesk")
    agent = desk.call("res.users", "search", [("login", "=", "agent1")])[0]
    vals = {
        "partner_name": "悦来茶饮",
        "contact_name": "赵敏",
        "phone": f"137{random.randint(10**7, 10**8 - 1)}",
        "card_user_id": agent,
        "desired_area": 80,
    }
    wizard = desk.call("leasing.walkin.register", "create", [vals], context=CHINESE)[0]
    desk.call("leasing.walkin.register", "action_register", [wizard], context=CHINESE)
    browser.wait_for(".o_notification", timeout=60)
    time.sleep(1)
    browser.capture("agent_notification")


def workbook_image():
    """The manager's weekly work report, as Excel writes it, rendered to a PNG (first page)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("skipped workbook.png: needs libreoffice-calc-nogui and poppler-utils")
        return
    today = time.strftime("%Y-%m-%d")
    first = time.strftime("%Y-%m-01")
    query = urllib.parse.urlencode({"kind": "work_month", "date_from": first, "date_to": today})
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"session_id={session_cookie('manager')}")]
    data = opener.open(f"{URL}/leasing_office_reports/workbook?{query}", timeout=120).read()
    work = tempfile.mkdtemp()
    try:
        xlsx = os.path.join(work, "workbook.xlsx")
        with open(xlsx, "wb") as out:
            out.write(data)
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{work}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                xlsx,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                os.path.join(work, "workbook.pdf"),
                os.path.join(OUT, "workbook"),
            ],
            check=True,
            timeout=60,
        )
        print("docs/screenshots/workbook.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    lead_ids = prepare_demo()
    browser = Browser()
    try:
        browser.shoot("frontdesk", "/odoo/leasing-live-board", "rotation_board", ".o_leasing_tile")
        shoot_notification(browser)
        browser.shoot(
            "manager",
            "/odoo/leasing-prospects",
            "pipeline_kanban",
            ".o_kanban_record .o_leasing_badges",
        )
        browser.shoot(
            "manager",
            f"/odoo/leasing-prospects/{lead_ids[0]}",
            "prospect_attribution",
            ".o_form_sheet",
            click="a[name=leasing_attribution]",
        )
        browser.shoot("manager", "/odoo/leasing-floor-plan", "floor_plan", ".o_leasing_plan_unit")
        browser.shoot(
            "leader", "/odoo/leasing-dashboard", "dashboard", ".o_graph_renderer canvas", 4
        )
        browser.shoot("leader", "/odoo/leasing-visit-analysis", "visit_pivot", ".o_pivot table")
    finally:
        browser.close()
    workbook_image()


if __name__ == "__main__":
    main()
