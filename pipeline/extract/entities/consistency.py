"""Type passes that use what is known about names and how the whole article uses them.

- ``label_known_places``: a name that a gazetteer knows as a place (``places.is_known_place``, or a
  country's subdivision the article never writes in lowercase: ``places.is_subdivision``, "Bataan"),
  labelled an organisation or a person with nothing in the article marking it as one (no title,
  honorific, its own article "the", no person named in full with that word, never the subject of
  a verb other than "be" / "be located", no acronym), is a place; a "person" so named only where
  places stand ("in X", "X, Region") too.
- ``label_states_and_towns`` (sixteenth session): a "location" a gazetteer knows as a country, US state, subdivision,
  town of two words or more or major city ("Rhode Island", "New South Wales", "South Bend") is a GPE; a continent a
  LOC.
- ``label_unknown_towns`` (eleventh session): a "person" no gazetteer knows, named only right after "in"/"near"
  (or "at" after a noun), with nothing marking it as a person, is a place ("a car bomb in Maidan Shahr").
- ``label_towns_before_region`` (thirteenth session): an "organisation" or "person" named once as "in X, Region"
  ("in Windsor Locks, Connecticut"), with no head word and nothing marking it as a named thing, is a place.
- ``label_speakers``: a plain name (no head word) that is the subject of a speech verb ("X said")
  is a person, never a place (country and gazetteer names excepted: "China said").
- ``label_list_items``: a name listed only among names of one other kind ("Benin, Namibia,
  Liechtenstein and Serbia") is of that kind.
- ``label_people_by_pronoun``: a one-word "organisation" that is a subject followed by "he"/"she"
  as the next subject is a person; ``label_given_names``: a one-word "place" that is only a given
  name ("Rebecca") is a person.
- ``add_nested_places``: a place named inside a longer name ("University of Michigan") is a
  mention of that place; a major place also after "of" in a place's or a work's name ("Horn of
  Africa", "Gulf of Mexico") and before "City" ("Mexico City"); ``add_nested_people``: a person
  leading an eponym's name ("Croucher Foundation", "Nobel Prize") is a person entity.
- ``drop_common_words``: a one-word "name" the article also writes in lowercase ("Mom" and
  "mom") is a common word, no entity; ``drop_common_phrases``: the same for two to four such
  capitalised words ("Learning Objectives"); ``drop_lowercase_acronyms``: an acronym spelt out in
  lowercase words ("sea surface temperature (SST)") is no organisation, nor one spelt out as a lowercase noun
  phrase anywhere in the article (``drop_spelt_out_acronyms``: "large language model" ... "LLM").
- (fifth session) ``drop_interjections`` ("Hmm?", "Nah, ..."), ``drop_bare_honorifics`` ("a Dame"),
  ``drop_counted_acronyms`` ("5000 BCE", "25 DKK"), ``drop_one_word_headings`` ("Understand" over a paragraph),
  ``drop_common_word_people`` ("Soft Hold Styler"): no entities; ``label_camel_case_names``: "OpenAI" is an
  organisation; a known place the article writes in lowercase is not nested ("Federal Register").
- (second round) ``drop_title_tails``: the last word of a title that spaCy tagged alone ("Game of Thrones") is no
  organisation.
- (eighteenth session) ``label_held_gatherings``: a "X Convention" the article places in time or at a place ("at the
  Democratic National Convention", "the 2020 X Convention", "X Convention in Buxton") is the meeting, an event.

Each pass is ``(ctx, groups) -> None`` like the grouping passes.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Callable

from ..spans import token_pos, token_texts, word_set
from .grouping import Context, Groups, initials_of, region_at
from .lexicon import (
    ADJECTIVES,
    APPOS_PLACE,
    CASE_LINKS,
    COUNTRY,
    DATA,
    DETERMINERS,
    DISEASE_COUNT_NOUNS,
    DISEASE_NOUNS,
    EPONYM_HEADS,
    GATHERING_HEADS,
    GATHERING_PREPS,
    GATHERING_VERBS,
    HEADS,
    HONORIFICS,
    LOC_HEADS,
    LOCATIVE_PREPS,
    NOT_PERSON_WORDS,
    NOUN_TOWN_PREPS,
    OWNED_PLACE_NOUNS,
    PLACE_DESIGNATORS,
    PLACE_TYPES,
    SCHOOL_HEADS,
    SPEECH_VERBS,
    TITLES,
    TOWN_PREPS,
    fold,
    surname_particles,
)
from .places import is_continent, is_given_name, is_known_place, is_major_place, is_region, is_subdivision
from .roles import role
from .tokens import is_cap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .records import Candidate, Group

_TITLE_LINKS = {w.lower() for w in DATA["title_links"]}
_RETYPABLE = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
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


_PLACE_VERBS = {"be", "locate", "situate", "lie", "sit"}     # "X is a city", "X is located on ..."


def _marked_as_named_thing(doc: Doc, g: Group, subjects: bool = True) -> bool:
    """True when some mention has a title, an honorific, its own "the" in front ("the X", not "the X
    border"), or (with ``subjects``) is the subject of a verb other than "be" / "be located"."""
    for c in g.cands:
        if c.person_evidence or c.title_start is not None:
            return True
        r = _root(doc, c)
        if c.start > 0 and doc[c.start - 1].lower_ in DETERMINERS and doc[c.start - 1].head.i == r.i:
            return True
        if subjects and r.dep_ in _SUBJECTS and r.head.lemma_.lower() not in _PLACE_VERBS:
            return True
    return False


def _acting_major_place(doc: Doc, k: str, g: Group) -> bool:
    """True for a major place typed a person and written where a place stands at least once: a city or a
    country is the subject of many verbs ("Birmingham has been battling unemployment", "was rebuilt")."""
    return g.label == "PERSON" and is_major_place(k) and any(_place_context(doc, c) or _of_place_noun(doc, c)
                                                             for c in g.cands)


def _person_words(groups: Groups) -> set[str]:
    """The words of the names of people named in full."""
    return {w for k, g in groups.items() if g.label == "PERSON" and " " in k for w in k.split()}


def _place_name(doc: Doc, k: str, g: Group) -> bool:
    """True for a known place, or a country's subdivision that the article never writes in lowercase; never a
    name-type word on its own ("Hurricane" cut from "Hurricane Hunters" is no town of Utah)."""
    first = g.cands[0]
    if k in NOT_PERSON_WORDS:
        return False
    return is_known_place(k) or is_subdivision(doc[first.start:first.end].text) and not _written_lowercase(doc, k)


def _of_place_noun(doc: Doc, c: Candidate) -> bool:
    """True for "the town of X", "the state of X": the object of "of" after a lowercase place noun."""
    r = _root(doc, c)
    return r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.is_lower and r.head.head.lower_ in APPOS_PLACE


def _mostly_place_contexts(doc: Doc, g: Group) -> bool:
    """True when at least half the group's names stand where a place stands ("in X", "from X to Y", "the state
    of X"): a known place typed PERSON may be named once as a possessor or a modifier too ("X's government");
    never a name after a title or an honorific ("President X")."""
    if any(c.start > 0 and (doc[c.start - 1].lower_ in TITLES or doc[c.start - 1].lower_ in HONORIFICS)
           for c in g.cands):
        return False      # "President X", "Mr X": a person whatever the gazetteer says
    places = sum(_place_context(doc, c) or _of_place_noun(doc, c) for c in g.cands)
    return 2 * places >= len(g.cands)


def label_known_places(ctx: Context, groups: Groups) -> None:
    """A known place name labelled an organisation or person, with nothing marking it as one, is a place; so is one
    labelled a group of people that is no nationality word ("New Rochelle and Yonkers", "the bombing of Aleppo")."""
    doc = ctx.doc
    person_words = _person_words(groups)
    for k, g in groups.items():
        if g.label not in _RETYPABLE | {"NORP"} or g.country or not _place_name(doc, k, g) or k.split()[-1] in HEADS \
                or g.label == "NORP" and k in ADJECTIVES:
            continue
        first = doc[g.cands[0].start]
        if not is_cap(first) or is_given_name(first.text) or set(k.split()) & person_words \
                or first.text.isupper() and len(first) > 1:      # "UN", "OSU": acronyms of organisations
            continue
        if _marked_as_named_thing(doc, g, subjects=not _acting_major_place(doc, k, g)):
            continue
        if g.label == "PERSON" and not is_major_place(k) and not _mostly_place_contexts(doc, g):
            continue
        g.label = "GPE"


def label_states_and_towns(ctx: Context, groups: Groups) -> None:
    """A "location" that a gazetteer knows as a country or US state ("Rhode Island"), a country's subdivision or a
    town of two words or more ("New South Wales", "South Bend", "Vatican City"), or a major city ("Christchurch")
    is a political place (GPE); continents, natural features ("the Kilauea volcano", a head word such as "Sea")
    and one-word small towns stay ("Jupiter", "Andes" and "Pool" are also small towns or provinces); a continent
    typed GPE is a location ("Asia", "Antarctica")."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label == "GPE" and is_continent(k):
            g.label = "LOC"
        if g.label != "LOC" or is_continent(k) or any(c.place_evidence for c in g.cands):
            continue
        first = g.cands[0]
        if is_region(k) or k.split()[-1] not in LOC_HEADS and (is_major_place(k) or " " in k and (
                is_known_place(k) or is_subdivision(doc[first.start:first.end].text))):
            g.label = "GPE"


def _town_context(doc: Doc, c: Candidate) -> bool:
    """True for a name that is the whole object of a town preposition ("killed in Maidan Shahr.", "a flat in
    La Llagosta, killing"): not a possessor, not a modifier of a noun after it, not a case name ("in Brown v.
    Board"), no capitalised word right after it."""
    r = _root(doc, c)
    prep = r.head
    if not (r.dep_ == "pobj" and prep.i == c.start - 1
            and (prep.lower_ in TOWN_PREPS or prep.lower_ in NOUN_TOWN_PREPS and prep.head.pos_ in ("NOUN", "PROPN"))):
        return False
    nxt = doc[c.end] if c.end < len(doc) else None
    return nxt is None or not (nxt.tag_ == "POS" or is_cap(nxt) or nxt.lower_.rstrip(".") in CASE_LINKS)


def label_unknown_towns(ctx: Context, groups: Groups) -> None:
    """A "person" no gazetteer knows whose every name stands right after "in" ("a car bomb in Maidan Shahr", "a
    fire in La Llagosta"), with nothing marking it as a person (title, honorific, "the", a subject of a verb, a
    person named in full with its word) and no known given name first, is a place: news writes people "in"
    only as possessors ("in Smith's view") or modifiers ("in Marvel film")."""
    doc = ctx.doc
    named = Counter(w for o, h in groups.items() if h.label == "PERSON" and " " in o for w in set(o.split()))
    for k, g in groups.items():
        own = set(k.split()) if " " in k else set()          # a full name's own words do not count
        if g.label != "PERSON" or g.country or g.extra or is_known_place(k) \
                or any(named[w] > (w in own) for w in k.split()):
            continue
        if not _could_be_a_town(doc, g):
            continue
        if all(_town_context(doc, c) for c in g.cands):
            g.label = "GPE"


def _could_be_a_town(doc: Doc, g) -> bool:
    """A group whose first word reads as a town's: capitalised, not an acronym, no given name, and nothing marking
    the group as a named thing (a title, honorific, "the", the subject of a verb)."""
    first = doc[g.cands[0].start]
    return is_cap(first) and not first.text.isupper() and not is_given_name(first.text) \
        and not _marked_as_named_thing(doc, g)


def _in_town_before_region(doc: Doc, c: Candidate) -> bool:
    """True for "in X, Region" / "near X, Region": the whole object of a town preposition, followed by a comma and
    a country, a US state or a state's abbreviation that spaCy tagged as a place ("a bombing in Mindanao,
    Philippines", "executed in Recine, Wis.")."""
    r = _root(doc, c)
    return r.dep_ == "pobj" and r.head.i == c.start - 1 and r.head.lower_ in TOWN_PREPS \
        and c.end + 1 < len(doc) and doc[c.end].text == "," and region_at(doc, c.end + 1)


def label_towns_before_region(ctx: Context, groups: Groups) -> None:
    """An "organisation" or "person" named once as "in X, Region" ("a crash in Windsor Locks, Connecticut", "a
    bombing in Mindanao, Philippines") is a town: no head word ("in Christchurch District Court, New
    Zealand"), no given name first, nothing marking it as a named thing (a title, honorific, "the", the subject of
    a verb) and no word of a person named in full; spaCy types unknown towns as organisations as often as people,
    and the region after the comma names where the town is."""
    doc = ctx.doc
    person_words = _person_words(groups)
    for k, g in groups.items():
        if g.label not in ("ORG", "PERSON") or g.country or k.split()[-1] in HEADS or set(k.split()) & person_words:
            continue
        if not _could_be_a_town(doc, g):
            continue
        if any(_in_town_before_region(doc, c) for c in g.cands):
            g.label = "GPE"


def label_places_after_place_nouns(ctx: Context, groups: Groups) -> None:
    """A name written as "the town of X", "the Greek island of X", "the electoral district of X" is a place,
    whatever spaCy typed it ("the town of Gonzales" PERSON, "the island of Funen" ORG, "the island of Rapa Nui"
    NORP) and whether or not a gazetteer knows it: the lowercase place noun says what X is. Not after "a" ("a
    state of Peace and Security"), nor after nouns of someone's place ("the homeland of", "the birthplace of":
    `owned_place_nouns`), nor for X with its own "the" ("the homeland of the Jóola"), a title, an honorific, a
    word of another person named in full, or a name of two words or more led by a given name."""
    doc = ctx.doc
    named = Counter(w for o, h in groups.items() if h.label == "PERSON" and " " in o for w in set(o.split()))
    for k, g in groups.items():
        own = set(k.split()) if " " in k else set()          # a full name's own words do not count
        if g.label not in _RETYPABLE | {"NORP"} or g.country or any(named[w] > (w in own) for w in k.split()):
            continue
        if own and is_given_name(doc[g.cands[0].start].text) \
                or any(c.person_evidence or c.title_start is not None for c in g.cands):
            continue      # "George Washington" with "the state of Washington" among its names stays a person
        if any(_after_place_noun(doc, c) for c in g.cands):
            g.label = "GPE"


def _after_place_noun(doc: Doc, c: Candidate) -> bool:
    """True for a name that is the whole object of "of" right after a lowercase place noun that is no "a" noun
    ("the town of X", "the main island of X", "the village of X"; not "a state of X", "the homeland of X")."""
    if c.start < 2 or doc[c.start - 1].lower_ != "of" or not _of_place_noun(doc, c):
        return False
    noun = doc[c.start - 2]
    if not noun.is_lower or noun.lower_ not in APPOS_PLACE or noun.lower_ in OWNED_PLACE_NOUNS:
        return False
    return not any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in noun.children)


_CAMEL = re.compile(r"[a-z][A-Z]")
_GLUED_PREFIXES = ("mc", "mac", "o'")     # Gaelic surnames: "McDonald", "MacArthur", "O'Neil"


def _camel_case(word: str) -> bool:
    """True for one word with a capital inside it after a small letter ("OpenAI", "VisaCuba"), as
    companies and products write their names; not surnames with a glued prefix or particle
    ("McDonald", "DeJesus", "LeBron")."""
    if not _CAMEL.search(word) or not word[:1].isupper():
        return False
    low = word.lower()
    glued = _GLUED_PREFIXES + tuple(surname_particles())
    return not any(low.startswith(p) and word[len(p):len(p) + 1].isupper() for p in glued)


def _after_honorific(doc: Doc, c: Candidate) -> bool:
    return c.start > 0 and doc[c.start - 1].lower_ in HONORIFICS


def label_camel_case_names(ctx: Context, groups: Groups) -> None:
    """A one-word "person" or "place" written in camel case ("OpenAI", "VisaCuba"), with no honorific
    or title ("Mr. CreepyPasta" stays), is an organisation."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label in {"PERSON"} | PLACE_TYPES and " " not in k and not g.country and not is_known_place(k) \
                and all(c.end - c.start == 1 and _camel_case(doc[c.start].text) and not c.person_evidence
                        and c.title_start is None and not _after_honorific(doc, c) for c in g.cands):
            g.label = "ORG"


_KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}


def _kinds_by_root(doc: Doc, groups: Groups) -> dict[int, str]:
    """The kind (``_KINDS``) of the name each token heads, as the groups are labelled now."""
    return {doc[c.start:c.end].root.i: _KINDS[g.label] for g in groups.values() if g.label in _KINDS for c in g.cands}


def _list_kind(doc: Doc, c: Candidate, kind_at: dict[int, str]) -> str | None:
    """The one kind (person, organisation, place) of the other named items of a list the mention
    is in, when there are at least two of them and they all agree."""
    r = _root(doc, c)
    kinds = [kind_at.get(t.i) for t in r.conjuncts if not c.start <= t.i < c.end]
    kinds = [k for k in kinds if k is not None]
    return kinds[0] if len(kinds) >= 2 and len(set(kinds)) == 1 else None


def _may_be(doc: Doc, k: str, g: Group, kind: str) -> bool:
    """Whether a name may be relabelled ``kind``: all its words capitalised, no head word ("Time
    Magazine"), no nationality in it ("Afghan Taliban"), no known place made a person, no given name
    made a place unless a known place."""
    words = k.split()
    if not all(is_cap(t) for t in doc[g.cands[0].start:g.cands[0].end] if t.is_alpha) \
            or set(words) & (HEADS | ADJECTIVES):
        return False
    if kind == "PERSON":
        return not is_known_place(k)
    return kind != "GPE" or is_known_place(k) or not is_given_name(doc[g.cands[0].start].text)


def label_list_items(ctx: Context, groups: Groups) -> None:
    """A name listed only among names of one other kind ("Benin, Namibia, Liechtenstein and
    Serbia"; "Tempe, Chandler and Gilbert") is of that kind: people, organisations or places."""
    doc = ctx.doc
    kind_at = _kinds_by_root(doc, groups)
    for k, g in groups.items():
        if g.label not in _KINDS or g.country or any(c.person_evidence or c.title_start is not None for c in g.cands):
            continue
        kinds = {_list_kind(doc, c, kind_at) for c in g.cands}
        new = kinds.pop() if len(kinds) == 1 else None
        if new is not None and new != _KINDS[g.label] and _may_be(doc, k, g, new):
            g.label = new


def _given_name_only(doc: Doc, k: str, g: Group) -> bool:
    """True for a one-word titlecase name that is a known given name and no known place or country."""
    first = doc[g.cands[0].start]
    return " " not in k and not g.country and not is_known_place(k) and first.is_title \
        and all(c.key == k and c.end - c.start == 1 for c in g.cands) and is_given_name(first.text)


def label_given_names(ctx: Context, groups: Groups) -> None:
    """A one-word "place" that is a known given name and no known place ("Rebecca", "Nathan"), never
    where a place stands ("in X", "from X", "X, Region") nor in a list of places, is a person."""
    doc = ctx.doc
    kind_at = _kinds_by_root(doc, groups)
    for k, g in groups.items():
        if g.label in PLACE_TYPES and _given_name_only(doc, k, g) \
                and not any(_place_context(doc, c) or _list_kind(doc, c, kind_at) == "GPE" for c in g.cands):
            g.label = "PERSON"


_HE_SHE = {"he", "she"}


def _followed_by_he_or_she(doc: Doc, c: Candidate, person_starts: set[int]) -> bool:
    """True when the mention is a subject and the next subject in the text, within its sentence or
    the next one, is "he" or "she" with no person named between."""
    if _root(doc, c).dep_ not in _SUBJECTS:
        return False
    sent_end = doc[c.start].sent.end
    stop = doc[sent_end].sent.end if sent_end < len(doc) else sent_end
    for t in doc[c.end:stop]:
        if t.i in person_starts:
            return False
        if t.dep_ in _SUBJECTS:
            return t.lower_ in _HE_SHE
    return False


def label_people_by_pronoun(ctx: Context, groups: Groups) -> None:
    """A one-word "organisation" (titlecase: no acronym, no "eBay"; no head word) named more than
    once, as the subject of a clause whose next subject is "he" or "she" ("Holt batted ... He was
    named") twice, or once when spaCy labelled the name a person somewhere, is a person (one "he"
    after a company's name is more often someone else: "Amazon bought it. He said ...")."""
    doc = ctx.doc
    person_starts = {c.start for g in groups.values() if g.label == "PERSON" for c in g.cands}
    for k, g in groups.items():
        if g.label != "ORG" or " " in k or k in HEADS or not doc[g.cands[0].start].is_title or len(g.cands) < 2:
            continue
        followed = sum(_followed_by_he_or_she(doc, c, person_starts) for c in g.cands)
        if followed >= 2 or followed and any(c.label == "PERSON" for c in g.cands):
            g.label = "PERSON"


_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_DATED = {"DATE", "TIME"}


def _held(doc: Doc, c: Candidate) -> bool:
    """True where a meeting's name stands for the meeting itself: the object of a preposition of time or place
    ("at the X Convention", "during", "after", "until", "ahead of") or of "of" after a time ("the opening night of",
    "the first day of"), dated by a year ("the 1972 X Convention", "2020 X Convention"), said to be planned or held
    (``gathering_verbs``: "the planned X Convention", "X Convention scheduled for July 11", "cancelled the X
    Convention", "X Convention was held"), or followed by its date or its town ("X Convention on the last weekend
    of July", "X Convention in Buxton")."""
    r = _root(doc, c)
    if r.dep_ == "pobj" and r.head.lower_ in GATHERING_PREPS:
        return True
    before_of = r.head.head if r.dep_ == "pobj" and r.head.lower_ == "of" else None
    if before_of is not None and (before_of.ent_type_ in _DATED or before_of.lower_ in GATHERING_PREPS):
        return True       # "the opening night of", "the first day of", "ahead of" the X Convention
    if any(_YEAR.match(t.text) for t in doc[max(c.start - 1, 0):c.start + 1]):
        return True
    if any(t.dep_ in ("amod", "acl") and t.lemma_.lower() in GATHERING_VERBS for t in r.children) \
            or r.dep_ in ("dobj", "nsubjpass") and r.head.lemma_.lower() in GATHERING_VERBS:
        return True       # "the planned X Convention", "X Convention scheduled for", "cancelled / was held"
    if c.end + 1 < len(doc) and doc[c.end].lower_ in ("in", "on"):
        return any(t.dep_ == "pobj" and (t.ent_type_ in _DATED or t.ent_type_ == "GPE") for t in doc[c.end].children)
    return c.end < len(doc) and doc[c.end].ent_type_ in _DATED and doc[c.end].ent_iob_ == "B"


def label_held_gatherings(ctx: Context, groups: Groups) -> None:
    """"the Democratic National Convention", "the Texas Haunters Convention": a capitalised name headed by a
    meeting noun (``gathering_heads``) that the article places in time or at a place somewhere (``_held``: "at the
    X Convention", "the 2020 X Convention", "X Convention in Cleveland") names the meeting, an event. Never placed,
    it may be the body that meets or the movement it names ("the call for a National Convention", "the Coloured
    Convention movement"): the label stays. News names a treaty "Convention on ..." / "Geneva Convention": spaCy's
    LAW and EVENT labels are left as they are."""
    doc = ctx.doc
    for k, g in groups.items():
        if g.label in ("ORG", "FAC", "GPE") and " " in k and k.split()[-1] in GATHERING_HEADS \
                and any(_held(doc, c) for c in g.cands):
            g.label = "EVENT"


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


_REPORT_TAGS = {"VBD", "VBZ", "VBP"}     # "X reported", "X reports": active, finite


def _outlet_cue(doc: Doc, c: Candidate) -> bool:
    """True where a news outlet stands: the subject of an active "reported" ("Politico reported"), or the
    object of "according to" ("according to Rudaw")."""
    r = _root(doc, c)
    return r.dep_ == "nsubj" and r.head.lemma_.lower() == "report" and r.head.tag_ in _REPORT_TAGS


def _person_cue(doc: Doc, c: Candidate, person_starts: set[int]) -> bool:
    """True for a mention marked as a person's: an honorific, title or role ("editor X"), "X said", the next
    subject "he"/"she", or a person's name shape: a given name (no surname particle, place or head word) and more
    ("Kelly Dittmar"; not "Al Jazeera", "Manila Bulletin", "Herald Sun")."""
    first = doc[c.start]
    if c.end - c.start > 1 and is_given_name(first.text) and first.lower_ not in surname_particles() \
            and not is_major_place(first.lower_) and first.lower_ not in HEADS:
        return True
    return c.person_evidence or c.title_start is not None or _speaks(doc, c) and not _outlet_cue(doc, c) \
        or _followed_by_he_or_she(doc, c, person_starts) or role(doc, c) is not None


def label_outlets(ctx: Context, groups: Groups) -> None:
    """A "person" named where an outlet stands ("Al Jazeera reported that ...", "according to Rudaw"), never
    marked as a person (no honorific or title, never "X said", no "he"/"she" after it) and no word of a person
    named in full, is an organisation: news reports what outlets report, people "say"."""
    doc = ctx.doc
    person_starts = {c.start for g in groups.values() if g.label == "PERSON" for c in g.cands}
    for k, g in groups.items():
        if g.label != "PERSON" or not any(_outlet_cue(doc, c) for c in g.cands):
            continue
        others = _person_words({k2: g2 for k2, g2 in groups.items() if k2 != k})
        if set(k.split()) & others or any(_person_cue(doc, c, person_starts) for c in g.cands):
            continue
        g.label = "ORG"


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


def _nested_place(groups: Groups, folded: str, first: Token, major: bool, leading: bool = False) -> str | None:
    """The key of the place a folded inner name names: a place of the article, a country, a known
    place that is no given name and no word the article also writes in lowercase ("Federal" of
    "Federal Register" ... "federal law"), or a major one after "of" ("University of Paris") or
    leading an organisation's name (``leading``: "Houston Astros", "Cleveland Browns"; a one-word town
    that is not major leads only a school's name, ``_before_school_head``); only a major one when
    ``major`` (inside a place's or a work's name)."""
    g = groups.get(folded)
    if g is not None and not major:
        return folded if g.label in ("GPE", "LOC") else None
    if major:
        return folded if folded in COUNTRY or is_major_place(folded) else None
    if leading and " " not in folded and folded not in COUNTRY and not is_major_place(folded) \
            and not _before_school_head(first):
        return None  # "Federal Aviation Administration", "Green Party", "Hurricane Maria", "Peabody Energy"
    after_of = leading or first.i > 0 and first.doc[first.i - 1].lower_ == "of"
    if folded in COUNTRY or is_known_place(folded) \
            and (not is_given_name(first.text) or after_of and is_major_place(folded)) \
            and not set(folded.split()) & HEADS and not _written_lowercase(first.doc, folded):
        return folded
    return None


def _before_school_head(first: Token) -> bool:
    """A town leads a school's name ("Princeton University", "Stephenville High School") or a region's ("Nassau
    County"); a word that leads any other name and is also some small town's name is rarely that town: "Federal
    Reserve", "Green Party", "Hurricane Maria", "Peabody Energy", "Hyde Park"."""
    return any(t.lower_ in SCHOOL_HEADS or t.lower_ in PLACE_DESIGNATORS for t in first.doc[first.i + 1:first.i + 3])


def _written_lowercase(doc: Doc, folded: str) -> bool:
    """True for a one-word name that the article also writes in lowercase, as a common word."""
    return " " not in folded and folded in word_set(doc)


def _place_of(doc: Doc, a: int, b: int, c: Candidate) -> bool:
    """True for an inner name after "of" that ends the name ("Horn of Africa"), or before a final
    "City" ("Mexico City")."""
    return b == c.end and a > c.start and doc[a - 1].lower_ == "of" \
        or b == c.end - 1 and a == c.start and doc[b].lower_ == "city"


_INNER_LINKS = {"of", ",", "at", "in"}


def _linked_inside(doc: Doc, a: int, b: int, c: Candidate) -> bool:
    """True for an inner name that leads the longer name ("Boston Red Sox"), follows "of", "at", "in" or a
    comma in it ("University of Michigan", "University of California, Berkeley") or ends it as a country or a
    major place ("Fan Expo Canada"); not one that merely sits inside it ("Modern Olympic Games", "Jack London
    Square") or ends it as another place's name ("Pittsburgh Pirates", "Club Med")."""
    if a == c.start or doc[a - 1].lower_ in _INNER_LINKS:
        return True
    folded = fold(doc[a:b].text)
    return folded in COUNTRY or is_major_place(folded)


_COMMON_NAME_WORDS = HEADS | ADJECTIVES | COUNTRY.keys()  # head words, nationalities, countries: no person's name
_CONTAINERS = {"ORG", "FAC", "EVENT"}
_MAJOR_CONTAINERS = {"GPE", "LOC", "WORK_OF_ART", "PRODUCT", "LAW"}   # hold only major places
_LEADING_GUARDED = {"ORG", "EVENT"}     # a small town's name leading them is rarely that town ("Hurricane Maria")


def add_nested_places(ctx: Context, groups: Groups) -> None:
    """A place named inside an organisation's, venue's or event's name ("University of Michigan",
    "Volgograd Arena", "Fan Expo Canada") is a mention of that place; in a work's, product's or law's name only a
    major place after "of" ("Horn of Africa"), and a major place that leads a law's name ("the United States
    Constitution", "the Paris Agreement": the law of that place)."""
    from .records import Candidate, Group, TokenMention

    doc = ctx.doc
    taken = {(c.start, c.end) for g in groups.values() for c in g.cands}
    for k, g in list(groups.items()):
        if g.label not in _CONTAINERS | _MAJOR_CONTAINERS:
            continue
        for c in [c for c in g.cands if c.end - c.start >= 2]:
            used: set[int] = set()
            for a, b in _inner_spans(doc, c):
                if used & set(range(a, b)) or (a, b) in taken or not _linked_inside(doc, a, b, c) \
                        or g.label in _MAJOR_CONTAINERS and not _place_of(doc, a, b, c) \
                        and not (g.label == "LAW" and a == c.start):
                    continue
                key = _nested_place(groups, fold(doc[a:b].text), doc[a], g.label in _MAJOR_CONTAINERS,
                                    leading=a == c.start and g.label in _LEADING_GUARDED)
                if key is None or key == k:
                    continue
                used.update(range(a, b))
                if key not in groups:
                    groups[key] = Group(cands=[Candidate(a, b, "GPE", key=key)], label="GPE",
                                        country=COUNTRY.get(key))
                else:
                    groups[key].extra.append(TokenMention(a, b, "name"))


def _eponym(doc: Doc, c: Candidate, groups: Groups, words: frozenset[str]) -> int | None:
    """The end of a person's name leading a longer name before an eponym head word ("Croucher
    Foundation", "Nobel Prize", "Hewlett Foundation"): a titlecase proper noun, or two or three led
    by a given name, none a head word, title, nationality or country, no known place, no name of an
    organisation or place of the article, none a word the article writes in lowercase."""
    last = doc[c.end - 1]
    if c.end - c.start < 2 or last.lower_ not in EPONYM_HEADS or any(t.is_lower for t in doc[c.start:c.end]) \
            or c.start > 1 and doc[c.start - 1].pos_ in ("ADP", "CCONJ") and doc[c.start - 2].is_title:
        return None         # "Cinema for Peace Foundation", "Free and Equal Elections Foundation": no eponym
    e = c.start
    while e < c.end - 1 and doc[e].pos_ == "PROPN" and doc[e].is_title and doc[e].text.isalpha() \
            and doc[e].lower_ not in _COMMON_NAME_WORDS and doc[e].lower_ not in TITLES and doc[e].lower_ not in words:
        e += 1
    if not 1 <= e - c.start <= 3 or e - c.start > 1 and not is_given_name(doc[c.start].text):
        return None
    folded = fold(doc[c.start:e].text)
    if folded in groups and groups[folded].label != "PERSON" or is_known_place(folded):
        return None
    return e


def add_nested_people(ctx: Context, groups: Groups) -> None:
    """A person named at the front of an institution's, prize's or building's name ("Croucher
    Foundation", "Nobel Peace Prize") is a mention of that person."""
    from .records import Candidate, Group, TokenMention

    doc = ctx.doc
    words = word_set(doc)  # an alphabetic word in it as its lowercase form: written in lowercase
    for g in list(groups.values()):
        if g.label not in _CONTAINERS | _MAJOR_CONTAINERS:
            continue
        for c in g.cands:
            e = _eponym(doc, c, groups, words)
            if e is None:
                continue
            key = fold(doc[c.start:e].text)
            if key not in groups:
                groups[key] = Group(cands=[Candidate(c.start, e, "PERSON", key=key)], label="PERSON")
            else:
                groups[key].extra.append(TokenMention(c.start, e, "name"))


_ORGANISED = {"EVENT", "WORK_OF_ART"}     # an event's or an award's or a show's name: "FIFA World Cup", "BAFTA Award"


def _leading_acronym(doc: Doc, c: Candidate, words: frozenset[str]) -> bool:
    """True for an acronym of two to six capitals leading a longer name before a capitalised word ("FIFA World
    Cup", "PGA Championship", "MTV Video Music Awards"), no country or known place ("US Constitution"), no word
    the article writes in lowercase nor a word the tagger reads as one ("LAST Thing ..."), not before a number
    ("HTML 5")."""
    first = doc[c.start]
    return c.end - c.start >= 2 and first.text.isupper() and first.text.isalpha() and 2 <= len(first) <= 6 \
        and first.pos_ == "PROPN" \
        and doc[c.start + 1].is_title and doc[c.start + 1].is_alpha and first.lower_ not in words \
        and fold(first.text) not in COUNTRY and not is_known_place(fold(first.text))


def add_leading_acronyms(ctx: Context, groups: Groups) -> None:
    """An acronym leading an event's, award's or show's name ("FIFA World Cup", "BAFTA Award for Best Actress",
    "PBS NewsHour") names the organisation behind it: a mention of that organisation, or of the one organisation
    the article spells out with those initials (eighteenth session)."""
    from .records import Candidate, Group, TokenMention

    doc = ctx.doc
    words = word_set(doc)
    initials = initials_of(doc, groups)
    for g in list(groups.values()):
        if g.label not in _ORGANISED:
            continue
        for c in g.cands:
            if not _leading_acronym(doc, c, words):
                continue
            key = fold(doc[c.start].text)
            spelt = [k for k in initials.get(key, []) if groups[k].label == "ORG"]
            if key not in groups and len(spelt) == 1:
                key = spelt[0]       # "the American Independent Party (AIP) ... the AIP California Primary"
            if key not in groups:
                groups[key] = Group(cands=[Candidate(c.start, c.start + 1, "ORG", key=key)], label="ORG")
            elif groups[key].label == "ORG":
                groups[key].extra.append(TokenMention(c.start, c.start + 1, "name"))


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


def _drop_where(groups: Groups, dropped: Callable[[str, Group], bool]) -> None:
    """Remove every group for which ``dropped(key, group)`` holds."""
    for k in [k for k, g in groups.items() if dropped(k, g)]:
        del groups[k]


def drop_common_words(ctx: Context, groups: Groups) -> None:
    """A one-word "name" that the same article also writes in lowercase ("Mom" and "mom",
    "Linguistics" and "linguistics"), or that is never parsed as a proper noun ("Scriptures",
    "Browsing"), is a common word capitalised at the start of a sentence, in a heading or for
    emphasis, no entity; head words ("the Court"), acronyms, known places, given names and people
    who speak stay."""
    doc = ctx.doc
    words = word_set(doc)
    _drop_where(groups, lambda k, g: _common_word(doc, k, g, words))


def _title_tail(doc: Doc, start: int) -> bool:
    """True when the word at ``start`` ends a capitalised title joined by small words: "Game of
    [Thrones]", "Pride and [Prejudice]", "Order of the [Sun]" (the word before the small words
    capitalised, no function word, job title, plural (members of a body) or name spaCy tagged: not
    "In the House", "Chairman of Google", "Members of the House", "Tiffany and Bosco", "the Tatars in
    the Crimea")."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _TITLE_LINKS and doc[i].is_lower and start - i <= 2:
        i -= 1
    return start - i >= 2 and i >= 0 and doc[i].is_title and doc[i].is_alpha and not doc[i].is_stop \
        and doc[i].lower_ not in TITLES and not doc[i].ent_type_ and doc[i].tag_ not in ("NNS", "NNPS")


def drop_title_tails(ctx: Context, groups: Groups) -> None:
    """A one-word "organisation" (titlecase, no known place, head word or country) whose every
    mention ends a capitalised title joined by small words (``_title_tail``) is the last word of
    a work's or a place's name that spaCy cut short, no organisation of its own."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: _title_tail_org(doc, k, g))


def _title_tail_org(doc: Doc, k: str, g: Group) -> bool:
    """True for a one-word organisation, no head word, country or known place, every mention of which
    is one capitalised word ending a title (``_title_tail``)."""
    return (g.label == "ORG" and " " not in k and not g.country and k not in HEADS and not is_known_place(k)
            and doc[g.cands[0].start].is_title and not g.extra
            and all(c.end - c.start == 1 and _title_tail(doc, c.start) for c in g.cands))


_PROSE_TOKENS = 8     # a line this long after a one-word line makes that line a heading
_DETACHED_DEPS = {"ROOT", "npadvmod", "intj", "discourse"}


def _detached(doc: Doc, start: int, end: int) -> bool:
    """True for a one-word mention that opens its sentence and stands apart from it: the whole
    sentence ("Hmm?", "Howdy!") or the word before a comma ("Nah, I'm kidding")."""
    t = doc[start]
    if end - start != 1 or not t.is_sent_start or t.i + 1 >= len(doc):
        return False
    nxt = doc[t.i + 1]
    line = nxt.is_punct and (t.i + 2 >= len(doc) or doc[t.i + 2].is_space and "\n" in doc[t.i + 2].text)
    if line:                    # "Hmm?" on a line of its own, however it was parsed
        return True
    if t.dep_ not in _DETACHED_DEPS:
        return False
    alone = nxt.is_punct and (t.i + 2 >= len(doc) or doc[t.i + 2].is_sent_start or doc[t.i + 2].is_space)
    return alone or nxt.text == "," and t.dep_ != "ROOT"    # "Dakoda, a cat.": a name with its appositive


def _known_word(doc: Doc, k: str, g: Group) -> bool:
    """True for a one-word name that names something known: a given name, a known place or an acronym."""
    word = doc[g.cands[0].start].text
    return is_given_name(word) or is_known_place(k) or word.isupper()


def _interjection(doc: Doc, k: str, g: Group) -> bool:
    """True for a one-word "person" whose every mention stands apart at the start of its sentence,
    and that is no given name, known place or speaker."""
    if " " in k or g.label != "PERSON" or g.country:
        return False
    if any(c.person_evidence or c.title_start is not None for c in g.cands):
        return False
    return not _known_word(doc, k, g) and all(_detached(doc, s, e) for s, e in g.spans())


def drop_interjections(ctx: Context, groups: Groups) -> None:
    """A one-word "person" that only ever stands apart at the start of a sentence ("Hmm?", "Nah,
    ...", "Howdy!"), and that the given-name list and the gazetteer do not know, is an interjection
    or a greeting that spaCy tagged a proper noun, no person (a called name, "Steve!", is a known
    given name and stays)."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: _interjection(doc, k, g))


def _heading(doc: Doc, start: int, end: int) -> bool:
    """True for a one-word mention that is a line of its own with no punctuation, followed by a
    paragraph of prose ("Understand", "Abstract"; not a caption in a list of short lines)."""
    if end - start != 1 or end + 1 >= len(doc):
        return False
    before = start == 0 or "\n" in doc[start - 1].text or doc[start - 1].text_with_ws.endswith("\n")
    if not (before and doc[end].is_space and "\n" in doc[end].text):
        return False
    line = 0
    for t in doc[end + 1:end + 1 + _PROSE_TOKENS]:
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        line += 1
    return line >= _PROSE_TOKENS - 1


def _one_word_heading(doc: Doc, k: str, g: Group) -> bool:
    """True for a one-word name, no given name, known place, country, nationality, head word or
    acronym, that only ever stands as a heading of its own."""
    if " " in k or g.country or g.label == "NORP" or k in COUNTRY or k in ADJECTIVES or k in HEADS:
        return False
    return not _known_word(doc, k, g) and all(_heading(doc, s, e) for s, e in g.spans())


def drop_one_word_headings(ctx: Context, groups: Groups) -> None:
    """A one-word "name" that only ever stands alone on its line ("Understand", "Tips", "Abstract":
    the section headings of guides and papers) is a heading, no entity; known places, given
    names and acronyms stay."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: _one_word_heading(doc, k, g))


def drop_bare_honorifics(ctx: Context, groups: Groups) -> None:
    """A "person" that is only an honorific ("she was made a Dame", "Mlle" as a heading) names no one."""
    _drop_where(groups, lambda k, g: g.label == "PERSON" and k in HONORIFICS)


def _counted(doc: Doc, start: int, end: int) -> bool:
    """True for a one-word acronym that a cardinal number in front counts: "5000 BCE", "25 DKK", "three RBI"
    (not a number after it: "Washington, D.C. 20515")."""
    word = doc[start].text.replace(".", "")
    if end - start != 1 or not (word.isupper() and word.isalpha() and 2 <= len(word) <= 5):
        return False
    return any(ch.dep_ == "nummod" and ch.tag_ == "CD" and ch.i < start for ch in doc[start].children)


_COMMON_NOUN_DETERMINERS = frozenset(DATA["common_noun_determiners"])


def _determined_acronym(doc: Doc, start: int, end: int) -> bool:
    """True for a one-word acronym that heads a noun phrase with an indefinite article or a
    possessive pronoun: "an ATM", "your GPA", "my IM" (not "the FBI", nor "a NASA scientist", where the
    acronym modifies a noun)."""
    t = doc[start]
    word = t.text.replace(".", "").rstrip("s")
    if end - start != 1 or not (word.isupper() and word.isalpha() and 2 <= len(word) <= 5) \
            or t.dep_ in ("compound", "nmod", "amod", "poss"):
        return False
    return any(ch.i < start and ch.lower_ in _COMMON_NOUN_DETERMINERS and ch.dep_ in ("det", "poss")
               for ch in t.children)


def drop_determined_acronyms(ctx: Context, groups: Groups) -> None:
    """An acronym that an indefinite article or a possessive pronoun introduces ("an ATM", "your GPA",
    "an MVP") is a common noun, no organisation, person or place: names of organisations take "the" or
    nothing. Not a law the acronym joined ("the Trans-Pacific Partnership (TPP) ... the possible benefits of a
    TPP": "a TPP" is a deal of that name, and the law's spelt-out name would go with it)."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: not g.country and g.label != "LAW"
                and any(_determined_acronym(doc, s, e) for s, e in g.spans()))


_ERA_MARKERS = frozenset(DATA["era_markers"])
_ERA_COUNTED_NOUNS = frozenset(DATA["era_counted_nouns"])
_YEAR_END = re.compile(r"\d+s?$")     # "3000", "500s", "mid-500s"


def _era_marker(doc: Doc, start: int, end: int) -> bool:
    """True for a one-word era abbreviation right after a year or "century" ("in 3000 BC", "the
    mid-500s B.C.", "the fifth century BC"), where spaCy made the era no number's dependant."""
    if end - start != 1 or start == 0 or doc[start].lower_ not in _ERA_MARKERS or not doc[start].text[:1].isupper():
        return False
    before = doc[start - 1]
    return _YEAR_END.search(before.text) is not None or before.lower_ in _ERA_COUNTED_NOUNS


def drop_counted_acronyms(ctx: Context, groups: Groups) -> None:
    """An acronym that numbers count in most of its mentions ("5000 BCE", "25 CUC", "3 RBI") is an
    era, a currency or a unit, no organisation, person or place ("the 2012 NFL season": the year
    counts the season, not the NFL); so is an era after a year or a century ("the fifth century BC")."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: not g.country
                and 2 * sum(_counted(doc, s, e) or _era_marker(doc, s, e) for s, e in g.spans()) > len(g.spans()))


_LICENCE_PARTS = frozenset(DATA["licence_code_parts"])
_LICENCE_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")


def _licence_code(doc: Doc, start: int, end: int) -> bool:
    """True when the span is a Creative Commons licence code: "CC" and then licence parts and a
    version ("CC BY-SA 4.0", "CC-BY-SA-NC"). "CC" alone stays: it may stand for the organisation."""
    words = _LICENCE_WORD.findall(" ".join(t.text for t in doc[start:end]))
    parts = [w for w in words[1:] if not w[0].isdigit()]
    return len(words) > 1 and words[0] == "CC" and bool(parts) \
        and all(w.isupper() and w.lower() in _LICENCE_PARTS for w in parts)


def drop_licence_codes(ctx: Context, groups: Groups) -> None:
    """A Creative Commons licence code ("licensed under CC BY-SA 4.0", "CC-BY-SA-NC") is a licence,
    no organisation."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: bool(g.cands) and all(_licence_code(doc, s, e) for s, e in g.spans()))


_DISEASE_LABELS = {"ORG", "PERSON", "GPE", "LOC", "PRODUCT", "WORK_OF_ART"}


# "contracted X", "died of X", "tested positive for X"
_CAUGHT = {("contract", "dobj"), ("die", "of"), ("die", "from"), ("positive", "for")}


def _disease_noun(t: Token, nouns: set[str] = DISEASE_NOUNS) -> bool:
    return t.is_lower and t.lower_ in nouns


def _names_a_disease(doc: Doc, s: int, e: int) -> bool:
    """True for a name written as a disease's: before a noun for one ("the COVID-19 pandemic", "the SARS-CoV-2
    virus"), after "outbreak of", "cases of", "infections with", with one in apposition ("SARS-CoV-2, the
    coronavirus that ..."), or caught ("contracted X", "died of X", "tested positive for X")."""
    r = doc[s:e].root
    if r.dep_ in ("compound", "nmod", "amod") and r.head.i >= e and _disease_noun(r.head):
        return True
    if any(t.dep_ == "appos" and _disease_noun(t) for t in r.children):
        return True
    head = r.head
    if r.dep_ == "pobj" and head.lower_ in ("of", "with") \
            and _disease_noun(head.head, DISEASE_NOUNS | DISEASE_COUNT_NOUNS):
        return True
    if r.dep_ == "dobj":
        return (head.lemma_.lower(), "dobj") in _CAUGHT
    return r.dep_ == "pobj" and (head.head.lemma_.lower(), head.lower_) in _CAUGHT


def drop_disease_names(ctx: Context, groups: Groups) -> None:
    """A name the article writes before a noun for a disease ("the COVID-19 pandemic", "the Ebola outbreak") names
    a disease or a virus: no organisation, person or place (spaCy calls "COVID-19" an organisation). Not a country
    or a known place ("the Wuhan outbreak"), not a nationality ("the Spanish flu")."""
    doc = ctx.doc
    _drop_where(groups, lambda k, g: g.label in _DISEASE_LABELS and not g.country and not is_known_place(k)
                and any(_names_a_disease(doc, s, e) for s, e in g.spans()))


def _common_phrase(doc: Doc, k: str, g: Group, words: frozenset[str]) -> bool:
    """True when every mention is a run of two to four capitalised words, each of which the article
    also writes in lowercase, none a head word, title, nationality, country or known place, and the
    first no given name."""
    parts = k.split()
    if not 2 <= len(parts) <= 4 or g.country or g.label not in ("ORG", "PERSON") \
            or any(c.person_evidence or c.title_start is not None or c.key != k for c in g.cands):
        return False
    if set(parts) & _COMMON_NAME_WORDS or any(is_known_place(p) for p in parts):
        return False
    toks = doc[g.cands[0].start:g.cands[0].end]
    if len(toks) != len(parts) or is_given_name(toks[0].text) or not all(t.is_title for t in toks):
        return False
    return all(t.lower_ in words for t in toks)


def _common_word_person(doc: Doc, k: str, g: Group, words: frozenset[str]) -> bool:
    """True for a two- or three-word "person" with no honorific or title whose first word is no
    given name and whose last word the article also writes in lowercase ("Thai Basil", "First Symphony")."""
    parts = k.split()
    if g.label != "PERSON" or not 2 <= len(parts) <= 3 \
            or any(c.person_evidence or c.title_start is not None or c.key != k for c in g.cands):
        return False
    toks = doc[g.cands[0].start:g.cands[0].end]
    if len(toks) != len(parts) or is_given_name(toks[0].text) or not all(t.is_title for t in toks):
        return False
    return toks[-1].lower_ in words


def drop_common_word_people(ctx: Context, groups: Groups) -> None:
    """A "person" whose name ends in a word the article also writes in lowercase and starts with
    no given name ("Grow Basil", "Closing Loopholes", "Mystery Plays") is a heading or a title."""
    doc = ctx.doc
    words = word_set(doc)
    _drop_where(groups, lambda k, g: _common_word_person(doc, k, g, words))


def drop_common_phrases(ctx: Context, groups: Groups) -> None:
    """A "name" of two to four capitalised common words that the same article also writes in
    lowercase ("Learning Objectives", "Frozen Produce", "Natural Language Processing") is a heading
    or a capitalised phrase, no organisation or person."""
    doc = ctx.doc
    words = word_set(doc)
    _drop_where(groups, lambda k, g: _common_phrase(doc, k, g, words))


def _lowercase_initials(doc: Doc) -> set[str]:
    """The initials of the lowercase noun phrases of three to five words in the article (the last
    word a noun, the others adjectives or nouns): "gpa" for "grade point average"."""
    out: set[str] = set()
    pos, texts = token_pos(doc), token_texts(doc)
    for i, p in enumerate(pos):
        if p != "NOUN" or not (doc[i].is_lower and doc[i].is_alpha):
            continue
        initials = texts[i][0]
        for j in range(i - 1, max(i - 5, -1), -1):
            if pos[j] not in ("ADJ", "NOUN", "PROPN") or not (doc[j].is_lower and doc[j].is_alpha):
                break
            initials = texts[j][0] + initials
            if len(initials) >= 3:
                out.add(initials)
    return out


def _acronym_word(doc: Doc, k: str, g: Group) -> str | None:
    """The acronym of a one-word group of three to five capitals ("LLM", "CFLs" -> "CFL"), or None."""
    word = doc[g.cands[0].start].text.rstrip("s")
    if " " in k or g.country or not (word.isupper() and word.isalpha() and 3 <= len(word) <= 5) \
            or any(c.end - c.start != 1 for c in g.cands):
        return None
    return word


def drop_spelt_out_acronyms(ctx: Context, groups: Groups) -> None:
    """An acronym of three to five letters that the article also spells out as a lowercase noun
    phrase anywhere ("large language model" ... "LLM") names a thing or an idea, no organisation,
    person or place."""
    doc = ctx.doc
    acronyms = {k: w for k, g in groups.items() if (w := _acronym_word(doc, k, g)) is not None}
    if not acronyms:
        return
    spelt = _lowercase_initials(doc)
    for k, word in acronyms.items():
        if word.lower() in spelt:
            del groups[k]


def drop_lowercase_acronyms(ctx: Context, groups: Groups) -> None:
    """An acronym the article spells out in lowercase words ("sea surface salinity (SSS)") names a
    thing or an idea, no organisation; also when spaCy tagged only its later mentions ("... (SSS) ...
    remote sensing of SSS"), the one in parentheses left untagged."""
    doc = ctx.doc
    found = _parenthesised_lowercase_acronyms(doc)
    spelt = set(found.values())
    in_parentheses = lambda g: any(c.end - c.start == 1 and c.start in found for c in g.cands)  # noqa: E731
    _drop_where(groups, lambda k, g: g.label == "ORG" and (in_parentheses(g) or _acronym_word(doc, k, g) in spelt))


def _parenthesised_lowercase_acronyms(doc: Doc) -> dict[int, str]:
    """Token index -> acronym, for each acronym of two or more capitals in parentheses right after
    lowercase words whose initials spell it, whatever the tagger made of the words ("sea surface
    salinity (SSS)": "salinity" tagged PROPN); the parts of a hyphenated word give an initial each
    ("low-frequency microwave radiometer (LFMR)")."""
    out: dict[int, str] = {}
    texts = token_texts(doc)
    for i in range(2, len(texts)):
        acro = texts[i]
        if texts[i - 1] != "(" or not (acro.isupper() and acro.isalpha() and len(acro) >= 2):
            continue
        initials, j = "", i - 2
        while j >= 0 and len(initials) < len(acro):
            if texts[j] == "-" and initials:
                j -= 1
                continue
            if not (texts[j].isalpha() and texts[j].islower()):
                break
            initials = texts[j][0] + initials
            j -= 1
        if initials == acro.lower():
            out[i] = acro
    return out
