"""Which entity a speaker phrase refers to: the policies the quote extractor asks through
``Coreference.resolve``, in the order ``SpeakerResolver.resolve`` tries them."""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Callable

from ..entities.output import MentionIndex
from ..records import Entity
from .article import Article
from .gender import Genders
from .lexicon import DOCUMENT_NOUNS, GENDER_PRONOUNS, GENDERED_NOUNS, OWNER_PREPOSITIONS, PRONOUNS, UNOWNED_DOCUMENTS
from .roles import PLACE_TYPES, Roles, is_definite_role, mods_agree, role_mods

if TYPE_CHECKING:
    from spacy.tokens import Token

AGENT_TYPES = ("PERSON", "ORG")
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NAME_KINDS = ("name", "partial", "title")


class SpeakerResolver:
    """Resolves speaker phrases of one article, in reading order; remembers who spoke."""

    def __init__(self, article: Article, genders: Genders, roles: Roles):
        self.article, self.gender, self.roles = article, genders, roles
        self.history: list[tuple[int, int]] = []  # (char, entity index) of resolved speakers

    def resolve(self, head: Token, span: tuple[int, int], words_at: int | None = None) -> int | None:
        """The entity the speaker phrase refers to; only people, organisations, countries and groups
        speak (an event, a law, a building or a region is never the speaker)."""
        idx = self._resolve(head, span, words_at)
        return idx if idx is None or self.article.entities[idx]["type"] in SPEAKER_TYPES else None

    def _resolve(self, head: Token, span: tuple[int, int], words_at: int | None) -> int | None:
        ents = self.article.entities
        if not ents:
            return None
        person = self._person_in_title_phrase(head, span)
        if person is not None:
            return person
        idx = self._named(head, span)
        if idx is not None and head.lower_ not in PRONOUNS:
            return self.article.canonical(idx)
        if idx is not None:
            return idx
        if head.lower_ in PRONOUNS and span[1] - span[0] == 1:
            return self._antecedent(head, words_at)
        for rule in (self._by_role, self._document_owner, self._gendered_noun):
            idx = rule(head)
            if idx is not None:
                return idx
        return None

    def note(self, char: int, idx: int | None) -> None:
        if idx is not None:
            self.history.append((char, idx))

    # ------------------------------------------------------------ names
    @cached_property
    def _named_entities(self) -> list[Entity]:
        """The entities with their name mentions only (asked after the pronouns and descriptions
        were linked; the quote extractor adds no names)."""
        return [{**e, "mentions": [m for m in e["mentions"] if m.get("kind") in NAME_KINDS]}
                for e in self.article.entities]

    def _find(self, start: int, end: int) -> int | None:
        """The entity named at ``start:end`` (pronoun and description mentions do not count)."""
        return self._named_index.find(start, end)

    @cached_property
    def _named_index(self) -> MentionIndex:
        return MentionIndex(self._named_entities)

    def _named(self, head: Token, span: tuple[int, int]) -> int | None:
        """The entity mentioned by the head, by its apposition ("the leader, X"), or by the name
        before it; a title whose modifier names a place or body ("US Ambassador", "Senate Minority
        Leader") is the person given that title, never the place."""
        ents, doc = self.article.entities, self.article.doc
        idx = self._find(head.idx, head.idx + len(head.text))
        if idx is None:
            idx = next((i for c in head.children if c.dep_ == "appos"
                        for i in [self._find(c.idx, c.idx + len(c.text))] if i is not None), None)
        if idx is None and head.pos_ == "PROPN":
            s = span[0]  # the name before the head ("Regional spokesman Xu Guixiang"), not a prep object
            idx = self._find(doc[s].idx, head.idx + len(head.text))
            if idx is not None and ents[idx]["type"] != "PERSON":
                person = self.roles.by_role(head)
                idx = person if person is not None or ents[idx]["type"] not in PLACE_TYPES else None
        if idx is not None and head.pos_ == "NOUN" and ents[idx]["type"] == "PERSON" \
                and not mods_agree(role_mods(head), ents[idx]):
            idx = None  # a role mention whose modifiers disagree with the person's role
        return idx

    def _person_in_title_phrase(self, head: Token, span: tuple[int, int]) -> int | None:
        """"Former US Ambassador to the UN Nikki Haley": a title head whose phrase ends with a
        person's name speaks as that person, not as the place or body in the title."""
        art = self.article
        if self._find(head.idx, head.idx + len(head.text)) is not None:
            return None
        doc = art.doc
        lo, hi = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
        people = [r for r in art.mentions if lo <= r.start and r.end == hi and r.kind in NAME_KINDS
                  and art.entities[r.entity]["type"] == "PERSON" and r.head.dep_ != "poss"]
        return art.canonical(people[-1].entity) if people else None

    # ------------------------------------------------------------ pronouns
    def _agrees(self, pronoun: Token) -> Callable[[int], bool]:
        """Which entities a pronoun can take up: its type and, for he/she, its gender."""
        ents, want = self.article.entities, PRONOUNS[pronoun.lower_]
        pron_g = GENDER_PRONOUNS.get(pronoun.lower_)
        if want == "PERSON":
            return lambda i: ents[i]["type"] == "PERSON" and self.gender(i) in (None, pron_g)
        if want == "ORG":
            return lambda i: ents[i]["type"] in ("ORG", "GPE", "NORP")
        if want == "GROUP":
            return lambda i: ents[i]["type"] in ("ORG", "NORP")
        return lambda i: True

    def _antecedent(self, head: Token, words_at: int | None = None) -> int | None:
        """The latest speaker or entity named before the pronoun that agrees with it."""
        ok = self._agrees(head)
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
                later = self.last_named(pos, ok, after=char, words_at=words_at)
                return self.article.canonical(later) if later is not None else idx
        last = self.last_named(pos, ok, words_at=words_at)
        return self.article.canonical(last) if last is not None else None

    def last_named(self, pos: int, ok: Callable[[int], bool], after: int = -1,
                   words_at: int | None = None) -> int | None:
        """The entity named last before the sentence at ``pos``, outside quotations; when the
        quoted words come before ``pos`` ("X scolded him: "...," she said"), names of the same
        sentence before the words count too."""
        art = self.article
        best, best_pos = None, after
        sent_start = art.sent_starts[art.sentence_of(pos)]
        if words_at is not None and words_at < pos:
            sent_start = words_at - 1
        for r in art.mentions:
            if best_pos < r.start < sent_start and r.kind in NAME_KINDS and ok(r.entity) \
                    and not art.in_quote(r.start):
                best, best_pos = r.entity, r.start
        return best

    # ------------------------------------------------------------ descriptions
    def _by_role(self, head: Token) -> int | None:
        """"the chairman", "the foreign minister", "the El Paso mayor": the person given that title."""
        return self.roles.by_role(head) if is_definite_role(head, self.article) else None

    def _document_owner(self, head: Token) -> int | None:
        """"X's website", "the NDRRMC report", "a statement from X": a document or output speaks for
        its owner; without one written, for the person or organisation named last before it."""
        if head.lemma_.lower() not in DOCUMENT_NOUNS and head.lower_ not in DOCUMENT_NOUNS:
            return None
        for c in head.children:
            owner = None
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                owner = self._owner_token(c)
            elif c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS:
                owner = next((self._owner_token(p) for p in c.children if p.dep_ == "pobj"), None)
            if owner is not None:
                return owner
        if head.lemma_.lower() not in UNOWNED_DOCUMENTS or head.tag_ != "NN" \
                or any(c.dep_ in ("poss", "compound", "amod") for c in head.children):
            return None  # an owner we could not resolve, or a finding rather than a publication: no guess
        return self._latest_subject(head, AGENT_TYPES)

    def _latest_subject(self, at: Token, types: tuple[str, ...]) -> int | None:
        """The entity of the given types that was the subject of a clause last, in the sentence of
        ``at`` before it or in the two sentences before (the publisher of "the statement")."""
        art = self.article
        first = art.sentence_of(at.idx) - 2
        best = None
        for r in art.mentions:
            if r.start >= at.idx:
                break
            if r.kind in NAME_KINDS and art.sentence_of(r.start) >= first and r.head.dep_ in ("nsubj", "nsubjpass") \
                    and art.entities[r.entity]["type"] in types and not art.in_quote(r.start):
                best = r.entity
        return art.canonical(best) if best is not None else None

    def _owner_token(self, tok: Token) -> int | None:
        linked = self._linked_pronoun(tok)
        if linked is not None:
            return linked
        if tok.lower_ in PRONOUNS or tok.lower_ in ("his", "her", "its", "their"):
            ents = self.article.entities
            want = GENDER_PRONOUNS.get(tok.lower_)  # his -> m, her -> f; its, their: any agent
            ok = (lambda i: ents[i]["type"] in AGENT_TYPES) if want is None else \
                (lambda i: ents[i]["type"] == "PERSON" and self.gender(i) in (None, want))
            last = self.last_named(tok.idx, ok, words_at=tok.idx + 1)
            return self.article.canonical(last) if last is not None else None
        idx = self._find(tok.idx, tok.idx + len(tok.text))
        return self.article.canonical(idx) if idx is not None else None

    def _linked_pronoun(self, tok: Token) -> int | None:
        """The entity the coreference links made the pronoun ``tok`` a mention of."""
        for i, e in enumerate(self.article.entities):
            if any(m["start"] == tok.idx and m.get("kind") == "pronoun" for m in e["mentions"]):
                return i
        return None

    def _gendered_noun(self, head: Token) -> int | None:
        """"the mother", "the man": the person of that gender named last before it."""
        g = GENDERED_NOUNS.get(head.lower_)
        if g is None or not any(c.lower_ == "the" for c in head.children):
            return None
        ents = self.article.entities
        last = self.last_named(head.idx, lambda i: ents[i]["type"] == "PERSON" and self.gender(i) == g,
                               words_at=head.idx + 1)
        return self.article.canonical(last) if last is not None else None
