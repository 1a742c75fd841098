from datetime import date, datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.models import office_clock

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_routine")
class TestDailyRoutine(LeasingOfficeCase):
    """每日工作流程: roster, calls, follow-up classes, work plan, compliance checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Unassigned, so that every agent may call it and plan it.
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Routine Prospect", "phone": "13800017000", "user_id": False}
        )

    def test_duty_roster_creates_the_rotation_table(self):
        day = date(2030, 5, 6)
        roster = (
            self.env["leasing.duty.roster"]
            .with_user(self.frontdesk)
            .create(
                {
                    "date": day,
                    "reception_user_id": self.frontdesk.id,
                    "line_ids": [
                        (0, 0, {"user_id": self.agent3.id, "sequence": 1}),
                        (0, 0, {"user_id": self.agent1.id, "sequence": 2}),
                    ],
                }
            )
        )
        roster.with_user(self.frontdesk).action_create_rotation()
        self.assertEqual(roster.rotation_id.date, day)
        self.assertEqual(roster.rotation_id.line_ids.mapped("user_id"), self.agent3 | self.agent1)
        self.assertEqual(roster.rotation_id.line_ids[0].user_id, self.agent3)
        rotation = roster.rotation_id
        with self.assertRaisesRegex(
            UserError, r"^The rotation table for this day already exists\.$"
        ):
            roster.with_user(self.frontdesk).action_create_rotation()
        self.assertEqual(roster.rotation_id, rotation)
        self.assertEqual(self.env["leasing.rotation"].search_count([("date", "=", day)]), 1)

    def test_call_logged_in_one_click_counts_against_target(self):
        with freeze_time(
            datetime.combine(self.rotation.date, datetime.min.time()) + timedelta(hours=2)
        ):
            self.lead.with_user(self.manager).action_log_call()  # not an agent on duty today
            for _index in range(3):
                self.lead.with_user(self.agent1).with_context(
                    call_outcome="no_answer"
                ).action_log_call()
        calls = self.env["leasing.call.log"].search([("user_id", "=", self.agent1.id)])
        self.assertEqual(len(calls), 3)
        self.assertEqual(set(calls.mapped("outcome")), {"no_answer"})
        # 02:00 UTC is 10:00 in Shanghai: inside the 9:30-11:30 window.
        self.assertTrue(all(calls.mapped("in_window")))
        self.assertEqual((self.line1.calls_today, self.line1.call_target), (3, 50))
        self.assertEqual(self.line2.calls_today, 0)

    def test_call_outside_window_is_flagged(self):
        with freeze_time(datetime(2026, 3, 2, 6, 0)):  # 14:00 in Shanghai
            self.lead.with_user(self.agent1).action_log_call()
        self.assertFalse(self.lead.call_log_ids.in_window)

    def test_agent_sees_only_own_calls(self):
        self.lead.with_user(self.agent2).action_log_call()
        self.assertFalse(self.env["leasing.call.log"].with_user(self.agent1).search([]))

    def test_class_drives_next_followup(self):
        with freeze_time(datetime(2026, 3, 2, 2, 0)):
            self.lead.with_user(self.agent1).action_log_call()
        self.lead.prospect_class = "a"
        self.assertEqual(self.lead.next_followup_due, date(2026, 3, 4))
        self.lead.prospect_class = "d"
        self.assertEqual(self.lead.next_followup_due, date(2026, 4, 1))
        self.env.company.leasing_followup_days_d = 10
        self.lead.prospect_class = "c"
        self.lead.prospect_class = "d"
        self.assertEqual(self.lead.next_followup_due, date(2026, 3, 12))

    def test_evening_work_plan_lists_tomorrow(self):
        tomorrow = office_clock.office_today(self.env) + timedelta(days=1)
        plan = (
            self.env["leasing.followup.plan"]
            .with_user(self.agent1)
            .create(
                {
                    "line_ids": [
                        (
                            0,
                            0,
                            {"lead_id": self.lead.id, "planned_date": tomorrow, "purpose": "Call"},
                        )
                    ]
                }
            )
        )
        signing = (
            self.env["leasing.signing.plan"]
            .with_user(self.agent2)
            .create(
                {"lead_id": self.lead.id, "deposit_amount": 1000, "planned_signing_date": tomorrow}
            )
        )
        Work = self.env["leasing.work.plan"]
        Work._cron_prepare_tomorrow()
        Work._cron_prepare_tomorrow()  # once each
        work = Work.search([("date", "=", tomorrow), ("company_id", "=", self.env.company.id)])
        self.assertEqual(
            {(line.kind, line.assigned_user_id) for line in work.line_ids},
            {("followup", self.agent1), ("signing", self.agent2)},
        )
        self.assertEqual(len(work.line_ids), 2)
        self.assertEqual(
            work.line_ids.filtered(lambda l: l.kind == "followup").res_id, plan.line_ids.id
        )
        self.assertEqual(work.line_ids.filtered(lambda l: l.kind == "signing").res_id, signing.id)

    def test_weekly_check_prefills_forms_not_done(self):
        with freeze_time(datetime(2026, 3, 2, 1, 0)):
            late = (
                self.env["leasing.visitor.registration"]
                .with_user(self.agent1)
                .create(
                    {
                        "lead_id": self.lead.id,
                        "visit_end": datetime(2026, 3, 2, 1, 0),
                        "business_type": "Tea",
                        "desired_area": 50,
                        "needs": "Ground floor",
                    }
                )
            )
            missing = (
                self.env["leasing.followup.plan"]
                .with_user(self.agent2)
                .create({"plan_date": date(2026, 3, 2)})
            )
            on_time = (
                self.env["leasing.visitor.registration"]
                .with_user(self.agent2)
                .create(
                    {
                        "lead_id": self.lead.id,
                        "visit_end": datetime(2026, 3, 2, 1, 0),
                        "business_type": "Tea",
                        "desired_area": 50,
                        "needs": "Ground floor",
                    }
                )
            )
            on_time.with_user(self.agent2).action_submit()
        with freeze_time(datetime(2026, 3, 2, 3, 0)):
            late.with_user(self.agent1).action_submit()
        with freeze_time(datetime(2026, 3, 9, 1, 0)):
            check = (
                self.env["leasing.compliance.check"]
                .with_user(self.manager)
                .create(
                    {"kind": "weekly", "date_from": date(2026, 3, 2), "date_to": date(2026, 3, 8)}
                )
            )
            check.with_user(self.manager).action_mark_checked()
        forms = {item.form_ref for item in check.item_ids}
        self.assertEqual(forms, {late, missing})
        self.assertEqual(check.line_ids.user_id, self.agent1 | self.agent2)
        self.assertEqual(check.checked_by_id, self.manager)
        self.assertEqual(
            {line.user_id: line.not_done_count for line in check.line_ids},
            {self.agent1: 1, self.agent2: 1},
        )

    def test_monthly_check_is_leadership_s(self):
        check = (
            self.env["leasing.compliance.check"]
            .with_user(self.manager)
            .create(
                {"kind": "monthly", "date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}
            )
        )
        with self.assertRaisesRegex(
            UserError, r"^The weekly check is the manager's, the monthly check leadership's\.$"
        ):
            check.with_user(self.manager).action_mark_checked()
        self.assertEqual((check.checked_by_id, check.checked_at), (self.env["res.users"], False))
        check.with_user(self.leader).action_mark_checked()
        self.assertEqual(check.checked_by_id, self.leader)

    def test_never_visited_prospects_are_listed(self):
        action = self.env.ref("leasing_office.crm_lead_action_leasing_never_visited")
        lead = self.register(phone="13800017001").lead_id
        domain = [*eval(action.domain)]
        self.assertIn(lead, self.env["crm.lead"].search(domain))
        self.assertEqual(lead.field_visit_count, 0)

    def test_morning_meeting_minutes(self):
        minutes = (
            self.env["leasing.morning.meeting"]
            .with_user(self.agent2)
            .create(
                {
                    "manager_id": self.manager.id,
                    "attendee_ids": [(6, 0, self.agents.ids)],
                    "work_assigned": "<p>agent1: call the tea houses</p>",
                }
            )
        )
        self.assertEqual(minutes.recorder_id, self.agent2)
