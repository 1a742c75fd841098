import contextlib
import threading
import time
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from odoo.addons.bus import websocket as bus_websocket
from odoo.addons.bus.models.bus import BusBus
from odoo.addons.bus.websocket import CloseCode, WebsocketConnectionHandler, _kick_all
from odoo.addons.leasing_office.models import office_clock

AGENT_SAW_IT = "the agent saw the board move"

# Runs in the agent's browser once front desk is done: the same page (no reload: the marker
# set before the registrations is still there) shows the three walk-ins and the pop-up.
AGENT_CHECK = """
(async () => {
    const names = ["散客甲", "散客乙", "散客丙"];
    for (let attempt = 0; attempt < 150; attempt++) {
        const rows = [...document.querySelectorAll(".o_leasing_board_visits tbody tr")]
            .map((row) => row.textContent);
        const popups = [...document.querySelectorAll(".o_notification")]
            .map((popup) => popup.textContent);
        if (
            window.__leasingWatching &&
            names.every((name) => rows.some((row) => row.includes(name))) &&
            popups.some((text) => text.includes("Walk-in for you"))
        ) {
            console.log("AGENT_SAW_IT");
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.error("the agent's board did not move: " + JSON.stringify({
        reloaded: !window.__leasingWatching,
        rows: [...document.querySelectorAll(".o_leasing_board_visits tbody tr")].length,
        popups: [...document.querySelectorAll(".o_notification")].map((p) => p.textContent),
    }));
})()
""".replace("AGENT_SAW_IT", AGENT_SAW_IT)


@tagged("post_install", "-at_install", "leasing_tour")
class TestTwoBrowsers(HttpCase):
    """Two browsers on one office: front desk registers three walk-ins on the live board
    (a tour) while an agent's own browser, opened on the board before, receives the pop-up
    for each and sees the board move without reloading (Odoo's bus over the websocket)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"no_reset_password": True}
        cls.frontdesk = new_test_user(
            cls.env, "duo_frontdesk", "leasing_office.group_leasing_frontdesk", context=ctx
        )
        cls.agent = new_test_user(
            cls.env,
            "duo_agent",
            "leasing_office.group_leasing_agent",
            context=ctx,
            name="双屏业务员",
        )
        today = office_clock.office_today(cls.env)
        cls.env["leasing.rotation"].search([("date", "=", today)]).date = "2000-01-04"
        cls.env["leasing.rotation"].create(
            {"date": today, "line_ids": [fields.Command.create({"user_id": cls.agent.id})]}
        )

    def wait_for_websocket(self, user, timeout=30):
        """Until ``user``'s browser has subscribed to its bus channels."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for ws in list(bus_websocket._websocket_instances):
                session = getattr(ws, "_session", None)
                if session and session.uid == user.id and ws._channels:
                    return
            time.sleep(0.2)
        self.fail(f"{user.login}'s browser never subscribed to the bus")

    def wait_for_quiet(self, timeout=20):
        """Until the agent's page has had no request in flight but its websocket for a
        second: both browsers share the test's cursor, and the front desk's login must not
        run beside the page's last loads (under load it then finds no user)."""
        deadline = time.time() + timeout
        quiet_since = None
        while time.time() < deadline:
            busy = [
                thread
                for thread in threading.enumerate()
                if thread.name.startswith("odoo.service.http.request.")
                and "/websocket" not in getattr(thread, "url", "")
            ]
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.time()
            elif time.time() - quiet_since >= 1:
                return
            time.sleep(0.1)
        self.fail("the agent's page never stopped loading")

    def open_agent_board(self, stack):
        """The agent's browser on the live board, with the bus delivering at once (as
        browser_js does for its own browser)."""
        original_sendone = BusBus._sendone

        def sendone(bus, target, notification_type, message):
            original_sendone(bus, target, notification_type, message)
            bus.env.cr.precommit.run()
            bus.env.cr.postcommit.run()

        stack.enter_context(patch.object(BusBus, "_sendone", sendone))
        stack.enter_context(
            patch.object(WebsocketConnectionHandler, "websocket_allowed", return_value=True)
        )
        stack.callback(_kick_all, CloseCode.KILL_NOW)
        browser = ChromeBrowser(self, success_signal=AGENT_SAW_IT)
        stack.enter_context(browser.cleanup)
        self.authenticate("duo_agent", "duo_agent", browser=browser)
        # The next authenticate (front desk's tour) must not end the agent's session.
        self.session = None
        browser.navigate_to(f"{self.base_url()}/odoo/leasing-live-board", wait_stop=True)
        ready = browser._wait_ready(
            "!!document.querySelector('.o_leasing_board_no_visits') "
            "&& (window.__leasingWatching = true)"
        )
        self.assertTrue(ready, "the agent's board did not open empty")
        self.wait_for_websocket(self.agent)
        self.wait_for_quiet()
        return browser

    def test_front_desk_registers_three_walk_ins_while_an_agent_watches(self):
        # Two browsers make requests at once: each carries its own session, not the
        # per-browser test cookie; the test lock is released once, here.
        self.http_request_allow_all = True
        self.addCleanup(setattr, self, "http_request_allow_all", False)
        with contextlib.ExitStack() as stack:
            stack.enter_context(self.allow_requests())
            stack.callback(self._wait_remaining_requests)
            agent_browser = self.open_agent_board(stack)
            # Front desk's tour runs inside this: it neither takes the test lock again nor
            # closes the agent's websocket nor waits for it; this test does both at the end.
            with (
                patch("odoo.tests.common.release_test_lock", contextlib.nullcontext),
                patch.object(bus_websocket, "_kick_all", lambda *args: None),
                patch.object(type(self), "_wait_remaining_requests", lambda *args: None),
            ):
                self.start_tour(
                    "/odoo/leasing-live-board",
                    "leasing_office_three_walk_ins_tour",
                    login="duo_frontdesk",
                )
            agent_browser._wait_code_ok(AGENT_CHECK, 60)
        visits = self.env["leasing.visit"].search([("lead_id.contact_name", "like", "散客")])
        self.assertEqual(len(visits), 3)
        self.assertEqual(visits.credited_user_id, self.agent)


@tagged("post_install", "-at_install", "leasing_tour")
class TestManagerToApproveTour(HttpCase):
    """The manager lands on the pipeline, opens "To Approve" in one click and signs."""

    def test_manager_approves_from_the_pipeline(self):
        ctx = {"no_reset_password": True}
        agent = new_test_user(
            self.env, "appr_agent", "leasing_office.group_leasing_agent", context=ctx
        )
        manager = new_test_user(
            self.env, "appr_manager", "leasing_office.group_leasing_manager", context=ctx
        )
        lead = self.env["crm.lead"].create({"name": "Approval Tea", "user_id": False})
        lead._leasing_set_attribution("card", agent, "tour")
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(agent)
            .create(
                {
                    "departure": fields.Datetime.now() + timedelta(days=1),
                    "line_ids": [(0, 0, {"lead_id": lead.id, "purpose": "Measure the shop"})],
                }
            )
        )
        plan.with_user(agent).action_submit()
        self.assertEqual(plan.approval_state, "to_approve")
        self.start_tour(
            "/odoo/leasing-prospects",
            "leasing_office_manager_to_approve_tour",
            login="appr_manager",
        )
        self.assertEqual((plan.approval_state, plan.approver_id), ("approved", manager))
