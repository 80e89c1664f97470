"""Further mentions of the grouped referents, found in the text after grouping.

- unlabelled occurrences of a known name, or of the surname or given name of exactly one person
  named in full (not inside a longer proper name: "Li" in "Li Peng" is someone else);
- people's roles (``roles.role`` of their first mention that has one);
- title references ("the chairman") whose title word belongs to the role of exactly one person,
  and that agree with that role (``roles.title_agrees``).
A bare surname that stayed a person of its own ("President X" vs "the first lady, Jane X")
is no surname of the full name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..spans import token_lowers, token_texts
from .grouping import Context, Groups, name_core
from .lexicon import ADJECTIVES, COUNTRY, HONORIFICS, TITLES
from .records import TokenMention
from .roles import role, title_agrees, title_words
from .tokens import is_cap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class NameForm(NamedTuple):
    """A name's lowercase words, the key of the group it names and the kind of mention it makes."""

    words: tuple[str, ...]
    key: str
    kind: str


def index_people(ctx: Context, groups: Groups) -> None:
    """Surnames and given names of the people named in full that belong to exactly one of them."""
    by_last: dict[str, set] = {}
    by_first: dict[str, set] = {}
    for k, g in groups.items():
        if g.label == "PERSON":
            for c in g.cands:
                words = name_core(ctx.doc, c.key, g)
                if c.kind == "name" and len(words) >= 2:
                    by_last.setdefault(words[-1], set()).add(k)
                    by_first.setdefault(words[0], set()).add(k)
    for w in set(by_last) | set(by_first):
        if w in groups:          # a bare name that stayed a person of its own ("President X" vs "Jane X")
            continue
        owners = by_last.get(w) or by_first.get(w)
        if len(owners) == 1 and w not in COUNTRY and w not in ADJECTIVES:
            ctx.people[w] = next(iter(owners))


def _titled(word: str) -> bool:
    """A title or honorific ("president", "dr"): a name form starting with one is looked for elsewhere."""
    return word in TITLES or word in HONORIFICS


def _name_forms(ctx: Context, groups: Groups) -> dict[str, list[NameForm]]:
    """The names to look for, by their first word, longest first."""
    doc = ctx.doc
    name_seqs: dict[str, list[NameForm]] = {}
    for k, g in groups.items():
        forms = {tuple(t.lower_ for t in doc[c.start:c.end]): c.kind for c in g.cands}
        for form, kind in forms.items():
            if _titled(form[0]):
                continue
            if len(form) == 1 and g.label != "PERSON" and not doc[g.cands[0].start].text[:1].isupper():
                continue
            name_seqs.setdefault(form[0], []).append(NameForm(form, k, kind))
    for w, k in ctx.people.items():
        if " " not in w:
            name_seqs.setdefault(w, []).append(NameForm((w,), k, "partial"))
    return {w: sorted(forms, key=lambda x: -len(x.words)) for w, forms in name_seqs.items()}


def _part_of_longer_name(doc: Doc, i: int, j: int) -> bool:
    """True when [i, j) is next to another capitalised proper noun: "Li" inside "Li Peng" is someone else."""
    return (i > 0 and doc[i - 1].pos_ == "PROPN" and is_cap(doc[i - 1])) or \
        (j < len(doc) and doc[j].pos_ == "PROPN" and is_cap(doc[j]))


def _match_name(ctx: Context, i: int, forms: list[NameForm]) -> tuple[NameForm, int] | None:
    """The longest name form found at token i, with its end, else None (``forms``: longest first)."""
    doc = ctx.doc
    for form in forms:
        j = i + len(form.words)
        if j > len(doc) or any(x in ctx.covered for x in range(i, j)):
            continue
        if tuple(x.lower_ for x in doc[i:j]) != form.words:
            continue
        if _part_of_longer_name(doc, i, j):
            continue
        return form, j
    return None


def find_name_occurrences(ctx: Context, groups: Groups) -> None:
    """Unlabelled occurrences of known names and surnames."""
    for g in groups.values():
        for c in g.cands:
            ctx.covered.update(range(c.start, c.end))
    name_seqs = _name_forms(ctx, groups)
    for i, t in enumerate(ctx.doc):
        if i in ctx.covered or not is_cap(t):
            continue
        found = _match_name(ctx, i, name_seqs.get(t.lower_, ()))
        if found is not None:
            form, j = found
            groups[form.key].extra.append(TokenMention(i, j, form.kind))
            ctx.covered.update(range(i, j))


def _spans_at(groups: Groups) -> dict[int, list[tuple[str, int, int]]]:
    """For each token inside a mention: (group key, start, end) of every mention that covers it."""
    at: dict[int, list[tuple[str, int, int]]] = {}
    for k, g in groups.items():
        for a, b in g.spans():
            for t in range(a, b):
                at.setdefault(t, []).append((k, a, b))
    return at


def _long_forms(doc: Doc, groups: Groups) -> dict[tuple[str, ...], str]:
    """The names of two or more words, capitalised, that name exactly one group, by their words as written (no
    possessive at the end, "Trump's", and no title or honorific at the start, "Dr Martisius": a person's name
    forms are looked for by ``find_name_occurrences``)."""
    words = token_texts(doc)
    owners: dict[tuple[str, ...], set[str]] = {}
    for k, g in groups.items():
        for c in g.cands:
            if c.kind == "name" and c.end - c.start >= 2 and is_cap(doc[c.start]) and doc[c.end - 1].tag_ != "POS" \
                    and not _titled(doc[c.start].lower_.rstrip(".")):
                owners.setdefault(words[c.start:c.end], set()).add(k)
    return {form: next(iter(keys)) for form, keys in owners.items() if len(keys) == 1}


def _pieces_inside(spans_at: dict[int, list[tuple[str, int, int]]], k: str, i: int, j: int) -> set[str] | None:
    """The other groups with a mention inside tokens [i, j), when there are some, none reaches out of it and
    ``k`` has none there; else None."""
    inside = set()
    for o, a, b in (s for t in range(i, j) for s in spans_at.get(t, ())):
        if o == k or a < i or b > j or (a, b) == (i, j):
            return None
        inside.add(o)
    return inside or None


def find_longer_names(ctx: Context, groups: Groups) -> None:
    """A known name of two or more words written again where the parser tagged only a piece of it ("Sustainable
    Australia" where it tagged "Australia", "Puerto Rico" where it tagged "Rico") is a mention of the longer name
    there. A piece never written outside the longer name is no name of its own and goes; one that is (a country
    inside a party's name) stays, as a mention nested in the longer one."""
    doc = ctx.doc
    texts = token_texts(doc)
    forms = _long_forms(doc, groups)
    firsts = {words[0] for words in forms}
    starts: dict[str, list[int]] = {}
    for i, w in enumerate(texts):
        if w in firsts:
            starts.setdefault(w, []).append(i)
    spans_at = _spans_at(groups)
    found: list[tuple[str, int, int]] = []
    pieces: set[str] = set()
    for words, k in forms.items():
        n = len(words)
        for i in (i for i in starts[words[0]] if texts[i:i + n] == words and not _part_of_longer_name(doc, i, i + n)):
            inside = _pieces_inside(spans_at, k, i, i + n)
            if inside is not None and sum(groups[o].label == "PERSON" for o in inside) < 2:  # not "Kelly and Baroni"
                found.append((k, i, i + n))
                pieces.update(inside)
    for k, i, j in found:
        groups[k].extra.append(TokenMention(i, j, "name"))
        ctx.covered.update(range(i, j))
    inside_found = {t for _, i, j in found for t in range(i, j)}
    dropped: set[int] = set()
    for o in pieces:  # a piece whose every mention lies inside a longer name just found
        g = groups.get(o)
        if g is not None and all(t in inside_found for a, b in g.spans() for t in range(a, b)):
            dropped.update(id(c) for c in groups.pop(o).cands)
    if dropped:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in dropped]


def assign_roles(ctx: Context, groups: Groups) -> None:
    """A person's role is that of the first mention that has one."""
    for k, g in groups.items():
        ctx.roles[k] = None
        if g.label != "PERSON":
            continue
        for c in sorted(g.cands, key=lambda c: c.start):
            r = role(ctx.doc, c)
            if r:
                ctx.roles[k] = r
                break


def _title_owners(ctx: Context) -> dict[str, set[str]]:
    """Title words of the roles -> the keys of the people whose role has that title word."""
    title_owner: dict[str, set] = {}
    for k, r in ctx.roles.items():
        if r:
            for w in title_words(r):
                title_owner.setdefault(w, set()).add(k)
    return title_owner


def _reference_start(ctx: Context, t: Token) -> int | None:
    """First token of "the ... <title>" for a title word ``t`` used as a reference, else None."""
    doc, covered = ctx.doc, ctx.covered
    if t.i in covered or t.pos_ not in ("NOUN", "PROPN"):
        return None
    if t.head.i in covered and t.head.i > t.i:     # a pre-modifier of a name, not a reference
        return None
    if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
        return None
    dets = [ch for ch in t.children if ch.dep_ == "det" and ch.lower_ == "the" and ch.i < t.i]
    if not dets:
        return None
    a = dets[0].i
    if any(x in covered for x in range(a, t.i + 1)):
        return None
    return a


def find_title_references(ctx: Context, groups: Groups) -> None:
    """Title references: "the chairman" -> the one person whose role has that title word."""
    title_owner = _title_owners(ctx)
    if not title_owner:
        return
    doc = ctx.doc
    for i, lower in enumerate(token_lowers(doc)):
        owners = title_owner.get(lower)
        if not owners:
            continue
        t = doc[i]
        a = _reference_start(ctx, t)
        if a is None:
            continue
        owners = {k for k in owners if title_agrees(doc[a + 1:t.i], t.lower_, ctx.roles[k])}
        if len(owners) != 1:
            continue
        k = next(iter(owners))
        groups[k].extra.append(TokenMention(a, t.i + 1, "title"))
        ctx.covered.update(range(a, t.i + 1))
