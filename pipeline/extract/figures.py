"""Figures (money, percentages, counts, quantities), normalised, from a parsed Doc.

Public surface:
- ``extract_figures(doc, entities, quotes) -> list[dict]``: one dict per figure:
  ``{"text": str, "value": float, "value_max": float | None, "unit": str,
     "kind": "money" | "percent" | "count" | "quantity",
     "qualifier": "exact" | "over" | "under" | "about" | "at_least" | "at_most",
     "direction": "increase" | "decrease" | None, "measure": str | None, "period": str | None,
     "entity": int | None (index into entities), "quote": int | None (index into quotes),
     "equivalent_of": int | None (index into the returned figures),
     "start": int, "end": int, "sentence_index": int}``
  ``doc.text[start:end] == text``.
"""
from __future__ import annotations


def extract_figures(doc, entities: list[dict], quotes: list[dict]) -> list[dict]:
    return []
