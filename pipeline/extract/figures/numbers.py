"""Numeric cores: digits with their scale words ("2 trillion", "3.2 x 10^6", "1/16 of") and
spelled-out numbers ("twenty-five", "a dozen", "two thirds", "half a million"), in text order.

Spelled-out cardinals and ordinals are found and read by the ``text2num`` library (``find_numbers``);
the words it does not read ("half", "quarter", "dozen", "trillion") are data. A lone multiplier, count or fraction
word needs "a"/"an" before it ("a million", "a dozen", "a third"); a singular fraction word that is not
followed by "of" is no fraction ("a third-party", "the fourth time").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from text_to_num import find_numbers, text2num

from .lexicon import FRACTION_MIN_ORDINAL, FRACTION_WORDS, MULT_WORDS, SCALES, alt
from .record import Figure

NUM_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])|(?<![\w.,])\.\d+")
WORD_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+|[^\w\s-]")          # hyphens join words as spaces do
DATA_WORD_RE = re.compile(rf"\b(?:{alt(list(FRACTION_WORDS) + list(MULT_WORDS))})\b")
SCALE_WORD_RE = re.compile(rf"[\s-]*(?P<w>{alt(SCALES)})(?![A-Za-z])")
HUNDRED_RE = re.compile(r"[\s-]+(?P<w>hundred)\b", re.I)
SCI_RE = re.compile(r"\s?[x×]\s?10\s?(?:\^|\*\*)?\s?(?P<e>[-−]?\d{1,3})(?![\d.])")
FRACTION_DIGITS_RE = re.compile(r"[/⁄](?P<d>\d{1,3})(?=\s+of\b)")
OF_AFTER_RE = re.compile(r"\s+of\b", re.I)
A_AFTER_RE = re.compile(r"\s+an?\s+", re.I)
JOIN_RE = re.compile(r"[\s-]+")
LEAD_RE = re.compile(r"(?i)\b(an?)\s+\Z")
OUT_OF_RE = re.compile(r"\s+(?:out\s+of|in)\s+(?=\S)", re.I)
OF_BETWEEN_RE = re.compile(r"\s+of\s+", re.I)
A_SCALE_RE = re.compile(rf"(?:an?|one)[\s-]+(?:{alt(SCALES)})", re.I)
AND_A_FRACTION_RE = re.compile(r"(?:\s+|-)and(?:\s+|-)(?:a|one)(?:\s+|-)(?P<w>half|quarter)\b", re.I)


def parse_number(s: str) -> float:
    """The value of digits as written ("1,250.5" -> 1250.5)."""
    return float(s.replace(",", ""))


# ------------------------------------------------------------------ spelled-out numbers
class _Word:
    """A word of the text as ``text2num.find_numbers`` takes it (its Token protocol)."""

    __slots__ = ("start", "end", "word")

    def __init__(self, m: re.Match):
        self.start, self.end, self.word = m.start(), m.end(), m.group()

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


class Atom(NamedTuple):
    """A number word or phrase: ``kind`` is "card" (a cardinal, "twenty-five"), "mult" (a cardinal
    that starts with a multiplier, "million", "hundred thousand": it needs "a" before it), "ord" (an
    ordinal as a fraction's denominator, "third", "fifths"), "frac" ("half", "quarter") or "count" (a
    multiplier word of the data, "dozen", "trillion")."""
    start: int
    end: int
    value: float
    kind: str
    plural: bool


def _cardinal_kind(words: list[_Word]) -> str:
    """"mult" when the phrase starts with a multiplier word ("million", "hundred thousand"), else "card"."""
    try:
        return "mult" if text2num(words[0].word.lower(), "en") >= 100 else "card"
    except ValueError:
        return "card"


def _library_atom(words: list[_Word], occ) -> Atom | None:
    """The atom of one number ``text2num`` found: ordinals only from ``fraction_min_ordinal`` on
    (denominators), no plural cardinals ("hundreds", "thousands": no figure) and no lone letter ("o")."""
    ws = words[occ.start:occ.end]
    surface = ws[-1].word.lower()
    plural = surface.endswith("s")
    if occ.is_ordinal:
        if occ.value < FRACTION_MIN_ORDINAL or not float(occ.value).is_integer():
            return None
        return Atom(ws[0].start, ws[-1].end, occ.value, "ord", plural)
    if plural or (len(ws) == 1 and len(surface) == 1):
        return None
    return Atom(ws[0].start, ws[-1].end, occ.value, _cardinal_kind(ws), False)


def _data_atoms(text: str) -> list[Atom]:
    """The fraction and multiplier words the library does not read ("half", "quarters", "dozen", "trillion")."""
    out = []
    for m in DATA_WORD_RE.finditer(text):
        w = m.group().lower()
        if w in MULT_WORDS:
            out.append(Atom(m.start(), m.end(), MULT_WORDS[w], "count", False))
        else:
            out.append(Atom(m.start(), m.end(), FRACTION_WORDS[w], "frac", w.endswith("s")))
    return out


def number_atoms(text: str) -> list[Atom]:
    """Every spelled-out number word or phrase of ``text``, in text order."""
    words = [_Word(m) for m in WORD_TOKEN_RE.finditer(text)]
    atoms = [a for occ in find_numbers(words, "en", 0.0) if (a := _library_atom(words, occ)) is not None]
    return sorted(atoms + _data_atoms(text))


def _adjacent(text: str, a: Atom, b: Atom | None) -> bool:
    return b is not None and JOIN_RE.fullmatch(text, a.end, b.start) is not None


def _fraction(text: str, atoms: list[Atom], k: int, count: float | None, lead: bool) -> float | None:
    """The value of the fraction word ``atoms[k]`` after ``count`` (None when no number precedes);
    None when it is no fraction."""
    f = atoms[k]
    if not f.plural and not OF_AFTER_RE.match(text, f.end) and _half_of(text, atoms, k) is None:
        return None                   # "a third-party", "the third time", "a quarter century"
    is_half = f.kind == "frac" and f.value == 2
    num = count if count is not None else (1.0 if lead or (is_half and not f.plural) else None)
    if num is None or (is_half and count is not None and count != 1):
        return None
    return num / f.value


def _half_of(text: str, atoms: list[Atom], k: int) -> Atom | None:
    """The multiplier or count after "half a" ("half a million", "half a dozen")."""
    m = A_AFTER_RE.match(text, atoms[k].end)
    nxt = atoms[k + 1] if k + 1 < len(atoms) else None
    if m and nxt is not None and nxt.start == m.end() and nxt.kind in ("mult", "count"):
        return nxt
    return None


Phrase = tuple[int, int, float, bool]


def _multiplied(text: str, a: Atom, b: Atom | None) -> bool:
    """Whether the multiplier ``b`` scales the cardinal ``a``: a data word ("three dozen", "two trillion"),
    or a library multiplier after a decimal, which the library reads apart ("two point five" "million")."""
    if not _adjacent(text, a, b):
        return False
    return b.kind == "count" or (b.kind == "mult" and not float(a.value).is_integer())


def _fraction_phrase(text: str, atoms: list[Atom], k: int, lead: re.Match | None) -> tuple[Phrase | None, int]:
    """A fraction word without a number before it ("a third of", "half of", "half a million")."""
    f = atoms[k]
    value = _fraction(text, atoms, k, None, lead is not None)
    if value is None:
        return None, k + 1
    start = lead.start() if lead else f.start
    half = _half_of(text, atoms, k) if f.kind == "frac" and f.value == 2 and not f.plural else None
    if half is not None:
        return (start, half.end, 0.5 * half.value, False), k + 2
    return (start, f.end, value, True), k + 1


def _cardinal_phrase(text: str, atoms: list[Atom], k: int, lead: re.Match | None) -> tuple[Phrase | None, int]:
    """A cardinal with a multiplier ("three dozen", "two point five million") or a fraction word ("two
    thirds") after it; a multiplier word alone needs "a"/"an" before it ("a million", "a dozen")."""
    a = atoms[k]
    if a.kind in ("mult", "count") and lead is None:
        return None, k + 1
    start = lead.start() if lead and a.kind in ("mult", "count") else a.start
    value, end, k = a.value, a.end, k + 1
    if a.kind == "card" and _multiplied(text, a, atoms[k] if k < len(atoms) else None):
        value, end, k = value * atoms[k].value, atoms[k].end, k + 1
    if k < len(atoms) and atoms[k].kind in ("ord", "frac") and JOIN_RE.fullmatch(text, end, atoms[k].start):
        frac = _fraction(text, atoms, k, value, False)
        return (None if frac is None else (start, atoms[k].end, frac, True)), k + 1
    return (start, end, value, False), k


def word_phrases(text: str, atoms: list[Atom]) -> list[Phrase]:
    """Read the number atoms into phrases: (start, end, value, is_fraction)."""
    out = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        lead = LEAD_RE.search(text, max(0, a.start - 4), a.start)
        read = _fraction_phrase if a.kind in ("ord", "frac") else _cardinal_phrase
        phrase, k = read(text, atoms, k, lead)
        if phrase is not None:
            out.append(phrase)
    return out


# ------------------------------------------------------------------ digits
def _read_scales(text: str, f: Figure, pos: int) -> int:
    """Scale words and scientific notation after the digits ("2 trillion", "4 hundred million", "3.2 x 10^6")."""
    while True:
        m = SCALE_WORD_RE.match(text, pos) or HUNDRED_RE.match(text, pos)
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
    return pos


def _digit_figure(text: str, s: int, e: int) -> Figure:
    """The figure of the digits at text[s:e] with its scale; a digit fraction ("1/16 of") is read,
    other slashed numbers ("24/7", "9/11", "3/4/2020") are marked to drop."""
    f = Figure(s, e, parse_number(text[s:e]))
    pos = _read_scales(text, f, e)
    f.end = f.core_end = pos
    fm = FRACTION_DIGITS_RE.match(text, pos)
    if fm and not f.scaled and int(fm.group("d")) > f.value > 0:
        f.value = f.value / int(fm.group("d"))
        f.end = f.core_end = fm.end()
        f.fraction = True
    if not f.fraction and (re.match(r"[/⁄]\d", text[pos:pos + 2]) or (s >= 2 and re.match(r"\d[/⁄]", text[s - 2:s]))):
        f.drop = True
    return f


_GLUED_AFTER = re.compile(r"-(?:on|off|to|by)-", re.I)      # "one-on-one", "one-off"
_GLUED_BEFORE = re.compile(r"-(?:on|by|to)-\Z", re.I)       # "one-on-one" from its second "one"


def _number_word_atoms(text: str, figs: list[Figure]) -> list[Atom]:
    """Number words outside the digit figures, without the hyphen-glued adjectives ("one-on-one", "one-off")."""
    d_starts = [f.start for f in figs]          # sorted, non-overlapping

    def inside_digits(pos: int) -> bool:
        k = bisect_right(d_starts, pos) - 1
        return k >= 0 and pos < figs[k].end
    return [a for a in number_atoms(text) if not inside_digits(a.start) and not _GLUED_AFTER.match(text, a.end)
            and not _GLUED_BEFORE.search(text, max(0, a.start - 4), a.start)]


def _out_of_fractions(text: str, figs: list[Figure]) -> list[Figure]:
    """Join "one out of three", "1 in 5" into one fraction figure."""
    out: list[Figure] = []
    k = 0
    while k < len(figs):
        f = figs[k]
        if k + 1 < len(figs) and not f.fraction:
            m = OUT_OF_RE.match(text, f.end)
            g = figs[k + 1]
            if m and m.end() == g.start and not g.fraction and 0 < f.value < g.value <= 100 and not g.scaled \
                    and not re.match(r"\s?\d", text[g.end:g.end + 2]):
                out.append(Figure(f.start, g.end, f.value / g.value, is_word=f.is_word, fraction=True))
                k += 2
                continue
        out.append(f)
        k += 1
    return out


def _fraction_of_a_scale(text: str, figs: list[Figure]) -> list[Figure]:
    """"a quarter of a million", "three quarters of a billion": a fraction of a spelled-out scale is one number
    (250,000), not a share and a million."""
    out: list[Figure] = []
    k = 0
    while k < len(figs):
        f = figs[k]
        g = figs[k + 1] if k + 1 < len(figs) else None
        if g is not None and f.fraction and g.is_word and not g.fraction \
                and OF_BETWEEN_RE.fullmatch(text, f.end, g.start) and A_SCALE_RE.fullmatch(text, g.start, g.end):
            out.append(Figure(f.start, g.end, f.value * g.value, is_word=True))
            k += 2
            continue
        out.append(f)
        k += 1
    return out


def _and_a_fraction(text: str, f: Figure) -> Figure:
    """"two and a half years", "seven-and-a-half years", "six and a half million": the whole number
    and the fraction after it are one number (a scale after the fraction scales both)."""
    m = AND_A_FRACTION_RE.match(text, f.end)
    if m is None or f.fraction or f.scaled or f.drop:
        return f
    f.value += 1 / FRACTION_WORDS[m.group("w").lower()]
    f.end = f.core_end = _read_scales(text, f, m.end())
    return f


def number_phrases(text: str) -> list[Figure]:
    """Numeric cores (digits with scale words, or spelled-out numbers), in text order."""
    figs = [_digit_figure(text, m.start(), m.end()) for m in NUM_RE.finditer(text)]
    for s, e, v, is_frac in word_phrases(text, _number_word_atoms(text, figs)):
        figs.append(Figure(s, e, v, is_word=True, fraction=is_frac))
    figs.sort(key=lambda f: f.start)
    return _fraction_of_a_scale(text, _out_of_fractions(text, [_and_a_fraction(text, f) for f in figs]))
