from datetime import date, timedelta

from odoo import fields
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase
from .test_office_discipline import MONDAY, NEXT_MONDAY, utc

SUNDAY = NEXT_MONDAY - timedelta(days=1)
NEXT_TUESDAY = NEXT_MONDAY + timedelta(days=1)
NEXT_WEDNESDAY = NEXT_MONDAY + timedelta(days=2)
NEXT_FRIDAY = NEXT_MONDAY + timedelta(days=4)


@tagged("post_install", "-at_install", "leasing_discipline")
class TestFieldCoverage(LeasingOfficeCase):
    """Every prospect, signed or not, is visited in the field some days after the first
    contact, then at the frequency of its class; a due visit is on the agent's next-day work
    plan, is expected of the agent, and counts as not done when missed. The manager owes
    the week's verification of the merchant tiers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Duty = cls.env["leasing.obligation"]
        cls.env["leasing.rotation"].create(
            {
                "date": MONDAY,
                "line_ids": [fields.Command.create({"user_id": cls.agent1.id, "sequence": 1})],
            }
        )
        with freeze_time(utc(MONDAY, 1)):
            wizard = cls.register(cls, contact_name="Cover Tea", phone="13800019071")
        cls.lead = wizard.visit_id.lead_id

    def duties(self, kind, source=None):
        domain = [("kind", "=", kind)]
        if source:
            domain.append(("source_ref", "=", f"{source._name},{source.id}"))
        return self.Duty.search(domain)

    def field_visit(self, day, lead=None):
        """agent1 visits ``lead`` in the field on ``day`` (plan approved, log the next
        morning)."""
        lead = lead or self.lead
        with freeze_time(utc(day, 0)):
            trip = (
                self.env["leasing.field.visit.plan"]
                .with_user(self.agent1)
                .create(
                    {
                        "departure": utc(day, 5),
                        "line_ids": [(0, 0, {"lead_id": lead.id, "purpose": "See the shop"})],
                    }
                )
            )
            trip.with_user(self.agent1).action_submit()
            trip.with_user(self.manager).action_approve()
        with freeze_time(utc(day + timedelta(days=1), 1)):
            action = trip.with_user(self.agent1).action_open_log()
            log = self.env["leasing.field.visit.log"].browse(action["res_id"])
            log.line_ids.with_user(self.agent1).write({"outcome": "Interested"})
            log.with_user(self.agent1).action_submit()
        return log

    # Due dates ---------------------------------------------------------------------

    def test_first_field_visit_due_days_after_first_contact(self):
        self.assertEqual(self.lead.attributed_user_id, self.agent1)
        self.assertFalse(self.lead.last_field_visit_date)
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=7))
        # A class does not delay the first visit.
        self.lead.with_user(self.agent1).prospect_class = "a"
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=7))
        self.env["res.config.settings"].create({"leasing_field_first_days": 3}).execute()
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=3))

    def test_field_visit_frequency_by_class(self):
        self.field_visit(MONDAY)
        self.assertEqual(self.lead.field_visit_count, 1)
        self.assertEqual(self.lead.last_field_visit_date, MONDAY)
        # No class: as often as class D.
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=90))
        for klass, days in (("a", 14), ("b", 30), ("c", 60), ("d", 90)):
            self.lead.with_user(self.agent1).prospect_class = klass
            self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=days))
        self.lead.with_user(self.agent1).prospect_class = "a"
        self.env["res.config.settings"].create({"leasing_field_days_a": 5}).execute()
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=5))

    def test_signed_prospect_is_still_visited(self):
        """Coverage does not stop at the contract: the due date ignores the stage."""
        won = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        self.lead.stage_id = won
        self.assertEqual(self.lead.next_field_visit_due, MONDAY + timedelta(days=7))
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
        self.assertEqual(len(self.duties("field_visit", self.lead)), 1)

    # The next-day work plan --------------------------------------------------------

    def test_due_field_visit_is_on_the_next_day_work_plan(self):
        with freeze_time(utc(MONDAY, 12)):  # Monday evening: not due on Tuesday
            self.env["leasing.work.plan"]._cron_prepare_tomorrow()
        tuesday = self.env["leasing.work.plan"].search([("date", "=", MONDAY + timedelta(1))])
        self.assertNotIn(self.lead, tuesday.line_ids.lead_id)
        with freeze_time(utc(SUNDAY, 12)):
            self.env["leasing.work.plan"]._cron_prepare_tomorrow()
            self.env["leasing.work.plan"]._cron_prepare_tomorrow()  # once
        plan = self.env["leasing.work.plan"].search([("date", "=", NEXT_MONDAY)])
        line = plan.line_ids.filtered(lambda line: line.lead_id == self.lead)
        self.assertEqual(line.kind, "field_visit")
        self.assertEqual(line.assigned_user_id, self.agent1)
        self.assertEqual((line.res_model, line.res_id), ("crm.lead", self.lead.id))

    def test_visited_prospect_leaves_the_work_plan(self):
        self.field_visit(MONDAY + timedelta(days=2))
        with freeze_time(utc(SUNDAY, 12)):
            self.env["leasing.work.plan"]._cron_prepare_tomorrow()
        plan = self.env["leasing.work.plan"].search([("date", "=", NEXT_MONDAY)])
        self.assertNotIn(self.lead, plan.line_ids.lead_id)

    # Expected, and not done when missed ---------------------------------------------

    def test_missed_field_visit_counts_as_not_done(self):
        with freeze_time(utc(SUNDAY, 1)):
            self.Duty._cron_generate()
        self.assertFalse(self.duties("field_visit", self.lead))
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
            self.Duty._cron_generate()  # idempotent
        duty = self.duties("field_visit", self.lead)
        self.assertEqual(len(duty), 1)
        self.assertEqual(duty.user_id, self.agent1)
        self.assertEqual(duty.period_date, NEXT_MONDAY)
        self.assertEqual(duty.deadline, utc(NEXT_MONDAY, 10))
        activity = self.env["mail.activity"].search(
            [("res_model", "=", duty._name), ("res_id", "=", duty.id)]
        )
        self.assertEqual(activity.user_id, self.agent1)
        with freeze_time(utc(NEXT_MONDAY, 11)):
            self.Duty._cron_escalate()
        self.assertEqual(duty.state, "not_done")
        # Still not visited on Tuesday: the same cycle, not a second item.
        with freeze_time(utc(NEXT_TUESDAY, 1)):
            self.Duty._cron_generate()
        self.assertEqual(self.duties("field_visit", self.lead), duty)
        with freeze_time(utc(NEXT_TUESDAY, 3)):
            check = (
                self.env["leasing.compliance.check"]
                .with_user(self.manager)
                .create(
                    {
                        "kind": "weekly",
                        "date_from": NEXT_MONDAY,
                        "date_to": SUNDAY + timedelta(days=7),
                    }
                )
            )
            self.assertIn(duty, check.item_ids.obligation_id)
            line = check.line_ids.filtered(lambda line: line.user_id == self.agent1)
            self.assertEqual(line.not_done_count, 1)
            row = self.env["leasing.compliance.report"].search(
                [("form_type", "=", "field_visit"), ("user_id", "=", self.agent1.id)]
            )
            self.assertEqual(row.mapped("not_done_count"), [1])

    def test_upgraded_database_expects_field_visits_from_its_start_day(self):
        """An upgrade sets the day field coverage starts: nothing is owed before it, the
        overdue prospects are owed from it."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("leasing_office.field_coverage_since", str(NEXT_WEDNESDAY))
        with freeze_time(utc(NEXT_TUESDAY, 1)):
            self.Duty._cron_generate()
        self.assertFalse(self.duties("field_visit", self.lead))
        with freeze_time(utc(NEXT_WEDNESDAY, 1)):
            self.Duty._cron_generate()
        self.assertEqual(self.duties("field_visit", self.lead).period_date, NEXT_WEDNESDAY)

    def test_field_visit_made_on_the_due_day_is_done(self):
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
        duty = self.duties("field_visit", self.lead)
        self.field_visit(NEXT_MONDAY)  # the log comes on Tuesday morning
        with freeze_time(utc(NEXT_TUESDAY, 3)):
            self.Duty._cron_escalate()
        self.assertEqual(duty.state, "done")
        self.assertEqual(duty.done_at, utc(NEXT_MONDAY, 5))
        self.assertEqual(self.lead.next_field_visit_due, NEXT_MONDAY + timedelta(days=90))
        self.assertFalse(duty.escalated)

    def test_field_visit_made_after_the_due_day_is_late(self):
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
        duty = self.duties("field_visit", self.lead)
        self.field_visit(NEXT_WEDNESDAY)
        with freeze_time(utc(NEXT_WEDNESDAY + timedelta(days=1), 3)):
            self.Duty._cron_escalate()
            self.Duty._cron_generate()
        self.assertEqual(duty.state, "late")
        self.assertEqual(self.duties("field_visit", self.lead), duty)

    # The week's verification of merchant tiers ------------------------------------

    def tiered(self):
        with freeze_time(utc(MONDAY, 2)):
            self.lead.with_user(self.manager).action_assign_tier("2")

    def test_tier_verification_is_the_managers_every_week(self):
        self.tiered()
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
            self.Duty._cron_generate()
        duty = self.duties("tier_check").filtered(lambda d: d.user_id == self.manager)
        self.assertEqual(len(duty), 1)
        self.assertEqual(duty.period_date, NEXT_MONDAY)
        self.assertEqual(duty.deadline, utc(NEXT_FRIDAY, 10))
        activity = self.env["mail.activity"].search(
            [("res_model", "=", duty._name), ("res_id", "=", duty.id)]
        )
        self.assertEqual(activity.user_id, self.manager)
        self.assertFalse(self.duties("tier_check").filtered(lambda d: d.user_id == self.leader))
        # Verified last week only: not this week's verification.
        with freeze_time(utc(NEXT_FRIDAY, 11)):
            self.Duty._cron_escalate()
        self.assertEqual(duty.state, "not_done")
        with freeze_time(utc(NEXT_FRIDAY, 13)):
            self.Duty._cron_escalate()
        self.assertIn(self.leader, duty.escalated_to_ids)

    def test_tier_verification_done_when_every_tier_is_verified(self):
        self.tiered()
        with freeze_time(utc(NEXT_MONDAY, 1)):
            self.Duty._cron_generate()
        duty = self.duties("tier_check").filtered(lambda d: d.user_id == self.manager)
        tiered = self.env["crm.lead"].search([("tier_state", "!=", "none")])
        with freeze_time(utc(NEXT_WEDNESDAY, 2)):
            tiered.with_user(self.manager).sudo().action_verify_tier_data()
            self.Duty._cron_escalate()
        self.assertEqual(duty.state, "done")
        self.assertEqual(duty.done_at, utc(NEXT_WEDNESDAY, 2))
        self.assertFalse(duty.activity_ids)

    def test_no_tier_verification_outside_mondays(self):
        with freeze_time(utc(date(2030, 3, 12), 1)):
            self.Duty._cron_generate()
        owed = self.duties("tier_check").filtered(lambda d: d.period_date.weekday() != 0)
        self.assertFalse(owed)
