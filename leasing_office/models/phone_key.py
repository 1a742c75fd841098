"""Phone normalisation used to recognise returning prospects, free of any ORM.

Numbers that can be parsed become E.164, so the many ways front desk types the same number
meet on one key::

    >>> normalize_phone("138 1234 5678"), normalize_phone("+86-138-1234-5678")
    ('+8613812345678', '+8613812345678')
    >>> normalize_phone("(021) 6234 5678")
    '+862162345678'

What cannot be parsed keeps its raw text, reduced to its significant characters, so that a
second visit typed the same way is still recognised::

    >>> normalize_phone(" ask for Mr Wang ")
    'askformrwang'
    >>> normalize_phone("12"), normalize_phone("   ")
    ('12', False)

An eleven-digit Chinese mobile is read as one even where the library takes its first digits
for a carrier-selection prefix (179..)::

    >>> normalize_phone("179 0000 1000"), normalize_phone("+86 17900001000")
    ('+8617900001000', '+8617900001000')
"""

import re

from . import office_defaults

try:
    import phonenumbers
except ImportError:  # the manifest declares it; keep the module importable for tooling
    phonenumbers = None

DEFAULT_REGION = office_defaults.PHONE_REGION
# A mainland mobile as typed in China: 11 digits from 13x to 19x, with no country code.
CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def normalize_phone(raw, region=DEFAULT_REGION):
    """Return the E.164 form of ``raw`` when it is a possible number, else its stripped
    lower-case text."""
    text = (raw or "").strip()
    if not text:
        return False
    # Letters would be read as a vanity number ("ask Mr Wang" -> 275...): keep such text raw.
    if phonenumbers and not re.search(r"[A-Za-z]", text):
        region = region or DEFAULT_REGION
        if region == "CN" and CN_MOBILE.fullmatch(re.sub(r"[\s\-().]", "", text)):
            text = "+86" + text
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            number = None
        # A possible (well-formed) number is keyed too, even when its range is not
        # allocated yet: the same digits typed two ways must meet on one key.
        if number is not None and phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return re.sub(r"[\s\-().]", "", text).lower()
