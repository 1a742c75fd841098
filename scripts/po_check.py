"""Compare a committed .pot with a fresh export; count untranslated msgids of .po files.

Usage: po_check.py COMMITTED.pot FRESH.pot LANG.po [LANG.po ...]
Exits 1 when the msgids differ or when any .po has an untranslated msgid.
"""

import sys

import polib


def msgids(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(path)}


def main(committed, fresh, *po_files):
    failed = False
    old, new = msgids(committed), msgids(fresh)
    if old != new:
        failed = True
        print(f"{committed}: out of date, regenerate it with scripts/i18n_export")
        for _ctx, msgid in sorted(new - old, key=str)[:20]:
            print(f"  + {msgid!r}")
        for _ctx, msgid in sorted(old - new, key=str)[:20]:
            print(f"  - {msgid!r}")
    for path in po_files:
        missing = [entry.msgid for entry in polib.pofile(path) if not entry.msgstr]
        print(f"{path}: {len(missing)} untranslated")
        failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
