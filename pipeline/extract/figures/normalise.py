"""The last step: a working figure becomes an output row (``records.Figure``).

Conventions applied here: ``value`` is a float with the float noise of scaling removed; a range's
``value_max`` is kept only above ``value``; basis points and fractions are kind quantity with
their written value; money in a sub-unit ("19 cents") is kind quantity, a sub-unit being no ISO
4217 currency; a negative percent ("-0.5%") loses its sign to ``direction`` ("decrease"); a
negative amount of money or a negative count ("$-50.8bn") keeps its sign as kind quantity. The
row's text is the figure's span without surrounding whitespace.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..spans import sentence_index
from .lexicon import SUBUNIT_NAMES
from .links import quote_index
from .record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..records import Figure as FigureRow
    from ..records import Quote


def _round(v: float) -> float:
    """Remove float noise from scaling ("2.2 billion" -> 2200000000.0, not 2200000000.0000002)."""
    return float(f"{v:.12g}")


def _trimmed(text: str, f: Figure) -> tuple[int, int]:
    s, e = f.start, f.end
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    while s < e and text[s] in " \t\n":
        s += 1
    return s, e


def _kind_value_direction(f: Figure) -> tuple[str, float, str | None]:
    value = float(f.value)
    kind, unit, direction = f.kind, f.unit, f.direction
    if kind == "percent" and unit not in ("percent", "percentage_point"):
        kind = "quantity"                      # basis points and fractions keep their written value
    if kind == "money" and unit in SUBUNIT_NAMES:
        kind = "quantity"                      # "19 cents": a sub-unit is no ISO 4217 currency
    if kind == "percent" and value < 0:        # "-0.5%": the sign is the direction
        value, direction = -value, direction or "decrease"
    elif kind in ("money", "count") and value < 0:
        kind = "quantity"                      # a negative balance ("$-50.8bn") keeps its sign
    return kind, value, direction


def to_row(doc: Doc, text: str, f: Figure, quotes: list[Quote], starts: list[int]) -> FigureRow | None:
    """The output row of figure ``f`` (None when its span is only whitespace); ``text`` is
    ``doc.text``, read once by the caller (spaCy joins every token anew on each read)."""
    s, e = _trimmed(text, f)
    if s >= e:
        return None
    kind, value, direction = _kind_value_direction(f)
    value_max = float(f.value_max) if f.value_max is not None else None
    if value_max is not None and value_max <= value:
        value_max = None
    return {
        "text": text[s:e], "value": _round(value), "value_max": _round(value_max) if value_max is not None else None,
        "value_from": _round(float(f.value_from)) if f.value_from is not None else None,
        "unit": f.unit, "kind": kind, "qualifier": f.qualifier, "direction": direction,
        "measure": f.measure, "period": f.period, "entity": f.entity, "quote": quote_index(quotes, s, e),
        "equivalent_of": f.equivalent_of, "start": s, "end": e,
        "sentence_index": sentence_index(doc, s, starts),
    }
