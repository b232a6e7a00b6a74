#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints one closing line for a meson test run: how many test cases passed,
failed and were skipped, counted over every TAP line of every test program."""

import json
import re
import sys

passed = failed = skipped = 0
tap_line = re.compile(r"^(not ok|ok)\b(.*)$")

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        result = json.loads(line)
        counted = False
        for out in (result.get("stdout") or "").splitlines():
            match = tap_line.match(out.strip())
            if not match:
                continue
            counted = True
            if "# SKIP" in match.group(2).upper():
                skipped += 1
            elif match.group(1) == "ok" or "# TODO" in match.group(2).upper():
                passed += 1
            else:
                failed += 1
        if not counted:
            outcome = result.get("result")
            if outcome == "OK":
                passed += 1
            elif outcome == "SKIP":
                skipped += 1
            else:
                failed += 1

print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
