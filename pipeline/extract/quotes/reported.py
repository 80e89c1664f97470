"""Reported speech from the dependency parse.

Each token of the article is tried against an ordered tuple of named patterns (``PATTERNS``):
a speech verb (``data/quotes.json``) with a clausal complement, an ``according to X`` phrase, an
``as X said`` clause, a pledge or appeal with a to-infinitive, a noun of saying with its complement
(``nouns.py``: ``X's claim that A``), a characterization with a quoted fragment (``characterized.py``).
A pattern returns the attributions it finds at the token (most find none or one); when it finds some
and its ``stops`` flag is set, the search at that token ends there, otherwise the next patterns are
tried too. A new rule goes into ``PATTERNS`` at the place its precedence calls for.

A reported clause that holds a quoted fragment is ``mixed``; the fragment is not reported again
as a direct quote. ``X told Y that "Q."`` is mixed too; a clause that is a whole quotation is a
direct quote (``direct.py``), and a speaker is never inside the words it says.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

from ..spans import token_lemmas, token_lowers, token_pos, words
from .boundaries import appended_quotation, cut_nested, opening_mark, quotation_after_a_break, quotation_set_off
from .characterized import characterized
from .clauses import clause_as_head, complements, medial, that_clause_in_adjunct
from .context import (
    Attribution,
    Candidate,
    QuoteContext,
    answer_inference,
    char_range,
    cue_text,
    generic_you,
    is_cue,
    lemma,
    lexicon_lemma,
    opens_its_sentence,
)
from .findings import finding
from .formulas import according, as_attribution, infinitive, no_response
from .headlines import headline_attributions
from .lexicon import (
    CHARACTERIZING,
    CONDITION_MARKS,
    DASHES,
    DIRECT_ONLY,
    DISCOURSE_MARKER_WORDS,
    INFINITIVE_VERBS,
    NO_COMMENT_VERBS,
    SECOND_PERSON_SUBJECTS,
    SENTENCE_END,
    SOURCE_PREPS,
    SPEECH_NOUNS,
)
from .nouns import speech_noun
from .objects import content_gerund, content_object
from .speakers import earlier_speaker, subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way English news reports speech, tried at every token."""

    name: str
    find: Callable[[QuoteContext, Token], list[Attribution]]
    stops: bool  # when it finds something, the later patterns are not tried at that token


def _one(found: Attribution | None) -> list[Attribution]:
    return [found] if found is not None else []


# ---------------------------------------------------------------- formulas
def _according_to(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    """'According to X, A', 'A, according to X'; not inside a quotation ('the following statement: "... her title
    according to royal laws ..."': the speaker's own words; the parse may hang the narrator's clause on it)."""
    return _one(according(ctx, tok)) if tok.lower_ in SOURCE_PREPS and not ctx.in_quote(tok.idx) else []


def _as_clause(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    if tok.dep_ == "advcl" and tok.pos_ == "VERB" and not ctx.in_quote(tok.idx):
        return _one(as_attribution(ctx, tok))
    return []


def _no_comment(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    if lemma(tok) in NO_COMMENT_VERBS and not ctx.in_quote(tok.idx):
        return _one(no_response(ctx, tok))
    return []


def _pledge_or_appeal(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    if tok.pos_ == "VERB" and lemma(tok) in INFINITIVE_VERBS and not ctx.in_quote(tok.idx):
        return _one(infinitive(ctx, tok))
    return []


def _speech_noun(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    return _one(speech_noun(ctx, tok))


def _characterization(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    """A characterizing verb that is not a speech verb: ``X called Y "Z"``."""
    if tok.pos_ == "VERB" and lemma(tok) in CHARACTERIZING and not is_cue(tok) and not ctx.in_quote(tok.idx):
        subj = subject(tok)
        return _one(characterized(ctx, tok, subj)) if subj is not None and not _passive_subject(subj, tok) else []
    return []


def _passive_subject(subj: Token, verb: Token) -> bool:
    """'X was widely ridiculed for "Y"': the subject of a passive characterization is the one characterized."""
    return subj.dep_ == "nsubjpass" and subj.head.i == verb.i


# ---------------------------------------------------------------- speech verbs
def _speech_subject(ctx: QuoteContext, tok: Token) -> Token | None:
    """The speaker of a speech verb that reports (not a verb only direct quotes take), outside quotations
    (found once per token: every speech-verb pattern asks)."""
    if tok.i not in ctx.speech_subjects:
        reports = is_cue(tok) and lemma(tok) not in DIRECT_ONLY and not ctx.in_quote(tok.idx) \
            and not _asked_about(tok) and not _discourse_marker(tok) and not _lets_suppose(tok) and not _supposed(tok)
        subj = subject(tok) if reports else None
        ctx.speech_subjects[tok.i] = None if subj is not None and _impersonal(tok, subj) else subj
    return ctx.speech_subjects[tok.i]


def _discourse_marker(tok: Token) -> bool:
    """'That said, Cruz cannot ...', 'Having said that, ...', 'With that said, ...': a speech verb that opens its
    sentence with only ``discourse_marker_words`` around it before a comma links two sentences; it reports nothing."""
    doc = tok.doc
    k = tok.i
    while k > 0 and doc[k - 1].lower_ in DISCOURSE_MARKER_WORDS:
        k -= 1
    opens = k < tok.i and (k == tok.sent.start or doc[k - 1].text in (".", "!", "?") or "\n" in doc[k - 1].text)
    j = tok.i + 1
    while j < len(doc) and doc[j].lower_ in DISCOURSE_MARKER_WORDS:
        j += 1
    return opens and 1 <= j - k - 1 <= 3 and j < len(doc) and doc[j].text == ","


def _lets_suppose(tok: Token) -> bool:
    """'Let's say you earn $50,000', 'let us say the plan fails': "let's" before a speech verb supposes; no one
    reports anything."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 2].lower_ == "let" and doc[tok.i - 1].lower_ in ("'s", "’s", "us")


def _supposed(tok: Token) -> bool:
    """'If they say we don't need that law, I would agree', 'if we confirm that it is a planet, we will follow it
    up': a speech verb that heads a condition (``condition_marks``) supposes a saying; no one reports anything."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children)


def _impersonal(tok: Token, subj: Token) -> bool:
    """'It is hard to say what happens then', 'it's fair to say there was no change': a speech verb that completes
    an adjective whose subject is an empty "it" or "this" says whether something can be said; no one says it."""
    if tok.dep_ != "xcomp" or subj.lower_ not in ("it", "this", "that") or subj.head.i == tok.i:
        return False
    head = tok.head
    return head.pos_ == "ADJ" or any(c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < tok.i for c in head.children)


def _asked_about(tok: Token) -> bool:
    """'Could you briefly explain the study?', 'How did you confirm the tool was used for ...?': a speech verb in a
    question (an auxiliary right before its subject, a question mark closing its clause) asks whether or what
    something is said; it reports nothing. ('Are you aware X said A?' keeps its report: the auxiliary is not the
    speech verb's own.)"""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(c.dep_ == "aux" and c.i + 1 == subj.left_edge.i for c in tok.children):
        return False
    if any(c.dep_ == "punct" and c.i > tok.i and c.text.startswith("?") for c in tok.children):
        return True
    doc, k = tok.doc, tok.right_edge.i + 1
    while k < len(doc) and (doc[k].is_quote or doc[k].is_space):
        k += 1
    return k < len(doc) and doc[k].text.startswith("?")


def _speech_characterization(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    """A speech verb without a clause, with a quoted fragment: ``X said the word "Z"``."""
    subj = _speech_subject(ctx, tok)
    if subj is None or any(c.dep_ == "ccomp" for c in tok.children) \
            or that_clause_in_adjunct(tok) is not None:
        return []  # 'telling reporters during a visit that A': the that-clause is the words (``complements``)
    return _one(characterized(ctx, tok, subj))


def _speech_object(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    subj = _speech_subject(ctx, tok)
    return _one(content_object(ctx, tok, subj)) if subj is not None else []


def _speech_gerund(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    subj = _speech_subject(ctx, tok)
    return _one(content_gerund(ctx, tok, subj)) if subj is not None else []


def _speech_complements(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    subj = _speech_subject(ctx, tok)
    return complements(ctx, tok, subj) if subj is not None else []


def _speech_medial(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    subj = _speech_subject(ctx, tok)
    return _one(medial(ctx, tok, subj)) if subj is not None else []


def _speech_clause_as_head(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    subj = _speech_subject(ctx, tok)
    return _one(clause_as_head(ctx, tok, subj)) if subj is not None else []


PATTERNS: tuple[Pattern, ...] = (
    Pattern("according to X", _according_to, stops=True),
    Pattern("as X said", _as_clause, stops=True),
    Pattern("X did not respond to requests for comment", _no_comment, stops=True),
    Pattern("X vowed to Y, X urged Z to Y", _pledge_or_appeal, stops=True),
    Pattern("X's claim that CLAUSE", _speech_noun, stops=True),
    Pattern('X called Y "Z"', _characterization, stops=True),
    Pattern('X said Y "Z" (no clause)', _speech_characterization, stops=True),
    Pattern("X announced NOUN PHRASE (no clause)", _speech_object, stops=True),
    Pattern("X reported spending $1 million (a gerund, no clause)", _speech_gerund, stops=True),
    Pattern("X said CLAUSE / CLAUSE, X said", _speech_complements, stops=False),
    Pattern("CLAUSE, X said, CLAUSE", _speech_medial, stops=True),
    Pattern("CLAUSE, X said (the clause heads the parse)", _speech_clause_as_head, stops=True),
    Pattern("X found/ruled/indicated CLAUSE (a finding verb, findings.py)", finding, stops=True),
)


def _attribution_heads(doc: Doc) -> Iterator[Token]:
    """Every pattern starts at a verb, the preposition of an 'according to' phrase, 'respond'/'reply'
    (``NO_COMMENT_VERBS``) or a noun of saying (``SPEECH_NOUNS``): the other tokens need not be tried
    (read off the per-Doc columns of ``spans``: this looks at every token)."""
    pos, lowers, lemmas = token_pos(doc), token_lowers(doc), token_lemmas(doc)
    for i, p in enumerate(pos):
        if p in ("VERB", "AUX") or lowers[i] in SOURCE_PREPS \
                or lexicon_lemma(lemmas[i].lower(), lowers[i]) in NO_COMMENT_VERBS \
                or p == "NOUN" and lemmas[i].lower() in SPEECH_NOUNS:
            yield doc[i]


def find_attributions(ctx: QuoteContext) -> list[Attribution]:
    """Every attribution of reported words in the parse, in token order, then pattern order; then those of
    title-case headlines the parse did not see (``headlines``)."""
    rows: list[Attribution] = []
    for tok in _attribution_heads(ctx.doc):
        for pattern in PATTERNS:
            found = pattern.find(ctx, tok)
            rows.extend(found)
            if found and pattern.stops:
                break
    return rows + headline_attributions(ctx, rows)


# ---------------------------------------------------------------- attributions to quote rows
def _words_range(ctx: QuoteContext, r: Attribution) -> tuple[int, int] | None:
    """Character range of the reported words, bounded and completed; None when there are none or
    the speaker cannot be outside them."""
    r.content = cut_nested(ctx, r, *r.content)
    if r.content is None:
        return None
    s, e = char_range(ctx.doc, *r.content)
    e = appended_quotation(ctx, r, s, e)
    s = _after_agent(ctx, r, s, e)
    s = _after_inverted_speaker(ctx, r, s, e)
    if r.cue.idx < s <= r.subj.idx < e:
        r.subj = earlier_speaker(r.cue, s)
        if r.subj is None:
            return None
    return s, e


def _after_agent(ctx: QuoteContext, r: Attribution, s: int, e: int) -> int:
    """'he was told by the minister of "A"': the agent of a passive speech verb is its speaker, not part
    of the words; the words start after the agent phrase."""
    agent = r.subj.head
    if agent.dep_ != "agent" or agent.head.i != r.cue.i or not s <= agent.idx < e:
        return s
    k = agent.right_edge.i + 1
    while k < len(ctx.doc) and (ctx.doc[k].is_punct and ctx.doc[k].idx < e and ctx.in_quote(ctx.doc[k].idx) is None
                                or ctx.doc[k].is_space):
        k += 1
    return ctx.doc[k].idx if k < len(ctx.doc) and ctx.doc[k].idx < e else s


def _after_inverted_speaker(ctx: QuoteContext, r: Attribution, s: int, e: int) -> int:
    """'The contrast with Trump, said Doyle and others, would be clear': the speaker after a parenthetical speech
    verb heads the clause the parser gives the verb; the words start after the speaker's phrase and its comma."""
    subj, doc = r.subj, ctx.doc
    if subj.head.dep_ != "ccomp" or subj.head.head.i != r.cue.i or subj.i < r.cue.i \
            or not s <= subj.left_edge.idx or doc[subj.left_edge.i - 1].i != r.cue.i:
        return s
    k = subj.right_edge.i if doc[subj.right_edge.i].text == "," else subj.right_edge.i + 1
    return doc[k + 1].idx if doc[k].text == "," and doc[k + 1].idx < e else s


def _quoted_parts(ctx: QuoteContext, r: Attribution, s: int, e: int) -> tuple[int, int, list[int]] | None:
    """The words' range and the quoted spans in or around it (indexes). When a quotation holds the
    whole clause, the clause is that quotation, a direct quote (None), except 'X told Y that "Q."':
    a quotation embedded as a that-clause is reported speech holding the speaker's words, a mixed
    quote with its marks kept."""
    holder = next((k for k, q in enumerate(ctx.quoted) if q.open[0] <= s and e <= q.close[1] + 1), None)
    if holder is None or ctx.quoted[holder].open[1] < s - 1:
        return s, e, [k for k, q in enumerate(ctx.quoted) if s <= q.open[0] and q.close[1] <= e + 1
                      or (q.start <= s and e <= q.end + 1)]
    hq = ctx.quoted[holder]
    lead = words(ctx.text[max(r.cue.idx, ctx.para_of(s)[0]):hq.open[0]])
    if r.cue.idx > hq.open[0] or not lead or lead[-1] != "that" or hq.scare or hq.close[0] == hq.close[1]:
        return None
    return hq.open[0], max(e, hq.close[1]), [holder]


def _according_quotation(ctx: QuoteContext, r: Attribution, s: int, e: int) -> tuple[int, str] | None:
    """'According to eyewitness X, "within seconds it exploded."': the words an "according to" phrase attributes
    are one quotation opening right after the phrase's comma; it is the source's direct quote (a speech verb's
    quotation finds its cue from the quotation; this phrase is no verb, so no cue would be found). Returns the
    quotation's index and the cue as written. Only for a phrase that opens its sentence."""
    if not r.cue_text or r.cue.lower_ not in SOURCE_PREPS or r.cue.idx > s \
            or not opens_its_sentence(r.cue):
        return None  # 'a man whose book, according to its summary, "draws ...": a fragment of the clause, mixed
    k = next((k for k, q in enumerate(ctx.quoted) if q.open[0] <= s and e <= q.close[1] + 1), None)
    if k is None:
        return None
    q = ctx.quoted[k]
    if q.scare or q.close[0] == q.close[1] or ctx.text[r.cue.idx:q.open[0]].rstrip()[-1:] != ",":
        return None
    return k, r.cue_text


def _asked_of_you(ctx: QuoteContext, r: Attribution, s: int) -> bool:
    """'What according to you makes chess beautiful?', 'Which individuals would you ask to be in your cabinet?':
    reported words whose speaker is "you" and whose sentence a question mark closes ask the one addressed what
    they think or would say; nothing is reported ('You noted A. Why ...?' and 'As you mentioned, A — what does it
    tell us?' report A: a full stop or a dash ends the words before the question)."""
    if r.subj is None or r.subj.lower_ not in SECOND_PERSON_SUBJECTS:
        return False
    end = ctx.para_of(s)[1]
    close = next((c for c in ctx.text[s:end] if c in SENTENCE_END or c in DASHES), "")
    return close == "?"


def _crosses_a_closing_mark(ctx: QuoteContext, s: int, e: int) -> bool:
    """The words start inside a quotation that ends with its own punctuation ('"A," and B') and run
    on past its closing mark ('said "a bomb" had gone off' goes on with the same clause)."""
    q = ctx.in_quote(s)
    return q is not None and q.close[0] < q.close[1] <= e \
        and ctx.text[q.open[1]:q.close[0]].rstrip().endswith((",", ".", "!", "?"))


def reported_quotes(ctx: QuoteContext) -> tuple[list[Candidate], dict[int, Candidate]]:
    """Indirect and mixed rows, and the quoted spans they hold (index -> the mixed row)."""
    cands: list[Candidate] = []
    consumed: dict[int, Candidate] = {}
    seen: set[tuple[int, int]] = set()
    for r in find_attributions(ctx):
        span = _words_range(ctx, r)
        if span is None or span in seen:
            continue
        parts = _quoted_parts(ctx, r, *span)
        if parts is None:
            quoted = _according_quotation(ctx, r, *span)
            if quoted is not None and quoted[0] not in consumed:
                row = Candidate(ctx.quoted[quoted[0]].start, ctx.quoted[quoted[0]].end, "direct", quoted[1],
                                r.subj, r.cue)
                cands.append(row)
                consumed[quoted[0]] = row
            continue
        s, e, inside = parts
        if generic_you(ctx, r.subj, s) or _asked_of_you(ctx, r, s) or answer_inference(ctx, r.subj, s):
            continue  # 'sometimes you call it A', 'it tells us that B' in an answer; 'What according to you ...?'
        if ctx.in_quote(s) is not None and ctx.in_quote(s) is ctx.in_quote(max(e - 1, s)):
            continue  # the clause lies inside a quotation (speech reported by the speaker)
        if _crosses_a_closing_mark(ctx, s, e) or quotation_set_off(ctx, s, e):
            continue  # 'X said "A," and B': the quotation is a direct quote, B is not X's
        opens = opening_mark(ctx, r.cue, s, e)
        if opens < s:
            s = opens
            inside = [k for k, q in enumerate(ctx.quoted) if s <= q.open[0] and q.close[1] <= e + 1]
        if quotation_after_a_break(ctx, r.cue, s, e):
            continue  # 'A - "Q," X said': the quotation is X's direct quote, A the writer's
        held_spans = [k for k in inside if s <= ctx.quoted[k].start and ctx.quoted[k].end <= e]
        fragments = [k for k in held_spans if not ctx.quoted[k].scare]
        seen.add((s, e))
        row = Candidate(s, e, "mixed" if fragments else "indirect", r.cue_text or cue_text(r.cue), r.subj, r.cue)
        cands.append(row)
        for k in held_spans:
            consumed.setdefault(k, row)
    return cands, consumed
