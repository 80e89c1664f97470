"""Which entity a speaker phrase refers to: the policies the quote extractor asks through
``Coreference.resolve``, in the order ``SpeakerResolver.resolve`` tries them."""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from ..entities.lexicon import PLACE_TYPES
from ..entities.output import MentionIndex
from ..records import Entity
from ..spans import words
from .article import Article, MentionRef
from .gender import Genders
from .lexicon import (
    AUTHOR_VERBS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    FIRST_PLURAL,
    GENDER_PRONOUNS,
    GENDERED_NOUNS,
    HELD_TITLE_NOUNS,
    MATRIX_CLAUSE_DEPS,
    MAX_MATRIX_CLIMB,
    NOMINAL_HEADS,
    OWNER_PREPOSITIONS,
    OWNER_PRONOUNS,
    PRONOUNS,
    RELATED_PREPOSITIONS,
    SECOND_PERSON,
    SUBJ_DEPS,
    UNNAMED_PERSON_NOUNS,
    UNNAMED_TOPIC_PRONOUNS,
    UNOWNED_DOCUMENTS,
    person_noun,
    speaking_noun,
)
from .roles import Roles, is_definite_role, mods_agree, role_mods
from .salience import RefIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

AGENT_TYPES = ("PERSON", "ORG")
ENTITY_TYPES_OF = {"ORG": ("ORG",), "GROUP": ("ORG", "NORP")}  # the entity types a pronoun's class takes up
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NAME_KINDS = ("name", "partial", "title")


class SpeakerResolver:
    """Resolves speaker phrases of one article, in reading order; remembers who spoke."""

    def __init__(self, article: Article, genders: Genders, roles: Roles):
        self.article, self.roles = article, roles
        self.gender = genders.decided  # 'm', 'f' or None
        self.history: list[tuple[int, int]] = []  # (char, entity index) of resolved speakers
        self.documents: dict[str, int] = {}  # document noun -> the owner it was last resolved to
        self.spoken: dict[int, int] = {}  # char of a speaker phrase's head -> the entity it was resolved to
        self.turns: dict[int, int] = {}  # paragraph -> the person whose transcript turn it is ("((X)) ...")
        self.unnamed: dict[int, Token] = {}  # speaker pronoun token -> the unnamed group or person it stands for

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
            return self._spelled_out(self._as_reported(idx))
        if idx is not None:
            return idx
        if _is_pronoun(head) and span[1] - span[0] == 1:
            if self._unnamed_topic(head):
                return None
            if head.lower_ == "it":
                return self._speaking_it(head)
            if head.lower_ == "they":
                return self._speaking_group(head)
            if self._unnamed_person_topic(head):
                return None
            bound = self._bound_owner(head) if head.tag_ == "PRP$" else self._matrix_subject(head)
            return bound if bound is not None else self._antecedent(head, words_at)
        turn = self._answering(head, span)
        if turn is not None:
            return turn
        if head.lower_ in FIRST_PERSON | SECOND_PERSON and span[1] - span[0] == 1:
            # the voice the coreference stage found: "As I said, ..." in an interviewee's answer, "you" in an
            # interviewer's question, an author's "I would argue ..."
            return self._linked_pronoun(head)
        for rule in (self._by_role, self._document_owner, self._gendered_noun):
            idx = rule(head)
            if idx is not None:
                return idx
        return None

    def _answering(self, head: Token, span: tuple[int, int]) -> int | None:
        """"((X)) ... we concluded it's a black hole": a speaker "we" outside quotations, in a transcript turn
        that a person's label heads (or that continues one), is the person who answers."""
        if head.lower_ not in FIRST_PLURAL or span[1] - span[0] != 1 or not self.turns \
                or self.article.in_quote(head.idx):
            return None
        return self.turns.get(self.article.paragraph_of(head.idx))

    def note(self, char: int, idx: int | None, head: Token | None = None) -> None:
        if idx is not None:
            self.history.append((char, idx))
            if head is not None:
                self.spoken[head.idx] = idx

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
            if idx is not None and head.tag_ not in ("NNS", "NNPS"):
                return idx  # the name is written beside the role: no modifier of the role can disagree with it
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

    def _spelled_out(self, idx: int) -> int:
        """An acronym the article defines in brackets after a full name ("the Federal Security Service
        (FSB)", "... Volcanology and Seismology (Phivolcs)"; the letters need not match a translated name)
        speaks as that name's entity."""
        return self._acronym_owners.get(idx, idx)

    @cached_property
    def _acronym_owners(self) -> dict[int, int]:
        """entity written as one word in brackets right after another entity's name -> that entity."""
        art, out = self.article, {}
        refs = [r for r in art.mentions if r.kind in NAME_KINDS]
        by_start = {r.start: r for r in refs}
        for r in refs:
            at = r.end + 2  # "NAME (ACRONYM)"
            inner = by_start.get(at)
            if inner is None or art.text[r.end:at] != " (" or art.text[inner.end:inner.end + 1] != ")" \
                    or inner.entity == r.entity or " " in art.text[inner.start:inner.end]:
                continue
            full, short = art.entities[r.entity], art.entities[inner.entity]
            # a one-word short name of an organisation is often typed as a person ("Phivolcs")
            if short["type"] in (full["type"], "PERSON" if full["type"] == "ORG" else None) \
                    and len(words(full["name"])) > 1:
                out.setdefault(inner.entity, self._as_reported(r.entity))
        return out

    def _person_in_title_phrase(self, head: Token, span: tuple[int, int]) -> int | None:
        """"Former US Ambassador to the UN Nikki Haley": a title head whose phrase ends with a
        person's name speaks as that person, not as the place or body in the title; so does a named head that the
        parser gave the person's name as an apposition without a comma ("African Export–Import Bank president Okey
        Oramah": the head is "Export")."""
        art = self.article
        if self._find(head.idx, head.idx + len(head.text)) is not None \
                and not any(c.dep_ == "appos" and c.i == span[1] - 1 for c in head.children):
            return None
        doc = art.doc
        lo, hi = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
        inside = art.mentions[bisect_left(art.mention_starts, lo):bisect_left(art.mention_starts, hi)]
        people = [r for r in inside if r.end == hi and r.kind in NAME_KINDS
                  and art.entities[r.entity]["type"] == "PERSON" and r.head.dep_ != "poss"
                  and not _related_person(r.head, r.start)]
        return self._as_reported(people[-1].entity) if people else None

    # ------------------------------------------------------------ pronouns
    def _agrees(self, pronoun: Token) -> Callable[[int], bool]:
        """Which entities a pronoun can take up: its type and, for he/she, its gender. A speaking "it" is an
        organisation, never a place or a people named last ("The email read ... It stated" is no "New Hampshire", "the
        staff letter ... it said" no "Americans"; a place speaks through its government, named as such)."""
        ents, want = self.article.entities, PRONOUNS.get(pronoun.lower_, "PERSON")  # him, her: a person
        pron_g = GENDER_PRONOUNS.get(pronoun.lower_)
        if want == "PERSON":
            return lambda i: ents[i]["type"] == "PERSON" and self._reported_gender(i) in (None, pron_g)
        if want in ENTITY_TYPES_OF:
            types = ENTITY_TYPES_OF[want]
            return lambda i: ents[i]["type"] in types
        return lambda i: True

    def _as_reported(self, idx: int) -> int:
        """The entity a speaker is reported as: the person named in full for a short name (``Article.canonical``), but
        not one of the other gender ("Mrs. Clinton", a surname Bill and Hillary Clinton share, is not Bill Clinton)."""
        full = self.article.canonical(idx)
        if full != idx and self.article.entities[idx]["type"] == "PERSON":
            g = self.gender(idx)
            if g is not None and self.gender(full) not in (None, g):
                return idx
        return full

    def _reported_gender(self, idx: int) -> str | None:
        """The gender of a person, or, when the article gives a bare surname none, of the person named in full that
        the surname is reported as (``Article.canonical``): "Trump" beside "Mr. Trump" / "Donald J. Trump" is no
        antecedent of "she"."""
        g = self.gender(idx)
        if g is None:
            full = self.article.canonical(idx)
            g = self.gender(full) if full != idx else None
        return g

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
                if later is None:
                    return idx
                return self._salient(head, ok, self._as_reported(later))
        last = self.last_named(pos, ok, words_at=words_at)
        return self._salient(head, ok, self._as_reported(last)) if last is not None else None

    def _bound_owner(self, head: Token) -> int | None:
        """"X has gotten traction with his promise to ...", "Clinton's wins solidify her argument that ...": a
        his/her that owns a noun of saying takes up the subject of the nearest clause above it (or that
        subject's owner) when it agrees; else the last agreeing name before it in its sentence."""
        ok = self._agrees(head)
        verb = _clause_verb(head.head)
        while True:
            subj = _subject_of(verb)
            if subj is not None or verb.head.i == verb.i or verb.dep_ in ("ccomp", "relcl"):
                break
            verb = verb.head
        for tok in [subj, *(c for c in subj.children if c.dep_ == "poss")] if subj is not None else []:
            idx = self._find(tok.idx, tok.idx + len(tok.text))
            if idx is not None and ok(idx):
                return self._as_reported(idx)
        art, best = self.article, None
        for r in art.mentions:
            if r.start >= head.idx:
                break
            if r.start >= head.sent.start_char and r.kind in NAME_KINDS and ok(r.entity):
                best = r.entity
        return self._as_reported(best) if best is not None else None

    def _matrix_subject(self, head: Token) -> int | None:
        """"Rubio unmasked Trump, whom he called a con artist", "X assails what he calls ...", "Bush went after Trump,
        when he called ...": a he/she subject of a relative or adverbial clause takes up the named subject of the
        nearest clause above it that has a subject ("X included Y on a list of countries he said ...", through clauses
        without one), when it agrees; the name written last in between is its object. So does the subject of a
        reported (complement) clause: "Trump said that he did indicate to the Ukrainians that ...", "Shaw told Fox
        that he credits the change to ...": who reports it is who did it, not the man the article names most; only a
        he/she written as a subject ("Mom tries to get her to say what she wants": "her" is the one made to say)."""
        clause = head.head
        if head.dep_ != "nsubj" or head.lower_ not in GENDER_PRONOUNS or clause.dep_ not in MATRIX_CLAUSE_DEPS \
                or clause.left_edge.i <= clause.sent.start or (clause.dep_ == "ccomp" and not _nominative(head)):
            return None
        ok, verb = self._agrees(head), clause
        for _ in range(MAX_MATRIX_CLIMB):
            verb = _clause_verb(verb.head)
            subj = _subject_of(verb)
            if subj is not None:  # a pronoun there may be anyone ("says he knew little of X before he announced")
                idx = self._find(subj.idx, subj.idx + len(subj.text))
                return self._as_reported(idx) if idx is not None and ok(idx) else None
            if verb.head.i == verb.i:
                return None
        return None

    def _speaking_it(self, head: Token) -> int | None:
        """"The ministry said ... It urged", "X announced ... it added": a speaking "it" is the organisation that was a
        subject (or the source of an "according to") in its sentence or the two before; an organisation only named
        there is no antecedent ("The email read ... It stated", "the staff letter ... it said": the document speaks
        and its author is not written)."""
        return self._latest_subject(head, ("ORG",))

    def _speaking_group(self, head: Token) -> int | None:
        """"The NBA did not name the player. They did say ...": a speaking "they" is, like "it", the organisation (or
        people) that was a subject or an "according to" source in its sentence or the two before; an organisation only
        named there ("he told Scientific American", "at the Walmart", "data from NASA's telescope", "his French
        counterparts") is no antecedent: the "they" of such a sentence is mostly an unnamed group (the researchers,
        the prosecutors, the ministers)."""
        return self._latest_subject(head, ENTITY_TYPES_OF["GROUP"], main_only=True)

    def _unnamed_topic(self, head: Token) -> bool:
        """"US authorities claimed ... They also stated", "The stores were reluctant, according to a report from ABC
        Australia in which they said", "When the royal council met, they chose", "The industry publication stated ...
        It cited": an it/they subject whose topic (the subject of the clause above it, of a clause fronted before it,
        or of the sentence before) is a noun phrase that names no entity speaks for that unnamed group or thing, not
        for the organisation named last."""
        if head.dep_ != "nsubj" or head.lower_ not in UNNAMED_TOPIC_PRONOUNS:
            return False
        topic = self._topic_subject(head)
        if topic is None or topic.tag_ not in UNNAMED_TOPIC_PRONOUNS[head.lower_] or _may_stand_for_a_name(topic):
            return False
        if self._index.covering(topic.idx):
            return False
        if head.lower_ == "they" and topic.tag_ == "NNS" and _group_of_people(topic) \
                and head.head.dep_ not in ("relcl", "advcl"):  # not "the news they read", "because they ..."
            self.unnamed[head.i] = topic
        return True

    def _unnamed_person_topic(self, head: Token) -> bool:
        """"One of the victims decided to go public. She said ...", "The parents were arrested after one of their
        daughters escaped. She said ...": a he/she that opens a sentence, when the sentence before writes a person the
        article does not name ("one of" people, "a" person noun, "the man") after its main subject, which is no
        agreeing name, and no agreeing name follows, is that unnamed person: no speaker rather than the one named
        before."""
        if head.dep_ != "nsubj" or head.lower_ not in GENDER_PRONOUNS or head.head.dep_ != "ROOT" \
                or head.sent.start == 0 \
                or any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in head.doc[head.sent.start:head.i]):
            return False
        before, gender, ok = head.doc[head.sent.start - 1].sent, GENDER_PRONOUNS[head.lower_], self._agrees(head)
        main = _subject_of(before.root)
        if main is not None and not _unnamed_person(main, gender) \
                and any(ok(r.entity) for r in self._index.covering(main.idx)):
            return False  # "The Vermont senator declined to say whether it is right for a justice to ...": the senator
        topics = [t for t in before if (t.dep_ in SUBJ_DEPS or t.lower_ == "one") and _unnamed_person(t, gender)
                  and _in_main_event(t, before.root) and not self.article.in_quote(t.idx)]
        if not topics:
            return False
        topic = topics[-1]
        if self._index.covering(topic.idx) or any(self._index.covering(c.idx) for c in topic.children
                                                  if c.dep_ == "appos"):
            return False
        if self._names_between(topic.idx + 1, head.idx, ok):
            return False
        self.unnamed[head.i] = topic
        return True

    def _topic_subject(self, head: Token) -> Token | None:
        """The subject the clause of a pronoun subject is about: of the nearest clause above a relative or
        adverbial clause, of an adverbial clause fronted before the pronoun, or of the main clause of the
        sentence before."""
        clause = head.head
        if clause.dep_ in ("relcl", "advcl"):
            return _subject_of(_clause_verb(clause.head))
        if clause.dep_ != "ROOT":
            return None
        fronted = [c for c in clause.children if c.dep_ == "advcl" and c.i < head.i]
        if fronted:
            return _subject_of(fronted[-1])
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in head.doc[head.sent.start:head.i]):
            return None
        return _previous_main_subject(head)

    def _salient(self, head: Token, ok: Callable[[int], bool], last: int) -> int:
        """Between the entity named last and the subject of the sentence before ("Mugabe agreed to a
        deal in which Tsvangirai became prime minister. "...," he declared"), a subject pronoun takes up
        the subject."""
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "ROOT" \
                or self._names_between(head.sent.start_char, head.idx, ok):
            return last  # an adjunct clause, or a name earlier in the pronoun's own sentence
        art = self.article
        k = art.sentence_of(head.sent.start_char) - 1
        if k < 0:
            return last
        hi = art.sent_starts[k + 1] if k + 1 < len(art.sent_starts) else len(art.text)
        subj = self._main_subject(art.sent_starts[k], hi, ok)
        if subj is None:
            subj = self._chained_subject(head, ok)
        return self._as_reported(subj) if subj is not None and ok(subj) else last

    def _chained_subject(self, head: Token, ok: Callable[[int], bool]) -> int | None:
        """"Trump questioned the selection. He said Harris attacked Biden ... He also said ...": when the main
        clause of the sentence before has the same pronoun as its subject, the pronoun goes on with the entity that
        one was taken to be (as a speaker, else as a linked mention), not with a name written in between."""
        subj = _previous_main_subject(head)
        if subj is None or subj.lower_ != head.lower_:
            return None
        idx = self.spoken.get(subj.idx)
        if idx is None:
            idx = next((r.entity for r in self._index.between(subj.idx, subj.idx + 1)
                        if r.kind == "pronoun" and ok(r.entity)), None)
        return idx

    @cached_property
    def _index(self) -> RefIndex:
        """The entity extractor's mentions, for the mentions of a stretch of text."""
        return RefIndex(self.article.mentions)

    def _names_between(self, lo: int, hi: int, ok: Callable[[int], bool]) -> bool:
        art = self.article
        return any(r.kind in NAME_KINDS and ok(r.entity) and not art.in_quote(r.start)
                   for r in self._index.between(lo, hi))

    def _main_subject(self, lo: int, hi: int, ok: Callable[[int], bool]) -> int | None:
        """The agreeing entity named as the subject of a sentence's main clause between ``lo`` and ``hi``
        (outside quotations)."""
        art = self.article
        for r in self._index.between(lo, hi):
            clause = r.head.head
            if r.kind in NAME_KINDS and r.head.dep_ in ("nsubj", "nsubjpass") and ok(r.entity) \
                    and (clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT")) \
                    and not art.in_quote(r.start):
                return r.entity
        return None

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
                    and not art.in_quote(r.start) and not _names_a_thing(r, art.entities):
                best, best_pos = r.entity, r.start
        return best

    # ------------------------------------------------------------ descriptions
    def _by_role(self, head: Token) -> int | None:
        """"the chairman", "the foreign minister", "the El Paso mayor": the person given that title."""
        return self.roles.by_role(head) if is_definite_role(head, self.article) else None

    def _document_owner(self, head: Token) -> int | None:
        """"X's website", "the NDRRMC report", "a statement from X", "a statement released by X": a
        document or output speaks for its owner; without one written, for the person or organisation
        named last before it. An owner written but not resolved is no reason to guess."""
        if head.lemma_.lower() not in DOCUMENT_NOUNS and head.lower_ not in DOCUMENT_NOUNS:
            return None
        owner, written = self._written_owner(head)
        if owner is not None:
            self.documents[head.lemma_.lower()] = owner
            return owner
        if written or head.lemma_.lower() not in UNOWNED_DOCUMENTS or head.tag_ != "NN" \
                or any(c.dep_ in ("poss", "compound", "amod") for c in head.children):
            return None  # an owner we could not resolve, or a finding rather than a publication: no guess
        if any(c.lower_ == "the" for c in head.children) and head.lemma_.lower() in self.documents:
            return self.documents[head.lemma_.lower()]  # "a report from X said ... The report said"
        return self._latest_subject(head, AGENT_TYPES)

    def _written_owner(self, head: Token, depth: int = 0) -> tuple[int | None, bool]:
        """The owner written with a document noun, and whether one was written at all ("a statement
        released by X's office": the office's owner)."""
        written = False
        for c in head.children:
            tok = self._owner_phrase(c)
            if tok is None:
                continue
            written = True
            owner = self._owner_token(tok)
            if owner is None and depth < 2 and tok.lemma_.lower() in DOCUMENT_NOUNS:
                owner = self._written_owner(tok, depth + 1)[0]
            if owner is None and any(c.lower_ == "the" for c in tok.children):
                owner = self._titled(tok)  # "the decree signed by the Pope"
            if owner is not None:
                return owner, True
        return None, written

    def _titled(self, tok: Token) -> int | None:
        """"the minister", "the Pope": the person given that title (a role noun, or a title written
        before the person's name: "Pope Francis"); "the party" may be any party: no organisation."""
        if is_definite_role(tok, self.article) or (tok.pos_ == "PROPN" and tok.tag_ == "NNP"):
            idx = self.roles.by_role(tok)
            return idx if idx is not None and self.article.entities[idx]["type"] == "PERSON" else None
        return None

    @staticmethod
    def _owner_phrase(c: Token) -> Token | None:
        """The head of the owner phrase a child of a document noun writes, if it is one: "X's",
        "the NDRRMC", "from/by/of X", "(released/signed) by X"."""
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHOR_VERBS:
            return next((p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        return None

    def _latest_subject(self, at: Token, types: tuple[str, ...], main_only: bool = False) -> int | None:
        """The entity of the given types that was the subject of a clause last (or its subject's owner,
        or the source of an "according to"), in the sentence of ``at`` before it or in the two sentences
        before (the publisher of "the statement"); with ``main_only``, of a main clause only ("Republicans say
        Democrats are trying to distract. They say ...": they are the Republicans)."""
        art = self.article
        first = art.sentence_of(at.idx) - 2
        best = None
        for r in art.mentions:
            if r.start >= at.idx:
                break
            if r.kind in NAME_KINDS and art.sentence_of(r.start) >= first and _is_source(r.head, at.head) \
                    and (not main_only or _in_main_clause(r.head)) \
                    and art.entities[r.entity]["type"] in types and not art.in_quote(r.start):
                best = r.entity
        return self._as_reported(best) if best is not None else None

    def _owner_token(self, tok: Token) -> int | None:
        linked = self._linked_pronoun(tok)
        if linked is not None:
            return linked
        if tok.lower_ in OWNER_PRONOUNS:
            # "its website", "Their statement": the organisation (or people) a sentence made its subject, as for a
            # speaking "it" or "they" ("... should be decided by Congress. Their statement" is no statement of Congress)
            return self._latest_subject(tok, ENTITY_TYPES_OF[OWNER_PRONOUNS[tok.lower_]], main_only=True)
        if tok.lower_ in PRONOUNS or tok.lower_ in ("his", "her", "its", "their"):
            ents = self.article.entities
            want = GENDER_PRONOUNS.get(tok.lower_)  # his -> m, her -> f; its, their: any agent
            ok = (lambda i: ents[i]["type"] in AGENT_TYPES) if want is None else \
                (lambda i: ents[i]["type"] == "PERSON" and self.gender(i) in (None, want))
            last = self.last_named(tok.idx, ok, words_at=tok.idx + 1)
            return self._as_reported(last) if last is not None else None
        idx = self._find(tok.idx, tok.idx + len(tok.text))
        return self._as_reported(idx) if idx is not None else None

    @cached_property
    def _pronoun_links(self) -> dict[int, int]:
        """Where each pronoun the coreference stage linked stands, and the (first) entity it is a mention of."""
        links: dict[int, int] = {}
        for i, e in enumerate(self.article.entities):
            for m in e["mentions"]:
                if m.get("kind") == "pronoun":
                    links.setdefault(m["start"], i)
        return links

    def _linked_pronoun(self, tok: Token) -> int | None:
        """The entity the coreference links made the pronoun ``tok`` a mention of."""
        return self._pronoun_links.get(tok.idx)

    def _gendered_noun(self, head: Token) -> int | None:
        """"the mother", "the actress": the person of that gender named last before it; "the man", "the woman" is
        someone the article does not name (a voter in the crowd, a witness who asked not to be named); "the prince"
        is only who holds that title (``_by_role``), and "the Lincoln actor" only a person whose role or titles carry
        the noun before it (an adjective, "the 34-year-old mother", "the former first lady", narrows nothing here)."""
        g = GENDERED_NOUNS.get(head.lower_)
        if g is None or head.lower_ in UNNAMED_PERSON_NOUNS | HELD_TITLE_NOUNS \
                or not any(c.lower_ == "the" for c in head.children):
            return None
        ents = self.article.entities
        mods = {c.lower_ for c in head.children if c.dep_ == "compound" and c.is_alpha}
        last = self.last_named(head.idx, lambda i: ents[i]["type"] == "PERSON" and self.gender(i) == g
                               and mods_agree(mods, ents[i], self.roles.title_words.get(i, ())), words_at=head.idx + 1)
        return self._as_reported(last) if last is not None else None


def _is_source(head: Token, doc_verb: Token) -> bool:
    """A clause's subject ("X said"), the owner of the subject of a main clause or of the words the
    document's verb ``doc_verb`` reports ("X's database had no sighting, the website said"), or the
    object of "according to X": who the sentence presents as its source."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    if head.dep_ == "poss":  # in a main clause, or in the words the document itself reports
        clause = head.head.head
        return head.head.dep_ in ("nsubj", "nsubjpass") and (
            clause.dep_ == "ROOT" or (clause.dep_ == "ccomp" and clause.head == doc_verb))
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _names_a_thing(r: MentionRef, ents: list[Entity]) -> bool:
    """A person's name written as the modifier of a common noun that is no subject ("at the Clinton phone bank", "at a
    Trump rally", "a Twitter account") names a thing, not someone a later he/she takes up ("For Major, a volunteer at
    the Clinton phone bank, ... she said": Major); as a subject ("the Sanders campaign is mapping out ...") the noun
    acts for the person, who stays the topic."""
    thing = r.head.head
    return r.head.dep_ == "compound" and thing.pos_ == "NOUN" and thing.dep_ not in SUBJ_DEPS \
        and ents[r.entity]["type"] == "PERSON"


def _in_main_clause(head: Token) -> bool:
    """A source in the main clause of its sentence (or a clause joined to it by "and"): not the subject of a reported,
    relative or adverbial clause ("as Democrats pour into Philadelphia, ..."); an "according to" source always."""
    if head.dep_ == "pobj":
        return True
    clause = head.head.head if head.dep_ == "poss" else head.head
    while clause.dep_ == "conj":
        clause = clause.head
    return clause.dep_ == "ROOT"


def _related_person(name: Token, start: int) -> bool:
    """"Aides to Clinton", "a person close to the Clintons", "Strategists for X and Y", "critics like X": a name
    that is the whole object of a preposition in the speaker phrase is someone the speakers are related to, not
    the speaker; a title's own words ("Ambassador to Germany Richard Grenell") name a place or body before it."""
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ not in RELATED_PREPOSITIONS or prep.head.lemma_.lower() in DOCUMENT_NOUNS:
        return False  # "a statement from X", "a report by X", "a letter of X": X wrote it
    before = [t for t in name.doc[name.left_edge.i:name.i + 1] if t.idx < start]
    return not any(t.ent_type_ and t.ent_type_ != "PERSON" for t in before)


def _unnamed_person(tok: Token, gender: str) -> bool:
    """"One of the victims", "one of their daughters", "a woman", "the boy": a person phrase without a name (a
    gendered noun of the pronoun's gender only)."""
    noun = tok
    if tok.lower_ == "one" and tok.pos_ in ("NUM", "NOUN", "PRON"):
        noun = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.tag_ == "NNS"), None)
        if noun is None:
            return False
    else:
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        # "a witness", "another resident", "the man"; not "the officer" (a role the article may have named)
        if tok.tag_ != "NN" or not dets & {"a", "an", "another"} \
                and not ("the" in dets and tok.lemma_.lower() in UNNAMED_PERSON_NOUNS):
            return False
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and person_noun(lemma) and GENDERED_NOUNS.get(lemma, gender) == gender


def _in_main_event(tok: Token, root: Token) -> bool:
    """A phrase of the main clause of its sentence, of a clause joined to it or of an adverbial clause under it
    ("were arrested after one of their daughters escaped"), not of a reported or hypothetical clause further down."""
    verb = _clause_verb(tok.head)
    return verb.i == root.i or (verb.dep_ in ("conj", "advcl") and verb.head.i == root.i)


def _nominative(tok: Token) -> bool:
    """A pronoun in the subject case ("he", "she"; not the "her" of "get her to say", which the parser makes the
    subject of the infinitive)."""
    return "Nom" in tok.morph.get("Case")


def _clause_verb(tok: Token) -> Token:
    """``tok`` when it is a verb, else the nearest verb above it (the root when there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject_of(verb: Token) -> Token | None:
    """The subject, active or passive, of ``verb``."""
    return next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)


def _previous_main_subject(tok: Token) -> Token | None:
    """The subject of the main clause of the sentence before ``tok``'s (None in the first sentence)."""
    start = tok.sent.start
    return _subject_of(tok.doc[start - 1].sent.root) if start > 0 else None


def _group_of_people(noun: Token) -> bool:
    """"US authorities", "The researchers", "civil rights groups", "Workers": a plural that names people or a body of
    them, which can speak; not a thing ("The results", "these contributions", "Protesters' demands")."""
    return speaking_noun(noun.lemma_.lower())


def _may_stand_for_a_name(noun: Token) -> bool:
    """"the network", "The city", "The statement": a singular noun that heads descriptions of named organisations
    and places, or a document that speaks for its owner, may stand for the entity named before it."""
    lemma = noun.lemma_.lower()
    return noun.tag_ == "NN" and (lemma in NOMINAL_HEADS or lemma in DOCUMENT_NOUNS or noun.lower_ in DOCUMENT_NOUNS)


def _is_pronoun(tok: Token) -> bool:
    """A speaker pronoun: he/she/it/they, him/her after a preposition ("according to him"), or his/her
    owning a noun of saying ("his claim that ...")."""
    return tok.lower_ in PRONOUNS or (tok.lower_ in GENDER_PRONOUNS and tok.tag_ in ("PRP", "PRP$"))
