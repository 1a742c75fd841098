"""The office's time rules, free of any ORM: local wall-clock times to naive UTC.

Odoo stores datetimes as naive UTC; the office's rules speak in its own timezone
("by the end of the working day", "the next morning at 10:00")::

    >>> from datetime import date, datetime
    >>> at_local(date(2026, 11, 27), 18, 0, "Asia/Shanghai")
    datetime.datetime(2026, 11, 27, 10, 0)
    >>> next_morning(datetime(2026, 11, 27, 15, 0), 10, 0, "Asia/Shanghai")
    datetime.datetime(2026, 11, 28, 2, 0)

A deadline counted in minutes simply crosses midnight::

    >>> after_minutes(datetime(2026, 11, 27, 15, 50), 30)
    datetime.datetime(2026, 11, 27, 16, 20)
    >>> local_date(datetime(2026, 11, 27, 16, 30), "Asia/Shanghai")
    datetime.date(2026, 11, 28)
"""

from datetime import datetime, time, timedelta

import pytz

from .office_defaults import TIMEZONE as DEFAULT_TZ


def company_tz(company):
    """The office's timezone name: the company's, else Asia/Shanghai; never the user's.

    Each mall (company) keeps its own, on its address. It is read as superuser: the office's
    clock is not a record the user is shown, so no access rule needs checking for it (a
    first registration in a new server process saves the rule look-ups)::

        >>> from types import SimpleNamespace
        >>> class Mall(SimpleNamespace):
        ...     def sudo(self):
        ...         return self
        >>> company_tz(Mall(partner_id=SimpleNamespace(tz="Europe/Paris")))
        'Europe/Paris'
        >>> company_tz(Mall(partner_id=SimpleNamespace(tz=False)))
        'Asia/Shanghai'
    """
    return company.sudo().partner_id.tz or DEFAULT_TZ


def office_today(env):
    """Today in the office: the company's timezone, else Asia/Shanghai; never the user's."""
    return datetime.now(pytz.timezone(company_tz(env.company))).date()


def office_date(env, moment, company=None):
    """The office's calendar day of the naive UTC datetime ``moment`` (False stays False).

    Every day, week, month and quarter of a figure is counted from this day, never from
    ``moment.date()``, which is the UTC day: before 08:00 in Shanghai it is yesterday.
    """
    if not moment:
        return False
    return local_date(moment, company_tz(company or env.company))


def office_day_bounds(env, date_from, date_to, company=None):
    """Naive UTC ``[start, end)`` of the office days ``date_from`` to ``date_to`` included,
    to select datetimes (visits, deadlines) by office day."""
    tz_name = company_tz(company or env.company)
    return at_local(date_from, 0, 0, tz_name), at_local(date_to + timedelta(days=1), 0, 0, tz_name)


def office_moment(env, moment, company=None):
    """The naive UTC datetime ``moment`` as the office's naive wall-clock time (for names)."""
    tz = pytz.timezone(company_tz(company or env.company))
    return pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)


def at_local(day, hour, minute, tz_name):
    """Naive UTC datetime of ``hour:minute`` on ``day`` in the timezone ``tz_name``."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    local = tz.localize(datetime.combine(day, time(hour, minute)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def local_date(moment, tz_name):
    """The office's calendar day of a naive UTC datetime."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    return pytz.utc.localize(moment).astimezone(tz).date()


def to_local(moment, tz_name):
    """The office's wall-clock time of a naive UTC datetime (naive too).

    >>> to_local(datetime(2026, 11, 27, 13, 27), "Asia/Shanghai")
    datetime.datetime(2026, 11, 27, 21, 27)
    """
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    return pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)


def next_morning(moment, hour, minute, tz_name):
    """``hour:minute`` on the office day after the one of ``moment`` (naive UTC)."""
    return at_local(local_date(moment, tz_name) + timedelta(days=1), hour, minute, tz_name)


def after_minutes(moment, minutes):
    return moment + timedelta(minutes=minutes)


def hours_to_hm(value):
    """Split a float hour of the day (Odoo's float_time widget) into hours and minutes.

    >>> hours_to_hm(9.5), hours_to_hm(18.0)
    ((9, 30), (18, 0))
    """
    hours = int(value)
    return hours, round((value - hours) * 60)


def office_today_default(record):
    """Field default: today in the office (``fields.Date.context_today`` is the user's day)."""
    return office_today(record.env)
