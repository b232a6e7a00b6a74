#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints one closing line for one or more meson test runs (their testlog.json
files): how many test cases passed, failed and were skipped, counted over every
TAP line of every test program. A missing log (a build that failed) counts as a
failure."""

import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def count(path, totals):
    with open(path, encoding="utf-8") as log:
        for line in log:
            result = json.loads(line)
            counted = False
            for out in (result.get("stdout") or "").splitlines():
                match = TAP_LINE.match(out.strip())
                if not match:
                    continue
                counted = True
                directive = match.group(2).upper()
                if "# SKIP" in directive:
                    totals["skipped"] += 1
                elif match.group(1) == "ok" or "# TODO" in directive:
                    totals["passed"] += 1
                else:
                    totals["failed"] += 1
            if not counted:
                outcome = result.get("result")
                key = {"OK": "passed", "SKIP": "skipped"}.get(outcome, "failed")
                totals[key] += 1


totals = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    try:
        count(path, totals)
    except OSError:
        totals["failed"] += 1

print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
