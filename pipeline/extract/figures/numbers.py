"""Numeric cores: digits with their scale words ("2 trillion", "3.2 x 10^6", "1/16 of") and
spelled-out numbers ("twenty-five", "a dozen", "two thirds", "half a million"), in text order.

A lone multiplier or fraction word needs "a"/"an"/"one" before it ("a dozen", "a third");
an ordinal that is not followed by "of" is no fraction ("a third-party", "the third time").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import FRACTION_WORDS, MULT_WORDS, NUMBER_WORDS, SCALES, alt
from .record import Figure

NUM_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])|(?<![\w.,])\.\d+")
_word_alt = "|".join(sorted(list(NUMBER_WORDS) + list(MULT_WORDS) + list(FRACTION_WORDS), key=len, reverse=True))
WORDNUM_RE = re.compile(rf"\b(?:{_word_alt})\b", re.I)
SCALE_WORD_RE = re.compile(rf"[\s-]*(?P<w>{alt(SCALES)})(?![A-Za-z])")
HUNDRED_RE = re.compile(r"[\s-]+(?P<w>hundred)\b", re.I)
SCI_RE = re.compile(r"\s?[x×]\s?10\s?(?:\^|\*\*)?\s?(?P<e>[-−]?\d{1,3})(?![\d.])")
FRACTION_DIGITS_RE = re.compile(r"[/⁄](?P<d>\d{1,3})(?=\s+of\b)")
_mult_alt = "|".join(MULT_WORDS)
OF_AFTER_RE = re.compile(rf"\s+of\b|\s+an?\s+(?:{_mult_alt})\b", re.I)
HALF_A_RE = re.compile(rf"\s+an?\s+({_mult_alt})\b", re.I)
LEAD_RE = re.compile(r"(?i)\b(an?)\s+\Z")
OUT_OF_RE = re.compile(r"\s+(?:out\s+of|in)\s+(?=\S)", re.I)
AND_A_FRACTION_RE = re.compile(r"(?:\s+|-)and(?:\s+|-)(?:a|one)(?:\s+|-)(?P<w>half|quarter)\b", re.I)


def parse_number(s: str) -> float:
    """The value of digits as written ("1,250.5" -> 1250.5)."""
    return float(s.replace(",", ""))


# ------------------------------------------------------------------ spelled-out numbers
def _joins(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether number word ``b`` continues the phrase that ends with ``a``."""
    gap = text[a[1]:b[0]]
    prev, nxt = a[2].lower(), b[2].lower()
    and_after_scale = re.fullmatch(r"\s+and\s+", gap) and prev in ("hundred", "thousand", "million")
    if not (re.fullmatch(r"[\s-]+", gap) or and_after_scale):
        return False
    if prev in FRACTION_WORDS:        # nothing follows a fraction word
        return False
    if prev in NUMBER_WORDS and nxt in NUMBER_WORDS and not (NUMBER_WORDS[prev] >= 20 and NUMBER_WORDS[nxt] < 10
                                                               and NUMBER_WORDS[prev] % 10 == 0):
        return False                  # "two three" is not one number; "twenty-five" is
    return True


def _group_end(text: str, atoms: list[tuple[int, int, str]], i: int) -> int:
    """Index of the last number word of the phrase that starts at ``atoms[i]``."""
    j = i
    while j + 1 < len(atoms) and _joins(text, atoms[j], atoms[j + 1]):
        j += 1
    return j


def _fraction_value(w: str, current: float | None, text: str, end: int, lead) -> float | None:
    """The value of fraction word ``w`` after the count ``current`` (None when no number precedes)."""
    if not w.endswith("s") and not OF_AFTER_RE.match(text, end):
        return None                   # "a third-party", "the third time", "a quarter century"
    num = current if current is not None else (1.0 if lead or w == "half" else None)
    if num is None or (w in ("half", "halves") and current is not None and current != 1):
        return None
    return num / FRACTION_WORDS[w]


def _multiply(w: str, total: float, current: float) -> tuple[float, float]:
    """Apply multiplier word ``w`` to the running (total, current)."""
    if w == "hundred":
        return total, current * 100
    if w == "dozen":
        return total, current * 12
    return total + current * MULT_WORDS[w], 0.0


def _read_words(words: list[str], text: str, end: int, lead) -> tuple[float, bool, float | None]:
    """(whole value, whether a number was read, fraction value or None) of a phrase's words."""
    total, current, seen = 0.0, 0.0, False
    frac = None
    for w in words:
        if w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif w in FRACTION_WORDS:
            frac = _fraction_value(w, current if seen else None, text, end, lead)
            if frac is None:
                seen = False
                break
        elif w in MULT_WORDS:
            if not seen:
                if not lead:
                    break
                current, seen = 1.0, True
            total, current = _multiply(w, total, current)
    return total + current, seen, frac


def _phrase(text: str, group: list[tuple[int, int, str]]) -> tuple[int, int, float, bool] | None:
    """(start, end, value, is_fraction) of one group of adjacent number words, or None."""
    start, end = group[0][0], group[-1][1]
    words = [g[2].lower() for g in group]
    # a lone multiplier or fraction word needs "a"/"an"/"one" before it ("a dozen", "a third")
    lead = LEAD_RE.search(text[max(0, start - 4):start])
    value, seen, frac = _read_words(words, text, end, lead)
    if frac is not None and words == ["half"]:
        hm = HALF_A_RE.match(text[end:end + 20])
        if hm:
            return start, end + hm.end(), 0.5 * MULT_WORDS[hm.group(1).lower()], False
    if frac is not None:
        if lead and not any(w in NUMBER_WORDS for w in words):
            start = lead.start() + max(0, start - 4)
        return start, end, frac, True
    if seen:
        if lead and words[0] in MULT_WORDS:
            start = lead.start() + max(0, start - 4)
        return start, end, value, False
    return None


def word_phrases(text: str, atoms: list[tuple[int, int, str]]) -> list[tuple[int, int, float, bool]]:
    """Group adjacent number words into phrases: (start, end, value, is_fraction)."""
    out = []
    i = 0
    while i < len(atoms):
        j = _group_end(text, atoms, i)
        phrase = _phrase(text, atoms[i:j + 1])
        if phrase is not None:
            out.append(phrase)
        i = j + 1
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


def _number_word_atoms(text: str, figs: list[Figure]) -> list[tuple[int, int, str]]:
    """Number words outside the digit figures, without the hyphen-glued adjectives ("one-on-one", "one-off")."""
    words = [(m.start(), m.end(), m.group()) for m in WORDNUM_RE.finditer(text)]
    d_starts = [f.start for f in figs]          # sorted, non-overlapping

    def inside_digits(pos: int) -> bool:
        k = bisect_right(d_starts, pos) - 1
        return k >= 0 and pos < figs[k].end
    words = [w for w in words if not inside_digits(w[0])]
    return [w for w in words
            if not _GLUED_AFTER.match(text, w[1]) and not _GLUED_BEFORE.search(text, max(0, w[0] - 4), w[0])]


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
    return _out_of_fractions(text, [_and_a_fraction(text, f) for f in figs])
