"""Static review pages: ``review/index.html`` and one page per article with every quote, figure and
entity mention highlighted; hover shows a summary, click (or ``#<id>`` in the URL) shows details.

All article text and extracted values are untrusted: everything goes through ``html.escape``, details
are set with ``textContent`` only, and a Content-Security-Policy allows no script but the page's own.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape

SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")
LAYERS = ("quote", "mention", "figure")  # outermost first when spans start and end together
_ANAPHOR = {"pronoun": "anaphor", "nominal": "anaphor"}  # "she", "the company": drawn dotted

SCRIPT = """(function () {
  var panel = document.getElementById("details");
  function show(el) {
    var info = JSON.parse(el.getAttribute("data-details"));
    panel.textContent = "";
    var h = document.createElement("h2");
    h.textContent = info.label;
    panel.appendChild(h);
    var dl = document.createElement("dl");
    info.rows.forEach(function (row) {
      var dt = document.createElement("dt"); dt.textContent = row[0]; dl.appendChild(dt);
      var dd = document.createElement("dd"); dd.textContent = row[1]; dl.appendChild(dd);
    });
    panel.appendChild(dl);
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    document.querySelectorAll('[data-id="' + CSS.escape(el.getAttribute("data-id")) + '"]')
      .forEach(function (e) { e.classList.add("selected"); });
    panel.setAttribute("data-selected", el.getAttribute("data-id"));
  }
  document.getElementById("text").addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-id]");
    if (el) { show(el); }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.querySelector('#text [data-id="' + CSS.escape(id) + '"]');
    if (el) { show(el); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();"""
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_HASH}'"
STYLE = """body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1.5rem;padding:1rem 1.5rem;color:#222}
main{flex:3;max-width:48rem}aside{flex:1;position:sticky;top:1rem;align-self:flex-start;border:1px solid #ccc;
padding:.5rem 1rem;border-radius:6px;min-width:14rem}#text{white-space:pre-wrap;line-height:1.7;font-size:1.05rem}
.hl{cursor:pointer}.quote{background:#fff3b0}.quote.indirect{background:#e8f1d4}
.mention{border-bottom:2px solid #4c78a8}
.mention.anaphor{border-bottom-style:dotted}.figure{background:#f8c9c4;font-weight:600}
.selected{outline:2px solid #d62728}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
dt{font-weight:600}dd{margin:0 0 .4rem 0}
.legend span{margin-right:1rem;padding:0 .3rem}"""


def page_name(article_id: str) -> str:
    """File name of an article's page: the id when it is a safe file name, else a hash of it."""
    if SAFE_ID.fullmatch(article_id) and ".." not in article_id:
        return f"{article_id}.html"
    return f"article-{hashlib.sha256(article_id.encode('utf-8')).hexdigest()[:16]}.html"


def _rows(pairs) -> list[list[str]]:
    return [[k, str(v)] for k, v in pairs if v not in (None, "")]


def by_article(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """The rows of each table grouped by ``article_id`` (one pass over every table)."""
    groups: dict[str, dict[str, list[dict]]] = {}
    for table in ("entities", "mentions", "quotes", "figures"):
        for row in tables.get(table, []):
            groups.setdefault(row["article_id"], {}).setdefault(table, []).append(row)
    return groups


def spans_of(tables: dict[str, list[dict]]) -> list[dict]:
    """Every highlighted span of one article's rows: offsets, layer, id, hover title and details."""
    entities = {e["entity_id"]: e for e in tables.get("entities", [])}
    spans = []
    for q in tables.get("quotes", []):
        rows = _rows([("type", q.get("type")), ("speaker", q.get("speaker_name")),
                      ("as written", q.get("speaker_text")),
                      ("cue", q.get("cue")), ("id", q["quote_id"])])
        spans.append({"layer": "quote", "id": q["quote_id"], "start": int(q["start"]), "end": int(q["end"]),
                      "extra": q.get("type") or "", "label": "Quote", "rows": rows,
                      "title": f"Quote ({q.get('type')}): "
                                 f"{q.get('speaker_name') or q.get('speaker_text') or 'unknown speaker'}"})
    for m in tables.get("mentions", []):
        e = entities.get(m["entity_id"], {})
        rows = _rows([("entity", e.get("name")), ("type", e.get("type")), ("role", e.get("role")),
                      ("mention", m.get("kind")), ("id", m["entity_id"])])
        spans.append({"layer": "mention", "id": m["mention_id"], "start": int(m["start"]), "end": int(m["end"]),
                      "extra": " ".join(x for x in ((e.get("type") or "").lower(), _ANAPHOR.get(m.get("kind"))) if x),
                      "label": "Entity", "rows": rows,
                      "title": f"Entity: {e.get('name')} ({e.get('type')})"})
    for f in tables.get("figures", []):
        value = _figure_value(f)
        rows = _rows([("value", value), ("unit", f.get("unit")), ("kind", f.get("kind")),
                      ("qualifier", f.get("qualifier")), ("direction", f.get("direction")),
                      ("measure", f.get("measure")), ("period", f.get("period")), ("id", f["figure_id"])])
        spans.append({"layer": "figure", "id": f["figure_id"], "start": int(f["start"]), "end": int(f["end"]),
                      "extra": "", "label": "Figure", "rows": rows,
                      "title": f"Figure: {value} {f.get('unit') or ''}".rstrip()})
    return spans


def _figure_value(f: dict) -> str:
    """The value as the review page shows it: a range as "5 to 10", a change as "6.2 -> 5.1"."""
    if f.get("value_from") is not None:
        return f"{f.get('value_from')} -> {f.get('value')}"
    return f"{f.get('value')}" if f.get("value_max") is None else f"{f.get('value')} to {f.get('value_max')}"


def _open_tag(span: dict) -> str:
    details = json.dumps({"label": span["label"], "rows": span["rows"]}, ensure_ascii=False)
    classes = " ".join(c for c in ("hl", span["layer"], span["extra"]) if c)
    return (f'<span class="{escape(classes)}" data-kind="{span["layer"]}" data-id="{escape(span["id"])}" '
            f'title="{escape(span["title"])}" data-details="{escape(details)}">')


def highlight(text: str, spans: list[dict]) -> str:
    """``text`` escaped, with spans as properly nested ``<span>`` elements; a span crossing another
    is split into pieces that share its ``data-id``."""
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    order = {id(s): (s["start"], -s["end"], LAYERS.index(s["layer"]), s["id"]) for s in spans}
    cuts = sorted({0, len(text)} | {s["start"] for s in spans} | {s["end"] for s in spans})
    out, stack = [], []
    for a, b in zip(cuts, cuts[1:], strict=False):
        want = sorted((s for s in spans if s["start"] <= a and b <= s["end"]), key=lambda s: order[id(s)])
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        out += [_open_tag(s) for s in want[keep:]]
        stack = want
        out.append(escape(text[a:b]))
    out.append("</span>" * len(stack))
    return "".join(out)


def _page(title: str, body: str, script: bool = False) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            + (f"<script>{SCRIPT}</script>\n" if script else "") + "</body>\n</html>\n")


def _link(url) -> str:
    if url and re.match(r"(?i)https?://", url):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url or "unknown")


def article_page(article: dict, tables: dict[str, list[dict]], package_title: str) -> str:
    aid = article["article_id"]
    spans = spans_of(tables)
    counts = {layer: len({s["id"] for s in spans if s["layer"] == layer}) for layer in LAYERS}
    meta = [("id", escape(aid)), ("source", escape(article.get("source") or "unknown")),
            ("published", escape(article.get("published") or "unknown")), ("url", _link(article.get("url"))),
            ("licence", escape(article.get("license") or "unknown"))]
    body = (f'<main>\n<p><a href="../index.html">\u2190 {escape(package_title)}</a></p>\n'
            f"<h1>{escape(article.get('title') or aid)}</h1>\n"
            "<p class=\"meta\">" + " \u00b7 ".join(f"{k}: {v}" for k, v in meta) + "</p>\n"
            f'<p class="legend"><span class="quote">{counts["quote"]} quote(s)</span>'
            f'<span class="figure">{counts["figure"]} figure(s)</span>'
            f'<span class="mention">{counts["mention"]} entity mention(s)</span></p>\n'
            f'<div id="text">{highlight(article["text"], spans)}</div>\n</main>\n'
            '<aside id="details"><p>Click a highlighted span to see what was extracted.</p></aside>')
    return _page(article.get("title") or aid, body, script=True)


def index_page(tables: dict[str, list[dict]], package_title: str, version: str) -> str:
    rows = []
    groups = by_article(tables)
    for a in tables.get("articles", []):
        aid = a["article_id"]
        n = {t: len(groups.get(aid, {}).get(t, [])) for t in ("quotes", "figures", "entities")}
        rows.append(f'<tr><td><a href="articles/{escape(page_name(aid))}">{escape(a.get("title") or aid)}</a></td>'
                    f"<td>{escape(a.get('source') or '')}</td><td>{escape(a.get('published') or '')}</td>"
                    f"<td>{n['quotes']}</td><td>{n['figures']}</td><td>{n['entities']}</td></tr>")
    body = (f"<main>\n<h1>{escape(package_title)}</h1>\n<p>Version {escape(version)}: "
            f"{len(rows)} article(s). Open one to see its quotes, figures and entities highlighted.</p>\n"
            "<table>\n<thead><tr><th>article</th><th>source</th><th>published</th><th>quotes</th>"
            "<th>figures</th><th>entities</th></tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</main>")
    return _page(package_title, body)


def render(tables: dict[str, list[dict]], package_title: str, version: str) -> dict[str, bytes]:
    """``review/index.html`` and ``review/articles/<id>.html``, as bytes by relative path."""
    files = {"review/index.html": index_page(tables, package_title, version).encode("utf-8")}
    groups = by_article(tables)
    for a in tables.get("articles", []):
        own = groups.get(a["article_id"], {})
        files[f"review/articles/{page_name(a['article_id'])}"] = article_page(a, own, package_title).encode("utf-8")
    return files
