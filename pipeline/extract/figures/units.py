"""What is written around a number and says what it counts: a currency or a sign before it
("$", "US$", "USD", "minus", "+"), and after it, read in the order of ``READERS``: a scale
("1.5bn", "$5 m", "2 million", "1.2m tons"), a percent, a currency (code, symbol or word), a money sub-unit
("19 cents", "118.5p"), a fraction, an age ("50-year-old"), a unit and a per-unit rate
("90 mph", "5 kilometres per hour"). A reader that gives the figure its unit ends the reading;
money may then be a rate ("$58 per barrel"). A magnitude is read around the number ("magnitude 6.4",
"a magnitude of 6.9", "6.2 on the Richter scale").

Conventions: ``unit`` is an ISO 4217 code for money; money in a sub-unit keeps its written value
with the sub-unit as unit (``cent``, ``pence``, ``sen``); ``percent``, ``percentage_point``,
``basis_point`` (kind percent); ``fraction`` for shares written as fractions; otherwise a singular
unit name ("kilometre", "mile per hour", "year"). Ages have unit ``year`` (or ``month``...) and
measure ``age``. A money rate keeps its currency code and its denominator (``USD per barrel``,
``cent per share``) as kind quantity: a rate is no amount of money. Ambiguous currency words
("pounds", "won") count as money only after a scale.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..entities.lexicon import APPOS_PERSON, TITLES
from .lexicon import (
    AGE_GROUP_NOUNS,
    AGE_WORDS,
    CUR_CODE_ALIAS,
    CUR_CODES,
    CUR_SYMBOLS,
    CUR_SYMBOLS_AFTER,
    CUR_WORDS,
    CUR_WORDS_SCALE,
    DISTANCE_EVENTS,
    GAME_POINT_NOUNS,
    GAME_POINT_VERBS,
    INDEX_POINT_CONTEXT,
    NOT_RATE_AFTER,
    PER_UNIT_TIME_WORDS,
    PERCENT,
    PLURAL_WORDS,
    POLL_POINT_CONTEXT,
    RATE_NOUNS,
    RELATIVE_WORDS,
    SCALE_SPACED,
    SCALE_SUFFIX,
    SCALES,
    SINGLE_LETTER_UNITS,
    STERLING_MARKS,
    SUBUNIT_SUFFIX,
    SUBUNITS,
    UNIT_LETTERS,
    UNITS_CS,
    UNITS_GLUED,
    alt,
    dimensioned_units,
    slash_denominators,
    units_ci,
    units_cs,
)
from .numbers import SCALE_WORD_RE
from .record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .record import TokenAt

# currency written before the number ("$", "US$", "HK $", "USD", "Rs.", "€"), optionally a sign
_sym_alt = alt([s for s in CUR_SYMBOLS], flags_ci=False)
_code_alt = "|".join(sorted(CUR_CODES))
CUR_BEFORE_RE = re.compile(rf"(?:(?<![A-Za-z])(?P<code>{_code_alt})|(?P<sym>{_sym_alt}))\s?(?P<sign>[-−])?\Z")
MINUS_BEFORE_RE = re.compile(r"(?i)\bminus[\s-]?\Z")
PLUS_OR_MINUS_BEFORE_RE = re.compile(r"(?i)\bplus(?:[\s-]+or[\s-]+|\s*/\s*)minus[\s-]?\Z")
MAGNITUDE_BEFORE_RE = re.compile(r"(?i)\bmagnitude(?:[\s-]|\s+of\s+)?\Z")
RICHTER_AFTER_RE = re.compile(r"(?i)\s+on\s+the\s+(?:open-ended\s+)?richter(?:\s+scale)?\b")
AGE_BEFORE_RE = re.compile(r"(?i)\b(?:aged|age(?:s)?\s+of|at\s+age|ages?)(?:\s+(?:from|between))?\s*\Z")
SCALE_GLUED_RE = re.compile(rf"(?P<w>{alt(SCALE_SUFFIX, flags_ci=False)})(?![A-Za-z])")
SCALE_SPACED_RE = re.compile(rf"\s(?P<w>{'|'.join(re.escape(w) for w in SCALE_SPACED)})(?![\w])")
PLURAL_NOUN_AFTER_RE = re.compile(r"\s(?:of\s)?(?P<w>[a-z]{3,})\b")
PCT_RE = re.compile(rf"[\s-]?(?P<u>{alt([k for k in PERCENT if k != '%'])}|%)(?![A-Za-z])")
_cur_after = [k for k in CUR_WORDS] + [k for k in CUR_WORDS_SCALE]
CUR_AFTER_RE = re.compile(rf"[\s-]?(?P<w>{alt(_cur_after)})(?![A-Za-z])")
CODE_AFTER_RE = re.compile(rf"\s?(?P<c>{_code_alt}|U\.S\.|US)(?![A-Za-z])")
SYM_AFTER_RE = re.compile(rf"\s?(?P<s>[{''.join(CUR_SYMBOLS_AFTER)}])")
SUB_RE = re.compile(rf"[\s-]?(?P<w>{alt(SUBUNITS)})(?![A-Za-z])")
SUB_GLUED_RE = re.compile(r"\s?(?P<w>p)(?![\w])")
AGE_RE = re.compile(rf"[\s-]?(?P<w>{alt(AGE_WORDS)})(?![A-Za-z])")
UNIT_GLUED_RE = re.compile(rf"(?P<u>{alt(UNITS_GLUED, flags_ci=False)})(?![A-Za-z0-9])")
UNIT1_RE = re.compile(rf"\s?(?P<u>[{''.join(UNIT_LETTERS)}])(?![\w²³])")
SLASH_SYMBOL_RE = re.compile(r"\s?/\s?(?P<u>[A-Za-z]{1,3})(?![A-Za-z0-9²³])")
RATE_START_RE = re.compile(r"\s?(?P<per>per\s|/\s?)|-(?P<hper>per)-|\s(?:an?)\s|-an?-")
RATE_WORD_RE = re.compile(r"(?P<u>[A-Za-z]+)(?![\w-])")
NOT_RATE_AFTER_RE = re.compile(rf"(?i)\s+(?:{'|'.join(NOT_RATE_AFTER)})\b")
RATE_A_WORDS = RATE_NOUNS | set(PER_UNIT_TIME_WORDS)
COUNT_TIME_RATE_RE = re.compile(rf"\s+(?:per|an?|each|every)\s+(?P<w>{alt(PER_UNIT_TIME_WORDS)})(?![\w'’-])")
COUNT_RATE_RE = re.compile(r"\s+per\s+(?P<n>1(?:0{2,3}|,000)(?:,000)*)(?:\s+(?P<w>thousand|million))?(?!\d|[,.]\d)")
PERSON_PRONOUNS = {"i", "he", "she"}
POINTS_AFTER_RE = re.compile(r"(?:\s|-)points?\b")
POLL_CONTEXT_RE = re.compile(rf"(?<![A-Za-z])(?:{alt(POLL_POINT_CONTEXT)})(?![A-Za-z])")
INDEX_CONTEXT_RE = re.compile(rf"(?<![A-Za-z])(?:{alt(INDEX_POINT_CONTEXT)})(?![A-Za-z])")
AGE_BOUND_BEFORE_RE = re.compile(r"(?P<w>[A-Za-z]+)\s+(?i:under|over|younger\s+than|older\s+than)\s+\Z")
MULTIPLIER_RE = re.compile(r"\s+times(?=\s+(?:more|less|fewer|the|that|as\s+(?:many|much|likely)|as\s+[a-z]+\s+as"
                           r"|[a-z]{3,}er\s+than"
                           r"|(?:his|her|its|their|our|my|your)\s|[A-Z][\w-]*['’]s\s"
                           r"|(?!(?:after|together|later|earlier|never|whether|under|other)\b)"
                           r"[a-z]{3,}er(?=\s*[.,;:!?)])"
                           r")\b)")
AT_POINT_BEFORE_RE = re.compile(r"(?i)\bat\s+\Z")
MONEY_BRACKET_AFTER_RE = re.compile(r"\s*\(\s*(?:about\s+|around\s+|roughly\s+)?(?:US)?\$")
MONEY_BRACKET_BEFORE_RE = re.compile(r"\$\s?[\d.,]+(?:\s*(?:million|billion|thousand|bn|m))?\s*\(\s*\Z")
FRACTION_OF_A_RE = re.compile(r"\s+of\s+an?(?=\s)")
A_NOUN_OR_BEFORE_RE = re.compile(r"(?<![\w-])(?P<a>[Aa]n?)\s+(?P<n>[a-z]{3,})\s+or\s+\Z")


# the unit words come from pint (lexicon.units_ci): these are built on first use
@cache
def plural_nouns() -> frozenset[str]:
    """Plural unit words and plural nouns without s: a glued m, b or k before them is a scale."""
    units = units_ci()
    return frozenset({k for k, v in units.items() if k != v and k.endswith("s") and " " not in k} | set(PLURAL_WORDS))


@cache
def unit_re() -> re.Pattern:
    """A unit word or abbreviation after the number ("5 kilometres", "12km", "3 sq ft")."""
    cs_alt = alt([k for k in units_cs() if k not in SINGLE_LETTER_UNITS], flags_ci=False)
    return re.compile(rf"(?:\s?-\s?|\s)?(?P<u>{alt(units_ci())}|{cs_alt})(?![A-Za-z0-9²³])")


@cache
def per_re() -> re.Pattern:
    """The denominator of a rate after a unit ("per hour", "a day", "/ litre")."""
    targets = alt(list(units_ci()) + PER_UNIT_TIME_WORDS)
    return re.compile(rf"(?:\s?(?:per|an|a|/)\s?|-(?:per|an?)-)(?P<u>{targets})(?![A-Za-z])")


def unit_name(surface: str) -> str | None:
    """The unit name of a unit surface ("km" -> "kilometre", "Miles" -> "mile")."""
    return units_cs().get(surface) or units_ci().get(re.sub(r"\s+", " ", surface.lower()))


def preload_units() -> None:
    """Build pint's registry, the unit words, the units with a dimension, the symbols after a slash and
    the patterns now (before workers fork)."""
    plural_nouns()
    unit_re()
    per_re()
    dimensioned_units()
    slash_denominators()


# ------------------------------------------------------------------ before the number
def _currency_symbol_before(text: str, f: Figure) -> bool:
    """A currency code or symbol right before the number ("$", "USD", "HK $", "$-50.8bn")."""
    m = CUR_BEFORE_RE.search(text, max(0, f.start - 8), f.start)
    if not (m and m.end() == f.start):
        return False
    code = m.group("code")
    sym = m.group("sym")
    if code:
        cur = CUR_CODE_ALIAS.get(code, code)
    else:
        cur = CUR_SYMBOLS.get(re.sub(r"\s+", " ", sym), CUR_SYMBOLS.get(sym.replace(" ", "")))
        if sym == "PS" and not re.search(r"[,.]", text[f.start:f.core_end]) \
                and not SCALE_GLUED_RE.match(text, f.core_end):
            cur = None      # "PS" is a pound sign only before "1,200", "3.5" or "5m"
    if not cur:
        return False
    f.cur = cur
    f.start = m.start()
    if m.group("sign"):
        f.sign = -1
    return True


def _minus_word_before(text: str, f: Figure) -> bool:
    """"minus 5"; "plus or minus 3 percentage points" (a margin of error, as "±3") is no negative value."""
    if pm := PLUS_OR_MINUS_BEFORE_RE.search(text, max(0, f.start - 20), f.start):
        f.start = pm.start()
        return True
    mm = MINUS_BEFORE_RE.search(text, max(0, f.start - 8), f.start)
    if mm:
        f.sign = -1
        f.start = mm.start()
    return mm is not None


def _sign_before(text: str, f: Figure) -> None:
    """A written minus ("-5", not the dash of "COVID -19") or plus ("+3%")."""
    if f.start > 0 and text[f.start - 1] in "-−":
        before = text[max(0, f.start - 8):f.start - 1]
        if not before or before[-1] in " (\t\n:=[" and not re.search(r"[A-Z][\w]*\s\Z", before):
            f.sign = -1
            f.start -= 1
    elif f.start > 0 and text[f.start - 1] == "+" and (f.start < 2 or not text[f.start - 2].isalnum()):
        f.pct_sign = 1
        f.start -= 1


def read_before(text: str, f: Figure) -> None:
    """A currency, a "minus" or a sign written before the number."""
    if not _currency_symbol_before(text, f) and not _minus_word_before(text, f):
        _sign_before(text, f)


def magnitude_before(text: str, f: Figure) -> None:
    """"magnitude 6.4", "a magnitude of 6.9": the unit is written before the number; "6.2 on the
    Richter scale": after it."""
    if not f.bare:
        return
    before = MAGNITUDE_BEFORE_RE.search(text, max(0, f.start - 16), f.start)
    after = RICHTER_AFTER_RE.match(text, f.end)
    if before or after:
        f.unit, f.kind, f.bare = "magnitude", "quantity", False
        f.start = before.start() if before else f.start
        f.end = after.end() if after else f.end


# ------------------------------------------------------------------ after the number: scale
def _scale_word(text: str, f: Figure, pos: int) -> int:
    m = SCALE_WORD_RE.match(text, pos)
    if m:
        f.value *= SCALES[m.group("w").lower()]
        f.scaled = True
        pos = m.end()
    return pos


def _counted_noun_follows(text: str, pos: int) -> bool:
    """A plural noun follows ("1.2m tons", "2.7m sales", "10k steps"): the suffix before it is a scale."""
    m = PLURAL_NOUN_AFTER_RE.match(text, pos)
    if not m:
        return False
    w = m.group("w")
    if w in DISTANCE_EVENTS:
        return False             # "the 400m hurdles": a race over metres
    return w in plural_nouns() or (w not in units_ci() and w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _glued_scale(text: str, f: Figure, m: re.Match, pos: int) -> int:
    """"1.5bn", "$3m", "5B": a lowercase m, b or k scales only next to a currency or before a plural
    noun ("1.2m tons", "2.7m sales"); else "5m" is metres."""
    w = m.group("w")
    money_follows = CUR_AFTER_RE.match(text, m.end()) or CODE_AFTER_RE.match(text, m.end())
    if f.cur or money_follows or w not in ("m", "b", "k") or _counted_noun_follows(text, m.end()):
        f.value *= SCALE_SUFFIX[w]
        f.scaled = True
        pos = f.end = m.end()
    return pos


def _spaced_scale(text: str, f: Figure, pos: int) -> int:
    """"$5 bn", "€3 M" (after a currency only)."""
    m = SCALE_SPACED_RE.match(text, pos)
    if m:
        f.value *= SCALE_SUFFIX.get(m.group("w"), SCALES.get(m.group("w").lower(), 1))
        f.scaled = True
        pos = m.end()
    return pos


def _read_scale(text: str, f: Figure, pos: int) -> int:
    if f.is_word or f.fraction:
        return pos
    m = SCALE_GLUED_RE.match(text, pos)
    if m:
        pos = _glued_scale(text, f, m, pos)
    elif f.cur:
        pos = _spaced_scale(text, f, pos)
    if not f.scaled:
        pos = _scale_word(text, f, pos)
    return pos


# ------------------------------------------------------------------ percent and money
def _read_percent(text: str, f: Figure, pos: int) -> int:
    m = PCT_RE.match(text, pos)
    if m and not f.cur:
        f.unit = PERCENT.get(re.sub(r"[\s-]+", " ", m.group("u").lower()), "percent")
        f.kind = "percent"
        f.bare = False
        f.end = m.end()
    return pos


def _code_after(text: str, f: Figure, pos: int) -> int:
    """"110 JPY", "$76 US"."""
    m = CODE_AFTER_RE.match(text, pos)
    if m:
        c = m.group("c")
        if c in ("US", "U.S."):
            if f.cur == "USD":
                pos = m.end()
        elif not f.cur:
            f.cur = CUR_CODE_ALIAS.get(c, c)
            pos = m.end()
    return pos


def _symbol_after(text: str, f: Figure, pos: int) -> int:
    """"1,200€"."""
    m = SYM_AFTER_RE.match(text, pos)
    if m:
        f.cur = CUR_SYMBOLS.get(m.group("s"))
        pos = m.end()
    return pos


@lru_cache(maxsize=4)
def _dollars_not_sterling(text: str) -> bool:
    """The article writes money with "$" and never names sterling ("£", "sterling", "GBP")."""
    return "$" in text and not any(mark in text for mark in STERLING_MARKS)


def _pounds_of_weight(text: str, f: Figure, end: int) -> bool:
    """"capped at 29.4 million pounds" of halibut in an article that writes its money in dollars: pounds of weight;
    not when a money equivalent stands in brackets beside it ("20 million pounds ($26 million)")."""
    return _dollars_not_sterling(text) and MONEY_BRACKET_AFTER_RE.match(text, end) is None \
        and MONEY_BRACKET_BEFORE_RE.search(text, max(0, f.start - 40), f.start) is None


def _currency_word_after(text: str, f: Figure, pos: int) -> int:
    """"yuan", "Danish crowns"; "pounds" and "won" only after a scale ("5 million pounds"), and "pounds" not in an
    article of dollars (``_pounds_of_weight``)."""
    m = CUR_AFTER_RE.match(text, pos)
    if m:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if w in CUR_WORDS:
            f.cur = CUR_WORDS[w]
            pos = m.end()
        elif w in CUR_WORDS_SCALE and f.scaled and not (w.startswith("pound") and _pounds_of_weight(text, f, m.end())):
            f.cur = CUR_WORDS_SCALE[w]
            pos = m.end()
    return pos


def _read_currency(text: str, f: Figure, pos: int) -> int:
    pos = _code_after(text, f, pos)
    if not f.cur:
        pos = _symbol_after(text, f, pos)
    if not f.cur:
        pos = _currency_word_after(text, f, pos)
    elif not f.scaled:
        pos = _scale_word(text, f, pos)        # "$5 million"
    if f.cur:
        f.unit, f.kind, f.bare = f.cur, "money", False
        f.end = pos
    return pos


def _read_subunit(text: str, f: Figure, pos: int) -> int:
    """Sub-units of money: "19 cents", "118.5p"."""
    m = SUB_RE.match(text, pos)
    if m:
        f.unit, f.kind, f.bare, f.end = SUBUNITS[m.group("w").lower()], "money", False, m.end()
        return pos
    m = SUB_GLUED_RE.match(text, pos)
    if m and m.group("w") == "p" and not f.is_word:
        f.unit, f.kind, f.bare, f.end = SUBUNIT_SUFFIX["p"], "money", False, m.end()
    return pos


def _fraction_of_a_unit(text: str, f: Figure) -> bool:
    """"a millionth of a metre", "a quarter of a mile": a fraction of one unit is that much of the unit
    (a rate may follow: "a millionth of a mole per cubic metre")."""
    m = FRACTION_OF_A_RE.match(text, f.end)
    u = unit_re().match(text, m.end()) if m else None
    unit = unit_name(u.group("u")) if u and u.start("u") > m.end() else None
    if unit:
        f.unit, f.kind, f.bare, f.end = unit, "quantity", False, u.end()
        _per_unit(text, f, unit)
    return unit is not None


def _read_fraction(text: str, f: Figure, pos: int) -> int:
    if f.fraction and not _fraction_of_a_unit(text, f):
        f.unit, f.kind, f.bare, f.end = "fraction", "percent", False, pos
    return pos


# ------------------------------------------------------------------ ages and units
def _read_age(text: str, f: Figure, pos: int) -> int:
    """"a 50-year-old man", "18 months old"."""
    m = AGE_RE.match(text, pos)
    if m:
        w = m.group("w").lower()
        f.unit = next((u for u in ("month", "week", "day") if w.startswith(u)), "year")
        f.kind, f.bare, f.age, f.end = "quantity", False, True, m.end()
        f.measure = "age"
    return pos


def _unit_letter(text: str, f: Figure, m: re.Match, pos: int) -> str | None:
    """A one-letter unit after a space only when a word does not follow it ("12 m.", not "5 m people"); a
    capital letter ("C", "F", "V", "W", "L") is no scale word and stays a unit before a word ("12 C melting point")."""
    u = m.group("u")
    glued = m.start("u") == pos
    if glued or u.isupper() or not re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
        if u == "m" and f.scaled:
            return None
        return UNITS_CS.get(u)
    return None


def _per_unit(text: str, f: Figure, unit: str) -> None:
    """A rate: "5 kilometres per hour", "3 litres a day", "10 km/h" is one unit already."""
    if unit in ("mile per hour", "kilometre per hour"):
        return
    p = per_re().match(text, f.end)
    if p:
        pu = p.group("u").lower()
        pu = units_ci().get(re.sub(r"\s+", " ", pu), pu)
        f.unit = f"{unit} per {pu}"
        f.end = p.end()
    elif (s := SLASH_SYMBOL_RE.match(text, f.end)) and s.group("u") in slash_denominators():
        f.unit, f.end = f"{unit} per {slash_denominators()[s.group('u')]}", s.end()      # "8 m/s", "60 km/s"


def _read_unit(text: str, f: Figure, pos: int) -> int:
    m = unit_re().match(text, pos)
    unit = None
    if m:
        unit = unit_name(m.group("u"))
    elif pos == f.core_end and (m := UNIT_GLUED_RE.match(text, pos)):
        unit = UNITS_GLUED[m.group("u")]
    else:
        m = UNIT1_RE.match(text, pos)
        if m:
            unit = _unit_letter(text, f, m, pos)
    if unit:
        f.unit, f.kind, f.bare, f.end = unit, "quantity", False, m.end()
        _per_unit(text, f, unit)
    return pos


def _read_code_letters(text: str, f: Figure, pos: int) -> int:
    """Letters glued to the digits that are no unit: a code, an ordinal, a model name ("V10", "14th", "5G")."""
    if not f.is_word and pos == f.core_end and pos < len(text) and text[pos].isalpha():
        f.drop = True
    return pos


def _read_count_rate(text: str, f: Figure, pos: int) -> int:
    """"three per 100,000 people", "18.9 per 1,000": a count per a round base is a rate (unit
    "count per 100000", kind quantity, as money rates are); the base is no figure of its own."""
    m = COUNT_RATE_RE.match(text, f.end)
    if m and not f.drop:
        base = float(m.group("n").replace(",", "")) * SCALES.get((m.group("w") or "").lower(), 1)
        f.unit, f.kind, f.bare, f.end = f"count per {base:g}", "quantity", False, m.end()
    return pos


def _read_multiplier(text: str, f: Figure, pos: int) -> int:
    """"five times more", "2.4 times the mass of the Sun", "three times as many", "three times as large as", "1.7
    times Earth's radius", "10 times harder.": a factor, unit "times" (kind quantity), not a count of occasions
    ("an All-Star 18 times", "repeated three times later.")."""
    m = MULTIPLIER_RE.match(text, pos)
    if m and not f.drop:
        f.unit, f.kind, f.bare, f.end = "times", "quantity", False, m.end()
    return pos


Reader = Callable[[str, Figure, int], int]
READERS: tuple[Reader, ...] = (_read_scale, _read_percent, _read_currency, _read_subunit, _read_fraction,
                               _read_age, _read_unit, _read_multiplier, _read_code_letters, _read_count_rate)


def _rate_denominator(text: str, pos: int, per: bool) -> tuple[str, int] | None:
    """The unit or noun a rate is counted per, and where it ends: a unit ("barrel", "square foot"),
    a time word, a noun after "per" or "/", or one of the rate nouns after "a"/"an" ("a share")."""
    um = unit_re().match(text, pos)
    if um:
        return unit_name(um.group("u")), um.end()
    wm = RATE_WORD_RE.match(text, pos)
    if not wm:
        return None
    w = wm.group("u").lower()
    if w == "cent" or not (per or w in RATE_A_WORDS):
        return None
    return w, wm.end()


def _money_rate(text: str, f: Figure) -> None:
    """A money rate ("$58 per barrel", "63 cents a share", "$15 an hour") keeps its currency and its
    denominator: unit "USD per barrel", kind quantity (a rate is no amount of money)."""
    m = RATE_START_RE.match(text, f.end)
    found = _rate_denominator(text, m.end(), bool(m.group("per") or m.group("hper"))) if m else None
    if found is None or NOT_RATE_AFTER_RE.match(text, found[1]):
        return
    f.unit, f.kind, f.end = f"{f.unit} per {found[0]}", "quantity", found[1]


def read_after(text: str, f: Figure) -> None:
    """Read what follows the number, reader by reader, until one gives the figure its unit;
    money read so may be a rate ("$58 per barrel"). Each reader takes the position after what
    was read so far and returns the next one."""
    pos = f.end
    for reader in READERS:
        pos = reader(text, f, pos)
        if not f.bare:
            break
    if f.kind == "money":
        _money_rate(text, f)


# ------------------------------------------------------------------ what a bare number is
def _age_in_apposition(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """"Smith, 66, said": a whole number after a name, between commas, is an age."""
    tok = tok_at(f.core_start)
    if tok is not None and not f.is_word and float(f.value).is_integer() and 1 <= f.value <= 120 \
            and re.match(r"\s*,", text[f.end:f.end + 2]) \
            and re.search(r"[A-Z][\w'.-]*,\s\Z", text[max(0, f.start - 30):f.start]):
        prev = doc[tok.i - 2] if tok.i >= 2 else None
        return prev is not None and (prev.pos_ == "PROPN" or prev.ent_type_ == "PERSON")
    return False


def _age_after_person_noun(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """"the princess, 67, announced", "Another brother, 22, was": a whole number set off by commas right
    after a noun for a person (a title or a word for a relative or a person, from the entity lexicon)."""
    tok = tok_at(f.core_start)
    if tok is None or f.is_word or not float(f.value).is_integer() or not 1 <= f.value <= 120 \
            or not re.match(r",(?!\s*\d)", text[f.end:f.end + 4]) or text[max(0, f.start - 2):f.start] != ", ":
        return False
    prev = doc[tok.i - 2] if tok.i >= 2 else None
    return prev is not None and prev.pos_ == "NOUN" and prev.tag_ == "NN" \
        and (prev.lower_ in TITLES or prev.lower_ in APPOS_PERSON)


def _age_group_bound(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """"those under 19", "voters over 65", "men younger than 35": a whole number after "under"/"over"
    right after a word for people (``age_group_nouns``), with no noun after it, is an age bound."""
    tok = tok_at(f.core_start)
    m = AGE_BOUND_BEFORE_RE.search(text, max(0, f.core_start - 40), f.core_start)
    if tok is None or m is None or f.is_word or not float(f.value).is_integer() or not 1 <= f.value <= 120 \
            or m.group("w").lower() not in AGE_GROUP_NOUNS:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM")


def _person_subject(verb: Token, person_entity: bool) -> bool:
    """The subject of ``verb`` is one person: "I", "he", "she", a name spaCy labels a person, or a
    phrase whose entity (from the subject's mentions) is a person."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subj) != 1:
        return False
    s = subj[0]
    return s.lower_ in PERSON_PRONOUNS or s.ent_type_ == "PERSON" or (person_entity and s.pos_ != "PRON")


def age_after_be(f: Figure, root: Token | None, person_entity: bool) -> None:
    """"He was 95.", "when I was 19", "I was about 18", "when I was two-and-a-half": a bare whole (or half) number
    that is what a form of "be" says of one person is an age (no noun is counted)."""
    if root is None or not f.bare or f.kind != "count" or f.fraction or f.value_max is not None \
            or not float(f.value * 2).is_integer() or not 1 <= f.value <= 120:
        return
    verb = root.head
    if root.dep_ in ("attr", "acomp") and verb.lemma_ == "be" and not any(c.dep_ == "prep" for c in root.children) \
            and _person_subject(verb, person_entity):
        f.kind, f.unit, f.measure, f.age = "quantity", "year", "age", True


def _sentence_window(doc: Doc, tok: Token) -> str:
    """The text of ``tok``'s sentence with the sentences just before and after it."""
    sent = tok.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    last = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return doc[first:last].text


def _game_points(tok: Token) -> bool:
    """"averaged 7.3 points", "scored 22 points", "from three-point range": the points a player scores or a
    kind of shot (``game_point_verbs``, ``game_point_nouns``)."""
    points = tok.head
    if points.lower_ not in ("point", "points"):
        return False
    head = points.head
    if points.dep_ in ("compound", "amod", "nmod"):
        return head.lemma_.lower() in GAME_POINT_NOUNS
    return head.pos_ == "VERB" and head.lemma_.lower() in GAME_POINT_VERBS


def _poll_points(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> None:
    """"up eight points from March", "a 20-point gap": a bare number before "points" is a percentage
    point when its sentence or a neighbouring one speaks of percentages or polls (a score stays a count,
    and so do "at one point" and a stock index's points)."""
    m = POINTS_AFTER_RE.match(text, f.end)
    tok = tok_at(f.core_start)
    if m is None or tok is None or f.fraction or f.value_max is not None \
            or (f.value == 1 and AT_POINT_BEFORE_RE.search(text, max(0, f.start - 4), f.start)) \
            or INDEX_CONTEXT_RE.search(tok.sent.text) or _game_points(tok):
        return
    if POLL_CONTEXT_RE.search(_sentence_window(doc, tok)):
        f.kind, f.unit, f.bare, f.end = "percent", "percentage_point", False, m.end()


def _a_noun_or_few(text: str, f: Figure, tok_at: TokenAt) -> None:
    """"a day or two", "a minute or two", "a joke or two": one or a few of the noun, a range from 1 in the
    noun's unit (or a count of it); not "a cat or two dogs" (the number counts a noun of its own)."""
    m = A_NOUN_OR_BEFORE_RE.search(text, max(0, f.start - 30), f.start)
    tok = tok_at(f.core_start)
    if m is None or tok is None or tok.head.i > tok.i or not (f.is_word and f.value in (2, 3)) \
            or f.value_max is not None or f.qualifier != "exact":
        return
    noun = m.group("n")
    unit = unit_name(noun)
    f.value, f.value_max, f.start = 1, f.value, m.start("a")
    if unit:
        f.kind, f.unit, f.bare = "quantity", unit, False
    else:
        f.measure = noun


def _counted_noun_after(f: Figure, tok_at: TokenAt) -> tuple[Token, Token] | None:
    """The number's last token and the noun it counts, written after it ("517 rushing yards", "three thousand
    tests")."""
    tok = tok_at(f.core_start)
    while tok is not None and tok.dep_ == "compound" and tok.head.like_num and tok.head.i > tok.i:
        tok = tok.head
    if tok is None or tok.dep_ != "nummod" or tok.head.i <= tok.i:
        return None
    return tok, tok.head


def _counted_unit(f: Figure, tok_at: TokenAt) -> None:
    """"517 rushing yards", "two consecutive days", "one fluid ounce": a count of a unit word (pint's) that
    adjectives or nouns part from the number is that unit (the longest unit the words before the noun
    end: "fluid ounce"); not a currency word ("two British pounds"), a capitalised abbreviation ("one MP")
    or a date (a singular noun after a ``relative_period_words``: "2.1 last year", "one last week"; "the 50 previous
    years" count). Units pint gives no physical dimension are left ("two associate degrees", "one salient bit").
    The row keeps its text and measure."""
    found = _counted_noun_after(f, tok_at)
    if found is None or f.fraction:
        return
    tok, noun = found
    between = noun.doc[tok.i + 1:noun.i]
    if not 0 < len(between) <= 3 or not noun.text.isalpha() or not noun.text.islower() \
            or noun.lower_ in CUR_WORDS_SCALE \
            or (noun.tag_ == "NN" and any(t.lower_ in RELATIVE_WORDS for t in between)) \
            or any(t.like_num or t.head != noun or t.dep_ not in ("amod", "compound", "nmod") for t in between):
        return
    words = [t.text for t in between] + [noun.text]
    unit = next((u for k in range(len(words)) if (u := unit_name(" ".join(words[k:])))), None)
    if unit in dimensioned_units():
        f.kind, f.unit, f.bare = "quantity", unit, False


def _count_rate_after_noun(text: str, f: Figure, tok_at: TokenAt) -> None:
    """"four premature deaths per 100,000", "1,000 deaths per day", "90 people a day": a count whose noun is
    followed by a round base after "per" or by a time after "per"/"a"/"each"/"every" is a rate, as "three per 100,000
    people" is (unit "count per 100000", "count per day"; kind quantity); the noun stays the measure. Not "gave
    five people a day off" nor "1 percent of the bank's 100,000 bankers every year" (the time word must hang on the
    noun or on the word the noun hangs on)."""
    found = _counted_noun_after(f, tok_at)
    if found is None or found[1].i - found[0].i > 4:
        return
    end = found[1].idx + len(found[1])
    if m := COUNT_RATE_RE.match(text, end):
        base = float(m.group("n").replace(",", "")) * SCALES.get((m.group("w") or "").lower(), 1)
        f.unit, f.kind, f.bare = f"count per {base:g}", "quantity", False
    elif (m := COUNT_TIME_RATE_RE.match(text, end)) and (t := tok_at(m.start("w"))) is not None \
            and (t.head.head if t.dep_ == "pobj" else t.head if t.dep_ == "npadvmod" else None) \
            in (found[1], found[1].head):
        f.unit, f.kind, f.bare = f"count per {m.group('w').lower()}", "quantity", False


def after_age_words(text: str, f: Figure) -> bool:
    """"aged 88", "aged over 65", "at the age of 61", "below the age of fifteen": age words before the figure, or
    before its number when the qualifier holds them ("below the age of" is read as a qualifier first)."""
    return any(AGE_BEFORE_RE.search(text, max(0, pos - 20), pos) for pos in (f.start, f.core_start))


def read_bare_kind(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> None:
    """A figure without a unit is an age ("aged 88", "at the age of 61", "Smith, 66,") or a count."""
    if f.kind is None and after_age_words(text, f) and 0 < f.value < 130:
        f.kind, f.unit, f.measure, f.age, f.bare = "quantity", "year", "age", True, False
    if f.kind is None:
        f.kind, f.unit = "count", "count"
    if f.bare and f.kind == "count" and (_age_in_apposition(text, f, doc, tok_at)
                                         or _age_after_person_noun(text, f, doc, tok_at)
                                         or _age_group_bound(text, f, doc, tok_at)):
        f.kind, f.unit, f.measure, f.age = "quantity", "year", "age", True
    if f.bare and f.kind == "count":
        _poll_points(text, f, doc, tok_at)
    if f.bare and f.kind == "count":
        _a_noun_or_few(text, f, tok_at)
    if f.bare and f.kind == "count":
        _counted_unit(f, tok_at)
    if f.bare and f.kind == "count":
        _count_rate_after_noun(text, f, tok_at)
