from datetime import date, datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import LeasingOfficeCase

DAY1 = date(2030, 5, 6)  # a Monday


def office_morning(day, hour=10):
    """``hour`` o'clock in Shanghai on ``day``, as the naive UTC Odoo stores."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 8)


@tagged("post_install", "-at_install", "leasing_rotation")
class TestRotationAcrossDays(LeasingOfficeCase):
    """排班表 makes the day's table; the order of turns carries on from one duty day to the next."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rotation.date = DAY1
        cls.Rotation = cls.env["leasing.rotation"]

    def table(self, day):
        return self.Rotation.search([("date", "=", day), ("company_id", "=", self.env.company.id)])

    def roster(self, day, agents):
        return (
            self.env["leasing.duty.roster"]
            .with_user(self.frontdesk)
            .create(
                {
                    "date": day,
                    "reception_user_id": self.frontdesk.id,
                    "line_ids": [
                        (0, 0, {"user_id": agent.id, "sequence": index})
                        for index, agent in enumerate(agents, start=1)
                    ],
                }
            )
        )

    def open_day(self, day):
        """The scheduled action runs just after midnight, office time."""
        with freeze_time(office_morning(day, hour=0) + timedelta(minutes=30)):
            self.Rotation._cron_create_today()
        return self.table(day)

    def walk_ins(self, day, count):
        with freeze_time(office_morning(day)):
            return [
                self.register(phone=f"1380007{day.day:02d}{index:02d}").lead_id.user_id
                for index in range(count)
            ]

    # -- 排班表 ---------------------------------------------------------------

    def test_rule_duty_roster_makes_the_day_scheduled_table_takes_the_roster(self):
        day2 = DAY1 + timedelta(days=1)
        roster = self.roster(day2, self.agent4 | self.agent2)
        rotation = self.open_day(day2)
        self.assertEqual(rotation.line_ids.user_id, self.agent4 | self.agent2)
        self.assertEqual(rotation.line_ids.sorted("sequence")[0].user_id, self.agent4)
        self.assertEqual(roster.rotation_id, rotation)
        self.open_day(day2)  # hourly: once a day
        self.assertEqual(len(self.table(day2)), 1)
        with self.assertRaisesRegex(
            UserError, r"^The rotation table for this day already exists\.$"
        ):
            roster.with_user(self.frontdesk).action_create_rotation()

    def test_rule_duty_roster_makes_the_day_without_roster_copies_latest(self):
        day2 = DAY1 + timedelta(days=1)
        self.assertEqual(self.open_day(day2).line_ids.user_id, self.agents[:4])
        self.assertFalse(self.env["leasing.duty.roster"].search([("date", "=", day2)]))

    def test_rule_duty_roster_makes_the_day_roster_written_after_the_copy(self):
        day2 = DAY1 + timedelta(days=1)
        copied = self.open_day(day2)
        roster = self.roster(day2, self.agent3 | self.agent5)
        with freeze_time(office_morning(day2, hour=8)):
            roster.with_user(self.frontdesk).action_create_rotation()
        self.assertEqual(roster.rotation_id, copied)
        self.assertEqual(copied.line_ids.user_id, self.agent3 | self.agent5)
        self.assertEqual(
            copied.line_ids.sorted("sequence").user_id.ids, roster.line_ids.user_id.ids
        )

    def test_rule_duty_roster_makes_the_day_not_once_turns_were_given(self):
        day2 = DAY1 + timedelta(days=1)
        copied = self.open_day(day2)
        self.walk_ins(day2, 1)
        roster = self.roster(day2, self.agent3 | self.agent5)
        with self.assertRaisesRegex(
            UserError, r"^The rotation table for this day already exists\.$"
        ):
            roster.with_user(self.frontdesk).action_create_rotation()
        self.assertEqual(copied.line_ids.user_id, self.agents[:4])
        self.assertFalse(roster.rotation_id)

    def test_rule_duty_roster_makes_the_day_only_front_desk_keeps_the_roster(self):
        roster = self.roster(DAY1 + timedelta(days=1), self.agent1)
        with self.assertRaises(UserError):
            roster.with_user(self.agent1).action_create_rotation()
        self.assertFalse(roster.rotation_id)

    # -- fair across days -----------------------------------------------------

    def test_rule_fair_across_days_first_turn_goes_round(self):
        """Four duty days, one walk-in each morning: four different first agents."""
        firsts = []
        for offset in range(4):
            day = DAY1 + timedelta(days=offset)
            if offset:
                self.open_day(day)
            firsts.append(self.walk_ins(day, 1)[0])
        self.assertEqual(firsts, list(self.agents[:4]))

    def test_rule_fair_across_days_carries_on_after_last_regular_turn(self):
        self.assertEqual(self.walk_ins(DAY1, 3), list(self.agents[:3]))
        day2 = DAY1 + timedelta(days=1)
        rotation = self.open_day(day2)
        self.assertEqual(rotation.start_after_line_id.user_id, self.agent3)
        self.assertEqual(rotation.next_user_id, self.agent4)
        self.assertEqual(self.walk_ins(day2, 2), [self.agent4, self.agent1])

    def test_rule_fair_across_days_day_without_turns_keeps_the_carry(self):
        self.walk_ins(DAY1, 2)  # agent1, agent2
        self.open_day(DAY1 + timedelta(days=1))  # a quiet day: nobody walks in
        day3 = DAY1 + timedelta(days=2)
        self.open_day(day3)
        self.assertEqual(self.walk_ins(day3, 1), [self.agent3])

    def test_rule_fair_across_days_last_agent_off_duty_next_day(self):
        self.walk_ins(DAY1, 2)  # agent2 took the last turn
        day2 = DAY1 + timedelta(days=1)
        self.roster(day2, self.agent4 | self.agent1 | self.agent3)
        self.open_day(day2)
        # agent2 is not on duty: the first turn goes to agent3, next after agent2 yesterday.
        self.assertEqual(self.walk_ins(day2, 2), [self.agent3, self.agent4])

    def test_rule_fair_across_days_undo_of_first_turn_returns_to_the_carry(self):
        self.walk_ins(DAY1, 1)  # agent1
        day2 = DAY1 + timedelta(days=1)
        rotation = self.open_day(day2)
        self.assertEqual(rotation.next_user_id, self.agent2)
        with freeze_time(office_morning(day2)):
            wizard = self.register(phone="13800079999")
            self.assertEqual(wizard.lead_id.user_id, self.agent2)
            wizard.visit_id.with_user(self.frontdesk).action_undo_registration()
        self.assertFalse(rotation.last_line_id)
        self.assertEqual(rotation.next_user_id, self.agent2)

    def test_rule_fair_across_days_start_cannot_be_set_by_hand(self):
        rotation = self.open_day(DAY1 + timedelta(days=1))
        with self.assertRaisesRegex(UserError, "can only be changed by the form's own buttons"):
            rotation.with_user(self.frontdesk).start_after_line_id = rotation.line_ids[2]
        self.assertEqual(rotation.start_after_line_id, self.env["leasing.rotation.line"])
