"""A horizontal bar chart as a standalone SVG (no plotting library; labels are escaped)."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

WIDTH, BAR, GAP, LABEL = 640, 18, 6, 220


def bar_chart(title: str, items: list[tuple[str, int]], *, empty: str = "no rows") -> str:
    """``items``: (label, count) pairs, drawn in the given order."""
    top = 40
    height = top + max(len(items), 1) * (BAR + GAP) + 20
    peak = max((n for _, n in items), default=0) or 1
    span = WIDTH - LABEL - 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12" role="img" '
           f'aria-label={quoteattr(title)}>',
           f"<title>{escape(title)}</title>",
           f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           f'<text x="10" y="24" font-size="15" font-weight="bold">{escape(title)}</text>']
    if not items:
        out.append(f'<text x="10" y="{top + BAR}" fill="#666666">{escape(empty)}</text>')
    for i, (label, n) in enumerate(items):
        y = top + i * (BAR + GAP)
        w = max(1, round(span * n / peak))
        short = label if len(label) <= 32 else label[:31] + "\u2026"
        out += [f'<text x="{LABEL - 8}" y="{y + 13}" text-anchor="end">{escape(short)}</text>',
                f'<rect x="{LABEL}" y="{y}" width="{w}" height="{BAR}" fill="#4c78a8"/>',
                f'<text x="{LABEL + w + 6}" y="{y + 13}">{n}</text>']
    out.append("</svg>")
    return "\n".join(out) + "\n"


def value_counts(values, missing: str = "(unknown)") -> list[tuple[str, int]]:
    """Every value with its count, most frequent first (ties by name); empty values are ``missing``."""
    counts: dict[str, int] = {}
    for v in values:
        key = v if v not in (None, "") else missing
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def cut_title(title: str, distinct: int, limit: int = 10) -> str:
    """``title``, saying so when the chart shows only the ``limit`` most frequent of ``distinct`` values."""
    return f"{title} (top {limit} of {distinct})" if distinct > limit else title
