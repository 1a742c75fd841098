import doctest

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..models import attribution_rules, name_key
from ..models.attribution_rules import PHONE, PUBLIC, WALK_IN, Arrival, decide
from .common import LeasingOfficeCase

# The office's rules as a table of cases, free of the ORM:
# (case, arrival) -> (attribution, credited agent, turn used, returning, rule)
RULE_CASES = [
    ("new walk-in, agent free", Arrival(), ("rotation", None, True, False, "rotation")),
    (
        "new walk-in, nobody free",
        Arrival(available=False),
        (None, None, False, False, "refused_nobody"),
    ),
    (
        "returning walk-in",
        Arrival(known=True, credited="ann", available=False),
        ("returning", "ann", False, True, "returning"),
    ),
    (
        "returning public prospect",
        Arrival(known=True),
        ("returning", None, False, True, "returning_public"),
    ),
    (
        "filed prospect walks in",
        Arrival(known=True, credited="bob", filed_by="bob"),
        ("filed", "bob", False, False, "filed"),
    ),
    (
        "filed prospect holds another agent's card",
        Arrival(known=True, credited="bob", filed_by="bob", card_holder="cy"),
        ("filed", "bob", False, False, "filed"),
    ),
    ("card holder", Arrival(card_holder="cy"), ("card", "cy", False, False, "card")),
    (
        "card holder, nobody free",
        Arrival(card_holder="cy", available=False),
        ("card", "cy", False, False, "card"),
    ),
    (
        "leadership referral",
        Arrival(leadership=True),
        ("leadership", None, False, False, "leadership"),
    ),
    (
        "leadership referral who visited before",
        Arrival(known=True, credited="ann", leadership=True),
        ("returning", "ann", False, True, "returning"),
    ),
    (
        "overflow, nobody free",
        Arrival(overflow=True, available=False),
        ("public", None, False, False, "overflow"),
    ),
    (
        "overflow while an agent is free",
        Arrival(overflow=True),
        (None, None, False, False, "refused_overflow"),
    ),
    (
        "overflow while an agent is free, reason written",
        Arrival(overflow=True, overflow_reason=True),
        ("public", None, False, False, "overflow"),
    ),
    (
        "first call, office default",
        Arrival(channel=PHONE),
        ("rotation", None, True, False, "rotation"),
    ),
    (
        "first call, office credits calls to the public pool",
        Arrival(channel=PHONE, phone_first=PUBLIC),
        ("public", None, False, False, "phone_public"),
    ),
    (
        "first call, nobody free",
        Arrival(channel=PHONE, available=False),
        (None, None, False, False, "refused_nobody"),
    ),
    (
        "known caller",
        Arrival(channel=PHONE, known=True, credited="ann"),
        ("returning", "ann", False, True, "returning"),
    ),
    (
        "filed prospect calls",
        Arrival(channel=PHONE, known=True, credited="bob", filed_by="bob"),
        ("filed", "bob", False, False, "filed"),
    ),
    (
        "leadership referral calls",
        Arrival(channel=PHONE, leadership=True),
        ("leadership", None, False, False, "leadership"),
    ),
    (
        "card holder calls",
        Arrival(channel=PHONE, card_holder="cy"),
        ("card", "cy", False, False, "card"),
    ),
    (
        "transferred big account walks in",
        Arrival(known=True, credited="ann", transferred=True, key_account="kim"),
        ("key_account", "kim", False, True, "key_account"),
    ),
    (
        "transferred big account walks in, nobody free",
        Arrival(known=True, credited="ann", transferred=True, key_account="kim", available=False),
        ("key_account", "kim", False, True, "key_account"),
    ),
    (
        "transferred big account calls",
        Arrival(channel=PHONE, known=True, credited="ann", transferred=True, key_account="kim"),
        ("key_account", "kim", False, True, "key_account"),
    ),
    (
        "transferred big account still filed by an agent",
        Arrival(known=True, credited="bob", filed_by="bob", transferred=True, key_account="kim"),
        ("key_account", "kim", False, True, "key_account"),
    ),
    (
        "transferred big account holding an agent's card",
        Arrival(known=True, credited="ann", card_holder="cy", transferred=True, key_account="kim"),
        ("key_account", "kim", False, True, "key_account"),
    ),
]


@tagged("post_install", "-at_install", "leasing_attribution")
class TestAttributionRules(BaseCase):
    """The pure decision of who is credited, for every channel."""

    def test_doctests(self):
        for module in (attribution_rules, name_key):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)

    def test_case_table(self):
        for case, arrival, expected in RULE_CASES:
            with self.subTest(case=case):
                self.assertEqual(tuple(decide(arrival)), expected)

    def test_every_rule_has_a_case(self):
        rules = {expected[-1] for _case, _arrival, expected in RULE_CASES}
        self.assertEqual(
            rules,
            {
                "rotation",
                "refused_nobody",
                "returning",
                "returning_public",
                "filed",
                "card",
                "leadership",
                "overflow",
                "refused_overflow",
                "phone_public",
                "key_account",
            },
        )
        channels = {arrival.channel for _case, arrival, _expected in RULE_CASES}
        self.assertEqual(channels, {WALK_IN, PHONE})


@tagged("post_install", "-at_install", "leasing_attribution")
class TestAttributionEngine(LeasingOfficeCase):
    """The engine applied: prospect, contact record, turn and explanation."""

    def turns(self):
        return len(self.rotation.turn_ids.filtered(lambda t: t.state == "done"))

    def test_walk_in_rotation_records_turn_and_visit(self):
        wizard = self.register(phone="13800031000")
        visit = wizard.visit_id
        self.assertEqual(visit.channel, "walk_in")
        self.assertEqual(visit.turn_id.visit_id, visit)
        self.assertEqual(visit.turn_id.lead_id, wizard.lead_id)
        self.assertEqual(wizard.lead_id.attributed_user_id, self.agent1)
        self.assertEqual(wizard.explanation, visit.turn_id.explanation)

    def test_overflow_refused_while_an_agent_is_free(self):
        leads = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(UserError, "An agent of today's rotation is available"):
            self.register(phone="13800031001", overflow=True)
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)
        self.assertEqual(self.turns(), 0)

    def test_overflow_with_reason_is_logged_for_leadership(self):
        wizard = self.register(
            phone="13800031002", overflow=True, overflow_reason="Prospect asked for me only"
        )
        visit = wizard.visit_id
        self.assertTrue(wizard.lead_id.is_public)
        self.assertEqual(visit.overflow_reason, "Prospect asked for me only")
        self.assertIn("Prospect asked for me only", visit.explanation)
        self.assertEqual(self.turns(), 0)
        listed = (
            self.env["leasing.visit"]
            .with_user(self.leader)
            .search([("overflow_reason", "!=", False)])
        )
        self.assertIn(visit, listed)

    def test_overflow_when_nobody_is_free_needs_no_reason(self):
        for line in self.rotation.line_ids:
            self.set_status(line, "busy")
        wizard = self.register(phone="13800031003", overflow=True)
        self.assertTrue(wizard.lead_id.is_public)
        self.assertFalse(wizard.visit_id.overflow_reason)


@tagged("post_install", "-at_install", "leasing_attribution")
class TestPhoneInquiry(LeasingOfficeCase):
    """Phone inquiries (來電) go through the same engine as walk-ins."""

    def call(self, user=None, **vals):
        vals.setdefault("contact_name", "Caller")
        wizard = self.env["leasing.phone.inquiry"].with_user(user or self.frontdesk).create(vals)
        wizard.action_log_call()
        return wizard.with_env(self.env)

    def turns(self):
        return len(self.rotation.turn_ids.filtered(lambda t: t.state == "done"))

    def test_first_time_caller_takes_the_next_turn_by_default(self):
        wizard = self.call(phone="13800032001")
        visit = wizard.visit_id
        self.assertEqual(visit.channel, "phone")
        self.assertEqual(wizard.lead_id.attribution_type, "rotation")
        self.assertEqual(wizard.credited_user_id, self.agent1)
        self.assertEqual(visit.turn_id.visit_id, visit)
        self.assertEqual(self.turns(), 1)

    def test_first_time_caller_public_when_the_office_says_so(self):
        self.env.company.leasing_phone_first_caller = "public"
        wizard = self.call(phone="13800032002")
        self.assertTrue(wizard.lead_id.is_public)
        self.assertEqual(wizard.visit_id.received_user_id, self.frontdesk)
        self.assertEqual(
            wizard.explanation,
            "Public pool: first-time caller (the office credits first calls to the public "
            "pool); taken by frontdesk",
        )
        self.assertEqual(self.turns(), 0)

    def test_known_caller_goes_to_their_agent(self):
        walked_in = self.register(phone="13800032003").lead_id
        self.assertEqual(walked_in.attributed_user_id, self.agent1)
        wizard = self.call(phone="138 0003 2003")
        self.assertEqual(wizard.lead_id, walked_in)
        self.assertEqual(wizard.credited_user_id, self.agent1)
        self.assertEqual(wizard.visit_id.visit_kind, "returning")
        self.assertEqual(self.turns(), 1)
        channels = self.env["leasing.visit"]._read_group(
            [("lead_id", "=", walked_in.id)], ["channel"], ["__count"]
        )
        self.assertEqual(dict(channels), {"walk_in": 1, "phone": 1})

    def test_filed_caller_goes_to_the_filing_agent(self):
        filing = (
            self.env["leasing.prospect.filing"]
            .with_user(self.agent4)
            .create({"contact_name": "Filed caller", "phone": "13800032004"})
        )
        filing.action_file()
        wizard = self.call(phone="13800032004")
        self.assertEqual(wizard.credited_user_id, self.agent4)
        self.assertEqual(wizard.visit_id.attribution_type, "filed")
        self.assertEqual(self.turns(), 0)

    def test_leadership_caller_is_public(self):
        wizard = self.call(phone="13800032005", leadership_referral=True)
        self.assertEqual(wizard.lead_id.attribution_type, "leadership")
        self.assertEqual(self.turns(), 0)

    def test_agent_on_duty_logs_a_call(self):
        wizard = self.call(self.agent2, phone="13800032006")
        self.assertEqual(wizard.visit_id.registered_by_id, self.agent2)
        self.assertEqual(wizard.credited_user_id, self.agent1)

    def test_agent_off_duty_cannot_log_a_call(self):
        leads = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(UserError, "Only front desk or an agent on duty"):
            self.call(self.agent5, phone="13800032007")
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)
        self.assertEqual(self.turns(), 0)

    def test_call_without_phone_is_refused(self):
        with self.assertRaisesRegex(UserError, "Enter the caller's phone"):
            self.call(contact_name="No number")
        self.assertEqual(self.turns(), 0)
