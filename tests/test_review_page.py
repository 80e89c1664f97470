"""The review pages rendered in headless Chromium: spans highlighted, details shown by the page's
script, and untrusted article text shown as text (never executed)."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.publish import publish

ARTICLE = """Council approves <script>document.title="pwned"</script> budget

Councillor Ana Pereira said on Monday that the council would spend $3 million on flood defences.

"We cannot wait for the next storm," Pereira told reporters. A resident wrote <img src=x onerror="document.body.setAttribute('data-pwned','1')"> in a comment.
"""
TITLE = 'Council <b>budget</b> & "flood" <script>document.title="pwned"</script>'
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        pytest.fail("chromium is missing but installable here: apt-get install -y chromium (.ci/run does it)")
    pytest.skip("chromium is not installed and cannot be installed by this user (needs root and apt-get): "
                "install Debian's chromium package to run the review-page browser test")


@pytest.fixture(scope="module")
def release(tmp_path_factory, nlp):
    """A release of one article whose text and title hold HTML, published to a local folder."""
    from pipeline.extract import extract
    from pipeline.ingest import ingest

    raw = tmp_path_factory.mktemp("raw")
    (raw / "council.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "council.meta.json").write_text(json.dumps({"title": TITLE, "url": "javascript:alert(1)"}))
    articles = ingest([str(raw)])
    work = raw.parent
    (work / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (work / "t.json").write_text(json.dumps(extract(articles, nlp)), encoding="utf-8")
    assert main(["package", str(work / "a.jsonl"), str(work / "t.json"), "--out", str(work / "pkg"), "-q"]) == 0
    out = publish(work / "pkg" / "datapackage.json", str(work / "rel"), name="council")
    return work / "rel" / out.folder


@pytest.fixture(scope="module")
def browser():
    return chromium()


def rendered(browser, url: str, tmp_path: Path):
    """The DOM after the page's scripts ran, parsed with lxml."""
    import lxml.html

    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    profile.mkdir()
    run = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=90)
    assert run.returncode == 0 and "<html" in run.stdout, run.stderr[-2000:]
    return lxml.html.fromstring(run.stdout)


def rows(folder: Path, table: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((folder / f"data/{table}.csv").read_text(encoding="utf-8"))))


def spans(dom, kind: str) -> dict[str, str]:
    """Highlighted spans of one kind: id -> the text of all its pieces."""
    found: dict[str, str] = {}
    for el in dom.xpath(f'//div[@id="text"]//span[@data-kind="{kind}"]'):
        found[el.get("data-id")] = found.get(el.get("data-id"), "") + el.text_content()
    return found


def page_url(release: Path, fragment: str = "") -> str:
    return (release / "review/articles/council.html").as_uri() + fragment


def test_article_page_highlights_every_span(release, browser, tmp_path):
    dom = rendered(browser, page_url(release), tmp_path)
    quotes, figures, mentions = rows(release, "quotes"), rows(release, "figures"), rows(release, "mentions")
    assert quotes and figures and mentions
    assert spans(dom, "quote") == {q["quote_id"]: q["text"] for q in quotes}
    assert spans(dom, "figure") == {f["figure_id"]: f["text"] for f in figures}
    assert spans(dom, "mention") == {m["mention_id"]: m["text"] for m in mentions}
    speaker = {q["quote_id"]: q["speaker_name"] for q in quotes}
    for el in dom.xpath('//span[@data-kind="quote"]'):  # hover text names the speaker
        assert speaker[el.get("data-id")] in el.get("title")


def test_untrusted_text_is_shown_as_text_not_run(release, browser, tmp_path):
    dom = rendered(browser, page_url(release), tmp_path)
    article = rows(release, "articles")[0]
    assert dom.xpath('//div[@id="text"]')[0].text_content() == article["text"]  # every character, as text
    assert '<script>document.title="pwned"</script>' in dom.xpath('//div[@id="text"]')[0].text_content()
    assert dom.findtext(".//title") == TITLE  # the injected script did not set the title
    assert len(dom.xpath("//script")) == 1  # only the page's own
    assert not dom.xpath("//img") and not dom.xpath("//b")
    assert dom.xpath("//body")[0].get("data-pwned") is None
    assert TITLE in dom.xpath("//h1")[0].text_content()
    assert not dom.xpath('//a[starts-with(@href, "javascript:")]')  # a non-http url is not a link


def test_clicked_span_shows_its_details(release, browser, tmp_path):
    quote = next(q for q in rows(release, "quotes") if q["speaker_name"])
    dom = rendered(browser, page_url(release, f"#{quote['quote_id']}"), tmp_path)
    panel = dom.xpath('//aside[@id="details"]')[0]
    assert panel.get("data-selected") == quote["quote_id"]
    details = dict(zip(panel.xpath(".//dt/text()"), panel.xpath(".//dd/text()"), strict=True))
    assert details["speaker"] == quote["speaker_name"] and details["type"] == quote["type"]
    selected = dom.xpath('//*[contains(concat(" ", @class, " "), " selected ")]')
    assert selected and {el.get("data-id") for el in selected} == {quote["quote_id"]}

    figure = rows(release, "figures")[0]
    dom = rendered(browser, page_url(release, f"#{figure['figure_id']}"), tmp_path)
    aside = '//aside[@id="details"]'
    details = dict(zip(dom.xpath(f"{aside}//dt/text()"), dom.xpath(f"{aside}//dd/text()"), strict=True))
    assert details["unit"] == figure["unit"] and float(details["value"]) == float(figure["value"])


def test_index_links_every_article(release, browser, tmp_path):
    dom = rendered(browser, (release / "review/index.html").as_uri(), tmp_path)
    links = dom.xpath("//tbody//a")
    assert [a.text_content() for a in links] == [TITLE]
    assert all((release / "review" / a.get("href")).is_file() for a in links)
