"""Odoo's own access-error texts, so that a test names the check that refused.

An access-control list (ACL) refusing a whole model and a record rule hiding some records
both raise ``AccessError``; only their text tells them apart::

    with self.assertRaisesRegex(AccessError, acl_refused("write", "leasing.rotation")):
        ...
"""

import re

_ACL_VERBS = {"read": "access", "write": "modify", "create": "create", "unlink": "delete"}


def acl_refused(operation, model):
    """The error when no access-control list grants ``operation`` on ``model``."""
    verb = _ACL_VERBS[operation]
    return rf"You are not allowed to {verb} '[^']+' \({re.escape(model)}\) records\."


def rule_refused(operation, model):
    """The error when a record rule keeps the records from ``operation``."""
    return rf"doesn't have '{operation}' access to:\n- [^\n]*\({re.escape(model)}[):]"
