"""Coreference: which entity a speaker phrase ("he", "Xu", "the chairman") refers to.

The stage runs between the entity extractor and the quote extractor: ``Coreference(doc,
entities)`` indexes the article once, the quote extractor asks ``resolve(head, span, words_at)``
for each speaker in reading order and tells it the outcome with ``note(char, entity_index)``, so
that a later pronoun can take up the latest speaker.

Resolution policies, each a small method below:
- a name or surname mention resolves to the fullest name of that entity (``canonical``); an
  apposition or a name written before the head counts too;
- a personal pronoun takes the latest speaker or person named before it, or before the
  quotation or the pronoun's adjunct clause in the same sentence, agreeing in gender when known
  (honorifics and gendered titles by the name, he/she taking the name up as a subject);
- a definite role noun ("the chairman") matches the titles and roles written next to names,
  earlier or later in the article, when its modifiers agree ("the Republican nominee").
"""
from __future__ import annotations

import json
from bisect import bisect_right
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .entities import find_entity
from .records import Entity, Mention
from .spans import sentence_index, sentence_starts, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LEX = json.loads((Path(__file__).parent / "data" / "coref.json").read_text(encoding="utf-8"))
PRONOUNS = dict(_LEX["pronouns"])          # pronoun -> the entity type it takes up (PERSON, ORG, ANY)
GENDER_WORDS = {w: g for g, ws in _LEX["gendered_words"].items() for w in ws}
GENDER_PRONOUNS = {w: g for g, ws in _LEX["gendered_pronouns"].items() for w in ws}
SUBJ_DEPS = tuple(_LEX["subject_deps"])
ROLE_BREAKS = frozenset(_LEX["role_phrase_breaks"])        # "director | of the bureau"
LOOSE_MODIFIERS = frozenset(_LEX["loose_role_modifiers"])  # "the former chairman" is still the chairman


# ---------------------------------------------------------------- policies over entities and roles
def role_head(role: str) -> list[str]:
    """The head noun(s) of a role phrase: "deputy director of the bureau" -> ["director"]."""
    ws = words(role)
    for k, w in enumerate(ws):
        if w in ROLE_BREAKS:
            ws = ws[:k]
            break
    return ws[-1:]


def canonical(entities: list[Entity], idx: int) -> int:
    """A short name ("Xu") as the fullest entity of the same type that lists it among its aliases
    ("Xu Guixiang"). Sharing a last word is not enough: the entity layer keeps a bare surname
    apart on purpose when it names another person ("Mr. Obama" beside "Michelle Obama")."""
    e = entities[idx]
    name = words(e["name"])
    if not name:
        return idx
    best, best_len = idx, len(name)
    for j, o in enumerate(entities):
        if j == idx or o["type"] != e["type"]:
            continue
        ow = words(o["name"])
        forms = [words(a) for a in o.get("aliases", [])] + [ow]
        if len(ow) > best_len and name in forms:
            best, best_len = j, len(ow)
    return best


def role_mods(head: Token) -> set[str]:
    """Words that narrow a role noun ("the Republican nominee"): its adjectives and compounds."""
    return {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha
            and c.lower_ not in LOOSE_MODIFIERS}


def mods_agree(mods: set[str], ent: Entity, role_words=()) -> bool:
    """"the Republican nominee" is not the person written as "the Democratic nominee"."""
    return not mods or mods <= set(words(ent.get("role") or "")) | set(role_words)


def _vote(votes: dict[str, int]) -> str | None:
    return None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")


class Coreference:
    """Resolves speaker phrases of one article to its entities (indexes into ``entities``)."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.entities = entities
        self.history: list[tuple[int, int]] = []  # (char, entity index) of resolved speakers
        self._role_index: list[tuple[int, int, set[str]]] | None = None
        self._genders: dict[int, str | None] = {}

    # ------------------------------------------------------------ public face
    def resolve(self, head: Token, span: tuple[int, int], words_at: int | None = None) -> int | None:
        """The entity that the phrase ``span`` (token range) headed by ``head`` refers to, or None.
        ``words_at`` is where the words it said begin (a pronoun may look back from there)."""
        ents = self.entities
        if not ents:
            return None
        idx = self._named(head, span)
        if idx is not None and ents[idx].get("mentions") and head.lower_ not in PRONOUNS:
            return canonical(ents, idx)
        if idx is not None:
            return idx
        if head.lower_ in PRONOUNS and span[1] - span[0] == 1:
            return self._antecedent(head, words_at)
        if self._definite_role(head):
            return self._by_role(head)
        return None

    def note(self, char: int, idx: int | None) -> None:
        """Record that the speaker at ``char`` was resolved to entity ``idx`` (None: unresolved)."""
        if idx is not None:
            self.history.append((char, idx))

    # ------------------------------------------------------------ offsets (indexed when first needed)
    @cached_property
    def _tok_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    @cached_property
    def _sent_starts(self) -> list[int]:
        return sentence_starts(self.doc)

    @cached_property
    def _quoted(self) -> list[tuple[int, int]]:
        """(start, end) of the words inside each pair of quote marks."""
        from .quotes.marks import find_quoted_spans  # the quote package asks this stage: import late

        return [(q.open[1], q.close[0]) for q in find_quoted_spans(self.doc.text)]

    def _token_at(self, char: int) -> Token | None:
        i = max(bisect_right(self._tok_starts, char) - 1, 0)
        return self.doc[i] if len(self.doc) else None

    def _in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self._quoted)

    # ------------------------------------------------------------ names
    def _named(self, head: Token, span: tuple[int, int]) -> int | None:
        """The entity mentioned by the head, by the name before it, or by its apposition."""
        ents, doc = self.entities, self.doc
        idx = find_entity(ents, head.idx, head.idx + len(head.text))
        if idx is None and head.pos_ == "PROPN":
            s = span[0]  # the name before the head ("Regional spokesman Xu Guixiang"), not a prep object
            idx = find_entity(ents, doc[s].idx, head.idx + len(head.text))
        if idx is None:
            for c in head.children:
                if c.dep_ == "appos":
                    idx = find_entity(ents, c.idx, c.idx + len(c.text))
                    if idx is not None:
                        break
        if idx is not None and head.pos_ == "NOUN" and ents[idx]["type"] == "PERSON" \
                and not mods_agree(role_mods(head), ents[idx]):
            idx = None  # a role mention whose modifiers disagree with the person's role
        return idx

    # ------------------------------------------------------------ pronouns
    def _gender(self, idx: int) -> str | None:
        """'m' or 'f' from honorifics and gendered titles by the name, or from the first he/she
        pronoun after the name in sentences where it is the subject; None when unknown."""
        if idx not in self._genders:
            votes = {"m": 0, "f": 0}
            for m in self.entities[idx]["mentions"]:
                self._gender_votes(m, votes)
            self._genders[idx] = _vote(votes)
        return self._genders[idx]

    def _gender_votes(self, m: Mention, votes: dict[str, int]) -> None:
        doc = self.doc
        if m.get("kind") == "pronoun":
            g = GENDER_WORDS.get(m["text"].lower())
            if g:
                votes[g] += 1
            return
        t0 = self._token_at(m["start"])
        t1 = self._token_at(max(m["end"] - 1, m["start"]))
        for k in (t0.i - 1, t0.i - 2):
            if k >= 0 and doc[k].lower_.rstrip(".") in GENDER_WORDS:
                votes[GENDER_WORDS[doc[k].lower_.rstrip(".")]] += 2
                break
        if t1.dep_ in SUBJ_DEPS:
            for t in doc[t1.i + 1:t1.sent.end]:
                # "X scolded him": only a subject pronoun takes X up again
                g = GENDER_PRONOUNS.get(t.lower_) if t.dep_ in SUBJ_DEPS else None
                if g:
                    votes[g] += 1
                    break

    def _agrees(self, pronoun: Token) -> Callable[[int], bool]:
        """Which entities a pronoun can take up: its type and, for he/she, its gender."""
        ents, want = self.entities, PRONOUNS[pronoun.lower_]
        pron_g = GENDER_PRONOUNS.get(pronoun.lower_)
        if want == "PERSON":
            return lambda i: ents[i]["type"] == "PERSON" and self._gender(i) in (None, pron_g)
        if want == "ORG":
            return lambda i: ents[i]["type"] in ("ORG", "GPE", "NORP")
        return lambda i: True

    def _antecedent(self, head: Token, words_at: int | None = None) -> int | None:
        ents, ok = self.entities, self._agrees(head)
        pos = head.idx
        clause = head.head
        if clause.dep_ in ("relcl", "advcl") and clause.left_edge.i > clause.sent.start \
                and (words_at is None or words_at > pos):
            # "X's advice earned him attention, where he appeared ...": a pronoun in an adjunct
            # clause may take up a name written earlier in its sentence
            words_at = clause.left_edge.idx + 1
        for char, idx in reversed(self.history):
            if char < pos and ok(idx):
                # the latest speaker, unless another such entity was named since, outside quotes
                later = self._last_mention(pos, ok, after=char, words_at=words_at)
                return canonical(ents, later) if later is not None else idx
        last = self._last_mention(pos, ok, words_at=words_at)
        return canonical(ents, last) if last is not None else None

    def _last_mention(self, pos: int, ok: Callable[[int], bool], after: int = -1,
                      words_at: int | None = None) -> int | None:
        """The entity named last before the pronoun's sentence, outside quotations; when the
        quoted words come before the pronoun ("X scolded him: "...," she said"), names of the same
        sentence before the words count too."""
        best, best_pos = None, after
        sent_start = self._sent_starts[sentence_index(self.doc, pos, self._sent_starts)]
        if words_at is not None and words_at < pos:
            sent_start = words_at - 1
        for i, e in enumerate(self.entities):
            if not ok(i):
                continue
            for m in e["mentions"]:
                if best_pos < m["start"] < sent_start and m.get("kind", "name") != "pronoun" \
                        and not self._in_quote(m["start"]):
                    best, best_pos = i, m["start"]
        return best

    # ------------------------------------------------------------ role nouns
    @staticmethod
    def _definite_role(head: Token) -> bool:
        """"the chairman": a singular common noun with "the", no name or owner of its own."""
        return head.pos_ == "NOUN" and head.tag_ == "NN" and any(
            c.lower_ == "the" and c.dep_ == "det" for c in head.children) \
            and not any(c.pos_ == "PROPN" or c.dep_ in ("poss", "prep") for c in head.children)

    def _roles(self) -> list[tuple[int, int, set[str]]]:
        """(entity index, mention start, lower-case words written with it: title, role, apposition)."""
        if self._role_index is None:
            self._role_index = [(i, m["start"], self._titles(m, set(role_head(e.get("role") or ""))))
                                for i, e in enumerate(self.entities)
                                for m in e["mentions"] if m.get("kind") != "pronoun"]
        return self._role_index

    def _titles(self, m: Mention, role: set[str]) -> set[str]:
        """The role words of one mention: the entity's role, the title right before the name
        ("Chairman X", "spokesman X"), an apposition ("X, deputy director of ..."; "the director, X")."""
        doc = self.doc
        t0 = self._token_at(m["start"])
        t1 = self._token_at(max(m["end"] - 1, m["start"]))
        titles = set(role)
        k = t0.i - 1
        if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].head.i >= t0.i:
            titles.add(doc[k].lemma_.lower())
            titles.add(doc[k].lower_)
        for t in (t1, t1.head):
            for c in t.children:
                if c.dep_ == "appos" and c.pos_ == "NOUN":
                    titles.add(c.lemma_.lower())
        if t1.dep_ == "appos" and t1.head.pos_ == "NOUN":
            titles.add(t1.head.lemma_.lower())
        return titles

    def _by_role(self, head: Token) -> int | None:
        noun = head.lemma_.lower()
        ents, pos = self.entities, head.idx
        mods = role_mods(head)
        best, best_dist = None, None
        for i, start, role_words in self._roles():
            e = ents[i]
            if e["type"] == "PERSON":
                if noun not in role_words or not mods_agree(mods, e, role_words):
                    continue
            elif noun not in words(e["name"]):
                continue
            dist = pos - start if start <= pos else 10 * (start - pos)  # earlier mentions first
            if best_dist is None or dist < best_dist:
                best, best_dist = i, dist
        return canonical(ents, best) if best is not None else None
