"""Property-based tests (hypothesis): random Unicode text through ingest and every extractor.

Texts mix news words, names, numbers in many formats, quotation marks of every kind (unbalanced and
nested), combining marks, right-to-left scripts, emoji, zero-width and control characters, CRLF/CR
and very long tokens. The properties:

- ingest never fails but with an ``InputError``, and exactly when the text is empty or holds NUL;
  a ``.txt`` file and a JSONL record of the same text give the same article;
- the extractors (``pipeline.extract.extract`` / ``tables_from_doc``) never raise; every span
  satisfies ``text[start:end] == row.text``; IDs are unique, their links resolve inside the
  article, and they are stable (same text, same rows, alone or in a batch);
- a package built from the articles validates.

The default profile (``ci``) runs few examples, derandomised, so the suite stays fast and
deterministic; ``make fuzz`` runs the ``fuzz`` profile (``FUZZ_EXAMPLES`` examples per property,
random, failures kept in ``build/hypothesis``).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from pipeline.errors import InputError
from pipeline.ingest import ingest, normalise_text

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), deadline=None,
                          database=DirectoryBasedExampleDatabase(str(ROOT / "build" / "hypothesis")),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# building and validating a package takes seconds: a tenth of the examples (at least 4)
PACKAGE_PROFILE = settings(PROFILE, max_examples=max(4, PROFILE.max_examples // 10))

# ---------------------------------------------------------------- the text strategy
WORDS = ("said", "says", "told", "reporters", "added", "according", "to", "announced", "warned", "the", "a", "of",
         "and", "in", "on", "that", "it", "he", "she", "they", "we", "I", "Mr.", "Ms", "Dr.", "President", "chairman",
         "minister", "company", "government", "Li", "Qiang", "Ana", "Reyes", "Biden", "Apple", "Inc.", "UN", "EU",
         "U.S.", "Beijing", "New", "York", "percent", "per", "cent", "%", "million", "billion", "trillion", "bn", "m",
         "yuan", "dollars", "euros", "km", "tonnes", "people", "rose", "fell", "by", "about", "more", "than", "nearly",
         "at", "least", "up", "down", "so-called", "14th", "Congress", "1990s", "Q3", "year", "2023", "2024",
         "Müller", "São", "Paulo", "Zürich", "İstanbul", "Łódź", "Đặng", "محمد", "שלום", "東京", "習近平", "서울")
NUMBERS = ("0", "1", "7", "42", "300", "1,000", "1,234,567.89", "1.234.567,89", "1 234", "12.5", ".5", "5.", "-5",
           "\u22125", "+3.5", "1e6", "2E-3", "1/2", "3/4", "\u00bd", "\u00be", "\u2153", "\u0663\u0664",
           "\u0967\u0968", "\u216b", "\u2460", "\uff11\uff12", "3-4", "3\u20134", "3 to 4", "$5", "$1.2m", "US$3bn",
           "\u20ac40", "\u00a39.99", "\u00a5100", "\u20b91,00,000", "5bn", "12%", "6.1 percent", "10x", "#1",
           "1st", "2nd", "12:30", "2024-01-01", "1990s", "'90s", "0.000001", "999999999999999999999", "NaN", "inf",
           "2 trillion yuan ($273 billion)", "more than 90 percent", "between 3 and 4 million")
QUOTES = ('"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u201e",
          "\u201a", "\u300c", "\u300d", "\u300e", "\u300f", "``", "''", "\u301d", "\u301e", "\uff02", "\u2032",
          "\u2033", '"\u2018', "\u2019\"")
BREAKS = (" ", " ", " ", "\n", "\r\n", "\r", "\t", "\n\n", "\u00a0", "\u2028", "\u2029", "\u0085", "\u200b",
          "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\x0b", "\x0c", "\u3000", ". ", ", ",
          "? ", "! ", "; ", ": ", " -- ", " \u2014 ", "...", "\u2026", "(", ")", "[", "]")
EMOJI = ("\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1e8\U0001f1f3",
         "\u2764\ufe0f", "1\ufe0f\u20e3", "\U0001f3f3\ufe0f\u200d\U0001f308")

combining = st.characters(categories=["Mn", "Mc", "Me"])
rtl = st.text(st.characters(min_codepoint=0x0590, max_codepoint=0x08FF), min_size=1, max_size=12)
controls = st.characters(categories=["Cc", "Cf", "Zl", "Zp"], exclude_characters="\x00")
anything = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
long_token = st.builds(lambda c, n: c * n, st.sampled_from("ax9\u00e9\u4e00-'\".\u0301"), st.integers(50, 2500))

piece = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(NUMBERS),
    st.sampled_from(NUMBERS), st.sampled_from(QUOTES), st.sampled_from(QUOTES), st.sampled_from(BREAKS),
    st.sampled_from(BREAKS), st.sampled_from(BREAKS), st.sampled_from(EMOJI), combining, rtl, controls, anything,
    long_token,
)


def quoted(parts):
    """A sentence shaped like a quote, with marks that may not match: ``<o>words<c> Name said.``"""
    open_, close, words, speaker, cue = parts
    return f"{open_}{words}{close} {speaker} {cue}. "


sentence = st.one_of(
    st.lists(piece, min_size=1, max_size=40).map("".join),
    st.lists(st.sampled_from(WORDS + NUMBERS), min_size=3, max_size=25).map(" ".join).map(lambda s: s + ". "),
    st.tuples(st.sampled_from(QUOTES), st.sampled_from(QUOTES), st.lists(piece, max_size=15).map(" ".join),
              st.sampled_from(("Li", "Ana Reyes", "the chairman", "she", "Mr. Biden", "Apple")),
              st.sampled_from(("said", "added", "told reporters", "warned"))).map(quoted),
)
texts = st.lists(sentence, min_size=1, max_size=8).map("".join)


# ---------------------------------------------------------------- helpers
def ingest_text(text: str, folder: Path, ensure_ascii: bool) -> tuple[list, list]:
    """The same text ingested as a JSONL record and as a .txt file: (rows or the error) for each."""
    (folder / "feed.jsonl").write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=ensure_ascii) + "\n",
                                       encoding="utf-8")
    (folder / "a.txt").write_bytes(text.encode("utf-8"))
    out = []
    for name in ("feed.jsonl", "a.txt"):
        try:
            out.append(ingest([folder / name]))
        except InputError as e:
            out.append(e)
    return out[0], out[1]


def article_of(text: str) -> dict | None:
    """The article ingested from ``text``; None when ingest refuses it (empty text)."""
    with tempfile.TemporaryDirectory() as tmp:
        rows, _ = ingest_text(text, Path(tmp), ensure_ascii=False)
    return None if isinstance(rows, InputError) else rows[0]


def check_tables(article: dict, tables: dict) -> None:
    """Spans equal the text, IDs unique, links resolve inside the article."""
    text = article["text"]
    ids = {}
    for table, pk in (("entities", "entity_id"), ("mentions", "mention_id"), ("quotes", "quote_id"),
                      ("figures", "figure_id")):
        keys = [r[pk] for r in tables[table]]
        assert len(keys) == len(set(keys)), f"{table}: duplicate {pk}"
        ids[table] = set(keys)
        for row in tables[table]:
            assert row["article_id"] == article["article_id"]
            if "start" in row:
                assert 0 <= row["start"] < row["end"] <= len(text), (table, row)
                assert text[row["start"]:row["end"]] == row["text"], (table, row)
    for table, column, target in (("mentions", "entity_id", "entities"), ("quotes", "speaker_entity_id", "entities"),
                                  ("figures", "entity_id", "entities"), ("figures", "quote_id", "quotes"),
                                  ("figures", "equivalent_of", "figures")):
        for row in tables[table]:
            assert row[column] is None or row[column] in ids[target], (table, column, row)


# ---------------------------------------------------------------- properties
@PROFILE
@given(text=texts | anything, ensure_ascii=st.booleans())
def test_ingest_accepts_any_text_or_says_why(text, ensure_ascii):
    with tempfile.TemporaryDirectory() as tmp:
        from_jsonl, from_txt = ingest_text(text, Path(tmp), ensure_ascii)
        again, _ = ingest_text(text, Path(tmp), not ensure_ascii)
    expected_error = not normalise_text(text)
    assert isinstance(from_jsonl, InputError) == expected_error, from_jsonl
    assert isinstance(from_txt, InputError) == expected_error, from_txt
    if not expected_error:
        [a], [b] = from_jsonl, from_txt
        assert a["text"] == normalise_text(text) and a["text"] == b["text"] and a["sha256"] == b["sha256"]
        assert again == from_jsonl  # escaped or raw in the JSONL: the same article


@PROFILE
@given(text=texts)
def test_extractors_never_fail_and_spans_hold(nlp, text):
    from pipeline.extract import extract, tables_from_doc

    article = article_of(text)
    assume(article is not None)
    tables = extract([article], nlp)
    check_tables(article, tables)
    assert tables_from_doc(article["article_id"], nlp(article["text"])) == tables  # the same rows, the same IDs


@PACKAGE_PROFILE
@given(batch=st.lists(texts, min_size=1, max_size=3))
def test_a_package_built_from_random_text_validates(nlp, batch):
    from pipeline import package
    from pipeline.extract import extract
    from pipeline.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(batch)),
                        encoding="utf-8")
        try:
            articles = ingest([feed])
        except InputError:
            assume(False)
        tables = extract(articles, nlp)
        for a in articles:  # IDs do not depend on the other articles of the batch
            alone = extract([a], nlp)
            assert alone == {t: [r for r in rows if r["article_id"] == a["article_id"]] for t, rows in tables.items()}
        files, descriptor = package.render({"articles": articles, **tables})
        package.write(Path(tmp) / "pkg", files, descriptor)
        report = validate(Path(tmp) / "pkg")
        assert report.errors == [], [str(p) for p in report.errors]


def test_the_fuzz_profile_is_selectable():
    """``make fuzz`` sets HYPOTHESIS_PROFILE=fuzz; the default is the small, derandomised CI profile."""
    assert settings.get_profile("fuzz").max_examples >= settings.get_profile("ci").max_examples
    assert PROFILE.max_examples >= 1 and PACKAGE_PROFILE.max_examples >= 4


@pytest.mark.parametrize("text", ["\u201cNested \u2018quote\u2019 here,\u201d Li said.", "\"Unbalanced, she said.",
                                  "x" * 5000, "Caf\u0065\u0301 \u05e9\u05dc\u05d5\u05dd \U0001f600\r\n\r\n12%"])
def test_known_hard_texts(nlp, text):
    """A few fixed texts of the kinds the fuzzer draws, so a regression shows without hypothesis."""
    from pipeline.extract import extract

    article = article_of(text)
    check_tables(article, extract([article], nlp))
