"""Figures (money, percentages, counts, quantities), normalised, from a parsed Doc.

Public surface:
- ``extract_figures(doc, entities, quotes) -> list[dict]``: one dict per figure:
  ``{"text": str, "value": float, "value_max": float | None, "unit": str,
     "kind": "money" | "percent" | "count" | "quantity",
     "qualifier": "exact" | "over" | "under" | "about" | "at_least" | "at_most",
     "direction": "increase" | "decrease" | None, "measure": str | None, "period": str | None,
     "entity": int | None (index into entities), "quote": int | None (index into quotes),
     "equivalent_of": int | None (index into the returned figures),
     "start": int, "end": int, "sentence_index": int}``
  ``doc.text[start:end] == text``.

Conventions (see also ``data/figures.json``, the lists of general facts used here):
- ``value`` is normalised: scale words and suffixes are applied ("2 trillion" -> 2e12, "1.5bn" ->
  1.5e9), spelled-out numbers are read ("a dozen" -> 12), a sign is kept only when written
  ("minus 5", "$-50.8bn"); parentheses never make a number negative.
- A range is one row: ``value`` is its lower bound and ``value_max`` its upper bound ("between 5
  and 10 percent", "5-10%", "1 to 1.5 degrees"). "from X to Y" after a change verb is not a range
  but two figures (a start and an end).
- ``unit``: ISO 4217 code for money; money in a sub-unit keeps its written value with the
  sub-unit as unit (``cent``, ``pence``, ``sen``); ``percent``, ``percentage_point``,
  ``basis_point`` (kind percent); ``fraction`` for shares written as fractions ("two thirds" ->
  0.667, kind percent); ``count`` for counted things (what is counted goes in ``measure``);
  otherwise a singular unit name ("kilometre", "mile per hour", "year"). Ages have unit
  ``year`` (or ``month``...) and measure ``age``.
- ``qualifier``: over ("more than", "over", "exceeded"), under ("less than", "fewer than",
  "nearly", "almost": the figure is a bound not reached), about ("about", "around", "roughly"),
  at_least ("at least", "or more"), at_most ("up to", "as many as", "no more than"), else exact.
- ``direction``: set when the figure is the size of a stated change ("increased 21.8 percent",
  "fell by 2 percent", "a 3 percent drop", "up 19 cents"); not for the level reached ("to $5").
- ``equivalent_of``: "2 trillion yuan ($273 billion)" -> the dollar row points at the yuan row.
- Not figures: years and dates, times of day, ordinals, numbers inside names and codes
  ("COVID-19", "Boeing 737-800", "Route 66"), street addresses, phone numbers, sports scores.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from pathlib import Path

from .spans import sentence_index, sentence_starts

_DATA = json.loads((Path(__file__).parent / "data" / "figures.json").read_text(encoding="utf-8"))


def _alt(words, flags_ci=True) -> str:
    """A regex alternation of literal surfaces, longest first (so 'per cent' beats 'per')."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s*") if " " in w else re.escape(w) for w in items)
    return f"(?i:{body})" if flags_ci else f"(?:{body})"


def _lower_map(d: dict) -> dict:
    return {re.sub(r"\s+", " ", k.lower()): v for k, v in d.items()}


# ------------------------------------------------------------------ vocabularies
CUR_SYMBOLS = _DATA["currency_symbols"]
CUR_CODES = set(_DATA["currency_codes"])
CUR_CODE_ALIAS = _DATA["currency_code_alias"]
CUR_WORDS = _lower_map(_DATA["currency_words"])
CUR_WORDS_SCALE = _lower_map(_DATA["currency_word_needs_scale"])
SUBUNITS = _lower_map(_DATA["currency_subunits"])
SUBUNIT_SUFFIX = _DATA["currency_subunit_suffix_case_sensitive"]
SCALES = {k: v for k, v in _DATA["scales"].items() if v}
SCALE_SUFFIX = _DATA["scale_suffixes_case_sensitive"]
NUMBER_WORDS = _DATA["number_words"]
MULT_WORDS = _DATA["multiplier_words"]
FRACTION_WORDS = _DATA["fraction_words"]
PERCENT = _lower_map(_DATA["percent"])
UNITS_CI = _lower_map(_DATA["units"])
UNITS_CS = _DATA["units_case_sensitive"]
AGE_WORDS = _DATA["age_words"]
QUAL_BEFORE = _lower_map(_DATA["qualifiers_before"])
QUAL_AFTER = _lower_map(_DATA["qualifiers_after"])
QUAL_VERBS = _DATA["qualifier_verbs"]
INCREASE = set(_DATA["increase_words"])
DECREASE = set(_DATA["decrease_words"])
MONTHS = set(_DATA["month_names"])
PERIOD_WORDS = set(_DATA["period_words"])
NOT_PERIOD = set(_DATA["not_period_words"])
MOTION_ALT = "|".join(sorted(set(_DATA["motion_before_up_to"]) | INCREASE, key=len, reverse=True))
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
RELATIVE_WORDS = {"last", "this", "next", "previous", "past", "current", "coming", "fiscal", "first", "second", "third",
                  "fourth", "same", "end", "start", "beginning", "early", "late", "mid", "earlier", "later", "recent"}
CODE_PREFIX_OK = set(_DATA["code_prefix_ok"])
STREET_WORDS = set(_DATA["street_words"])
NAME_ENTS = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
SUBUNIT_NAMES = set(SUBUNITS.values()) | set(SUBUNIT_SUFFIX.values())
SINGLE_LETTER_UNITS = {k for k in UNITS_CS if len(k) == 1}

# ------------------------------------------------------------------ regexes (all linear or anchored)
NUM_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])|(?<![\w.,])\.\d+")
_word_alt = "|".join(sorted(list(NUMBER_WORDS) + list(MULT_WORDS) + list(FRACTION_WORDS), key=len, reverse=True))
WORDNUM_RE = re.compile(rf"\b(?:{_word_alt})\b", re.I)
# currency written before the number ("$", "US$", "HK $", "USD", "Rs.", "€"), optionally a sign
_sym_alt = _alt([s for s in CUR_SYMBOLS], flags_ci=False)
_code_alt = "|".join(sorted(CUR_CODES))
CUR_BEFORE_RE = re.compile(rf"(?:(?<![A-Za-z])(?P<code>{_code_alt})|(?P<sym>{_sym_alt}))\s?(?P<sign>[-−])?\Z")
MINUS_BEFORE_RE = re.compile(r"(?i)\bminus[\s-]?\Z")
QUAL_BEFORE_RE = re.compile(rf"(?<![\w])(?P<q>{_alt(QUAL_BEFORE)})\s*\Z")
QUAL_AFTER_RE = re.compile(rf"\s*(?P<q>{_alt(QUAL_AFTER)})(?![\w])")
SCALE_WORD_RE = re.compile(rf"[\s-]*(?P<w>{_alt(SCALES)})(?![A-Za-z])")
SCALE_GLUED_RE = re.compile(rf"(?P<w>{_alt(SCALE_SUFFIX, flags_ci=False)})(?![A-Za-z])")
SCALE_SPACED_RE = re.compile(r"\s(?P<w>bn|mn|mln|tn|m|M|B)(?![\w])")
PCT_RE = re.compile(rf"[\s-]?(?P<u>{_alt([k for k in PERCENT if k != '%'])}|%)(?![A-Za-z])")
_cur_after = [k for k in CUR_WORDS] + [k for k in CUR_WORDS_SCALE]
CUR_AFTER_RE = re.compile(rf"[\s-]?(?P<w>{_alt(_cur_after)})(?![A-Za-z])")
CODE_AFTER_RE = re.compile(rf"\s?(?P<c>{_code_alt}|U\.S\.|US)(?![A-Za-z])")
SYM_AFTER_RE = re.compile(r"\s?(?P<s>[€£¥₹₩₽₺₪₦₱฿₫₴])")
SUB_RE = re.compile(rf"[\s-]?(?P<w>{_alt(SUBUNITS)})(?![A-Za-z])")
SUB_GLUED_RE = re.compile(r"\s?(?P<w>p)(?![\w])")
AGE_RE = re.compile(rf"[\s-]?(?P<w>{_alt(AGE_WORDS)})(?![A-Za-z])")
_units_cs_alt = _alt([k for k in UNITS_CS if k not in SINGLE_LETTER_UNITS], flags_ci=False)
UNIT_RE = re.compile(rf"(?:\s?-\s?|\s)?(?P<u>{_alt(UNITS_CI)}|{_units_cs_alt})(?![A-Za-z0-9²³])")
UNIT1_RE = re.compile(r"\s?(?P<u>[mgtlLhCFVW″′])(?![\w²³])")
_per_targets = _alt(list(UNITS_CI) + ["hour", "day", "week", "month", "year", "century", "decade", "second", "minute"])
PER_RE = re.compile(rf"\s?(?:per|an|a|/)\s?(?P<u>{_per_targets})(?![A-Za-z])")
AGE_BEFORE_RE = re.compile(r"(?i)\b(?:aged|age(?:s)?\s+of|at\s+age|ages?)\s*\Z")
MAGNITUDE_BEFORE_RE = re.compile(r"(?i)\bmagnitude[\s-]?\Z")
FRACTION_DIGITS_RE = re.compile(r"[/⁄](?P<d>\d{1,3})(?=\s+of\b)")
OF_AFTER_RE = re.compile(r"\s+of\b|\s+an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b", re.I)
SCI_RE = re.compile(r"\s?[x×]\s?10\s?(?:\^|\*\*)?\s?(?P<e>[-−]?\d{1,3})(?![\d.])")
OUT_OF_RE = re.compile(r"\s+(?:out\s+of|in)\s+(?=\S)", re.I)
TIME_RE = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?o['’]clock\b|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[AaPp][Mm]\b)")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b")
MONTH_BEFORE_RE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\Z")
MONTH_AFTER_RE = re.compile(rf"(?i)\s*(?:of\s+)?(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b")
STREET_AFTER_RE = re.compile(rf"(?:\s+[A-Z0-9][\w.]*){{0,3}}\s+(?:{'|'.join(sorted((w.title() for w in STREET_WORDS), key=len, reverse=True))})\b\.?")
LETTERS_BEFORE_RE = re.compile(r"[A-Za-z=]+\Z")
HYPHEN_CODE_RE = re.compile(r"(?P<w>[A-Za-z]+)\s?-\Z")
BETWEEN_RE = re.compile(r"(?i)\bbetween\s*\Z")
RANGE_VERB_RE = re.compile(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|between)\s+(?:from\s+)?\Z")


class _Fig:
    """One figure being built."""

    __slots__ = ("start", "end", "value", "value_max", "unit", "kind", "qualifier", "direction",
                 "scaled", "cur", "bare", "is_word", "sign", "measure", "period", "entity",
                 "quote", "equivalent_of", "core_start", "core_end", "drop", "age", "fraction", "pct_sign", "raw", "date")

    def __init__(self, start, end, value, is_word=False):
        self.start, self.end, self.value = start, end, value
        self.core_start, self.core_end = start, end
        self.value_max = None
        self.unit = None
        self.kind = None
        self.qualifier = "exact"
        self.direction = None
        self.scaled = False
        self.cur = None
        self.bare = True
        self.is_word = is_word
        self.sign = None
        self.measure = self.period = self.entity = self.quote = self.equivalent_of = None
        self.drop = False
        self.age = False
        self.fraction = False
        self.pct_sign = None
        self.raw = value
        self.date = False


# ------------------------------------------------------------------ numbers
def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _word_phrases(text: str, atoms: list[tuple[int, int, str]]) -> list[tuple[int, int, float, bool]]:
    """Group adjacent number words into phrases: (start, end, value, is_fraction)."""
    out = []
    i = 0
    while i < len(atoms):
        j = i
        group = [atoms[i]]
        while j + 1 < len(atoms):
            gap = text[atoms[j][1]:atoms[j + 1][0]]
            prev, nxt = atoms[j][2].lower(), atoms[j + 1][2].lower()
            if re.fullmatch(r"[\s-]+", gap) or (re.fullmatch(r"\s+and\s+", gap) and prev in ("hundred", "thousand", "million")):
                if prev in FRACTION_WORDS:        # nothing follows a fraction word
                    break
                if prev in NUMBER_WORDS and nxt in NUMBER_WORDS and not (NUMBER_WORDS[prev] >= 20 and NUMBER_WORDS[nxt] < 10
                                                                           and NUMBER_WORDS[prev] % 10 == 0):
                    break                          # "two three" is not one number; "twenty-five" is
                group.append(atoms[j + 1])
                j += 1
            else:
                break
        start, end = group[0][0], group[-1][1]
        words = [g[2].lower() for g in group]
        # a lone multiplier or fraction word needs "a"/"an"/"one" before it ("a dozen", "a third")
        lead = re.search(r"(?i)\b(an?)\s+\Z", text[max(0, start - 4):start])
        total, current, seen = 0.0, 0.0, False
        frac = None
        for w in words:
            if w in NUMBER_WORDS:
                current += NUMBER_WORDS[w]
                seen = True
            elif w in FRACTION_WORDS:
                plural = w.endswith("s") and w != "halves" or w == "halves"
                if not plural and not OF_AFTER_RE.match(text, end):
                    frac = None          # "a third-party", "the third time", "a quarter century"
                    seen = False
                    break
                num = current if seen else (1.0 if lead or w == "half" else None)
                if num is None or (w in ("half", "halves") and seen and current != 1):
                    frac = None
                    seen = False
                    break
                frac = num / FRACTION_WORDS[w]
            elif w in MULT_WORDS:
                if not seen:
                    if lead:
                        current, seen = 1.0, True
                    elif w == "dozen":
                        break
                    else:
                        break
                if w == "hundred":
                    current *= 100
                elif w == "dozen":
                    current *= 12
                else:
                    total += current * MULT_WORDS[w]
                    current = 0.0
        if frac is not None and len(words) == 1 and words[0] == "half":
            hm = re.match(r"\s+an?\s+(hundred|thousand|million|billion|trillion|dozen)\b", text[end:end + 20], re.I)
            if hm:
                out.append((start, end + hm.end(), 0.5 * MULT_WORDS[hm.group(1).lower()], False))
                i = j + 1
                continue
        if frac is not None:
            if lead and not any(w in NUMBER_WORDS for w in words):
                start = lead.start() + max(0, start - 4)
            out.append((start, end, frac, True))
        elif seen:
            if lead and words[0] in MULT_WORDS:
                start = lead.start() + max(0, start - 4)
            out.append((start, end, total + current, False))
        i = j + 1
    return out


def _phrases(text: str) -> list[_Fig]:
    """Numeric cores (digits with scale words, or spelled-out numbers), in text order."""
    figs: list[_Fig] = []
    digits = [(m.start(), m.end()) for m in NUM_RE.finditer(text)]
    words = [(m.start(), m.end(), m.group()) for m in WORDNUM_RE.finditer(text)]
    # digit cores, extended by scale words ("2 trillion", "4 hundred million")
    for s, e in digits:
        f = _Fig(s, e, _num(text[s:e]))
        pos = e
        while True:
            m = SCALE_WORD_RE.match(text, pos) or re.compile(r"[\s-]+(?P<w>hundred)\b", re.I).match(text, pos)
            if not m:
                break
            w = m.group("w").lower()
            f.value *= SCALES.get(w, 100 if w == "hundred" else 1)
            f.scaled = True
            pos = m.end()
        sm = SCI_RE.match(text, pos)
        if sm:
            f.value *= 10 ** int(sm.group("e").replace("−", "-"))
            pos = sm.end()
            f.scaled = True
        f.end = f.core_end = pos
        # "1/16 of"
        fm = FRACTION_DIGITS_RE.match(text, pos)
        if fm and not f.scaled and int(fm.group("d")) > f.value > 0:
            f.value = f.value / int(fm.group("d"))
            f.end = f.core_end = fm.end()
            f.fraction = True
        if not f.fraction and (re.match(r"[/⁄]\d", text[pos:pos + 2]) or (s >= 2 and re.match(r"\d[/⁄]", text[s - 2:s]))):
            f.drop = True           # "24/7", "9/11", "3/4/2020"
        figs.append(f)
    d_starts = [f.start for f in figs]          # sorted, non-overlapping

    def inside_digits(pos: int) -> bool:
        k = bisect_right(d_starts, pos) - 1
        return k >= 0 and pos < figs[k].end
    words = [w for w in words if not inside_digits(w[0])]
    # "one-on-one", "one-off": a number word glued to a word by hyphens is an adjective, not a figure
    words = [w for w in words if not re.match(r"-(?:on|off|to|by)-", text[w[1]:w[1] + 5], re.I)
             and not (w[0] >= 4 and re.search(r"(?i)-(?:on|by|to)-\Z", text[w[0] - 4:w[0]]))]
    for s, e, v, is_frac in _word_phrases(text, words):
        f = _Fig(s, e, v, is_word=True)
        f.fraction = is_frac
        figs.append(f)
    figs.sort(key=lambda f: f.start)
    # "one out of three", "1 in 5": a fraction of two numbers
    out: list[_Fig] = []
    k = 0
    while k < len(figs):
        f = figs[k]
        if k + 1 < len(figs) and not f.fraction:
            m = OUT_OF_RE.match(text, f.end)
            g = figs[k + 1]
            if m and m.end() == g.start and not g.fraction and 0 < f.value < g.value <= 100 and not g.scaled:
                after = text[g.end:g.end + 2]
                if not re.match(r"\s?\d", after):
                    nf = _Fig(f.start, g.end, f.value / g.value, is_word=f.is_word)
                    nf.fraction = True
                    out.append(nf)
                    k += 2
                    continue
        out.append(f)
        k += 1
    return out


# ------------------------------------------------------------------ context: currency, units, qualifiers
def _currency_before(text: str, f: _Fig) -> None:
    lo = max(0, f.start - 8)
    m = CUR_BEFORE_RE.search(text, lo, f.start)
    if m and m.end() == f.start:
        code = m.group("code")
        sym = m.group("sym")
        if code:
            cur = CUR_CODE_ALIAS.get(code, code)
        else:
            cur = CUR_SYMBOLS.get(re.sub(r"\s+", " ", sym), CUR_SYMBOLS.get(sym.replace(" ", "")))
            if sym == "PS" and not re.search(r"[,.]", text[f.start:f.core_end]) and not SCALE_GLUED_RE.match(text, f.core_end):
                cur = None
        if cur:
            f.cur = cur
            f.start = m.start()
            if m.group("sign"):
                f.sign = -1
            return
    mm = MINUS_BEFORE_RE.search(text, max(0, f.start - 8), f.start)
    if mm:
        f.sign = -1
        f.start = mm.start()
        return
    if f.start > 0 and text[f.start - 1] in "-−":
        before = text[max(0, f.start - 8):f.start - 1]
        if not before or before[-1] in " (\t\n:=[" and not re.search(r"[A-Z][\w]*\s\Z", before):
            f.sign = -1
            f.start -= 1
    elif f.start > 0 and text[f.start - 1] == "+" and (f.start < 2 or not text[f.start - 2].isalnum()):
        f.pct_sign = 1
        f.start -= 1


def _after(text: str, f: _Fig) -> None:
    """Scale suffix, percent, currency, sub-unit, age and unit written after the number."""
    pos = f.end
    if not f.is_word and not f.fraction:
        m = SCALE_GLUED_RE.match(text, pos)
        if m:
            w = m.group("w")
            money_follows = CUR_AFTER_RE.match(text, m.end()) or CODE_AFTER_RE.match(text, m.end())
            if w not in ("m", "b", "k", "K", "B") or f.cur or money_follows or w in ("B", "K"):
                if not (w in ("b", "k") and not f.cur and not money_follows):
                    f.value *= SCALE_SUFFIX[w]
                    f.scaled = True
                    pos = m.end()
        elif f.cur:
            m = SCALE_SPACED_RE.match(text, pos)
            if m:
                f.value *= SCALE_SUFFIX.get(m.group("w"), SCALES.get(m.group("w").lower(), 1))
                f.scaled = True
                pos = m.end()
        if not f.scaled:
            m = SCALE_WORD_RE.match(text, pos)
            if m:
                f.value *= SCALES[m.group("w").lower()]
                f.scaled = True
                pos = m.end()
    # percent
    m = PCT_RE.match(text, pos)
    if m and not f.cur:
        f.unit = PERCENT[re.sub(r"[\s-]+", " ", m.group("u").lower()).replace("per cent", "per cent")] \
            if re.sub(r"[\s-]+", " ", m.group("u").lower()) in PERCENT else "percent"
        f.kind = "percent"
        f.bare = False
        f.end = m.end()
        return
    # currency after: code ("110 JPY", "$76 US"), symbol ("1,200€"), word ("yuan", "Danish crowns")
    m = CODE_AFTER_RE.match(text, pos)
    if m:
        c = m.group("c")
        if c in ("US", "U.S."):
            if f.cur in ("USD",):
                pos = m.end()
        elif not f.cur:
            f.cur = CUR_CODE_ALIAS.get(c, c)
            pos = m.end()
    if not f.cur:
        m = SYM_AFTER_RE.match(text, pos)
        if m and m.start() == pos:
            f.cur = CUR_SYMBOLS.get(m.group("s"))
            pos = m.end()
    if not f.cur:
        m = CUR_AFTER_RE.match(text, pos)
        if m:
            w = re.sub(r"\s+", " ", m.group("w").lower())
            if w in CUR_WORDS:
                f.cur = CUR_WORDS[w]
                pos = m.end()
            elif w in CUR_WORDS_SCALE and f.scaled:
                f.cur = CUR_WORDS_SCALE[w]
                pos = m.end()
    elif f.cur and not f.scaled:
        m = SCALE_WORD_RE.match(text, pos)
        if m:
            f.value *= SCALES[m.group("w").lower()]
            f.scaled = True
            pos = m.end()
    if f.cur:
        f.unit, f.kind, f.bare = f.cur, "money", False
        f.end = pos
        return
    # sub-units of money: "19 cents", "118.5p"
    m = SUB_RE.match(text, pos)
    if m:
        f.unit, f.kind, f.bare, f.end = SUBUNITS[m.group("w").lower()], "money", False, m.end()
        return
    m = SUB_GLUED_RE.match(text, pos)
    if m and m.group("w") == "p" and not f.is_word:
        f.unit, f.kind, f.bare, f.end = SUBUNIT_SUFFIX["p"], "money", False, m.end()
        return
    if f.fraction:
        f.unit, f.kind, f.bare, f.end = "fraction", "percent", False, pos
        return
    # ages: "a 50-year-old man", "18 months old"
    m = AGE_RE.match(text, pos)
    if m:
        w = m.group("w").lower()
        f.unit = "month" if w.startswith("month") else "week" if w.startswith("week") else "day" if w.startswith("day") else "year"
        f.kind, f.bare, f.age, f.end = "quantity", False, True, m.end()
        f.measure = "age"
        return
    m = UNIT_RE.match(text, pos)
    unit = None
    if m:
        u = m.group("u")
        unit = UNITS_CS.get(u) or UNITS_CI.get(re.sub(r"\s+", " ", u.lower()))
    else:
        m = UNIT1_RE.match(text, pos)
        if m:
            u = m.group("u")
            glued = m.start("u") == pos
            # a one-letter unit after a space only when a word does not follow it ("12 C", not "5 m people")
            if glued or not re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
                if u == "m" and f.scaled:
                    unit = None
                else:
                    unit = UNITS_CS.get(u)
    if unit:
        f.unit, f.kind, f.bare, f.end = unit, "quantity", False, m.end()
        p = PER_RE.match(text, f.end)
        if p and unit not in ("mile per hour", "kilometre per hour"):
            pu = p.group("u").lower()
            pu = UNITS_CI.get(re.sub(r"\s+", " ", pu), pu)
            f.unit = f"{unit} per {pu}"
            f.end = p.end()
        return
    # letters glued to the digits that are no unit: a code, an ordinal, a model name ("V10", "14th", "5G")
    if not f.is_word and pos == f.core_end and pos < len(text) and text[pos].isalpha():
        f.drop = True


def _qualifier_before(text: str, f: _Fig) -> None:
    lo = max(0, f.start - 30)
    m = QUAL_BEFORE_RE.search(text, lo, f.start)
    if m and m.end() == f.start or (m and text[m.end():f.start].strip() == ""):
        qs = re.sub(r"\s+", " ", m.group("q").lower())
        q = QUAL_BEFORE[qs]
        if qs == "up to" and re.search(r"(?i)\b(?:" + MOTION_ALT + r")\s+\Z", text[max(0, m.start() - 15):m.start()]):
            return               # "inching back up to 4.8 percent": a level reached, not a bound
        if q != "exact":
            f.qualifier = q
        else:
            return
        # "over" and "under" are prepositions too: "over 10 years" is a duration, keep it but only
        # as a qualifier when the number is not the object of a time span
        f.start = m.start("q")
    m = QUAL_AFTER_RE.match(text, f.end)
    if m and f.qualifier == "exact":
        q = m.group("q").lower()
        if q == "+" and m.start() != f.end:
            return
        if q == "plus" and re.match(r"\s+plus\s+\S", text[f.end:f.end + 12]) and not re.match(r"\s+plus\s*[,.;)]", text[f.end:f.end + 12]):
            return
        f.qualifier = QUAL_AFTER[re.sub(r"\s+", " ", q)]
        f.end = m.end()


# ------------------------------------------------------------------ exclusions
def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in TIME_RE.finditer(text)]
    for m in PHONE_RE.finditer(text):
        chunk = m.group()
        if sum(c.isdigit() for c in chunk) >= 7 and (chunk.count("-") + chunk.count(".") + chunk.count(" ") >= 2 or "(" in chunk or "+" in chunk):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _is_year(text: str, f: _Fig, tok) -> bool:
    core = text[f.core_start:f.core_end]
    if f.bare and re.fullmatch(r"\d\d", core) and f.core_start > 0 and text[f.core_start - 1] in "'’‘":
        return True              # "'69", "’14"
    if not f.bare or f.is_word or not re.fullmatch(r"\d{4}", core):
        return False
    if not 1000 <= f.value <= 2200:
        return False
    if tok is not None and tok.dep_ == "nummod" and tok.head.i == tok.i + 1 and tok.head.tag_ == "NNS":
        return False
    return True


def _is_date(text: str, f: _Fig) -> bool:
    if f.is_word or not f.bare:
        return False
    core = text[f.core_start:f.core_end]
    if not re.fullmatch(r"\d{1,4}", core):
        return False
    if MONTH_BEFORE_RE.search(text, max(0, f.core_start - 12), f.core_start):
        return True
    if f.value <= 31 and MONTH_AFTER_RE.match(text, f.core_end):
        return True
    return False


def _is_name(text: str, f: _Fig, doc, tok_at) -> bool:
    """A number inside a name or code: "COVID-19", "Route 66", "Boeing 737", "575 Main Street"."""
    cs = f.core_start
    if f.is_word:
        tok = tok_at(cs)
        if tok is None or not f.bare or not tok.text[:1].isupper() or tok.is_sent_start or tok.i == 0:
            return False
        # a capitalised number word inside a sentence is a name: "Six Flags", "the Group of Six"
        return not (doc[tok.i - 1].is_punct and doc[tok.i - 1].text in ':;"“(—-–\'‘')
    # letters glued before the digits that are not a currency ("V10", "iPhone11", "A320")
    lm = LETTERS_BEFORE_RE.search(text, max(0, cs - 8), cs)
    if lm and lm.end() == cs and f.cur is None and f.start == cs:
        return True
    hm = HYPHEN_CODE_RE.search(text, max(0, cs - 12), cs)
    if hm and hm.end() == cs and f.sign is None and hm.group("w").lower() not in CODE_PREFIX_OK:
        return True
    if f.sign == -1 and f.cur is None:
        return False
    if not f.bare:
        return False
    tok = tok_at(cs)
    if tok is None:
        return False
    if tok.like_url or tok.like_email:
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    # a label after its noun: "category 4", "page 12", "Game 7"
    if prev is not None and tok.head.i == prev.i and prev.pos_ in ("NOUN", "PROPN") and prev.lower_ not in MONTHS \
            and tok.dep_ in ("nummod", "appos", "compound", "npadvmod") and prev.idx + len(prev) == cs - 1:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # a model number before a name: "787 Dreamliner", "737 Max jets"
    core = text[cs:f.core_end]
    if nxt is not None and re.fullmatch(r"\d{3,}", core) and nxt.tag_ == "NNP" and nxt.text[:1].isupper() \
            and nxt.ent_type_ not in ("NORP", "GPE") and nxt.idx == f.core_end + 1:
        return True
    if prev is not None and prev.idx + len(prev) == cs - 1 and text[cs - 1] == " " and any(c.isupper() for c in prev.text) \
            and (prev.pos_ == "PROPN" or prev.ent_type_ in NAME_ENTS) and prev.lower_ not in MONTHS \
            and (tok.head.i <= prev.i or tok.head.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS or tok.dep_ in ("appos", "npadvmod", "conj", "ROOT")):
        return True
    if STREET_AFTER_RE.match(text, f.core_end):
        return True
    if nxt is not None and nxt.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS and nxt.ent_type_ == tok.ent_type_ and nxt.ent_iob_ == "I":
        return True
    return False


# ------------------------------------------------------------------ ranges, inheritance, equivalents
def _inherit(src: _Fig, dst: _Fig) -> None:
    """A bare number next to a unit-bearing one shares its unit: "5 to 10 percent", "$89 to $93 billion"."""
    dst.unit, dst.kind, dst.cur, dst.bare = src.unit, src.kind, src.cur, False
    _scale_from(src, dst)


def _scale_from(src: _Fig, dst: _Fig) -> None:
    if src.scaled and not dst.scaled and not dst.is_word and src.raw:
        scale = abs(src.value / src.raw)
        if scale >= 1000:
            dst.value *= scale
            dst.scaled = True


def _link_pairs(text: str, figs: list[_Fig], doc, tok_at) -> list[_Fig]:
    """Join neighbours: shared units ("5 to 10 percent"), ranges, and scores or codes to drop."""
    out: list[_Fig] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        if i + 1 < len(figs):
            g = figs[i + 1]
            gap = text[f.end:g.start]
            dash = re.fullmatch(r"\s*[-–—]\s*", gap) is not None and (f.end == g.start - 1 or "–" in gap or "—" in gap)
            to = re.fullmatch(r"\s+to\s*-?\s*", gap) is not None
            and_ = re.fullmatch(r"\s+and\s+", gap) is not None
            or_ = re.fullmatch(r",?\s+or\s+", gap) is not None
            between = BETWEEN_RE.search(text, max(0, f.start - 10), f.start) is not None
            if f.date and g.bare and (dash or and_ or to or or_) and float(g.value).is_integer() and g.value <= 31:
                g.drop = g.date = True     # "March 4 and 5", "June 3-5"
            if dash and f.bare and g.bare and (f.drop or g.drop):
                f.drop = g.drop = True     # "737-800", "16-18 Main Street": a name's number drags its neighbour
            if (dash or to or and_ or or_) and not f.drop and not g.drop:
                before = text[max(0, f.start - 40):f.start]
                from_ = re.search(r"(?i)\bfrom\s*\Z", before) is not None
                by = re.search(r"(?i)\bby\s*\Z", before) is not None
                f_was_bare = f.bare
                if f.bare and not g.bare and (dash or to or or_ or (and_ and between)):
                    _inherit(g, f)
                elif g.bare and not f.bare and to and from_:
                    _inherit(f, g)         # "from 208 pounds to 193"
                if (dash or to or or_ or (and_ and between)) and g.scaled and not f.scaled and not f.is_word and g.raw \
                        and f.raw < g.raw * 10 and f.kind == g.kind:
                    _scale_from(g, f)      # "1 to 2 thousand", "between 5 and 10 million"
                same = f.unit == g.unit and f.kind == g.kind
                gt = tok_at(g.core_start)
                counts_noun = gt is not None and gt.head.i > gt.i and gt.head.pos_ in ("NOUN", "PROPN")
                if dash and f_was_bare and g.bare and not f.is_word and (
                        f.value >= g.value or (not counts_noun and float(f.value).is_integer() and float(g.value).is_integer())):
                    f.drop = g.drop = True  # a score ("2-0", "89-89", "trailing 0-1")
                    i += 2
                    continue
                is_range = False
                if same and f.value < g.value:
                    if and_:
                        is_range = between
                    elif dash:
                        is_range = True
                    elif to:
                        to_tok = tok_at(f.end + gap.index("to"))
                        verb_to = to_tok is not None and to_tok.head.pos_ in ("VERB", "AUX")
                        if RANGE_VERB_RE.search(before):
                            is_range = True
                        elif from_:
                            is_range = False   # "rose from 5 to 7 percent": a start and an end
                        elif by:
                            is_range = f_was_bare
                        else:
                            is_range = f_was_bare or not verb_to
                if is_range:
                    f.value_max = g.value
                    f.end = g.end
                    if g.qualifier != "exact" and f.qualifier == "exact":
                        f.qualifier = g.qualifier
                    out.append(f)
                    i += 2
                    continue
        out.append(f)
        i += 1
    return out


# ------------------------------------------------------------------ parse-based attributes
def _span_tokens(doc, tok_at, start, end):
    first = tok_at(start)
    last = tok_at(end - 1)
    if first is None or last is None:
        return []
    return [doc[i] for i in range(first.i, last.i + 1)]


def _root(tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1] if tokens else None


def _np_text(tok, stop_before=None) -> str:
    """A noun and its left modifiers (compound, amod, poss...), without determiners."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "npadvmod", "quantmod") or c.tag_ in ("POS",):
            left = min(left, c.left_edge.i)
    if stop_before is not None:
        left = max(left, stop_before)
    doc = tok.doc
    while left < tok.i and (doc[left].dep_ in ("det", "punct", "case") or doc[left].like_num):
        left += 1
    span = doc[left:tok.i + 1]
    return span.text


def _lemma_word(tok) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _direction_and_head(root) -> tuple[str | None, object]:
    """Direction of the change the figure measures, and the verb or noun that governs it."""
    h = root.head
    dep = root.dep_
    if root.i == h.i:
        return None, None
    word = lambda t: _lemma_word(t) if t.pos_ in ("VERB", "NOUN", "AUX") else t.lower_  # noqa: E731
    def classify(t):
        w = word(t)
        if w in INCREASE or t.lower_ in INCREASE:
            return "increase"
        if w in DECREASE or t.lower_ in DECREASE:
            return "decrease"
        return None
    if dep in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "oprd", "acomp", "dep", "appos", "conj", "nmod"):
        d = classify(h) if h.pos_ in ("VERB", "ADV", "ADJ", "ADP", "AUX", "NOUN") and dep != "nsubj" else None
        if dep == "conj":
            d = None
        return d, h
    if dep in ("amod", "compound", "nummod") and h.pos_ == "NOUN":
        return classify(h), h
    if dep == "pobj":
        prep = h
        gov = prep.head
        if prep.lower_ == "by":
            return classify(gov), gov
        if prep.lower_ == "of" and gov.pos_ == "NOUN":
            return classify(gov), gov
        return None, gov
    return None, h


def _governing_verb(tok):
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _measure(f: _Fig, tokens, root, doc) -> str | None:
    if f.measure:
        return f.measure
    if not tokens or root is None:
        return None
    last = tokens[-1]
    span_ids = {t.i for t in tokens}
    if f.kind == "count":
        # the noun the number counts: "more than 100 local enterprises"
        for t in (last, root):
            h = t.head
            if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and h.i > t.i and h.i not in span_ids \
                    and h.pos_ in ("NOUN", "PROPN") and h.i - last.i <= 6:
                return doc[last.i + 1:h.i + 1].text.strip(" -") or None
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i == last.i:
            return nxt.text
        # "two of the suspects"
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _np_text(p)
        return None
    # "67.9 percent of the region's total trade"
    for t in tokens:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i not in span_ids and c.i > last.i:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                        return _np_text(p)
    h = root.head
    if h.i != root.i:
        # "a growth of 6.1 percent", "a fine of $3 million"
        if root.dep_ == "pobj" and h.lower_ in ("of", "at") and h.head.pos_ in ("NOUN", "PROPN"):
            return _np_text(h.head)
        # "a 25% tax", "a $150,000 contract"
        if root.dep_ in ("amod", "compound", "nummod", "nmod") and h.pos_ in ("NOUN", "PROPN") and h.i > root.i:
            return _np_text(h, stop_before=tokens[-1].i + 1)
    verb = _governing_verb(root)
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and c.i not in span_ids:
                return _np_text(c)
    return None


def _subject_span(f: _Fig, root, doc):
    """Tokens whose entity mentions say what the figure is about."""
    if root is None:
        return None
    verb = _governing_verb(root)
    h = root.head
    cands = []
    if root.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ in ("NOUN", "PROPN"):
        cands.append(h.head)
    while verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        cands.extend(subj)
        if subj or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head            # "GDP exceeded ... and achieved a growth of 6.1 percent"
    for c in cands:
        yield c.left_edge.idx, c.right_edge.idx + len(c.right_edge)


def _period(f: _Fig, root, doc, date_ents) -> str | None:
    if root is None:
        return None
    sent = root.sent
    best, best_key = None, None
    verb = _governing_verb(root)
    for ent in date_ents.get(sent.start, ()):
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.start_char < f.end and f.start < ent.end_char:
            continue
        txt = ent.text
        low = txt.lower()
        if any(n in low for n in NOT_PERIOD):
            continue
        words = re.findall(r"[a-z0-9]+", low)
        if "old" in words or re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", low) and not re.search(r"\b(1[5-9]\d\d|20\d\d)\b", txt) \
                and not any(w in MONTHS for w in words):
            continue  # "92-year-old", "two-day", "three years": not the time a figure refers to
        if not (re.search(r"\b(1[5-9]\d\d|20\d\d)\b", txt) or any(w in MONTHS or w in WEEKDAYS for w in words)
                or (any(w in PERIOD_WORDS for w in words) and any(w in RELATIVE_WORDS for w in words))
                or any(w in ("today", "yesterday", "tomorrow", "tonight") for w in words)):
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?(?:past|last|next|previous)?\s*[\w-]+\s+(?:years?|months?|weeks?|days?|decades?)", txt) \
                and re.search(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b", low):
            continue  # a duration ("the past two years"), not a period
        ev = _governing_verb(ent.root)
        dist = min(abs(ent.start - root.i), abs(ent.end - 1 - root.i))
        key = (0 if ev is not None and verb is not None and ev.i == verb.i else 1, dist)
        if best_key is None or key < best_key:
            best, best_key = ent, key
    if best is None:
        return None
    span = best
    if span[0].lower_ in ("the", "a", "an") and len(span) > 1:
        span = span[1:]
    return span.text


# ------------------------------------------------------------------ main
def extract_figures(doc, entities: list[dict], quotes: list[dict]) -> list[dict]:
    text = doc.text
    if not text:
        return []
    tok_starts = [t.idx for t in doc]

    def tok_at(char):
        i = bisect_right(tok_starts, char) - 1
        if i < 0:
            return None
        return doc[i]

    excluded = _excluded_spans(text)
    ex_starts = [s for s, _ in excluded]

    def in_excluded(s, e):
        i = bisect_right(ex_starts, s) - 1
        for j in (i, i + 1):
            if 0 <= j < len(excluded) and excluded[j][0] < e and s < excluded[j][1]:
                return True
        return False

    figs = _phrases(text)
    for f in figs:
        _currency_before(text, f)
        _after(text, f)
        if MAGNITUDE_BEFORE_RE.search(text, max(0, f.start - 12), f.start) and f.bare:
            f.unit, f.kind, f.bare = "magnitude", "quantity", False
            f.start = MAGNITUDE_BEFORE_RE.search(text, max(0, f.start - 12), f.start).start()
    # exclusions that need the raw phrase
    kept = []
    for f in figs:
        if f.drop or in_excluded(f.core_start, f.core_end):
            continue
        if re.fullmatch(r"\d{10,}", text[f.core_start:f.core_end]) or abs(f.value) >= 1e16:
            continue             # an identifier ("tweet-id=783493499266084864"), not an amount
        tok = tok_at(f.core_start)
        is_date = _is_date(text, f)
        if is_date or _is_year(text, f, tok) or _is_name(text, f, doc, tok_at):
            if f.bare:
                f.date = is_date
                # a name's number drags a dash-joined neighbour with it ("737-800")
                f.drop = True
                kept.append(f)
                continue
        if f.is_word and f.bare and not f.fraction and tok is not None and tok.lower_ == "one" and f.value == 1 \
                and text[f.core_start:f.core_end].lower() == "one" and tok.dep_ != "nummod":
            continue
        kept.append(f)
    for f in kept:
        if not f.drop:
            _qualifier_before(text, f)
        if f.sign == -1:
            f.value = -f.value
    figs = _link_pairs(text, kept, doc, tok_at)
    figs = [f for f in figs if not f.drop]
    for f in figs:
        if f.kind is None and AGE_BEFORE_RE.search(text, max(0, f.start - 12), f.start) and 0 < f.value < 130:
            f.kind, f.unit, f.measure, f.age, f.bare = "quantity", "year", "age", True, False
        if f.kind is None:
            f.kind, f.unit = "count", "count"
        if f.bare and f.kind == "count":
            # ages in apposition: "Smith, 66, said"
            tok = tok_at(f.core_start)
            if tok is not None and not f.is_word and float(f.value).is_integer() and 1 <= f.value <= 120 \
                    and re.match(r"\s*,", text[f.end:f.end + 2]) and re.search(r"[A-Z][\w'.-]*,\s\Z", text[max(0, f.start - 30):f.start]):
                prev = doc[tok.i - 2] if tok.i >= 2 else None
                if prev is not None and (prev.pos_ == "PROPN" or prev.ent_type_ == "PERSON"):
                    f.kind, f.unit, f.measure, f.age = "quantity", "year", "age", True
    # drop overlaps (keep the first, which is the longer one after range merging)
    clean: list[_Fig] = []
    for f in sorted(figs, key=lambda f: (f.start, -f.end)):
        if clean and f.start < clean[-1].end:
            continue
        clean.append(f)
    figs = clean

    # parse-based: qualifier verbs, direction, measure, period, entity, quote
    starts = sentence_starts(doc)
    date_ents: dict[int, list] = {}
    for e in doc.ents:
        if e.label_ == "DATE":
            date_ents.setdefault(e.sent.start, []).append(e)
    mentions = sorted((m["start"], m["end"], ei) for ei, e in enumerate(entities) for m in e.get("mentions", []))
    m_starts = [m[0] for m in mentions]
    for f in figs:
        tokens = _span_tokens(doc, tok_at, f.start, f.end)
        root = _root(tokens)
        if root is None:
            continue
        if root.dep_ == "compound" and root.head.lower_ in ("year", "month", "quarter", "week") \
                and any(c.lower_ in ("on", "over") for c in root.head.children):
            root = root.head             # "6.1 percent year-on-year": the parser hangs the figure on "year"
        direction, gov = _direction_and_head(root)
        if f.pct_sign == 1:
            direction = "increase"
        f.direction = direction
        if f.qualifier == "exact" and gov is not None and root.dep_ in ("dobj", "attr", "npadvmod"):
            q = QUAL_VERBS.get(_lemma_word(gov))
            if q:
                f.qualifier = q
        if f.measure is None:
            f.measure = _measure(f, tokens, root, doc)
        f.period = _period(f, root, doc, date_ents)
        for s, e in _subject_span(f, root, doc) or ():
            i = bisect_right(m_starts, e) - 1
            best = None
            while i >= 0 and mentions[i][0] >= s - 200:
                ms, me, ei = mentions[i]
                if ms >= s and me <= e:
                    best = ei
                i -= 1
            if best is not None:
                f.entity = best
                break
    # equivalents: "2 trillion yuan ($273 billion)", "87 mph (140 km/h)", "224 kW / 300 PS"
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        gap = text[a.end:b.start]
        if re.fullmatch(r"\s*[(\[]\s*(?:or\s+|about\s+|around\s+|roughly\s+)?", gap) and a.kind == b.kind and a.kind in ("money", "quantity", "count"):
            if a.unit != b.unit or a.kind == "money":
                b.equivalent_of = i - 1
        elif re.fullmatch(r"\s*/\s*", gap) and figs[i - 1].equivalent_of is not None and a.kind == b.kind:
            b.equivalent_of = a.equivalent_of
        if b.equivalent_of is not None:
            src = figs[b.equivalent_of]
            if b.qualifier == "exact":
                b.qualifier = src.qualifier
            b.direction = b.direction or src.direction
            b.period = b.period or src.period
            b.measure = b.measure if b.measure and b.kind != "count" else src.measure
            b.entity = b.entity if b.entity is not None else src.entity
    out = []
    for f in figs:
        s, e = f.start, f.end
        while e > s and text[e - 1] in " \t\n":
            e -= 1
        while s < e and text[s] in " \t\n":
            s += 1
        if s >= e:
            continue
        quote = None
        for qi, q in enumerate(quotes):
            if q["start"] <= s and e <= q["end"]:
                quote = qi
                break
        value = float(f.value)
        value_max = float(f.value_max) if f.value_max is not None else None
        kind, unit, direction = f.kind, f.unit, f.direction
        if kind == "percent" and unit not in ("percent", "percentage_point"):
            kind = "quantity"                      # basis points and fractions keep their written value
        if kind == "money" and unit in SUBUNIT_NAMES:
            kind = "quantity"                      # "19 cents": a sub-unit is no ISO 4217 currency
        if kind == "percent" and value < 0:        # "-0.5%": the sign is the direction
            value, direction = -value, direction or "decrease"
        elif kind in ("money", "count") and value < 0:
            kind = "quantity"                      # a negative balance ("$-50.8bn") keeps its sign
        if value_max is not None and value_max <= value:
            value_max = None
        out.append({
            "text": text[s:e], "value": _round(value), "value_max": _round(value_max) if value_max is not None else None,
            "unit": unit, "kind": kind, "qualifier": f.qualifier, "direction": direction,
            "measure": f.measure, "period": f.period, "entity": f.entity, "quote": quote,
            "equivalent_of": f.equivalent_of, "start": s, "end": e,
            "sentence_index": sentence_index(doc, s, starts),
        })
    return out


def _round(v: float) -> float:
    """Remove float noise from scaling ("2.2 billion" -> 2200000000.0, not 2200000000.0000002)."""
    return float(f"{v:.12g}")
