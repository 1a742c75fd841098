"""Take the README's screenshots from a running demo server, in Chinese (zh_CN).

Drives headless Chromium over the DevTools protocol (websocket-client), logged in as the demo
users. Usage: scripts/screenshots (starts nothing itself: run scripts/serve first), or
``python docs/take_screenshots.py URL DB``.
"""

import base64
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar

import websocket

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from odoo_client import OdooClient

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8069"
DB = sys.argv[2] if len(sys.argv) > 2 else "leasing_demo"
OUT = os.path.join(HERE, "screenshots")
PORT = 9333
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

    def shoot(self, login, path, name, wait=6, click=None):
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
        time.sleep(wait)
        if click:
            self.send("Runtime.evaluate", expression=f"document.querySelector({click!r})?.click()")
            time.sleep(2)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(OUT, f"{name}.png"), "wb") as png:
            png.write(base64.b64decode(data))
        print(f"docs/screenshots/{name}.png  ({login} {path})")

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
        wizard = desk.call("leasing.walkin.register", "create", [vals], context=CHINESE)[0]
        desk.call("leasing.walkin.register", "action_register", [wizard], context=CHINESE)
        lead_ids.append(desk.read_one("leasing.walkin.register", wizard, ["lead_id"])["lead_id"][0])
    return lead_ids


def main():
    os.makedirs(OUT, exist_ok=True)
    lead_ids = prepare_demo()
    browser = Browser()
    try:
        browser.shoot("frontdesk", "/odoo/leasing-board", "rotation_board", wait=20)
        browser.shoot("manager", "/odoo/leasing-prospects", "pipeline_kanban")
        browser.shoot(
            "manager",
            f"/odoo/leasing-prospects/{lead_ids[0]}",
            "prospect_attribution",
            click="a[name=leasing_attribution]",
        )
        browser.shoot("manager", "/odoo/leasing-floor-plan", "floor_plan")
        browser.shoot("leader", "/odoo/leasing-visit-analysis", "visit_pivot")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
