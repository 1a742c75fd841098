"""Company names typed at the front desk, compared as text and never as a pattern.

Spaces around and inside a name do not matter, and a name that is only blank matches
nothing::

    >>> normalize_company_name("  Golden   Tea\\tHouse ")
    'Golden Tea House'
    >>> normalize_company_name(" \\t "), normalize_company_name(None)
    ('', '')

The name is then compared case-insensitively with ``=ilike``, its wildcards escaped so that
``%`` or ``_`` typed by front desk match only themselves::

    >>> ilike_literal("100% Cotton_Shop")
    '100\\\\% Cotton\\\\_Shop'
"""

from odoo.tools.sql import escape_psql


def normalize_company_name(raw):
    """``raw`` stripped, inner runs of whitespace collapsed to one space; '' when blank."""
    return " ".join(str(raw or "").split())


def ilike_literal(name):
    """The value for an ``=ilike`` domain that matches ``name`` exactly, ignoring case."""
    return escape_psql(name)
