"""Entities and their mentions, from a parsed Doc.

Public surface:
- ``extract_entities(doc) -> list[dict]``: one dict per real-world referent:
  ``{"name": str, "type": str, "role": str | None, "aliases": [str, ...],
     "mentions": [{"start": int, "end": int, "text": str, "sentence_index": int,
                   "kind": "name" | "partial" | "title" | "pronoun"}, ...]}``
  Every entity has at least one mention; ``doc.text[start:end] == text`` for each.
- ``entity_key(type, name) -> str``: corpus-level key, equal for the same entity across articles.
- ``find_entity(entities, start, end) -> int | None``: index of the entity with a mention at that span.

How it works (general rules of English news writing, no article-specific names):
1. Candidates are spaCy's named-entity spans of the entity types, cleaned: leading articles,
   ordinals ("the 14th ...") and quote marks, trailing possessives and punctuation are cut;
   leading titles ("Chairman", "Prime Minister") and honorifics are cut from person names and
   kept as the person's role; "Name (ACRONYM)" gives the acronym as a second mention.
2. Spans are extended where spaCy stops short: a place name followed by a lowercase designator
   ("... autonomous region", "... province"), an organisation name followed by a capitalised
   "of/for/on ..." complement.
3. Types are corrected by general evidence: a nationality or group adjective used as a modifier
   ("Afghan team") is no entity; used as a noun ("the Afghans") it is NORP; a known country name
   or short form is GPE; the head word of a name marks organisations ("... Council", "... Bureau")
   and facilities ("... Stadium"); an honorific marks a person.
4. Candidates are grouped per article: by normalised name (case, "the", punctuation and the
   country short forms of ``data/entities.json`` folded), then surname-only or given-name-only
   mentions join the single person who bears that name, acronyms join the name they abbreviate,
   and a region joins its long official name. The group's type is the majority label.
5. Further mentions: unlabelled occurrences of a known name or surname, and title references
   ("the chairman") whose title word belongs to the role of exactly one person.
   A title reference must agree with the role: its modifiers are in the role and the role's rank
   modifiers ("vice", "deputy", "former") are in the reference.
   A bare surname used with its own title or honorific before a full name that disagrees
   ("President X", "Mr. X" ... "the first lady, Jane X") stays a person of its own.
   Glued words are cut from names: headline verbs ("X Says"), lowercase words in front
   ("federal X Commission"), whitespace, a modifier in front of a full name used elsewhere
   ("Crooked Jane Doe"), words after a name in headline-case text ("President X Speech").
6. Roles of people come from pre-modifiers ("Regional government spokesman X"), appositives
   ("X, deputy director of the Y,") and a title head the name is in apposition to
   ("the chairman of Z, X,"; "US President X").
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from .spans import sentence_index, sentence_starts

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}

_DATA = json.loads((Path(__file__).parent / "data" / "entities.json").read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    """Lowercase ASCII-folded words of ``text`` joined by single spaces; "the" and "'s" dropped."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['\u2019]s\b", "", t)
    t = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\.)", "", t)   # U.S.A. -> usa.
    t = re.sub(r"\b([a-z])\.", r"\1", t)
    words = re.findall(r"[a-z0-9]+", t)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_COUNTRY = {}     # folded name or short form -> canonical country name
_ADJECTIVES = set()  # folded nationality / group adjectives
for _c in _DATA["countries"]:
    for _form in [_c["name"], *_c["aliases"]]:
        _COUNTRY[_fold(_form)] = _c["name"]
    _ADJECTIVES.update(_fold(a) for a in _c["adjectives"])
_ADJECTIVES.update(_fold(a) for a in _DATA["group_adjectives"])
_ADJ_COUNTRY = {_fold(a): _c["name"] for _c in _DATA["countries"] for a in _c["adjectives"]}


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]
_TITLES = {t.lower() for t in _DATA["titles"] if " " not in t}
_HONORIFICS = {h.lower() for h in _DATA["honorifics"]}
_ORG_HEADS = {h.lower() for h in _DATA["org_heads"]}
_FAC_HEADS = {h.lower() for h in _DATA["fac_heads"]}
_LOC_HEADS = {h.lower() for h in _DATA["loc_heads"]}
_CAPTION_LABELS = {h.lower() for h in _DATA["caption_labels"]}
_ORG_SUFFIXES = {_fold(h) for h in _DATA["org_suffixes"]}
_APPOS_ORG = {h.lower() for h in _DATA["appositive_org_nouns"]}
_APPOS_PLACE = {h.lower() for h in _DATA["appositive_place_nouns"]}
_PLACE_DESIGNATORS = {h.lower() for h in _DATA["place_designators"]}
_EVENT_HEADS = {h.lower() for h in _DATA["event_heads"]}
_NOT_PERSON_WORDS = {h.lower() for h in _DATA["name_type_words"]}
_FAC_PHRASES = {h.lower() for h in _DATA["fac_head_phrases"]}
_TIME_ZONES = {h.lower() for h in _DATA["time_zones"]}
_MATCH_VERBS = {h.lower() for h in _DATA["match_verbs"]}
_HEADLINE_VERBS = {h.lower() for h in _DATA["headline_verbs"]}
_RANK_MODIFIERS = {h.lower() for h in _DATA["rank_modifiers"]}
_MALE_HONORIFICS = {h.lower() for h in _DATA["male_honorifics"]}
_FEMALE_HONORIFICS = {h.lower() for h in _DATA["female_honorifics"]}
# single capitalised common nouns that name no one on their own ("the Government", "the State")
# (head words such as "the Court", "the Channel", "The Guardian" are kept: they are short names)
_GENERIC = _PLACE_DESIGNATORS | _TITLES | {"government", "administration"}
_ROLE_HEAD_STOP = {"of", "to", "for", "at", "in", "on", "with", "from", "by", "under", "over"}
_SCORE = re.compile(r"^\d{1,2}$")
_SCORE_JOINED = re.compile(r"^\d{1,2}[-\u2013\u2014]\d{1,2}$")
_DASHES = {"-", "\u2013", "\u2014", "--"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_NAME_LINKS = {"of", "for", "on", "and", "the", "&", "de", "del", "la", "von", "van"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


def entity_key(type_: str, name: str) -> str:
    """``type:slug`` with the country short forms folded, so "US" and "United States" agree."""
    folded = _fold(name)
    if type_ in PLACE_TYPES and folded in _COUNTRY:
        folded = _fold(_COUNTRY[folded])
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"
    return f"{type_.lower()}:{slug}"


def find_entity(entities: list[dict], start: int, end: int) -> int | None:
    """Index of the entity having a mention that overlaps [start, end), the longest overlap first."""
    best, best_len = None, 0
    for i, e in enumerate(entities):
        for m in e["mentions"]:
            overlap = min(end, m["end"]) - max(start, m["start"])
            if overlap > best_len:
                best, best_len = i, overlap
    return best


# ---------------------------------------------------------------- candidates
class _Cand:
    __slots__ = ("s", "e", "label", "title_start", "kind", "key", "extra_keys", "person_evidence")

    def __init__(self, s, e, label, kind="name"):
        self.s, self.e, self.label, self.kind = s, e, label, kind
        self.title_start = None      # first token of a title cut from the front of a person name
        self.key = ""
        self.extra_keys: list[str] = []
        self.person_evidence = False


def _tagged(group, prefix: str) -> list[str]:
    """The values a group's candidates were tagged with under ``prefix`` ("acro-of:12" -> "12")."""
    return [x[len(prefix):] for c in group.cands for x in c.extra_keys if x.startswith(prefix)]


def _is_cap(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _is_modifier(tok) -> bool:
    """True when ``tok`` modifies a noun to its right ("Afghan team", "Chinese officials")."""
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i > tok.i:
        return tok.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    if tok.pos_ == "ADJ" and tok.dep_ not in ("nsubj", "dobj", "pobj", "conj", "appos", "attr", "ROOT"):
        return True
    return False


def _clean(doc, s, e, label):
    """The cleaned candidate(s) for an entity span [s, e), or [] when it is no entity."""
    out = []
    # "Name (ACRONYM)" or "Name (ACRONYM": the acronym is a second mention of the same name
    for i in range(s + 1, e):
        if doc[i].text == "(":
            j = i + 1
            if j < len(doc) and doc[j].text.isupper() and doc[j].text.isalpha() and len(doc[j]) > 1 \
                    and (j + 1 >= len(doc) or doc[j + 1].text == ")"):
                acro = _Cand(j, j + 1, label)
                acro.extra_keys.append("acro-of:%d" % s)
                out.append(acro)
            e = i
            break
    title_start = None
    while s < e:
        t = doc[s]
        low = t.lower_
        if low in _DETERMINERS or t.is_punct or t.is_quote or t.is_space or t.tag_ == "POS" \
                or _ORDINAL.match(t.text) and e - s > 2:      # "the 14th X Congress", but "501st Legion"
            s += 1
        elif e - s > 1 and t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN", "VERB", "ADV", "AUX", "PRON") \
                and _is_cap(doc[s + 1]):
            s += 1             # a lowercase word in front of a name: "federal Securities and Exchange Commission"
        elif e - s > 1 and (low in _HONORIFICS or low.rstrip(".") in _HONORIFICS) and doc[s + 1].pos_ == "PROPN":
            label = "PERSON"
            s += 1
        elif e - s > 1 and label == "PERSON" and low in _TITLES and _is_cap(doc[s + 1]):
            title_start = s if title_start is None else title_start
            s += 1
        else:
            break
    # a headline verb glued to the end of a name: "Obama Says ...", "Smith Tells ..." (headline case)
    for i in range(s + 1, e):
        if doc[i].text[:1].isupper() and doc[i].lower_ in _HEADLINE_VERBS and _is_cap(doc[i - 1]) \
                and _headline_case(doc, i):       # ("Edward Said" in running text is a name)
            e = i
            break
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in ".)"
                     or doc[e - 1].is_quote or doc[e - 1].text == "(" or doc[e - 1].lower_ in ("'s", "’s")):
        e -= 1
    if e > s and doc[e - 1].text == ")" and "(" not in doc[s:e].text:
        e -= 1
    # "... Image: Name" captions glued to a name; "Sweden 1" scores
    while e - s > 1 and (doc[e - 1].lower_ in _CAPTION_LABELS and e < len(doc) and doc[e].text == ":"
                         or label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") and doc[e - 1].pos_ == "NUM"
                         or doc[e - 1].is_punct and doc[e - 1].text not in ".)"):
        e -= 1
    if e <= s or not any(ch.isalpha() for ch in doc[s:e].text):
        return []
    if e - s == 1 and s >= 2 and doc[s - 1].lower_.rstrip(".") in _HONORIFICS \
            and (doc[s - 2].lower_ in _DETERMINERS or doc[s - 2].pos_ == "ADJ"):
        return []      # "the former Miss Universe", "a Mr. Olympia": a title, no person
    span = doc[s:e]
    root = span.root
    folded = _fold(span.text)
    # nationality / group adjectives: modifiers are no entity, nouns are groups (NORP)
    if label in ("NORP", "GPE", "LOC", "LANGUAGE") and (folded in _ADJECTIVES or root.pos_ == "ADJ") \
            and folded not in _COUNTRY:
        if _is_modifier(root):
            return out
        if label != "LANGUAGE" or root.tag_ in ("NNS", "NNPS"):
            label = "NORP"
    if label != "NORP" and not any(ch.isupper() for ch in span.text):
        return out   # lowercase common words are no name ("vehicle miles")
    if e - s == 1 and folded in _TIME_ZONES:
        return out   # "GMT", "UTC"
    if e - s == 1 and label != "PERSON" and re.search(r"[a-z](ism|phobia)$", doc[s].text):
        return out   # ideas named after a proper noun ("Islamophobia", "Thatcherism") are no entities
    if folded not in _COUNTRY and _is_in_title(doc, s, e, root):
        return out   # "Home" in "Home Secretary", "Education" in "Minister of Education"
    c = _Cand(s, e, label)
    c.title_start = title_start
    if label == "PERSON" and title_start is not None:
        c.person_evidence = True
    # a place name followed by a lowercase designator: "X Y autonomous region", "X province"
    if label in ("GPE", "LOC", "NORP") and root.head.i >= e and root.head.i - e < 4:
        head = root.head
        between = doc[e:head.i + 1]
        if head.is_lower and head.lower_ in _PLACE_DESIGNATORS and all(
                t.is_lower and (t.pos_ == "ADJ" or t.lower_ in _PLACE_DESIGNATORS) for t in between):
            c.e = head.i + 1
            c.label = "GPE"
            c.extra_keys.append("place-core:" + _fold(doc[s].text))
    # an organisation name followed by a capitalised complement: "X Council for the Welfare of Y"
    elif label in ("ORG", "FAC") and e < len(doc) and doc[e].lower_ in ("of", "for", "on") \
            and s <= doc[e].head.i < e:
        right = doc[e].right_edge.i
        ext = doc[e + 1:right + 1]
        if 0 < len(ext) <= 8 and ext[-1].pos_ == "PROPN" and not any(t.ent_type_ in ("PERSON", "DATE") for t in ext) \
                and all((_is_cap(t) and not t.is_punct) or t.lower_ in ("of", "the", "for", "on", "&") for t in ext):
            c.e = right + 1
    # "... of Atheists" + "and Agnostics": the second plural noun of an "of" complement
    if c.label == "ORG" and c.e + 2 <= len(doc) and doc[c.e].lower_ == "and" \
            and any(t.lower_ == "of" for t in doc[c.s:c.e]):
        of = max(t.i for t in doc[c.s:c.e] if t.lower_ == "of")
        for n in (1, 2):
            ext = doc[c.e + 1:c.e + 1 + n]
            after = doc[c.e + 1 + n] if c.e + 1 + n < len(doc) else None
            if len(ext) == n and all(_is_cap(t) and t.pos_ == "PROPN" and t.text.isalpha() for t in ext) \
                    and ext[-1].lower_.endswith("s") and ext.root.dep_ == "conj" and of < ext.root.head.i < c.e \
                    and (after is None or after.is_punct):
                c.e = ext.end
                break
    # capitalised words spaCy left out in front: "Central" + "Asia"
    if label not in ("PERSON", "NORP") and c.s == s:
        while c.s > 0:
            t = doc[c.s - 1]
            if t.pos_ == "PROPN" and _is_cap(t) and not t.ent_type_ and c.s <= t.head.i < c.e \
                    and t.lower_ not in _TITLES and t.lower_ not in _HONORIFICS and t.lower_ not in _CAPTION_LABELS:
                c.s -= 1
            else:
                break
    # the head word of a name tells organisations and facilities apart
    last = doc[c.s:c.e].root
    if last.i < c.e - 1 and not (last.i + 1 < c.e and doc[last.i + 1].lower_ == "of"):
        last = doc[c.e - 1]
    if _is_cap(last) and c.label not in ("NORP",):
        multi_or_of = c.e - c.s >= 3 or any(t.lower_ == "of" for t in doc[c.s:c.e])
        lw = last.lower_
        if c.e - c.s > 1 and (c.label != "PERSON" or multi_or_of):
            if lw in _ORG_HEADS:
                c.label = "ORG"
            elif lw in _FAC_HEADS:
                c.label = "FAC"
            elif lw in _LOC_HEADS and c.label in ("ORG", "GPE", "FAC", "LOC", "PERSON"):
                c.label = "LOC"
            elif lw in _EVENT_HEADS and c.label != "PERSON":
                c.label = "EVENT"
    # what an appositive says the name is: "X, a catholic school in Milan"; "X, a city in Y"
    r = doc[c.s:c.e].root
    appos = [ch for ch in r.children if ch.dep_ == "appos" and ch.i >= c.e and ch.pos_ == "NOUN"]
    if appos and c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"):
        w = appos[0].lower_
        if w in _APPOS_ORG:
            c.label = "ORG"
        elif w in _APPOS_PLACE:
            c.label = "GPE"
    # "Town, Region": a name after a comma that follows a place name is a place
    if c.label in ("PERSON", "ORG") and c.s >= 2 and doc[c.s - 1].text == "," and doc[c.s - 2].ent_type_ == "GPE" \
            and r.dep_ in ("appos", "conj", "npadvmod") and r.head.ent_type_ == "GPE" and \
            (c.e >= len(doc) or doc[c.e].is_punct) and (not _in_list(doc, c.s, c.e) or c.label == "PERSON" and c.e - c.s == 1):
        c.label = "GPE"     # (in a list, "Ubisoft, Microsoft, and ...", only a one-word "person" is that unlikely)
    # a place designator in front: "County Mayo"
    if c.label in ("PERSON", "ORG") and c.e - c.s == 2 and doc[c.s].lower_ in _PLACE_DESIGNATORS \
            and doc[c.s].lower_ not in ("special", "autonomous", "administrative", "state", "city", "area") \
            and doc[c.s + 1].pos_ == "PROPN" and doc[c.s + 1].lower_ not in _HEADS | _TITLES:
        c.label = "GPE"
    if folded in _COUNTRY and c.e == e:
        c.label = "GPE"
    if c.label not in ("PERSON", "NORP") and (_is_agent_name(doc, c.s, c.e) or _has_middle_initial(doc, c.s, c.e)):
        c.label = "PERSON"
    if c.label in ("GPE", "LOC") and _is_org_named_after_country(doc, c.s, c.e):
        c.label = "ORG"
    # an item of a list whose other named items are all organisations ("Ubisoft, Microsoft, and Sony")
    if c.label in ("GPE", "LOC", "PRODUCT", "WORK_OF_ART") and folded not in _COUNTRY:
        r = doc[c.s:c.e].root
        others = [t for t in (r.conjuncts if r.dep_ in ("conj", "appos") or any(ch.dep_ == "conj" for ch in r.children) else ())
                  if t.ent_type_ and not (c.s <= t.i < c.e)
                  and not any(x.lower_ == "of" for x in doc[min(t.i, c.s):max(t.i, c.s)])]   # "State of Iraq and the Levant"
        locative = r.dep_ == "pobj" and r.head.lower_ in ("in", "at", "from", "near", "to", "across", "throughout", "into")
        if others and (len(others) >= 2 or not locative) and all(t.ent_type_ == "ORG" for t in others):
            c.label = "ORG"
    # "X Convention Centre", "X Shopping Center": a venue
    if c.label == "ORG" and c.e - c.s >= 2 and " ".join(t.lower_ for t in doc[c.e - 2:c.e]) in _FAC_PHRASES:
        c.label = "FAC"
    out.insert(0, c)
    return out


_HEADS = _ORG_HEADS | _FAC_HEADS | _LOC_HEADS | _EVENT_HEADS | _ORG_SUFFIXES | _PLACE_DESIGNATORS
_PLACE_MODIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                    "northeast", "northwest", "southeast", "southwest", "greater", "mainland", "upper", "lower",
                    "inner", "outer", "new", "old", "metropolitan", "rural", "coastal", "continental"}


def _is_org_named_after_country(doc, s, e) -> bool:
    """True for "Food Standards Australia New Zealand", "Hitwise UK": Titlecase words in front of
    country names, the words being no compass point or place designator, make an organisation's name."""
    toks = list(doc[s:e])
    if _fold(doc[s:e].text) in _COUNTRY:
        return False
    k = len(toks)
    while k > 0:                       # strip country names from the end
        for j in range(0, k):
            if _fold(doc[s + j:s + k].text) in _COUNTRY:
                k = j
                break
        else:
            break
    if k == len(toks) or k == 0:
        return False
    prefix = toks[:k]
    return all(t.text[:1].isupper() and t.text.isalpha() and t.pos_ == "PROPN" and t.lower_ not in _PLACE_MODIFIERS
               and t.lower_ not in _PLACE_DESIGNATORS and t.ent_type_ not in ("PERSON",) for t in prefix) \
        and (len(prefix) >= 2 or prefix[0].tag_ == "NNPS" or not prefix[0].is_title)


def _is_agent_name(doc, s, e) -> bool:
    """True for a bare two- or three-word name right after "by" ("founded by Ann Lee",
    "saved by Jo Ray", "a paper by AB Smith"): in news the agent named so is a person.
    Names with a head word ("by Sky News"), "the", a country or a name-type word
    ("Hurricane", "Operation") are left alone."""
    if not 2 <= e - s <= 3 or s == 0 or doc[s - 1].lower_ != "by":
        return False
    toks = doc[s:e]
    if toks.root.dep_ != "pobj" or toks.root.head.i != s - 1:
        return False
    for k, t in enumerate(toks):
        word = t.text.rstrip(".")
        if t.pos_ != "PROPN" or not word[:1].isupper() or not word.isalpha():
            return False
        if word.isupper() and not (k < e - s - 1 and len(word) <= 2):   # initials only in front
            return False
        low = t.lower_
        if low in _HEADS or low in _COUNTRY or low in _ADJECTIVES or low in _NOT_PERSON_WORDS:
            return False
    return toks[-1].tag_ != "NNPS"


def _has_middle_initial(doc, s, e) -> bool:
    """True for "Ann B. Lee", "Christina N Luis Olidem": Titlecase given name, a one-letter
    middle initial, Titlecase surname(s) and no head word, country or name-type word: a person."""
    toks = doc[s:e]
    if not 3 <= len(toks) <= 5:
        return False
    def word(t):
        return t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha() and len(t) > 1
    if not (word(toks[0]) and word(toks[-1])):
        return False
    if not any(re.fullmatch(r"[A-Z]\.?", t.text) for t in toks[1:-1]):
        return False
    for t in toks:
        if not (word(t) or re.fullmatch(r"[A-Z]\.?", t.text)):
            return False
        low = t.lower_
        if low in _HEADS or low in _COUNTRY or low in _ADJECTIVES or low in _NOT_PERSON_WORDS or low in _TITLES:
            return False
    return True


def _person_after_org(doc, s, e) -> int | None:
    """Start of a person's two-word name that spaCy glued to the end of an organisation name
    before a speech verb ("... of the Council on Foreign Relations Jane Roe said"), else None."""
    if e - s < 4 or e >= len(doc) or not doc[e].is_lower or doc[e].lower_ not in _HEADLINE_VERBS:
        return None
    a, b = doc[e - 2], doc[e - 1]
    for t in (a, b):
        low = t.lower_
        if not (t.pos_ == "PROPN" and t.is_title and t.is_alpha and len(t) > 1) or low in _HEADS or low in _TITLES \
                or low in _COUNTRY or low in _ADJECTIVES or low in _NOT_PERSON_WORDS or low in _HONORIFICS:
            return None
    before = doc[e - 3]
    if not (before.tag_ == "NNPS" or before.lower_ in _ORG_HEADS) or not any(
            t.lower_ in _NAME_LINKS - {"and", "&"} or t.lower_ in _ORG_HEADS for t in doc[s:e - 2]):
        return None        # the organisation part must end like one: "Council on Foreign Relations", "X Agency"
    return e - 2


def _headline_case(doc, i) -> bool:
    """True when the line of token i is set in headline case (nearly every longer word capitalised)."""
    a = i
    while a > 0 and "\n" not in doc[a - 1].text_with_ws:
        a -= 1
    b = i
    while b < len(doc) and "\n" not in doc[b].text_with_ws:
        b += 1
    words = [t for t in doc[a:b + 1] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _in_list(doc, s, e) -> bool:
    """True when the name [s, e) is followed by more items of a list: ", and ...", ", X, ..."."""
    def name_at(i):
        return i < len(doc) and (_is_cap(doc[i]) or doc[i].lower_ in _DETERMINERS and i + 1 < len(doc) and _is_cap(doc[i + 1]))
    if e < len(doc) and doc[e].lower_ in ("and", "or") and name_at(e + 1):
        return True
    if e + 1 < len(doc) and doc[e].text == "," and (doc[e + 1].lower_ in ("and", "or") and name_at(e + 2)
                                                    or doc[e + 1].ent_type_):
        return True
    return False


def _is_in_title(doc, s, e, root) -> bool:
    """True when [s, e) is part of a capitalised job title rather than a name of its own."""
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.lower_ in _TITLES and nxt.text[:1].isupper() and root.head.i >= e \
            and root.dep_ in ("compound", "nmod", "amod"):
        return True
    if e - s == 1 and root.dep_ == "pobj" and root.head.lower_ in ("of", "for") and root.head.i == s - 1:
        t = root.head.head
        return t.i < s and t.lower_ in _TITLES and t.text[:1].isupper()
    return False


def _candidates(doc):
    cands = []
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        split = _person_after_org(doc, ent.start, ent.end) if ent.label_ == "ORG" else None
        if split is not None:
            cands.extend(_clean(doc, ent.start, split, "ORG"))
            cands.extend(_clean(doc, split, ent.end, "PERSON"))
            continue
        cands.extend(_clean(doc, ent.start, ent.end, ent.label_))
    # names spaCy missed that end in an organisation's head word: "The Deseret News", "Border Force"
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and not doc[j].ent_type_ and doc[j].pos_ == "PROPN" and doc[j].is_title \
                and doc[j].text.isalpha() and doc[j].lower_ not in _TITLES and doc[j].lower_ not in _HONORIFICS:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in _ORG_HEADS and doc[j - 1].lower_ not in _GENERIC \
                and (j >= len(doc) or not (doc[j].pos_ == "PROPN" and _is_cap(doc[j]))):
            cands.extend(_clean(doc, i, j, "ORG"))
        i = max(j, i + 1)
    # drop candidates covered by an extended one, keep doc order
    cands.sort(key=lambda c: (c.s, -(c.e - c.s)))
    kept, last_end = [], -1
    for c in cands:
        if c.s < last_end:
            continue
        kept.append(c)
        last_end = c.e
    for c in kept:
        text = doc[c.s:c.e].text
        k = _fold(text)
        if k in _COUNTRY and c.label in PLACE_TYPES | {"NORP", "ORG"}:
            k = _fold(_COUNTRY[k])
            c.label = "GPE" if c.label != "ORG" else c.label
        c.key = k
    kept = [c for c in kept if c.key]
    _trim_person_names(doc, kept)
    return kept


def _trim_person_names(doc, cands):
    """Words glued to a person's name that another mention shows are no part of it.

    - a modifier in front of a full name named elsewhere: "Crooked Hillary Clinton",
      "(Miss) Universe Alicia Machado" when "Hillary Clinton", "Alicia Machado" and the bare
      surname occur too (a two-word surname such as "de Blasio" or "Van Dyke" stays);
    - in headline-case text, words after a name that is used on its own elsewhere:
      "President Obama Speech at ..." when "Obama" occurs in the running text."""
    keys = Counter(c.key for c in cands)
    full = {c.key for c in cands if c.label == "PERSON" and len(c.key.split()) >= 2}
    bare = {c.key for c in cands if " " not in c.key}
    plain = {c.key for c in cands if c.label == "PERSON" and not _headline_case(doc, c.s)}
    for c in cands:
        if c.label != "PERSON":
            continue
        words = c.key.split()
        tail = doc[c.s + 1:c.e]
        if len(words) >= 3 and len(tail) >= 2 and " ".join(words[1:]) in full and words[-1] in bare \
                and _fold(doc[c.s].text) == words[0] and tail[0].text[:1].isupper() and " " in tail.text:
            c.s += 1
            c.key = _fold(doc[c.s:c.e].text)
            continue
        if len(words) >= 2 and keys[c.key] == 1 and c.e - c.s == len(words) and _headline_case(doc, c.s):
            for n in range(len(words) - 1, 0, -1):
                if " ".join(words[:n]) in plain:
                    c.e = c.s + n
                    c.key = " ".join(words[:n])
                    break


# ---------------------------------------------------------------- roles
def _role_text(doc, a, b):
    """Text of tokens [a, b) without leading determiners and trailing punctuation."""
    span = _role_span(doc, a, b)
    return span.text if span is not None else None


def _role_span(doc, a, b):
    while a < b and (doc[a].lower_ in _DETERMINERS or doc[a].is_punct or doc[a].pos_ in ("ADV", "DET")):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("who", "which", "and")):
        b -= 1
    if b <= a or doc[a].tag_ == "PRP$" or doc[b - 1].lower_ in _CAPTION_LABELS:
        return None
    return doc[a:b]


def _is_role_word(tok) -> bool:
    return tok.pos_ == "NOUN" or tok.lower_ in _TITLES


def _role_premod(doc, c):
    """Span of the title words in front of a name: "Regional government spokesman X", "Chairman X"."""
    root = doc[c.s:c.e].root
    left = [ch for ch in root.children if ch.i < c.s and ch.dep_ in ("compound", "amod", "nmod")]
    start = c.title_start
    if left:
        lo = min(ch.left_edge.i for ch in left)
        start = lo if start is None else min(start, lo)
    end = c.s
    if end - 1 > 0 and doc[end - 1].lower_.rstrip(".") in _HONORIFICS:   # "Undersecretary for X Mr. Y"
        end -= 1
    if start is None or start >= end:
        return None
    prev = doc[end - 1]
    if not _is_role_word(prev) and not (prev.pos_ == "PROPN" and any(_is_role_word(t) for t in doc[start:end])
                                        and end < c.s) or prev.ent_type_ == "PERSON":
        return None
    if any(t.ent_type_ == "PERSON" or t.text in (":", ";", "(", ")") for t in doc[start:end]):
        return None
    return _role_span(doc, start, end)


def _role(doc, c):
    """Role of a person mention from its appositives, title prefix or pre-modifiers, else None."""
    root = doc[c.s:c.e].root
    # appositive to the right: "X, deputy director of the Y, said"
    for ch in root.children:
        if ch.dep_ == "appos" and ch.i >= c.e and _is_role_word(ch) and not ch.ent_type_:
            end = ch.right_edge.i + 1
            for k in range(ch.i, end):            # stop at a relative clause or a second comma phrase
                if doc[k].lower_ in ("who", "which", "whose") or (doc[k].text == "," and k > ch.i):
                    end = k
                    break
            if end - ch.left_edge.i <= 20:
                r = _role_text(doc, ch.left_edge.i, end)
                if r:
                    return r
    # the name in apposition to a title: "the chairman of Z, X"; "US President X"
    head = root.head
    if root.dep_ == "appos" and head.i < c.s and _is_role_word(head) and head.ent_type_ in ("", "NORP", "GPE") \
            and c.s - head.left_edge.i <= 20 and head.lower_ not in _CAPTION_LABELS \
            and not any(t.text in (":", ";", "(", ")") for t in doc[head.i:c.s]):
        r = _role_text(doc, head.left_edge.i, c.s)
        if r:
            return r
    r = _role_premod(doc, c)
    return r.text if r is not None else None


# ---------------------------------------------------------------- grouping
class _Group:
    __slots__ = ("cands", "label", "country", "extra")

    def __init__(self):
        self.cands: list[_Cand] = []
        self.label = None
        self.country = None
        self.extra: list[tuple[int, int, str]] = []    # (token start, token end, kind) found later


def _role_head(role: str | None) -> str | None:
    """The head word of a role: "deputy director of the Y" -> "director", "the first lady" -> "lady"."""
    words = []
    for w in re.findall(r"[\w-]+", (role or "").lower()):
        if w in _ROLE_HEAD_STOP:
            break
        words.append(w)
    return words[-1] if words else None


def _title_agrees(modifiers, title: str, role: str) -> bool:
    """True when "the <modifiers> <title>" can refer to a holder of ``role``: each modifier is in
    the role, and the role's rank modifiers ("vice", "deputy", "former") are in the reference
    ("the Democratic presidential nominee" is not the "Democratic vice presidential nominee")."""
    role_words = []
    for w in re.findall(r"\w+", role.lower()):
        if w == title:
            break
        role_words.append(w)
    else:
        return False
    ref_words = {w for t in modifiers for w in re.findall(r"\w+", t.lower_)}
    return ref_words <= set(role_words) and not (set(role_words) & _RANK_MODIFIERS) - ref_words


def _gender(doc, c) -> str | None:
    """"m" or "f" from an honorific right before the mention ("Mr. X", "Mrs. X"), else None."""
    if c.s == 0:
        return None
    h = doc[c.s - 1].lower_.rstrip(".")
    return "m" if h in _MALE_HONORIFICS else "f" if h in _FEMALE_HONORIFICS else None


def _other_person(doc, short, full) -> bool:
    """True when a bare surname group ``short`` names someone else than the full-name group ``full``:
    it is used before that full name is introduced (news style introduces a person by full name
    first) and its honorifics or the title right in front of it disagree with the full name's
    ("President X" and "Mr. X" before "the first lady, Jane X")."""
    first_full = min((c.s for c in full.cands if c.kind == "name"), default=None)
    if first_full is None or min(c.s for c in short.cands) > first_full:
        return False
    gs = {_gender(doc, c) for c in short.cands} - {None}
    gf = {_gender(doc, c) for c in full.cands} - {None}
    if gs and gf and not gs & gf:
        return True
    rs = set()
    for c in short.cands:                 # only a title right in front: "President X"
        pre = _role_premod(doc, c)
        rs.add(_role_head(pre.text) if pre is not None else None)
    rs -= {None}
    rf = {_role_head(_role(doc, c)) for c in full.cands} - {None}
    return bool(rs and rf and not rs & rf)


def _vote(cands) -> str:
    labels = Counter(c.label for c in cands if c.kind == "name")
    if any(c.person_evidence for c in cands):
        return "PERSON"
    if not labels:
        labels = Counter(c.label for c in cands)
    order = ["PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"]
    return max(labels, key=lambda lab: (labels[lab], -order.index(lab)))


def extract_entities(doc) -> list[dict]:
    starts = sentence_starts(doc)
    cands = _candidates(doc)
    groups: dict[str, _Group] = {}
    for c in cands:
        g = groups.setdefault(c.key, _Group())
        g.cands.append(c)
        if c.key in _COUNTRY:
            g.country = _COUNTRY[c.key]
    for g in groups.values():
        g.label = _vote(g.cands)
        if g.country and g.label in PLACE_TYPES | {"NORP", "PERSON"}:
            g.label = "GPE"

    def merge(src_key, dst_key, kind):
        if src_key == dst_key or src_key not in groups or dst_key not in groups:
            return
        src = groups.pop(src_key)
        for c in src.cands:
            c.kind = kind if c.kind == "name" else c.kind
            groups[dst_key].cands.append(c)
        groups[dst_key].extra.extend(src.extra)

    # acronyms in parentheses and acronyms made of a name's initials join that name
    by_start = {c.s: c for c in cands}
    initials = {}
    for k, g in groups.items():
        words = [w for w in doc[g.cands[0].s:g.cands[0].e] if _is_cap(w) and w.lower_ not in _NAME_LINKS]
        if len(words) >= 2 and g.label in ("ORG", "GPE", "LOC", "FAC"):
            initials.setdefault("".join(w.text[0] for w in words).lower(), []).append(k)
    for k in list(groups):
        g = groups.get(k)
        if g is None:
            continue
        for start in _tagged(g, "acro-of:"):
            full = by_start.get(int(start))
            if full is not None and full.key in groups and full.key != k:
                merge(k, full.key, "name")
                break
        if k in groups and " " not in k and doc[g.cands[0].s].text.isupper() and len(initials.get(k, [])) == 1:
            merge(k, initials[k][0], "name")

    # "Full Name (ACRONYM)" and "ACRONYM (Full Name)" next to each other, whatever the acronym's
    # letters (it may abbreviate the name in another language)
    for c in cands:
        d = by_start.get(c.e + 1)
        if d is None or c.e >= len(doc) or doc[c.e].text != "(" or d.e >= len(doc) or doc[d.e].text != ")":
            continue
        short, full = (d, c) if d.e - d.s == 1 else (c, d)
        if short.e - short.s != 1 or full.e - full.s < 2 or not doc[short.s].text.isupper():
            continue
        if short.key in groups and full.key in groups and short.key != full.key \
                and groups[full.key].label in ("ORG", "GPE", "LOC", "FAC", "EVENT"):
            merge(short.key, full.key, "name")
    # a region joins its long official name ("X" and "X Y autonomous region")
    for k in list(groups):
        g = groups.get(k)
        if g is None:
            continue
        for core in _tagged(g, "place-core:"):
            if core in groups and groups[core].label in PLACE_TYPES:
                merge(core, k, "name")

    # people: a multi-word name whose last word is labelled PERSON on its own is a person
    single_person = {k for k, g in groups.items() if " " not in k and g.label == "PERSON"}
    for k, g in groups.items():
        words = k.split()
        if g.label not in ("PERSON", "GPE") and 2 <= len(words) <= 4 and words[-1] in single_person:
            toks = doc[g.cands[0].s:g.cands[0].e]
            if all(t.pos_ == "PROPN" for t in toks) and toks[-1].lower_ not in _ORG_HEADS | _FAC_HEADS:
                g.label = "PERSON"
    # a multi-word name with a person's role ("goalkeeper X Y") is a person
    for k, g in groups.items():
        if g.label in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW") and 2 <= len(k.split()) <= 3:
            toks = doc[g.cands[0].s:g.cands[0].e]
            if all(t.pos_ == "PROPN" for t in toks) and toks[-1].lower_ not in _ORG_HEADS | _FAC_HEADS | _LOC_HEADS:
                for c in g.cands:
                    r = _role(doc, c)
                    if r and any(w in _TITLES for w in re.findall(r"[\w-]+", r.lower())):
                        g.label = "PERSON"
                        break
    # surname-only / given-name-only mentions and shorter forms join the one person they name
    surnames: dict[str, set] = {}
    given: dict[str, set] = {}
    for k, g in groups.items():
        words = k.split()
        if g.label == "PERSON" and len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(k)
            given.setdefault(words[0], set()).add(k)
            given.setdefault(words[0] + " " + words[-1], set()).add(k)
    for k in list(groups):
        g = groups.get(k)
        if g is None or g.country or k in _ADJECTIVES:
            continue
        owners = surnames.get(k, set()) - {k} or given.get(k, set()) - {k}
        owners = {o for o in owners if o not in groups or not _other_person(doc, g, groups[o])}
        if len(owners) > 1 and " " not in k:
            # a surname shared by several people named in full ("Ahmed X" and his father "Y X"):
            # the bare surname stands for the one introduced first, as news style has it
            first = lambda key: min(c.s for c in groups[key].cands)  # noqa: E731
            lead = min((o for o in owners if o in groups), key=first, default=None)
            if lead is not None and first(lead) < first(k):
                owners = {lead}
        if len(owners) == 1 and (" " not in k or g.label == "PERSON"):
            owner = next(iter(owners))
            if owner in groups:
                merge(k, owner, "partial")
    # a shorter organisation or place name inside exactly one longer one of the same kind:
    # "Home Office" / "United Kingdom Home Office", "Supreme Court" / "Italian Supreme Court of Cassation"
    kind_of = lambda lab: "PLACE" if lab in PLACE_TYPES else lab  # noqa: E731
    multi = [k for k, g in groups.items() if g.label in ("ORG", "GPE", "LOC", "FAC", "EVENT") and " " in k]
    for k in sorted(multi, key=lambda x: len(x.split())):
        g = groups.get(k)
        if g is None or g.country:
            continue
        padded = " " + k + " "
        owners = [o for o in multi if o != k and o in groups and padded in " " + o + " "
                  and kind_of(groups[o].label) == kind_of(g.label) and not groups[o].country]
        if len(owners) == 1:
            merge(k, owners[0], "partial")
    # "Freedom" / "Freedom Magazine", "Acme" / "Acme Corp": a name without its company-type suffix;
    # "the Court" / "the Church": a bare head word standing for the one organisation named with it
    orgs = [k for k, g in groups.items() if g.label == "ORG" and " " in k]
    for k in [k for k, g in groups.items() if g.label == "ORG" and " " not in k]:
        owners = [o for o in orgs if o.split()[:-1] == [k] and o.split()[-1] in _ORG_SUFFIXES]
        if not owners and k in _ORG_HEADS and doc[groups[k].cands[0].s].text[:1].isupper():
            owners = [o for o in orgs if k in o.split()]
        if not owners and k not in _ORG_HEADS | _GENERIC:     # "X" / "Church of X", "University of X"
            owners = [o for o in orgs if o.split()[-2:] == ["of", k] and o.split()[0] in _ORG_HEADS]
        if len(owners) == 1 and owners[0] in groups:
            merge(k, owners[0], "partial")

    # a one-word "person" never named in full, with no title or honorific, that is only ever
    # an object of "on" / "via" (else "to" / "from"): "the hashtag on Twitter", "posted to
    # Twitter", "shared via Instagram" name a platform or outlet, an organisation
    for k, g in groups.items():
        if g.label == "PERSON" and " " not in k and not any(c.person_evidence or c.title_start is not None
                                                            or _gender(doc, c) for c in g.cands):
            roots = [doc[c.s:c.e].root for c in g.cands]
            if all(r.dep_ == "pobj" and r.head.lower_ in ("on", "via", "to", "from") for r in roots) \
                    and any(r.head.lower_ in ("on", "via") for r in roots) \
                    and not any(_role(doc, c) for c in g.cands):
                g.label = "ORG"

    # canonical names and person roles
    people: dict[str, str] = {}       # surname / given name -> group key, for unlabelled mentions
    by_last: dict[str, set] = {}
    by_first: dict[str, set] = {}
    for k, g in groups.items():
        if g.label == "PERSON":
            for c in g.cands:
                words = c.key.split()
                if c.kind == "name" and len(words) >= 2:
                    by_last.setdefault(words[-1], set()).add(k)
                    by_first.setdefault(words[0], set()).add(k)
    for w in set(by_last) | set(by_first):
        if w in groups:          # a bare name that stayed a person of its own ("President X" vs "Jane X")
            continue
        owners = by_last.get(w) or by_first.get(w)
        if len(owners) == 1 and w not in _COUNTRY and w not in _ADJECTIVES:
            people[w] = next(iter(owners))

    # unlabelled occurrences of known names and surnames
    covered = set()
    for g in groups.values():
        for c in g.cands:
            covered.update(range(c.s, c.e))
    name_seqs: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for k, g in groups.items():
        forms = {tuple(t.lower_ for t in doc[c.s:c.e]): c.kind for c in g.cands}
        for form, kind in forms.items():
            if form[0] in _TITLES or form[0] in _HONORIFICS:
                continue
            if len(form) == 1 and g.label != "PERSON" and not doc[g.cands[0].s].text[:1].isupper():
                continue
            name_seqs.setdefault(form[0], []).append((form, k, kind))
    for w, k in people.items():
        if " " not in w:
            name_seqs.setdefault(w, []).append(((w,), k, "partial"))
    for i, t in enumerate(doc):
        if i in covered or not _is_cap(t):
            continue
        for form, k, kind in sorted(name_seqs.get(t.lower_, ()), key=lambda x: -len(x[0])):
            j = i + len(form)
            if j > len(doc) or any(x in covered for x in range(i, j)):
                continue
            if tuple(x.lower_ for x in doc[i:j]) != form:
                continue
            # not part of a longer proper name: "Li" inside "Li Peng" is someone else
            if (i > 0 and doc[i - 1].pos_ == "PROPN" and _is_cap(doc[i - 1])) or \
                    (j < len(doc) and doc[j].pos_ == "PROPN" and _is_cap(doc[j])):
                continue
            groups[k].extra.append((i, j, kind))
            covered.update(range(i, j))
            break

    roles: dict[str, str | None] = {}
    for k, g in groups.items():
        roles[k] = None
        if g.label != "PERSON":
            continue
        for c in sorted(g.cands, key=lambda c: c.s):
            r = _role(doc, c)
            if r:
                roles[k] = r
                break

    # title references: "the chairman" -> the one person whose role has that title word
    title_owner: dict[str, set] = {}
    for k, r in roles.items():
        if r:
            for w in re.findall(r"[\w-]+", r.lower()):
                if w in _ROLE_HEAD_STOP:
                    break      # "undersecretary to the prime minister": "minister" is someone else
                if w in _TITLES:
                    title_owner.setdefault(w, set()).add(k)
    if title_owner:
        for t in doc:
            owners = title_owner.get(t.lower_)
            if not owners or t.i in covered or t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.head.i in covered and t.head.i > t.i:     # a pre-modifier of a name, not a reference
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
                continue
            dets = [ch for ch in t.children if ch.dep_ == "det" and ch.lower_ == "the" and ch.i < t.i]
            if not dets:
                continue
            a = dets[0].i
            if any(x in covered for x in range(a, t.i + 1)):
                continue
            owners = {k for k in owners if _title_agrees(doc[a + 1:t.i], t.lower_, roles[k])}
            if len(owners) != 1:
                continue
            k = next(iter(owners))
            groups[k].extra.append((a, t.i + 1, "title"))
            covered.update(range(a, t.i + 1))

    # a country named as its national team in a match report ("Sweden 1 – 0 South Korea",
    # "Belgium defeated Panama") is that team, an organisation, not the country
    teams = _team_groups(doc, groups)
    for k in teams:
        groups[k].label = "ORG"
    # there, "the Belgians" is the Belgian team
    for k in [k for k, g in groups.items() if g.label == "NORP" and teams]:
        country = _ADJ_COUNTRY.get(k[:-1] if k.endswith("s") else k)
        owner = [t for t in teams if groups[t].country == country]
        if country and len(owner) == 1:
            merge(k, owner[0], "partial")
    # and "Korea" is the team named in full "South Korea"
    for k in [k for k, g in groups.items() if teams and g.label in PLACE_TYPES and " " not in k and not g.country]:
        owner = [t for t in teams if _fold(groups[t].country).split()[-1] == k]
        if len(owner) == 1:
            merge(k, owner[0], "partial")
    # "Washington" / "Washington D.C.": a place and the same place with an abbreviation after it
    for k in [k for k, g in groups.items() if g.label in PLACE_TYPES and " " not in k and not g.country]:
        owner = [o for o, g in groups.items() if g.label in PLACE_TYPES and o.split()[0] == k and o != k
                 and all(t.text.isupper() or re.fullmatch(r"([A-Z]\.)+", t.text)
                         for t in doc[g.cands[0].s + 1:g.cands[0].e])]
        if len(owner) == 1:
            merge(k, owner[0], "partial")
    # a surname misspelt once ("Ms Smiht" for "Jane Smith"): the one person whose surname is
    # within two letters of it, both long names with the same first letter
    known = {k.split()[-1]: k for k, g in groups.items() if g.label == "PERSON" and " " in k}
    for k in [k for k, g in groups.items() if g.label == "PERSON" and " " not in k and len(k) >= 6]:
        near = {o for w, o in known.items() if w[0] == k[0] and len(w) >= 6 and _edits(w, k) <= 2}
        if len(near) == 1 and next(iter(near)) in groups:
            merge(k, next(iter(near)), "partial")
    # a single capitalised common noun ("the Government", "the State") that joined no fuller name
    for k in [k for k, g in groups.items() if " " not in k and k in _GENERIC and not g.country]:
        if all(c.kind == "name" for c in groups[k].cands) and not groups[k].extra:
            del groups[k]

    # build the output
    place_ends = {c.s: c.e for g in groups.values() if g.label in PLACE_TYPES for c in g.cands}
    out: list[dict] = []
    by_name: dict[tuple[str, str], dict] = {}
    for k, g in groups.items():
        mentions, seen = [], set()
        items = [(c.s, c.e, c.kind) for c in g.cands] + g.extra
        for s, e, kind in sorted(items):
            span = doc[s:e]
            a, b = span.start_char, span.end_char
            while a < b and doc.text[a].isspace():     # no Unicode whitespace at either end
                a += 1
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if a == b or (a, b) in seen:
                continue
            seen.add((a, b))
            mentions.append({"start": a, "end": b, "text": doc.text[a:b],
                             "sentence_index": sentence_index(doc, a, starts), "kind": kind})
        if not mentions:
            continue
        names = [m for m in mentions if m["kind"] == "name"] or mentions
        counts = Counter(m["text"] for m in names)
        if g.country:
            name = g.country
        else:
            name = max(counts, key=lambda n: (len(n.split()), counts[n], len(n)))
        label = g.label if g.label in TYPES else "ORG"
        ent = by_name.get((label, name))
        if ent is not None:             # two groups ended with the same canonical form: one entity
            have = {(m["start"], m["end"]) for m in ent["mentions"]}
            ent["mentions"].extend(m for m in mentions if (m["start"], m["end"]) not in have)
            ent["mentions"].sort(key=lambda m: m["start"])
            ent["aliases"] = sorted({*ent["aliases"], *(m["text"] for m in mentions)})
            ent["role"] = ent["role"] or roles.get(k)
            continue
        extra_aliases = {name} if g.country else set()
        if label in PLACE_TYPES:        # "Mountain View, California": the town with its region
            extra_aliases.update(_with_region(doc, g, place_ends))
        if label == "PERSON":           # "Chairman X", "Regional government spokesman X" are surface forms too
            for c in g.cands:
                pre = _role_premod(doc, c)
                if pre is not None and c.kind == "name":
                    extra_aliases.add(doc[pre.start:c.e].text)
        ent = {"name": name, "type": label, "role": roles.get(k) if label == "PERSON" else None,
               "aliases": sorted({m["text"] for m in mentions} | extra_aliases),
               "mentions": mentions}
        by_name[(label, name)] = ent
        out.append(ent)
    out.sort(key=lambda e: e["mentions"][0]["start"])
    return out


def _is_score(doc, i) -> int:
    """Number of tokens of a match score ("1 – 0", "2-1") starting at token i, else 0."""
    if i < len(doc) and _SCORE_JOINED.match(doc[i].text):
        return 1
    if i + 2 < len(doc) and _SCORE.match(doc[i].text) and doc[i + 1].text in _DASHES and _SCORE.match(doc[i + 2].text):
        return 3
    return 0


def _team_groups(doc, groups) -> list[str]:
    """Keys of the country groups used as national sports teams.

    Only in a match report, i.e. when some country mention is next to a score line
    ("Sweden 1 – 0 South Korea"); there, a country mention next to a score or the subject or
    object of a match verb ("defeated", "lost ... to", "faced") is the team."""
    def team_mention(c, strict):
        n = _is_score(doc, c.e)
        if n or (c.s >= 3 and any(_is_score(doc, c.s - k) == k for k in (1, 3))):
            return True
        if strict:
            return False
        tok = doc[c.s:c.e].root
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "against", "with", "over"):
            head = head.head
        elif tok.dep_ not in ("nsubj", "dobj", "nsubjpass", "conj"):
            return False
        while head.dep_ == "conj" and head.pos_ != "VERB":
            head = head.head
        return head.pos_ == "VERB" and head.lemma_.lower() in _MATCH_VERBS

    countries = [k for k, g in groups.items() if g.country and g.label in PLACE_TYPES]
    if not any(team_mention(c, True) for k in countries for c in groups[k].cands):
        return []
    return [k for k in countries if any(team_mention(c, False) for c in groups[k].cands)]


def _with_region(doc, g, place_ends) -> set:
    """Surface forms "Town, Region" of a place named with the region it lies in."""
    out = set()
    for c in g.cands:
        if g.country or c.e + 1 >= len(doc) or doc[c.e].text != "," or c.e + 1 not in place_ends:
            continue
        if c.s >= 2 and doc[c.s - 1].text == "," and doc[c.s - 2].ent_type_:
            continue                     # inside a list of places
        r_end = place_ends[c.e + 1]
        if _in_list(doc, c.e + 1, r_end):
            continue
        out.add(doc[c.s:r_end].text)
    return out
