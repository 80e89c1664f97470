"""Grouping: the candidates of one article become groups, one per referent.

Candidates with the same key (the normalised name: case, "the", punctuation and the country
short forms of ``data/entities.json`` folded) form a group; the group's type is the majority
label. Then the grouping passes, each ``(ctx, groups) -> None``, merge groups that name the same
referent and correct their labels: acronyms join the name they abbreviate, a region joins its
long official name, surname-only or given-name-only mentions join the single person who bears
that name, shorter organisation or place names join the one longer name they are part of.
``merge`` moves the candidates of one group into another, marking the moved names "partial"
(or keeping them "name", for an acronym). A name led by a country's short form joins the one led by
its full name ("U.S. Navy" / "United States Navy"), a clipped given name the one person it clips
("Steve" / "Steven").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from ..given_names import english_name_gender
from ..spans import doc_text
from .lexicon import (
    ADJECTIVES,
    COUNTRY,
    FAC_HEADS,
    GENERATION_SUFFIXES,
    GENERIC,
    LOC_HEADS,
    NAME_LINKS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PLACE_TYPES,
    PLATFORM_BARE_VERBS,
    PLATFORM_DIRECTIONS,
    PLATFORM_NOUNS,
    PLATFORM_PREPS,
    PLATFORM_VERBS,
    SCHOOL_HEADS,
    TITLES,
    edits,
    fold,
    is_storm_name,
    post_nominals,
    surname_particles,
)
from .names import gender, other_person
from .places import is_given_name, is_region
from .records import Candidate, Group
from .roles import role, role_head
from .tokens import entity_end, is_cap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_MIN_CLIPPED = 3     # letters of the shortest clipped given name ("Ben", "Liz")
_MAX_FORENAMES = 5  # forenames of a full name combined into its shorter forms
_LABEL_ORDER = ["PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"]


@dataclass(slots=True)
class Context:
    """What the passes share about one article: the Doc, its candidates, and what earlier passes found."""

    doc: Doc
    cands: list[Candidate]
    people: dict[str, str] = field(default_factory=dict)     # surname / given name -> person group key
    covered: set[int] = field(default_factory=set)           # tokens inside a mention
    roles: dict[str, str | None] = field(default_factory=dict)   # group key -> the person's role
    teams: list[str] = field(default_factory=list)           # keys of countries named as sports teams

    def by_start(self) -> dict[int, Candidate]:
        """Candidates by their first token."""
        return {c.start: c for c in self.cands}


Groups = dict[str, Group]


def merge(groups: Groups, src_key: str, dst_key: str, kind: str) -> None:
    """Move group ``src_key`` into ``dst_key``; its names become mentions of ``kind``."""
    if src_key == dst_key or src_key not in groups or dst_key not in groups:
        return
    src = groups.pop(src_key)
    for c in src.cands:
        c.kind = kind if c.kind == "name" else c.kind
        groups[dst_key].cands.append(c)
    groups[dst_key].extra.extend(src.extra)


def vote(cands: list[Candidate]) -> str:
    """The majority label of a group's names (PERSON when any was marked as a person, else a work's title
    when the text called one of them a work: "aired Black Panther ... the film Black Panther", else an
    organisation when it called one of them one: "the company Neuralink ... Neuralink will", else a place when it
    called one of them a natural feature: "the Kilauea volcano ... when Kilauea was erupting", else a product when it
    called one of them a made thing: "the drug ZMapp ... ZMapp was given")."""
    labels = Counter(c.label for c in cands if c.kind == "name")
    if any(c.person_evidence for c in cands):
        return "PERSON"
    if any(c.work_evidence for c in cands):
        return "WORK_OF_ART"
    if any(c.org_evidence for c in cands):
        return "ORG"
    if any(c.place_evidence for c in cands):
        return "LOC"
    if any(c.product_evidence for c in cands):
        return "PRODUCT"
    if not labels:
        labels = Counter(c.label for c in cands)
    fits = _head_label(cands[0].key, labels)
    return max(labels, key=lambda lab: (labels[lab], lab == fits, -_LABEL_ORDER.index(lab)))


def _head_label(key: str, labels: Counter[str]) -> str | None:
    """The label a name's last word marks ("river" a LOC, "bridge" a FAC, "university" an ORG), or None:
    it decides a tie between the labels spaCy gave the same name ("the Hudson River" LOC once, ORG once),
    but never against a person ("Darrell Castle" PERSON once, FAC once: a surname may be a head word)."""
    head = key.rsplit(" ", 1)[-1]
    if " " not in key or labels["PERSON"] == max(labels.values()):
        return None
    return "LOC" if head in LOC_HEADS else "FAC" if head in FAC_HEADS else "ORG" if head in ORG_HEADS else None


# ---------------------------------------------------------------- forming groups
def group_by_key(ctx: Context, groups: Groups) -> None:
    """One group per candidate key; a country's key marks the group as that country."""
    for c in ctx.cands:
        g = groups.setdefault(c.key, Group())
        g.cands.append(c)
        if c.key in COUNTRY:
            g.country = COUNTRY[c.key]


def vote_labels(ctx: Context, groups: Groups) -> None:
    """The group's type is the majority label; a country is a GPE whatever its names were labelled."""
    for g in groups.values():
        g.label = vote(g.cands)
        if g.country and g.label in PLACE_TYPES | {"NORP", "PERSON"}:
            g.label = "GPE"


def _with_full_country(k: str) -> str | None:
    """The key with a leading country short form written out ("us navy" -> "united states navy"), or None."""
    words = k.split()
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in COUNTRY and fold(COUNTRY[head]) != head:
            return " ".join([fold(COUNTRY[head]), *words[n:]])
    return None


def merge_country_short_forms(ctx: Context, groups: Groups) -> None:
    """"U.S. Navy" / "United States Navy", "UK Parliament" / "United Kingdom Parliament": a name
    that starts with a country's short form is the same name as the one that starts with the
    country's full name (both kept as names)."""
    for k in list(groups):
        full = _with_full_country(k)
        if full is not None and full in groups and k in groups and not groups[k].country \
                and _kind_of(groups[k].label) == _kind_of(groups[full].label):
            merge(groups, k, full, "name")


# ---------------------------------------------------------------- acronyms and regions
def initials_of(doc: Doc, groups: Groups) -> dict[str, list[str]]:
    """Initials of the multi-word place, organisation and law names -> their group keys ("DMCA": the Digital
    Millennium Copyright Act)."""
    initials: dict[str, list[str]] = {}
    for k, g in groups.items():
        words = [w for w in doc[g.cands[0].start:g.cands[0].end] if is_cap(w) and w.lower_ not in NAME_LINKS]
        if len(words) >= 2 and g.label in ("ORG", "GPE", "LOC", "FAC", "LAW"):
            initials.setdefault("".join(w.text[0] for w in words).lower(), []).append(k)
    return initials


def merge_acronyms(ctx: Context, groups: Groups) -> None:
    """Acronyms in parentheses and acronyms made of a name's initials join that name."""
    doc, by_start = ctx.doc, ctx.by_start()
    initials = initials_of(doc, groups)
    for k in list(groups):
        g = groups.get(k)
        if g is None:
            continue
        for start in [c.acronym_of for c in g.cands if c.acronym_of is not None]:
            full = by_start.get(start)
            if full is not None and full.key in groups and full.key != k:
                merge(groups, k, full.key, "name")
                break
        if k in groups and " " not in k and doc[g.cands[0].start].text.isupper() and len(initials.get(k, [])) == 1:
            merge(groups, k, initials[k][0], "name")


def _in_label(doc: Doc, c: Candidate) -> bool:
    """The candidate is a transcript's speaker label in double parentheses: "((WN)) So, what ...?"."""
    return c.start >= 2 and c.end + 1 < len(doc) and doc[c.start - 2].text == doc[c.start - 1].text == "(" \
        and doc[c.end].text == doc[c.end + 1].text == ")"


def _abbreviates(label: str, doc: Doc, g: Group) -> bool:
    """``label`` (capitals) abbreviates the group's name: its words' initials ("WSS": William S. Saturn) or, for
    a one-word name, letters of it in order from its first ("WN": Wikinews)."""
    words = [w.text for w in doc[g.cands[0].start:g.cands[0].end] if is_cap(w)]
    if len(words) > 1:
        return "".join(w[0] for w in words) == label
    if len(words) != 1 or words[0][0] != label[0] or words[0].isupper():
        return False
    rest = iter(words[0][1:].upper())
    return all(ch in rest for ch in label[1:])


def merge_transcript_labels(ctx: Context, groups: Groups) -> None:
    """An interview transcript's speaker label in capitals ("((WN)) What are ...?") that no name of the article
    spells out elsewhere is the short form of the person or organisation (the interviewer) whose name it
    abbreviates ("Wikinews", "William S. Saturn"): it joins that name, the most named one when several fit."""
    doc = ctx.doc
    for k in list(groups):
        g = groups.get(k)
        label = doc[g.cands[0].start].text if g is not None and g.cands else ""
        if not (label.isupper() and label.isalpha() and 2 <= len(label) <= 4) \
                or not all(c.end - c.start == 1 and _in_label(doc, c) for c in g.cands):
            continue
        fits = [j for j, h in groups.items() if j != k and h.label in ("PERSON", "ORG") and _abbreviates(label, doc, h)]
        if fits:
            merge(groups, k, max(fits, key=lambda j: len(groups[j].cands)), "partial")


def merge_parenthesised_names(ctx: Context, groups: Groups) -> None:
    """"Full Name (ACRONYM)" and "ACRONYM (Full Name)" next to each other, whatever the acronym's
    letters (it may abbreviate the name in another language)."""
    doc, by_start = ctx.doc, ctx.by_start()
    for c in ctx.cands:
        d = by_start.get(c.end + 1)
        if d is None or c.end >= len(doc) or doc[c.end].text != "(" or d.end >= len(doc) or doc[d.end].text != ")":
            continue
        short, full = (d, c) if d.end - d.start == 1 else (c, d)
        if short.end - short.start != 1 or full.end - full.start < 2 or not doc[short.start].text.isupper():
            continue
        if short.key in groups and full.key in groups and short.key != full.key \
                and groups[full.key].label in ("ORG", "GPE", "LOC", "FAC", "EVENT"):
            merge(groups, short.key, full.key, "name")


def merge_region_cores(ctx: Context, groups: Groups) -> None:
    """A region joins its long official name ("X" and "X Y autonomous region")."""
    for k in list(groups):
        g = groups.get(k)
        if g is None:
            continue
        for core in [c.place_core for c in g.cands if c.place_core is not None]:
            if core in groups and groups[core].label in PLACE_TYPES:
                merge(groups, core, k, "name")


# ---------------------------------------------------------------- people
def label_people_by_surname(ctx: Context, groups: Groups) -> None:
    """A multi-word name whose last word is labelled PERSON on its own is a person."""
    doc = ctx.doc
    single_person = {k for k, g in groups.items() if " " not in k and g.label == "PERSON"}
    for k, g in groups.items():
        words = k.split()
        if g.label not in ("PERSON", "GPE") and 2 <= len(words) <= 4 and words[-1] in single_person \
                and not is_storm_name(words):      # "Cyclone Phailin" ... "Phailin": the storm's name
            toks = doc[g.cands[0].start:g.cands[0].end]
            if all(t.pos_ == "PROPN" for t in toks) and toks[-1].lower_ not in ORG_HEADS | FAC_HEADS:
                g.label = "PERSON"


def merge_storm_names(ctx: Context, groups: Groups) -> None:
    """A one-word name that ends a storm's name ("Phailin" of "Cyclone Phailin") is that storm, when the
    article names one storm so; "Humberto" alone then is no person."""
    by_last: dict[str, list[str]] = {}
    for k, g in groups.items():
        if g.label == "EVENT" and is_storm_name(k.split()):
            by_last.setdefault(k.split()[-1], []).append(k)
    for last, keys in by_last.items():
        if len(keys) == 1 and last in groups and groups[last].country is None:
            merge(groups, last, keys[0], "partial")


def label_people_by_role(ctx: Context, groups: Groups) -> None:
    """A multi-word name with a person's role ("goalkeeper X Y") is a person: the role's head word is a
    title ("the prime destination for shoppers" is no role, though "prime" is a title word)."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW") and 2 <= len(k.split()) <= 3:
            toks = doc[g.cands[0].start:g.cands[0].end]
            if all(t.pos_ == "PROPN" for t in toks) and toks[-1].lower_ not in ORG_HEADS | FAC_HEADS | LOC_HEADS:
                for c in g.cands:
                    if role_head(role(doc, c)) in TITLES:
                        g.label = "PERSON"
                        break


def _is_generation(k: str) -> bool:
    """True for a name ending in a generational suffix ("Martin Luther King Jr."): it tells a son
    from his father, so the name without it may be another person."""
    words = k.split()
    return len(words) >= 3 and words[-1] in GENERATION_SUFFIXES


def name_core(doc: Doc, k: str, g: Group) -> list[str]:
    """The words of a person's name without what follows the name proper: an honour or degree
    written in capitals ("Daniel Bernoulli FRS", "Ann Lee PhD"), a territorial designation
    ("Patrick Leopold Gordon of Auchleuchries") or a generational suffix ("Jr."); at least two
    words stay."""
    words = k.split()
    if g.label != "PERSON" or len(words) < 3:
        return words
    if "of" in words[2:]:
        return words[:words.index("of", 2)]
    if _is_generation(k):
        return words[:-1]
    last = doc[max([c.end for c in g.cands if c.key == k] or [c.end for c in g.cands]) - 1].text
    if words[-1] in post_nominals() and (last.isupper() or "." in last):
        return words[:-1]
    return words


def merge_name_tails(ctx: Context, groups: Groups) -> None:
    """A person named once with an honour or a territorial designation after the name ("Daniel
    Bernoulli FRS", "Patrick Gordon of Auchleuchries") and once without it is one person (not so
    for "Jr.", "Sr.": father and son)."""
    for k in [k for k, g in groups.items() if g.label == "PERSON" and not _is_generation(k)]:
        core = " ".join(name_core(ctx.doc, k, groups[k]))
        if core != k and core in groups and groups[core].label == "PERSON":
            merge(groups, k, core, "partial")


def _name_parts(doc: Doc, groups: Groups) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Surnames and given names (alone, and with the surname) of the people named in full -> their
    keys; a son named with "Jr." gives only his surname."""
    surnames: dict[str, set] = {}
    given: dict[str, set] = {}
    for k, g in groups.items():
        words = name_core(doc, k, g)
        if g.label == "PERSON" and len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(k)
            cut = _surname_start(words)
            if cut < len(words) - 1:       # "L'Enfant", "de la Cruz" with their particles
                surnames.setdefault(" ".join(words[cut:]), set()).add(k)
            if _is_generation(k):
                continue
            given.setdefault(words[0], set()).add(k)
            for short in _shorter_forms(words):
                given.setdefault(short, set()).add(k)
    return surnames, given


def _shorter_forms(words: list[str]) -> set[str]:
    """The shorter forms of a full name that keep its surname and the order of its words: "Jens
    Otto Harry Jespersen" is also written "Jens Jespersen", "Otto Jespersen", "Jens Otto Jespersen"
    (at most ``_MAX_FORENAMES`` forenames are combined)."""
    front = words[:-1][:_MAX_FORENAMES]
    return {" ".join([*kept, words[-1]]) for n in range(1, max(len(front), 2)) for kept in combinations(front, n)}


def _introduced_first(groups: Groups, k: str, owners: set[str]) -> set[str]:
    """A surname shared by several people named in full ("Ahmed X" and his father "Y X"): the bare
    surname stands for the one introduced first, as news style has it."""
    def first(key):
        return min(c.start for c in groups[key].cands)
    lead = min((o for o in owners if o in groups), key=first, default=None)
    if lead is not None and first(lead) < first(k):
        return {lead}
    return owners


def _one_written_word(doc: Doc, g: Group) -> bool:
    """True when the group's name is written as one word, though its key has two ("Waller-Bridge")."""
    c = g.cands[0]
    return not any(t.whitespace_ for t in doc[c.start:c.end - 1])


def merge_partial_names(ctx: Context, groups: Groups) -> None:
    """Surname-only / given-name-only mentions and shorter forms join the one person they name."""
    surnames, given = _name_parts(ctx.doc, groups)
    moved: dict[str, str] = {}  # a shorter form merged in this pass -> the name it joined
    for k in list(groups):
        g = groups.get(k)
        if g is None or g.country or k in ADJECTIVES:
            continue
        if _town_with_region(ctx.doc, g):
            continue
        owners = surnames.get(k, set()) - {k} or (set() if _region_first_word(k, g) else given.get(k, set()) - {k})
        owners = owners or _middle_surname_owner(ctx.doc, groups, k, g)
        owners = {o for o in owners if o not in groups or not other_person(ctx.doc, g, groups[o])}
        if len(owners) > 1 and (" " not in k or _one_written_word(ctx.doc, g)):
            owners = _introduced_first(groups, k, owners)
        if len(owners) == 1 and (" " not in k or g.label == "PERSON" or _one_written_word(ctx.doc, g)):
            owner = next(iter(owners))
            while owner not in groups and owner in moved:  # "Valeria" -> "Valeria Gazzola" -> "Dr Valeria Gazzola"
                owner = moved[owner]
            if owner in groups and owner != k:
                merge(groups, k, owner, "partial")
                moved[k] = owner


def _middle_surname_owner(doc: Doc, groups: Groups, k: str, g: Group) -> set[str]:
    """"Wanda Vázquez Garced" ... "Governor Vázquez", "Ricardo Rosselló Nevares" ... "Rosselló": a Spanish name
    carries two family names and news style shortens it to the first, the second-to-last word of the full name. A
    bare "person" that is that word of exactly one person named in full with three words or more, no given name,
    and first written after that person was introduced (news style names in full first) stands for that person.
    Not a bare name that comes first: "Chao", a biography's subject, and his daughter "Rulan Chao Pian" named late."""
    if g.label != "PERSON" or " " in k or is_given_name(doc[g.cands[0].start].text):
        return set()
    owners = {o for o, og in groups.items() if o != k and og.label == "PERSON"
              and len(words := name_core(doc, o, og)) >= 3 and words[-2] == k and _written_in_full(doc, og)}
    if len(owners) != 1:
        return set()
    first = min(c.start for c in g.cands)
    return owners if min(c.start for c in groups[next(iter(owners))].cands) < first else set()


def _written_in_full(doc: Doc, g: Group) -> bool:
    """True when a person's name is written somewhere as three words or more led by a given name ("Wanda Vázquez
    Garced"); not "Donald Trump-led" (a hyphen joins the last two) nor a headline's "WASSERMAN SCHULTZ RESIGNS"."""
    return any(len(doc[c.start:c.end].text.split()) >= 3 and is_given_name(doc[c.start].text) for c in g.cands)


def _region_first_word(k: str, g: Group) -> bool:
    """True for a country or US state the parser called a place ("Montana", "Ohio"): no given name of a longer
    "person" it starts ("Montana Native Vote", "Ohio Democratic Caucus"), which names something of that place."""
    return g.label in ("GPE", "LOC") and is_region(k)


def split_surname_by_honorific(ctx: Context, groups: Groups) -> None:
    """A bare surname two people named in full share ("Bill Clinton", "Hillary Clinton") names, after "Mr." / "Mrs.",
    "Ms.", the one of them of that gender (by an honorific before the full name, else by the given name); the
    mentions without an honorific are left to ``merge_partial_names`` (the one introduced first, or a surname of its
    own)."""
    doc = ctx.doc
    surnames, _ = _name_parts(doc, groups)
    for k in [k for k, g in groups.items() if g.label == "PERSON" and " " not in k]:
        owners = [o for o in surnames.get(k, ()) if o != k and o in groups]
        if len(owners) < 2:
            continue
        by_gender: dict[str, list[str]] = {}
        for o in owners:
            by_gender.setdefault(_full_name_gender(doc, groups[o]), []).append(o)
        for c in list(groups[k].cands):
            g = gender(doc, c)
            if g is not None and len(by_gender.get(g, ())) == 1:
                groups[k].cands.remove(c)
                c.kind = "partial"
                groups[by_gender[g][0]].cands.append(c)
        if not groups[k].cands and not groups[k].extra:
            del groups[k]


def _full_name_gender(doc: Doc, g: Group) -> str | None:
    """"m" or "f" of a person named in full: an honorific before one of its names, else its given name's gender
    (none when the name list has no vote for an English text)."""
    marked = {gender(doc, c) for c in g.cands} - {None}
    if len(marked) == 1:
        return next(iter(marked))
    first = next((c for c in g.cands if c.end - c.start >= 2), None)
    vote = english_name_gender(doc[first.start].text) if first is not None else None
    return vote[0] if vote is not None and vote[1] == 2 else None


def _town_with_region(doc: Doc, g: Group) -> bool:
    """True for a place every mention of which is followed by its region ("Washington, D.C.", "Allen, Texas"): a
    town, not the surname of a person named in full ("George Washington", "Greg Allen")."""
    return g.label in PLACE_TYPES and all(
        c.end + 1 < len(doc) and doc[c.end].text == "," and region_at(doc, c.end + 1) for c in g.cands)


_STATE_ABBREVIATION = re.compile(r"[A-Z][A-Za-z.]*\.$")     # "D.C.", "Calif.", "Fla."


def region_at(doc: Doc, i: int) -> bool:
    """True when a region spaCy tagged as a place starts at token ``i``: a country or state, or a state's
    abbreviation ("D.C.", "Calif."); not a person spaCy took for a place ("Dunn, Klain and Clinton")."""
    t = doc[i]
    if t.ent_iob_ != "B" or t.ent_type_ not in ("GPE", "LOC"):
        return False
    name = doc[i:entity_end(doc, i)].text
    return is_region(fold(name)) or bool(_STATE_ABBREVIATION.match(name))  # is_region knows COUNTRY's names too


def _surname_start(words: list[str]) -> int:
    """Where the surname begins: its last word with the particles or elided articles before it
    ("de la Cruz", "L'Enfant" keyed "l enfant")."""
    i = len(words) - 1
    while i > 1 and (words[i - 1] in surname_particles() or len(words[i - 1]) == 1 and words[i - 1] in "dlo"):
        i -= 1
    return i


def merge_forename_forms(ctx: Context, groups: Groups) -> None:
    """A person named by all the given names of one full name without its surname ("Pierre Charles"
    for "Pierre Charles L'Enfant") is that person, when only one full name has those given names and
    its surname is also written on its own (so it is a surname: not "George Floyd" / "George Floyd Justice")."""
    fronts: dict[str, list[str]] = {}
    for k, g in groups.items():
        words = name_core(ctx.doc, k, g)
        cut = _surname_start(words)
        surname = " ".join(words[cut:])
        if g.label == "PERSON" and cut >= 2 and not _is_generation(k) \
                and (surname in groups or any(c.key == surname for c in g.cands)):
            fronts.setdefault(" ".join(words[:cut]), []).append(k)
    for short, longs in fronts.items():
        if len(longs) == 1 and short in groups and groups[short].label == "PERSON" and longs[0] in groups:
            merge(groups, short, longs[0], "partial")


def _clipped_owner(doc: Doc, groups: Groups, k: str) -> str | None:
    """The one person whose given name begins with the one-word name ``k`` ("Steve" / "Steven",
    "Barb" / "Barbara Jean"), or None; a one-word name that is no given name has none to clip ("Clinton" is
    no clipped "Clintons", the family)."""
    owners = [o for o, g in groups.items() if o != k and g.label == "PERSON"
              and o.split()[0] != k and o.split()[0].startswith(k)
              and (" " in o or is_given_name(doc[g.cands[0].start].text))]
    return owners[0] if len(owners) == 1 else None


def merge_clipped_given_names(ctx: Context, groups: Groups) -> None:
    """A one-word person name that is a known given name and the clipped form of the given name of
    exactly one other person ("Steve" for "Steven", "Barb" for "Barbara Jean") names that person."""
    doc = ctx.doc
    for k in [k for k, g in groups.items() if g.label == "PERSON" and " " not in k and len(k) >= _MIN_CLIPPED]:
        if k in groups and is_given_name(doc[groups[k].cands[0].start].text):
            owner = _clipped_owner(doc, groups, k)
            if owner is not None:
                merge(groups, k, owner, "partial")


# ---------------------------------------------------------------- organisations and places
def _kind_of(label: str) -> str:
    return "PLACE" if label in PLACE_TYPES else label


def _product_tail(groups: Groups, k: str, o: str) -> bool:
    """True when ``o`` is a product the text called one ("the cargo ship MV X Y") whose name ends in the
    organisation or person name ``k`` ("X Y", spaCy's label for the ship's name without its prefix)."""
    return groups[o].label == "PRODUCT" and groups[k].label in ("ORG", "PERSON") and (" " + o).endswith(" " + k) \
        and any(c.product_evidence for c in groups[o].cands)


def merge_inner_names(ctx: Context, groups: Groups) -> None:
    """A shorter organisation or place name inside exactly one longer one of the same kind:
    "Home Office" / "United Kingdom Home Office", "Supreme Court" / "Italian Supreme Court of Cassation", or inside
    a law's name ("Dodd-Frank" / "Dodd-Frank Act": ``_same_kind_or_law``); and the
    end of a product's name that the text called a product ("MV Namse Bangdzod" / "Namse Bangdzod":
    ``_product_tail``)."""
    multi = [k for k, g in groups.items() if g.label in ("ORG", "GPE", "LOC", "FAC", "EVENT", "LAW") and " " in k]
    products = [k for k, g in groups.items() if g.label == "PRODUCT" and " " in k]
    for k in sorted(multi, key=lambda x: len(x.split())):
        g = groups.get(k)
        if g is None or g.country:
            continue
        padded = " " + k + " "
        owners = [o for o in multi if o != k and o in groups and padded in " " + o + " "
                  and _same_kind_or_law(groups[o].label, g.label) and not groups[o].country]
        owners += [o for o in products if o in groups and _product_tail(groups, k, o)]
        if len(owners) == 1:
            merge(groups, k, owners[0], "partial")


def _same_kind_or_law(owner: str, inner: str) -> bool:
    """True when a shorter name may stand for a longer one: the same kind, or the short name of a law spaCy calls
    an organisation or an event ("Dodd-Frank" / "the Dodd-Frank Act"); never a place or person inside a law's name
    ("United States Constitution": the nested place)."""
    return _kind_of(owner) == _kind_of(inner) or owner == "LAW" and inner in ("ORG", "EVENT")


def _org_owners(doc: Doc, groups: Groups, k: str, orgs: list[str]) -> list[str]:
    """The longer organisation names a one-word organisation name ``k`` may stand for."""
    owners = [o for o in orgs if o.split()[:-1] == [k] and o.split()[-1] in ORG_SUFFIXES]
    if not owners and k in ORG_HEADS and doc[groups[k].cands[0].start].text[:1].isupper():
        owners = [o for o in orgs if k in _before_of(o.split())]   # "the Court": "Supreme Court", not "Court of"
    if not owners and k not in ORG_HEADS and k not in GENERIC:
        # "X" / "Church of X", "University of X"; else "Harvard" / "Harvard University"
        owners = [o for o in orgs if o.split()[-2:] == ["of", k] and o.split()[0] in ORG_HEADS] \
            or [o for o in orgs if len(o.split()) == 2 and o.split()[0] == k and o.split()[1] in SCHOOL_HEADS] \
            or _headed_before_of(k, orgs)
    return owners


def _headed_before_of(k: str, orgs: list[str]) -> list[str]:
    """The organisations whose name has the word ``k`` as its head before an "of" complement: "the House" for
    "House of Representatives" (a head word no list has; two such names, "House of Commons" and "House of Lords",
    leave it open)."""
    return [o for o in orgs if "of" in o.split()[1:] and _before_of(o.split())[-1] == k]


def _before_of(words: list[str]) -> list[str]:
    """The words of a name before its "of" complement: a bare head word names "the Library of Congress" by
    "library", never by "congress"."""
    return words[:words.index("of")] if "of" in words else words


def merge_org_short_forms(ctx: Context, groups: Groups) -> None:
    """"Freedom" / "Freedom Magazine", "Acme" / "Acme Corp": a name without its company-type suffix;
    "the Court" / "the Church": a bare head word standing for the one organisation named with it."""
    orgs = [k for k, g in groups.items() if g.label == "ORG" and " " in k]
    for k in [k for k, g in groups.items() if g.label == "ORG" and " " not in k]:
        owners = _org_owners(ctx.doc, groups, k, orgs)
        if len(owners) == 1 and owners[0] in groups:
            merge(groups, k, owners[0], "partial")


def relabel_platforms(ctx: Context, groups: Groups) -> None:
    """A one-word "person" never named in full, with no title or honorific, that is only ever an
    object of "on" / "via" (else "to" / "from"), in front of a platform noun or after "to" of a platform verb:
    "the hashtag on Twitter", "shared via Instagram", "whose Twitter bio", "a Twitter post", "posted a photo to
    Twitter", "took to Twitter" name a platform or outlet, an organisation. One platform noun is enough ("according
    to a Twitter post by X": nobody writes "a Maria post" for what Maria posted); "to" / "from" alone is not
    ("wrote to Hale")."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label == "PERSON" and " " not in k and not any(c.person_evidence or c.title_start is not None
                                                            or gender(doc, c) for c in g.cands):
            uses = [_platform_use(doc[c.start:c.end].root) for c in g.cands]
            if all(uses) and any(u != "direction" for u in uses) and not any(role(doc, c) for c in g.cands):
                g.label = "ORG"


def _platform_use(r: Token) -> str | None:
    """How a name stands where a platform stands: "on" for the object of a platform preposition ("on Twitter"; a
    conjunct or a name the parser hangs on the next name counts: "on Facebook and Twitter", "on Twitter and Internet
    Relay Chat") or of "to" after a platform verb ("posted a photo to Twitter", "took to Twitter"), "direction" for
    the object of another "to" / "from", "noun" for the modifier of a lowercase platform noun right after it ("whose
    Twitter bio", "his official Twitter account"); None elsewhere."""
    if r.dep_ == "compound" and r.head.i == r.i + 1 and r.head.is_lower and r.head.lower_ in PLATFORM_NOUNS:
        return "noun"
    while r.dep_ in ("conj", "nmod") and r.head.pos_ == "PROPN" and r.head.i != r.i:
        r = r.head
    if r.dep_ != "pobj":
        return None
    if r.head.lower_ in PLATFORM_DIRECTIONS and _platform_verb(r.head.head):
        return "on"
    return "on" if r.head.lower_ in PLATFORM_PREPS else "direction" if r.head.lower_ in PLATFORM_DIRECTIONS else None


def _platform_verb(v: Token) -> bool:
    """True for a verb that puts something up on a platform ("posted a photo to X", "uploaded the clip to X") or, with
    no object, goes there to say something ("took to X to call ..."; "took the case to Hale" is a person)."""
    if v.dep_ == "dobj":     # the parser hangs "to X" on the object: "posted [a photo to Twitter]"
        v = v.head
    lemma = v.lemma_.lower()
    return v.pos_ == "VERB" and (lemma in PLATFORM_VERBS
                                 or lemma in PLATFORM_BARE_VERBS and not any(t.dep_ == "dobj" for t in v.children))


def merge_abbreviated_places(ctx: Context, groups: Groups) -> None:
    """"Washington" / "Washington D.C.": a place and the same place with an abbreviation after it."""
    doc = ctx.doc
    for k in [k for k, g in groups.items() if g.label in PLACE_TYPES and " " not in k and not g.country]:
        owner = [o for o, g in groups.items() if g.label in PLACE_TYPES and o.split()[0] == k and o != k
                 and all(t.text.isupper() or re.fullmatch(r"([A-Z]\.)+", t.text)
                         for t in doc[g.cands[0].start + 1:g.cands[0].end])]
        if len(owner) == 1:
            merge(groups, k, owner[0], "partial")


def merge_misspelt_surnames(ctx: Context, groups: Groups) -> None:
    """A surname misspelt once ("Ms Smiht" for "Jane Smith"): the one person whose surname is
    within two letters of it, both long names with the same first letter. A surname two people named in
    full share ("Bill Clinton", "Hillary Clinton") names neither here (``merge_partial_names`` left it). A
    misspelling is rarer than the name it misspells: a one-word name other than the surname, written more often
    than that person's names ("Francis", the pope, in an article quoting "Massimo Franco" twice), is someone else."""
    known: dict[str, set[str]] = {}
    for k, g in groups.items():
        if g.label == "PERSON" and " " in k:
            known.setdefault(k.split()[-1], set()).add(k)
    for k in [k for k, g in groups.items() if g.label == "PERSON" and " " not in k and len(k) >= 6]:
        near = {o for w, owners in known.items() if w[0] == k[0] and len(w) >= 6 and edits(w, k) <= 2
                for o in owners}
        owner = next(iter(near)) if len(near) == 1 else None
        if owner in groups and (owner.split()[-1] == k or len(groups[k].cands) <= len(groups[owner].cands)):
            merge(groups, k, owner, "partial")


# ---------------------------------------------------------------- one person under several full names
_ALIAS_CUE = re.compile(
    r"^\s*(\([^()]*\))?\s*,?\s*(?:(?:is|was|were) )?(?:"
    r"(?:also |better |more |widely |commonly |popularly |professionally |now |later |formerly )?"
    r"(?:known|named|called) (?:as|by (?:his|her|their|the) (?:pseudonym|pen name|stage name|name|nickname))"
    r"|self-identified as|(?:a|the|his|her) (?:pen name|pseudonym|stage name|nom de plume) of(?: [\w-]+){0,3}"
    r"|born|née|nee|a\.k\.a\.|aka)\s*$")
_NO_ALIAS_LABELS = PLACE_TYPES | {"DATE", "NORP"}
# a word every cue of _ALIAS_CUE has: a cheap test before the full one
_ALIAS_WORD = re.compile(r"(?i)\b(?:known|named|called|identified|pen name|pseudonym|stage name|plume|born|n[ée]e"
                         r"|aka)\b|a\.k\.a\.")
_ALIAS_REACH = 160    # characters before a name searched for such a word


def _group_of(groups: Groups) -> dict[int, str]:
    """The key of the group each candidate is in, by the candidate's identity."""
    return {id(c): k for k, g in groups.items() for c in g.cands}


def _merge_keeping_role(ctx: Context, groups: Groups, src: str, dst: str) -> None:
    """``merge`` group ``src`` into ``dst`` as partial names, keeping the role found for ``src`` when ``dst``
    has none."""
    merge(groups, src, dst, "partial")
    if ctx.roles.get(src) and not ctx.roles.get(dst):
        ctx.roles[dst] = ctx.roles[src]
    ctx.roles.pop(src, None)


def _alias_owner(ctx: Context, groups: Groups, owner_of: dict[int, str], before: list[Candidate],
                 c: Candidate) -> str | None:
    """The person a name ``c`` is given as another name of: "X (born 1986), better known as Y",
    "X, also known as Y", "X was a pen name of Y", "X (née Y)"; X is the nearest person name
    before ``c`` in its sentence whose words up to ``c`` are such a cue (``before``: the candidates
    that start in that sentence before ``c``)."""
    doc = ctx.doc
    sent_start = doc[c.start].sent.start
    spans = [(o.start, o.end, owner_of.get(id(o))) for o in before]
    spans += [(m.start, m.end, k) for k, g in groups.items() for m in g.extra]
    for _, end, k in sorted((s for s in spans if sent_start <= s[0] and s[1] <= c.start), key=lambda s: -s[1]):
        window = doc[end:c.start]
        if k is not None and groups[k].label == "PERSON" and _ALIAS_CUE.match(window.text_with_ws.lower()) \
                and window.text.count("(") <= 1:
            return k
    return None


def merge_alias_names(ctx: Context, groups: Groups) -> None:
    """A person's other name given in apposition (birth name, pen name, pseudonym, the name used
    abroad) is the same person: "Jenna Nicole Mourey (born 1986), better known by her pseudonym
    Jenna Marbles", "Ichiyo Higuchi was a pen name of Natsu Higuchi", "X, self-identified as Y";
    the other name joins the name given first, unless that is a bare surname. Only a name with a
    cue word in the characters before it is looked at (``_ALIAS_WORD``)."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    by_start = sorted(ctx.cands, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    owner_of: dict[int, str] | None = None
    for c in list(ctx.cands):
        char = doc[c.start].idx
        if _ALIAS_WORD.search(text, max(0, char - _ALIAS_REACH), char) is None:
            continue
        owner_of = owner_of if owner_of is not None else _group_of(groups)
        k = owner_of.get(id(c))
        if k is None or groups[k].label in _NO_ALIAS_LABELS or groups[k].country:
            continue
        before = by_start[bisect_left(starts, doc[c.start].sent.start):bisect_left(starts, c.start)]
        owner = _alias_owner(ctx, groups, owner_of, before, c)
        if owner is not None and owner != k:
            src, dst = (owner, k) if " " not in owner and " " in k else (k, owner)  # "Mr. Bush, known as Jeb"
            _merge_keeping_role(ctx, groups, src, dst)
            owner_of.update((id(o), dst) for o in groups[dst].cands)


def _first_start(g: Group) -> int:
    return min(c.start for c in g.cands)


def merge_reordered_names(ctx: Context, groups: Groups) -> None:
    """A person's name written with the family name first and the same name written with it last
    ("Higuchi Ichiyo" / "Ichiyo Higuchi") are one person: the later joins the one written first
    (or a name of another type joins the person)."""
    for k in [k for k, g in groups.items() if g.label == "PERSON" and len(k.split()) >= 2]:
        words = k.split()
        other = " ".join([words[-1], *words[:-1]])
        if k not in groups or other == k or other not in groups or groups[other].label in PLACE_TYPES:
            continue
        src, dst = (other, k) if groups[other].label != "PERSON" or _first_start(groups[k]) < \
            _first_start(groups[other]) else (k, other)
        _merge_keeping_role(ctx, groups, src, dst)


def merge_middle_name_forms(ctx: Context, groups: Groups) -> None:
    """A full name with middle names ("Patrick Leopold Gordon") and the name of its first and last
    words ("Patrick Gordon") are one person, when no other full name has those first and last words."""
    by_ends: dict[str, list[str]] = {}
    for k, g in groups.items():
        words = name_core(ctx.doc, k, g)
        if g.label == "PERSON" and len(words) >= 3 and not _is_generation(k):
            by_ends.setdefault(f"{words[0]} {words[-1]}", []).append(k)
    for short, longs in by_ends.items():
        if len(longs) == 1 and short in groups and groups[short].label == "PERSON" and longs[0] in groups:
            _merge_keeping_role(ctx, groups, longs[0], short)


def drop_generic_nouns(ctx: Context, groups: Groups) -> None:
    """A single capitalised common noun ("the Government", "the State") that joined no fuller name."""
    for k in [k for k, g in groups.items() if " " not in k and k in GENERIC and not g.country]:
        if all(c.kind == "name" for c in groups[k].cands) and not groups[k].extra:
            del groups[k]
