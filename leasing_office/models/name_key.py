"""Keys that recognise one merchant however its name was typed, free of any ORM.

Simplified and Traditional characters meet on one key, as do case, spacing, punctuation
and the company's legal form::

    >>> name_key("张伟") == name_key("張偉")
    True
    >>> name_key("上海金茶有限公司") == name_key("上海金茶有限責任公司") == name_key("上海 金茶")
    True
    >>> name_key("Golden Tea Co., Ltd.") == name_key("golden  tea")
    True

A blank name, or one that is only a legal form, has no key::

    >>> name_key("  "), name_key("有限公司"), name_key(None)
    (False, False, False)

Identifiers (business licence number, WeChat ID) ignore case and spacing only::

    >>> id_key(" 9131 0000 MA1k "), id_key(""), compact_id(" 9131 0000 MA1k ")
    ('91310000ma1k', False, '91310000MA1k')
"""

import re

try:
    import opencc
except ImportError:  # the manifest declares it; keep the module importable for tooling
    opencc = None

# Legal forms at the end of a company name, longest first (simplified, lower case).
LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "公司",
    "coltd",
    "limited",
    "ltd",
    "inc",
)
_SEPARATORS = re.compile(r"[\s\W_]+", re.UNICODE)
_CONVERTER = []


def to_simplified(text):
    """``text`` in Simplified characters (unchanged when OpenCC is missing)."""
    if opencc is None:
        return text
    if not _CONVERTER:
        _CONVERTER.append(opencc.OpenCC("t2s"))
    return _CONVERTER[0].convert(text)


def name_key(raw):
    """The comparison key of a person's or company's name, or False when blank."""
    text = _SEPARATORS.sub("", to_simplified(str(raw or "")).casefold())
    while text and text not in LEGAL_FORMS:
        form = next((f for f in LEGAL_FORMS if text.endswith(f)), None)
        if form is None:
            break
        text = text[: -len(form)]
    if text in LEGAL_FORMS:
        return False
    return text or False


def compact_id(raw):
    """An identifier as stored: without spaces, its case kept (False when blank)."""
    return re.sub(r"\s+", "", str(raw or "")) or False


def id_key(raw):
    """The comparison key of an identifier (licence number, WeChat ID), or False."""
    return re.sub(r"\s+", "", str(raw or "")).casefold() or False
