"""Compare two runs of Odoo's own tests: on stock Odoo and with our addons installed.

Usage: stock_compare.py STOCK.log OURS.log [STOCK_RC OURS_RC]
Prints every test that did not pass on one side, with its outcome on both, then one line
"N passed, N failed, N skipped" for the run with our addons:
  passed   tests that pass with our addons;
  failed   tests that pass on stock and fail (or do not run) with our addons, plus one per
           run that broke (non-zero exit with no failing test, or no test at all);
  skipped  tests that fail on both sides (Odoo's own failures, reported, not blamed) and
           tests Odoo skipped.
Exits 1 when "failed" is not zero.
"""

import re
import sys

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): "
    r"(?P<message>.*)$"
)
ADDON = re.compile(r"odoo\.addons\.(?P<addon>\w+)\.")
# "setUpClass (odoo.addons.crm.tests.test_x.TestX)" and the like, from unittest's holders.
HOLDER = re.compile(r"^(?P<what>\w+) \((?P<path>[\w.]+)\)$")
SUBTEST = re.compile(r"^Subtest (?P<test>\S+)")


def test_key(logger, description):
    """``addon: Class.method`` for a test description as Odoo logs it."""
    description = description.strip()
    match = SUBTEST.match(description)
    if match:
        description = match["test"]
    match = HOLDER.match(description)
    if match:
        logger = match["path"]
        description = f"{match['path'].rsplit('.', 1)[-1]}.{match['what']}"
    addon = ADDON.match(logger + ".")
    return f"{addon['addon'] if addon else logger}: {description}"


def parse(path):
    """Outcome per test of one run's log: pass, FAIL, ERROR or skipped."""
    outcomes = {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            line = LINE.match(raw.rstrip())
            if not line:
                continue
            message, logger = line["message"], line["logger"]
            if ".tests" not in logger:
                continue
            if message.startswith("Starting ") and message.endswith(" ..."):
                outcomes.setdefault(test_key(logger, message[9:-4]), "pass")
            elif line["level"] == "ERROR" and message.startswith(("FAIL: ", "ERROR: ")):
                flavour, description = message.split(": ", 1)
                key = test_key(logger, description)
                if outcomes.get(key) != "FAIL":
                    outcomes[key] = flavour
            elif message.startswith("skipped "):
                key = test_key(logger, message[8:].split(" : ", 1)[0])
                outcomes[key] = "skipped"
    return outcomes


def compare(stock, ours):
    """Rows (test, stock outcome, ours outcome, verdict) and the counts for our side."""
    rows, counts = [], {"passed": 0, "failed": 0, "skipped": 0}
    for test in sorted(set(stock) | set(ours)):
        before, after = stock.get(test, "not run"), ours.get(test, "not run")
        if after == "pass":
            counts["passed"] += 1
            if before != "pass":
                rows.append((test, before, after, "fixed or new"))
        elif after == "skipped":
            counts["skipped"] += 1
        elif before in ("pass", "skipped", "not run"):
            counts["failed"] += 1
            rows.append((test, before, after, "REGRESSION"))
        else:
            counts["skipped"] += 1
            rows.append((test, before, after, "fails on stock too"))
    return rows, counts


def print_table(rows, stock, ours):
    print(f"Odoo's own tests: {len(stock)} on stock, {len(ours)} with our addons")
    if not rows:
        print("every test has the same outcome on both sides")
        return
    width = max(len(row[0]) for row in rows)
    print(f"{'test':<{width}}  {'stock':<8}  {'ours':<8}  verdict")
    for test, before, after, verdict in rows:
        print(f"{test:<{width}}  {before:<8}  {after:<8}  {verdict}")


def main(stock_log, ours_log, stock_rc="0", ours_rc="0"):
    stock, ours = parse(stock_log), parse(ours_log)
    rows, counts = compare(stock, ours)
    print_table(rows, stock, ours)
    for name, outcomes, rc in (("stock", stock, stock_rc), ("ours", ours, ours_rc)):
        failing = any(outcome in ("FAIL", "ERROR") for outcome in outcomes.values())
        if not outcomes or (rc != "0" and not failing):
            print(f"the {name} run broke (exit status {rc}, {len(outcomes)} tests); see its log")
            counts["failed"] += 1
    print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
