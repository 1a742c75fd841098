from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from ..models import office_clock
from .access_errors import rule_refused
from .common_malls import TwoMallsCase


@tagged("post_install", "-at_install", "leasing_multi_company")
class TestMultiCompany(TwoMallsCase):
    """Several malls: rotation, prospects and credit per mall; company rules."""

    # ------------------------------------------------------------------
    # ROTATION, CREDIT AND PROSPECTS PER MALL
    # ------------------------------------------------------------------

    def test_walkin_in_mall_b_never_takes_mall_a_turn(self):
        wizard = self.register_b(phone="13800151000")
        visit = wizard.visit_id
        self.assertEqual(visit.company_id, self.mall_b)
        self.assertEqual(visit.rotation_id, self.rotation_b)
        self.assertEqual(wizard.lead_id.company_id, self.mall_b)
        self.assertEqual(wizard.lead_id.attributed_user_id, self.agent1)
        self.assertEqual(self.turns(self.rotation_b), [1, 0])
        self.assertEqual(self.turns(self.rotation), [0, 0, 0, 0])
        self.assertEqual(self.rotation.next_user_id, self.agent1)

    def test_agent_in_two_malls_is_in_each_rotation_and_credited_per_mall(self):
        in_a = self.register(phone="13800151001")
        in_b = self.register_b(phone="13800151002")
        self.assertEqual(in_a.lead_id.attributed_user_id, self.agent1)
        self.assertEqual(in_b.lead_id.attributed_user_id, self.agent1)
        self.assertEqual(self.turns(self.rotation), [1, 0, 0, 0])
        self.assertEqual(self.turns(self.rotation_b), [1, 0])
        self.assertEqual(self.rotation.next_user_id, self.agent2)
        self.assertEqual(self.rotation_b.next_user_id, self.agent_b)
        Visit = self.env["leasing.visit"]
        credited = Visit.search([("credited_user_id", "=", self.agent1.id)])
        self.assertEqual(credited.company_id, self.mall_a | self.mall_b)
        # The agent sees the credit of the mall they are working in, then of both.
        in_mall_a = (
            self.in_malls(self.agent1, self.mall_a)["leasing.visit"]
            .search([("credited_user_id", "=", self.agent1.id)])
            .with_env(self.env)
        )
        self.assertEqual(in_mall_a, in_a.visit_id)
        in_both = (
            self.both_malls(self.agent1)["leasing.visit"]
            .search([("credited_user_id", "=", self.agent1.id)])
            .with_env(self.env)
        )
        self.assertEqual(in_both, in_a.visit_id | in_b.visit_id)

    def test_prospect_of_mall_a_is_a_new_prospect_in_mall_b(self):
        in_a = self.register(phone="13800151003", partner_name="Brand Co")
        in_b = self.register_b(phone="13800151003", partner_name="Brand Co")
        self.assertNotEqual(in_b.lead_id, in_a.lead_id)
        self.assertEqual(in_b.visit_id.visit_kind, "first")
        self.assertEqual(in_b.visit_id.attribution_type, "rotation")
        self.assertEqual(self.turns(self.rotation_b), [1, 0])
        self.assertEqual(in_a.lead_id.visit_count, 1)
        # Back in mall B, the prospect is mall B's returning prospect.
        again = self.register_b(phone="13800151003")
        self.assertEqual(again.lead_id, in_b.lead_id)
        self.assertEqual(again.visit_id.visit_kind, "returning")
        self.assertEqual(self.turns(self.rotation_b), [1, 0])

    def test_two_front_desks_in_two_malls_keep_both_rotations_exact(self):
        credited_a, credited_b = [], []
        for i in range(5):
            credited_a.append(self.register(phone=f"1380015200{i}").lead_id.attributed_user_id)
            credited_b.append(self.register_b(phone=f"1380015300{i}").lead_id.attributed_user_id)
        self.assertEqual(
            credited_a, [self.agent1, self.agent2, self.agent3, self.agent4, self.agent1]
        )
        self.assertEqual(
            credited_b, [self.agent1, self.agent_b, self.agent1, self.agent_b, self.agent1]
        )
        self.assertEqual(self.turns(self.rotation), [2, 1, 1, 1])
        self.assertEqual(self.turns(self.rotation_b), [3, 2])
        self.assertEqual(set(self.rotation.turn_ids.company_id), {self.mall_a})
        self.assertEqual(set(self.rotation_b.turn_ids.company_id), {self.mall_b})

    def test_public_pool_prospect_stays_in_its_mall(self):
        for line in self.rotation_b.line_ids:
            line.with_user(self.frontdesk_b).status = "busy"
        wizard = self.register_b(phone="13800151004", overflow=True)
        self.assertTrue(wizard.lead_id.is_public)
        self.assertEqual(wizard.lead_id.company_id, self.mall_b)
        self.assertFalse(
            self.env["crm.lead"].with_user(self.manager).search([("id", "=", wizard.lead_id.id)])
        )

    def test_card_of_an_agent_of_another_mall_gives_no_credit(self):
        leads = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(ValidationError, "agent2 does not work in Mall B"):
            self.register_b(phone="13800151005", card_user_id=self.agent2.id)
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)
        self.assertEqual(self.turns(self.rotation_b), [0, 0])

    def test_rotation_line_of_an_agent_of_another_mall_is_refused(self):
        Line = self.env["leasing.rotation.line"]
        # Odoo's assertRaises (not assertRaisesRegex) rolls the refused create back.
        with self.assertRaises(UserError) as caught:
            Line.with_user(self.frontdesk_b).create(
                {"rotation_id": self.rotation_b.id, "user_id": self.agent2.id, "sequence": 3}
            )
        self.assertIn("company inconsistencies", str(caught.exception))
        seats = Line.search([("rotation_id", "=", self.rotation_b.id)])
        self.assertEqual(seats, self.line_b1 | self.line_b2)

    # ------------------------------------------------------------------
    # COMPANY RULES: A MANAGER OF ONE MALL IS REFUSED IN THE OTHER
    # ------------------------------------------------------------------

    def test_leasing_visit_rule_company(self):
        visit = self.register_b(phone="13800151006").visit_id
        self.assertFalse(
            self.env["leasing.visit"].with_user(self.manager).search([("id", "=", visit.id)])
        )
        with self.assertRaisesRegex(AccessError, rule_refused("read", "leasing.visit")):
            visit.with_user(self.manager).read(["credited_user_id"])
        self.assertEqual(visit.with_user(self.manager_b).credited_user_id, self.agent1)

    def test_leasing_rotation_line_rule_company(self):
        line = self.line_b2.with_user(self.manager)
        with self.assertRaises(AccessError) as caught:
            line.status = "leave"
        self.assertRegex(str(caught.exception), rule_refused("read", "leasing.rotation.line"))
        self.assertIn("multi-company issue", str(caught.exception))
        self.assertEqual(self.line_b2.status, "available")
        self.line_b2.with_user(self.manager_b).status = "leave"
        self.assertEqual(self.line_b2.status, "leave")

    def test_leasing_rotation_rule_company(self):
        with self.assertRaisesRegex(AccessError, rule_refused("read", "leasing.rotation")):
            self.rotation_b.with_user(self.manager).read(["line_ids"])
        self.assertEqual(
            self.env["leasing.rotation"].with_user(self.manager_b).search([]), self.rotation_b
        )

    def test_leasing_rotation_turn_rule_company(self):
        turn = self.register_b(phone="13800151007").visit_id.turn_id
        self.assertFalse(
            self.env["leasing.rotation.turn"].with_user(self.manager).search([("id", "=", turn.id)])
        )
        self.assertEqual(
            self.env["leasing.rotation.turn"].with_user(self.manager_b).search([]), turn
        )

    def test_leasing_duty_roster_rule_company(self):
        roster = self.env["leasing.duty.roster"].create(
            {
                "date": "2030-01-07",
                "company_id": self.mall_b.id,
                "line_ids": [fields.Command.create({"user_id": self.agent_b.id})],
            }
        )
        with self.assertRaisesRegex(AccessError, rule_refused("write", "leasing.duty.roster")):
            roster.with_user(self.manager).date = "2030-01-08"
        self.assertEqual(str(roster.date), "2030-01-07")
        self.assertFalse(
            self.env["leasing.duty.roster.line"]
            .with_user(self.manager)
            .search([("id", "in", roster.line_ids.ids)])
        )

    def test_leasing_unit_rule_company(self):
        unit = self.env["leasing.unit"].create(
            {"code": "B-101", "area": 80.0, "company_id": self.mall_b.id}
        )
        with self.assertRaisesRegex(AccessError, rule_refused("write", "leasing.unit")):
            unit.with_user(self.manager).area = 90.0
        self.assertEqual(unit.area, 80.0)
        self.assertIn(unit, self.both_malls(self.leader)["leasing.unit"].search([]))

    def test_leasing_attribution_log_rule_company(self):
        lead = self.register_b(phone="13800151008").lead_id
        lead.with_user(self.manager_b)._leasing_change_attribution(
            self.agent_b, "Wrong seat", "manual"
        )
        logs = self.env["leasing.attribution.log"].search([("lead_id", "=", lead.id)])
        self.assertTrue(logs)
        self.assertFalse(
            self.env["leasing.attribution.log"]
            .with_user(self.manager)
            .search([("id", "in", logs.ids)])
        )

    def test_leadership_of_the_group_sees_both_malls(self):
        in_a = self.register(phone="13800151009").visit_id
        in_b = self.register_b(phone="13800151010").visit_id
        Visit = self.both_malls(self.leader)["leasing.visit"]
        seen = Visit.search([("id", "in", (in_a | in_b).ids)])
        self.assertEqual(seen.ids, (in_a | in_b).sorted(Visit._order).ids)
        only_b = self.env(user=self.leader, context={"allowed_company_ids": [self.mall_b.id]})[
            "leasing.visit"
        ].search([("id", "in", (in_a | in_b).ids)])
        self.assertEqual(only_b.ids, in_b.ids)

    def test_dispute_by_phone_is_on_the_prospect_of_the_raisers_mall(self):
        """The same number is a prospect in each mall: agent1, working in mall B, disputes
        mall B's, not mall A's (the newer one)."""
        in_b = self.register_b(phone="13800151011").lead_id
        in_a = self.register(phone="13800151011").lead_id
        self.assertGreater(in_a.id, in_b.id)
        dispute = (
            self.in_malls(self.agent1, self.mall_b)["leasing.attribution.dispute"]
            .create({"phone": "138 0015 1011", "reason": "Met them at the fair"})
            .sudo()
        )
        self.assertEqual(dispute.lead_id, in_b)

    # ------------------------------------------------------------------
    # SCHEDULED ACTIONS PER MALL
    # ------------------------------------------------------------------

    def test_expected_forms_are_generated_in_every_mall(self):
        """The hourly job expects today's follow-up plans in each mall from that mall's table:
        mall B's own agent owes one there; agent1, at work in both malls, owes one plan for
        the day, not one per mall."""
        Duty = self.env["leasing.obligation"]
        today = office_clock.office_today(self.env)
        followups = [("kind", "=", "followup"), ("period_date", "=", today)]
        self.assertFalse(Duty.search([*followups, ("user_id", "=", self.agent_b.id)]))
        Duty._cron_generate()
        owed_b = Duty.search([*followups, ("user_id", "=", self.agent_b.id)])
        self.assertEqual((len(owed_b), owed_b.company_id), (1, self.mall_b))
        self.assertEqual(len(Duty.search([*followups, ("user_id", "=", self.agent1.id)])), 1)
        self.assertEqual(
            Duty.search([*followups, ("user_id", "=", self.agent2.id)]).company_id, self.mall_a
        )

    def test_tomorrows_work_plan_lists_only_its_malls_signing_plans(self):
        tomorrow = office_clock.office_today(self.env) + timedelta(days=1)
        prospects = {}
        for mall, register, phone in (
            (self.mall_a, self.register, "13800152001"),
            (self.mall_b, self.register_b, "13800152002"),
        ):
            lead = register(phone=phone).lead_id
            agent_env = self.in_malls(lead.attributed_user_id, mall)
            agent_env["leasing.signing.plan"].create(
                {"lead_id": lead.id, "deposit_amount": 500, "planned_signing_date": tomorrow}
            )
            prospects[mall] = lead
        self.env["leasing.work.plan"]._cron_prepare_tomorrow()
        for mall, lead in prospects.items():
            plan = self.env["leasing.work.plan"].search(
                [("date", "=", tomorrow), ("company_id", "=", mall.id)]
            )
            signing = plan.line_ids.filtered(lambda line: line.kind == "signing")
            self.assertEqual(signing.lead_id, lead)

    def test_agent_pickers_offer_the_agents_of_the_current_mall(self):
        """The card holder, a seat, a target line: the pickers list the mall's own agents."""
        for model, field in (
            ("leasing.walkin.register", "card_user_id"),
            ("leasing.rotation.line", "user_id"),
            ("leasing.target.plan.line", "user_id"),
        ):
            for env, present, absent in (
                (
                    self.in_malls(self.frontdesk_b, self.mall_b),
                    self.agent1 | self.agent_b,
                    self.agent2,
                ),
                (self.in_malls(self.manager, self.mall_a), self.agent1 | self.agent2, self.agent_b),
            ):
                domain = env[model].fields_get([field], ["domain"])[field]["domain"]
                if isinstance(domain, str):  # a record of a mall adds Odoo's check_company
                    domain = safe_eval(domain, {"company_id": env.company.id})
                offered = self.env["res.users"].search(domain)
                with self.subTest(model=model, mall=env.company.name):
                    self.assertEqual(offered & (present | absent), present)

    # ------------------------------------------------------------------
    # COMMISSION PER MALL
    # ------------------------------------------------------------------

    def approved_plan(self, manager, mall, agents):
        """An approved plan of this month in ``mall``: {agent: target contracts}."""
        month = office_clock.office_today(self.env).replace(day=1)
        plan = self.in_malls(manager, mall)["leasing.target.plan"].create(
            {
                "date_from": month,
                "target_contracts": sum(agents.values()),
                "line_ids": [
                    fields.Command.create({"user_id": agent.id, "target_contracts": count})
                    for agent, count in agents.items()
                ],
            }
        )
        plan.action_request_approval()
        plan.with_user(self.leader).action_approve()
        return month

    def sign_in(self, mall, lead, code):
        env = self.env(context={"allowed_company_ids": mall.ids})
        unit = env["leasing.unit"].create({"code": code, "area": 100, "rent_standard": 10})
        return env["leasing.contract"].create(
            {
                "contract_number": f"HT-{code}",
                "lead_id": lead.id,
                "unit_id": unit.id,
                "signed_date": office_clock.office_today(self.env),
            }
        )

    def test_commission_counts_each_malls_contracts_in_its_own_statement(self):
        """agent1 signs in both malls: each mall's statement pays that mall's contract once,
        against that mall's target, even when computed from a session in the other mall."""
        month = self.approved_plan(self.manager, self.mall_a, {self.agent1: 2, self.agent2: 1})
        self.approved_plan(self.manager_b, self.mall_b, {self.agent1: 1, self.agent_b: 1})
        in_a = self.sign_in(self.mall_a, self.register(phone="13800153001").lead_id, "A-1")
        in_b = self.sign_in(self.mall_b, self.register_b(phone="13800153002").lead_id, "B-1")
        Statement = self.env["leasing.commission.statement"]
        statements = Statement._generate(month) | Statement.with_company(self.mall_b)._generate(
            month
        )
        agent1 = statements.filtered(lambda s: s.user_id == self.agent1 and s.kind == "agent")
        self.assertEqual(agent1.company_id, self.mall_a | self.mall_b)
        for statement, contract, rate in (
            (agent1.filtered(lambda s: s.company_id == self.mall_a), in_a, 50.0),
            (agent1.filtered(lambda s: s.company_id == self.mall_b), in_b, 100.0),
        ):
            with self.subTest(mall=statement.company_id.name):
                self.assertEqual(
                    (statement.contract_ids, statement.contract_count, statement.completion_rate),
                    (contract, 1, rate),
                )
        # Recomputed from a session in mall A, mall B's statement keeps mall B's target.
        in_mall_b = agent1.filtered(lambda s: s.company_id == self.mall_b)
        in_mall_b.with_company(self.mall_a).action_compute()
        self.assertEqual((in_mall_b.contract_ids, in_mall_b.completion_rate), (in_b, 100.0))
