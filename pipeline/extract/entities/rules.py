"""The rules that clean one named-entity span into a candidate, by family, each a small named
function run in the order of its family's tuple (see ``candidates.clean``):

- ``split_acronym``: "Name (ACRONYM)" gives the acronym as a second mention;
- trim rules cut words off the front (``TRIM_FRONT``: leading articles, ordinals ("the 14th ..."),
  quote marks, lowercase words, honorifics and titles, the title kept as the person's role) and
  the end (``TRIM_END``: possessives, punctuation, headline verbs, captions, scores);
- void rules (``VOID``) find nothing left of the span;
- reject rules (``REJECT``) find a span that names no entity (a nationality adjective used as a
  modifier, lowercase words, time zones, "-isms", a word inside a job title); its acronym stays;
- extend rules (``EXTEND``) take in words spaCy left out: a lowercase place designator after a
  place ("... autonomous region"), a capitalised "of/for/on ..." complement after an
  organisation, and the words after an "and" inside that complement ("... of Allergy and Infectious Diseases"),
  capitalised words in front, a person's last surname the parser made the head of the name ("Wanda Vázquez" +
  "Garced");
- retype rules (``RETYPE_EARLY`` before the reject rules, ``RETYPE`` at the end) correct the
  label by general evidence: a nationality used as a noun ("the Afghans") is NORP, a country name
  is GPE, the head word of a name marks organisations ("... Council"), facilities ("... Stadium"),
  places and events, an appositive ("X, a city in Y") tells what the name is, a name shaped like
  a person's ("founded by Ann Lee", "Ann B. Lee") is a person, an "organisation" followed by a year
  in parentheses ("Match Point (2005)") is a work's title.

Draft rules take the ``Draft`` (the span being cleaned) and return True when they applied (trim
front), when the span is void or rejected; extend and retype rules take the draft and the
``Candidate`` made of it and change the candidate.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..spans import per_doc, word_set
from .lexicon import (
    ADJECTIVES,
    APPOS_NOT_PERSON,
    APPOS_ORG,
    APPOS_PERSON,
    APPOS_PLACE,
    AWARD_HEADS,
    CALLING_VERBS,
    CAPTION_LABELS,
    CLAUSE_WORDS,
    COUNTRY,
    DETERMINERS,
    EVENT_HEADS,
    FAC_HEADS,
    FAC_PHRASES,
    FEATURE_NOUNS,
    HEADLINE_VERBS,
    HEADS,
    HONORIFICS,
    LANGUAGE_NOUNS,
    LAW_HEADS,
    LOC_HEADS,
    LOCATIVE_PREPS,
    NON_LEADING_DESIGNATORS,
    NOT_PERSON_WORDS,
    NUMBERED_DESIGNATORS,
    ORG_HEADS,
    PLACE_DESIGNATORS,
    PRODUCT_NOUNS,
    REGNAL_TITLES,
    TIME_ZONES,
    TITLES,
    WORK_NOUNS,
    fold,
    is_storm_name,
    surname_particles,
)
from .names import has_glued_org_head, has_middle_initial, is_agent_name, is_org_named_after_country
from .places import is_given_name, is_known_place, is_major_place, is_region
from .tokens import (
    entity_end,
    glued_hyphen,
    headline_case,
    in_list,
    is_cap,
    is_in_title,
    is_modifier,
    person_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .records import Candidate

_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(slots=True)
class Draft:
    """A named-entity span [start, end) of ``doc`` being cleaned, with the label it has so far."""

    doc: Doc
    start: int
    end: int
    label: str
    title_start: int | None = None    # first token of a title cut from the front of a person name
    root: Token | None = None         # root and folded text of the trimmed span (set by ``read``)
    folded: str = ""

    def read(self) -> None:
        """Note the root and the folded text of the trimmed span."""
        span = self.doc[self.start:self.end]
        self.root = span.root
        self.folded = fold(span.text)


# ---------------------------------------------------------------- split
def split_acronym(d: Draft) -> int | None:
    """"Name (ACRONYM)" or "Name (ACRONYM": the name ends before the parenthesis; returns the
    token of the acronym, a second mention of the same name, if there is one."""
    doc = d.doc
    for i in range(d.start + 1, d.end):
        if doc[i].text == "(":
            j = i + 1
            acro = None
            if j < len(doc) and doc[j].text.isupper() and doc[j].text.isalpha() and len(doc[j]) > 1 \
                    and (j + 1 >= len(doc) or doc[j + 1].text == ")"):
                acro = j
            d.end = i
            return acro
    return None


# ---------------------------------------------------------------- trim rules: the front
def cut_article_or_mark(d: Draft) -> bool:
    """Articles, punctuation, quote marks, whitespace, possessive marks, an ordinal in front of a
    longer name ("the 14th X Congress", but "501st Legion")."""
    t = d.doc[d.start]
    if t.lower_ in DETERMINERS or t.is_punct or t.is_quote or t.is_space or t.tag_ == "POS" \
            or _ORDINAL.match(t.text) and d.end - d.start > 2:
        d.start += 1
        return True
    return False


def cut_lowercase_word(d: Draft) -> bool:
    """A lowercase word in front of a name: "federal Securities and Exchange Commission"."""
    t = d.doc[d.start]
    if d.end - d.start > 1 and t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN", "VERB", "ADV", "AUX", "PRON") \
            and is_cap(d.doc[d.start + 1]):
        d.start += 1
        return True
    return False


def cut_affix(d: Draft) -> bool:
    """A lowercase prefix glued to a name by a hyphen: "pro-Clinton", "anti-Brexit", "intra-Africa" keep the name
    alone (not a surname particle: "al-Assad"; not a group's name: "ex-Muslims")."""
    doc, s = d.doc, d.start
    if d.label != "NORP" and d.end - s >= 3 and doc[s].is_lower and doc[s].is_alpha \
            and doc[s].lower_ not in surname_particles() and glued_hyphen(doc, s + 1) and is_cap(doc[s + 2]):
        d.start += 2
        return True
    return False


def cut_honorific(d: Draft) -> bool:
    """An honorific in front of a proper noun ("Mr. X"): cut, and the name is a person's."""
    low = d.doc[d.start].lower_
    if d.end - d.start > 1 and (low in HONORIFICS or low.rstrip(".") in HONORIFICS) \
            and d.doc[d.start + 1].pos_ == "PROPN":
        d.label = "PERSON"
        d.start += 1
        return True
    return False


def cut_title(d: Draft) -> bool:
    """A title in front of a person's name ("Chairman X", "Prime Minister X"): cut, kept as the role."""
    if d.end - d.start > 1 and d.label == "PERSON" and d.doc[d.start].lower_ in TITLES and is_cap(d.doc[d.start + 1]):
        d.title_start = d.start if d.title_start is None else d.title_start
        d.start += 1
        return True
    return False


def cut_titles_before_full_name(d: Draft) -> bool:
    """Capitalised title words in front of a full name that spaCy called an organisation ("Detective
    Constable Ann Lee", "Historian Ann Lee", "State Representative Ann Lee"): the words up to a title that a
    known given name and one or two plain proper nouns follow are cut (kept as the role), and the name is a
    person's. The name must end the span ("Director Ann Lee Foundation" is no person); a ruler's title ("King James
    Bible", "Queen Elizabeth Hospital") names the ruler by a given name alone, and what follows is no surname."""
    doc, s, e = d.doc, d.start, d.end
    if d.label != "ORG" or e - s < 3:
        return False
    for i in range(s + 1, e - 1):
        prev = doc[i - 1]
        if not prev.is_title:
            return False
        title = prev.lower_ in TITLES and prev.lower_ not in REGNAL_TITLES
        if title and 2 <= e - i <= 3 and is_given_name(doc[i].text) \
                and (e - i == 2 or is_given_name(doc[i + 1].text) or re.fullmatch(r"[A-Z]\.?", doc[i + 1].text)) \
                and _plain_name(doc[i:e]):
            d.title_start = s if d.title_start is None else d.title_start
            d.start, d.label = i, "PERSON"
            return True
    return False


_INSERTED_CAPITAL = re.compile(r"^\[?[A-Z]\][a-z]")


def cut_capitalised_insertion(d: Draft) -> bool:
    """A word whose first capital the writer put in square brackets ("[I]t's", "[W]e must", "[S]evengill sharks"):
    a quotation's lowercase word capitalised to open the writer's sentence, no name."""
    t = d.doc[d.start]
    if _INSERTED_CAPITAL.match(t.text) and (t.text[0] == "[" or d.start > 0 and d.doc[d.start - 1].text == "["):
        d.start += 1
        return True
    return False


def cut_sentence_verb(d: Draft) -> bool:
    """A verb that opens a sentence, capitalised only for that, glued to the name after it: "Follow Jane Doe on
    Twitter", "Make Melbourne the first to ...", "Entrusting Donald Trump with ...", "Remarked Center for ...".
    The tagger calls it a verb (not a proper noun); a title in quotation marks ("Make America Great Again"), a
    given name the tagger misreads ("Seyed Mohammad ...") and a word of a person the article names ("Trump Files
    ...") keep it."""
    doc, s = d.doc, d.start
    t = doc[s]
    if d.end - s < 2 or d.label == "WORK_OF_ART" or t.pos_ != "VERB" or not t.tag_.startswith("VB") \
            or not t.is_title or not is_cap(doc[s + 1]) or is_given_name(t.text) or t.lower_ in person_words(doc):
        return False
    prev = doc[s - 1] if s else None
    if prev is None or prev.is_space or prev.text in (".", "!", "?") or t.is_sent_start and not prev.is_quote:
        d.start += 1
        return True
    return False


TRIM_FRONT = (cut_article_or_mark, cut_affix, cut_lowercase_word, cut_honorific, cut_title, cut_titles_before_full_name,
              cut_capitalised_insertion,
              cut_sentence_verb)


# ---------------------------------------------------------------- trim rules: the end
def cut_headline_verb(d: Draft) -> None:
    """A headline verb glued to the end of a name: "Obama Says ...", "Smith Tells ..." (headline
    case only: "Edward Said" in running text is a name)."""
    doc = d.doc
    for i in range(d.start + 1, d.end):
        if doc[i].text[:1].isupper() and doc[i].lower_ in HEADLINE_VERBS and is_cap(doc[i - 1]) \
                and headline_case(doc, i):
            d.end = i
            break


def _loose_end(tok: Token) -> bool:
    """A possessive, whitespace, a quote mark, "(" or punctuation other than "." and ")"."""
    return tok.tag_ == "POS" or tok.is_space or tok.is_punct and tok.text not in ".)" or tok.is_quote \
        or tok.text == "(" or tok.lower_ in ("'s", "’s")


def cut_possessive_and_punctuation(d: Draft) -> None:
    """Possessives, whitespace, quote marks and punctuation at the end (a final "." or ")" stays)."""
    while d.end > d.start and _loose_end(d.doc[d.end - 1]):
        d.end -= 1


def cut_unopened_parenthesis(d: Draft) -> None:
    """A closing parenthesis without its opening one."""
    if d.end > d.start and d.doc[d.end - 1].text == ")" and "(" not in d.doc[d.start:d.end].text:
        d.end -= 1


def _caption_or_score_end(d: Draft) -> bool:
    """The span ends in a caption label before ":", a number (for a name of a place, group or
    person), or punctuation other than "." and ")"."""
    doc, last = d.doc, d.doc[d.end - 1]
    return last.lower_ in CAPTION_LABELS and d.end < len(doc) and doc[d.end].text == ":" \
        or d.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") and last.pos_ == "NUM" \
        or last.is_punct and last.text not in ".)"


def cut_caption_label_and_score(d: Draft) -> None:
    """"... Image: Name" captions glued to a name; "Sweden 1" scores; punctuation left before them."""
    while d.end - d.start > 1 and _caption_or_score_end(d):
        d.end -= 1


def cut_trailing_function_word(d: Draft) -> None:
    """A lowercase article, preposition or conjunction that ends the span is no part of the name
    ("Patrick Gordon of", "Theodore the"): a name ends with a word of its own."""
    while d.end - d.start > 1 and d.doc[d.end - 1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ") \
            and d.doc[d.end - 1].is_lower:
        d.end -= 1


def cut_common_noun_after_full_name(d: Draft) -> None:
    """A "person" of three or more capitalised words, led by a given name, whose last word the article
    also writes in lowercase ("Tommy Solomon Statue" ... "the statue", "Harry Potter Good"), ends before
    that word: a common noun glued to a full name is no part of it (no title, honorific, head word
    or given name: "John Radcliffe Hospital" is a building's name; not when the word before is common too:
    "James Webb Space Telescope"; not after a place's name: "Montana Native Vote")."""
    doc = d.doc
    toks = doc[d.start:d.end]
    if d.label != "PERSON" or len(toks) < 3 or not all(t.is_title and t.is_alpha for t in toks) \
            or not is_given_name(toks[0].text) or is_known_place(fold(toks[0].text)):
        return
    words = word_set(doc)
    last, kept = toks[-1], toks[-2]
    if last.lower_ in words and kept.lower_ not in words and last.lower_ not in TITLES \
            and last.lower_ not in HONORIFICS and last.lower_ not in HEADS and not is_given_name(last.text):
        d.end -= 1


_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def cut_at_lowercase_verb(d: Draft) -> None:
    """A name ends before a lowercase participle or clause word spaCy ran it into: "Candace Windfall as Catwoman",
    "Emancipation Memorial featuring ...", "House of Wax as Wade" (a name's own links, "of", "and", "de", "to" of
    "Alliance to Reclaim Our Schools", are none); a span with a finite verb ("Byron composed Thyrza", "Pag yelped",
    "Wong is Penn State") is a clause spaCy took for a name, whose label tells nothing: no name is kept."""
    doc = d.doc
    for i in range(d.start + 1, d.end):
        t = doc[i]
        if t.is_lower and t.is_alpha and t.lower_ != "to" and (t.pos_ in ("VERB", "AUX") or t.lower_ in CLAUSE_WORDS) \
                and is_cap(doc[i - 1]):
            d.end = d.start if t.tag_ in _FINITE_TAGS else i
            break


def _close_before_open(text: str) -> bool:
    """The text has a "]" before any "["."""
    close = text.find("]")
    return close >= 0 and (text.find("[") < 0 or close < text.find("["))


def _open_unclosed(text: str) -> bool:
    """The text has a "[" after its last "]"."""
    return text.rfind("[") > text.rfind("]")


def _take_closing_bracket(d: Draft, open_at: int) -> bool:
    """An unclosed "[" at token ``open_at`` of the span, closed by the token after it: the bracket's words complete
    the name when the "[" is inside a word ("Pittsburg[h]") or follows a given name alone ("Jerry [O'Connell]")."""
    doc = d.doc
    if d.end >= len(doc) or not doc[d.end].text.startswith("]"):
        return False
    return doc[open_at].text != "[" or open_at == d.start + 1 and is_given_name(doc[d.start].text)


def mend_editorial_brackets(d: Draft) -> None:
    """Square brackets in a name are the writer's insertion inside a quotation; the name is read through them
    (``lexicon.fold``, ``output``), so the span takes in the bracket its words open or close ("[Bashir al] Assad",
    "Jerry [O'Connell]", "Pittsburg[h]"); a span that is all a bracket's content is that content ("QVM [Queen
    Victoria Market]"); words in brackets after more than a given name are a gloss the name ends before
    ("Ayasofya [Haghia Sophia]")."""
    doc = d.doc
    text = doc[d.start:d.end].text
    if _close_before_open(text) and d.start > 0 and doc[d.start - 1].text == "[":
        if doc[d.end - 1].text == "]" and text.count("]") == 1:
            d.end -= 1
        else:
            d.start -= 1
    elif _open_unclosed(text):
        open_at = max(i for i in range(d.start, d.end) if "[" in doc[i].text)
        if _take_closing_bracket(d, open_at):
            d.end += 1
        elif doc[open_at].text == "[" and open_at > d.start:
            d.end = open_at


def _unclosed_quote(d: Draft) -> int | None:
    """The token of the last quotation mark in the span that opens a quotation it does not close, or None."""
    marks = [i for i in range(d.start + 1, d.end) if d.doc[i].is_quote and d.doc[i].text not in ("'", "’")]
    return marks[-1] if len(marks) % 2 else None


def _surname_after(doc: Doc, i: int) -> int:
    """The end of the run of capitalised proper nouns from token ``i`` (``i`` when there is none)."""
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and is_cap(doc[j]):
        j += 1
    return j


def mend_split_quote(d: Draft) -> None:
    """A quotation mark the span opens but does not close: a nickname between a given name and a surname takes in
    the closing mark and the surname ('Matiu "Matt" Ratana'); else the quotation starts after the name, which ends
    before the mark ('on Twitter "Youtube-dl is ...').'"""
    doc = d.doc
    q = _unclosed_quote(d)
    if q is None:
        return
    after = d.end + 1 if d.end < len(doc) and doc[d.end].is_quote else d.end
    if d.label == "PERSON" and after > d.end and q + 1 < d.end and all(is_cap(t) for t in doc[q + 1:d.end]) \
            and _surname_after(doc, after) > after:
        d.end = _surname_after(doc, after)
    else:
        d.end = q


TRIM_END = (cut_headline_verb, cut_at_lowercase_verb, cut_possessive_and_punctuation, cut_unopened_parenthesis,
            cut_caption_label_and_score, cut_trailing_function_word, cut_common_noun_after_full_name,
            mend_editorial_brackets, mend_split_quote)


# ---------------------------------------------------------------- void rules
def nothing_left(d: Draft) -> bool:
    """Nothing, or no letter, is left of the span."""
    return d.end <= d.start or not any(ch.isalpha() for ch in d.doc[d.start:d.end].text)


def honorific_used_as_title(d: Draft) -> bool:
    """"the former Miss Universe", "a Mr. Olympia": a title, no person."""
    doc, s = d.doc, d.start
    return d.end - s == 1 and s >= 2 and doc[s - 1].lower_.rstrip(".") in HONORIFICS \
        and (doc[s - 2].lower_ in DETERMINERS or doc[s - 2].pos_ == "ADJ")


VOID = (nothing_left, honorific_used_as_title)


# ---------------------------------------------------------------- reject rules (and the retype before them)
def _adjectival(d: Draft) -> bool:
    """A nationality or group adjective (or an adjective) labelled as a group, place or language."""
    return d.label in ("NORP", "GPE", "LOC", "LANGUAGE") and (d.folded in ADJECTIVES or d.root.pos_ == "ADJ") \
        and d.folded not in COUNTRY


def adjective_noun_is_group(d: Draft) -> None:
    """A nationality or group adjective used as a noun ("the Afghans") names a group: NORP."""
    if _adjectival(d) and not is_modifier(d.root) and (d.label != "LANGUAGE" or d.root.tag_ in ("NNS", "NNPS")):
        d.label = "NORP"


RETYPE_EARLY = (adjective_noun_is_group,)


def adjective_modifier(d: Draft) -> bool:
    """A nationality or group adjective used as a modifier ("Afghan team") is no entity."""
    return _adjectival(d) and is_modifier(d.root)


def lowercase_words(d: Draft) -> bool:
    """Lowercase common words are no name ("vehicle miles"; spaCy's groups "jihadist", "socialists", "chum")."""
    return not any(ch.isupper() for ch in d.doc[d.start:d.end].text)


def time_zone(d: Draft) -> bool:
    """"GMT", "UTC"."""
    return d.end - d.start == 1 and d.folded in TIME_ZONES


def idea_named_after_name(d: Draft) -> bool:
    """Ideas named after a proper noun ("Islamophobia", "Thatcherism") are no entities."""
    return d.end - d.start == 1 and d.label != "PERSON" and bool(re.search(r"[a-z](ism|phobia)$", d.doc[d.start].text))


def word_of_a_title(d: Draft) -> bool:
    """"Home" in "Home Secretary", "Education" in "Minister of Education"."""
    return d.folded not in COUNTRY and is_in_title(d.doc, d.start, d.end, d.root)


def person_with_digits(d: Draft) -> bool:
    """A "person" with a digit in its name ("Appendix S1", "Q3", "COVID-19") is a code, a product or an
    illness: people's names are written in letters (a generation is a Roman numeral: "Henry VIII")."""
    return d.label == "PERSON" and any(ch.isdigit() for ch in d.doc[d.start:d.end].text)


_LETTERS_AND_DIGITS = re.compile(r"[A-Za-z]+[0-9]+[A-Za-z]*")


def place_with_digits(d: Draft) -> bool:
    """A one-word "place" or "group" that glues letters to digits ("IE6", "R0", "USD910") is a product, a code or
    an amount: places are named in words (a road number has its hyphen: "I-44", "US-75")."""
    return d.label in ("GPE", "LOC", "NORP") and d.end - d.start == 1 \
        and _LETTERS_AND_DIGITS.fullmatch(d.doc[d.start].text) is not None


def social_media_handle(d: Draft) -> bool:
    """"@POTUS", "@realDonaldTrump Twitter": an account's handle, no name of an organisation, place or person
    (the person an account belongs to is named apart from it)."""
    return d.doc[d.start].text[:1] == "@" and d.doc[d.start].text[1:2].isalnum()


REJECT = (adjective_modifier, lowercase_words, time_zone, idea_named_after_name, word_of_a_title, person_with_digits,
          place_with_digits, social_media_handle)


# ---------------------------------------------------------------- extend rules
_DIVISIONS = PLACE_DESIGNATORS - NON_LEADING_DESIGNATORS - {"island", "islands", "fort"}   # "district", "province"


def _country_before_part(d: Draft) -> bool:
    """The span is a country's name: a lowercase designator after it names a part of that country or an area
    around it ("the most populous US state", "the U.S. island territory", "the US city of White Plains", "the
    Afghanistan/Pakistan region"), not a place called by the country's name, so the noun is no part of the name
    (a "Hidalgo state" or "Idlib governorate" is that state or governorate)."""
    return d.label in ("GPE", "LOC") and d.folded in COUNTRY


def extend_place_designator(d: Draft, c: Candidate) -> None:
    """A place name followed by a lowercase designator: "X Y autonomous region", "X province"; also a "person"
    or an "organisation" before an administrative division ("the Tsuen Wan district", "Idlib governorate");
    never after a country's name (`_country_before_part`)."""
    root, doc = d.root, d.doc
    if _country_before_part(d):
        return
    if root.head.i >= d.end and root.head.i - d.end < 4 and (
            d.label in ("GPE", "LOC", "NORP") or d.label in ("PERSON", "ORG") and root.head.lower_ in _DIVISIONS):
        head = root.head
        between = doc[d.end:head.i + 1]
        if head.is_lower and head.lower_ in PLACE_DESIGNATORS and all(
                t.is_lower and (t.pos_ == "ADJ" or t.lower_ in PLACE_DESIGNATORS) for t in between):
            c.end = head.i + 1
            c.label = "GPE"
            c.place_core = fold(doc[d.start].text)


def extend_org_complement(d: Draft, c: Candidate) -> None:
    """An organisation name followed by a capitalised complement: "X Council for the Welfare of Y"."""
    doc, e = d.doc, d.end
    if d.label in ("ORG", "FAC") and e < len(doc) and doc[e].lower_ in ("of", "for", "on") \
            and d.start <= doc[e].head.i < e:
        right = doc[e].right_edge.i
        ext = doc[e + 1:right + 1]
        if 0 < len(ext) <= 8 and ext[-1].pos_ == "PROPN" and not any(t.ent_type_ in ("PERSON", "DATE") for t in ext) \
                and all((is_cap(t) and not t.is_punct) or t.lower_ in ("of", "the", "for", "on", "&") for t in ext):
            c.end = right + 1


def extend_plural_conjunct(d: Draft, c: Candidate) -> None:
    """"... of Atheists" + "and Agnostics": the second plural noun of an "of" complement."""
    doc = d.doc
    if c.label == "ORG" and c.end + 2 <= len(doc) and doc[c.end].lower_ == "and" \
            and any(t.lower_ == "of" for t in doc[c.start:c.end]):
        of = max(t.i for t in doc[c.start:c.end] if t.lower_ == "of")
        for n in (1, 2):
            ext = doc[c.end + 1:c.end + 1 + n]
            after = doc[c.end + 1 + n] if c.end + 1 + n < len(doc) else None
            if len(ext) == n and all(is_cap(t) and t.pos_ == "PROPN" and t.text.isalpha() for t in ext) \
                    and ext[-1].lower_.endswith("s") and ext.root.dep_ == "conj" and of < ext.root.head.i < c.end \
                    and (after is None or after.is_punct):
                c.end = ext.end
                break


def _conjunct_end(doc: Doc, i: int) -> int | None:
    """The end of one to three capitalised words from ``i`` (a hyphen inside: "Non-Proliferation") that close a
    phrase: no capitalised word, possessive or "of/for/on" complement of their own after them; None otherwise."""
    j = i
    while j < len(doc) and j - i < 5 and (is_cap(doc[j]) and doc[j].is_alpha or doc[j].text == "-" and j > i):
        j += 1
    if j == i or doc[j - 1].text == "-" or sum(t.is_alpha for t in doc[i:j]) > 3:
        return None
    if j < len(doc) and (is_cap(doc[j]) or doc[j].tag_ == "POS" or doc[j].text == "-"
                         or doc[j].lower_ in ("of", "for", "on")):
        return None
    return j


def _own_name(doc: Doc, i: int, j: int) -> bool:
    """True when the words [i, j) are a name of their own: spaCy tagged them as an organisation or a building of
    two words or more ("Apex Shark Expeditions"), or tagged the same words elsewhere in the article ("... and
    Congress"), an acronym, a title or a head word is among them ("Columbia University", "Professor Knittel"), or a
    given name leads two words."""
    t = doc[i]
    if t.ent_iob_ == "B" and t.ent_type_ in ("ORG", "FAC", "WORK_OF_ART"):
        if len(doc[i:entity_end(doc, i)].text.split()) >= 2:
            return True
    text = doc[i:j].text
    if any(e.text == text and e.start != i for e in doc.ents):
        return True
    person = is_given_name(t.text) and len(text.split()) >= 2         # "... and Chris Fallows", not "Non-Proliferation"
    return person or any(w.lower_ in HEADS or w.lower_ in TITLES or w.lower_ in HONORIFICS or w.is_upper
                         for w in doc[i:j])


def extend_and_complement(d: Draft, c: Candidate) -> None:
    """"National Institute of Allergy" + "and Infectious Diseases", "Center on Poverty" + "and Inequality", "Port
    Authority of New York" + "and New Jersey": spaCy ends an organisation at the "and" inside its "of/for/on"
    complement (one or two words after the preposition); the capitalised words after "and" that close the phrase
    and are no name of their own ("the University of Washington and Stanford University") belong to it (the parser
    hangs them on the organisation's head either way, so it cannot tell)."""
    doc = d.doc
    if c.label != "ORG" or c.end + 2 > len(doc) or doc[c.end].lower_ not in ("and", "&"):
        return
    preps = [t.i for t in doc[c.start:c.end] if t.lower_ in ("of", "for", "on")]
    if not preps or c.end - preps[-1] > 3:
        return
    j = _conjunct_end(doc, c.end + 1)
    if j is not None and (not _own_name(doc, c.end + 1, j) or _two_places(doc, preps[-1] + 1, c.end, j)):
        c.end = j


def _two_places(doc: Doc, a: int, b: int, j: int) -> bool:
    """True for "of <place> and <place>" ("Port Authority of New York and New Jersey", "High Court of England and
    Wales"): the complement [a, b) and the words after "and" up to ``j`` are both known places."""
    return all(is_known_place(fold(doc[x:y].text)) or fold(doc[x:y].text) in COUNTRY for x, y in ((a, b), (b + 1, j)))


def extend_capitalised_front(d: Draft, c: Candidate) -> None:
    """Capitalised words spaCy left out in front: "Central" + "Asia"."""
    if d.label in ("PERSON", "NORP") or c.start != d.start:
        return
    while c.start > 0:
        t = d.doc[c.start - 1]
        if t.pos_ == "PROPN" and is_cap(t) and not t.ent_type_ and c.start <= t.head.i < c.end \
                and t.lower_ not in TITLES and t.lower_ not in HONORIFICS and t.lower_ not in CAPTION_LABELS:
            c.start -= 1
        else:
            break


def extend_regional_edition(d: Draft, c: Candidate) -> None:
    """An organisation's name with a known place after it that the parser makes its head is one name: a regional
    edition or branch ("told CNN Philippines", "Loyola University Maryland"); spaCy tags the place apart. Not when
    a noun, adjective or name follows, which the place modifies ("an NBC New Hampshire poll", "GOP Israel
    supporters", "USA Today Washington Bureau Chief")."""
    doc, e = d.doc, c.end
    if d.label != "ORG" or e != d.end or e >= len(doc) or doc[e - 1].whitespace_ != " " \
            or doc[e].ent_iob_ != "B" or doc[e].ent_type_ not in ("GPE", "LOC"):
        return
    p = entity_end(doc, e)
    if doc[e - 1].dep_ == "compound" and e <= doc[e - 1].head.i < p and is_known_place(fold(doc[e:p].text)) \
            and not (p < len(doc) and doc[p].pos_ in ("NOUN", "PROPN", "ADJ")):
        c.end = p


_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)
_MONTHS = frozenset(month.lower() for month in calendar.month_name if month)


@per_doc
def _weekday_names(doc: Doc) -> frozenset[tuple[str, str]]:
    """(word, weekday) pairs the parser reads as one name somewhere in the article: a capitalised proper noun
    that is a compound of the capitalised weekday right after it ("Super Tuesday", "Black Friday")."""
    return frozenset((t.lower_, t.head.lower_) for t in doc[:-1]
                     if t.dep_ == "compound" and t.head.i == t.i + 1 and t.head.lower_ in _WEEKDAYS
                     and t.pos_ == "PROPN" and is_cap(t) and is_cap(t.head))


def _dated(doc: Doc, i: int) -> bool:
    """True when the weekday at ``i`` opens a date ("Saturday, January 31", "Monday 3 May")."""
    nxt = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "," else i + 1
    return nxt < len(doc) and (doc[nxt].lower_ in _MONTHS or doc[nxt].like_num)


def extend_weekday_name(d: Draft, c: Candidate) -> None:
    """"Super" + "Tuesday": spaCy tags a named day's weekday as a date and the word before as a place or a work; a
    one-word name the article writes as a compound of the weekday after it is the day's name, an EVENT ("Super
    Tuesday", "Black Friday"); not a known place, country or given name ("Paris Tuesday"), not before a date."""
    doc, e = d.doc, c.end
    if c.end - c.start != 1 or e >= len(doc) or doc[e].ent_type_ != "DATE" or _dated(doc, e):
        return
    word = doc[c.start]
    if (word.lower_, doc[e].lower_) not in _weekday_names(doc) or d.folded in COUNTRY or is_known_place(d.folded) \
            or is_given_name(word.text):
        return
    c.end, c.label = e + 1, "EVENT"


def extend_designator_number(d: Draft, c: Candidate) -> None:
    """"U.S. Route 2", "Interstate 75", "Terminal 3", "Lion Air Flight 610": a name ending in a designator that a
    number completes (``numbered_designators``) takes the number after it, and the designator's type (a road or
    terminal is a facility, a flight an event)."""
    doc, e = d.doc, c.end
    last = doc[e - 1].lower_
    if last in NUMBERED_DESIGNATORS and e < len(doc) and doc[e - 1].whitespace_ == " " and doc[e].text.isdigit() \
            and is_cap(doc[e - 1]) and not (e + 1 < len(doc) and doc[e + 1].like_num):
        c.end, c.label = e + 1, NUMBERED_DESIGNATORS[last]


def _place_modifier_start(doc: Doc, s: int, e: int) -> int | None:
    """Where a spaCy place or nationality entity ending right before token ``s`` starts, when the parser makes it a
    modifier of a word of [s, e) and all its words are capitalised; None otherwise."""
    p = s - 1
    if p < 0 or doc[p].ent_type_ not in ("GPE", "NORP") or doc[s].ent_iob_ == "I" or doc[p].whitespace_ != " ":
        return None
    b = p
    while b > 0 and doc[b].ent_iob_ == "I":
        b -= 1
    if not all(is_cap(t) for t in doc[b:s] if t.is_alpha) or doc[p].dep_ not in ("compound", "amod", "nmod") \
            or not s <= doc[p].head.i < e:
        return None
    return b


def extend_place_front(d: Draft, c: Candidate) -> None:
    """"South African" + "Indian Congress", "Guangzhou" + "Opera House": spaCy tags a place or nationality that
    opens an organisation's or a building's name apart from the rest; a name of two words or more ending in an
    organisation or facility head word takes the capitalised place the parser hangs on it (not in a title-case
    line, whose every word is capitalised)."""
    doc = d.doc
    if d.label not in ("ORG", "FAC") or c.start != d.start or c.end - c.start < 2 \
            or doc[c.end - 1].lower_ not in ORG_HEADS | FAC_HEADS:
        return
    b = _place_modifier_start(doc, c.start, c.end)
    if b is not None and not headline_case(doc, b):      # "... in West Virginia Spell Bad News": a title's words
        c.start = b


def _of_head_front(doc: Doc, s: int) -> tuple[int, str] | None:
    """The start and type of a capitalised head word with "of" (and "the") between it and token ``s``, which the
    parser makes the head's complement ("the Library" + "of" + "Congress"), with the capitalised words before the
    head that no entity holds ("Royal Library of the Netherlands"); None otherwise."""
    o = s - 2 if s >= 2 and doc[s - 1].lower_ == "the" else s - 1
    if o < 1 or doc[o].text != "of" or doc[o].head.i != o - 1 or doc[s].head.i != o and doc[s].head.i < s:
        return None
    h = doc[o - 1]
    label = "LOC" if h.lower_ in LOC_HEADS else "FAC" if h.lower_ in FAC_HEADS else "ORG" if h.lower_ in ORG_HEADS \
        else None
    if label is None or not is_cap(h) or h.ent_type_ or h.is_upper or h.is_sent_start or headline_case(doc, h.i):
        return None
    b = o - 1
    while b > 0 and is_cap(doc[b - 1]) and doc[b - 1].pos_ in ("PROPN", "ADJ") and not doc[b - 1].ent_type_ \
            and doc[b - 1].head.i == o - 1 and not doc[b - 1].is_sent_start:
        b -= 1
    return b, label


def extend_of_head_front(d: Draft, c: Candidate) -> None:
    """"the Library of" + "Congress", "the Pyramid of the" + "Moon", "the Gulf of" + "Mexico": spaCy tags the name
    after "of" alone; a capitalised organisation, facility or place head word it completes ("library", "pyramid",
    "gulf") opens the name, which takes the head's type; not a sentence's first word or a title-case line's ("News
    of the X")."""
    if c.start != d.start or d.label not in ("GPE", "LOC", "ORG", "FAC", "PERSON"):
        return
    front = _of_head_front(d.doc, c.start)
    if front is not None:
        c.start, c.label = front


def extend_person_surname(d: Draft, c: Candidate) -> None:
    """"Secretary of Justice Wanda Vázquez" + "Garced", "Judge Amy Berman" + "Jackson", "Graciano" + "Mijares":
    spaCy sometimes ends a person's name before its last surname (a maternal surname, a second family name) while
    the parser makes that untagged capitalised proper noun the head of the whole name (the given names are its
    compounds); the name takes it. Not a title, honorific, head word or caption label ("Minister", "Tower",
    "Image"), not a word the article also writes in lowercase ("Harry Potter World", "Medium Term Plans": a common
    noun), not after a common noun spaCy took into the name ("Medium Term" + "Plans"), not a word that
    itself modifies a noun after it ("O'Higgins Riquelme Base"), not in a headline-case line, and not when the
    article tags the longer name as something else elsewhere ("the Harry Potter World outfit": a place)."""
    doc, e = d.doc, c.end
    if d.label != "PERSON" or e != d.end or e >= len(doc) or doc[e - 1].whitespace_ != " ":
        return
    t, name = doc[e], doc[c.start:e + 1].text
    if e + 1 < len(doc) and doc[e + 1].text == ":":
        return                              # "Name: Gabrielle Hatcher Age: 27": a field label, no surname
    if d.root.dep_ == "compound" and d.root.head.i == e and t.pos_ == "PROPN" and t.is_title and t.is_alpha \
            and all(w.pos_ == "PROPN" for w in doc[c.start:e]) and not t.ent_type_ \
            and t.dep_ not in ("compound", "nmod", "amod") and not headline_case(doc, e) \
            and t.lower_ not in TITLES and t.lower_ not in HONORIFICS and t.lower_ not in HEADS \
            and t.lower_ not in CAPTION_LABELS and t.lower_ not in word_set(doc) \
            and not any(name in x.text and x.label_ != "PERSON" for x in doc.ents):
        c.end = e + 1


EXTEND = (extend_place_designator, extend_org_complement, extend_plural_conjunct, extend_and_complement,
          extend_capitalised_front, extend_place_front, extend_of_head_front,
          extend_regional_edition,
          extend_weekday_name, extend_designator_number, extend_person_surname)


# ---------------------------------------------------------------- retype rules
def _the_before(doc: Doc, start: int, last: Token) -> bool:
    """True when "the" right before a name determines its last word: "at the Mayo Clinic" names a place or a
    body, no person ("the Darrell Castle campaign": "the" determines "campaign")."""
    return start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].head.i == last.i


def head_word_type(d: Draft, c: Candidate) -> None:
    """The head word of a name tells organisations, facilities, places and events apart."""
    doc = d.doc
    last = doc[c.start:c.end].root
    if last.i < c.end - 1 and not (last.i + 1 < c.end and doc[last.i + 1].lower_ == "of"):
        last = doc[c.end - 1]
    if not is_cap(last) or c.label in ("NORP",) or c.label == "PERSON" and glued_hyphen(doc, last.i - 1):
        return
    multi_or_of = c.end - c.start >= 3 or any(t.lower_ == "of" for t in doc[c.start:c.end])
    lw = last.lower_
    if c.end - c.start > 1 and (c.label != "PERSON" or multi_or_of or _the_before(doc, c.start, last)):
        if lw in ORG_HEADS:
            c.label = "ORG"
        elif lw in FAC_HEADS:
            c.label = "FAC"
        elif lw in LOC_HEADS and c.label in ("ORG", "GPE", "FAC", "LOC", "PERSON"):
            c.label = "LOC"
        elif lw in EVENT_HEADS and c.label != "PERSON":
            c.label = "EVENT"


def appositive_type(d: Draft, c: Candidate) -> None:
    """What an appositive says the name is: "X, a catholic school in Milan"; "X, a city in Y"; "X, his wife" or
    "X, a spokesman for Y" (a person); "X, another horror film" (a work: ``work_nouns``; a "person" only when
    its first word is no given name); "X, an experimental drug" (a product: ``product_nouns``, likewise; never a
    place, which a misread list or subject may seem to stand in apposition to: "in Randolph, ..., a pickup truck and
    ... collided")."""
    r = d.doc[c.start:c.end].root
    appos = [ch for ch in r.children if ch.dep_ == "appos" and ch.i >= c.end and ch.pos_ == "NOUN"]
    if appos and c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"):
        w = appos[0].lower_
        if w in APPOS_ORG:
            c.label = "ORG"
        elif w in APPOS_PLACE:
            c.label = "GPE"
        elif w in WORK_NOUNS and c.label != "PERSON" or w in WORK_NOUNS and _no_person_shape(d.doc[c.start:c.end]):
            c.label = "WORK_OF_ART"
        elif w in PRODUCT_NOUNS and c.label not in PLACE_LABELS \
                and (c.label != "PERSON" or _no_person_shape(d.doc[c.start:c.end])):
            c.label, c.product_evidence = "PRODUCT", True
        elif _person_noun(w) and _titlecase_name(d.doc[c.start:c.end]):
            c.label = "PERSON"


def _no_person_shape(toks) -> bool:
    """True when a name does not start like a person's: its first word is no given name ("Cry Wolf")."""
    return not is_given_name(toks[0].text)


def _person_noun(word: str) -> bool:
    """True for a noun that only a person is: a relative or a role title ("wife", "boyfriend", "spokesman"), not
    one an organisation may be too ("member", "partner", ``appositive_title_stops``)."""
    return word in APPOS_PERSON or word in TITLES and word not in APPOS_NOT_PERSON


def _titlecase_name(toks) -> bool:
    """True for a name of titlecase proper nouns, none a head word ("Skandaraj Navaratnam", not "Acme Corp")."""
    return all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in HEADS for t in toks)


def region_after_town(d: Draft, c: Candidate) -> None:
    """"Town, Region": a name after a comma that follows a place name is a place (in a list,
    "Ubisoft, Microsoft, and ...", only a one-word "person" is that unlikely); not a "person" named in full with a
    known given name ("the mayor of Paris, Anne Hidalgo, wrote")."""
    doc = d.doc
    r = doc[c.start:c.end].root
    if c.label == "PERSON" and c.end - c.start >= 2 and is_given_name(doc[c.start].text):
        return        # "the governor of Ohio, Mike DeWine, said": a full name after a place is a person's
    if c.label in ("PERSON", "ORG") and c.start >= 2 and doc[c.start - 1].text == "," \
            and doc[c.start - 2].ent_type_ == "GPE" \
            and r.dep_ in ("appos", "conj", "npadvmod") and r.head.ent_type_ == "GPE" and \
            (c.end >= len(doc) or doc[c.end].is_punct) \
            and (not in_list(doc, c.start, c.end) or c.label == "PERSON" and c.end - c.start == 1):
        c.label = "GPE"


def _region_after(doc, i: int) -> bool:
    """True when tokens from ``i`` are ", Region" (a country or US state tagged as a place) that no
    further proper noun nor a possessive continues ("Marion, Ohio\n", "Gillette, Wyoming and then";
    not "Berenberg, Germany's largest bank")."""
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].ent_iob_ != "B" or doc[i + 1].ent_type_ != "GPE":
        return False
    j = entity_end(doc, i + 1)
    if not is_region(fold(doc[i + 1:j].text)):
        return False
    return j >= len(doc) or not (doc[j].pos_ == "PROPN" and is_cap(doc[j]) or doc[j].tag_ == "POS") \
        or "\n" in doc[j - 1].whitespace_


def town_before_region(d: Draft, c: Candidate) -> None:
    """"Town, Region": an "organisation" of one or two plain words followed by ", Ohio" or ", France"
    that no proper noun continues is a town ("Marion, Ohio", "Gillette, Wyoming"), unless it is itself
    an item after a comma; an organisation is placed with "in" or "-based", not by a bare comma."""
    doc = d.doc
    if c.label == "ORG" and c.end - c.start <= 2 and not {t.lower_ for t in doc[c.start:c.end]} & HEADS \
            and all(t.is_alpha and is_cap(t) and not t.is_upper for t in doc[c.start:c.end]) \
            and not (c.start > 0 and doc[c.start - 1].text == ",") and _region_after(doc, c.end):
        c.label = "GPE"


def designator_in_front(d: Draft, c: Candidate) -> None:
    """A place designator in front: "County Mayo"."""
    doc = d.doc
    if c.label in ("PERSON", "ORG") and c.end - c.start == 2 and doc[c.start].lower_ in PLACE_DESIGNATORS \
            and doc[c.start].lower_ not in NON_LEADING_DESIGNATORS \
            and doc[c.start + 1].pos_ == "PROPN" and doc[c.start + 1].lower_ not in HEADS \
            and doc[c.start + 1].lower_ not in TITLES:
        c.label = "GPE"


def country_name(d: Draft, c: Candidate) -> None:
    """A known country name or short form (not extended) is GPE."""
    if d.folded in COUNTRY and c.end == d.end:
        c.label = "GPE"


def plural_nationality(d: Draft, c: Candidate) -> None:
    """"Azerbaijanis", "Latinos", "Britons": one word that is a nationality (``ADJECTIVES``) with a plural "s", no
    country's name ("Philippines"), names a people, NORP, whatever spaCy said."""
    toks = d.doc[c.start:c.end]
    w = d.folded
    if len(toks) == 1 and c.label in ("ORG", "PERSON", "GPE") and w.endswith("s") and w[:-1] in ADJECTIVES \
            and w not in COUNTRY and not is_known_place(w):
        c.label = "NORP"


def person_name_shape(d: Draft, c: Candidate) -> None:
    """A name after "by" ("founded by Ann Lee") or with a middle initial ("Ann B. Lee") is a person."""
    if c.label not in ("PERSON", "NORP") \
            and (is_agent_name(d.doc, c.start, c.end) or has_middle_initial(d.doc, c.start, c.end)):
        c.label = "PERSON"


def org_named_after_country(d: Draft, c: Candidate) -> None:
    """"Food Standards Australia New Zealand", "Hitwise UK": an organisation."""
    if c.label in ("GPE", "LOC") and is_org_named_after_country(d.doc, c.start, c.end):
        c.label = "ORG"


def list_of_organisations(d: Draft, c: Candidate) -> None:
    """An item of a list whose other named items are all organisations ("Ubisoft, Microsoft, and Sony")."""
    if c.label not in ("GPE", "LOC", "PRODUCT", "WORK_OF_ART") or d.folded in COUNTRY:
        return
    doc = d.doc
    r = doc[c.start:c.end].root
    listed = r.dep_ in ("conj", "appos") or any(ch.dep_ == "conj" for ch in r.children)
    others = [t for t in (r.conjuncts if listed else ())          # no "of" between: "State of Iraq and the Levant"
              if t.ent_type_ and not (c.start <= t.i < c.end)
              and not any(x.lower_ == "of" for x in doc[min(t.i, c.start):max(t.i, c.start)])]
    locative = r.dep_ == "pobj" and r.head.lower_ in LOCATIVE_PREPS
    if others and (len(others) >= 2 or not locative) and all(t.ent_type_ == "ORG" for t in others):
        c.label = "ORG"


def venue_phrase(d: Draft, c: Candidate) -> None:
    """"X Convention Centre", "X Shopping Center": a venue."""
    if c.label == "ORG" and c.end - c.start >= 2 and " ".join(t.lower_ for t in d.doc[c.end - 2:c.end]) in FAC_PHRASES:
        c.label = "FAC"


def place_head_after_plain_word(d: Draft, c: Candidate) -> None:
    """"Crater Lake", "Montmartre Cemetery": a two-word "person" ending in a place's or building's
    head word is that place when its first word is no known given name ("Stuart Hall" stays)."""
    doc = d.doc
    if c.label != "PERSON" or c.end - c.start != 2 or c.title_start is not None:
        return
    first, last = doc[c.start], doc[c.end - 1]
    if is_cap(last) and not is_given_name(first.text):
        if last.lower_ in FAC_HEADS:
            c.label = "FAC"
        elif last.lower_ in LOC_HEADS:
            c.label = "LOC"


def _name_case(toks) -> bool:
    """Every word titlecase, or (a credit line, a byline: "illustrated by THEO FADEL") every word in capitals."""
    return all(t.is_title for t in toks) or all(t.is_upper and len(t) > 1 for t in toks)


def _plain_name(toks) -> bool:
    """Titlecase (or all-capital) proper nouns, none a head word, title, country, nationality or name-type word."""
    return all(t.pos_ == "PROPN" and t.text.replace("-", "").isalpha() and t.lower_ not in HEADS
               and t.lower_ not in TITLES and t.lower_ not in COUNTRY and t.lower_ not in ADJECTIVES
               and t.lower_ not in NOT_PERSON_WORDS and not is_major_place(t.lower_) for t in toks[1:]) \
        and toks[0].pos_ == "PROPN" and _name_case(toks)


def _hyphenated_given_name(toks) -> bool:
    """True for a span opening with two known given names joined by a hyphen, as French, German and Nordic
    double given names are written ("Pierre-Simon Laplace", "Nils-Erik Haagenrud", "Jean-Marc Ayrault");
    spaCy splits them into three tokens."""
    return len(toks) >= 4 and toks[1].text == "-" and not toks[0].whitespace_ and not toks[1].whitespace_ \
        and is_given_name(toks[0].text) and is_given_name(toks[2].text) and toks[2].is_title


def given_name_is_person(d: Draft, c: Candidate) -> None:
    """"Sophie Dymoke", "Gerard Philipe" labelled an organisation or place: a known given name
    followed by one or two plain proper nouns, the whole no known place, is a person. A double given name
    joined by a hyphen counts as one (`_hyphenated_given_name`)."""
    toks = d.doc[c.start:c.end]
    if _hyphenated_given_name(toks):
        toks = [toks[0]] + list(toks[3:])
    if c.label not in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or not 2 <= len(toks) <= 3:
        return
    first, last = toks[0], toks[-1]
    if first.lower_ in TITLES or is_known_place(first.lower_) or last.tag_ == "NNPS":
        return
    if len(toks) == 3 and not (is_given_name(toks[1].text) or re.fullmatch(r"[A-Z]\.?", toks[1].text)):
        return        # "Ross Ice Shelf": a middle word that is no given name or initial
    if is_given_name(first.text) and _plain_name(toks) and not is_known_place(fold(d.doc[c.start:c.end].text)):
        c.label = "PERSON"


def title_before_year(d: Draft, c: Candidate) -> None:
    """"Match Point (2005)", "Philosophy of Grammar (1924)": an "organisation" without a head word
    followed by a year in parentheses is the title of a work (a film, a book)."""
    doc, e = d.doc, c.end
    if c.label == "ORG" and e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" \
            and _YEAR.match(doc[e + 1].text) and doc[e - 1].lower_ not in HEADS:
        c.label, c.work_evidence = "WORK_OF_ART", True


def _noun_in_front(doc: Doc, s: int, e: int, nouns) -> bool:
    """True when the name [s, e) stands right after a lowercase noun of ``nouns`` it is in apposition to ("the
    novel Dark Matters", "the research ship X"); the name's own "The" or a comma may stand between ("the play The
    Tempest", "the boat, X")."""
    if s == 0:
        return False
    noun = doc[s - 1]
    if s >= 2 and noun.lower_ in ("the", ",") and doc[s - 2].is_lower and doc[s - 2].lower_ in nouns:
        noun = doc[s - 2]
    if not (noun.is_lower and noun.lower_ in nouns):
        return False
    return noun.pos_ == "NOUN" and doc[s:e].root.head.i == noun.i \
        or noun.dep_ == "compound" and noun.head.i in range(s, e)     # "series Gilmore Girls"


def work_noun_in_front(d: Draft, c: Candidate) -> None:
    """"the television series Gilmore Girls", "the novel Dark Matters", "the film Citizen Kane": a name right
    after a lowercase noun for a work (``work_nouns``) that it stands in apposition to is the work's title; the
    title's own "The" or a comma may stand between ("the play The Tempest", "the romantic comedy, Chasing
    Liberty"). Also the titles right after a plural work noun and their conjuncts ("the films Marble Harbor and
    House of Lanterns") and a title a work noun is "called" ("a book called Glasshouse Orchard", "a novel titled X")."""
    if c.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return
    if _noun_in_front(d.doc, c.start, c.end, WORK_NOUNS) or not _named_person(d.doc, c) and (
            _listed_after_works(d.doc, c.start, c.end) or _work_called(d.doc, c.start, c.end)):
        c.label, c.work_evidence = "WORK_OF_ART", True


def _named_person(doc: Doc, c: Candidate) -> bool:
    """A "person" whose name opens with a given name ("a film titled Robert Kessane" is named after the man, whom
    the article may name too)."""
    return c.label == "PERSON" and is_given_name(doc[c.start].text)


def _after_plural_work_noun(doc: Doc, s: int) -> bool:
    """True when token ``s`` comes right after a lowercase plural work noun ("the films Marble Harbor")."""
    return s > 0 and doc[s - 1].is_lower and doc[s - 1].tag_ == "NNS" and doc[s - 1].lemma_ in WORK_NOUNS


def _listed_after_works(doc: Doc, s: int, e: int) -> bool:
    """True for a name right after a plural work noun, or the conjunct of one ("the films X and Y")."""
    if _after_plural_work_noun(doc, s):
        return True
    root = doc[s:e].root
    return root.dep_ == "conj" and root.head.i < s and _after_plural_work_noun(doc, root.head.left_edge.i)


def _work_called(doc: Doc, s: int, e: int) -> bool:
    """True for the name a lowercase work noun is called: "a show called X", "a pilot titled X"."""
    root = doc[s:e].root
    verb = root.head
    return root.dep_ in ("dobj", "oprd", "attr") and verb.i == s - 1 and verb.lemma_ in CALLING_VERBS \
        and verb.dep_ == "acl" and verb.head.is_lower and verb.head.lemma_ in WORK_NOUNS


def product_noun_in_front(d: Draft, c: Candidate) -> None:
    """"the drug ZMapp", "the research ship Ka'imikai-O-Kanaloa", "the submarine U.S.S. Grayback": a name right after
    a lowercase noun for a made thing (``product_nouns``: a drug, software, a vehicle or vessel, a device) that it
    stands in apposition to names that thing, a product, no person, organisation or place."""
    if c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and _noun_in_front(d.doc, c.start, c.end, PRODUCT_NOUNS):
        c.label, c.product_evidence = "PRODUCT", True


def product_noun_after(d: Draft, c: Candidate) -> None:
    """"the Crew Dragon spacecraft", "runs on Mediawiki software": a "person" or "facility" that modifies the
    lowercase noun of a made thing right after it (``product_nouns``) names that thing, a product. Not an
    organisation or a place: those modify the things they make, own or hold ("a SpaceX rocket", "a Kabul car
    bombing")."""
    if c.label in ("PERSON", "FAC") and _modifies_noun_after(d.doc, c, PRODUCT_NOUNS, ("compound", "nmod")):
        c.label, c.product_evidence = "PRODUCT", True


def org_noun_in_front(d: Draft, c: Candidate) -> None:
    """"the company Neuralink", "the social network Friendster", "the news agency Fars": a name right after a lowercase
    noun for an organisation (``appositive_org_nouns``) that it stands in apposition to names that organisation,
    whatever spaCy's label (it calls new company names persons or places)."""
    doc, s = d.doc, c.start
    if c.label not in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or s == 0:
        return
    noun = doc[s - 1]
    if not (noun.is_lower and noun.pos_ == "NOUN" and noun.lower_ in APPOS_ORG):
        return
    if doc[s:c.end].root.head.i == noun.i and doc[s:c.end].root.dep_ == "appos" \
            or noun.dep_ == "compound" and noun.head.i in range(s, c.end):
        c.label, c.org_evidence = "ORG", True


def glued_org_head(d: Draft, c: Candidate) -> None:
    """"Wikinews", "Euronews": one word with an organisation's head word glued to its end is an organisation
    (spaCy calls "Wikinews" a person in "told Wikinews" and a work in headlines)."""
    if c.end - c.start == 1 and c.label in ("PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART") \
            and has_glued_org_head(d.doc[c.start]):
        c.label = "ORG"


def language_name(d: Draft, c: Candidate) -> None:
    """"the Eegimaa language", "Bayot speakers", "the Bayot speaking area": a one-word name right before a lowercase
    noun for a language or its speakers names the language, no organisation, person or place."""
    doc, e = d.doc, c.end
    if c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and c.end - c.start == 1 and e < len(doc) \
            and doc[e].is_lower and doc[e].lower_ in LANGUAGE_NOUNS:
        c.label = "LANGUAGE"


def storm_name(d: Draft, c: Candidate) -> None:
    """"Hurricane Humberto", "Typhoon Phanfone", "Tropical Storm Chantal", "Cyclone Phailin": a name led by
    the kind of a storm (``storm_words``) names the storm, an event, whatever its given name suggests."""
    words = [t.lower_ for t in d.doc[c.start:c.end]]
    if c.label != "EVENT" and is_storm_name(words):
        c.label = "EVENT"


def award_name(d: Draft, c: Candidate) -> None:
    """"Pritzker Architecture Prize", "Teen Choice Awards", "César Award for Best Actress": a name whose head
    word (its last word, or the word before "for"/"of") is an award (``award_heads``) names the award, a work
    of honour, no organisation, person or place."""
    toks = d.doc[c.start:c.end]
    if c.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC") or len(toks) < 2:
        return
    heads = {toks[-1].lower_} | {t.lower_ for t in toks[1:-1] if t.nbor(1).lower_ in ("for", "of")}
    if heads & AWARD_HEADS:
        c.label = "WORK_OF_ART"


def law_name(d: Draft, c: Candidate) -> None:
    """"the Endangered Species Act", "the Camp David Accords", "the Paris Agreement", "the US Constitution", "the Treaty
    of Versailles": a name whose head word (its last word, or the word before its first "of": "Bill of Rights") is the
    kind of a law, treaty or charter (``law_heads``) names that law (LAW), whatever spaCy called it (an organisation,
    a work, an event, a product, a facility: "Camp" made the accords a camp). A "person" changes only when it has
    three words or more and its head is no given name: "the John R. Lewis Voting Rights Act" is a law, "Buffalo Bill"
    stays a person. "Law" itself is no head here: "Kenya Law" (a law-reporting body), "Jude Law"."""
    toks = d.doc[c.start:c.end]
    if c.label == "LAW" or len(toks) < 2:
        return
    of = next((t.i for t in toks[1:-1] if t.lower_ == "of"), None)
    head = d.doc[of - 1] if of is not None else toks[-1]
    if not is_cap(head) or head.lower_ not in LAW_HEADS:
        return
    if c.label == "PERSON" and (len(toks) < 3 or is_given_name(head.text)):
        return
    c.label = "LAW"


def feature_noun_after(d: Draft, c: Candidate) -> None:
    """"the Kilauea volcano", "the Amazon rainforest": a "person", "organisation", work or product that modifies the
    lowercase noun of a natural feature right after it (``feature_nouns``) names that feature, a place (LOC); the
    evidence carries the group's vote ("when Kilauea was still erupting", tagged PERSON)."""
    if c.label in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT") \
            and _modifies_noun_after(d.doc, c, FEATURE_NOUNS, ("compound", "nmod", "amod")):
        c.label, c.place_evidence = "LOC", True


def building_noun_after(d: Draft, c: Candidate) -> None:
    """"at Waterloo station", "the Bardo museum", "on the Holbeinsteg bridge": a "person" that modifies the lowercase
    head noun of a building or a road right after it (``fac_heads``) names that facility; "the Obama administration",
    "the James Cagney film" and "the Harding family" stay people (no facility noun)."""
    if c.label == "PERSON" and _modifies_noun_after(d.doc, c, FAC_HEADS, ("compound",)):
        c.label = "FAC"


def owned_name_before_noun(d: Draft, c: Candidate) -> None:
    """"her Twitter account", "my TED talk", "his Rice teammate": a "person" after a possessive determiner that
    modifies the lowercase noun right after it is no person (nobody writes "her Maria account"): the outlet, school or
    organisation the thing belongs to."""
    doc, s = d.doc, c.start
    if c.label == "PERSON" and s > 0 and doc[s - 1].tag_ == "PRP$" and c.end < len(doc) \
            and doc[c.end].pos_ == "NOUN" and _modifies_noun_after(doc, c, (doc[c.end].lower_,), ("compound",)):
        c.label = "ORG"


def _modifies_noun_after(doc: Doc, c: Candidate, nouns, deps: tuple[str, ...]) -> bool:
    """True when the name modifies (as one of ``deps``) the lowercase noun of ``nouns`` right after it ("the Juno
    probe", "the Kilauea volcano")."""
    e = c.end
    if e >= len(doc):
        return False
    noun, root = doc[e], doc[c.start:c.end].root
    return noun.is_lower and noun.lower_ in nouns and root.head.i == e and root.dep_ in deps


RETYPE = (head_word_type, place_head_after_plain_word, given_name_is_person, appositive_type, region_after_town,
          town_before_region, designator_in_front, country_name, plural_nationality,
          person_name_shape, org_named_after_country, list_of_organisations, venue_phrase, title_before_year,
          work_noun_in_front, org_noun_in_front, language_name, storm_name, award_name, law_name, glued_org_head,
          feature_noun_after, product_noun_in_front, product_noun_after, building_noun_after, owned_name_before_noun)
