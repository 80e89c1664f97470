"""Regression: the seed article scores 1.00 with the team's scorer (dev-set targets live in `make evaluate`)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED_GOLD, SHARED, need_shared


def score(package, *extra) -> dict:
    need_shared("tools", "score.py")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(SEED_GOLD),
                          "--package", str(package), "--json", *extra], capture_output=True, text=True)
    return json.loads(out.stdout.rsplit("\n", 2)[0])  # the last line is a summary


def test_seed_scores_one(seed_package):
    result = score(seed_package)
    assert result["articles_not_found"] == 0
    assert result["quotes"]["f1"] == 1.0 and result["quotes"]["speaker_accuracy"] == 1.0
    assert result["quotes_strict"]["f1"] == 1.0
    assert result["figures"]["f1"] == 1.0 and result["figures"]["qualifier_accuracy"] == 1.0
    assert result["entities"]["f1"] == 1.0 and result["entities"]["role_accuracy"] == 1.0
