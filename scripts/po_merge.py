"""Merge a .pot into .po files: keep known translations, add new msgids, drop stale ones.

Usage: po_merge.py ADDON.pot LANG.po [LANG.po ...]
Prints how many msgids of each .po are still untranslated.
"""

import sys
from pathlib import Path

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    old = polib.pofile(po_path) if Path(po_path).exists() else polib.POFile()
    known = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in old if entry.msgstr}
    merged = polib.POFile(wrapwidth=78)
    merged.header = pot.header
    merged.metadata = {**pot.metadata, **old.metadata}
    merged.metadata["Language"] = Path(po_path).stem
    for entry in pot:
        entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
        merged.append(entry)
    merged.save(po_path)
    return sum(1 for entry in merged if not entry.msgstr)


if __name__ == "__main__":
    pot_file, *po_files = sys.argv[1:]
    for po_file in po_files:
        print(f"{po_file}: {merge(pot_file, po_file)} untranslated")
