from datetime import date, datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

GUARDED = "can only be changed by the form's own buttons"
LOCKED_LINES = "is locked: its lines cannot be added, changed or removed"


@tagged("post_install", "-at_install", "leasing_integrity")
class TestServerIntegrity(LeasingOfficeCase):
    """The office's promises hold in create/write/unlink, for every role, under sudo().

    Each test forges what a client could send over RPC and checks the specific refusal and
    that nothing changed. Actions (submit, approve, decide, register) still work.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create({"name": "Golden Tea", "phone": "13800016001"})
        cls.lead._leasing_set_attribution("rotation", cls.agent1, "test")
        cls.other_lead = cls.env["crm.lead"].create({"name": "Silver Shoes"})
        cls.other_lead._leasing_set_attribution("rotation", cls.agent2, "test")

    def field_plan(self, **vals):
        return (
            self.env["leasing.field.visit.plan"]
            .with_user(self.agent1)
            .create(
                {
                    "departure": datetime(2026, 3, 2, 1, 0),
                    "line_ids": [fields.Command.create({"lead_id": self.lead.id, "purpose": "Go"})],
                    **vals,
                }
            )
        )

    # 1. Workflow and approval fields ----------------------------------------------

    def test_agent_cannot_create_an_approved_field_plan(self):
        Plan = self.env["leasing.field.visit.plan"]
        count = Plan.search_count([])
        with self.assertRaisesRegex(AccessError, GUARDED):
            self.field_plan(approval_state="approved", approver_id=self.manager.id)
        self.assertEqual(Plan.search_count([]), count)

    def test_agent_cannot_approve_own_field_plan_by_write_even_with_sudo(self):
        plan = self.field_plan()
        for forger in (plan.with_user(self.agent1), plan.with_user(self.agent1).sudo()):
            with self.assertRaisesRegex(AccessError, GUARDED):
                forger.write({"approval_state": "approved", "approver_id": self.manager.id})
        self.assertEqual((plan.approval_state, plan.approver_id), ("draft", self.env["res.users"]))
        with self.assertRaisesRegex(UserError, "approves the field-visit plan"):
            self.env["leasing.field.visit.log"].with_user(self.agent1).create({"plan_id": plan.id})

    def test_context_default_cannot_forge_a_state(self):
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(self.agent1)
            .with_context(default_approval_state="approved", default_submitted_at="2026-03-01")
            .create({"departure": datetime(2026, 3, 2, 1, 0)})
        )
        self.assertEqual(plan.approval_state, "draft")
        self.assertFalse(plan.submitted_at)

    def test_agent_cannot_backdate_a_submission(self):
        plan = self.field_plan()
        with self.assertRaisesRegex(AccessError, GUARDED):
            plan.with_user(self.agent1).write({"submitted_at": datetime(2026, 3, 1, 0, 0)})
        self.assertFalse(plan.submitted_at)
        self.assertEqual(plan.compliance, "pending")
        with self.assertRaisesRegex(AccessError, GUARDED):
            plan.with_user(self.agent1).write({"compliance": "on_time"})
        self.assertEqual(plan.compliance, "pending")

    def test_manager_cannot_approve_commission_by_write(self):
        statement = self.env["leasing.commission.statement"].create(
            {"month": date(2026, 3, 1), "user_id": self.agent1.id, "kind": "agent"}
        )
        for field_name, value in (("amount", 999999.0), ("approval_state", "approved")):
            with self.assertRaisesRegex(AccessError, GUARDED):
                statement.with_user(self.manager).write({field_name: value})
        self.assertEqual((statement.approval_state, statement.amount), ("draft", 0.0))

    def test_leadership_sends_back_an_unreviewed_statement(self):
        statement = self.env["leasing.commission.statement"].create(
            {"month": date(2026, 3, 1), "user_id": self.agent1.id, "kind": "agent"}
        )
        statement.with_user(self.manager).action_request_approval()
        with self.assertRaisesRegex(UserError, "reviews a statement before leadership"):
            statement.with_user(self.leader).action_approve()
        statement.with_user(self.leader).action_send_back(comment="Review the figures first")
        self.assertEqual(statement.approval_state, "rejected")
        statement.with_user(self.manager).action_review()
        self.assertEqual(
            (statement.approval_state, statement.reviewed_by_id), ("to_approve", self.manager)
        )
        statement.with_user(self.leader).action_approve()
        self.assertEqual(statement.approval_state, "approved")

    def test_only_leadership_approves_target_plans_and_information(self):
        Plan = self.env["leasing.target.plan"].with_user(self.manager)
        with self.assertRaisesRegex(AccessError, GUARDED):
            Plan.create({"date_from": date(2026, 3, 1), "approval_state": "approved"})
        Info = self.env["leasing.info"].with_user(self.manager)
        with self.assertRaisesRegex(AccessError, GUARDED):
            Info.create({"name": "Rent", "category": "rent_standard", "approval_state": "approved"})
        info = Info.create({"name": "Rent", "category": "rent_standard"})
        info.action_request_approval()
        self.assertEqual(info.approver_label, "leadership")
        self.assertFalse(info.can_approve)
        with self.assertRaisesRegex(UserError, "Only leadership approves this form"):
            info.action_approve()
        self.assertEqual(info.approval_state, "to_approve")
        leader_info = info.with_user(self.leader)
        self.assertTrue(leader_info.can_approve)
        self.assertIn(info, leader_info.search([("can_approve", "=", True)]))
        self.assertNotIn(info, info.search([("can_approve", "=", True)]))
        leader_info.action_approve()
        self.assertTrue(info.is_sendable)

    def test_nobody_confirms_a_tier_by_write(self):
        for user in (self.agent1, self.manager, self.leader):
            with self.assertRaisesRegex(AccessError, GUARDED):
                self.lead.with_user(user).sudo().write({"tier_state": "confirmed"})
        self.assertEqual(self.lead.tier_state, "none")
        with self.assertRaisesRegex(UserError, "cannot go from Not Assessed to Confirmed"):
            self.lead.with_user(self.leader)._move_to("tier_state", "confirmed")

    # 2. Disputes ---------------------------------------------------------------

    def test_agent_cannot_create_a_decided_dispute(self):
        Dispute = self.env["leasing.attribution.dispute"].with_user(self.agent2)
        with self.assertRaisesRegex(AccessError, GUARDED):
            Dispute.create(
                {
                    "lead_id": self.lead.id,
                    "reason": "Mine",
                    "state": "reassigned",
                    "decided_by_id": self.manager.id,
                    "decision_reason": "agreed",
                }
            )
        self.assertFalse(self.lead.dispute_ids)
        self.assertEqual(self.lead.attributed_user_id, self.agent1)

    def test_decided_dispute_is_final(self):
        dispute = (
            self.env["leasing.attribution.dispute"]
            .with_user(self.agent2)
            .create({"lead_id": self.lead.id, "reason": "I met them first"})
        )
        with self.assertRaisesRegex(AccessError, GUARDED):
            dispute.with_user(self.agent2).write({"state": "reassigned"})
        dispute.with_user(self.manager)._decide("upheld", "Agent1 was first")
        for forger in (self.agent2, self.manager, self.leader):
            with self.assertRaisesRegex(AccessError, GUARDED):
                dispute.with_user(forger).write({"state": "open"})
            with self.assertRaisesRegex(UserError, "decided dispute cannot be changed"):
                dispute.with_user(forger).write({"reason": "rewritten"})
        self.assertEqual((dispute.state, dispute.reason), ("upheld", "I met them first"))
        self.assertEqual(dispute.decision_reason, "Agent1 was first")

    # 3. The rotation -------------------------------------------------------------

    def test_front_desk_cannot_create_a_line_owed_makeup_turns(self):
        Line = self.env["leasing.rotation.line"].with_user(self.frontdesk)
        with self.assertRaisesRegex(AccessError, GUARDED):
            Line.create(
                {"rotation_id": self.rotation.id, "user_id": self.agent5.id, "makeup_owed": 3}
            )
        self.assertNotIn(self.agent5, self.rotation.line_ids.user_id)
        self.register(phone="13900000101")
        self.assertEqual(self.rotation.turn_ids[:1].line_id, self.line1)

    def test_front_desk_cannot_move_the_pointer_or_the_counter(self):
        rotation = self.rotation.with_user(self.frontdesk)
        for vals in ({"last_line_id": self.line3.id}, {"registration_count": 7}):
            with self.assertRaisesRegex(AccessError, GUARDED):
                rotation.write(vals)
        self.assertFalse(self.rotation.last_line_id)
        self.assertEqual(self.rotation.registration_count, 0)
        wizard = self.register(phone="13900000102")
        self.assertEqual(wizard.visit_id.credited_user_id, self.agent1)
        self.assertEqual(self.rotation.registration_count, 1)

    # 4. Locked forms lock their lines ----------------------------------------------

    def test_approved_field_plan_locks_its_lines(self):
        plan = self.field_plan()
        with freeze_time(datetime(2026, 3, 2, 0, 30)):
            plan.with_user(self.agent1).action_submit()
            plan.with_user(self.manager).action_approve()
        line = plan.line_ids.with_user(self.agent1)
        Line = self.env["leasing.field.visit.plan.line"].with_user(self.agent1)
        with self.assertRaisesRegex(UserError, LOCKED_LINES):
            Line.create({"plan_id": plan.id, "lead_id": self.lead.id, "purpose": "Extra"})
        with self.assertRaisesRegex(UserError, LOCKED_LINES):
            line.write({"purpose": "Changed"})
        with self.assertRaisesRegex(UserError, LOCKED_LINES):
            line.unlink()
        with self.assertRaisesRegex(UserError, "is locked"):
            plan.with_user(self.agent1).write({"line_ids": [fields.Command.delete(line.id)]})
        self.assertEqual(plan.line_ids, line)
        self.assertEqual(line.purpose, "Go")

    def test_submitted_followup_plan_keeps_its_only_line(self):
        plan = (
            self.env["leasing.followup.plan"]
            .with_user(self.agent1)
            .create(
                {
                    "plan_date": date(2026, 3, 2),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "lead_id": self.lead.id,
                                "planned_date": date(2026, 3, 4),
                                "purpose": "Call",
                            }
                        )
                    ],
                }
            )
        )
        with freeze_time(datetime(2026, 3, 2, 9, 0)):
            plan.with_user(self.agent1).action_submit()
        with self.assertRaisesRegex(UserError, "is locked"):
            plan.with_user(self.agent1).write(
                {"line_ids": [fields.Command.delete(plan.line_ids.id)]}
            )
        with self.assertRaisesRegex(UserError, LOCKED_LINES):
            plan.line_ids.with_user(self.agent1).unlink()
        self.assertEqual(len(plan.line_ids), 1)
        self.assertTrue(plan.is_complete)

    # Prospects -----------------------------------------------------------------------

    def test_agent_cannot_make_own_prospect_public_or_move_its_team(self):
        lead = self.lead.with_user(self.agent1)
        with self.assertRaisesRegex(AccessError, "Attribution cannot be edited directly"):
            lead.write({"is_public": True})
        team = self.env["crm.team"].create({"name": "Elsewhere"})
        with self.assertRaisesRegex(AccessError, GUARDED):
            lead.write({"team_id": team.id})
        self.assertFalse(self.lead.is_public)
        self.assertNotEqual(self.lead.team_id, team)
        lead.write({"function": "Owner"})
        self.assertEqual(self.lead.function, "Owner")

    def test_stock_lead_keeps_stock_behaviour(self):
        team = self.env["crm.team"].create({"name": "Advertising"})
        salesman = self.env["res.users"].create(
            {
                "name": "Ad Sales",
                "login": "lo_adsales",
                "group_ids": [
                    fields.Command.set(self.env.ref("sales_team.group_sale_salesman").ids)
                ],
            }
        )
        lead = (
            self.env["crm.lead"]
            .with_user(salesman)
            .create({"name": "Billboard", "user_id": salesman.id})
        )
        lead.write({"team_id": team.id, "user_id": salesman.id})
        self.assertEqual((lead.team_id, lead.user_id), (team, salesman))
        self.assertFalse(lead.attribution_type)
