"""What every stage of the quote extractor reads: the parsed article with its paragraphs and
quoted spans (``QuoteContext``), the working records (``Attribution``, ``Candidate``) and small
helpers over tokens (the lexicon's lemma of a verb, cue words, token ranges)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..marks import QuotedSpan, find_quoted_spans, paragraphs
from ..records import Entity
from ..spans import doc_text, sentence_starts, token_starts
from .lexicon import (
    ANSWER_LABEL_WORDS,
    INFERENCE_SUBJECTS,
    INFLECTIONS,
    KNOWN_VERBS,
    MAX_TERM_WORDS,
    MAX_TITLE_WORDS,
    SCARE_MARKERS,
    SECOND_PERSON_SUBJECTS,
    SPEECH_VERBS,
    TITLE_SMALL_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _markup(text: str, q: QuotedSpan) -> bool:
    """A quoted span that is markup, no one's words: an attribute's value (``<tweet author="@X" date="...">``)."""
    return text[max(0, q.open[0] - 1):q.open[0]] == "=" or '="' in text[q.open[0]:q.close[1]]


_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


def _title_cased(words_: str) -> bool:
    """Words in title case: two to ``max_title_words`` words, every one capitalised (or a number) but the small
    words of ``title_small_words`` after the first, no question or exclamation and no comma or colon inside."""
    ws = _WORD.findall(words_)
    body = words_.rstrip(" ,.")
    if not 2 <= len(ws) <= MAX_TITLE_WORDS or body.endswith(("?", "!")) or re.search(r"[,;:]\s", body):
        return False
    return all(w[0].isupper() or w[0].isdigit() or (k > 0 and w.lower() in TITLE_SMALL_WORDS) for k, w in enumerate(ws))


class QuoteContext:
    """The article as the quote rules see it: tokens by offset, paragraphs, quoted spans."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.text = doc_text(doc)
        self.entities = entities
        self.tok_starts = token_starts(doc)
        self.sent_starts = sentence_starts(doc)
        self.paras = paragraphs(self.text)  # (doc.text joins every token anew: read it once)
        self.par_starts = [p[0] for p in self.paras]
        self.quoted = find_quoted_spans(self.text)
        self.quote_opens = [q.open[1] for q in self.quoted]    # in text order, never overlapping
        self.quote_closes = [q.close[0] for q in self.quoted]
        for q in self.quoted:  # so-called "X": a scare quote, never someone's words
            before = self.text[max(0, q.open[0] - 20):q.open[0]].rstrip().lower()
            q.scare = before.endswith(SCARE_MARKERS) or _markup(self.text, q)
        self.speech_subjects: dict[int, Token | None] = {}  # token index -> speaker of its speech verb
        self.mark_pos = sorted(p for q in self.quoted for p in (q.open[0], q.close[0]) if p < len(self.text))

    def title(self, q: QuotedSpan) -> bool:
        """'on ABC's "This Week,"', 'author of "America's Bitter Pill"', 'the movie "Bridge of Spies"': a quotation in
        title case inside a noun phrase (after a possessive, a preposition, a determiner or a common noun) is the
        title of a work or a show, not a direct quote (a fragment of a reported clause or a characterization keeps
        it: 'called the plan "A Great Deal"'; after a noun and a comma it may be a statement: 'the statement, "We
        Stand Together"')."""
        if not _title_cased(self.text[q.start:q.end]) or not len(self.doc) or q.open[0] == 0:
            return False
        prev = self.token_at(q.open[0] - 1)
        while prev.i > 0 and prev.is_space:
            prev = self.doc[prev.i - 1]
        if prev.idx + len(prev.text) > q.open[0]:
            return False
        return prev.tag_ == "POS" or prev.pos_ in ("ADP", "DET", "NOUN")

    def term(self, q: QuotedSpan) -> bool:
        """'The "rebasing" of packages allows us ...', 'the "Allah is gay" photo': a quotation of a few words
        (``max_term_words``, no sentence punctuation) right after a determiner is a term inside a noun phrase,
        not a direct quote."""
        inside = self.text[q.start:q.end]
        if not 1 <= len(_WORD.findall(inside)) <= MAX_TERM_WORDS or any(c in inside for c in ".!?,;:") \
                or not len(self.doc) or q.open[0] == 0:
            return False
        prev = self.token_at(q.open[0] - 1)
        while prev.i > 0 and prev.is_space:
            prev = self.doc[prev.i - 1]
        return prev.idx + len(prev.text) <= q.open[0] and prev.tag_ == "DT" and prev.pos_ == "DET"

    def token_at(self, char: int) -> Token | None:
        i = max(bisect_right(self.tok_starts, char) - 1, 0)
        return self.doc[i] if len(self.doc) else None

    def para_of(self, char: int) -> tuple[int, int]:
        i = max(bisect_right(self.par_starts, char) - 1, 0)
        return self.paras[i] if self.paras else (0, len(self.text))

    def in_quote(self, char: int) -> QuotedSpan | None:
        """The quoted span whose words hold ``char`` (the spans are in text order and never overlap)."""
        i = bisect_right(self.quote_opens, char) - 1
        return self.quoted[i] if i >= 0 and char < self.quoted[i].close[0] else None

    @cached_property
    def answer_paragraphs(self) -> frozenset[int]:
        """Start offsets of the paragraphs of an interview transcript that are a named person's answer: a turn opens
        with a label in double parentheses that names a person ("((Jane Doe)) ..."; an interviewer's label is an
        abbreviation, "((WN))") and runs on over unlabelled paragraphs up to the next label or a question of its own
        (a paragraph that ends with "?")."""
        out, answering = set(), False
        lo, hi = ANSWER_LABEL_WORDS
        for ps, pe in self.paras:
            line = self.text[ps:pe].strip()
            if line.startswith("((") and "))" in line:
                answering = lo <= len(line[2:line.index("))")].split()) <= hi
            elif line.endswith("?"):
                answering = False
            if answering:
                out.add(ps)
        return frozenset(out)

    def in_answer(self, char: int) -> bool:
        """``char`` lies in a named person's answer of an interview transcript (``answer_paragraphs``)."""
        return self.para_of(char)[0] in self.answer_paragraphs


@dataclass(slots=True)
class Attribution:
    """Reported words found in the parse: the token range of the words, the cue and the speaker."""

    content: tuple[int, int] | None     # token range [i, j) of the reported words
    cue: Token                          # the speech verb (or "according", ...)
    subj: Token | None                  # the head of the speaker phrase
    cue_text: str | None = None         # the cue as written when it is more than the verb ("according to")


@dataclass(slots=True)
class Candidate:
    """A quote row before its speaker is resolved."""

    start: int
    end: int
    type: str                           # direct, indirect, mixed
    cue: str
    subj: Token                         # the head of the speaker phrase
    cue_tok: Token
    inherit: Candidate | None = None    # an unattributed quotation goes on with this row's speaker
    speaker_text: str | None = None
    speaker_name: str | None = None
    speaker_entity: int | None = None


def lemma(tok: Token) -> str:
    """The verb's lemma, checked against the lexicon with regular English inflection when the
    lemmatizer misses ("rated" -> "rat")."""
    return lexicon_lemma(tok.lemma_.lower(), tok.lower_)


@lru_cache(maxsize=1 << 16)
def lexicon_lemma(base: str, w: str) -> str:
    """``lemma`` of a word from its lowercased lemma and lowercase form."""
    if base in KNOWN_VERBS:
        return base
    for suffix, repl in INFLECTIONS:
        if w.endswith(suffix) and w[:len(w) - len(suffix)] + repl in KNOWN_VERBS:
            return w[:len(w) - len(suffix)] + repl
    return base


def is_cue(tok: Token) -> bool:
    """A speech verb used as a verb (not the name of a markup tag: ``<tweet author="...">``)."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod" and lemma(tok) in SPEECH_VERBS \
        and not (tok.i > 0 and tok.doc[tok.i - 1].text.endswith("<"))


def is_past_speech_verb(tok: Token) -> bool:
    """A speech verb in the past tense or participle, whatever the parser made of it ('"A" tweeted
    Mayor X', where "tweeted" may come out as a modifier of the name)."""
    return tok.tag_ in ("VBD", "VBN") and lemma(tok) in SPEECH_VERBS


def generic_you(ctx: QuoteContext, subj: Token | None, at: int) -> bool:
    """'Sometimes you call it "A"', 'where would you put the line and say, "B"': "you" speaking in a named
    person's answer of an interview transcript is anyone, a way of talking; no one is reported."""
    return subj is not None and subj.lower_ in SECOND_PERSON_SUBJECTS and ctx.in_answer(at)


def answer_inference(ctx: QuoteContext, subj: Token | None, at: int) -> bool:
    """'It tells us that A', 'it may suggest that B', 'that implies C': in a named person's answer of an interview
    transcript an "it", "this" or "that" before a speech verb stands for a finding the interviewee reasons from;
    the words are the interviewee's own, no one is reported (a relative "that" stands for its noun)."""
    return subj is not None and subj.lower_ in INFERENCE_SUBJECTS and subj.tag_ != "WDT" and ctx.in_answer(at)


def cue_text(tok: Token) -> str:
    """The cue as written: the verb with its particle right after it ("pointed out")."""
    for c in tok.children:
        if c.dep_ == "prt":
            return tok.doc[tok.i:c.i + 1].text if c.i == tok.i + 1 else tok.text
    return tok.text


def strip_span(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Trim a token range [i, j) of punctuation, 'that' and blanks at its edges."""
    while i < j and (doc[i].is_punct or doc[i].is_space or (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
                     or doc[i].dep_ == "cc" and i == j - 1):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].text in (",", ";", ":", "--", "\u2014")):
        j -= 1
    return i, j


def char_range(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Character offsets of the token range [i, j)."""
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def sentence_in_paragraph(tok: Token) -> tuple[int, int]:
    """Token range of the sentence of ``tok``, cut at paragraph breaks: 'A, according to the agency.\n\nMost
    people ...' is one sentence to the parser when the paragraph's last word ends in a period ("F.A.A.")."""
    doc, sent = tok.doc, tok.sent
    start = next((k + 1 for k in range(tok.i - 1, sent.start - 1, -1) if "\n" in doc[k].text), sent.start)
    end = next((k for k in range(tok.i + 1, sent.end) if "\n" in doc[k].text), sent.end)
    return start, end


def opens_its_sentence(tok: Token) -> bool:
    """Whether ``tok`` is the first word of its sentence (in its paragraph), punctuation and blanks before it aside:
    'According to X, ...' opens one, '..., according to X, ...' does not."""
    return strip_span(tok.doc, sentence_in_paragraph(tok)[0], tok.i + 1)[0] == tok.i


def has_verb(doc: Doc, i: int, j: int) -> bool:
    """Tokens [i, j) hold a verb (or an auxiliary): words that can report something, not a bare phrase."""
    return any(t.pos_ in ("VERB", "AUX") for t in doc[i:j])


def sent_end(tok: Token) -> int:
    """End token index of ``tok``'s sentence without the blank tokens the splitter leaves at its end."""
    e = tok.sent.end
    while e > tok.i + 1 and tok.doc[e - 1].is_space:
        e -= 1
    return e


def conj_start(c: Token) -> int:
    """Token index where conjunct ``c`` begins, its coordinator and comma included."""
    k = c.left_edge.i
    doc = c.doc
    while k > 0 and (doc[k - 1].dep_ == "cc" or doc[k - 1].is_punct) and doc[k - 1].head.i in (c.i, c.head.i):
        k -= 1
    return k


def clause_start(ctx: QuoteContext, tok: Token) -> int:
    """Token index where a clause reported before its cue starts: the sentence start, or the
    paragraph start when the sentence splitter started the sentence earlier."""
    start = tok.sent.start
    pstart = ctx.para_of(tok.idx)[0]
    if ctx.doc[start].idx < pstart:
        start = ctx.token_at(pstart).i
    return start
