"""Direct quotes and their cues.

A quoted span is a direct quote when a speech verb sits next to it in the same sentence
(``"A," X said``, ``X said: "A"``, ``"A," X said, "B."``: two rows; after a quotation that opens its sentence,
any verb that is all the rest of the sentence with its subject: ``"A," X urged.``), when it is signed with a
dash and a name (``"A" -- Name``), or when it directly follows an attributed quote (the next
sentence or paragraph of the same speaker). Any other quoted span (scare quotes, "so-called"
terms, titles, nicknames) is not a quote.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..marks import ALL_MARKS, QuotedSpan
from ..spans import words
from .clauses import time_clause
from .context import Candidate, QuoteContext, cue_text, generic_you, is_cue, is_past_speech_verb, lemma
from .lexicon import (
    ADDRESSEE_VERBS,
    ADJUNCT_DEPS,
    AS_IT_VERBS,
    CHARACTERIZING,
    DASHES,
    MAX_ADJUNCT_WORDS,
    MAX_ATTRIBUTION_WORDS,
    MAX_LABEL_WORDS,
    MIN_NAMED_WORDS,
    MIN_UNATTRIBUTED_WORDS,
    PERSONAL_SUBJECTS,
    SENTENCE_END,
    SUBJ_DEPS,
)
from .speakers import adjacent_noun, inverted_subject, sender, subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(slots=True)
class LastAttribution:
    """The latest attributed row, and where its attribution ends: a quotation right after that
    (nothing but blanks between) goes on with the same speaker."""

    row: Candidate
    end: int


# ---------------------------------------------------------------- the cue next to a quotation
def cue_after(ctx: QuoteContext, q: QuotedSpan) -> Token | None:
    """``"A," X said``: a speech verb after the closing mark, in the same sentence part."""
    doc, text = ctx.doc, ctx.text
    cpend = ctx.para_of(max(q.close[0] - 1, 0))[1]
    ce = q.close[1]
    if ce >= cpend or q.close[0] == q.close[1]:
        return None
    t = ctx.token_at(ce)
    if t.idx < ce:
        t = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if t is None:
        return None
    ends_period = text[q.open[1]:q.close[0]].rstrip().endswith(".")  # not '"... the U.S.," X said'
    first_word = next((x for x in doc[t.i:t.i + 3] if x.is_alpha), None)
    if ends_period and (first_word is None or not first_word.is_lower):
        return _attribution_sentence(ctx, q, t, cpend)
    for k in range(t.i, min(len(doc), t.i + 30)):
        x = doc[k]
        if x.idx >= cpend or (x.idx in ctx.mark_pos and x.idx > ce) or x.text in (".", "!", "?"):
            break
        if x.pos_ == "VERB" and not is_cue(x) and _attribution_tail(ctx, q, t, x):
            return x
        if is_cue(x) or _inverted_cue(x, k == t.i):
            if not _opening_quotation(ctx, q, t, x) and any(
                    c.dep_ == "ccomp" and c.i > x.i and c.idx < cpend and ctx.in_quote(c.idx) is None
                    and not _set_off(ctx, q, x, c) and not time_clause(c) for c in x.children):
                return None
            return x
    return None


def _attribution_sentence(ctx: QuoteContext, q: QuotedSpan, t: Token, cpend: int) -> Token | None:
    """'"We will not give up." Pelosi said.', '"It is over." said the coach.': a quotation that is a sentence of
    its own, closed by a full stop, is the words of the next sentence when that sentence is only an attribution: a
    speech verb (first or after its subject) and its subject, addressee or adjuncts ("told reporters", "said on
    Friday"), no other verb, ended by a full stop in the same paragraph."""
    doc, text = ctx.doc, ctx.text
    before = text[ctx.para_of(q.open[0])[0]:q.open[0]].rstrip()
    if before and not before.endswith(tuple(SENTENCE_END)):
        return None  # 'He called it "a disgrace." X said ...': a quoted fragment ends the writer's sentence
    toks: list[Token] = []
    for x in doc[t.i:t.i + MAX_ATTRIBUTION_WORDS + 1]:
        if x.idx >= cpend or x.idx in ctx.mark_pos or x.text in ("!", "?", ";", ":") or "\n" in x.text:
            return None
        if x.text == ".":
            break
        toks.append(x)
    else:
        return None
    cues = [x for x in toks if is_cue(x) or _inverted_cue(x, x.i == t.i)]
    if len(cues) != 1 or any(y.pos_ in ("VERB", "AUX") and y.i != cues[0].i for y in toks):
        return None
    cue = cues[0]
    addressed = lemma(cue) in ADDRESSEE_VERBS
    covered = _attribution_words(cue, subject(cue), lambda c: c.dep_ in SUBJ_DEPS
                                 or (addressed and c.dep_ in ("dobj", "dative")))
    return cue if all(y.i in covered or y.is_punct for y in toks) else None


def _attribution_words(cue: Token, subj: Token | None, also: Callable[[Token], bool] = lambda c: False) -> set[int]:
    """The token indices an attribution of ``cue`` covers: the cue, its subject's phrase, and the phrases of its
    adjuncts, punctuation and the children ``also`` admits."""
    covered = {cue.i} | ({y.i for y in subj.subtree} if subj is not None else set())
    for c in cue.children:
        if c.dep_ in ADJUNCT_DEPS or c.dep_ == "punct" or also(c):
            covered.update(y.i for y in c.subtree)
    return covered


def _opening_quotation(ctx: QuoteContext, q: QuotedSpan, t: Token, x: Token) -> bool:
    """'"A," said Robin X, half joking.', '"A," Mr. Obama told the lawmakers ... who could easily guess ...': a
    quotation of a few words or more that opens its sentence and ends with a comma, "?" or "!" inside its marks is
    the words of the first verb after it, whatever clause the parser hangs on that verb after it; only the verb's
    subject phrase comes between (no other verb)."""
    text = ctx.text
    before = text[ctx.para_of(q.open[0])[0]:q.open[0]].rstrip()
    if before and not before.endswith(tuple(SENTENCE_END)):
        return False
    if not text[q.open[1]:q.close[0]].rstrip().endswith((",", "?", "!")) \
            or len(words(text[q.start:q.end])) < MIN_UNATTRIBUTED_WORDS:
        return False
    return not any(y.pos_ in ("VERB", "AUX") for y in x.doc[t.i:x.i])


def _attribution_tail(ctx: QuoteContext, q: QuotedSpan, t: Token, x: Token) -> bool:
    """'"Compare him to Hillary," Gorka urged.', '"A," he mocks.', '"A," remembered Roy X, a former spokesman.': a
    quotation that opens its sentence and ends with a comma, "?" or "!" inside its marks, followed by nothing but
    one finite verb, its subject (before it, or a name right after it) and the verb's adjuncts to the sentence's
    end, is the words of that verb, whatever verb it is (the lexicon's speech verbs aside, such a tail can only
    attribute the quotation). No object, complement or other verb outside the subject's phrase; no relative pronoun for
    a subject ('"A," which votes in June': the writer's gloss of a place the quotation names)."""
    if x.tag_ not in ("VBD", "VBZ", "VBP") or not _opening_quotation(ctx, q, t, x):
        return False
    doc = x.doc
    subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN") or subj.tag_ in ("WDT", "WP"):
        return False
    if subj.i > x.i and (x.i != t.i or subj.pos_ != "PROPN" and doc[x.i + 1].pos_ != "DET"):
        return False
    if subj.i < x.i and subj.left_edge.i != t.i:
        return False  # the subject phrase follows the closing mark straight away
    covered = _attribution_words(x, subj)
    k = t.i
    while k < len(doc) and not (doc[k].text in (".", "!", "?") and k > x.i) and "\n" not in doc[k].text:
        if k not in covered and not doc[k].is_punct and not doc[k].is_space:
            return False
        if doc[k].idx in ctx.mark_pos and doc[k].idx > q.close[1]:
            return False
        k += 1
    return k > x.i and (k == len(doc) or doc[k].text in (".", "!", "?") or "\n" in doc[k].text)


def _set_off(ctx: QuoteContext, q: QuotedSpan, x: Token, c: Token) -> bool:
    """'"A," X said, mentioning the album is ...': a clause after cue ``x`` that a comma sets off, when the
    quotation before ends with a comma inside its marks, goes on after the attribution; the quotation is still
    the cue's."""
    doc = x.doc
    return ctx.text[q.open[1]:q.close[0]].rstrip().endswith(",") \
        and any(t.text == "," for t in doc[x.i + 1:c.left_edge.i])


def _inverted_cue(x: Token, first: bool) -> bool:
    """'"A" tweeted Mayor X': a speech verb right after the closing mark and before a name, which the
    parser may take for a modifier of the name."""
    return first and is_past_speech_verb(x) and x.i + 1 < len(x.doc) and x.nbor(1).pos_ == "PROPN"


def _says_the_quotation(x: Token, k: int, t: Token, os_: int) -> bool:
    """Cue ``x`` before the quotation introduces it: no clause of its own before the quotation, and
    only a comma, a colon, a few adverbs, pronouns and dates, or the cue's own adjuncts and addressee
    between ("said on Friday "A"", "told reporters "A""; but "said the words "X"": the quotation is
    not what was said)."""
    if any(c.dep_ == "ccomp" and c.right_edge.idx < os_ and c.i > x.i for c in x.children):
        return False
    between = [y for y in x.doc[k + 1:t.i + 1] if not y.is_space]
    if not between or between[-1].text in (",", ":"):
        return True
    if len(between) <= 3 and all(
            y.is_punct or y.pos_ in ("ADV", "SCONJ", "PRON") or y.ent_type_ in ("DATE", "TIME") for y in between):
        return True
    return _only_adjuncts(x, between, os_)


def _opens_a_sentence(toks: Span) -> bool:
    """The words after an opening mark open a sentence: a capital, or a lowercase letter in brackets at their
    start ('"[h]is venture ..."': the writer lowered the capital of the speaker's sentence)."""
    head = "".join(y.text for y in toks if not y.is_space and y.text not in ALL_MARKS)
    if len(head) >= 3 and head[0] == "[" and head[1].isalpha() and head[2] == "]":
        return True
    first = next((y for y in toks if y.is_alpha), None)
    return first is not None and first.text[0].isupper()


def _only_adjuncts(x: Token, between: list[Token], os_: int) -> bool:
    """Every word between cue ``x`` and the quotation belongs to an adjunct of the cue (a
    prepositional phrase, a date, an adverb) or, for verbs with an addressee, to its object."""
    if len(between) > MAX_ADJUNCT_WORDS or between[-1].tag_ == "POS" or between[-1].pos_ in ("DET", "ADJ", "ADP"):
        return False  # 'on NBC's "Meet the Press"', 'after a brief "Sorry"': the quotation is a noun
    if not _opens_a_sentence(x.doc[between[-1].i + 1:between[-1].i + 4]):
        return False  # 'declared "to tell the story"': a fragment inside the sentence
    covered: set[int] = set()
    for c in x.children:
        words_ = [y for y in c.subtree if not y.is_punct]
        if c.i <= x.i or not words_ or words_[-1].idx >= os_:
            continue
        if c.dep_ in ADJUNCT_DEPS or (c.dep_ in ("dobj", "dative") and lemma(x) in ADDRESSEE_VERBS):
            covered.update(y.i for y in words_)
    return all(y.i in covered or y.is_punct for y in between)


def _cue_before(ctx: QuoteContext, q: QuotedSpan) -> Token | None:
    """``X said: "A"``: a speech verb before the opening mark, in the same sentence; else a cue
    closing the previous paragraph with a colon."""
    doc = ctx.doc
    os_ = q.open[0]
    pstart = ctx.para_of(os_)[0]
    t = ctx.token_at(max(os_ - 1, 0))
    if t.idx >= os_:
        return None
    lo = max(pstart, max((p for p in ctx.mark_pos if p < os_), default=-1))
    lo = max(lo, t.sent.start_char)
    for k in range(t.i, max(t.i - 12, -1), -1):
        x = doc[k]
        if x.idx < lo or x.text in (".", "!", "?"):
            break  # 'X said Monday. "..."': the quotation opens a sentence of its own
        if is_cue(x) or _puts_it(x):
            if _says_the_quotation(x, k, t, os_):
                return x
            break  # 'Asked which county ..., he demurred: "A."': a cue of another clause may come before the speaker's
        if _names_a_relative(x, t) and len(words(ctx.text[q.start:q.end])) >= MIN_NAMED_WORDS:
            return x
    return _cue_closing_previous_paragraph(ctx, q, pstart) or _introduced_by_a_person(ctx, q, t)


def _puts_it(x: Token) -> bool:
    """'As Akhil Amar, a professor of law, put it, "A."', 'as Tom Ridge put it: "B"': "as X put it" before a quotation
    gives the words of X (its own subject, the object "it", the mark "as"; ``AS_IT_VERBS``)."""
    return lemma(x) in AS_IT_VERBS and any(c.dep_ == "dobj" and c.lower_ == "it" for c in x.children) \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in x.children) \
        and any(c.dep_ == "nsubj" for c in x.children)


def _names_a_relative(x: Token, t: Token) -> bool:
    """'what it calls "sensible gun laws"', 'bodies, which he called "a cartel for higher education."': a
    characterizing verb right before the opening mark, whose object is a relative pronoun before it and whose object
    predicate is the quotation, gives the quotation as its subject's words (the relative stands for what is named)."""
    if x.i != t.i or lemma(x) not in CHARACTERIZING or x.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < x.i for c in x.children) \
        and any(c.dep_ == "oprd" and c.i > x.i for c in x.children)


def _introduced_by_a_person(ctx: QuoteContext, q: QuotedSpan, t: Token) -> Token | None:
    """'Designer X described the dress to the BBC: "A."': a quotation that a colon or comma appends to a
    clause whose subject is a named person (or he/she; before a colon any name but a place: ``_named_source``), and
    that ends its sentence, is that person's."""
    if t.text not in (":", ","):
        return None
    verb = _introducing_verb(t)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.ent_type_ == "PERSON" or subj.lower_ in PERSONAL_SUBJECTS
                            or t.text == ":" and _named_source(subj)):
        return None
    words_ = ctx.text[q.open[1]:q.close[0]]
    rest = ctx.text[q.close[1]:ctx.para_of(q.open[0])[1]].strip(" \t\u00a0.!?")
    if not words_[:1].isupper() or len(words(words_)) < MIN_UNATTRIBUTED_WORDS \
            or rest and not (t.text == ":" and _closes_a_sentence(words_, rest)):
        return None
    return verb


def _closes_a_sentence(words_: str, rest: str) -> bool:
    """'X addressed the public: "No one should take this storm lightly. ..." He said ...': a quotation after a colon
    that ends with its own full stop, followed by a new sentence of the paragraph, is as whole as one ending the
    paragraph."""
    return words_.rstrip()[-1:] in ".!?" and rest[:1].isupper()


def _named_source(subj: Token) -> bool:
    """'Rubio fired back forcefully:', 'The Clinton campaign ... worded it even more carefully:': a proper name that
    is no place or date (the parser often leaves a surname untyped), or an organisation, before a colon."""
    return subj.pos_ == "PROPN" and subj.ent_type_ in ("", "PERSON", "ORG", "NORP") or subj.ent_type_ == "ORG"


def _introducing_verb(t: Token) -> Token | None:
    """The verb of the clause a colon or comma ``t`` closes: the sentence's root, or the verb the colon hangs on when
    the parser made the quotation the root ('She went on: "It's like ..."')."""
    verb = t.sent.root
    if verb.i < t.i:
        return verb
    head = t.head
    if t.text != ":":
        return None
    return head if head.i < t.i and head.pos_ in ("VERB", "AUX") else _clause_before_colon(verb, t)


def _clause_before_colon(root: Token, t: Token) -> Token | None:
    """'Clinton has since apologized for what happened: "Yes, I should have ..."': when the parser makes a verb of
    the quotation the root and hangs the colon on it, the clause before the colon is the one it took for the
    root's complement (a verb with a subject of its own, wholly before the colon)."""
    return next((c for c in root.children if c.dep_ in ("ccomp", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")
                 and c.right_edge.i < t.i and any(s.dep_ == "nsubj" for s in c.children)), None)


def _cue_closing_previous_paragraph(ctx: QuoteContext, q: QuotedSpan, pstart: int) -> Token | None:
    """"X reports:" closing the previous paragraph, the quotation opening this one; or a clause of a
    named person closing it with a colon ("X called them on it:"), as ``_introduced_by_a_person``."""
    doc, text, os_ = ctx.doc, ctx.text, q.open[0]
    if text[pstart:os_].strip() or pstart <= 0:
        return None
    ppstart, ppend = ctx.para_of(pstart - 1)
    if not text[ppstart:ppend].rstrip().endswith(":"):
        return None
    t = ctx.token_at(text[ppstart:ppend].rstrip().rfind(":") + ppstart)
    for k in range(t.i, max(t.i - 12, -1), -1):
        if doc[k].idx < ppstart:
            break
        if is_cue(doc[k]):
            return doc[k]
    return _introduced_by_a_person(ctx, q, t)


def direct_cue(ctx: QuoteContext, q: QuotedSpan, prefer_after: bool) -> Token | None:
    """The speech verb attributing quoted span ``q``, looked for right after it and right before it
    (before it first unless the quotation ends with a comma, "?" or "!" or is never closed)."""
    order = (cue_after, _cue_before) if prefer_after else (_cue_before, cue_after)
    for find in order:
        cue = find(ctx, q)
        if cue is not None:
            return cue
    return None


def _signature_below(ctx: QuoteContext, q: QuotedSpan) -> tuple[str, Token] | None:
    """A quotation that is a paragraph of its own, signed on the next line with a dash (a hyphen too, since
    it opens the line) and a name: '"A."\n\n- Name, detail.'."""
    text, (pstart, pend) = ctx.text, ctx.para_of(q.open[0])
    if text[pstart:q.open[0]].strip() or text[q.close[1]:pend].strip(" \t\u00a0.") or pend >= len(text):
        return None
    pos = pend
    while pos < len(text) and text[pos].isspace():
        pos += 1
    dash = next((d for d in (*DASHES, "-") if text.startswith(d, pos)), None)
    if dash is None:
        return None
    run = _names_after(ctx, pos + len(dash), skip_blanks=False)
    return (dash, run[-1]) if run and "\n" not in text[pos:run[-1].idx] else None


def _names_after(ctx: QuoteContext, at: int, skip_blanks: bool) -> list[Token]:
    """The proper nouns (within 7 tokens) from the first token that starts at or after character ``at``
    (a signature's name after its dash); blank tokens are skipped or end the run."""
    doc, t = ctx.doc, ctx.token_at(at)
    if t.idx < at:
        t = doc[t.i + 1] if t.i + 1 < len(doc) else None
    run = []
    for x in doc[t.i:t.i + 7] if t is not None else ():
        if skip_blanks and (x.is_space or not x.text.strip()):
            continue
        if x.pos_ != "PROPN" or x.is_punct:
            break
        run.append(x)
    return run


def dash_speaker(ctx: QuoteContext, q: QuotedSpan) -> tuple[str, Token] | None:
    """``"...," -- Name, detail``: a quotation signed with a dash and a name. Returns (dash, head)."""
    ce = q.close[1]
    if q.close[0] == ce or ce >= len(ctx.text):
        return None
    text, pos = ctx.text, ce
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    dash = next((d for d in DASHES if text.startswith(d, pos)), None)
    if dash is None:
        return _signature_below(ctx, q)
    run = _names_after(ctx, pos + len(dash), skip_blanks=True)
    if not run or "\n" in text[ce:run[0].idx]:
        return None
    return dash, run[-1]


def attr_end(ctx: QuoteContext, cue: Token) -> int:
    """End offset of the sentence part that holds the attribution ``cue``."""
    doc = ctx.doc
    k = cue.i
    while k + 1 < len(doc) and doc[k].text not in (".", "!", "?") and "\n" not in doc[k + 1].text \
            and doc[k + 1].idx not in ctx.mark_pos:
        k += 1
    return doc[k].idx + len(doc[k].text)


def _cued_speaker(ctx: QuoteContext, q: QuotedSpan, cue: Token) -> Token | None:
    """The subject of the cue; the parser may take a word of the quotation as the subject, and the
    speaker is then the other subject, or the noun phrase next to the verb."""
    def in_words(t: Token) -> bool:
        return q.open[0] <= t.idx < q.close[1]

    def in_any_quote(t: Token) -> bool:
        return in_words(t) or ctx.in_quote(t.idx) is not None

    subj = subject(cue)
    if subj is not None and not in_words(subj) and ctx.in_quote(subj.idx) is None:
        return subj
    subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS and not in_any_quote(c)), None) \
        or sender(cue) or inverted_subject(cue) or adjacent_noun(cue, in_any_quote)
    return subj if subj is not None and not in_any_quote(subj) else None


# ---------------------------------------------------------------- quote rows
def _signed(ctx: QuoteContext, q: QuotedSpan) -> tuple[Candidate, LastAttribution] | None:
    signed = dash_speaker(ctx, q)
    if signed is None:
        return None
    row = Candidate(q.start, q.end, "direct", signed[0], signed[1], signed[1])
    return row, LastAttribution(row, attr_end(ctx, signed[1]))


def _label_name(ctx: QuoteContext, q: QuotedSpan) -> tuple[Token, Token] | None:
    """'Clinton: "A." Bush: "B."', '... - Pollster X Y: "A"', 'More from the report: "A"': a name (a person or an
    organisation, at most ``MAX_LABEL_WORDS`` proper nouns) and a colon right before the opening mark, the name
    opening its paragraph or sentence or following a dash or "from"; two such names joined by "and" too.
    Returns (colon, the name's last word)."""
    doc, text = ctx.doc, ctx.text
    colon = ctx.token_at(max(q.open[0] - 1, 0))
    while colon.i > 0 and colon.is_space:
        colon = doc[colon.i - 1]
    if colon.text != ":" or text[colon.idx + 1:q.open[0]].strip() or colon.i < 1:
        return None
    k = _name_run_start(doc, colon.i)
    name = doc[colon.i - 1]
    if k == colon.i - 1 or name.ent_type_ not in ("PERSON", "ORG"):
        return None
    k = _coordinated_label(doc, k)
    before = doc[k] if k >= 0 else None
    if before is None or "\n" in before.text or before.text in SENTENCE_END or before.text in DASHES \
            or before.text == "-" or before.lower_ == "from" or before.idx in ctx.mark_pos:
        return colon, name
    return None


def _name_run_start(doc, end: int) -> int:
    """The index right before the run of at most ``MAX_LABEL_WORDS`` proper nouns that ends before ``end``."""
    k = end - 1
    while k >= 0 and doc[k].pos_ == "PROPN" and end - k <= MAX_LABEL_WORDS:
        k -= 1
    return k


def _coordinated_label(doc, k: int) -> int:
    """'... - Jane Roe and John Doe: "A"', 'More from Roe and Doe: "A"': a label of two names joined by "and"
    (two authors of one piece); ``k`` is the index before the second name, the result the one before the
    first (or ``k`` when no named first author comes before "and")."""
    if k < 1 or doc[k].lower_ != "and" or doc[k - 1].ent_type_ not in ("PERSON", "ORG"):
        return k
    first = _name_run_start(doc, k)
    return first if first < k - 1 else k


def _labelled(ctx: QuoteContext, q: QuotedSpan) -> tuple[Candidate, LastAttribution] | None:
    found = _label_name(ctx, q)
    if found is None:
        return None
    colon, name = found
    row = Candidate(q.start, q.end, "direct", ":", name, colon)
    return row, LastAttribution(row, q.close[1])


def _cued(ctx: QuoteContext, q: QuotedSpan, cue: Token) -> tuple[Candidate, LastAttribution] | None:
    if ctx.in_quote(cue.idx):
        return None
    subj = _cued_speaker(ctx, q, cue)
    if subj is None:
        return None
    row = Candidate(q.start, q.end, "direct", cue_text(cue), subj, cue)
    end = max(q.close[1], attr_end(ctx, cue) if cue.idx > q.close[0] else q.close[1])
    return row, LastAttribution(row, end)


def _continuing(ctx: QuoteContext, q: QuotedSpan, last: LastAttribution | None) -> Candidate | None:
    """A quotation of a few words or more right after an attributed one (nothing between but
    blanks) goes on with its speaker."""
    if last is None or len(words(ctx.text[q.start:q.end])) < MIN_UNATTRIBUTED_WORDS:
        return None
    if ctx.text[last.end:q.open[0]].strip():
        return None
    p = last.row
    return Candidate(q.start, q.end, "direct", p.cue, p.subj, p.cue_tok, inherit=p)


def _cueless(ctx: QuoteContext, q: QuotedSpan) -> bool:
    """A closed quotation of a few words or more that opens with a capital and is a sentence of its own with no cue:
    it ends its paragraph, or ends with a full stop and a new sentence follows ('"A." He said ...' has its cue
    after)."""
    inner = ctx.text[q.open[1]:q.close[0]].strip()
    if q.close[0] == q.close[1] or not inner[:1].isupper() or len(words(inner)) < MIN_UNATTRIBUTED_WORDS:
        return False
    rest = ctx.text[q.close[1]:ctx.para_of(q.open[0])[1]].strip()
    return not rest or inner.endswith(".") and rest[:1].isupper()


def _one_speaker_before(ctx: QuoteContext, q: QuotedSpan, rows: list[Candidate]) -> Candidate | None:
    """'Zapata said the crossing was hard, adding it required endurance.\n\n"It's an isometric exercise ..."', 'Jenn
    X told of being forced to re-evaluate her life.\n\n"In my first stint, ..."': a quotation with no cue of its own
    right after a sentence in which one person speaks (every speech verb of the sentence has that person, a name or
    he/she, as its speaker) goes on with that person's words, as a quotation after a quoted one does. Not after a
    question, a negated speech verb, a sentence of two speakers, or a sentence holding a quotation that is not that
    person's."""
    if not _cueless(ctx, q):
        return None
    end = ctx.token_at(max(q.open[0] - 1, 0))
    while end.i > 0 and end.is_space:
        end = ctx.doc[end.i - 1]
    if end.text != "." or ctx.text[end.idx + 1:q.open[0]].strip() or ctx.in_quote(end.idx) is not None:
        return None
    lo = max(end.sent.start_char, ctx.para_of(end.idx)[0])
    sent = [t for t in end.sent if t.idx >= lo]
    cues = [t for t in sent if is_cue(t) and ctx.in_quote(t.idx) is None and t.idx not in ctx.mark_pos]
    if any(c.dep_ == "neg" for x in cues for c in x.children):
        return None  # 'He didn't suggest retaliation.': nobody speaks in the sentence
    speakers = {subject(c) for c in cues}
    if len(speakers) != 1:
        return None
    subj = speakers.pop()
    if subj is None or not (subj.ent_type_ == "PERSON" or subj.lower_ in PERSONAL_SUBJECTS
                            or subj.pos_ == "PROPN" and subj.ent_type_ == ""):
        return None
    inside = [p for p in ctx.quoted if lo <= p.open[0] < end.idx]
    if any(not any(r.start <= p.start < r.end and r.subj == subj for r in rows) for p in inside):
        return None  # 'X said Y told him "A."': a quotation of someone else in the sentence
    cue = cues[0]
    return Candidate(q.start, q.end, "direct", cue_text(cue), subj, cue)


def _attributed(ctx: QuoteContext, q: QuotedSpan) -> tuple[Candidate, LastAttribution] | None:
    """A quotation with a cue next to it, or signed with a dash."""
    prefer_after = ctx.text[q.open[1]:q.close[0]].rstrip().endswith((",", "?", "!")) or q.close[0] == q.close[1]
    cue = direct_cue(ctx, q, prefer_after)
    if cue is None:
        return _signed(ctx, q) or _labelled(ctx, q)
    return _cued(ctx, q, cue)


def _past_title(ctx: QuoteContext, q: QuotedSpan, last: LastAttribution | None) -> LastAttribution | None:
    """'"A," X said on ABC's "This Week." "B."': a title that ends the attribution's sentence part is part of the
    attribution; a quotation right after it goes on with the speaker."""
    if last is None or last.end > q.open[0] or any(c in ctx.text[last.end:q.open[0]] for c in SENTENCE_END + "\n"):
        return last
    return LastAttribution(last.row, attr_end(ctx, ctx.token_at(q.close[0])))


def direct_quotes(ctx: QuoteContext, consumed: dict[int, Candidate]) -> list[Candidate]:
    """Direct rows, in text order; ``consumed`` are the quoted spans mixed rows already hold."""
    rows: list[Candidate] = []
    last: LastAttribution | None = None
    for k, q in enumerate(ctx.quoted):
        if k in consumed and not q.scare:
            # 'X "got a deal," Y said, and "..."': a quotation after the fragment's attribution
            # goes on with the same speaker
            holder, cue = consumed[k], consumed[k].cue_tok
            if cue.idx > q.close[0] and holder.end <= cue.idx:
                last = LastAttribution(holder, max(q.close[1], attr_end(ctx, cue)))
            continue
        if q.scare or ctx.term(q):
            continue
        if ctx.title(q):
            last = _past_title(ctx, q, last)
            continue
        found = _attributed(ctx, q)
        if found is not None:
            row, last = found
        else:
            row = _continuing(ctx, q, last) or _one_speaker_before(ctx, q, rows + list(consumed.values()))
            if row is not None:
                last = LastAttribution(row, q.close[1])
        if row is not None and not generic_you(ctx, row.subj, row.start):
            rows.append(row)
    return rows
