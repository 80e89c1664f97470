"""A readable HTML page of a validation report (every value escaped)."""
from __future__ import annotations

from html import escape


def render_html(report) -> str:
    verdict = "valid" if report.valid else "INVALID"
    rows = "".join(
        f"<tr class='{'ok' if not c['errors'] else 'bad'}'><td>{escape(c['name'])}</td><td>{c['errors']}</td>"
        f"<td>{c['warnings']}</td><td>{c['seconds']:.2f}</td></tr>" for c in report.checks)
    problems = "".join(
        f"<tr class='{escape(p.severity)}'><td>{escape(p.severity)}</td><td>{escape(p.table)}</td>"
        f"<td>{escape(p.row_key or '')}</td><td>{escape(p.field or '')}</td><td>{escape(p.check)}</td>"
        f"<td>{escape(p.message)}</td></tr>" for p in report.problems)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation: {escape(report.package)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;
padding:.3em .6em;text-align:left;vertical-align:top}}.bad,.error{{background:#fdd}}.ok{{background:#dfd}}
.warning{{background:#ffd}}</style></head><body>
<h1>Validation of {escape(report.package)}: {verdict}</h1>
<p>{len(report.errors)} error(s), {len(report.warnings)} warning(s).</p>
<h2>Checks</h2><table><tr><th>check</th><th>errors</th><th>warnings</th><th>seconds</th></tr>{rows}</table>
<h2>Problems</h2><table><tr><th>severity</th><th>table</th><th>row key</th><th>field</th><th>check</th>
<th>message</th></tr>{problems or '<tr><td colspan="6">none</td></tr>'}</table>
</body></html>
"""
