"""Candidates: spaCy's named-entity spans of the entity types, cleaned into ``Candidate`` records.

Each span is cleaned by the rule families of ``rules`` (split, trim, void, reject, extend,
retype) in order. spaCy's spans are completed by names it missed that end in an organisation's
head word ("The Deseret News"), full names of people later called by the surname ("Alexei Leonov ...
Leonov") and major places ("Barbados"), an organisation span with a person's name glued to its end
before a speech verb is split in two, names joined by a slash ("ABC News/Washington Post", "Gary
Cameron/Reuters") are taken apart, and candidates covered by an extended one are dropped.
Each candidate is keyed by its folded name (country short forms folded to the country), and
words glued to a person's name that other mentions show are no part of it are cut.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..given_names import given_name_gender
from ..spans import per_doc, token_lowers, token_pos, token_texts, word_set
from .citations import citation_authors
from .lexicon import (
    APPOS_NOT_PERSON,
    APPOS_PERSON,
    COUNTRY,
    DETERMINERS,
    GENERIC,
    HEADS,
    HONORIFICS,
    NAME_LINKS,
    ORG_HEADS,
    PERSONAL_PRONOUNS,
    PLACE_TYPES,
    TITLES,
    TYPES,
    fold,
)
from .names import has_glued_org_head, person_after_org, person_after_place
from .places import is_given_name, is_known_place, is_major_place, subdivision_countries
from .records import Candidate
from .rules import EXTEND, REJECT, RETYPE, RETYPE_EARLY, TRIM_END, TRIM_FRONT, VOID, Draft, split_acronym
from .tokens import headline_case, is_cap, person_words

if TYPE_CHECKING:
    from spacy.tokens import Doc


def clean(doc: Doc, s: int, e: int, label: str) -> list[Candidate]:
    """The cleaned candidate(s) for an entity span [s, e), or [] when it is no entity."""
    d = Draft(doc, s, e, label)
    acro = split_acronym(d)
    out = [] if acro is None else [Candidate(acro, acro + 1, label, acronym_of=s)]
    while d.start < d.end and any(rule(d) for rule in TRIM_FRONT):
        pass
    for trim in TRIM_END:
        trim(d)
    if any(rule(d) for rule in VOID):
        return []
    d.read()
    for retype in RETYPE_EARLY:
        retype(d)
    if any(rule(d) for rule in REJECT):
        return out
    c = Candidate(d.start, d.end, d.label, title_start=d.title_start,
                  person_evidence=d.label == "PERSON" and d.title_start is not None)
    for extend in EXTEND:
        extend(d, c)
    for retype in RETYPE:
        retype(d, c)
    return [c, *out]


def _line_parts(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """The parts of the span [s, e) on separate lines: a name never runs over a line break
    ("Brock Holt" / "Holt" of a heading and the paragraph under it); a part without a proper noun
    is a heading's or sentence's common word ("Introduction", "Describe")."""
    parts, a = [], s
    for i in range(s, e):
        t = doc[i]
        if t.is_space and "\n" in t.text:
            parts.append((a, i))
            a = i + 1
        elif "\n" in t.whitespace_:
            parts.append((a, i + 1))
            a = i + 1
    parts.append((a, e))
    if len(parts) == 1:
        return parts
    return [(x, y) for x, y in parts if any(t.pos_ == "PROPN" for t in doc[x:y])]


_SLASH_LABELS = frozenset(("ORG", "PERSON"))     # pollsters, outlets, tickets; not a work's or an event's title


def _slash_part(doc: Doc, s: int, e: int, words: frozenset[str]) -> bool:
    """True for a side of a slash that can be a name of its own: a proper noun, more than a letter or two
    ("AC/DC" stays one name), not one plural noun or a word the article writes in lowercase
    ("Kubernetes/Containers", "Progressives/Socialists")."""
    return any(t.pos_ == "PROPN" for t in doc[s:e]) and (
        e - s > 1 or len(doc[s]) > 2 and doc[s].tag_ != "NNPS" and doc[s].lower_ not in words)


def _slash_parts(doc: Doc, s: int, e: int, label: str) -> list[tuple[int, int]]:
    """The names joined by slashes in an organisation's or person's span [s, e): pollsters, outlets, a
    photographer and an agency, a ticket ("NBC News/Wall Street Journal", "Newsmax / Zogby", "Gary
    Cameron/Reuters", "Hawkins/Walker"), each a name of its own; numbers ("9/11") and headlines ("Opposition
    To A Sanders/Trump Debate": a capitalised function word) are left whole."""
    if label not in _SLASH_LABELS:
        return [(s, e)]
    cuts = [i for i in range(s + 1, e - 1) if doc[i].text == "/" and is_cap(doc[i - 1]) and is_cap(doc[i + 1])]
    if not cuts or any(t.is_stop and is_cap(t) for t in doc[s + 1:e]):
        return [(s, e)]
    parts = list(zip([s] + [i + 1 for i in cuts], cuts + [e], strict=True))
    words = word_set(doc)
    return parts if all(_slash_part(doc, a, b, words) for a, b in parts) else [(s, e)]


def _slash_labels(doc: Doc, parts: list[tuple[int, int]], label: str) -> list[str]:
    """The label of each name of a slash-joined span: a full name led by a given name is a person's ("Cruz/Carly
    Fiorina"), and so is every surname of a ticket one of which is a person's the article names ("the
    Constitution Party's Blankenship/Mohr ticket"); after a person's name, the rest is an agency or an outlet
    ("Gary Cameron/Reuters", "John Moore/Getty Images"); otherwise spaCy's label."""
    if len(parts) == 1:
        return [label]
    if all(b - a == 1 for a, b in parts) and any(doc[a].lower_ in person_words(doc) for a, _ in parts):
        return ["PERSON"] * len(parts)
    return ["PERSON" if _person_part(doc, a, b) else "ORG" if label == "PERSON" else label for a, b in parts]


def _person_part(doc: Doc, a: int, b: int) -> bool:
    """True for a person's full name: a given name first ("Samantha-Jo" by its first part), no head word, no
    known place in front ("Des Moines Register")."""
    return b - a > 1 and doc[a].pos_ == "PROPN" and is_given_name(doc[a].text.split("-")[0]) \
        and not any(t.lower_ in HEADS for t in doc[a:b]) \
        and not any(is_known_place(fold(doc[a:k].text)) for k in range(a + 2, b))


def _labelled(doc: Doc) -> list[Candidate]:
    """The cleaned candidates of spaCy's entity spans, each line of a span on its own, and each name of a
    slash-joined pair ("ABC News/Washington Post") on its own."""
    cands = []
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        for line in _line_parts(doc, ent.start, ent.end):
            parts = _slash_parts(doc, *line, ent.label_)
            for (s, e), label in zip(parts, _slash_labels(doc, parts, ent.label_), strict=True):
                cands.extend(_clean_part(doc, s, e, label))
    return cands


def _clean_part(doc: Doc, s: int, e: int, label: str) -> list[Candidate]:
    """The cleaned candidates of one part of a spaCy entity span: a person's name glued to the end of an
    organisation's or a place's name is a name of its own."""
    split = person_after_org(doc, s, e) if label == "ORG" else None
    if split is not None:
        return clean(doc, s, split, "ORG") + clean(doc, split, e, "PERSON")
    split = person_after_place(doc, s, e)
    if split is not None:
        return clean(doc, s, split, "GPE") + clean(doc, split, e, "PERSON")
    return clean(doc, s, e, label)


def _unlabelled_org_names(doc: Doc) -> list[Candidate]:
    """Names spaCy missed that end in an organisation's head word: "The Deseret News", "Border Force"."""
    cands = []
    proper, lowers, n = _untagged_propers(doc), token_lowers(doc), len(doc)
    i = 0
    while i < n:
        j = i
        while j < n and proper[j]:
            j += 1
        if j - i >= 2 and lowers[j - 1] in ORG_HEADS and lowers[j - 1] not in GENERIC \
                and (j >= n or not (doc[j].pos_ == "PROPN" and is_cap(doc[j]))):
            cands.extend(clean(doc, i, j, "ORG"))
        i = max(j, i + 1)
    return cands


@per_doc
def _untagged_propers(doc: Doc) -> tuple[bool, ...]:
    """For each token: a capitalised proper noun spaCy left outside its entities, no title or honorific."""
    return tuple(not t.ent_type_ and t.pos_ == "PROPN" and t.is_title and t.text.isalpha()
                 and t.lower_ not in TITLES and t.lower_ not in HONORIFICS for t in doc)


@per_doc
def _plain_propers(doc: Doc) -> tuple[bool, ...]:
    """``_plain_proper`` of each token."""
    return tuple(p and w not in HEADS for p, w in zip(_untagged_propers(doc), token_lowers(doc), strict=True))


def _plain_proper(doc: Doc, i: int) -> bool:
    """A capitalised proper noun spaCy left outside its entities, no title, honorific or head word."""
    return _plain_propers(doc)[i]


def _full_name_start(doc: Doc, i: int, words: frozenset[str], strict: bool = True) -> bool:
    """True when token ``i`` may open a full name spaCy missed: a plain proper noun that the
    given-name list knows as only a man's or only a woman's name, no known place, never written in
    lowercase in the article, not glued to a hyphen before it ("Dodd-Frank Act"); ``strict``: nor to a
    capitalised word before it, on a line in running-text case."""
    if not _plain_proper(doc, i) or is_known_place(fold(doc[i].text)) or token_lowers(doc)[i] in words \
            or i > 0 and token_texts(doc)[i - 1] == "-":
        return False
    if strict and (headline_case(doc, i) or i > 0 and is_cap(doc[i - 1]) and not doc[i].is_sent_start):
        return False
    gender = given_name_gender(doc[i].text)
    return gender is not None and gender[1] >= 2


def _full_name_at(doc: Doc, i: int, words: frozenset[str], surnames: Counter) -> int | None:
    """The end of a full name spaCy missed starting at token ``i``, or None.

    A news text introduces a person by the full name and then calls them by the surname: a given
    name (``_full_name_start``), then one or two plain proper nouns of which the last also stands
    on its own elsewhere in the article, not as a date or number ("Alexei Leonov ... Leonov was
    famous"; not "Merry Christmas ... on Christmas", "Alien Stock", "Om Shanti", never on their
    own); no word the article also writes in lowercase ("Urban Decay"), no known place ("Santa
    Ana"), no capitalised word or hyphen right after ("Salat-Baroux")."""
    if not _full_name_start(doc, i, words, strict=False):
        return None
    j = i + 1
    while j < len(doc) and j - i < 3 and _plain_proper(doc, j) and doc[j].lower_ not in words \
            and "\n" not in doc[j - 1].whitespace_:
        j += 1
    if j == i + 1 or j < len(doc) and (is_cap(doc[j]) and doc[j].is_alpha or doc[j].text == "-") \
            or is_known_place(fold(doc[i:j].text)):
        return None
    if surnames[doc[j - 1].text] >= 2 and _full_name_start(doc, i, words) or _listed_with_person(doc, i, j) \
            or _author_or_person_noun(doc, i, j):
        return j
    return None


def _author_or_person_noun(doc: Doc, i: int, j: int) -> bool:
    """True when the words [i, j) are the agent of "by" (a byline, "By Tamsin Oakridge") or stand right after a
    lowercase title or person noun they name ("her cousin Agnes Whitcombe")."""
    root, before = doc[j - 1], doc[i - 1] if i > 0 else None
    if before is None or root.head.i != before.i and not (before.dep_ == "compound" and before.head.i == root.i):
        return False
    noun = before.lower_
    return noun == "by" and root.dep_ == "pobj" \
        or before.is_lower and before.pos_ == "NOUN" and (noun in APPOS_PERSON or noun in TITLES)


def _listed_with_person(doc: Doc, i: int, j: int) -> bool:
    """True when the words [i, j) stand in a list with a name spaCy tagged as a person ("Paul Menzies and
    Alexander Livingston", "Kirk M. Bart and Celeste Pollock"): the list tells what they are."""
    root = doc[j - 1]
    linked = list(root.conjuncts)
    return any(t.ent_type_ == "PERSON" and not i <= t.i < j for t in linked)


def _unlabelled_glued_org_names(doc: Doc) -> list[Candidate]:
    """One-word names of news outlets spaCy missed, a head word glued to the name ("Wikinews interviews ...")."""
    cands = []
    for i, pos in enumerate(token_pos(doc)):
        if pos == "PROPN" and not (t := doc[i]).ent_type_ and has_glued_org_head(t):
            cands.extend(clean(doc, t.i, t.i + 1, "ORG"))
    return cands


def _unlabelled_full_names(doc: Doc) -> list[Candidate]:
    """Full names of people that spaCy left untagged (see ``_full_name_at``)."""
    words = word_set(doc)
    texts, plain = token_texts(doc), _plain_propers(doc)
    surnames = Counter(texts[i] for i, pos in enumerate(token_pos(doc))
                       if pos == "PROPN" and (not doc[i].ent_type_ or doc[i].ent_type_ in TYPES))
    cands = []
    i = 0
    while i < len(doc):
        j = _full_name_at(doc, i, words, surnames) if plain[i] else None
        if j is not None:
            cands.extend(clean(doc, i, j, "PERSON"))
        i = j or i + 1
    return cands


def _lone_proper(doc: Doc, i: int, words: frozenset[str]) -> bool:
    """True when token ``i`` is a one-word name spaCy left untagged: a plain proper noun of two letters or more,
    no other capitalised word or hyphen beside it, never written in lowercase in the article, no known place,
    no determiner before it ("the Petitioner")."""
    t = doc[i]
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return _plain_proper(doc, i) and len(t.text) > 1 and t.lower_ not in words and not is_known_place(fold(t.text)) \
        and not (after is not None and (after.text == "-" or after.is_alpha and is_cap(after))) \
        and not (before is not None and (before.text == "-" or before.lower_ in DETERMINERS
                                         or before.is_alpha and is_cap(before) and not t.is_sent_start
                                         and (before.pos_ == "PROPN" or not before.is_sent_start)))


def _person_agreement(doc: Doc, i: int) -> bool:
    """True when token ``i`` acts as a person in its sentence: a singular subject whose sentence goes on with he/his/
    she/her before any other name ("Byron received his early education"; not "Many Millennials want what they
    want ... that Sanders can't do what he promises"), or the owner of a relative or role
    ("Byron's mother", "Meles's deputy")."""
    t = doc[i]
    if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ != "NNPS":
        for u in doc[i + 1:t.sent.end]:
            if u.lower_ in PERSONAL_PRONOUNS:
                return True
            if u.ent_type_ or u.pos_ == "PROPN" and u.is_title:
                break
    noun = t.head.lemma_.lower()
    return i + 1 < len(doc) and doc[i + 1].tag_ == "POS" \
        and (noun in APPOS_PERSON or noun in TITLES and noun not in APPOS_NOT_PERSON)


def _unlabelled_person_words(doc: Doc) -> list[Candidate]:
    """One-word names of people that spaCy never tagged on their own anywhere in the article (``_lone_proper``),
    when one of their mentions acts as a person (``_person_agreement``) and one stands inside a sentence: a
    biography's subject called only by the surname ("Byron"), a character called only by the given name."""
    words, texts = word_set(doc), token_texts(doc)
    tagged = {e.text for e in doc.ents}
    spots: dict[str, list[int]] = {}
    for i, plain in enumerate(_plain_propers(doc)):
        if plain and texts[i] not in tagged and _lone_proper(doc, i, words):
            spots.setdefault(texts[i], []).append(i)
    cands = []
    for spot in spots.values():
        if not all(doc[i].is_sent_start for i in spot) and any(_person_agreement(doc, i) for i in spot):
            for i in spot:
                cands.extend(clean(doc, i, i + 1, "PERSON"))
    return cands


@per_doc
def _named_countries(doc: Doc) -> frozenset[str]:
    """The countries spaCy's places of the article name or lie in: "Australia", or "Queensland" (a
    subdivision of Australia)."""
    out: set[str] = set()
    for e in doc.ents:
        if e.label_ in ("GPE", "LOC"):
            folded = fold(e.text)
            out.update([COUNTRY[folded]] if folded in COUNTRY else subdivision_countries(e.text))
    return frozenset(out)


def _known_region(doc: Doc, name: str) -> bool:
    """A major place, or a country's subdivision ("Tasmania", "Allier") in an article whose other places
    name that country or another of its subdivisions ("Queensland ... Tasmania was excluded")."""
    return is_major_place(fold(name)) or bool(subdivision_countries(name) & _named_countries(doc))


def _place_at(doc: Doc, i: int, words: frozenset[str]) -> int | None:
    """The end of a major place's name (country, US state, continent, city of 300,000+) of one to
    three plain proper nouns that spaCy left untagged ("Barbados", "Yakutsk", "Protector of Mexico"),
    or of a region of a country the article names (``_known_region``), apart from other capitalised
    words (not "George Washington", "Washington Post"), no given name and never written in lowercase
    in the article ("china"); None when none starts at ``i``."""
    if not _plain_proper(doc, i) or i > 0 and (is_cap(doc[i - 1]) and not doc[i].is_sent_start
                                               or doc[i - 1].text in ("-", "&")):
        return None
    for j in range(min(len(doc), i + 3), i, -1):
        if not all(_plain_proper(doc, k) for k in range(i, j)) \
                or j < len(doc) and (is_cap(doc[j]) or doc[j].text == "-"):
            continue
        name = doc[i:j].text
        if _known_region(doc, name) and not is_given_name(doc[i].text) \
                and not any(t.lower_ in words for t in doc[i:j]) and not headline_case(doc, i):
            return j
    return None


def _unlabelled_places(doc: Doc) -> list[Candidate]:
    """Major places that spaCy left untagged (see ``_place_at``)."""
    words, plain = word_set(doc), _plain_propers(doc)
    cands = []
    i = 0
    while i < len(doc):
        j = _place_at(doc, i, words) if plain[i] else None
        if j is not None:
            cands.extend(clean(doc, i, j, "GPE"))
        i = j or i + 1
    return cands


def _acronym_capitals(doc: Doc, i: int) -> str | None:
    """The capitals of an acronym in parentheses at token ``i`` ("(UNESCO)", "(FoI)" -> "FI"), or None."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")" or not doc[i + 1].text.isalpha():
        return None
    caps = "".join(ch for ch in doc[i + 1].text if ch.isupper())
    return caps if len(caps) >= 3 else None


def _expansion_start(doc: Doc, i: int, acronym: str) -> int | None:
    """The first token of the capitalised words before token ``i`` whose initials spell ``acronym``, on one line;
    link words ("and", "of", "the", commas) and the part after a hyphen ("Co-operation") give no initial."""
    initials, j = "", i - 1
    while j >= 0 and len(initials) < len(acronym) and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if is_cap(t) and t.lower_ not in NAME_LINKS:
            initials = t.text[0] + initials
            if not acronym.endswith(initials):
                return None
        elif not (t.text in (",", "-") or t.lower_ in NAME_LINKS or t.lower_ in DETERMINERS
                  or j > 0 and doc[j - 1].text == "-") or j == i - 1:
            return None
        j -= 1
    return j + 1 if initials == acronym else None


def _acronym_expansions(doc: Doc) -> list[Candidate]:
    """A name spelt out before its acronym in parentheses, whole: "United Nations Educational, Scientific and
    Cultural Organization (UNESCO)", which spaCy cuts at the comma, and "the Organisation for the Prohibition of
    Chemical Weapons (OPCW)", which it misses. Typed as spaCy typed its last word or the acronym; not when it typed
    neither ("Medium Term Plans (MTP)": a document, no name) nor a person's name ("John Fitzgerald Kennedy (JFK)")."""
    cands = []
    for i in (i for i, text in enumerate(token_texts(doc)) if text == "("):
        acronym = _acronym_capitals(doc, i)
        start = _expansion_start(doc, i, acronym) if acronym else None
        if start is None:
            continue
        labels = [doc[i - 1].ent_type_, doc[i + 1].ent_type_]
        label = next((x for x in labels if x in TYPES), None)
        if label is not None and "PERSON" not in labels:
            cands.extend(clean(doc, start, i, label))
    return cands


def _drop_covered(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates covered by an extended one, keep doc order."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept, last_end = [], -1
    for c in cands:
        if c.start < last_end:
            continue
        kept.append(c)
        last_end = c.end
    return kept


def _key(doc: Doc, c: Candidate) -> None:
    """Key a candidate by its folded name; a country's short forms key (and type) it as the country."""
    k = fold(doc[c.start:c.end].text)
    if k in COUNTRY and c.label in PLACE_TYPES | {"NORP", "ORG"}:
        k = fold(COUNTRY[k])
        c.label = "GPE" if c.label != "ORG" else c.label
    c.key = k


def _cited_authors(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The surnames of cited authors ("(Dye & Bavelier, 2010)") as people, in place of the
    candidates that overlap them."""
    authors = citation_authors(doc)
    if not authors:
        return cands
    taken = {i for s, e in authors for i in range(s, e)}
    kept = [c for c in cands if not taken & set(range(c.start, c.end))]
    return kept + [Candidate(s, e, "PERSON", person_evidence=True) for s, e in authors]


def find_candidates(doc: Doc) -> list[Candidate]:
    """The keyed candidates of ``doc`` in text order, none overlapping another."""
    cands = _labelled(doc)
    cands.extend(_unlabelled_org_names(doc))
    cands.extend(_unlabelled_glued_org_names(doc))
    cands.extend(_unlabelled_full_names(doc))
    cands.extend(_unlabelled_person_words(doc))
    cands.extend(_unlabelled_places(doc))
    cands.extend(_acronym_expansions(doc))
    cands = _cited_authors(doc, cands)
    kept = _drop_covered(cands)
    for c in kept:
        _key(doc, c)
    kept = [c for c in kept if c.key]
    trim_person_names(doc, kept)
    return kept


def trim_person_names(doc: Doc, cands: list[Candidate]) -> None:
    """Words glued to a person's name that another mention shows are no part of it.

    - a modifier in front of a full name named elsewhere: "Crooked Hillary Clinton",
      "(Miss) Universe Alicia Machado" when "Hillary Clinton", "Alicia Machado" and the bare
      surname occur too (a two-word surname such as "de Blasio" or "Van Dyke" stays);
    - in headline-case text, words after a name that is used on its own elsewhere:
      "President Obama Speech at ..." when "Obama" occurs in the running text."""
    keys = Counter(c.key for c in cands)
    full = {c.key for c in cands if c.label == "PERSON" and len(c.key.split()) >= 2}
    bare = {c.key for c in cands if " " not in c.key}
    plain = {c.key for c in cands if c.label == "PERSON" and not headline_case(doc, c.start)}
    for c in cands:
        if c.label != "PERSON":
            continue
        if _cut_modifier(doc, c, full, bare):
            continue
        words = c.key.split()
        if len(words) >= 2 and keys[c.key] == 1 and c.end - c.start == len(words) and headline_case(doc, c.start):
            _cut_headline_words(c, words, plain)


def _cut_modifier(doc: Doc, c: Candidate, full: set[str], bare: set[str]) -> bool:
    """"Crooked Hillary Clinton" -> "Hillary Clinton" when that name and "Clinton" occur too."""
    words = c.key.split()
    tail = doc[c.start + 1:c.end]
    if len(words) >= 3 and len(tail) >= 2 and " ".join(words[1:]) in full and words[-1] in bare \
            and fold(doc[c.start].text) == words[0] and tail[0].text[:1].isupper() and " " in tail.text:
        c.start += 1
        c.key = fold(doc[c.start:c.end].text)
        return True
    return False


def _cut_headline_words(c: Candidate, words: list[str], plain: set[str]) -> None:
    """"Obama Speech" in a headline -> "Obama" when "Obama" is named in running text."""
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]) in plain:
            c.end = c.start + n
            c.key = " ".join(words[:n])
            break
