"""Reported clauses of a speech verb: ``X said (that) CLAUSE``, ``CLAUSE, X said``, ``X told
reporters CLAUSE``, ``..., saying CLAUSE``, ``CLAUSE, X said, CLAUSE``.

A reported clause goes on after a medial attribution when a subordinate or coordinated clause
follows (``A, X said, until B``, ``A, X said in a report, and B``, ``Though A, X said, B``).
Parse repairs: two complements of one speech verb with nothing between them, or the second
without a subject of its own, are one clause; a reason clause hung on the verb (``said A, because
B``), a modal or past-perfect conjunct (``says it would A, but would B``, ``said A, but had not
B``) and a conjunct that opens a quotation of its own (``said A, and "struggled to B"``) go on
with it; a clause with ``that`` begins there; a verb of saying's "object" before a subjectless
clause is that clause's subject; a that-clause hung on the noun of the verb's adjunct is the
verb's (``said during a news conference that A``); ``Everything X says is ...`` reports nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import (
    Attribution,
    QuoteContext,
    clause_start,
    conj_start,
    has_verb,
    is_cue,
    lemma,
    sent_end,
    strip_span,
)
from .lexicon import (
    ADDRESSEE_VERBS,
    ADJUNCT_CLAUSE_PREPS,
    CHARACTERIZING,
    CLAUSE_SUBJ_DEPS,
    CONTENT_CLAUSE_NOUNS,
    QUESTION_MARKS,
    QUESTION_VERBS,
    REASON_MARKS,
    RELATIVES,
    SPEECH_NOUNS,
    SUBJ_DEPS,
    TIME_MARKS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# ---------------------------------------------------------------- one clause the parser split
def _relative_tail(comp: Token, comps: list[Token]) -> bool:
    """A relative clause the parser hung on the speech verb as a second complement: it opens with
    a relative pronoun subject right after the noun that ends the previous complement
    ("said he wants four provisions | that address how ...")."""
    first = comp.doc[comp.left_edge.i]
    if not (first.dep_ in SUBJ_DEPS and first.head.i == comp.i and first.tag_ in ("WDT", "WP", "DT")
            and first.lower_ in RELATIVES):
        return False
    prev = first.doc[first.i - 1] if first.i > 0 else None
    return prev is not None and prev.pos_ in ("NOUN", "PROPN") and any(
        c.i < comp.i and c.right_edge.i == prev.i for c in comps)


def _joins_previous(comp: Token, comps: list[Token], tok: Token) -> bool:
    """A second complement of the speech verb that goes on with the first one: the parser split one
    reported clause in two. It follows the first with only punctuation or a coordinator between,
    and it has no subject of its own ("said his comment | was instead ..."), is a relative clause
    of the first's last noun, or follows it with nothing between ("... in case | X were to")."""
    if comp.i < tok.i:
        return False
    doc = comp.doc
    prev = [c for c in comps if tok.i < c.i < comp.i and c.right_edge.i < comp.left_edge.i]
    if not prev:
        return False
    p = max(prev, key=lambda c: c.right_edge.i)
    gap = doc[p.right_edge.i + 1:comp.left_edge.i]
    if not all(t.is_punct or t.is_space or t.dep_ == "cc" for t in gap):
        return False
    if _relative_tail(comp, comps):
        return True
    own = any(g.dep_ in SUBJ_DEPS + ("expl", "csubj", "csubjpass", "mark") for g in comp.children)
    if is_cue(comp) or lemma(comp) in CHARACTERIZING:
        return False  # "X said A and Democrats accused B": a second attribution
    # two clauses with nothing between them are one: the second hangs on the first
    return not own or not gap


def modal_continuation(c: Token) -> bool:
    """``says it would X, but would eventually add Y``: a conjunct with a modal and no subject or
    clause of its own goes on with the reported words, even when its verb is a speech verb."""
    return c.dep_ == "conj" and any(g.tag_ == "MD" for g in c.children) and not any(
        g.dep_ in SUBJ_DEPS + ("ccomp", "xcomp", "expl") for g in c.children)


# ---------------------------------------------------------------- after a medial attribution
def coordinated_rest(ctx: QuoteContext, c: Token, k: int, j: int) -> bool:
    """``A, X said, and B.``: a clause coordinated right after a medial attribution, with a subject
    of its own and no attribution, ends the sentence the attribution interrupted."""
    doc = ctx.doc
    return c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and k + 1 < len(doc) \
        and doc[k + 1].dep_ == "cc" and doc[k + 1].lower_ in ("and", "but") and c.left_edge.i <= k + 2 \
        and any(g.dep_ in SUBJ_DEPS for g in c.children) and not is_cue(c) \
        and lemma(c) not in CHARACTERIZING and ctx.in_quote(c.idx) is None \
        and c.right_edge.i + 2 >= sent_end(c) and "\n" not in ctx.text[doc[j].idx:c.right_edge.idx]


def _subordinate_rest(ctx: QuoteContext, tok: Token, c: Token, k: int, j: int) -> bool:
    """``A, X said, until B.``: a subordinate clause right after the attribution's comma that ends
    the sentence, without an attribution of its own."""
    doc = ctx.doc
    return c.dep_ == "advcl" and doc[c.left_edge.i].dep_ == "mark" and c.left_edge.i == k + 1 \
        and doc[c.left_edge.i].pos_ == "SCONJ" and not is_cue(c) \
        and ctx.in_quote(doc[k + 1].idx) is None \
        and c.right_edge.i + 2 >= sent_end(tok) and "\n" not in ctx.text[doc[j].idx:c.right_edge.idx]


def continued(ctx: QuoteContext, tok: Token, subj: Token, j: int) -> int:
    """``A, X said, until/because B.``: a subordinate clause right after the attribution goes on
    with the reported sentence; the content then runs over the attribution to the sentence end."""
    doc = ctx.doc
    if not (subj.i < tok.i <= j + 6 and j <= subj.left_edge.i and doc[subj.left_edge.i - 1].text == ","
            and all(t.is_punct for t in doc[j:subj.left_edge.i])):
        return j
    k = tok.i + 1
    for c in tok.rights:  # "the agency said in a June report, and ...": the attribution's adjuncts
        if c.i == k and c.dep_ in ("prep", "npadvmod", "advmod"):
            k = c.right_edge.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return j
    heads = [tok] + ([tok.head] if tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i else [])
    for c in (c for h in heads for c in h.rights):
        if _subordinate_rest(ctx, tok, c, k, j):
            return c.right_edge.i + 1
        if coordinated_rest(ctx, c, k, j):
            end = c.right_edge.i + 1
            return end - 1 if doc[end - 1].text in (".", "!", "?") else end
    end = interrupted_rest(ctx, tok, k)
    return j if end is None else end


def _independent(c: Token) -> bool:
    """A clause with a subject of its own that no subordinator opens ("and B said C", "but she left")."""
    return any(g.dep_ in SUBJ_DEPS + ("expl",) for g in c.children) and not any(
        g.dep_ == "mark" or g.tag_ in ("WRB", "WDT", "WP") and g.i < c.i for g in c.children)


def interrupted_rest(ctx: QuoteContext, tok: Token, k: int) -> int | None:
    """'The hashtag, Mr. X said, accompanied descriptions of ...', 'Russia is playing interference, they say,
    imposing new restrictions ...': the attribution interrupts one sentence; what follows its comma (token ``k``)
    hangs on the clause before it, not on the speech verb, and is no clause of its own: the reported words run
    over the attribution to the sentence end (without a cue, a quotation or a paragraph break in the rest)."""
    doc = ctx.doc
    head = tok.head
    if tok.dep_ not in ("parataxis", "ccomp") or head.i >= tok.i:
        return None
    end = sent_end(tok)
    while end > k + 1 and (doc[end - 1].text in (".", "!", "?") or doc[end - 1].is_space):
        end -= 1
    rest = doc[k + 1:end]
    if len(rest) < 2 or "\n" in ctx.text[doc[k].idx:rest.end_char] \
            or any(rest.start_char <= m < rest.end_char for m in ctx.mark_pos):
        return None
    tops = [t for t in rest if not k < t.head.i < end]
    if not tops or any(t.head.i != head.i or t.dep_ in ("conj", "cc", "parataxis") or _independent(t)
                       for t in tops if not t.is_punct):
        return None
    if any(is_cue(t) or lemma(t) in CHARACTERIZING for t in rest):
        return None
    return end


# ---------------------------------------------------------------- a complement after the verb
def _skip_when(doc: Doc, i: int, comp: Token) -> int:
    """Skip a time phrase that opens a reported clause ("said on Friday the company ...")."""
    subj = next((c for c in comp.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        return i
    while i < subj.left_edge.i:
        t = doc[i]
        if t.ent_type_ in ("DATE", "TIME"):
            i += 1
        elif t.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in t.children):
            i = t.right_edge.i + 1
        elif t.is_punct and i > 0 and doc[i - 1].ent_type_ in ("DATE", "TIME"):
            i += 1
        else:
            break
    return i


def _words_start(ctx: QuoteContext, tok: Token, comp: Token, i: int) -> int:
    """Where the words of a complement after the verb begin."""
    doc = ctx.doc
    i = _skip_when(doc, max(i, tok.i + 1), comp)
    that = next((g for g in comp.children if g.dep_ == "mark" and g.lower_ == "that"), None)
    if that is not None and i < that.i < comp.i and not any(
            p in ctx.mark_pos for p in range(doc[i].idx, that.idx)):
        i = that.i  # "tweeted in the early hours that X": the words begin at "that"
    if lemma(tok) not in ADDRESSEE_VERBS and not any(
            g.dep_ in SUBJ_DEPS + ("expl", "csubj") for g in comp.children):
        # "has said single people - gay or straight - would qualify": the parser took the
        # clause's subject as the verb's object; a verb of saying has no addressee object
        obj = next((c for c in tok.rights if c.dep_ == "dobj" and c.i < comp.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and ctx.in_quote(obj.idx) is None:
            i = min(i, obj.left_edge.i)
    return i


def _quoted_conjunct(ctx: QuoteContext, c: Token) -> bool:
    """'said her family "came out ... in debt," and "struggled to ..."', 'promises that X won't "send you ..." or
    "tell you ..."': a conjunct whose verb opens a quotation of its own after its coordinator is more of the
    speaker's words, never the narrator's second attribution."""
    q, doc = ctx.in_quote(c.idx), c.doc
    return c.pos_ in ("VERB", "AUX") and q is not None and q.open[0] >= doc[conj_start(c)].idx \
        and all(t.dep_ in ("cc", "aux") or t.is_punct for t in doc[conj_start(c):c.i] if t.idx < q.open[0]) \
        and not ctx.text[q.open[1]:doc[c.left_edge.i].idx].strip()


def _backshifted_conjunct(c: Token, tok: Token) -> bool:
    """``said he knew the book but had not seen the film``: a conjunct of a past speech verb in the
    past perfect, with no subject of its own, is the speaker's backshifted words, not the writer's
    next act (the writer narrates in the simple past)."""
    return tok.tag_ == "VBD" and c.dep_ == "conj" and any(
        g.dep_ == "aux" and g.tag_ == "VBD" and g.lemma_ == "have" for g in c.children)


def _conjuncts_end(ctx: QuoteContext, tok: Token, comp: Token, j: int) -> int:
    """"said X, and that Y": further reported clauses joined to the first go on with it; "said X
    and warned Y": a second attribution is not part of the clause, unless it is quoted (``_quoted_conjunct``)."""
    for c in list(tok.rights) + list(comp.rights):
        if c.dep_ != "conj" or c.i <= comp.i:
            continue
        own = any(g.dep_ in SUBJ_DEPS + ("mark", "expl") for g in c.children)
        modal = any(g.tag_ == "MD" for g in c.children) or _backshifted_conjunct(c, tok)
        if _quoted_conjunct(ctx, c):
            j = max(j, c.right_edge.i + 1)
        elif c.head.i == comp.i and not own and (is_cue(c) or lemma(c) in CHARACTERIZING and c.pos_ == "VERB"):
            j = min(j, conj_start(c))
        elif c.head.i == tok.i and (own or modal) and lemma(c) not in CHARACTERIZING and (
                not is_cue(c) or modal_continuation(c)):
            j = max(j, c.right_edge.i + 1)
    return j


def _reason_end(tok: Token, comp: Token, j: int) -> int:
    """"said A, because B.": a reason or condition the parser hung on the verb goes on with the
    reported sentence."""
    doc = tok.doc
    for c in tok.rights:
        mark = doc[c.left_edge.i]
        if c.dep_ == "advcl" and c.i > comp.i and c.left_edge.i in (j, j + 1) \
                and mark.dep_ == "mark" and mark.lower_ in REASON_MARKS \
                and any(g.dep_ in SUBJ_DEPS for g in c.children) and not is_cue(c) \
                and c.right_edge.i + 2 >= sent_end(c):
            j = c.right_edge.i + 1
    return j


# ---------------------------------------------------------------- the rules
def _split_end(comp: Token, comps: list[Token], tok: Token, j: int) -> int:
    """One clause the parser split in two: the end of the last complement that joins this one."""
    for nxt in sorted(comps, key=lambda c: c.i):
        if nxt.i > comp.i and _joins_previous(nxt, comps, tok) and nxt.left_edge.i <= j + 2:
            j = max(j, nxt.right_edge.i + 1)
    return j


def _complement(ctx: QuoteContext, tok: Token, subj: Token, comp: Token, comps: list[Token]) -> Attribution | None:
    """The reported words of one clausal complement ``comp`` of speech verb ``tok``."""
    doc = ctx.doc
    i, j = comp.left_edge.i, _split_end(comp, comps, tok, comp.right_edge.i + 1)
    if comp.i < tok.i:  # "CLAUSE, X said": the clause runs from the sentence start
        if _semicolon_between(comp, subj, tok):
            return None
        i = min(i, clause_start(ctx, tok))
        j = continued(ctx, tok, subj, min(j, subj.left_edge.i, tok.i))
    else:
        i = _words_start(ctx, tok, comp, i)
        j = _reason_end(tok, comp, _conjuncts_end(ctx, tok, comp, j))
    i, j = strip_span(doc, i, j)
    gap = relative_gap(comp, tok)
    if j - i < (2 if gap else 3) or not has_verb(doc, i, j):
        return None
    if not gap and comp.i > tok.i and i == tok.i + 1 and doc[i].i == comp.i and comp.tag_ in ("VBZ", "VBD", "VBP") \
            and not any(g.dep_ in CLAUSE_SUBJ_DEPS for g in comp.children):
        return None  # "Everything X says is a lie": the verb's object went before it; nothing is reported
    return Attribution((i, j), tok, subj)


def _semicolon_between(comp: Token, subj: Token, tok: Token) -> bool:
    """"That September, the movement launched; Thunberg promised protests ...": a semicolon joins two
    sentences, so a clause before it is no complement of a speech verb after it."""
    return any(t.text == ";" for t in comp.doc[comp.right_edge.i + 1:min(subj.left_edge.i, tok.i)])


def time_clause(comp: Token) -> bool:
    """'"A," he said as some in the crowd booed': a complement after the verb that opens with a time
    subordinator (``time_subordinators``) is a time clause the parser took for what was said."""
    first = comp.doc[comp.left_edge.i]
    return first.dep_ == "mark" and first.head.i == comp.i and first.lower_ in TIME_MARKS


def participle_of_a_noun(comp: Token, tok: Token) -> bool:
    """'X said in a statement issued an hour before the event', 'X said in an interview aired Monday on "New Day"': a
    bare past participle (no subject, auxiliary or subordinator of its own) right after the verb's prepositional
    phrase on a common noun describes that noun; the parser took it for what was said (not after "about", which may
    open an amount: 'said about half of the rise reflected tax cuts')."""
    if comp.i < tok.i or comp.tag_ not in ("VBN", "VBD") or comp.left_edge.i != comp.i \
            or any(c.dep_ in (*SUBJ_DEPS, "aux", "auxpass", "mark", "expl") for c in comp.children) \
            or any(t.lower_ == "that" for t in comp.subtree) or any(c.dep_ == "dobj" for c in tok.children):
        return False  # 'in an interview taped before the attacks that A': the parser buried the reported clause;
        # 'announced the tests by a laboratory found A': the object is the clause's subject
    return any(p.dep_ == "prep" and p.i > tok.i and p.right_edge.i + 1 == comp.i and p.lower_ != "about"
               and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in p.children) for p in tok.children)


def _runs_on_after(c: Token, tok: Token) -> bool:
    """The clause ``c`` follows verb ``tok`` with no punctuation between them ("said he is", "said on Friday that")."""
    return c.i > tok.i and not any(t.is_punct or t.is_space for t in tok.doc[tok.i + 1:c.left_edge.i])


def fronted_before_own_clause(comp: Token, comps: list[Token], tok: Token, subj: Token) -> bool:
    """'In a statement released after X, Cruz said he is certain ...', 'Like a family member, she said it is
    hard ...': a verb that goes straight on into a clause of its own (no punctuation between) does not also
    report what the parser hung before its speaker (a clause before a semicolon is never reported by a verb after
    it: ``_semicolon_between``)."""
    before = subj.left_edge.i - 1
    return comp.i < tok.i and subj.i < tok.i and before >= 0 and tok.doc[before].text != ";" \
        and any(_runs_on_after(c, tok) for c in comps)


def _free_relative(tok: Token) -> bool:
    """'rejected what he said was a smear', 'blamed it on what officials say were faulty brakes': the speech verb's
    clause opens with "what" (its object or subject, before the verb's own subject) and is itself the object of
    a verb or preposition before it (not 'What he says is a lie', where the clause is the sentence's subject)."""
    return tok.dep_ in ("ccomp", "pcomp", "dobj", "pobj", "xcomp") and tok.head.i < tok.i and any(
        g.lower_ == "what" and g.tag_ == "WP" and g.i < tok.i for g in tok.children)


def _bare_be(comp: Token) -> bool:
    """'the first thing she said was, you know, ...': a "be" with nothing it says of its subject and a comma
    after it is the sentence's own copula the parser hung on the relative clause, not a clause that was said
    (not 'what they say was her mishandling of ...', whose predicate the parser hung on the speech verb)."""
    doc = comp.doc
    return comp.lemma_ == "be" and not any(
        g.dep_ in ("attr", "acomp", "prep", "advmod", "oprd", "ccomp", "xcomp", "npadvmod") for g in comp.children) \
        and (comp.i + 1 >= len(doc) or doc[comp.i + 1].is_punct)


def relative_gap(comp: Token, tok: Token) -> bool:
    """'a policy which they say left a vacuum', 'a probe the agency said was ongoing', 'something aides argue is
    possible', 'what he said was a smear': the speech verb heads a relative clause with a subject of its own, and
    its finite complement after it has no subject but the relative pronoun (or none: the noun the clause describes,
    or "what", is that subject). What the speaker said is that complement about the noun; the noun has its own
    place in the sentence (not 'Everything X says is a lie' misparsed, where the complement is the sentence's own
    verb). No "to" in the complement ('which they vowed to ignore'); a bare verb is the parser's ('who police say
    shot him'); a "be" must say something (``_bare_be``)."""
    noun = tok.head
    relative = tok.dep_ == "relcl" and noun.dep_ != "ROOT" and noun.pos_ in ("NOUN", "PROPN", "PRON")
    if comp.i < tok.i or not (relative or _free_relative(tok)) \
            or not (comp.tag_ in ("VBD", "VBZ", "VBP", "VB") or any(g.tag_ == "MD" for g in comp.children)) \
            or any(g.tag_ == "TO" for g in comp.children) or _bare_be(comp):
        return False
    own = [g for g in tok.children if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in RELATIVES | {"what"}]
    theirs = [g for g in comp.children if g.dep_ in SUBJ_DEPS + ("expl", "csubj")]
    return len(own) == 1 and own[0].i < tok.i and all(
        g.lower_ in RELATIVES | {"what"} and g.i < tok.i for g in theirs)


def _that_after_attribution(comp: Token, tok: Token) -> bool:
    """The complement ``comp`` opens with "that" right after the comma that closes a medial attribution
    ("..., Mr. X said on Friday, that ..."): only the verb's own adjuncts between the verb and the comma."""
    doc = tok.doc
    first = doc[comp.left_edge.i]
    if comp.i < tok.i or first.lower_ != "that" or first.dep_ != "mark" or first.head.i != comp.i \
            or first.i < 2 or doc[first.i - 1].text != ",":
        return False
    return all(t.head.i == tok.i or t.is_space or any(a.head.i == tok.i and a.i <= t.i <= a.right_edge.i
                                                      for a in tok.rights if a.dep_ in ("prep", "npadvmod", "advmod"))
               for t in doc[tok.i + 1:first.i - 1])


def extraposed_rest(ctx: QuoteContext, tok: Token, subj: Token, comps: list[Token]) -> Attribution | None:
    """``It is no surprise, X said, that A``, ``But there is a risk, some Democrats said, that A``, ``The documents
    indicate, he said in an interview, that A``: a medial attribution inside a sentence whose "that" clause comes
    after it; the words before the attribution and the that-clause after it are one reported sentence (a row that
    runs over the attribution, as ``continued`` makes for "A, X said, because B")."""
    fronted = next((c for c in comps if c.i < tok.i and c.right_edge.i < subj.left_edge.i), None)
    rest = next((c for c in comps if _that_after_attribution(c, tok)), None)
    if fronted is None or rest is None or not subj.i < tok.i or ctx.doc[subj.left_edge.i - 1].text != ",":
        return None
    before = _complement(ctx, tok, subj, fronted, [fronted])
    after = _complement(ctx, tok, subj, rest, [rest])
    if before is None or after is None or any(is_cue(t) for t in ctx.doc[before.content[0]:before.content[1]]):
        return None  # 'X reported that A — suggesting, experts noted, that B': the words before hold their own report
    if "\n" in ctx.text[ctx.doc[before.content[0]].idx:ctx.doc[after.content[1] - 1].idx]:
        return None  # one paragraph
    return Attribution((before.content[0], after.content[1]), tok, subj)


def asked_question(tok: Token) -> Token | None:
    """'Mr. Rubin asked the students if they were always so serious', 'X asked workers whether they ...': the
    parser hangs the question of a verb of asking (``question_verbs``) as a condition (an advcl opening with "if" or
    "whether", ``question_marks``) right after the verb or its addressee; it is what was asked. Only a finite verb
    (a participle, 'Asked by X if ...', is asked by its agent, not by the subject of the clause it hangs on)."""
    if lemma(tok) not in QUESTION_VERBS or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    for c in tok.rights:
        first = doc[c.left_edge.i]
        if c.dep_ == "advcl" and first.lower_ in QUESTION_MARKS and first.dep_ == "mark" and first.head.i == c.i \
                and all(t.head.i == tok.i and t.dep_ in ("dobj", "dative") or t.head.i != tok.i and t.dep_ != "punct"
                        for t in doc[tok.i + 1:first.i]):
            return c
    return None


def that_clause_in_adjunct(tok: Token) -> Token | None:
    """'X said earlier on Friday during a news conference that he may wait', 'X says in a statement that the race
    will be ...': the parser hangs the that-clause of a speech verb without a complement on the last noun of the
    verb's adjuncts, as a relative clause whose "that" is a complementizer (``mark``), not a relative pronoun (a
    relative "that" is the clause's subject or object: 'said at the meeting that was held'), nor after "so/such" ('tells
    so many lies that A': a result clause). Only the verb's own adjuncts (and an addressee) between the verb and
    "that", each a time or an ``adjunct_clause_prepositions`` phrase; the clause has a subject of its own, and its noun
    is no report someone else made ('responded to reports that A', 'declined to comment on claims that A':
    ``content_clause_nouns``, a speech noun outside "in")."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB") or any(
            c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and lemma(tok) not in ADDRESSEE_VERBS
            for c in tok.children):
        return None
    doc = tok.doc
    adjuncts = [c for c in tok.rights if c.dep_ in ("npadvmod", "advmod", "dobj", "dative")
                or c.dep_ == "prep" and c.lower_ in ADJUNCT_CLAUSE_PREPS]
    if not adjuncts:
        return None
    for that in doc[tok.i + 1:max(c.right_edge.i for c in adjuncts) + 1]:
        clause = that.head
        if that.lower_ == "that" and that.dep_ == "mark" and clause.dep_ in ("relcl", "acl") \
                and clause.left_edge.i == that.i and tok.i < clause.head.i < that.i \
                and not any(m.lower_ in ("so", "such") for m in doc[clause.head.left_edge.i:clause.head.i]) \
                and any(g.dep_ in SUBJ_DEPS + ("expl",) for g in clause.children) \
                and all(any(a.left_edge.i <= t.i <= a.right_edge.i for a in adjuncts) and not t.is_punct
                        for t in doc[tok.i + 1:that.i]) and not _reported_by_others(clause.head):
            return clause
    return None


def _reported_by_others(noun: Token) -> bool:
    """The noun a that-clause completes is a report of someone else's ('reports that', 'claims that') rather than
    the time, place or medium of the speech verb's own saying ('in a statement that' is the speaker's own)."""
    name = noun.lemma_.lower()
    return name in CONTENT_CLAUSE_NOUNS or name in SPEECH_NOUNS and noun.head.lower_ != "in"


def complements(ctx: QuoteContext, tok: Token, subj: Token) -> list[Attribution]:
    """``X said (that) CLAUSE``, ``CLAUSE, X said``: one row per clausal complement of the verb (one row for
    ``A, X said, that B``: ``extraposed_rest``)."""
    comps = [c for c in tok.children if (c.dep_ == "ccomp" or c.dep_ == "xcomp" and relative_gap(c, tok))
             and not (c.i > tok.i and time_clause(c)) and not participle_of_a_noun(c, tok)]
    comps = [c for c in comps if not fronted_before_own_clause(c, comps, tok, subj)]
    question = asked_question(tok) if not any(c.i > tok.i for c in comps) else None
    if question is not None:
        comps.append(question)
    adjunct_clause = that_clause_in_adjunct(tok) if question is None and not comps else None
    if adjunct_clause is not None:
        comps.append(adjunct_clause)
    joined = extraposed_rest(ctx, tok, subj, comps)
    if joined is not None:
        return [joined]
    rows = (_complement(ctx, tok, subj, comp, comps) for comp in comps if not _joins_previous(comp, comps, tok))
    return [r for r in rows if r is not None]


def _before_opening_mark(doc: Doc, tok: Token, subj: Token) -> int:
    """The last token of the attribution ``tok`` heads, without an opening quote mark the parser hung on the verb,
    when the attribution interrupts a clause whose subject comes before it ('The club's investment, Ms. X said, "is
    a perfect example" of ...': the comma before the mark closes the attribution; not 'In other words, he said,
    "the era is over."', where the quotation is a sentence of its own)."""
    k = tok.right_edge.i
    if not any(c.dep_ in SUBJ_DEPS and c.i < subj.left_edge.i for c in tok.head.children):
        return k
    while k > tok.i and doc[k].is_quote:
        k -= 1
    return k


def medial(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``CLAUSE, X said, CLAUSE``: the attribution sits inside the reported sentence."""
    doc = ctx.doc
    last = _before_opening_mark(doc, tok, subj)
    if not (tok.dep_ in ("parataxis", "ccomp") and tok.head.i > tok.i and subj.i < tok.i
            and subj.left_edge.i > tok.sent.start and doc[subj.left_edge.i - 1].text == ","
            and (doc[last].text == "," or last + 1 < len(doc) and doc[last + 1].text == ",")):
        return None
    i, j = strip_span(doc, clause_start(ctx, tok), tok.sent.end)
    while j > i and doc[j - 1].is_quote and ctx.in_quote(doc[j - 1].idx + len(doc[j - 1].text)) is not None \
            and ctx.in_quote(doc[j - 1].idx) is None:
        j -= 1  # the opening mark of the next sentence's quotation, which the splitter put in this one
    if j > i and doc[j - 1].text in (".", "!", "?"):
        j -= 1
    return Attribution((i, j), tok, subj) if j - i >= 4 else None


def _leads_into_main(ctx: QuoteContext, tok: Token) -> bool:
    """"Though A, he said, B.": the subordinate clause the attribution hangs on comes before it and
    leads into the main clause after it."""
    doc, head = ctx.doc, tok.head
    return head.dep_ == "advcl" and head.head.i > tok.i and any(
        c.dep_ == "mark" and c.i == head.left_edge.i for c in head.children) \
        and tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i].text == "," \
        and "\n" not in ctx.text[tok.idx:head.head.idx]


def clause_as_head(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``CLAUSE, X said`` parsed with the clause as the head of the attribution."""
    doc = ctx.doc
    if any(c.dep_ == "ccomp" for c in tok.children) or not (
            tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i and tok.i > tok.sent.start):
        return None
    j = subj.left_edge.i if subj.i < tok.i else tok.i
    j = continued(ctx, tok, subj, j)
    if _leads_into_main(ctx, tok):
        # the reported words are the whole sentence
        j = sent_end(tok)
        if doc[j - 1].text in (".", "!", "?"):
            j -= 1
    i, j = strip_span(doc, clause_start(ctx, tok), j)
    if j - i >= 3 and doc[subj.left_edge.i - 1].text in (",", "\u2014", "--"):
        return Attribution((i, j), tok, subj)
    return None
