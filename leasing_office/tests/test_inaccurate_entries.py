from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .common_targets import MONTH, LeasingTargetsCase


@tagged("post_install", "-at_install", "leasing_forms")
class TestInaccurateEntries(LeasingTargetsCase):
    """填寫不準確或填寫假資訊的，一律嚴懲: marked by the manager, not done, deducted."""

    def submitted_plan(self, user=None, lead=None, day=9):
        with freeze_time(datetime(2026, 3, day, 2, 0)):
            plan = (
                self.env["leasing.followup.plan"]
                .with_user(user or self.agent1)
                .create(
                    {
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "lead_id": (lead or self.lead1).id,
                                    "planned_date": date(2026, 3, 11),
                                    "purpose": "Talk about the lease",
                                },
                            )
                        ]
                    }
                )
            )
            plan.action_submit()
        self.assertEqual(plan.compliance, "on_time")
        return plan.with_env(self.env)

    def mark(self, form, note, user=None):
        action = form.with_user(user or self.manager).action_mark_inaccurate()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user or self.manager)
            .with_context(**action["context"])
        )
        wizard.note = note
        with freeze_time(datetime(2026, 3, 20, 2, 0)):
            wizard.save().action_mark()

    def test_rule_inaccurate_entries_marked_by_the_manager_count_as_not_done(self):
        plan = self.submitted_plan()
        self.mark(plan, "The prospect was never called: the follow-up was invented.")
        self.assertEqual(plan.compliance, "inaccurate")
        self.assertEqual(plan.inaccurate_by_id, self.manager)
        self.assertEqual(
            plan.inaccurate_note, "The prospect was never called: the follow-up was invented."
        )
        self.assertTrue(all(plan._fields[f].tracking for f in ("inaccurate_at", "inaccurate_note")))
        check = (
            self.env["leasing.compliance.check"]
            .with_user(self.manager)
            .create({"kind": "weekly", "date_from": date(2026, 3, 9), "date_to": date(2026, 3, 15)})
        )
        self.assertEqual(check.item_ids.form_ref, plan)
        self.assertEqual(check.item_ids.compliance, "inaccurate")
        # Returned for correction, the mark stays: the false entry was made.
        plan.with_user(self.manager).action_return_for_correction()
        self.assertEqual(plan.compliance, "inaccurate")

    def test_rule_inaccurate_entries_only_manager_or_leadership_marks(self):
        plan = self.submitted_plan()
        with self.assertRaisesRegex(
            UserError, r"^Only the leasing manager or leadership marks a form inaccurate\.$"
        ):
            plan.with_user(self.agent1).action_mark_inaccurate()
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"):
            plan.with_user(self.manager).write({"inaccurate_note": "typed"})
        self.assertFalse(plan.inaccurate_at)
        self.mark(plan, "Wrong phone number", user=self.leader)
        self.assertEqual(plan.inaccurate_by_id, self.leader)
        with self.assertRaisesRegex(UserError, "is already marked inaccurate"):
            plan.with_user(self.manager).action_mark_inaccurate()

    def test_rule_inaccurate_entries_need_a_submitted_form_and_a_note(self):
        with freeze_time(datetime(2026, 3, 10, 2, 0)):
            draft = (
                self.env["leasing.followup.plan"]
                .with_user(self.agent1)
                .create(
                    {
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "lead_id": self.lead1.id,
                                    "planned_date": date(2026, 3, 11),
                                    "purpose": "x",
                                },
                            )
                        ]
                    }
                )
            )
        with self.assertRaisesRegex(UserError, "only a submitted form is marked inaccurate"):
            draft.with_user(self.manager)._mark_inaccurate("note")
        plan = self.submitted_plan()
        with self.assertRaisesRegex(UserError, r"^Say what is inaccurate or false in the form\.$"):
            plan.with_user(self.manager)._mark_inaccurate("   ")
        self.assertFalse(draft.inaccurate_at or plan.inaccurate_at)

    def test_rule_inaccurate_entries_deducted_from_the_commission(self):
        self.env.company.leasing_inaccurate_deduction = 300.0
        self.approve(self.new_plan(contracts=(2, 2), dept=4))
        self.sign(self.lead1, self.units[0])
        self.sign(self.lead1, self.units[1])
        self.mark(self.submitted_plan(), "Invented visit")
        self.mark(self.submitted_plan(day=10), "Invented call")
        self.mark(self.submitted_plan(user=self.agent2, lead=self.lead2), "Wrong area")
        statements = {
            s.user_id: s
            for s in self.env["leasing.commission.statement"]._generate(MONTH)
            if s.kind == "agent"
        }
        agent1 = statements[self.agent1]
        # 2 of 2 contracts: 2 × 1000 × 1.2 = 2400, less 2 marks × 300.
        self.assertEqual((agent1.inaccurate_count, agent1.inaccurate_deduction), (2, 600))
        self.assertEqual(agent1.amount, 1800)
        agent2 = statements[self.agent2]
        self.assertEqual((agent2.inaccurate_count, agent2.amount), (1, 0))

    # A single line ------------------------------------------------------------------

    def mark_line(self, line, note, user=None):
        action = line.with_user(user or self.manager).action_mark_inaccurate()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user or self.manager)
            .with_context(**action["context"])
        )
        wizard.note = note
        with freeze_time(datetime(2026, 3, 20, 2, 0)):
            wizard.save().action_mark()

    def two_line_plan(self):
        plan = self.submitted_plan()
        with freeze_time(datetime(2026, 3, 9, 2, 0)):
            plan.with_user(self.manager).write(
                {
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "lead_id": self.lead2.id,
                                "planned_date": date(2026, 3, 12),
                                "purpose": "Second",
                            },
                        )
                    ]
                }
            )
        return plan

    def test_rule_inaccurate_entries_a_single_line_counts_the_form_not_done(self):
        plan = self.two_line_plan()
        first, second = plan.line_ids
        self.mark_line(second, "This prospect was never called.")
        self.assertEqual(second.inaccurate_note, "This prospect was never called.")
        self.assertEqual(second.inaccurate_by_id, self.manager)
        self.assertEqual(second.inaccurate_at, datetime(2026, 3, 20, 2, 0))
        self.assertFalse(first.inaccurate_at)
        self.assertEqual(plan.compliance, "inaccurate")
        self.assertEqual(
            plan.inaccurate_note,
            f"Line {self.lead2.display_name}: This prospect was never called.",
        )
        check = (
            self.env["leasing.compliance.check"]
            .with_user(self.manager)
            .create({"kind": "weekly", "date_from": date(2026, 3, 9), "date_to": date(2026, 3, 15)})
        )
        self.assertEqual(check.item_ids.form_ref, plan)
        self.assertEqual(check.item_ids.compliance, "inaccurate")
        # A second line of the same form: logged on the form, the form counted once.
        self.mark_line(first, "Wrong purpose.")
        self.assertTrue(first.inaccurate_at)
        self.assertIn("Wrong purpose.", plan.message_ids[0].body)
        self.assertIn("never called", plan.inaccurate_note)
        with self.assertRaisesRegex(UserError, r"^This line is already marked inaccurate\.$"):
            first.with_user(self.manager).action_mark_inaccurate()

    def test_rule_inaccurate_entries_a_line_only_by_the_manager_on_a_submitted_form(self):
        plan = self.two_line_plan()
        line = plan.line_ids[0]
        with self.assertRaisesRegex(
            UserError, r"^Only the leasing manager or leadership marks a form inaccurate\.$"
        ):
            line.with_user(self.agent1).action_mark_inaccurate()
        with self.assertRaisesRegex(AccessError, "can only be changed by the form's own buttons"):
            line.with_user(self.manager).write({"inaccurate_note": "typed"})
        with self.assertRaisesRegex(UserError, r"^Say what is inaccurate or false in the form\.$"):
            line.with_user(self.manager)._mark_inaccurate("  ")
        self.assertFalse(line.inaccurate_at or plan.inaccurate_at)
        plan.with_user(self.manager).action_return_for_correction()
        with self.assertRaisesRegex(UserError, "only a submitted form is marked inaccurate"):
            line.with_user(self.manager)._mark_inaccurate("note")
        self.assertFalse(line.inaccurate_at or plan.inaccurate_at)

    def test_rule_inaccurate_entries_a_line_is_deducted_once_per_form(self):
        self.approve(self.new_plan(contracts=(2, 2), dept=4))
        plan = self.two_line_plan()
        self.mark_line(plan.line_ids[0], "Invented call")
        self.mark_line(plan.line_ids[1], "Invented visit")
        statement = (
            self.env["leasing.commission.statement"]
            ._generate(MONTH)
            .filtered(lambda s: s.kind == "agent" and s.user_id == self.agent1)
        )
        self.assertEqual(statement.inaccurate_count, 1)
        self.assertEqual(statement.inaccurate_deduction, 200)
