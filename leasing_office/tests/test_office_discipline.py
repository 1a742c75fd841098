from datetime import date, datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

# The office is in Asia/Shanghai (UTC+8): 09:00 there is 01:00 UTC, 18:00 is 10:00 UTC.
MONDAY = date(2030, 3, 4)
TUESDAY = date(2030, 3, 5)
NEXT_MONDAY = date(2030, 3, 11)


def utc(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute)


@tagged("post_install", "-at_install", "leasing_discipline")
class TestOfficeDiscipline(LeasingOfficeCase):
    """The office's discipline runs itself: stamped reception times, expected forms from
    events and the routine, not started counts as not done, reminders and escalation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Duty = cls.env["leasing.obligation"]
        cls.unit = cls.env["leasing.unit"].create({"code": "DISC-1", "floor": "1", "zone": "A"})
        cls.monday_rotation = cls.env["leasing.rotation"].create(
            {
                "date": MONDAY,
                "line_ids": [
                    fields.Command.create({"user_id": cls.agent1.id, "sequence": 1}),
                    fields.Command.create({"user_id": cls.agent2.id, "sequence": 2}),
                ],
            }
        )

    def duties(self, kind, user=None):
        domain = [("kind", "=", kind)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.Duty.search(domain)

    def activities(
        self, record, user, xmlid="leasing_office.mail_activity_type_leasing_obligation"
    ):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("user_id", "=", user.id),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def open_signing_plan(self, action, signing_date):
        """What the web client saves from the pre-filled form the deposit opens."""
        vals = {key.removeprefix("default_"): value for key, value in action["context"].items()}
        vals.update(unit_ids=[(6, 0, self.unit.ids)], planned_signing_date=signing_date)
        return self.env["leasing.signing.plan"].with_user(self.agent1).create(vals)

    def walk_in(self, minutes=0):
        with freeze_time(utc(MONDAY, 1, minutes)):
            wizard = self.register(contact_name="Disc Tea", phone="13800019001")
        return wizard.visit_id

    # Reception times --------------------------------------------------------------

    def test_reception_times_are_stamped_and_waiting_time_kept(self):
        visit = self.walk_in()
        self.assertEqual(visit.credited_user_id, self.agent1)
        self.assertEqual(visit.arrived_at, utc(MONDAY, 1))
        with freeze_time(utc(MONDAY, 1, 12)):
            with self.assertRaisesRegex(UserError, "Only front desk .or the agent receiving."):
                visit.with_user(self.agent2).action_mark_received()
            self.assertFalse(visit.received_at)
            visit.with_user(self.agent1).action_mark_received()
        self.assertEqual(visit.received_at, utc(MONDAY, 1, 12))
        self.assertEqual(visit.waiting_minutes, 12)
        with self.assertRaisesRegex(UserError, "already stamped"):
            visit.with_user(self.frontdesk).action_mark_received()
        self.assertEqual(visit.received_at, utc(MONDAY, 1, 12))

    def test_reception_times_cannot_be_typed(self):
        visit = self.walk_in()
        for user in (self.agent1, self.frontdesk, self.manager):
            with self.assertRaisesRegex(AccessError, "can only be changed by the form's own"):
                visit.with_user(user).sudo().write({"received_at": utc(MONDAY, 1, 1)})
        self.assertFalse(visit.received_at)

    def test_mark_left_creates_the_registration_for_the_credited_agent(self):
        visit = self.walk_in()
        with freeze_time(utc(MONDAY, 1, 40)):
            with self.assertRaisesRegex(UserError, "Only front desk"):
                visit.with_user(self.agent1).action_mark_left()
            visit.with_user(self.frontdesk).action_mark_left()
        form = visit.registration_id
        self.assertEqual(visit.left_at, utc(MONDAY, 1, 40))
        self.assertEqual(form.visit_id, visit)
        self.assertEqual(form.user_id, self.agent1)
        self.assertEqual(form.lead_id, visit.lead_id)
        self.assertEqual(form.visit_end, utc(MONDAY, 1, 40))
        self.assertEqual(form.deadline, utc(MONDAY, 2, 10))
        self.assertEqual(form.compliance, "pending")
        duty = self.duties("registration", self.agent1)
        self.assertEqual(duty.form_ref, form)
        self.assertEqual(duty.deadline, form.deadline)
        # The agent cannot move the times that decide the deadline.
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own"):
            form.with_user(self.agent1).write({"visit_end": utc(MONDAY, 5)})
        self.assertEqual(form.deadline, utc(MONDAY, 2, 10))
        with self.assertRaisesRegex(UserError, "already stamped"):
            visit.with_user(self.frontdesk).action_mark_left()
        self.assertEqual(
            len(self.env["leasing.visitor.registration"].search([("visit_id", "=", visit.id)])), 1
        )

    def test_registration_deadline_window_is_configurable(self):
        self.env.company.leasing_registration_minutes = 45
        visit = self.walk_in()
        with freeze_time(utc(MONDAY, 1, 40)):
            visit.with_user(self.frontdesk).action_mark_left()
        self.assertEqual(visit.registration_id.deadline, utc(MONDAY, 2, 25))

    # Expected forms -------------------------------------------------------------

    def test_followup_plan_owed_by_every_agent_on_duty(self):
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
            self.Duty._cron_generate()  # idempotent
        owed = self.duties("followup").filtered(lambda d: d.period_date == MONDAY)
        self.assertEqual(owed.user_id, self.agent1 | self.agent2)
        self.assertEqual(set(owed.mapped("deadline")), {utc(MONDAY, 10)})
        for duty in owed:
            self.assertEqual(len(self.activities(duty, duty.user_id)), 1)

    def test_no_followups_today_is_a_complete_plan(self):
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
        with freeze_time(utc(MONDAY, 9)):
            plan = (
                self.env["leasing.followup.plan"]
                .with_user(self.agent2)
                .create({"plan_date": MONDAY, "no_followups": True})
            )
            plan.with_user(self.agent2).action_submit()
        self.assertEqual(plan.compliance, "on_time")
        with freeze_time(utc(MONDAY, 11)):
            self.Duty._cron_escalate()
        duty = self.duties("followup", self.agent2)
        self.assertEqual(duty.state, "done")
        self.assertEqual(duty.form_ref, plan)
        self.assertFalse(self.activities(duty, self.agent2))

    def test_deposit_makes_the_signing_plan_owed(self):
        visit = self.walk_in()
        lead = visit.lead_id
        with self.assertRaisesRegex(UserError, "Front desk .or the manager. records a deposit"):
            self.env["leasing.deposit"].with_user(self.agent1).create(
                {"lead_id": lead.id, "amount": 5000, "receipt_number": "D-1"}
            )
        with freeze_time(utc(MONDAY, 3)):
            deposit = (
                self.env["leasing.deposit"]
                .with_user(self.frontdesk)
                .create({"lead_id": lead.id, "amount": 5000, "receipt_number": "D-1"})
            )
        self.assertEqual(deposit.received_at, utc(MONDAY, 3))
        self.assertEqual(deposit.deposit_date, MONDAY)
        self.assertEqual(deposit.user_id, self.agent1)
        duty = self.duties("signing", self.agent1)
        self.assertEqual(duty.deadline, utc(MONDAY, 10))
        self.assertEqual(duty.source_ref, deposit)
        self.assertEqual(len(self.activities(duty, self.agent1)), 1)
        action = deposit.with_user(self.agent1).action_open_signing_plan()
        with freeze_time(utc(MONDAY, 4)):
            plan = self.open_signing_plan(action, date(2030, 3, 20))
            plan.with_user(self.agent1).action_submit()
        self.assertEqual(plan.receipt_number, "D-1")
        self.assertEqual(plan.deposit_amount, 5000)
        duty._evaluate()
        self.assertEqual(duty.state, "done")
        self.assertEqual(duty.form_ref, plan)

    def test_zero_deposit_is_refused(self):
        lead = self.walk_in().lead_id
        with self.assertRaisesRegex(UserError, "more than zero"):
            self.env["leasing.deposit"].with_user(self.frontdesk).create(
                {"lead_id": lead.id, "amount": 0, "receipt_number": "D-0"}
            )
        self.assertFalse(self.env["leasing.deposit"].search([("receipt_number", "=", "D-0")]))

    # Escalation -----------------------------------------------------------------

    def test_overdue_item_escalates_to_the_superior(self):
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
        duty = self.duties("followup", self.agent2)
        with freeze_time(utc(MONDAY, 11)):  # an hour late: reminded, not yet escalated
            self.Duty._cron_escalate()
        self.assertEqual(duty.state, "not_done")
        self.assertFalse(duty.escalated)
        self.assertEqual(len(self.activities(duty, self.agent2)), 2)  # due, then overdue
        with freeze_time(utc(MONDAY, 12, 30)):
            self.Duty._cron_escalate()
        self.assertTrue(duty.escalated)
        self.assertIn(self.manager, duty.escalated_to_ids)
        self.assertNotIn(self.leader, duty.escalated_to_ids)
        xmlid = "leasing_office.mail_activity_type_leasing_escalation"
        self.assertEqual(len(self.activities(duty, self.manager, xmlid)), 1)
        escalated = self.Duty.with_user(self.manager).search(
            [("escalated_to_ids", "in", self.manager.ids)]
        )
        self.assertIn(duty, escalated)
        with freeze_time(utc(MONDAY, 14)):
            self.Duty._cron_escalate()  # once
        self.assertEqual(len(self.activities(duty, self.manager, xmlid)), 1)

    def test_superiors(self):
        self.assertIn(self.manager, self.Duty._superiors_of(self.agent1))
        self.assertNotIn(self.leader, self.Duty._superiors_of(self.agent1))
        self.assertIn(self.leader, self.Duty._superiors_of(self.manager))
        self.assertFalse(self.Duty._superiors_of(self.leader))

    def test_escalation_delay_is_configurable(self):
        self.env.company.leasing_escalate_hours = 5.0
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
        with freeze_time(utc(MONDAY, 13)):
            self.Duty._cron_escalate()
        self.assertFalse(self.duties("followup", self.agent2).escalated)
        with freeze_time(utc(MONDAY, 15, 1)):
            self.Duty._cron_escalate()
        self.assertTrue(self.duties("followup", self.agent2).escalated)

    def test_agent_sees_only_own_expected_forms(self):
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
        seen = self.Duty.with_user(self.agent1).search([("period_date", "=", MONDAY)])
        self.assertEqual(seen.user_id, self.agent1)
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own"):
            seen.with_user(self.agent1).write({"state": "done"})
        self.assertEqual(seen.state, "pending")

    # A week in the office ---------------------------------------------------------

    def test_a_week_in_the_office(self):
        """Monday's walk-in, plans, deposit and field visit; the next Monday's check lists
        exactly agent2's follow-up plan nobody opened, agent1's follow-up left without a
        result, and the manager's own weekly check missed that Monday."""
        visit = self.walk_in()
        lead = visit.lead_id
        with freeze_time(utc(MONDAY, 1)):
            self.Duty._cron_generate()
        with freeze_time(utc(MONDAY, 1, 5)):
            visit.with_user(self.agent1).action_mark_received()
        with freeze_time(utc(MONDAY, 1, 40)):
            visit.with_user(self.frontdesk).action_mark_left()
        registration = visit.registration_id
        # The manager tiers the new merchant: that is this week's tier verification.
        with freeze_time(utc(MONDAY, 1, 50)):
            lead.with_user(self.manager).action_assign_tier("3")
        with freeze_time(utc(MONDAY, 2)):
            registration.with_user(self.agent1).write(
                {"business_type": "Tea", "desired_area": 80, "needs": "Corner shop"}
            )
            registration.with_user(self.agent1).action_submit()
        self.assertEqual(registration.compliance, "on_time")
        # A follow-up plan on time, with a follow-up on Tuesday that never gets a result.
        with freeze_time(utc(MONDAY, 8)):
            followups = (
                self.env["leasing.followup.plan"]
                .with_user(self.agent1)
                .create(
                    {
                        "plan_date": MONDAY,
                        "line_ids": [
                            (0, 0, {"lead_id": lead.id, "planned_date": TUESDAY, "purpose": "Rent"})
                        ],
                    }
                )
            )
            followups.with_user(self.agent1).action_submit()
        # A deposit, and its signing plan on time.
        with freeze_time(utc(MONDAY, 3)):
            deposit = (
                self.env["leasing.deposit"]
                .with_user(self.frontdesk)
                .create({"lead_id": lead.id, "amount": 8000, "receipt_number": "W-1"})
            )
            action = deposit.with_user(self.agent1).action_open_signing_plan()
            signing = self.open_signing_plan(action, date(2030, 3, 25))
            signing.with_user(self.agent1).action_submit()
        # A field-visit plan: the manager's signature is an activity for the manager.
        with freeze_time(utc(MONDAY, 4)):
            trip = (
                self.env["leasing.field.visit.plan"]
                .with_user(self.agent1)
                .create(
                    {
                        "departure": utc(MONDAY, 5),
                        "line_ids": [(0, 0, {"lead_id": lead.id, "purpose": "See the shop"})],
                    }
                )
            )
            trip.with_user(self.agent1).action_submit()
        sign = "leasing_office.mail_activity_type_leasing_approval"
        self.assertEqual(len(self.activities(trip, self.manager, sign)), 1)
        self.assertFalse(self.activities(trip, self.agent1, sign))
        with freeze_time(utc(MONDAY, 4, 30)):
            trip.with_user(self.manager).action_approve()
            self.Duty._cron_generate()
        self.assertFalse(self.activities(trip, self.manager, sign))
        log_duty = self.duties("field_log", self.agent1)
        self.assertEqual(log_duty.deadline, utc(TUESDAY, 2))  # 10:00 the next morning
        # Tuesday morning: the log, then the manager's review of it.
        with freeze_time(utc(TUESDAY, 1)):
            action = trip.with_user(self.agent1).action_open_log()
            log = self.env["leasing.field.visit.log"].browse(action["res_id"])
            log.line_ids.with_user(self.agent1).write({"outcome": "Interested"})
            log.with_user(self.agent1).action_submit()
            self.Duty._cron_generate()
        review = self.duties("log_review", self.manager)
        self.assertEqual(review.source_ref, log)
        self.assertEqual(review.deadline, utc(date(2030, 3, 6), 10))
        with freeze_time(utc(TUESDAY, 6)):
            log.with_user(self.manager).action_approve()
        # The week goes by; the hourly crons run.
        with freeze_time(utc(TUESDAY, 12)):
            self.Duty._cron_generate()
            self.Duty._cron_escalate()
        result_duty = self.duties("followup_result", self.agent1)
        self.assertEqual(result_duty.source_ref, followups.line_ids)
        self.assertEqual(result_duty.state, "not_done")
        self.assertEqual(self.duties("followup", self.agent2).state, "not_done")
        for kind in ("registration", "followup", "signing", "field_log"):
            self.assertEqual(self.duties(kind, self.agent1).state, "done", kind)
        self.assertEqual(review.state, "done")
        # Monday's field visit covered the new prospect: its next one is due in 90 days.
        self.assertEqual(lead.last_field_visit_date, MONDAY)
        self.assertFalse(self.duties("field_visit", self.agent1))
        # This Monday's weekly check (of the week before) was never done: it escalated
        # from the manager to leadership.
        missed_check = self.duties("weekly_check", self.manager)
        self.assertEqual(missed_check.period_date, MONDAY)
        self.assertEqual(missed_check.state, "not_done")
        self.assertIn(self.leader, missed_check.escalated_to_ids)
        self.assertNotIn(self.manager, missed_check.escalated_to_ids)
        # Next Monday: the manager's weekly check is owed, and lists exactly those two.
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
            weekly = self.duties("weekly_check", self.manager) - missed_check
            self.assertEqual(weekly.deadline, utc(NEXT_MONDAY, 10))
            check = (
                self.env["leasing.compliance.check"]
                .with_user(self.manager)
                .create({"kind": "weekly", "date_from": MONDAY, "date_to": date(2030, 3, 10)})
            )
            expected = self.duties("followup", self.agent2) | result_duty | missed_check
            ours = self.agents | self.manager
            found = check.item_ids.obligation_id
            self.assertEqual(found.filtered(lambda d: d.user_id in ours), expected)
            # The demo database's own manager missed that Monday's check too.
            self.assertEqual(set((found - expected).mapped("kind")), {"weekly_check"})
            self.assertFalse(check.item_ids.filtered("form_ref"))
            self.assertEqual(
                {
                    (line.user_id, line.not_done_count)
                    for line in check.line_ids
                    if line.user_id in ours
                },
                {(self.agent1, 1), (self.agent2, 1), (self.manager, 1)},
            )
            # None of them was ever started.
            never = {
                line.user_id: line.not_started_count
                for line in check.line_ids
                if line.user_id in ours
            }
            self.assertEqual(never, {self.agent1: 1, self.agent2: 1, self.manager: 1})
            check.with_user(self.manager).action_mark_checked()
            self.Duty._cron_escalate()
        self.assertEqual(weekly.state, "done")
        tiers = self.duties("tier_check", self.manager)
        self.assertEqual(tiers.mapped("period_date"), [NEXT_MONDAY, MONDAY])
        self.assertEqual(tiers[1].state, "done")
