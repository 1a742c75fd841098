import doctest

from odoo.tests import BaseCase, tagged

from ..models import company_name, office_clock, phone_key, rotation_order
from ..models.rotation_order import Seat, pick_next_turn


@tagged("post_install", "-at_install", "leasing_rotation")
class TestRotationOrder(BaseCase):
    """The pure turn-order engine, without the ORM."""

    def test_doctests(self):
        for module in (rotation_order, phone_key, company_name, office_clock):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)

    def test_first_turn_of_the_day_goes_to_the_first_seat(self):
        pick = pick_next_turn([Seat("a", "available"), Seat("b", "available")], None)
        self.assertEqual(pick, ("a", False, ()))

    def test_order_wraps_around_after_the_last_seat(self):
        seats = [Seat("a", "available"), Seat("b", "available")]
        self.assertEqual(pick_next_turn(seats, "b").key, "a")

    def test_oldest_debt_is_served_first(self):
        seats = [
            Seat("a", "available", owed=1, owed_since=20.0),
            Seat("b", "available", owed=2, owed_since=10.0),
        ]
        self.assertEqual(pick_next_turn(seats, "a"), ("b", True, ()))

    def test_owed_but_still_busy_is_skipped_again(self):
        seats = [Seat("a", "available"), Seat("b", "busy", owed=1), Seat("c", "available")]
        pick = pick_next_turn(seats, "a")
        self.assertEqual(pick.key, "c")
        self.assertEqual([s.key for s in pick.skipped], ["b"])
