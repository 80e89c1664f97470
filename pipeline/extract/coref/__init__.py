"""Coreference: every place an entity is referred to, and which entity a speaker phrase means.

The stage runs between the entity extractor and the quote extractor (``tables_from_doc``):

1. ``Coreference(doc, entities)`` indexes the article once (``article``);
2. ``link_mentions()`` links third-person pronouns and definite descriptions to the entities
   they refer to and adds them to the entities' mentions (kinds ``pronoun`` and ``nominal``;
   ``linker``, ranked by ``salience``, agreeing in type and ``gender``), and the first and second
   person outside quotations to the person the text names as its voice or addressee (``narrator``);
3. the quote extractor asks ``resolve(head, span, words_at)`` for each speaker phrase in reading
   order and reports the outcome with ``note(char, entity, head)`` (``speakers``: names, titles
   with a name, pronouns taking up the latest speaker, role nouns (``roles``), documents speaking
   for their owner, "the mother" for the person of that gender);
4. ``adopt_speakers(quotes)`` makes the mentions agree with the quotes: a pronoun speaker is a
   mention of the speaker's entity, and so are "I", "me", "my" inside the speaker's quotation (also in the
   paragraphs a quotation left open goes on in: ``_quotation_tokens``); a
   he/she inside a person's own direct quotation is someone else (``_not_the_speaker``: the next
   agreeing person by salience, ``Linker.other_than``, or no one); a noun said of a pronoun ("he was a brilliant
   opponent") follows the pronoun wherever this moves it (``_follow_holders``).

A mention that cannot be resolved with confidence stays unlinked.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Entity, Quote
from ..spans import words
from .article import Article
from .gender import Genders
from .lexicon import FIRST_PERSON, FIRST_PLURAL, NATIONAL_NOUNS, PRONOUNS
from .linker import Linker, pronoun_class
from .narrator import Narrator
from .roles import Roles, role_head
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PRONOUNS", "Coreference", "role_head"]


def _national_possessive(tok: Token) -> bool:
    """"our" owning a noun of a country or its people ("our democracy", "Our prime minister", "our border",
    "protect our people and our interests": ``national_nouns``): the speaker's country, not the organisation the
    speaker speaks for."""
    return tok.lower_ == "our" and tok.dep_ == "poss" and tok.head.lemma_.lower() in NATIONAL_NOUNS


class Coreference:
    """The coreference stage over one article's entities (indexes into ``entities``)."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.article = Article(doc, entities)
        self.genders = Genders(self.article)
        self.roles = Roles(self.article)
        self.speakers = SpeakerResolver(self.article, self.genders, self.roles)
        self._speaker_tokens: list[tuple[Token, int]] = []
        self._unlinked: list[Token] = []
        self._linker: Linker | None = None
        self._at_start: dict[int, set[int]] = {}   # while speakers are adopted: start -> entities with a mention there

    # ------------------------------------------------------------ mentions
    def link_mentions(self) -> None:
        """Add the pronoun and description mentions of every entity, in text order."""
        self._linker = Linker(self.article, self.genders, self.roles)
        for idx, mention in self._linker.link():
            self.article.entities[idx]["mentions"].append(mention)
        narrator = Narrator(self.article)
        for idx, mention in narrator.link():
            self.article.entities[idx]["mentions"].append(mention)
        self._not_the_label(narrator)
        self._transcript_turns(narrator)
        self._follow_holders()
        self._sort_mentions()

    def _transcript_turns(self, narrator: Narrator) -> None:
        """Tell the speaker resolver whose turn each paragraph of a transcript is: a "((Name))" label's paragraph
        and the unlabelled paragraphs its answer runs on over (``Narrator.labels``, ``Narrator.label_turns``)."""
        labels = narrator.labels
        if labels:
            self.speakers.turns = {**narrator.label_turns(labels), **labels}

    def _not_the_label(self, narrator: Narrator) -> None:
        """A he/she in a transcript turn whose label names a person ("((Dorsa Derakhshani)) My mom is a huge planner.
        So she had planned ...", "CLINTON: ...") is someone else: the person of the label says "I"; the link is
        dropped."""
        art = self.article
        turns = {(para, art.canonical(idx)) for para, idx in {**narrator.labels, **narrator.title_turns}.items()}
        if not turns:
            return
        for idx, e in enumerate(art.entities):
            e["mentions"][:] = [m for m in e["mentions"] if m["kind"] != "pronoun"
                                or (art.paragraph_of(m["start"]), art.canonical(idx)) not in turns
                                or pronoun_class(art.token_at(m["start"])) not in ("m", "f")]

    def adopt_speakers(self, quotes: list[Quote]) -> None:
        """Pronoun speakers and first-person pronouns inside quotations become mentions of the
        speaker's entity (the quote extractor knows better who speaks than salience does)."""
        self._at_start = {}
        for i, e in enumerate(self.article.entities):
            for m in e["mentions"]:
                self._at_start.setdefault(m["start"], set()).add(i)
        for tok, idx in self._speaker_tokens:
            self._relink(tok, idx)
        for tok in self._unlinked:
            self._unlink(tok)
        speaks_for: dict[int, int | None] = {}   # entity -> the organisation it speaks for (names do not change here)
        for q in quotes:
            idx = q["speaker_entity"]
            if idx is None or q["type"] == "indirect":
                continue
            person = self.article.entities[idx]["type"] == "PERSON"
            if idx not in speaks_for:
                speaks_for[idx] = self._speaks_for(idx)
            group = speaks_for[idx]
            for tok in self._quotation_tokens(q):
                if tok.tag_ not in ("PRP", "PRP$"):
                    continue
                if person and tok.lower_ in FIRST_PERSON:
                    self._relink(tok, idx)
                elif person and pronoun_class(tok) is not None and self.article.in_quote(tok.idx):
                    self._not_the_speaker(tok, idx)
                elif group is not None and tok.lower_ in FIRST_PLURAL and not _national_possessive(tok):
                    self._relink(tok, group)
        self._quoted_self(quotes)
        self._follow_holders()
        self._sort_mentions()

    def _follow_holders(self) -> None:
        """A noun said of a pronoun refers to what the pronoun refers to ("He was an excellent politician, orator",
        "I believe he is the best person to beat Hillary Clinton": a copula's predicate, an "as" noun and their
        conjuncts, ``Linker.said_of``). When a transcript label or the quotes moved the pronoun to another person
        (``_not_the_label``, ``_not_the_speaker``, a pronoun speaker) or left it open, the noun follows it: moved to
        the pronoun's entity, or dropped."""
        if self._linker is None or not self._linker.said_of:
            return
        art, doc = self.article, self.article.doc
        for noun_i, holder_i in self._linker.said_of.items():
            holder, noun = doc[holder_i], doc[noun_i]
            now = {i for i, e in enumerate(art.entities)
                   if any(m["start"] == holder.idx and m["kind"] == "pronoun" for m in e["mentions"])}
            spans = {(m["start"], m["end"]): i for i, e in enumerate(art.entities) for m in e["mentions"]
                     if m["kind"] == "nominal" and m["start"] <= noun.idx < m["end"]}
            if len(spans) != 1 or len(now) > 1:
                continue
            (start, end), was = spans.popitem()
            if {art.canonical(was)} == {art.canonical(i) for i in now}:
                continue
            mentions = art.entities[was]["mentions"]
            mentions[:] = [m for m in mentions if (m["start"], m["end"]) != (start, end)]
            if now:
                idx = now.pop()
                art.entities[idx]["mentions"].append(art.mention(idx, start, end, "nominal"))

    def _quotation_tokens(self, q: Quote) -> list[Token]:
        """The tokens of quotation ``q``, and of the words its paragraph leaves open that go on in the next paragraphs
        up to the closing mark (``Article.continued``: "... said, "I think we have learned a lot. || It was a very
        emotional day. This is the fifth time I've been at a World Cup."")."""
        art = self.article
        spans = [(q["start"], q["end"]), *art.continued(q["start"], q["end"])]
        return [tok for lo, hi in spans for tok in art.doc.char_span(lo, hi, alignment_mode="expand") or ()]

    def _quoted_self(self, quotes: list[Quote]) -> None:
        """"I/me/my" inside quotation marks that no quotation row holds is the one person who is a subject before the
        opening mark in its sentence ("Tipton recalls realizing "oh, I'm not here to just have fun"", "Parrikar tweeted
        he was "extremely pained to hear about the demise of my dear friend""): the words are that person's own."""
        art, held = self.article, [(q["start"], q["end"]) for q in quotes]
        for lo, hi in art.quoted:
            if self._linker is None or any(a < hi and lo < b for a, b in held):
                continue
            idx = self._quoting_subject(lo)
            if idx is None:
                idx = self._previous_quoting_subject(lo)
            if idx is None:
                continue
            for tok in art.doc.char_span(lo, hi, alignment_mode="expand") or []:
                if tok.lower_ in FIRST_PERSON and tok.tag_ in ("PRP", "PRP$") and not self._at_start.get(tok.idx):
                    self._relink(tok, idx)

    def _previous_quoting_subject(self, lo: int) -> int | None:
        """Quotation marks that open a sentence with no subject before them (``"In my first stint, I didn't get any
        work"``) continue the person who was the one subject of the sentence before, in the same paragraph."""
        art = self.article
        s = art.sentence_of(lo)
        start = art.sent_starts[s]
        if s == 0 or art.paragraph_of(art.sent_starts[s - 1]) != art.paragraph_of(lo):
            return None
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.idx < lo for t in art.doc.char_span(start, lo, "expand") or ()):
            return None
        return self._one_subject(art.sent_starts[s - 1], start)

    def _quoting_subject(self, lo: int) -> int | None:
        """The one person entity whose mention is a subject, outside quotation marks, in the sentence of the opening
        mark before ``lo`` (not one of conjoined subjects: "Tipton and Lane recall")."""
        return self._one_subject(self.article.sent_starts[self.article.sentence_of(lo)], lo)

    def _one_subject(self, lo: int, hi: int) -> int | None:
        """The one person entity whose mention is a subject outside quotation marks between ``lo`` and ``hi``."""
        art = self.article
        refs = [r for r in self._linker.index.between(lo, hi)
                if r.end <= hi and r.head.dep_ in ("nsubj", "nsubjpass") and not art.in_quote(r.start)
                and art.entities[r.entity]["type"] == "PERSON"]
        if any(c.dep_ == "conj" for r in refs for c in r.head.children):
            return None
        found = {art.canonical(r.entity) for r in refs}
        return found.pop() if len(found) == 1 else None

    def _not_the_speaker(self, tok: Token, idx: int) -> None:
        """A he/she inside a person's own direct quotation is someone else: the speaker says "I" ("Stan said, 'When he
        was winning ...'"); a link to the speaker is dropped."""
        start = tok.idx
        speaker = self.article.canonical(idx)
        if not any(self.article.canonical(i) == speaker for i in self._at_start.get(start, ())):
            return
        other = self._linker.other_than(tok, speaker) if self._linker is not None else None
        if other is not None:
            self._relink(tok, other)
        else:
            self._unlink(tok)

    def _speaks_for(self, idx: int) -> int | None:
        """The organisation whose "we" a quotation of entity ``idx`` speaks: the organisation itself, or
        the one organisation named in a person's role ("Tunisia's coach", "spokesman for X")."""
        ents = self.article.entities
        if ents[idx]["type"] == "ORG":
            return idx
        role = set(words(ents[idx].get("role") or ""))
        if ents[idx]["type"] != "PERSON" or not role:
            return None
        named = {self.article.canonical(i) for i, e in enumerate(ents)
                 if e["type"] == "ORG" and words(e["name"]) and set(words(e["name"])) <= role}
        return named.pop() if len(named) == 1 else None

    def _relink(self, tok: Token, idx: int) -> None:
        """Make the one-token mention ``tok`` a pronoun mention of entity ``idx``."""
        start, end = tok.idx, tok.idx + len(tok.text)
        ents = self.article.entities
        for e in (ents[i] for i in sorted(self._at_start.get(start, ()))):
            if any(m["start"] == start and m["kind"] != "pronoun" for m in e["mentions"]):
                return  # a name, not a pronoun
            e["mentions"][:] = [m for m in e["mentions"] if (m["start"], m["end"]) != (start, end)]
        ents[idx]["mentions"].append(self.article.mention(idx, start, end, "pronoun"))
        self._at_start.setdefault(start, set()).add(idx)

    def _unlink(self, tok: Token) -> None:
        """Drop the pronoun mention at ``tok`` (it stands for someone the article does not name)."""
        start = tok.idx
        for e in (self.article.entities[i] for i in self._at_start.get(start, ())):
            e["mentions"][:] = [m for m in e["mentions"] if not (m["start"] == start and m["kind"] == "pronoun")]

    def _sort_mentions(self) -> None:
        for e in self.article.entities:
            e["mentions"].sort(key=lambda m: (m["start"], m["end"]))

    # ------------------------------------------------------------ speakers
    def resolve(self, head: Token, span: tuple[int, int], words_at: int | None = None) -> int | None:
        """The entity that the speaker phrase ``span`` (token range) headed by ``head`` refers to,
        or None. ``words_at`` is where the words it said begin (a pronoun may look back from there)."""
        return self.speakers.resolve(head, span, words_at)

    def unnamed_speaker(self, pronoun: Token) -> None:
        """Record that the speaker pronoun ``pronoun`` stands for a person the article describes but
        does not name: it is no mention of any entity."""
        self._unlinked.append(pronoun)

    def unnamed_topic(self, pronoun: Token) -> Token | None:
        """The head of the unnamed group or person ("US authorities ... They also stated", "One of the victims ...
        She said") that the resolver took the speaker pronoun ``pronoun`` to stand for, else None."""
        return self.speakers.unnamed.get(pronoun.i)

    def named_between(self, idx: int, lo: int, hi: int) -> bool:
        """Whether entity ``idx`` is named between character offsets ``lo`` and ``hi``."""
        return any(r.entity == idx and lo <= r.start < hi for r in self.article.mentions)

    def note(self, char: int, idx: int | None, head: Token | None = None) -> None:
        """Record that the speaker of the words at ``char`` (phrase head ``head``) is entity ``idx``."""
        self.speakers.note(char, idx, head)
        if idx is not None and head is not None and pronoun_class(head) is not None:
            self._speaker_tokens.append((head, idx))
