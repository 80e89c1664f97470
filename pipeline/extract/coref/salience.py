"""How salient an earlier mention is at a later point of the article: the score that ranks the
candidate antecedents of a pronoun or a description (weights in ``data/coref.json``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterable

from .article import Article, MentionRef
from .lexicon import SALIENCE, SUBJ_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token

W = SALIENCE


def _role_weight(ref: MentionRef) -> int:
    """Subjects are taken up most, then objects (the head's own role or its possessor's)."""
    head = ref.head
    if head.dep_ == "poss":
        head = head.head
    if head.dep_ in SUBJ_DEPS:
        return W["subject"]
    if head.dep_ in ("dobj", "attr", "appos"):
        return W["object"]
    return 0


def score(article: Article, ref: MentionRef, at: Token, counts: Counter) -> int:
    """The salience of ``ref`` for an anaphor at token ``at``: recency in sentences, grammatical
    role, how often the entity is mentioned, paragraph and quotation boundaries."""
    d = article.sentence_of(at.idx) - article.sentence_of(ref.start)
    s = 100 - W["per_sentence"] * d + _role_weight(ref) + min(W["per_mention"] * counts[ref.entity], W["mention_cap"])
    if d == 0:
        s += W["same_sentence"]
    if ref.kind == "pronoun":
        s += W["chain"]
    if article.paragraph_of(ref.start) != article.paragraph_of(at.idx):
        s -= W["paragraph_break"]
    if article.in_quote(ref.start) and not article.in_quote(at.idx):
        s -= W["paragraph_break"]
    return s


class RefIndex:
    """The mentions known so far, sorted by start, with each entity's starts: the window of the last
    sentences and how often an entity was mentioned before a point are found by bisection, not by
    a scan of the whole article per anaphor."""

    def __init__(self, refs: Iterable[MentionRef] = ()):
        self.rows: list[MentionRef] = []
        self.starts: list[int] = []
        self.by_entity: dict[int, list[int]] = {}
        self.longest = 0
        for r in refs:
            self.add(r)

    def add(self, ref: MentionRef) -> None:
        k = bisect_right(self.starts, ref.start)
        self.rows.insert(k, ref)
        self.starts.insert(k, ref.start)
        insort(self.by_entity.setdefault(ref.entity, []), ref.start)
        self.longest = max(self.longest, ref.end - ref.start)

    def between(self, lo: int, hi: int) -> list[MentionRef]:
        """The mentions that start in [lo, hi)."""
        return self.rows[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def covering(self, char: int) -> list[MentionRef]:
        """The mentions whose span holds character ``char``."""
        return [r for r in self.between(char - self.longest, char + 1) if r.start <= char < r.end]

    def count_before(self, entity: int, pos: int) -> int:
        return bisect_left(self.by_entity.get(entity, []), pos)


def best_antecedent(article: Article, at: Token, refs: RefIndex, ok: Callable[[int], bool],
                    confident: Callable[[int], bool], strict: bool = False, outside: bool = False,
                    prefer: Callable[[MentionRef], bool] | None = None) -> int | None:
    """The entity of the most salient earlier mention within the window that ``ok`` accepts; None
    when a rival entity scores within the margin and the winner is not ``confident``. ``strict``:
    only a subject of the anaphor's sentence or the one before it (for "they", "its"); ``outside``:
    mentions that contain the anaphor do not count; ``prefer``: when some candidate mentions pass it, only those
    count."""
    first_sent = article.sentence_of(at.idx) - (1 if strict else W["sentence_back"])
    lo = article.sent_starts[first_sent] if first_sent > 0 else 0
    cands = [r for r in refs.between(lo, at.idx) if r.end <= at.idx and ok(r.entity)
             and (not strict or _role_weight(r) == W["subject"])]
    if prefer is not None:
        cands = [r for r in cands if prefer(r)] or cands
    if not cands:
        return None
    counts = _counts_before(refs, {r.entity for r in cands}, at.idx, outside)
    by_entity: dict[int, int] = {}
    for r in cands:
        by_entity[r.entity] = max(by_entity.get(r.entity, -10**6), score(article, r, at, counts))
    ranked = sorted(by_entity.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    if len(ranked) > 1 and top - ranked[1][1] < W["min_margin"] and not confident(best):
        return None
    return best


def _counts_before(refs: RefIndex, entities: set[int], pos: int, outside: bool) -> Counter:
    """How often each of ``entities`` was mentioned before ``pos`` (without the mentions that
    contain ``pos`` when ``outside``)."""
    counts = Counter({e: refs.count_before(e, pos) for e in entities})
    if outside:
        for r in refs.between(pos - refs.longest, pos):
            if r.end > pos and r.entity in entities:
                counts[r.entity] -= 1
    return counts
