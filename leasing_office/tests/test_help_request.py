from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .access_errors import acl_refused
from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_help")
class TestHelpRequest(LeasingOfficeCase):
    """特殊問題請經理協助: only the credited agent asks; the manager helps and closes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create({"name": "Hardware shop"})
        cls.lead._leasing_set_attribution("rotation", cls.agent1, "test")
        cls.Request = cls.env["leasing.help.request"]

    def ask(self, user=None, reason="Asks for a rent-free month"):
        return self.Request.with_user(user or self.agent1).create(
            {"lead_id": self.lead.id, "reason": reason}
        )

    def requests(self):
        return self.Request.search([("lead_id", "=", self.lead.id)])

    def test_rule_help_credited_agent_asks_manager_gets_activity(self):
        action = self.lead.with_user(self.agent1).action_request_manager_help()
        self.assertEqual(action["context"], {"default_lead_id": self.lead.id})
        request = self.ask()
        self.assertEqual(
            (request.state, request.user_id, request.company_id),
            ("requested", self.agent1, self.env.company),
        )
        self.assertTrue(request.requested_at)
        activity = request.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(activity), 1)
        self.assertNotIn(self.agent1, request.activity_ids.user_id)
        self.assertIn("asked the manager for help", self.lead.message_ids[0].body)
        # The manager works on the prospect while the request is open.
        self.lead.with_user(self.manager).write({"prospect_class": "a"})
        self.lead.with_user(self.manager).action_log_call()
        self.assertEqual(self.lead.call_log_ids.user_id, self.manager)

    def test_rule_help_manager_closes_with_outcome_logged(self):
        request = self.ask()
        self.env.flush_all()
        self.env.cr.flush()
        request.with_user(self.manager).action_done("Leadership granted one free month")
        self.assertEqual(
            (request.state, request.closed_by_id, request.outcome),
            ("done", self.manager, "Leadership granted one free month"),
        )
        self.assertTrue(request.closed_at)
        self.assertFalse(request.activity_ids)
        self.assertIn("Leadership granted one free month", self.lead.message_ids[0].body)
        self.env.flush_all()
        self.env.cr.flush()
        tracked = request.message_ids.sudo().tracking_value_ids.field_id.mapped("name")
        self.assertIn("state", tracked)
        with self.assertRaisesRegex(UserError, r"is closed\.$"):
            request.with_user(self.manager).write({"outcome": "changed later"})
        with self.assertRaisesRegex(UserError, r"cannot go from Done to Done\."):
            request.with_user(self.manager).action_done("again")
        self.assertEqual(request.outcome, "Leadership granted one free month")

    def test_rule_help_outcome_required(self):
        request = self.ask()
        with self.assertRaisesRegex(UserError, r"^Write the outcome before closing the request\.$"):
            request.with_user(self.manager).action_done("  ")
        self.assertEqual((request.state, request.closed_by_id.id), ("requested", False))

    def test_rule_help_only_credited_agent_asks(self):
        refused = r"^Only the agent credited with a prospect asks the manager for help on it\.$"
        for user in (self.manager, self.leader):
            with self.assertRaisesRegex(AccessError, refused):
                self.ask(user)
            with self.assertRaisesRegex(AccessError, refused):
                self.lead.with_user(user).action_request_manager_help()
        unseen = r"^You can only act on or refer to prospects you can see\."
        with self.assertRaisesRegex(AccessError, unseen):
            self.ask(self.agent2)
        with self.assertRaisesRegex(AccessError, unseen):
            self.lead.with_user(self.agent2).action_request_manager_help()
        for user in (self.frontdesk, self.keyaccount):
            with self.assertRaisesRegex(AccessError, acl_refused("create", "leasing.help.request")):
                self.ask(user)
        self.assertFalse(self.requests())

    def test_rule_help_public_prospect_has_nobody_to_ask(self):
        self.lead._leasing_change_attribution(self.env["res.users"], "test", "manual", "public")
        with self.assertRaisesRegex(AccessError, r"^Only the agent credited"):
            self.ask()
        self.assertFalse(self.requests())

    def test_rule_help_reason_required(self):
        with self.assertRaisesRegex(UserError, r"^Say what the special problem is\.$"):
            self.ask(reason=" ")
        self.assertFalse(self.requests())

    def test_rule_help_stamps_cannot_be_forged(self):
        with self.assertRaisesRegex(AccessError, r"can only be changed by the form's own buttons"):
            self.Request.with_user(self.agent1).create(
                {"lead_id": self.lead.id, "reason": "x", "state": "done"}
            )
        request = self.ask()
        for vals in ({"state": "done"}, {"closed_by_id": self.manager.id}, {"user_id": 1}):
            with self.assertRaisesRegex(AccessError, r"own buttons"):
                request.sudo().write(vals)
        with self.assertRaisesRegex(UserError, r"^Only the leasing manager writes the outcome\.$"):
            request.with_user(self.agent1).write({"outcome": "sorted it myself"})
        with self.assertRaisesRegex(UserError, r"^A request stays on its prospect"):
            request.with_user(self.manager).write(
                {"lead_id": self.env["crm.lead"].create({"name": "Other"}).id}
            )
        self.assertEqual(
            (request.state, request.outcome, request.lead_id), ("requested", False, self.lead)
        )

    def test_rule_help_agent_withdraws_only_own(self):
        request = self.ask()
        with self.assertRaisesRegex(AccessError, r"^Only the agent who asked withdraws"):
            request.with_user(self.manager).action_cancel()
        with self.assertRaisesRegex(AccessError, r"^Only the leasing manager closes"):
            request.with_user(self.agent1).action_done("done it")
        self.assertEqual(request.state, "requested")
        request.with_user(self.agent1).action_cancel()
        self.assertEqual((request.state, request.closed_by_id), ("cancelled", self.agent1))
        self.assertFalse(request.activity_ids)

    def test_rule_help_requests_never_deleted_and_seen_by_their_agent(self):
        request = self.ask()
        self.assertFalse(self.Request.with_user(self.agent2).search([("id", "=", request.id)]))
        self.assertEqual(
            self.Request.with_user(self.manager).search([("id", "=", request.id)]), request
        )
        with self.assertRaisesRegex(AccessError, acl_refused("read", "leasing.help.request")):
            request.with_user(self.frontdesk).read(["reason"])
        for user in (self.agent1, self.manager, self.leader):
            with self.assertRaisesRegex(AccessError, acl_refused("unlink", "leasing.help.request")):
                request.with_user(user).unlink()
        with self.assertRaisesRegex(AccessError, r"never deleted by hand"):
            request.sudo().unlink()
        self.assertTrue(request.exists())

    def test_rule_help_manager_calls_the_agents_prospect_only_when_asked(self):
        """Without an open request the manager may not call the agent's prospect; after the
        request is closed, neither."""
        calls = self.env["leasing.call.log"]
        with self.assertRaisesRegex(UserError, "Only agent1, who is credited with Hardware shop"):
            self.lead.with_user(self.manager).action_log_call()
        self.assertFalse(calls.search([("lead_id", "=", self.lead.id)]))
        request = self.ask()
        self.lead.with_user(self.manager).action_log_call()
        self.assertEqual(calls.search([("lead_id", "=", self.lead.id)]).user_id, self.manager)
        request.with_user(self.manager).action_done("Agreed a rent-free month")
        with self.assertRaisesRegex(UserError, "Only agent1"):
            calls.with_user(self.manager).create({"lead_id": self.lead.id})
        self.assertEqual(len(calls.search([("lead_id", "=", self.lead.id)])), 1)
        # The credited agent calls as ever.
        self.lead.with_user(self.agent1).action_log_call()
        self.assertEqual(len(calls.search([("lead_id", "=", self.lead.id)])), 2)

    def test_rule_help_manager_calls_public_prospects_freely(self):
        public = self.env["crm.lead"].create({"name": "Pool shop"})
        public._leasing_hold_public("test")
        public.with_user(self.manager).action_log_call()
        self.assertEqual(public.call_log_ids.user_id, self.manager)
