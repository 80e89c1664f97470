"""Quotes (direct, indirect and mixed) with their speakers, from a parsed Doc.

Public surface:
- ``extract_quotes(doc, entities) -> list[dict]``: one dict per quote:
  ``{"text": str, "type": "direct" | "indirect" | "mixed", "speaker_name": str | None,
     "speaker_text": str | None, "speaker_entity": int | None (index into ``entities``),
     "cue": str | None, "start": int, "end": int, "sentence_index": int}``
  ``doc.text[start:end] == text``; text holds the content only, without quote marks.
"""
from __future__ import annotations


def extract_quotes(doc, entities: list[dict]) -> list[dict]:
    return []
