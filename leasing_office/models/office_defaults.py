"""Every office setting's default, defined once (no ORM here).

Each mall is a company with its own leasing office, so each setting is a field of
``res.company`` named ``leasing_<key>`` (shown in Settings for the current company), and
its default is the value below. Until 19.0.1.4.0 each was the ``ir.config_parameter``
``leasing_office.<key>``; that version's migration copies those values into every
company. ``SETTINGS`` lists every key with its default::

    >>> SETTINGS["call_target"], SETTINGS["workday_end"]
    (50, 18.0)
    >>> company_field("call_target"), parameter_key("call_target")
    ('leasing_call_target', 'leasing_office.call_target')

Per-class frequencies and tier thresholds are one setting per class or tier::

    >>> SETTINGS["field_days_d"] == FIELD_DAYS["d"], SETTINGS["tier2_store_count"]
    (True, 2)
"""

# The office's timezone when its company's address has none.
TIMEZONE = "Asia/Shanghai"

# Front desk and own prospects.
UNDO_WINDOW_MINUTES = 10
FILING_DAYS = 30
PHONE_REGION = "CN"
PHONE_FIRST_CALLER = "rotation"  # attribution_rules.ROTATION

# Forms and routine: hours of the day are floats (9.5 is 09:30), in the office's timezone.
WORKDAY_END = 18.0
REGISTRATION_MINUTES = 30
LOG_HOUR = 10.0
ESCALATE_HOURS = 2.0
CALL_START = 9.5
CALL_END = 11.5
CALL_TARGET = 50

# Commission, in the company's currency.
COMMISSION_PER_CONTRACT = 1000.0
MANAGER_BONUS = 5000.0
INACCURATE_DEDUCTION = 200.0

# Big accounts (大客戶): reaching any threshold allows the registration.
BIG_ACCOUNT_AREA = 1000.0
BIG_ACCOUNT_BRAND = "national"
BIG_ACCOUNT_STORES = 10

# Days between follow-ups per prospect class.
FOLLOWUP_DAYS = {"a": 2, "b": 7, "c": 14, "d": 30}
# Field coverage: the first field visit is due this many days after the first contact, then
# every N days by class; a prospect without a class is visited as often as class D.
FIELD_FIRST_DAYS = 7
FIELD_DAYS = {"a": 14, "b": 30, "c": 60, "d": 90}

# Merchant tier thresholds (tier 1, tier 2) per criterion.
TIER_THRESHOLDS = {
    "store_count": (5, 2),
    "store_size": (500.0, 150.0),
    "warehouse_area": (2000.0, 500.0),
    "capital_turnover": (10_000_000.0, 2_000_000.0),
}

SETTINGS = {
    "undo_window_minutes": UNDO_WINDOW_MINUTES,
    "filing_days": FILING_DAYS,
    "phone_region": PHONE_REGION,
    "phone_first_caller": PHONE_FIRST_CALLER,
    "workday_end": WORKDAY_END,
    "registration_minutes": REGISTRATION_MINUTES,
    "log_hour": LOG_HOUR,
    "escalate_hours": ESCALATE_HOURS,
    "call_start": CALL_START,
    "call_end": CALL_END,
    "call_target": CALL_TARGET,
    "commission_per_contract": COMMISSION_PER_CONTRACT,
    "manager_bonus": MANAGER_BONUS,
    "inaccurate_deduction": INACCURATE_DEDUCTION,
    "big_account_area": BIG_ACCOUNT_AREA,
    "big_account_brand": BIG_ACCOUNT_BRAND,
    "big_account_stores": BIG_ACCOUNT_STORES,
    "field_first_days": FIELD_FIRST_DAYS,
    **{f"followup_days_{key}": days for key, days in FOLLOWUP_DAYS.items()},
    **{f"field_days_{key}": days for key, days in FIELD_DAYS.items()},
    **{
        f"tier{tier}_{name}": bounds[tier - 1]
        for name, bounds in TIER_THRESHOLDS.items()
        for tier in (1, 2)
    },
}


def company_field(key):
    """The ``res.company`` field that holds the setting ``key``."""
    return f"leasing_{key}"


def parameter_key(key):
    """The ``ir.config_parameter`` that held the setting ``key`` before 19.0.1.4.0."""
    return f"leasing_office.{key}"
