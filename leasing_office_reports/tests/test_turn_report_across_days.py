from datetime import date, datetime, timedelta

from odoo.tests import freeze_time, tagged

from odoo.addons.leasing_office.tests.common import LeasingOfficeCase

MONDAY = date(2030, 5, 6)


@tagged("post_install", "-at_install", "leasing_reports")
class TestTurnReportAcrossDays(LeasingOfficeCase):
    """Rotation fairness over weeks: who got the first walk-in of each duty day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rotation.date = MONDAY
        Rotation = cls.env["leasing.rotation"]
        register = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)
        for offset in range(8):  # two weeks of four duty days
            day = MONDAY + timedelta(days=offset + 3 * (offset // 4))
            morning = datetime.combine(day, datetime.min.time()) + timedelta(hours=2)
            with freeze_time(morning):
                Rotation._cron_create_today()
                for index in range(3):
                    wizard = register.create(
                        {"contact_name": "W", "phone": f"13800081{offset:02d}{index}"}
                    )
                    wizard.action_register()
        cls.env.flush_all()

    def test_rule_fair_across_days_first_turns_per_agent_and_week(self):
        rows = self.env["leasing.turn.report"]._read_group(
            [("date", ">=", MONDAY), ("first_turn_count", ">", 0)],
            ["date:week", "user_id"],
            ["first_turn_count:sum"],
        )
        per_week = {}
        for week, user, count in rows:
            per_week.setdefault(week, {})[user] = count
        self.assertEqual(len(per_week), 2)
        # Three walk-ins a day over four agents, the order carried on: the days open with
        # agent1, agent4, agent3, agent2; each agent gets the first walk-in once a week
        # (restarting every day, agent1 would get all four).
        for firsts in per_week.values():
            self.assertEqual(firsts, dict.fromkeys(self.agents[:4], 1))
        turns = self.env["leasing.turn.report"]._read_group(
            [("date", ">=", MONDAY), ("kind", "=", "turn")], ["user_id"], ["turn_count:sum"]
        )
        self.assertEqual({user: count for user, count in turns}, dict.fromkeys(self.agents[:4], 6))
