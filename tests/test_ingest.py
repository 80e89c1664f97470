"""Stage 1: inputs of every kind become articles rows; bad input is an InputError naming the file."""
from __future__ import annotations

import json

import pytest
from conftest import SEED, need_shared

from pipeline.errors import InputError
from pipeline.ingest import ingest, normalise_text


def write(path, content, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_with_sidecar(tmp_path):
    write(tmp_path / "story.txt", "The mayor said the bridge would reopen.\n")
    write(tmp_path / "story.meta.json", json.dumps({"title": "Bridge", "date": "2024-03-05T10:00:00Z",
                                                    "license": "CC BY 4.0"}))
    [a] = ingest([tmp_path / "story.txt"])
    assert a["article_id"] == "story"
    assert a["title"] == "Bridge" and a["published"] == "2024-03-05" and a["license"] == "CC BY 4.0"
    assert a["source"] is None and a["url"] is None  # unknown stays null
    assert a["language"] == "en"
    assert len(a["sha256"]) == 64


def test_text_without_sidecar_invents_nothing(tmp_path):
    [a] = ingest([write(tmp_path / "a.md", "# Title\n\nBody text.")])
    assert (a["title"], a["published"], a["license"], a["url"], a["source"]) == (None,) * 5


def test_normalisation_nfc_line_endings_bom():
    assert normalise_text("\ufeffCafe\u0301\r\nline\rnext  ") == "Caf\u00e9\nline\nnext"


def test_jsonl_records(tmp_path):
    lines = [{"id": "b2", "text": "Second.", "source": "Wire", "url": "https://example.org/b"},
             {"id": "a1", "text": "First.", "title": "One", "attribution": "Example contributors"}]
    f = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    rows = ingest([f])
    assert [r["article_id"] for r in rows] == ["a1", "b2"]  # sorted by id
    assert rows[0]["attribution"] == "Example contributors" and rows[1]["url"] == "https://example.org/b"


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Council votes on budget - Example News</title>
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2023-06-01T08:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Council votes on budget</h1>
    <p>The city council approved a budget of $4 million on Tuesday after a long debate.</p>
    <p>"This is a good day for the city," the mayor said after the vote was taken.</p>
    <p>Opponents said the plan spends too much on roads and too little on schools.</p>
    </article><footer>Copyright Example News</footer></body></html>"""
    [a] = ingest([write(tmp_path / "page.html", html)])
    assert "approved a budget of $4 million" in a["text"]
    assert "Home | World" not in a["text"]
    assert a["published"] == "2023-06-01"
    assert a["source"] == "Example News"


def test_real_html_page():
    page = need_shared("corpus", "html", "readability_bbc-1.html")
    [a] = ingest([page])
    assert len(a["text"]) > 1000 and a["title"]


def test_folder_of_inputs(tmp_path):
    write(tmp_path / "in" / "x.txt", "One.")
    write(tmp_path / "in" / "x.meta.json", "{}")
    write(tmp_path / "in" / "sub" / "y.md", "Two.")
    assert [a["article_id"] for a in ingest([tmp_path / "in"])] == ["x", "y"]


def test_folder_passes_over_files_that_are_not_articles(tmp_path):
    write(tmp_path / "in" / "story.txt", "One.")
    write(tmp_path / "in" / "manifest.json", "{}")
    write(tmp_path / "in" / "notes.pdf", "x")
    said = []
    assert [a["article_id"] for a in ingest([tmp_path / "in"], notify=said.append)] == ["story"]
    assert len(said) == 1 and "passed over 2 file(s)" in said[0] and ".json, .pdf" in said[0]


def test_unknown_file_named_explicitly_is_an_error(tmp_path):
    with pytest.raises(InputError, match="unknown file type '.pdf'"):
        ingest([write(tmp_path / "notes.pdf", "x")])


def test_seed_is_ingested_as_its_file_stem():
    [a] = ingest([SEED])
    assert a["article_id"] == SEED.stem and a["title"] is None and a["published"] is None


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("latin1.txt", "Caf\u00e9 cr\u00e8me".encode("latin-1"), "not UTF-8"),
    ("notes.docx", b"text", "unknown file type"),
    ("bad.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', "invalid JSON"),
    ("noid.jsonl", b'{"text": "no id here"}\n', "no 'id' field"),
    ("emptytext.jsonl", b'{"id": "a", "text": "   "}\n', "empty"),
    ("badid.jsonl", b'{"id": "a b/c", "text": "x"}\n', "article id"),
    ("baddate.jsonl", b'{"id": "a", "text": "x", "date": "yesterday"}\n', "ISO 8601"),
])
def test_bad_input_names_file_and_problem(tmp_path, name, content, problem):
    f = write(tmp_path / name, content, "wb")
    with pytest.raises(InputError) as err:
        ingest([f])
    assert str(f) in str(err.value) and problem in str(err.value)
    assert err.value.exit_code == 2


def test_bad_jsonl_line_number(tmp_path):
    f = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "ok"}\n{"id": "b", "text": "ok"\n')
    with pytest.raises(InputError, match=r"feed.jsonl:2: invalid JSON"):
        ingest([f])


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        ingest([tmp_path / "nope.txt"])


def test_duplicate_ids_name_both_sources(tmp_path):
    a = write(tmp_path / "one" / "story.txt", "First.")
    b = write(tmp_path / "feed.jsonl", '{"id": "story", "text": "Second."}\n')
    with pytest.raises(InputError) as err:
        ingest([a, b])
    assert "story" in str(err.value) and str(a) in str(err.value) and "feed.jsonl:1" in str(err.value)


def test_sidecar_with_unknown_key_is_passed_over_with_a_notice(tmp_path):
    write(tmp_path / "s.txt", "Text.")
    write(tmp_path / "s.meta.json", '{"titel": "typo"}')
    said = []
    [a] = ingest([tmp_path / "s.txt"], notify=said.append)
    assert a["title"] is None
    assert said == [f"ingest: passed over unknown metadata key(s) 'titel' in {tmp_path / 's.meta.json'} "
                    "(known: attribution, date, language, license, published, source, title, url)"]


def html_manifest():
    path = need_shared("corpus", "html", "manifest.json")
    return path.parent, json.loads(path.read_text())


def test_real_html_pages_match_their_known_metadata():
    folder, pages = html_manifest()
    for page in pages:
        [a] = ingest([folder / page["file"]])
        assert len(a["text"]) > 500, page["file"]
        if page.get("published"):
            assert a["published"] == page["published"][:10], page["file"]
        if page["file"].startswith("readability_"):
            assert a["title"] == page["title"], page["file"]
