"""Figures (money, percentages, counts, quantities), normalised, from a parsed Doc.

The passes, each in its own module:
- ``numbers``: the numeric cores, digits with scale words or spelled-out numbers;
- ``units``: the currency, sign, scale, percent, unit or age written around each number;
- ``not_figures``: years, dates, names and codes, times, phones, addresses are set aside;
- ``qualifiers``: "more than", "up to", "or more"...;
- ``pairs``: neighbours that share a unit, ranges, scores, equivalents in another unit;
- ``context``: direction and measure from the parse (a count standing for a set named before it counts what was
  counted there); ``periods``: the period; ``links``: entity and quote;
- ``normalise``: the output row.
The lists of general facts they use are in ``data/figures.json`` (read by ``lexicon``).

Not figures: years and dates, times of day, ordinals, numbers inside names and codes
("COVID-19", "Boeing 737-800", "Route 66"), street addresses, phone numbers, sports scores.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..spans import doc_text, sentence_starts
from .context import (
    elided_counted_noun,
    figure_tokens,
    measure,
    member_not_megapixel,
    parallel_list_noun,
    quake_magnitude,
    read_direction,
    split_counts,
    token_finder,
)
from .links import MentionIndex, subject_entity
from .normalise import to_row
from .not_figures import drop_not_figures
from .numbers import number_phrases
from .pairs import (
    drop_overlaps,
    link_changes,
    link_compound_measures,
    link_equivalents,
    link_pairs,
    link_uncertainties,
)
from .periods import date_entities, period
from .qualifiers import over_as_during, qualifier_from_verb, read_qualifier, spoken_like
from .record import Figure
from .units import age_after_be, magnitude_before, read_after, read_bare_kind, read_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..records import Entity, Quote
    from ..records import Figure as FigureRow
    from .record import TokenAt

__all__ = ["extract_figures"]


def _read_numbers(text: str) -> list[Figure]:
    """Every number with what is written around it: currency, sign, scale, unit."""
    figs = number_phrases(text)
    for f in figs:
        read_before(text, f)
        read_after(text, f)
        magnitude_before(text, f)
    return figs


def _qualify(text: str, figs: list[Figure]) -> None:
    """Qualifiers around the kept numbers; a written minus makes the value negative. A bare number's unit may
    follow its qualifier ("1,000 or more kilograms", "two or more years")."""
    for f in figs:
        if not f.drop:
            end = f.end
            read_qualifier(text, f)
            if f.bare and f.end > end:
                read_after(text, f)
        if f.sign == -1:
            f.value = -f.value


def _describe(f: Figure, doc: Doc, tok_at: TokenAt, date_ents: dict[int, list[Span]], mentions: MentionIndex,
              people: set[int]) -> None:
    """What the parse says: the qualifying verb, direction, measure, period and subject entity; a
    bare number said of a person ("He was 95.") is an age."""
    tokens, root = figure_tokens(doc, tok_at, f)
    if root is None:
        return
    if over_as_during(doc_text(doc), f, root, tok_at):
        tokens, root = figure_tokens(doc, tok_at, f)
        if root is None:
            return
    gov = read_direction(f, root)
    qualifier_from_verb(f, root, gov)
    spoken_like(doc_text(doc), f, tok_at)
    if f.measure is None:
        f.measure = measure(f, tokens, root, doc)
    f.period = period(f, root, date_ents)
    f.entity = subject_entity(root, mentions)
    age_after_be(f, root, f.entity in people)


def extract_figures(doc: Doc, entities: list[Entity], quotes: list[Quote]) -> list[FigureRow]:
    """The figures claimed in ``doc``: one row per figure, in text order (ranges are one row).

    ``entities`` and ``quotes`` are the other extractors' outputs for the same ``doc``; a row's
    ``entity`` and ``quote`` index into them, and its ``equivalent_of`` into the returned list.
    Every row has ``doc.text[start:end] == text``, rows do not overlap, ``value`` is normalised
    (scales applied, spelled-out numbers read, a sign only when written), ``value_max`` is None
    or greater than ``value``, ``unit`` is an ISO 4217 code for kind money, and ``qualifier`` is
    one of exact, over, under, about, at_least, at_most. An empty text gives no rows.
    """
    text = doc_text(doc)
    if not text:
        return []
    tok_at = token_finder(doc)
    figs = link_uncertainties(text, drop_not_figures(text, _read_numbers(text), doc, tok_at))
    _qualify(text, figs)
    figs = [f for f in link_pairs(text, figs, tok_at) if not f.drop]
    for f in figs:
        quake_magnitude(text, f, tok_at)
        read_bare_kind(text, f, doc, tok_at)
        member_not_megapixel(text, f, tok_at)
    figs = link_changes(text, drop_overlaps(figs), tok_at)
    figs = link_compound_measures(text, figs)
    date_ents, mentions = date_entities(doc), MentionIndex(entities)
    people = {i for i, e in enumerate(entities) if e["type"] == "PERSON"}
    for f in figs:
        _describe(f, doc, tok_at, date_ents, mentions, people)
    starts = sentence_starts(doc)
    elided_counted_noun(doc, tok_at, figs, starts)
    parallel_list_noun(doc, tok_at, figs, starts)
    split_counts(doc, tok_at, figs)
    link_equivalents(text, figs)
    rows = (to_row(doc, text, f, quotes, starts) for f in figs)
    return [r for r in rows if r is not None]
