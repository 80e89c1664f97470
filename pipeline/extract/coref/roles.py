"""Role and title nouns ("the chairman", "the foreign minister", "the El Paso mayor") matched
against the titles and roles written next to names anywhere in the article."""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..records import Entity, Mention
from ..spans import words
from .article import Article
from .lexicon import LOOSE_MODIFIERS, RANK_WORDS, ROLE_BREAKS, ROLE_SYNONYMS

if TYPE_CHECKING:
    from spacy.tokens import Token

NON_PERSON_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


def role_head(role: str) -> list[str]:
    """The head noun(s) of a role phrase: "deputy director of the bureau" -> ["director"]."""
    ws = words(role)
    for k, w in enumerate(ws):
        if w in ROLE_BREAKS:
            ws = ws[:k]
            break
    return ws[-1:]


def role_mods(head: Token, article: Article | None = None) -> set[str]:
    """Words that narrow a role noun ("the Republican nominee"): its adjectives and compounds,
    without the place or body it is the role of ("the El Paso mayor", "the Senate leader")."""
    return {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha
            and c.lower_ not in LOOSE_MODIFIERS and not (article and is_named(article, c, NON_PERSON_TYPES))}


def place_mods(head: Token, article: Article) -> set[str]:
    """"the Florida senator", "the New Jersey governor", "the GOP front-runner": the words of a named place or body
    that narrows a role noun."""
    return {w for c in head.children if c.dep_ in ("amod", "compound") and is_named(article, c, NON_PERSON_TYPES)
            for w in words(c.text)}


def is_named(article: Article, tok: Token, types: frozenset[str]) -> bool:
    """Whether ``tok`` is inside the name of an entity of one of ``types``."""
    return any(r.kind in ("name", "partial") and article.entities[r.entity]["type"] in types
               for r in article.mentions_at.get(tok.i, ()))


def mods_agree(mods: set[str], ent: Entity, role_words=()) -> bool:
    """"the Republican nominee" is not the person written as "the Democratic nominee"."""
    return not mods or mods <= _word_set(ent.get("role") or "") | set(role_words)


def is_definite_role(head: Token, article: Article) -> bool:
    """"the chairman", "the El Paso mayor", "Chelyabinsk's governor": a singular common noun with
    "the" or a place or body as its owner, no person's name or other owner of its own."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return False
    named = lambda c: is_named(article, c, NON_PERSON_TYPES)  # noqa: E731
    if not any(c.dep_ == "poss" and named(c) for c in head.children) \
            and not any(c.lower_ == "the" and c.dep_ == "det" for c in head.children):
        return False
    return not any((c.pos_ == "PROPN" and not named(c)) or c.dep_ == "prep"
                   or (c.dep_ == "poss" and not named(c)) for c in head.children)


class Roles:
    """The role words written with each mention of each entity, and the lookup of a role noun."""

    def __init__(self, article: Article):
        self.article = article

    @cached_property
    def index(self) -> list[tuple[int, int, set[str], set[str]]]:
        """(entity index, mention start, title nouns written with it, their modifiers)."""
        out = []
        for i, e in enumerate(self.article.entities):
            for m in e["mentions"]:
                if m.get("kind") not in ("pronoun", "nominal"):
                    nouns, mods = self._titles(m, set(role_head(e.get("role") or "")))
                    out.append((i, m["start"], nouns, mods))
        return out

    @cached_property
    def title_words(self) -> dict[int, set[str]]:
        """Entity index -> the title nouns and their modifiers written with any of its names."""
        out: dict[int, set[str]] = {}
        for i, _, titles, title_mods in self.index:
            out.setdefault(i, set()).update(titles | title_mods)
        return out

    @cached_property
    def rows_by_word(self) -> dict[str, list[int]]:
        """Title noun (for people) or name word (for other entities) -> the rows of ``index`` that
        hold it: ``by_role`` looks only at those."""
        out: dict[str, list[int]] = {}
        for k, (i, _, titles, _) in enumerate(self.index):
            e = self.article.entities[i]
            for w in titles if e["type"] == "PERSON" else _word_set(e["name"]):
                out.setdefault(w, []).append(k)
        return out

    def _titles(self, m: Mention, role: set[str]) -> tuple[set[str], set[str]]:
        """The title nouns of one mention: the entity's role, the title right before the name
        ("Chairman X"), an apposition ("X, deputy director of ..."; "the director, X"); and the
        words that modify a title before the name ("Foreign Minister X": "foreign")."""
        art = self.article
        doc = art.doc
        t0 = art.token_at(m["start"])
        t1 = art.token_at(max(m["end"] - 1, m["start"]))
        titles, mods = set(role), set()
        k = t0.i - 1
        if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].head.i >= t0.i:
            titles.update((doc[k].lemma_.lower(), doc[k].lower_))
            while k > 0 and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[k - 1].head.i >= k \
                    and doc[k - 1].is_alpha:
                k -= 1  # the title's own modifiers: "Senate Minority Leader X", "Foreign Minister X"
                mods.add(doc[k].lower_)
        for t in (t1, t1.head):
            for c in t.children:
                if c.dep_ == "appos" and c.pos_ == "NOUN" and not _colon_label(c, t):
                    titles.add(c.lemma_.lower())
        if t1.dep_ == "appos" and t1.head.pos_ == "NOUN" and not _colon_label(t1.head, t1):
            titles.add(t1.head.lemma_.lower())
        return titles, mods

    def by_role(self, head: Token) -> int | None:
        """The person whose title or role is the noun ``head`` (its modifiers agreeing), or the
        organisation or place whose name holds it; earlier mentions first."""
        noun = head.lemma_.lower()
        ents, pos = self.article.entities, head.idx
        mods, places = role_mods(head, self.article), place_mods(head, self.article)
        best, best_dist = None, None
        keys = {noun} | ROLE_SYNONYMS.get(noun, frozenset())
        rows = sorted({k for key in keys for k in self.rows_by_word.get(key, ())})
        for i, start, titles, title_mods in (self.index[k] for k in rows):
            e = ents[i]
            if e["type"] == "PERSON":
                if not keys & titles \
                        or not mods_agree(mods, e, titles | title_mods) \
                        or _outranked(mods, title_mods | _word_set(e.get("role") or "")) \
                        or not self._placed(places, start, e, title_mods):
                    continue
            elif noun not in _word_set(e["name"]):
                continue
            dist = pos - start if start <= pos else 10 * (start - pos)  # earlier mentions first
            if best_dist is None or dist < best_dist:
                best, best_dist = i, dist
        return self.article.canonical(best) if best is not None else None

    def _placed(self, places: set[str], start: int, ent: Entity, title_mods: set[str]) -> bool:
        """"the Florida senator" is not a senator the article never writes with Florida: the place or body of a
        description is in the person's role, the words before the title, or the sentence of that mention."""
        if not places or places <= title_mods | _word_set(ent.get("role") or ""):
            return True
        art = self.article
        k = art.sentence_of(start)
        hi = art.sent_starts[k + 1] if k + 1 < len(art.sent_starts) else len(art.text)
        return places <= _word_set(art.text[art.sent_starts[k]:hi])


def _colon_label(noun: Token, name: Token) -> bool:
    """"Poll: Clinton and Sanders in dead heat", "Bernie Sanders: Credit scores": a bare noun that a colon parts from a
    name (a headline's or a section's label) is no title of that person, though the parser hangs one on the other as an
    apposition; "her organisation: Faithless Hijabi" (a determiner or owner) still describes the name."""
    lo, hi = sorted((noun.i, name.i))
    return any(t.text == ":" for t in noun.doc[lo + 1:hi]) and not any(c.dep_ in ("det", "poss") for c in noun.children)


def _outranked(mods: set[str], title_mods: set[str]) -> bool:
    """"the governor" is not "Deputy Governor X" (nor the lieutenant governor, the vice president):
    a rank word before the person's title that the description does not have."""
    return bool((title_mods & RANK_WORDS) - mods)
