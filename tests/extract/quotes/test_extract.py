"""End-to-end test of ``extract_quotes`` (pipeline/extract/quotes/__init__.py)."""
from __future__ import annotations

import importlib.util
import json

from conftest import SEED, SHARED, need_shared

from pipeline.extract.entities import extract_entities
from pipeline.extract.quotes import extract_quotes


# ---------------------------------------------------------------- the seed article
def test_seed_scores_perfectly(nlp):
    gold_path = need_shared("seed", SEED.stem + ".gold.json")
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.loads(gold_path.read_text())["quotes"]
    doc = nlp(SEED.read_text())
    preds = extract_quotes(doc, extract_entities(doc))
    lenient, strict = score.Tally(), score.Tally()
    score.score_quotes(gold, preds, lenient, strict)
    assert lenient.prf()[2] == 1.0
    good, total = lenient.extra["speaker"]
    assert good == total
