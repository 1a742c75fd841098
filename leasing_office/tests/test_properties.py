"""Property-based tests (hypothesis) of phone keys, returning prospects, deadlines and tiers."""

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..models import office_clock
from ..models.phone_key import normalize_phone
from .common import LeasingOfficeCase

MOBILES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
SEPARATORS = st.sampled_from(["", " ", "-", ".", "  "])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def typed(number, separator, prefix):
    """The same number as front desk might type it."""
    return prefix + separator.join((number[:3], number[3:7], number[7:]))


@tagged("post_install", "-at_install", "leasing_properties")
class TestPureProperties(BaseCase):
    @SETTINGS
    @given(MOBILES, SEPARATORS, st.sampled_from(["", "+86 ", "+86-", "0086 "]))
    def test_every_typing_of_a_mobile_has_one_key(self, number, separator, prefix):
        self.assertEqual(normalize_phone(typed(number, separator, prefix)), normalize_phone(number))

    @SETTINGS
    @given(st.text(max_size=40))
    def test_normalizing_never_fails_and_is_stable(self, text):
        key = normalize_phone(text)
        if key:
            self.assertEqual(normalize_phone(key), normalize_phone(key))
        else:
            self.assertFalse(text.strip())

    @SETTINGS
    @given(
        st.dates(date(2000, 1, 1), date(2099, 12, 31)),
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(["Asia/Shanghai", "Asia/Taipei", "Europe/Paris", "UTC"]),
    )
    def test_local_time_round_trips(self, day, hour, minute, tz):
        moment = office_clock.at_local(day, hour, minute, tz)
        self.assertEqual(office_clock.local_date(moment, tz), day)

    @SETTINGS
    @given(
        st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 30)),
        st.integers(0, 23),
        st.sampled_from(["Asia/Shanghai", "America/New_York"]),
    )
    def test_next_morning_is_the_following_office_day(self, moment, hour, tz):
        deadline = office_clock.next_morning(moment, hour, 0, tz)
        self.assertEqual(
            office_clock.local_date(deadline, tz),
            office_clock.local_date(moment, tz) + timedelta(1),
        )
        self.assertGreater(deadline, moment)

    @SETTINGS
    @given(st.datetimes(datetime(2000, 1, 1), datetime(2099, 1, 1)), st.integers(0, 24 * 60))
    def test_minutes_deadline_is_never_before_the_visit(self, moment, minutes):
        self.assertGreaterEqual(office_clock.after_minutes(moment, minutes), moment)


@tagged("post_install", "-at_install", "leasing_properties")
class TestOrmProperties(LeasingOfficeCase):
    @SETTINGS
    @given(MOBILES, SEPARATORS, SEPARATORS)
    def test_returning_prospect_is_found_however_typed(self, number, first_sep, second_sep):
        number = "139" + number[3:]  # keep clear of the other tests' 138 numbers
        first = self.register(phone=typed(number, first_sep, "")).lead_id
        again = self.register(phone=typed(number, second_sep, "+86 "))
        self.assertEqual(again.lead_id, first)
        self.assertEqual(again.visit_id.visit_kind, "returning")

    @SETTINGS
    @given(st.lists(st.integers(1, 60), min_size=1, max_size=5), st.data())
    def test_contiguous_tiers_hold_and_broken_ones_are_refused(self, widths, data):
        Tier = self.env["leasing.commission.tier"]
        Tier.search([("kind", "=", "manager")]).unlink()
        bounds = [0]
        for width in widths:
            bounds.append(bounds[-1] + width)
        for index, start in enumerate(bounds[:-1]):
            last = index == len(widths) - 1
            Tier.create(
                {
                    "kind": "manager",
                    "rate_from": start,
                    "rate_to": 0 if last else bounds[index + 1],
                    "factor": index + 1,
                }
            )
        rate = data.draw(st.floats(0, bounds[-1] + 50))
        band = sum(1 for start in bounds[1:-1] if rate >= start)
        self.assertEqual(Tier._factor_for("manager", rate), band + 1)
        shift = data.draw(st.sampled_from([-1, 1]))
        with self.assertRaises(ValidationError):
            Tier.create(
                {
                    "kind": "manager",
                    "rate_from": max(bounds[-2] + shift, 0.5),
                    "rate_to": bounds[-2] + 5,
                    "factor": 1,
                }
            )
