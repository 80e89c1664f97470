"""Neighbouring figures read together: a bare number shares the unit and scale of its neighbour
("5 to 10 percent", "$89 to $93 billion", "between 5 and 10 million"); a range is one figure
whose ``value`` is its lower bound and ``value_max`` its upper bound ("between 5 and 10 percent",
"5-10%", "1 to 1.5 degrees"), but "from X to Y" after a change verb is a start and an end, two
figures; dash-joined pairs that are scores ("2-0") or names ("737-800") are dropped; and an
equivalent in another unit points at the figure it restates: "2 trillion yuan ($273 billion)" ->
the dollar row's ``equivalent_of`` is the yuan row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import CHANGE_HEAD_WORDS, COMPOUND_UNITS, RANGE_HEAD_WORDS, SCALES, SCORE_WORDS
from .record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .record import TokenAt

BETWEEN_RE = re.compile(r"(?i)\bbetween(?:\s+the\s+ages?\s+of)?\s*\Z")
RANGE_VERB_RE = re.compile(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|between)\s+(?:from\s+)?\Z")
FROM_BEFORE_RE = re.compile(r"(?i)\bfrom\s*\Z")
BY_BEFORE_RE = re.compile(r"(?i)\bby\s*\Z")
ARTICLE_BEFORE_RE = re.compile(r"(?i)\ban?\s+\Z")
EQUIVALENT_GAP_RE = re.compile(r"\s*[(\[]\s*(?:or\s+|about\s+|around\s+|roughly\s+)?")
SLASH_GAP_RE = re.compile(r"\s*/\s*")
NEXT_EQUIVALENT_GAP_RE = re.compile(r"\s*(?:[;,]|,?\s+or)\s+")
BRACKET_CLOSE_RE = re.compile(r"\s*[)\]]")
COMPOUND_GAP_RE = re.compile(r"\s+(?:and\s+)?")
OPTION_BEFORE_RE = re.compile(r"(?i)\b(?:either|whether)\b[^.;:]*\Z")
LIST_BEFORE_RE = re.compile(r"\d,\s*\Z")
PLUS_MINUS_GAP_RE = re.compile(r"\s*(?:±|\+/-|\+/−)\s*")
SCORE_GAP_RE = re.compile(r"(?i)\s+(?P<w>[a-z]+)\s+to\s+\Z")


# ------------------------------------------------------------------ shared units and scales
def _scale_from(src: Figure, dst: Figure) -> None:
    if src.scaled and not dst.scaled and not dst.is_word and src.raw:
        scale = abs(src.value / src.raw)
        if scale >= 1000:
            dst.value *= scale
            dst.scaled = True


def _inherit(src: Figure, dst: Figure) -> None:
    """A bare number next to a unit-bearing one shares its unit: "5 to 10 percent", "$89 to $93 billion"."""
    dst.unit, dst.kind, dst.cur, dst.bare = src.unit, src.kind, src.cur, False
    _scale_from(src, dst)


@dataclass(slots=True)
class _Gap:
    """What joins two neighbouring figures."""

    text: str
    dash: bool          # "5-10", "5 – 10" (a spaced hyphen does not join)
    to: bool
    and_: bool
    or_: bool
    between: bool       # "between" is written before the first figure

    @classmethod
    def of(cls, text: str, f: Figure, g: Figure) -> _Gap:
        gap = text[f.end:g.start]
        return cls(gap,
                   dash=re.fullmatch(r"\s*[-–—]\s*", gap) is not None
                   and (f.end == g.start - 1 or "–" in gap or "—" in gap),
                   to=re.fullmatch(r"(?:\s+|\s*-)to\s*-?\s*", gap) is not None,
                   and_=re.fullmatch(r"\s+and\s+", gap) is not None,
                   or_=re.fullmatch(r",?\s+or\s+", gap) is not None,
                   between=BETWEEN_RE.search(text, max(0, f.start - 30), f.start) is not None)

    @property
    def joins(self) -> bool:
        return self.dash or self.to or self.and_ or self.or_

    @property
    def range_like(self) -> bool:
        return self.dash or self.to or self.or_ or (self.and_ and self.between)


def _days_after_date(f: Figure, g: Figure, gap: _Gap) -> None:
    """"March 4 and 5", "June 3-5": the days after a date are dates."""
    if f.date and g.bare and gap.joins and float(g.value).is_integer() and g.value <= 31:
        g.drop = g.date = True


def _name_drags_neighbour(f: Figure, g: Figure, gap: _Gap) -> None:
    """"737-800", "16-18 Main Street": a name's number drags its dash-joined neighbour."""
    if gap.dash and f.bare and g.bare and (f.drop or g.drop):
        f.drop = g.drop = True


WORD_SCALES = {**SCALES, "hundred": 100}


def _word_scale(text: str, g: Figure) -> float:
    """The scale word that ends a spelled-out number ("four million" -> 1e6, "two hundred" -> 100); 1 when
    there is none."""
    words = text[g.core_start:g.core_end].lower().replace("-", " ").split()
    scale = WORD_SCALES.get(words[-1], 1) if g.is_word and len(words) > 1 else 1
    return scale if scale >= 100 else 1


def _share_word_scale(text: str, f: Figure, g: Figure, gap: _Gap) -> None:
    """"three and four million", "two to three billion dollars", "seven or eight thousand", "one or two
    hundred": a spelled-out number before a joined one that ends in a scale word takes that scale."""
    scale = _word_scale(text, g)
    if scale > 1 and gap.range_like and f.is_word and not f.scaled and f.value == f.raw and f.kind == g.kind \
            and f.raw < g.value / scale * 10 and _word_scale(text, f) == 1:
        f.value *= scale
        f.scaled = True


def _share_unit(text: str, f: Figure, g: Figure, gap: _Gap, before: str) -> None:
    if f.bare and not g.bare and gap.range_like:
        _inherit(g, f)
    elif g.bare and not f.bare and gap.to and FROM_BEFORE_RE.search(before):
        _inherit(f, g)         # "from 208 pounds to 193"
    elif _money_range_end(text, f, g, gap):
        _inherit(f, g)         # "between US$300 and 400 billion", "$5-10 billion"
    if gap.range_like and g.scaled and not f.scaled and not f.is_word and g.raw \
            and f.raw < g.raw * 10 and f.kind == g.kind:
        _scale_from(g, f)      # "1 to 2 thousand", "between 5 and 10 million"


def _money_range_end(text: str, f: Figure, g: Figure, gap: _Gap) -> bool:
    """"between US$300 and 400 billion", "$5-10 billion", "€15 - 25": a bare end of a range that opens with money
    is money in the same currency (its scale goes back to the start: ``_share_unit``); not when a word follows
    the end unscaled ("$5 to 10 people")."""
    return g.bare and f.kind == "money" and not f.scaled and gap.range_like and not g.is_word \
        and (g.scaled or re.match(r"\s*[A-Za-z]", text[g.end:g.end + 3]) is None)


def _rate_of(money: Figure, rate: Figure) -> bool:
    return money.kind == "money" and rate.kind == "quantity" and (rate.unit or "").startswith(f"{money.unit} per ")


def _share_denominator(f: Figure, g: Figure, gap: _Gap) -> None:
    """"between $62 and $68 per share", "from $75 per barrel to $45.88": an amount joined to a rate
    in its currency is a rate with the same denominator."""
    if not (gap.range_like or gap.to):
        return
    if _rate_of(f, g):
        f.unit, f.kind = g.unit, g.kind
    elif _rate_of(g, f):
        g.unit, g.kind = f.unit, f.kind


# ------------------------------------------------------------------ scores and ranges
def _is_score(f: Figure, g: Figure, gap: _Gap, f_was_bare: bool, tok_at: TokenAt) -> bool:
    """A score ("2-0", "89-89", "trailing 0-1"): two bare numbers joined by a dash that count no noun; a scale word
    makes the pair an amount ("3-4 million": a range)."""
    gt = tok_at(g.core_start)
    counts_noun = gt is not None and gt.head.i > gt.i and gt.head.pos_ in ("NOUN", "PROPN")
    return gap.dash and f_was_bare and g.bare and not f.is_word and not g.scaled and (
        f.value >= g.value or (not counts_noun and float(f.value).is_integer() and float(g.value).is_integer()))


def _is_points_score(text: str, f: Figure, g: Figure, tok_at: TokenAt) -> bool:
    """"defeated Wynnum 45 points to 24", "a 22 points to 10 win": two whole counts of a game's scoring unit
    (``SCORE_WORDS``) joined by "to", both under 1,000, is a score; not a move and a level ("fell 200 points to
    24,500": the unit word hangs on a change word; nor after "by": "lost by 45 points to 24" may be a margin and a
    level)."""
    m = SCORE_GAP_RE.fullmatch(text, f.end, g.start)
    if m is None or m.group("w").lower() not in SCORE_WORDS or not (f.bare and g.bare) or f.value_max or g.value_max:
        return False
    if BY_BEFORE_RE.search(text, max(0, f.start - 4), f.start):
        return False
    if not all(float(x.value).is_integer() and 0 <= x.value < 1000 for x in (f, g)):
        return False
    unit_tok = tok_at(m.start("w"))
    return unit_tok is not None and (unit_tok.head.lemma_ or unit_tok.head.lower_).lower() not in CHANGE_HEAD_WORDS


def _in_a_run(f: Figure, g: Figure, tok_at: TokenAt) -> bool:
    """``f`` and ``g`` are two of a longer run of numbers: a number just before ``f`` or within three words after
    ``g`` ("aged nine, ten, thirteen", "one, two, three", "three, four and even five hours")."""
    ft, gt = tok_at(f.core_start), tok_at(g.core_end - 1)
    if ft is None or gt is None:
        return True
    doc = ft.doc
    before = [t for t in doc[max(0, ft.i - 2):ft.i] if not t.is_punct][-1:]
    after = [t for t in doc[gt.i + 1:gt.i + 5] if not t.is_punct][:3]
    return any(t.like_num for t in before + after)


def _spoken_range(text: str, f: Figure, g: Figure, tok_at: TokenAt) -> bool:
    """"in the next two three months", "five, six hours": two spelled-out whole numbers one apart, under ten, with
    nothing but a space or a comma between them are one rough amount as speech gives it, a range (the first takes
    the second's unit); not in a longer run of numbers (``_in_a_run``: counting, lists), nor "two three-bedroom
    flats", nor a number with a qualifier of its own ("two over three")."""
    return f.is_word and g.is_word and f.bare and not (f.value_max or g.value_max) \
        and f.end == f.core_end and g.start == g.core_start \
        and re.fullmatch(r",?[ \t]", text[f.end:g.start]) is not None \
        and float(f.value).is_integer() and g.value == f.value + 1 and 2 <= f.value <= 9 \
        and not text.startswith("-", g.core_end) and not _in_a_run(f, g, tok_at)


def _range_word_governs_from(f: Figure, before: str, m: re.Match, tok_at: TokenAt) -> bool:
    """"ranging in age from 11 to 75", "prices varied widely from $5 to $9": the "from" that ``m`` found
    in ``before`` hangs on a word of range, however far from it."""
    from_tok = tok_at(f.start - len(before) + m.start())
    if from_tok is None:
        return False
    head = from_tok.head
    return (head.lemma_ or head.lower_).lower() in RANGE_HEAD_WORDS


def _to_is_range(f: Figure, gap: _Gap, before: str, f_was_bare: bool, tok_at: TokenAt) -> bool:
    """"5 to 10 percent" is a range; "rose from 5 to 7 percent" a start and an end."""
    to_tok = tok_at(f.end + gap.text.index("to"))
    verb_to = to_tok is not None and to_tok.head.pos_ in ("VERB", "AUX")
    if RANGE_VERB_RE.search(before):
        return True
    if m := FROM_BEFORE_RE.search(before):
        return _range_word_governs_from(f, before, m, tok_at)
    if BY_BEFORE_RE.search(before):
        return f_was_bare
    if ARTICLE_BEFORE_RE.search(before):
        return True              # "a five per cent to 20 per cent rebound": one amount, given as a range
    return f_was_bare or not verb_to


def _or_is_range(f: Figure, g: Figure, gap: _Gap, before: str) -> bool:
    """"five or six years", "20 or 25 percent", "one or two", "at the age of 10 or 11": two whole numbers
    joined by "or", the second larger but less than twice the first, give one rough amount, a range. Options
    are not ranges: "either $43 billion or $55 billion", "whether ... $100 billion or $350 billion", "three
    or six months", "Trump's 214, or 290", "100,000, 200,000 or 250,000"."""
    close = g.value < 2 * f.value or (f.raw == 1 and g.value == 2 * f.value)
    return close and "," not in gap.text and float(f.value).is_integer() and float(g.value).is_integer() \
        and OPTION_BEFORE_RE.search(before) is None and LIST_BEFORE_RE.search(before) is None


def _is_range(f: Figure, g: Figure, gap: _Gap, before: str, f_was_bare: bool, tok_at: TokenAt) -> bool:
    if not (f.unit == g.unit and f.kind == g.kind and f.value < g.value):
        return False
    if gap.and_:
        return gap.between
    if gap.dash:
        return True
    if gap.or_:
        return _or_is_range(f, g, gap, before)
    if gap.to:
        return _to_is_range(f, gap, before, f_was_bare, tok_at)
    return False


def _merge_range(f: Figure, g: Figure) -> None:
    f.value_max = g.value
    f.end = g.end
    if g.qualifier != "exact" and f.qualifier == "exact":
        f.qualifier = g.qualifier


def _to_answers_from(from_tok: Token, to_tok: Token) -> bool:
    """The "to" of a figure answers the "from" before it: both hang on the same word, or the parse hangs "to" on
    "from" itself or on a word of its phrase ("creeping upward, from 20 mpg in 2008 to 29 mpg", "climbed from 21 mpg
    combined to 23")."""
    head = to_tok.head
    return head == from_tok.head or head == from_tok \
        or (from_tok.i < head.i < to_tok.i and from_tok.is_ancestor(head))


def _same_measure(f: Figure, g: Figure, tok_at: TokenAt) -> bool:
    """``g`` is in ``f``'s unit, or a bare number that counts no noun of its own and takes it ("from 21 mpg
    combined to 23"; not "from 5 mpg to 23 cars")."""
    if f.unit == g.unit and f.kind == g.kind:
        return True
    gt = tok_at(g.core_start)
    return g.bare and not f.bare and gt is not None and not (gt.head.i > gt.i and gt.head.pos_ in ("NOUN", "PROPN"))


def _from_to(text: str, f: Figure, g: Figure, tok_at: TokenAt) -> str | None:
    """"rose from 5 to 10 percent", "plummeted from $36,040 at 10.45pm to $34,935": "from" before the
    first and "to" before the second, the "to" answering the "from" (``_to_answers_from``), same unit, different
    values: a "range" when that word is "range"/"vary" ("ranging in age from 11 to 75"), else a "change"."""
    ranged = f.value_max is not None or g.value_max is not None
    if not (_same_measure(f, g, tok_at) or ranged and f.bare and not g.bare) or f.value == g.value:
        return None
    m = FROM_BEFORE_RE.search(text, max(0, f.start - 12), f.start)
    if m is None:
        return None
    from_tok = tok_at(m.start())
    gap = text[f.end:g.start]
    m = re.search(r"\bto\s*\Z", gap) or re.search(r"\bto\s+(?:\S+\s+){0,2}\Z", gap)
    if from_tok is None or m is None:
        return None
    to_tok = tok_at(f.end + m.start())
    head = from_tok.head
    if to_tok is None or (not _to_answers_from(from_tok, to_tok) and gap.strip() != "to"):
        return None
    if ranged:
        _share_across_from_to(f, g)
        return None
    if g.unit != f.unit:
        _inherit(f, g)
    word = head.lemma_.lower() if head.lemma_ else head.lower_
    if word in RANGE_HEAD_WORDS or (word not in CHANGE_HEAD_WORDS and f.value < g.value):
        return "range"         # "ranging in age from 11 to 75", "contracts lasting from three to six months"
    return "change"


def _share_across_from_to(f: Figure, g: Figure) -> None:
    """"from 24.2 to 33-35 billion euros", "from about 14-18 mpg to 24": a start or an end given as a range is no
    one-row change, but the bare side is in the other side's unit, and in its scale when the two are of one size
    ("from 2 to 3-4 million people")."""
    if f.bare != g.bare:
        src, dst = (g, f) if f.bare else (f, g)
        dst.unit, dst.kind, dst.cur, dst.bare = src.unit, src.kind, src.cur, False
    if f.scaled != g.scaled and f.kind == g.kind:
        src, dst = (g, f) if g.scaled else (f, g)
        if src.raw and src.raw / 10 < dst.raw < src.raw * 10:
            _scale_from(src, dst)      # "from 2 to 3-4 million people"


def _to_from(text: str, f: Figure, g: Figure, tok_at: TokenAt) -> bool:
    """"rose to $7.36 billion from $6.78 billion", "6.05 hectares, up from 2.48": the end first, then
    "from" and the start, attached to the word that governs the end ("to", the verb) or to "up"/"down"."""
    if f.unit != g.unit or f.kind != g.kind or f.value == g.value or f.value_max or g.value_max:
        return False
    gap = text[f.end:g.start]
    m = re.search(r"\bfrom\s+\Z", gap)
    if m is None or len(gap) > 40 or re.search(r"[.;]\s|[)\]]", gap):
        return False            # ".0605 square km), up from 2.48": the end is inside a bracket, the start outside
    from_tok, ft = tok_at(f.end + m.start()), tok_at(f.core_start)
    if from_tok is None or ft is None:
        return False
    while ft.head != ft and f.start <= ft.head.idx < f.end:
        ft = ft.head                       # the figure's own head word ("billion" in "$7.36 billion")
    to_end = ft.head.lower_ == "to" and from_tok.head == ft.head.head
    verb_between = any(t.pos_ in ("VERB", "AUX") for t in ft.doc[ft.i + 1:from_tok.i])
    return to_end or (from_tok.head.lower_ in ("up", "down") and not verb_between)


def _merge_change(f: Figure, g: Figure) -> None:
    """One row of the end value, its start in ``value_from`` and the direction the two values give."""
    f.value_from, f.value, f.raw = f.value, g.value, g.raw
    f.direction = f.change_direction()
    f.qualifier, f.end, f.core_start, f.core_end = g.qualifier, g.end, g.core_start, g.core_end
    f.scaled = g.scaled


def _pair(text: str, f: Figure, g: Figure, tok_at: TokenAt) -> str | None:
    """Read neighbours ``f`` and ``g`` together: "score" (both dropped), "range" (``g`` merged into
    ``f``) or None (two figures)."""
    if _is_points_score(text, f, g, tok_at):
        f.drop = g.drop = True
        return "score"
    if _spoken_range(text, f, g, tok_at) and not (f.drop or g.drop):
        if not g.bare:
            _inherit(g, f)
            f.age, f.measure = g.age, g.measure or f.measure      # "two three years old": an age
        _merge_range(f, g)
        return "range"
    gap = _Gap.of(text, f, g)
    _days_after_date(f, g, gap)
    _name_drags_neighbour(f, g, gap)
    if not gap.joins or f.drop or g.drop:
        return None
    before = text[max(0, f.start - 40):f.start]
    f_was_bare = f.bare
    _share_unit(text, f, g, gap, before)
    _share_word_scale(text, f, g, gap)
    _share_denominator(f, g, gap)
    if _is_score(f, g, gap, f_was_bare, tok_at):
        f.drop = g.drop = True
        return "score"
    if _is_range(f, g, gap, before, f_was_bare, tok_at):
        _merge_range(f, g)
        return "range"
    return None


def link_pairs(text: str, figs: list[Figure], tok_at: TokenAt) -> list[Figure]:
    """Join neighbours: shared units ("5 to 10 percent"), ranges, and scores or codes to drop."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        joined = _pair(text, f, figs[i + 1], tok_at) if i + 1 < len(figs) else None
        if joined != "score":
            out.append(f)
        i += 1 if joined is None else 2
    return out


def link_uncertainties(text: str, figs: list[Figure]) -> list[Figure]:
    """"1010 ± 195 light years", "an estimated mass of 5.0 ± 0.4 M☉", "40.333 ± 0.004 days": a measure given with
    its uncertainty is one figure of the measure, in the unit written after the uncertainty (a four-digit measure
    read as a year before it is one again); the uncertainty is no figure of its own."""
    out: list[Figure] = []
    for g in figs:
        f = out[-1] if out else None
        if f is None or not f.bare or f.is_word or g.bare or g.drop \
                or not PLUS_MINUS_GAP_RE.fullmatch(text, f.end, g.start):
            out.append(g)
            continue
        _inherit(g, f)
        f.drop = f.date = False
        f.end = g.end
    return out


def _merge_change_back(f: Figure, g: Figure) -> None:
    """"to 10 percent from 12 percent": the end is ``f``, the start ``g``."""
    f.value_from, f.end = g.value, g.end
    f.direction = f.change_direction()


def link_changes(text: str, figs: list[Figure], tok_at: TokenAt) -> list[Figure]:
    """A stated change from one value to another is one figure of its end value (``value_from``: its
    start), in either order; "from X to Y" hanging on a word of range is one range."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        g = figs[i + 1] if i + 1 < len(figs) else None
        how = _from_to(text, f, g, tok_at) if g is not None else None
        if how is None and g is not None and _to_from(text, f, g, tok_at):
            how = "back"
        if how is not None:
            {"change": _merge_change, "range": _merge_range, "back": _merge_change_back}[how](f, g)
        i += 1 if how is None else 2
        out.append(f)
    return out


def _compound_part(text: str, f: Figure, g: Figure, unit: str) -> float | None:
    """How many of ``g``'s unit make one of ``unit`` when ``g`` continues a measure written in two units
    ("six feet five inches", "1 hour 59 minutes 40.2 seconds"); None when it does not."""
    factor = COMPOUND_UNITS.get(unit, {}).get(g.unit or "")
    if factor is None or f.kind != "quantity" or g.kind != "quantity" or f.value_max or g.value_max \
            or f.value_from is not None or g.value_from is not None or g.qualifier != "exact":
        return None
    gap = COMPOUND_GAP_RE.fullmatch(text, f.end, g.start)
    return factor if gap is not None and g.value < factor else None


def link_compound_measures(text: str, figs: list[Figure]) -> list[Figure]:
    """One measure written in two or three units is one figure in its first unit: "six feet five inches"
    -> 6.4167 foot, "2 hours 1 minute 39 seconds" -> 2.0275 hour."""
    out: list[Figure] = []
    for g in figs:
        f = out[-1] if out else None
        factor = _compound_part(text, f, g, f.unit or "") if f is not None else None
        if factor is None:
            out.append(g)
            continue
        f.value += g.value / factor
        f.end = g.end
    return out


def drop_overlaps(figs: list[Figure]) -> list[Figure]:
    """Keep the first of overlapping figures (the longer one after range merging)."""
    clean: list[Figure] = []
    for f in sorted(figs, key=lambda f: (f.start, -f.end)):
        if clean and f.start < clean[-1].end:
            continue
        clean.append(f)
    return clean


# ------------------------------------------------------------------ equivalents
def _equivalent_index(text: str, figs: list[Figure], i: int) -> int | None:
    """"2 trillion yuan ($273 billion)", "87 mph (140 km/h)", "224 kW / 300 PS"."""
    a, b = figs[i - 1], figs[i]
    gap = text[a.end:b.start]
    if EQUIVALENT_GAP_RE.fullmatch(gap) and a.kind == b.kind and a.kind in ("money", "quantity", "count"):
        if a.unit != b.unit or a.kind == "money":
            return i - 1
    elif SLASH_GAP_RE.fullmatch(gap) and a.equivalent_of is not None and a.kind == b.kind:
        return a.equivalent_of
    elif _second_in_brackets(text, figs, a, b):
        return a.equivalent_of
    return b.equivalent_of


def _second_in_brackets(text: str, figs: list[Figure], a: Figure, b: Figure) -> bool:
    """"€20,000 (£17,500; US$22,900)", "SEK9 million (approximately GBP738 thousand or USD910 thousand)", "141 billion
    liters (about 37 billion U.S. gallons, 31 billion imperial gallons)": a second figure of the bracket that holds an
    equivalent, in a third unit and last in the bracket, restates the same source (not "188 months (15 years, 8
    months)": the source's unit again is a part of a compound time)."""
    if a.equivalent_of is None or a.kind != b.kind or not NEXT_EQUIVALENT_GAP_RE.fullmatch(text, a.end, b.start) \
            or not BRACKET_CLOSE_RE.match(text, b.end):
        return False
    return b.unit not in (a.unit, figs[a.equivalent_of].unit)


def _inherit_context(src: Figure, b: Figure) -> None:
    """An equivalent says what its source says: qualifier, direction, period, measure, entity. The source's measure
    comes first: the bracket's own parse names a neighbour ("winds of 100 mph (about 160 km/h)" is no measure of
    "Authorities", "over 1400 feet (about 430 meters)" no measure of the wreck)."""
    if b.qualifier == "exact":
        b.qualifier = src.qualifier
    b.direction = b.direction or src.direction
    b.period = b.period or src.period
    b.measure = src.measure or (b.measure if b.kind != "count" else None)
    b.entity = b.entity if b.entity is not None else src.entity


def link_equivalents(text: str, figs: list[Figure]) -> None:
    """Point each figure that restates its neighbour in another unit at it (``equivalent_of``)."""
    for i in range(1, len(figs)):
        b = figs[i]
        b.equivalent_of = _equivalent_index(text, figs, i)
        if b.equivalent_of is not None:
            _inherit_context(figs[b.equivalent_of], b)
