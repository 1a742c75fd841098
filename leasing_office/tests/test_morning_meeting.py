from datetime import date, datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

MONDAY = date(2030, 5, 6)


def shanghai(day, hour, minute=0):
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 8, minutes=minute)


@tagged("post_install", "-at_install", "leasing_routine")
class TestMorningMeeting(LeasingOfficeCase):
    """早會 8:30–9:00: minutes every working day, recorded by the person on duty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rotation.date = MONDAY
        cls.roster = cls.env["leasing.duty.roster"].create(
            {
                "date": MONDAY,
                "reception_user_id": cls.agent3.id,
                "line_ids": [(0, 0, {"user_id": cls.agent1.id})],
            }
        )
        cls.Meeting = cls.env["leasing.morning.meeting"]

    def test_rule_morning_meeting_recorded_by_the_person_on_duty(self):
        with freeze_time(shanghai(MONDAY, 8, 45)):
            minutes = self.Meeting.with_user(self.agent3).create({"manager_id": self.manager.id})
            self.assertEqual((minutes.date, minutes.recorder_id), (MONDAY, self.agent3))
            default = self.Meeting.with_user(self.manager).default_get(["recorder_id"])
            self.assertEqual(default["recorder_id"], self.agent3.id)
        with (
            self.assertRaisesRegex(
                ValidationError,
                r"^The minutes of 2030-05-06 are recorded by agent3, on duty that day in the duty "
                r"roster\.$",
            ),
            self.env.cr.savepoint(),
        ):
            minutes.with_user(self.agent3).write({"recorder_id": self.agent2.id})
            minutes.flush_recordset()
        minutes.invalidate_recordset()
        self.assertEqual(minutes.recorder_id, self.agent3)

    def test_rule_morning_meeting_day_without_minutes_in_the_check(self):
        Rotation = self.env["leasing.rotation"]
        for offset in (1, 2):  # Tuesday and Wednesday are working days too
            Rotation.create({"date": MONDAY + timedelta(days=offset)})
        with freeze_time(shanghai(MONDAY + timedelta(days=1), 8, 40)):
            self.Meeting.create({"recorder_id": self.agent1.id})  # Tuesday's minutes
        with freeze_time(shanghai(MONDAY + timedelta(days=2), 8, 50)):
            # Wednesday's meeting is still running: not missing yet.
            check = (
                self.env["leasing.compliance.check"]
                .with_user(self.manager)
                .create({"kind": "weekly", "date_from": MONDAY, "date_to": MONDAY + timedelta(6)})
            )
            self.assertEqual(
                [(m.date, m.duty_user_id) for m in check.meeting_ids], [(MONDAY, self.agent3)]
            )
        with freeze_time(shanghai(MONDAY + timedelta(days=2), 9, 1)):
            check.with_user(self.manager).action_refresh()
        self.assertEqual(check.meeting_ids.mapped("date"), [MONDAY, MONDAY + timedelta(days=2)])
