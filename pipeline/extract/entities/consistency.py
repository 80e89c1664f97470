"""Type passes that use what is known about names and how the whole article uses them.

- ``label_known_places``: a name that a gazetteer knows as a place (``places.is_known_place``),
  labelled an organisation or a person with nothing in the article marking it as one (no title,
  honorific, article "the", no person named in full with that word, never the subject of a
  verb), is a place; a "person" so named only where places stand ("in X", "X, Region") too.
- ``label_speakers``: a plain name (no head word) that is the subject of a speech verb ("X said")
  is a person, never a place (country and gazetteer names excepted: "China said").
- ``add_nested_places``: a place named inside a longer name ("University of Michigan") is a
  mention of that place.
- ``drop_common_words``: a one-word "name" the article also writes in lowercase ("Mom" and
  "mom") is a common word, no entity.

Each pass is ``(ctx, groups) -> None`` like the grouping passes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .grouping import Context, Groups
from .lexicon import ADJECTIVES, COUNTRY, DETERMINERS, HEADS, LOCATIVE_PREPS, PLACE_TYPES, SPEECH_VERBS, fold
from .places import is_given_name, is_known_place
from .tokens import is_cap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .candidates import Candidate
    from .grouping import Group

_RETYPABLE = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "LAW"}
_SUBJECTS = {"nsubj", "nsubjpass"}


def _root(doc: Doc, c: Candidate) -> Token:
    return doc[c.start:c.end].root


def _place_context(doc: Doc, c: Candidate) -> bool:
    """True where a place stands: "in X", "from X", "X, Region", "Town, X"."""
    r = _root(doc, c)
    if r.dep_ == "pobj" and r.head.lower_ in LOCATIVE_PREPS:
        return True
    after = c.end + 1 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].ent_type_ in ("GPE", "LOC")
    before = c.start >= 2 and doc[c.start - 1].text == "," and doc[c.start - 2].ent_type_ in ("GPE", "LOC")
    return after or before


def _marked_as_named_thing(doc: Doc, g: Group) -> bool:
    """True when some mention has a title, an honorific, "the" in front, or is a verb's subject."""
    for c in g.cands:
        if c.person_evidence or c.title_start is not None:
            return True
        if c.start > 0 and doc[c.start - 1].lower_ in DETERMINERS:
            return True
        if _root(doc, c).dep_ in _SUBJECTS:
            return True
    return False


def _person_words(groups: Groups) -> set[str]:
    """The words of the names of people named in full."""
    return {w for k, g in groups.items() if g.label == "PERSON" and " " in k for w in k.split()}


def label_known_places(ctx: Context, groups: Groups) -> None:
    """A known place name labelled an organisation or person, with nothing marking it as one, is a place."""
    doc = ctx.doc
    person_words = _person_words(groups)
    for k, g in groups.items():
        if g.label not in _RETYPABLE or g.country or not is_known_place(k) or k.split()[-1] in HEADS:
            continue
        first = doc[g.cands[0].start]
        if not is_cap(first) or is_given_name(first.text) or set(k.split()) & person_words:
            continue
        if _marked_as_named_thing(doc, g):
            continue
        if g.label == "PERSON" and not all(_place_context(doc, c) for c in g.cands):
            continue
        g.label = "GPE"


def _speaks(doc: Doc, c: Candidate) -> bool:
    r = _root(doc, c)
    return r.dep_ == "nsubj" and r.head.pos_ == "VERB" and r.head.lemma_.lower() in SPEECH_VERBS


def label_speakers(ctx: Context, groups: Groups) -> None:
    """A "place" with a plain name (no head word) that says something ("X said") is a person."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label not in PLACE_TYPES or g.country or k in COUNTRY or is_known_place(k):
            continue
        if not any(_speaks(doc, c) for c in g.cands):
            continue
        words = k.split()
        if len(words) <= 3 and not set(words) & HEADS:    # a building that "said" stays one
            g.label = "PERSON"


def _inner_spans(doc: Doc, c: Candidate) -> list[tuple[int, int]]:
    """The runs of capitalised proper nouns inside a longer name, longest first, none the whole name."""
    runs, i = [], c.start
    while i < c.end:
        j = i
        while j < c.end and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].text.isalpha():
            j += 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    out = [(a, b) for s, e in runs for n in range(e - s, 0, -1) for a in range(s, e - n + 1) for b in (a + n,)]
    return [(a, b) for a, b in out if (a, b) != (c.start, c.end)]


def _nested_place(groups: Groups, folded: str, first: Token) -> str | None:
    """The key of the place a folded inner name names: a place of the article, a country, a known place."""
    g = groups.get(folded)
    if g is not None:
        return folded if g.label in ("GPE", "LOC") else None
    if folded in COUNTRY or is_known_place(folded) and not is_given_name(first.text) \
            and not set(folded.split()) & HEADS:
        return folded
    return None


def add_nested_places(ctx: Context, groups: Groups) -> None:
    """A place named inside an organisation's, venue's or event's name ("University of Michigan",
    "Volgograd Arena", "Fan Expo Canada") is a mention of that place."""
    from .candidates import Candidate
    from .grouping import Group, TokenMention

    doc = ctx.doc
    taken = {(c.start, c.end) for g in groups.values() for c in g.cands}
    for k, g in list(groups.items()):
        if g.label not in ("ORG", "FAC", "EVENT"):
            continue
        for c in [c for c in g.cands if c.end - c.start >= 2]:
            used: set[int] = set()
            for a, b in _inner_spans(doc, c):
                if used & set(range(a, b)) or (a, b) in taken:
                    continue
                key = _nested_place(groups, fold(doc[a:b].text), doc[a])
                if key is None or key == k:
                    continue
                used.update(range(a, b))
                if key not in groups:
                    groups[key] = Group(cands=[Candidate(a, b, "GPE", key=key)], label="GPE",
                                        country=COUNTRY.get(key))
                else:
                    groups[key].extra.append(TokenMention(a, b, "name"))


def _common_word(doc: Doc, k: str, g: Group, words: frozenset[str]) -> bool:
    """True when the group is one capitalised word that the article also writes in lowercase, or
    that is never parsed as a proper noun (no acronym, given name or known place)."""
    if " " in k or g.country or any(c.key != k or c.end - c.start != 1 or c.person_evidence for c in g.cands):
        return False
    word = doc[g.cands[0].start].text
    low = word.lower()
    if low in HEADS or low != k or g.label == "NORP" or k in ADJECTIVES \
            or g.label in PLACE_TYPES and is_known_place(k) \
            or g.label == "PERSON" and (is_given_name(word) or any(_speaks(doc, c) for c in g.cands)):
        return False
    if low in words:
        return True
    return not word.isupper() and not is_given_name(word) and not is_known_place(k) \
        and all(doc[c.start].pos_ != "PROPN" for c in g.cands)


def drop_common_words(ctx: Context, groups: Groups) -> None:
    """A one-word "name" that the same article also writes in lowercase ("Mom" and "mom",
    "Linguistics" and "linguistics"), or that is never parsed as a proper noun ("Scriptures",
    "Browsing"), is a common word capitalised at the start of a sentence, in a heading or for
    emphasis, no entity; head words ("the Court"), acronyms, known places, given names and people
    who speak stay."""
    doc = ctx.doc
    words = frozenset(t.text for t in doc)  # the article's words as written, once
    for k in [k for k, g in groups.items() if _common_word(doc, k, g, words)]:
        del groups[k]
