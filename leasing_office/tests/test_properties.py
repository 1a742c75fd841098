"""Property-based tests (hypothesis) of phone keys, returning prospects, deadlines and tiers.

Each property checks our code against an oracle written independently of it: the E.164
form of a Chinese number spelled out by hand, Python's own ``zoneinfo`` (the system's tz
database) for the office clock, which is built on ``pytz``, and the hours and minutes a
float time was made from.
"""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..models import office_clock
from ..models.phone_key import normalize_phone
from .common import LeasingOfficeCase

MOBILES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
SEPARATORS = st.sampled_from(["", " ", "-", ".", "  "])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
# Two-digit area codes of mainland cities (Beijing 010, Shanghai 021, Guangzhou 020, ...),
# whose subscriber numbers have eight digits.
AREA_CODES = st.sampled_from(["10", "20", "21", "22", "23", "24", "25", "27", "28", "29"])
LANDLINE_TYPINGS = st.sampled_from(
    ["0{area} {sub}", "(0{area}) {sub}", "0{area}-{sub}", "+86 {area} {sub}", "0086-{area}-{sub}"]
)
# pytz, under the office clock as under Odoo, lists clock changes up to 2037 only; from 2038
# it keeps standard time all year where zoneinfo follows the summer-time rule.
CLOCK_DAYS = st.dates(date(2000, 1, 1), date(2037, 12, 31))
CLOCK_MOMENTS = st.datetimes(datetime(2000, 1, 1), datetime(2037, 12, 30))
OFFICE_TIMEZONES = ["Asia/Shanghai", "Asia/Taipei", "Europe/Paris", "America/New_York", "UTC"]
# Around a word: anything, or digits as front desk types them ("ext. 12-34 (ask Mr Wang)").
TEXT_AROUND_WORDS = st.one_of(
    st.text(max_size=20), st.from_regex(r"[0-9 ()+.\-]{0,15}", fullmatch=True)
)
# What normalize_phone drops from text it cannot read as a number.
PHONE_SEPARATORS = "-()."


def typed(number, separator, prefix):
    """The same number as front desk might type it."""
    return prefix + separator.join((number[:3], number[3:7], number[7:]))


def cut(digits, cuts, separators):
    """``digits`` with ``separators`` inserted at the positions ``cuts``."""
    text, last = "", 0
    for position, separator in zip(sorted(set(cuts)), separators, strict=False):
        if 0 < position < len(digits):
            text, last = text + digits[last:position] + separator, position
    return text + digits[last:]


def significant(text):
    """The characters of ``text`` that are neither blank nor phone punctuation."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in PHONE_SEPARATORS)


def utc_candidates(day, hour, minute, tz):
    """The naive UTC instants that read ``hour:minute`` on ``day`` in ``tz`` (zoneinfo).

    One instant for an ordinary wall time; two for a time that occurs twice (autumn
    clock change) or not at all (spring clock change): the readings before and after it.
    """
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(tz))
    return {
        local.replace(fold=fold).astimezone(timezone.utc).replace(tzinfo=None) for fold in (0, 1)
    }


def oracle_local_date(moment, tz):
    return moment.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz)).date()


@tagged("post_install", "-at_install", "leasing_properties")
class TestPureProperties(BaseCase):
    # Phone keys -----------------------------------------------------------

    @SETTINGS
    @given(MOBILES, SEPARATORS, st.sampled_from(["", "+86 ", "+86-", "0086 "]))
    @example("17900001000", " ", "")  # 179.. looks like a carrier-selection prefix
    def test_every_typing_of_a_mobile_is_its_e164_form(self, number, separator, prefix):
        self.assertEqual(normalize_phone(typed(number, separator, prefix)), "+86" + number)

    @SETTINGS
    @given(AREA_CODES, st.from_regex(r"[2-8][0-9]{7}", fullmatch=True), LANDLINE_TYPINGS)
    def test_every_typing_of_a_landline_is_its_e164_form(self, area, subscriber, typing):
        text = typing.format(area=area, sub=f"{subscriber[:4]} {subscriber[4:]}")
        self.assertEqual(normalize_phone(text), f"+86{area}{subscriber}")

    @SETTINGS
    @given(
        st.from_regex(r"[0-9]{3,15}", fullmatch=True),
        st.lists(st.integers(1, 14), max_size=4),
        st.lists(SEPARATORS, min_size=4, max_size=4),
        st.lists(st.integers(1, 14), max_size=4),
        st.lists(SEPARATORS, min_size=4, max_size=4),
    )
    def test_any_digits_typed_two_ways_meet_on_one_key(self, digits, cuts1, seps1, cuts2, seps2):
        first, second = cut(digits, cuts1, seps1), cut(digits, cuts2, seps2)
        key = normalize_phone(first)
        self.assertEqual(normalize_phone(second), key, (first, second))
        self.assertRegex(key, r"^(\+[0-9]+|[0-9]+)$")

    @SETTINGS
    @given(st.text(max_size=40))
    def test_only_text_without_significant_characters_has_no_key(self, text):
        key = normalize_phone(text)
        self.assertEqual(bool(key), bool(significant(text)), repr(text))

    @SETTINGS
    @given(TEXT_AROUND_WORDS, st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), TEXT_AROUND_WORDS)
    def test_text_with_letters_keeps_its_significant_characters(self, before, word, after):
        # "ask Mr Wang 138..." is a note, never read as a vanity number (ask -> 275).
        text = before + word + after
        self.assertEqual(normalize_phone(text), significant(text).lower(), repr(text))

    # Office clock ---------------------------------------------------------

    @SETTINGS
    @given(
        CLOCK_DAYS,
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(OFFICE_TIMEZONES),
    )
    def test_local_wall_time_is_the_utc_instant_zoneinfo_gives(self, day, hour, minute, tz):
        candidates = utc_candidates(day, hour, minute, tz)
        moment = office_clock.at_local(day, hour, minute, tz)
        if len(candidates) == 1:
            self.assertEqual({moment}, candidates)
            self.assertEqual(office_clock.local_date(moment, tz), day)
        else:  # a clock change: either reading is a fair deadline
            self.assertIn(moment, candidates)

    @SETTINGS
    @given(
        CLOCK_DAYS,
        st.integers(0, 23),
        st.integers(0, 59),
    )
    def test_shanghai_is_eight_hours_ahead_of_utc(self, day, hour, minute):
        self.assertEqual(
            office_clock.at_local(day, hour, minute, "Asia/Shanghai"),
            datetime.combine(day, time(hour, minute)) - timedelta(hours=8),
        )

    @SETTINGS
    @given(
        CLOCK_MOMENTS,
        st.sampled_from(OFFICE_TIMEZONES),
    )
    def test_office_day_of_an_instant_is_the_one_zoneinfo_gives(self, moment, tz):
        self.assertEqual(office_clock.local_date(moment, tz), oracle_local_date(moment, tz))

    @SETTINGS
    @given(
        CLOCK_MOMENTS,
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(OFFICE_TIMEZONES),
    )
    def test_next_morning_is_that_time_on_the_following_office_day(self, moment, hour, minute, tz):
        deadline = office_clock.next_morning(moment, hour, minute, tz)
        next_day = oracle_local_date(moment, tz) + timedelta(days=1)
        self.assertIn(deadline, utc_candidates(next_day, hour, minute, tz))
        self.assertGreater(deadline, moment)

    @SETTINGS
    @given(st.integers(0, 23), st.integers(0, 59))
    def test_float_time_splits_back_into_its_hours_and_minutes(self, hour, minute):
        # Odoo's float_time widget stores 17:45 as 17.75 and 9:07 as 9.11666...
        self.assertEqual(office_clock.hours_to_hm(hour + minute / 60), (hour, minute))


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
        self.assertEqual(first.leasing_phone_key, "+86" + number)

    @SETTINGS
    @given(
        CLOCK_DAYS,
        st.integers(0, 23),
        st.sampled_from([0, 15, 30, 45, 59]),
        st.sampled_from(OFFICE_TIMEZONES),
    )
    def test_followup_plan_is_due_at_the_end_of_the_office_day(self, day, hour, minute, tz):
        self.env.company.leasing_workday_end = hour + minute / 60
        self.env.company.partner_id.tz = tz
        plan = self.env["leasing.followup.plan"].with_user(self.agent1).create({"plan_date": day})
        self.assertIn(plan.deadline, utc_candidates(day, hour, minute, tz))

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
        # A band next to the open-ended last one: the band check refuses it, as an overlap
        # or gap, or because the open-ended band would no longer be the last.
        with self.assertRaises(ValidationError) as caught:
            Tier.create(
                {
                    "kind": "manager",
                    "rate_from": max(bounds[-2] + shift, 0.5),
                    "rate_to": bounds[-2] + 5,
                    "factor": 1,
                }
            )
        self.assertRegex(
            str(caught.exception),
            r"^(Commission tiers overlap or leave a gap at [0-9.]+ %\.|"
            r"Only the last tier has no upper bound\.)$",
        )
