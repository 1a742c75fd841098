from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common_forms import LeasingFakeModelsCase

# 2026-03-02 18:00 in Shanghai (the default office timezone) is 10:00 UTC.
DUE_DAY = date(2026, 3, 2)
END_OF_DAY_UTC = datetime(2026, 3, 2, 10, 0)


@tagged("post_install", "-at_install", "leasing_forms")
class TestLeasingFormMixin(LeasingFakeModelsCase):
    """The shared deadline / submission / completeness behaviour, on a test-only form."""

    def new_form(self, **vals):
        vals = {"name": "Form", "due_date": DUE_DAY, **vals}
        return self.env["leasing.fake.form"].with_user(self.agent1).create(vals)

    def submit_at(self, form, moment):
        with freeze_time(moment):
            form.with_user(form.user_id).action_submit()

    def test_deadline_is_end_of_working_day_in_office_timezone(self):
        self.assertEqual(self.new_form().deadline, END_OF_DAY_UTC)

    def test_end_of_working_day_is_configurable(self):
        self.env.company.leasing_workday_end = 17.5
        self.assertEqual(self.new_form().deadline, datetime(2026, 3, 2, 9, 30))

    def test_company_timezone_drives_the_deadline(self):
        self.env.company.partner_id.tz = "Europe/Paris"
        self.assertEqual(self.new_form().deadline, datetime(2026, 3, 2, 17, 0))

    def test_submitted_before_deadline_is_on_time(self):
        form = self.new_form()
        self.assertEqual(form.compliance, "pending")
        self.submit_at(form, datetime(2026, 3, 2, 9, 59))
        self.assertEqual(form.compliance, "on_time")
        self.assertEqual(form.submitted_at, datetime(2026, 3, 2, 9, 59))

    def test_late_form_counts_as_not_done(self):
        form = self.new_form()
        self.submit_at(form, datetime(2026, 3, 2, 10, 1))
        self.assertEqual(form.compliance, "late")
        Form = self.env["leasing.fake.form"]
        not_done = Form.search(Form._not_done_domain(datetime(2026, 3, 1), datetime(2026, 3, 3)))
        self.assertIn(form, not_done)

    def test_incomplete_form_counts_as_not_done(self):
        form = self.new_form(name=False)
        self.assertFalse(form.is_complete)
        self.assertIn("Name", form.missing_summary)
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        self.assertEqual(form.compliance, "incomplete")

    def test_missing_form_is_overdue_then_not_done(self):
        form = self.new_form()
        Form = self.env["leasing.fake.form"]
        with freeze_time(datetime(2026, 3, 2, 9, 0)):
            self.assertFalse(Form.search([("id", "=", form.id), ("is_overdue", "=", True)]))
        with freeze_time(datetime(2026, 3, 2, 11, 0)):
            form.invalidate_recordset(["is_overdue"])
            self.assertTrue(form.is_overdue)
            self.assertTrue(Form.search([("id", "=", form.id), ("is_overdue", "=", True)]))
            domain = Form._not_done_domain(datetime(2026, 3, 1), datetime(2026, 3, 3))
            self.assertIn(form, Form.search(domain))

    def test_submit_twice_is_refused(self):
        form = self.new_form()
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        with self.assertRaisesRegex(UserError, r"^Form was already submitted\.$"):
            self.submit_at(form, datetime(2026, 3, 2, 9, 5))
        self.assertEqual(form.submitted_at, datetime(2026, 3, 2, 9, 0))

    def test_only_owner_submits(self):
        form = self.new_form()
        with self.assertRaisesRegex(UserError, r"^Only the owner submits a form\.$"):
            form.with_user(self.agent2).sudo(False).action_submit()
        self.assertEqual((form.submitted_at, form.compliance), (False, "pending"))

    def test_submitted_form_is_locked_for_owner(self):
        form = self.new_form()
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        with self.assertRaisesRegex(
            UserError, r"^Form is locked; ask the leasing manager for a correction\.$"
        ):
            form.with_user(self.agent1).write({"name": "changed"})
        self.assertEqual(form.name, "Form")
        form.with_user(self.manager).write({"name": "corrected by the manager"})
        self.assertEqual(form.name, "corrected by the manager")

    def test_submitted_form_is_never_deleted(self):
        form = self.new_form()
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        with self.assertRaisesRegex(
            UserError, r"^A submitted form is never deleted; the manager corrects it\.$"
        ):
            form.with_user(self.manager).unlink()
        self.assertTrue(form.exists())

    def test_manager_returns_form_for_correction(self):
        form = self.new_form()
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        with self.assertRaisesRegex(
            UserError, r"^Only the leasing manager returns a form for correction\.$"
        ):
            form.with_user(self.agent1).action_return_for_correction()
        self.assertEqual(form.submitted_at, datetime(2026, 3, 2, 9, 0))
        form.with_user(self.manager).action_return_for_correction()
        self.assertEqual(form.compliance, "pending")
        form.with_user(self.agent1).write({"name": "fixed"})

    def test_due_reminder_is_an_activity_for_the_owner(self):
        form = self.new_form()
        activity = form.activity_ids
        self.assertEqual(activity.user_id, self.agent1)
        self.assertEqual(activity.date_deadline, DUE_DAY)
        self.submit_at(form, datetime(2026, 3, 2, 9, 0))
        self.assertFalse(form.activity_ids)

    def test_overdue_reminder_once(self):
        form = self.new_form()
        form.activity_ids.unlink()
        with freeze_time(datetime(2026, 3, 2, 12, 0)):
            self.env["leasing.form.mixin"]._cron_remind_overdue()
            self.env["leasing.form.mixin"]._cron_remind_overdue()
        self.assertEqual(len(form.activity_ids), 1)
        self.assertIn("Overdue", form.activity_ids.summary)
        self.assertTrue(form.overdue_reminded)
