"""The speaker phrase of an attribution, and its entity.

The speaker is the subject of the speech verb (the nearest one when the parser gives several,
never a word inside quotation marks, never the verb's object or a prepositional object; a
participle or infinitive takes the main clause's subject through ``before asking``, the object of
``forced X to admit``, the name right before ``footage of X asking``), the pobj of ``according
to`` (or the author in ``according to a speech X gave``); a coordinated subject ("X and Y said")
is kept as written. The coreference stage resolves it to an entity (``pipeline/extract/coref.py``);
other speakers keep the phrase as written.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..coref import PRONOUNS
from ..coref.lexicon import (
    AUTHOR_VERBS,
    DOCUMENT_NOUNS,
    GENDER_PRONOUNS,
    GENDERED_NOUNS,
    NOMINAL_HEADS,
    OWNER_PREPOSITIONS,
    person_noun,
)
from ..entities.tokens import glued_hyphen
from ..records import Quote
from ..spans import keeps_opening_mark, sentence_index
from .context import Candidate, QuoteContext, char_range, is_cue, is_past_speech_verb, lemma, sentence_in_paragraph
from .lexicon import (
    ADDRESSEE_VERBS,
    CLAUSE_CLIMB_DEPS,
    DASHES,
    DEFINITE_DETERMINERS,
    FOCUS_ADVERBS,
    GLOSS_DEPS,
    MAX_CLAUSE_CLIMB,
    MAX_GLOSS_CLIMB,
    MESSAGE_NOUNS,
    NAMING_VERBS,
    NOUN_CLIMB_DEPS,
    PERSONAL,
    PHRASE_CLIMB_DEPS,
    PRONOUN_NUMBER,
    RELATIVES,
    SPEAKER_STOP_DEPS,
    SUBJ_DEPS,
    SUBJECT_CONTROL,
    TIME_ENTITY_TYPES,
    TIME_PHRASE_DEPS,
    TIME_PREPOSITIONS,
)

OPENING_NOUN_POS = ("DET", "PROPN", "NOUN", "ADJ", "NUM")  # the words of a bare noun phrase opening a sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..coref import Coreference


# ---------------------------------------------------------------- the subject of a speech verb
def _cut_off(subj: Token, tok: Token) -> bool:
    """A subject the parser took from across a paragraph break (a dateline or a time stamp
    heading the paragraph: "5:45 p.m.\n\nThe doctor is calling ...")."""
    doc = subj.doc
    lo, hi = sorted((subj.i, tok.i))
    return any("\n" in t.text for t in doc[lo:hi + 1]) or subj.ent_type_ in ("DATE", "TIME")


def _nearest_subjects(tok: Token) -> list[Token]:
    """The verb's subjects, the likeliest first: when the parser gives several, not one cut off by
    a paragraph break or a stray dash, and the nearest to the verb first (a heading the parser
    joined to the sentence: "The Latest: X urges ...", "BORROWING Back when ..., X said")."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not _cut_off(c, tok)] or subjects
        subjects = [c for c in subjects if any(ch.isalnum() for ch in c.text)] or subjects
        subjects = [c for c in subjects if not _hyphen_piece(c)] or subjects
        subjects.sort(key=lambda c: abs(tok.i - c.i))
    return subjects


def _hyphen_piece(tok: Token) -> bool:
    """The first piece of a hyphenated word the parser split ("co" of "study co-author Karen Alley said"):
    the next token is a hyphen written without blanks on either side."""
    return tok.i + 2 < len(tok.doc) and glued_hyphen(tok.doc, tok.i + 1)


def subject(tok: Token, depth: int = 0) -> Token | None:
    """The head of the speaker phrase of verb ``tok``: its own subject, else the one it takes from
    the clause it hangs on, else a name the parser misattached right before it."""
    for c in _nearest_subjects(tok):
        if c.lower_ in RELATIVES and c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return _published_by(tok.head) or tok.head  # "X, who said ...": the relative pronoun stands for X
        agent = _passive_agent(c, tok)
        if agent is None and _expletive(c, tok):
            return None
        return agent or _inverted_parenthetical(c, tok) or _after_dateline(c, tok)
    agent = (_participle_agent(tok) or _opening_participle_subject(tok)) if depth == 0 else None
    if agent is not None:
        return agent
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and tok.head.i != tok.i:
        found = _glossed_conjunct(tok) or _controller(tok, depth)
        return _someone_instead(tok, found) if depth == 0 else found
    if depth == 0 and tok.dep_ == "ROOT" and tok.i > 0 and tok.tag_ in ("VBD", "VBZ", "VBP"):
        prev = tok.doc[tok.i - 1]  # "... with the board of the Post Trump said": a misparsed subject
        if prev.pos_ in ("PROPN", "PRON") and prev.dep_ in ("pobj", "dobj", "compound", "appos"):
            return prev
        return _glossed_subject(tok) or _opening_subject(tok) or _set_off_gloss_subject(tok) or _phrase_before(tok)
    if depth == 0 and tok.dep_ in ("ccomp", "dep", "parataxis") and tok.tag_ in ("VBD", "VBZ", "VBP"):
        return _phrase_before(tok)
    return None


def _phrase_before(tok: Token) -> Token | None:
    """'After a week of quarrels, Governor X's office announced Monday that A', 'Large majorities of voters in all
    four states say B', 'several sources close to the talks say C': a finite speech verb with a clause after it that
    the parser left without a subject, right after a noun phrase it hung elsewhere (as a conjunct, or as the object
    of a preposition of a fronted phrase), is said by that phrase (its own adverbs may come between). The phrase is
    climbed from its last noun up through "of"/"in" phrases, adjectives and participles that end with it
    ('majorities [of voters [in all four states]]'), never across a conjunction or a comma ('After talks between
    two senators, Governor X's office announced': "office" ends no phrase about the talks); a participle that
    heads the verb gives its own subject ('Local activists hoping to stop the pipeline say D'). Not a time or date,
    nor the object of another verb ('He criticized the mayor's record said she ...': a lost "and") or the predicate
    of a copula ('That is a fraction of the money experts say it costs': a relative clause without "that"), but the
    object of the speech verb whose clause this verb heads ('The agency reported its source said that A')."""
    if not is_cue(tok) or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    doc, lo = tok.doc, tok.sent.start
    k = tok.i - 1
    while k > lo and doc[k].pos_ == "ADV":
        k -= 1
    last = doc[k]
    if k < lo or last.pos_ not in ("NOUN", "PROPN", "PRON") or last.head.i == tok.i or last.dep_ == "npadvmod" \
            or last.ent_type_ in ("DATE", "TIME"):
        return None
    phrase, cur = last, last
    while cur.dep_ in PHRASE_CLIMB_DEPS and lo <= cur.head.i < cur.i \
            and not any(t.is_punct for t in doc[cur.head.i + 1:cur.left_edge.i]):
        cur = cur.head
        if cur.i == tok.head.i:  # the participle the verb hangs on: its subject speaks
            return next((c for c in cur.children if c.dep_ == "nsubj" and c.i < cur.i), None)
        if cur.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            phrase = cur
    if phrase.dep_ == "attr" or phrase.dep_ == "dobj" and not _object_of_the_report(phrase, tok):
        return None  # 'That is a fraction of the money experts say it costs': a relative clause on the noun
    return phrase


def _object_of_the_report(obj: Token, tok: Token) -> bool:
    """'The agency reported its source said that A': the parser made the speaker the object of the speech verb whose
    clause the second verb heads; the object of any other verb ('He criticized the mayor's record said she ...') is
    no speaker."""
    return obj.head.i == tok.head.i and tok.dep_ == "ccomp" and is_cue(obj.head)


def _glossed_subject(tok: Token) -> Token | None:
    """'Alarmed by X, Senator Y, the minority leader, said that ...': when the parser hangs the name elsewhere
    and leaves the speech verb without a subject, the noun that a gloss right before the verb's comma describes
    is its speaker (the verb's own adverbs may come between: ', also said'). Called for a finite main verb."""
    if not is_cue(tok):
        return None
    doc = tok.doc
    k = tok.i - 1
    while k > tok.sent.start and doc[k].head.i == tok.i and doc[k].dep_ in ("advmod", "aux", "neg"):
        k -= 1
    if k < tok.sent.start + 2 or doc[k].text != ",":
        return None
    noun = _glossed_noun(doc[k - 1], tok)
    if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.i < tok.sent.start or noun.dep_ in ("pobj", "dobj"):
        return None  # '... in Iowa, a swing state, said': a place in a phrase is not the one who speaks
    return noun


def _set_off_gloss_subject(tok: Token) -> Token | None:
    """'Sen. X (a Democrat so boyish he has been mistaken for a staffer) says ...', 'Mr. X - in a line aimed at
    his rival - declared that ...': a finite speech verb left without a subject right after a gloss in parentheses
    or between two dashes is said by the name right before the gloss (the parser hung the name inside the gloss).
    Called for a finite main verb."""
    if not is_cue(tok):
        return None
    doc, lo = tok.doc, tok.sent.start
    k = tok.i - 1
    while k > lo and doc[k].head.i == tok.i and doc[k].dep_ in ("advmod", "aux", "neg"):
        k -= 1
    if doc[k].text != ")" and not _spaced_dash(doc[k]):
        return None
    opens = (lambda t: t.text == "(") if doc[k].text == ")" else _spaced_dash
    j = k - 1
    while j > lo and not opens(doc[j]) and doc[j].text not in (")", "("):
        j -= 1
    name = doc[j - 1] if j - 1 >= lo and j < k - 1 and opens(doc[j]) else None
    return name if name is not None and name.pos_ == "PROPN" else None


def _spaced_dash(t: Token) -> bool:
    """A dash, or a hyphen written with a blank on either side (' - '), that sets off a gloss."""
    return t.text in DASHES or t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def _opening_phrase_end(doc, start: int, stop: int) -> int:
    """The end of the bare noun phrase (determiners, adjectives, nouns, names) opening at ``start``."""
    k = start
    while k < stop and (doc[k].pos_ in OPENING_NOUN_POS or doc[k].tag_ == "HYPH"):
        k += 1
    return k


def _opening_subject(tok: Token) -> Token | None:
    """'Jeffrey X, a rabbi helping to organize the boycott, said ...', 'Humphrey, for example, said ...': a
    finite speech verb left without a subject, set off by a comma or dash, whose sentence opens with a bare
    noun phrase closed by a comma or dash: the parser hung that noun phrase inside the gloss (made the gloss a
    clause, or took the name across a paragraph break); the phrase's last noun speaks."""
    doc = tok.doc
    k = tok.i - 1
    for c in sorted(tok.lefts, key=lambda c: -c.i):  # its own adverbs: ', last week said', ', also said'
        if c.dep_ in ("advmod", "npadvmod", "aux", "neg") and c.right_edge.i == k:
            k = c.left_edge.i - 1
    if not is_cue(tok) or k < 1 or doc[k].text != "," and doc[k].text not in DASHES:
        return None
    start = sentence_in_paragraph(tok)[0]
    k = _opening_phrase_end(doc, start, tok.i)
    if k > start and all(t.is_upper for t in doc[start:k] if t.is_alpha) and doc[k].text in DASHES + (",",):
        start = k + 1  # a dateline: 'WASHINGTON — X, ..., said'
        k = _opening_phrase_end(doc, start, tok.i)
    noun = doc[k - 1] if k > start else None
    if noun is None or k >= tok.i - 1 or noun.pos_ not in ("PROPN", "NOUN") or noun.ent_type_ in ("DATE", "TIME") \
            or doc[k].text != "," and doc[k].text not in DASHES:
        return None
    return noun


def _glossed_conjunct(tok: Token) -> Token | None:
    """'And it wasn't an accident — X, a spokesman for Y, told Z that ...': a finite speech verb that the parser
    coordinates with the clause before it, with a glossed name of its own right before it (hung on that clause
    as an apposition), is that name's; the earlier clause's subject says nothing."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    noun = _glossed_subject(tok)
    return noun if noun is not None and noun.i > tok.head.i else None


def _expletive(subj: Token, verb: Token) -> bool:
    """"It was reported (that) ...", "it is said ...": the "it" of a passive speech verb stands for the
    clause, not for a speaker; the report has none."""
    return subj.lower_ == "it" and subj.dep_ == "nsubjpass" and is_cue(verb)


def _passive_agent(subj: Token, verb: Token) -> Token | None:
    """'X was asked by Y whether ...', 'he was told by Y that ...': the agent of a passive speech verb says
    it; its subject is the one spoken to."""
    if subj.dep_ != "nsubjpass" or not is_cue(verb):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _inverted_parenthetical(subj: Token, verb: Token) -> Token | None:
    """'The contrast with Trump, said Doyle and others, would be clear', 'Part of the problem, say experts, is the
    ground itself': a speech verb set off by commas inside the sentence, with the speaker after it. The parser makes
    the words before the comma the verb's subject and the speaker the subject of the rest; the speaker is the noun
    right after the verb, when its phrase is closed by a comma before the rest of the clause."""
    doc = verb.doc
    last = subj.right_edge.i if doc[subj.right_edge.i].text != "," else subj.right_edge.i - 1
    if subj.i > verb.i or verb.tag_ not in ("VBD", "VBZ", "VBP") or not is_cue(verb) or doc[verb.i - 1].text != "," \
            or last != verb.i - 2 or any(t.text == "," for t in doc[subj.left_edge.i:last]):
        return None
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ == "mark" for c in clause.children):
        return None
    speaker = next((c for c in clause.lefts if c.dep_ in SUBJ_DEPS and c.left_edge.i == verb.i + 1), None)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
        return None
    end = speaker.right_edge.i if doc[speaker.right_edge.i].text == "," else speaker.right_edge.i + 1
    return speaker if doc[end].text == "," and end < clause.i else None


def _participle_agent(verb: Token) -> Token | None:
    """'When asked by a reporter whether ..., X said', 'after being warned by Y that ...': the clause a speech verb's
    passive participle reports (it has no subject of its own) is said by its agent, not by the subject of the clause
    it hangs on ('"A," X said when asked by reporters': X's own words go with "said")."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "pcomp") or not is_cue(verb) \
            or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _opening_participle_subject(verb: Token) -> Token | None:
    """'"... the donors are."\n\nBemoaning the "phony system," Trump accused Holt of ...': a participle opening its
    paragraph that the parser hangs on a clause of the paragraph before (the sentence split missed the break) is
    said by the subject of the first clause after it in its own paragraph, not by the earlier clause's subject."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i > verb.i \
            or not any("\n" in t.text for t in doc[verb.head.i:verb.i]):
        return None
    for t in doc[verb.right_edge.i + 1:verb.right_edge.i + 12]:
        if "\n" in t.text:
            return None
        if t.dep_ == "nsubj" and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX"):
            return t
    return None


def _after_dateline(subj: Token, verb: Token) -> Token:
    """'CLEVELAND, July 19 (UPI) — X told ...', '2:40 p.m.\n\nX says ...': the parser may make the dateline
    or the time stamp heading the paragraph the subject, and the speaker an apposition of it."""
    if not (_cut_off(subj, verb) or (subj.is_upper and len(subj.text) > 1)):
        return subj
    for c in sorted(subj.children, key=lambda c: -c.i):
        if c.dep_ == "appos" and subj.i < c.i < verb.i and c.pos_ in ("PROPN", "NOUN") \
                and c.ent_type_ not in ("DATE", "TIME") \
                and any(t.text in DASHES or "\n" in t.text for t in subj.doc[subj.i:c.left_edge.i]):
            return c
    return _on_the_verbs_line(subj, verb) or subj


def _on_the_verbs_line(subj: Token, verb: Token) -> Token | None:
    """'Related: Rich pay more but not as much as they used to\nThe report also suggested ...': a line without
    final punctuation ran into the next one, and the parser took a word of it as the subject; the speaker is the
    noun phrase opening the verb's own line (the noun whose head lies outside it)."""
    doc = subj.doc
    breaks = [t.i for t in doc[subj.i:verb.i] if "\n" in t.text_with_ws]
    if subj.i >= verb.i or not breaks:
        return None
    line = range(breaks[-1] + 1, verb.i)
    return next((t for t in (doc[k] for k in line) if t.pos_ in ("NOUN", "PROPN", "PRON")
                 and t.head.i not in line), None)


def _controller(tok: Token, depth: int) -> Token | None:
    """The speaker of a verb without a subject of its own, from the clause it hangs on."""
    head = tok.head
    if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        absolute = tok.tag_ == "VBG" and head.dep_ == "pobj" and head.head.lower_ == "with"
        if absolute:
            return head  # "..., with officials saying that ...": the officials say it
        return _published_by(head) if tok.tag_ == "VBG" else None  # "X issued a statement saying A": X
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if tok.dep_ == "xcomp" and obj is not None:
        to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
        if to and lemma(head) not in SUBJECT_CONTROL and (
                obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
            return obj  # "forced X to admit that ...": the object is the one who speaks
    if tok.dep_ in ("xcomp", "advcl") and tok.tag_ == "VBG" and obj is not None:
        prev = tok.doc[tok.i - 1]
        if prev.pos_ in ("PROPN", "PRON") and obj.i <= prev.i <= obj.right_edge.i:
            return prev  # "footage of X asking ...", "heard him saying ...": the name before it
    of_noun = _of_phrase_speaker(tok)
    if of_noun is not None:
        return of_noun
    quoted = _quoted_as_saying(tok)
    if quoted is not None:
        return quoted
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject(head.head, depth + 1)  # "X sings before asking her ...": X asks
    reporter = _reporting_verb(tok)
    if reporter is not None:
        return subject(reporter, depth + 1)
    return subject(head, depth + 1)


def _someone_instead(tok: Token, found: Token | None) -> Token | None:
    """'The first incident came during a speech, when protesters interrupted her, shouting "..."', 'It was a punch,
    as X echoed the criticism, saying ...', 'experts called this dubious, as margins are thin, while noting ...': a
    participle set off by a comma, with no subject of its own, whose clause climb found no one (a thing, "it") is
    said by the nearest someone: the subject of the clause closed right before the comma, else of a clause further
    up (subordinate or conjoined). Called for the cue itself (depth 0)."""
    if found is None or tok.tag_ != "VBG" or tok.dep_ != "advcl" or not _no_one(found):
        return found
    doc = tok.doc
    k = tok.i - 1
    while k > tok.sent.start and doc[k].head.i == tok.i and doc[k].dep_ in ("mark", "advmod"):
        k -= 1  # ', while noting', ', also saying'
    if doc[k].text != "," or k <= tok.sent.start:
        return found
    closed = doc[k - 1]
    for _ in range(MAX_CLAUSE_CLIMB):  # the clause that ends right before the comma
        if closed.pos_ in ("VERB", "AUX") and closed.i < tok.i and _subordinate(closed):
            own = _someone(next(iter(_nearest_subjects(closed)), None))
            if own is not None:
                return own
        if closed.head.i == closed.i or closed.head.right_edge.i != k - 1:
            break
        closed = closed.head
    verb = tok.head
    for _ in range(MAX_CLAUSE_CLIMB):  # up through subordinate and conjoined clauses
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
        own = _someone(next(iter(_nearest_subjects(verb)), None))
        if own is not None:
            return own
    return found


def _subordinate(verb: Token) -> bool:
    """A clause opened by a subordinator ("as X echoed", "when protesters interrupted"), not one that completes a
    noun or preposition ("details about how he planned ...")."""
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in verb.children if c.i < verb.i)


def _no_one(subj: Token) -> bool:
    """A subject that cannot speak: "it"/"this" or a common noun that names no person, no organisation, no document
    and no one's thing ("the first incident", "margins"; not "the Clinton campaign", "the statement")."""
    if subj.pos_ == "PRON":
        return subj.lower_ in ("it", "this", "that")
    lem = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and not subj.ent_type_ and not person_noun(lem) and lem not in NOMINAL_HEADS \
        and lem not in DOCUMENT_NOUNS and lem not in MESSAGE_NOUNS \
        and not any(c.dep_ in ("compound", "poss") and (c.pos_ == "PROPN" or c.ent_type_) for c in subj.children)


def _someone(subj: Token | None) -> Token | None:
    """The subject when it names a person: a person's name, he/she/they, or a person noun ("protesters")."""
    if subj is None or subj.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if subj.pos_ == "PRON":
        return subj if subj.lower_ in PERSONAL and subj.lower_ != "it" else None
    if subj.ent_type_ == "PERSON" or subj.pos_ == "NOUN" and not subj.ent_type_ and person_noun(subj.lemma_.lower()):
        return subj
    return None


def _of_phrase_speaker(tok: Token) -> Token | None:
    """'an example of the media falsely describing him as ...', 'reminds me of X saying ...', 'left 62 percent of
    voters saying ...': a participle with no subject of its own right after "of N" (its adverbs between) has N for
    its subject, whatever the parser hung it on; a counted head ('one of the guards', '62 percent of voters') is
    the subject with its "of" phrase. Called for a subjectless xcomp/advcl participle."""
    if tok.dep_ not in ("xcomp", "advcl") or tok.tag_ != "VBG":
        return None
    doc = tok.doc
    k = tok.i - 1
    while k > 0 and doc[k].head.i == tok.i and doc[k].dep_ in ("advmod", "neg"):
        k -= 1
    noun = doc[k]
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    counted = noun.head.head
    if counted.pos_ == "NUM" or any(c.dep_ == "nummod" for c in counted.children):
        return counted
    return noun


def _quoted_as_saying(tok: Token) -> Token | None:
    """'Politico quoted X as saying "..."', 'The paper cited an official as saying that ...': the one quoted is the
    object of the verb "as" hangs on, not its subject (who only passes the words on)."""
    head = tok.head
    if tok.dep_ != "pcomp" or head.lower_ != "as" or head.head.pos_ != "VERB":
        return None
    return next((c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None)


def sender(tok: Token) -> Token | None:
    """The subject of the verb that sends or posts the message a participle is said by (see ``_sent_by``);
    asked for a direct quotation's cue that has no subject of its own."""
    verb = _sent_by(tok)
    return subject(verb) if verb is not None else None


def _sent_by(tok: Token) -> Token | None:
    """'X posted a message on Twitter reading ...', 'X sent a text message to supporters saying ...': a participle
    on a message noun (or on the noun of a phrase after it) that is a verb's object is said by that verb's
    subject; returns that verb."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG":
        return None
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "dative"):
        held = noun.head.head  # "a message on Twitter reading", "sent a message to supporters saying"
        noun = next((c for c in held.children if c.dep_ == "dobj" and c.i < tok.i), held) \
            if held.pos_ in ("VERB", "AUX") else held
    if noun.lemma_.lower() not in MESSAGE_NOUNS or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    return noun.head


def _published_by(noun: Token) -> Token | None:
    """'X released a marketing video that said "..."', 'X is releasing an ad that urges voters to ...', 'X issued a
    statement, which said ...', 'X issued a statement saying A' (the participle, from ``_controller``): a message
    that the subject of a verb of authorship (`document_author_verbs`) releases says what its relative clause or
    participle says; its author speaks (as for "a statement released by X"). Not a message read,
    received or quoted by someone else ("X received a letter that said"), nor one whose own author is written ("X
    released a letter from his doctor that says ...": the doctor's)."""
    verb = noun.head
    if noun.lemma_.lower() not in MESSAGE_NOUNS or noun.dep_ != "dobj" or verb.lemma_.lower() not in AUTHOR_VERBS \
            or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS) for c in noun.children):
        return None
    return subject(verb, 1)


def _reporting_verb(tok: Token) -> Token | None:
    """'X told the AP her group never worked with Y and said ...': a second speech verb that the parser
    coordinates with the verb of the reported clause goes with the speech verb that reports that clause;
    'X rejected the idea that Y would be a drag, saying ...': a participle after a comma that the parser
    hangs inside a complement or subordinate clause goes with the clause that holds them all. Its
    speaker is X."""
    head = tok.head
    if tok.dep_ == "conj":  # (not '... that Y accepted it but did not say ...': Y's own denial)
        negated = any(c.dep_ == "neg" for c in tok.children)
        return head.head if head.dep_ == "ccomp" and is_cue(head.head) and head.head.i < head.i \
            and not negated else None
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _after_comma(tok) and not _parenthetical_cue(head):
        outer = _outer_clause(head)
        return outer if outer.i != head.i else None
    return None


def _parenthetical_cue(verb: Token) -> bool:
    """'Grayson said A, the source recalled, adding that ...', '"A," Lewandowski added, saying ...': a speech verb
    with a subject of its own that follows the words it reports (the parser hangs it on them as a complement, and it
    has no clause of its own) is the attribution the participle after it continues."""
    return is_cue(verb) and verb.dep_ == "ccomp" and verb.head.i < verb.i \
        and any(c.dep_ in SUBJ_DEPS for c in verb.lefts) and not any(c.dep_ == "ccomp" for c in verb.children)


def _after_comma(tok: Token) -> bool:
    """A comma or a dash right before the word (closing quote marks aside: '"New York values," stating')."""
    k = tok.i - 1
    while k > 0 and tok.doc[k].tag_ == "''":
        k -= 1
    return tok.doc[k].text == "," or tok.doc[k].text in DASHES


def _outer_clause(verb: Token) -> Token:
    """The verb of the clause that holds ``verb``: up through complement, subordinate and relative clauses
    and the nouns they complete ('rejected the idea that ... would be')."""
    for _ in range(MAX_CLAUSE_CLIMB):
        head = verb.head
        if head.i == verb.i or verb.dep_ not in CLAUSE_CLIMB_DEPS or _new_coordinate_clause(verb):
            break
        while head.pos_ in ("NOUN", "PROPN", "ADP") and head.dep_ in NOUN_CLIMB_DEPS and head.head.i != head.i:
            head = head.head  # the idea [dobj] that ...; on the notion [pobj] of [prep] ...
        if head.pos_ not in ("VERB", "AUX") or head.i > verb.i or _cut_off(head, verb):
            break  # the holding clause comes first, in the same paragraph
        verb = head
    return verb


def _new_coordinate_clause(verb: Token) -> bool:
    """'Protest groups say the rules are unfair, and the ACLU has sued the city, saying ...': a clause joined with
    ", and" that has a subject of its own starts a new sentence part; the participle goes with it."""
    cc = next((c for c in verb.lefts if c.dep_ == "cc"), None)
    if verb.dep_ != "conj" or not any(c.dep_ in SUBJ_DEPS for c in verb.lefts):
        return False
    if cc is None:
        cc = next((c for c in verb.head.rights if c.dep_ == "cc" and c.i < verb.i), None)
    return cc is not None and cc.i > 0 and verb.doc[cc.i - 1].text in (",", ";")


def inverted_subject(tok: Token) -> Token | None:
    """``"...," said Xu``: the parser may hang the postposed speaker as an object."""
    if lemma(tok) in ADDRESSEE_VERBS or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "..., suggesting a few questions": a participle's object is not its speaker
    for c in tok.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ in ("PROPN", "NOUN", "PRON") \
                and c.ent_type_ not in ("DATE", "TIME"):
            return c
    return None


def adjacent_noun(tok: Token, inside: Callable[[Token], bool]) -> Token | None:
    """The head of a name or noun phrase right before or after the verb, outside the quotation (never
    the noun right after a verb with an addressee: '"A," X, 58, told AFP': AFP is told)."""
    doc = tok.doc
    left = tok.i - 1
    if left > 0 and doc[left].text == ",":
        left -= 1  # "Name, a role, said"
        glossed = _glossed_noun(doc[left], tok)
        if glossed is not None and not inside(glossed):
            return glossed
    after = _noun_after(tok) if lemma(tok) not in ADDRESSEE_VERBS else -1
    for k in (left, after):
        if 0 <= k < len(doc) and doc[k].pos_ in ("PROPN", "NOUN", "PRON") and not inside(doc[k]) \
                and doc[k].ent_type_ not in ("DATE", "TIME"):
            t = doc[k]
            while t.dep_ in ("compound", "flat") and t.head.i != t.i and abs(t.head.i - t.i) <= 3:
                t = t.head
            if k < tok.i - 1 and t.dep_ != "appos":
                continue
            while k < tok.i and t.dep_ == "appos" and t.head.i < t.i and not inside(t.head):
                t = t.head  # the role is an apposition of the name before it
            return t
    return None


def _noun_after(tok: Token) -> int:
    """Index of the noun right after verb ``tok``, past a determiner and adjectives when the verb follows the
    quotation ('"A," said the woman, who ...', '"A," read the statement'): the postposed speaker's phrase."""
    doc, k = tok.doc, tok.i + 1
    if tok.i == 0 or not (doc[tok.i - 1].is_quote or doc[tok.i - 1].is_punct):
        return k  # only right after the quotation it attributes
    while k < min(len(doc), tok.i + 4) and doc[k].pos_ in ("DET", "ADJ") and doc[k].head.i > k:
        k += 1
    return k


def _glossed_noun(last: Token, verb: Token) -> Token | None:
    """The noun that an apposition or relative clause ending right before the verb glosses ('X, 58, told',
    'X, founder of Y, tells', 'a source, who was not authorized to speak, told'): climbing from the
    gloss's last word to the gloss, then to the noun it hangs on."""
    t = last
    for _ in range(MAX_GLOSS_CLIMB):
        if t.dep_ in GLOSS_DEPS and t.head.i < t.i and t.head.pos_ in ("PROPN", "NOUN"):
            named = t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.pos_ == "NOUN"
            return t if named else t.head  # "her adviser, Jake Sullivan, said": the name
        if t.head.i == t.i or t.head.i >= verb.i:
            return None
        t = t.head
    return None


def earlier_speaker(cue: Token, s: int) -> Token | None:
    """A speaker is never part of the words it says. When the parser takes a subject from inside
    the reported words ("X said, going on to say that ..., people do not want ..."), the speaker of
    a participle is the subject of the attribution right before it in its sentence."""
    if cue.tag_ != "VBG" and not any(a.tag_ == "TO" for a in cue.children):
        return None
    doc = cue.doc
    for k in range(cue.i - 1, cue.sent.start - 1, -1):
        if is_cue(doc[k]) and doc[k].tag_ in ("VBD", "VBZ", "VBP"):
            subj = next((c for c in doc[k].children if c.dep_ in SUBJ_DEPS), None)
            if subj is not None and subj.idx < s:
                return subj
            return None
    return None


# ---------------------------------------------------------------- the speaker phrase
def conjoined(tok: Token) -> list[Token]:
    """The other speakers of a coordinated subject ("X and Y said", "She and her aides have vowed"): nouns and
    personal pronouns joined with "and"."""
    if not _coordinable(tok) or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return []
    out = []
    for c in tok.rights:
        if c.dep_ == "conj" and _coordinable(c) and not _second_description(tok, c):
            out.append(c)
            out.extend(conjoined(c))
    return out


def _coordinable(tok: Token) -> bool:
    """A noun, a name or a personal pronoun ("she and another reporter"; not "who", "which")."""
    return tok.pos_ in ("PROPN", "NOUN") or (tok.pos_ == "PRON" and tok.tag_ == "PRP")


def _second_description(name: Token, conj: Token) -> bool:
    """"Jennifer Daskal of American University and contributor to Slate": a singular common noun without a
    determiner joined to a name describes the same person (a second title), it names no second speaker; a
    title before a second name ("X and Breitbart News editor Sebastian Gorka") does."""
    doc = conj.doc
    return name.pos_ == "PROPN" and conj.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in conj.children) \
        and not (conj.i + 1 < len(doc) and doc[conj.i + 1].pos_ == "PROPN")


def speaker_span(tok: Token) -> tuple[int, int]:
    """Token range [i, j) of the speaker phrase headed by ``tok``, without appositions and clauses;
    a coordinated subject ("X and Y") is one phrase."""
    others = conjoined(tok)
    if others:
        i, _ = _speaker_span_one(tok)
        _, j = _speaker_span_one(others[-1])
        return i, j
    return _speaker_span_one(tok)


def _speaker_span_one(tok: Token) -> tuple[int, int]:
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("punct", "cc", "preconj") or _focus_adverb(c):
            continue
        left = min(left, c.left_edge.i)
        break
    right = tok.i
    for c in tok.rights:
        if _name_after_title(c, right):
            right = c.i
            break
        if _joining_dash(c, right):
            right = c.i
            continue
        if c.dep_ in SPEAKER_STOP_DEPS or _time_phrase(c):
            break
        right = c.right_edge.i
    doc = tok.doc
    # a speech verb the parser hung inside the phrase ('"A" tweeted Mayor X'): the phrase starts after it
    left = next((k + 1 for k in range(tok.i - 1, left - 1, -1) if is_past_speech_verb(doc[k])), left)
    while left < tok.i and any("\n" in t.text_with_ws for t in doc[left:tok.i]):
        left += 1  # the parse ran over a paragraph break: keep the head's paragraph
    hyphen = left if doc[left].text == "-" else left - 1
    if hyphen >= 1 and doc[hyphen].text == "-" and _hyphen_piece(doc[hyphen - 1]):
        left = doc[hyphen - 1].left_edge.i  # "study co-author Karen Alley": the word the parser split belongs to it
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if keeps_opening_mark(doc, left, right):
        left -= 1  # '"Parasite" director Bong Joon Ho': the phrase keeps the mark that opens the title in it
    return left, right + 1


def _time_phrase(c: Token) -> bool:
    """"officials on Saturday said", "According to Johns Hopkins Center ... late today", "The Sanders campaign on
    Monday said": a phrase of time (a date or time, with "on", "during", "in" or "at" before it) that the parser hangs
    last on the speaker's noun says when it was said; it is no part of who speaks. Not "from", "through" or "of"
    ("Satellite imaging from 2017", "reports through Jan. 31", "The employee of nearly four years": which one), nor a
    phrase with more of the speaker after it ("a report on Wednesday by UpGuard, a cybersecurity firm")."""
    if c.dep_ not in TIME_PHRASE_DEPS or not any(t.ent_type_ in TIME_ENTITY_TYPES for t in c.subtree) \
            or not all(t.ent_type_ in TIME_ENTITY_TYPES or t.lower_ in TIME_PREPOSITIONS for t in c.subtree):
        return False
    return not any(d.i > c.i and d.dep_ not in SPEAKER_STOP_DEPS for d in c.head.rights)


def _name_after_title(c: Token, right: int) -> bool:
    """"Republican state representative Terri Collins who sponsored the bill remarked": a name the parser makes an
    apposition of the title right before it, with no comma between, belongs to the phrase."""
    return c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and c.left_edge.i == right + 1 \
        and not any(t.is_punct for t in c.doc[c.left_edge.i:c.i + 1])


def _joining_dash(c: Token, right: int) -> bool:
    """"African Export–Import Bank president X said": a dash written without spaces right after the phrase joins
    two words of one name (the parser splits the name at it); the phrase goes on after it."""
    doc = c.doc
    return c.dep_ == "punct" and c.text in DASHES and c.i == right + 1 and not doc[right].whitespace_ \
        and not c.whitespace_ and c.i + 1 < len(doc) and doc[c.i + 1].is_alpha


def _focus_adverb(tok: Token) -> bool:
    """"Even Republicans said", "Even those who ... acknowledge": a focusing adverb before the subject is no part
    of the speaker phrase."""
    return tok.dep_ == "advmod" and tok.lower_ in FOCUS_ADVERBS


def _before_open_bracket(doc, left: int, right: int) -> int:
    """The phrase's last token before a bracket it opens but does not close: the parser hangs the first
    words of an aside on the name ("Transport for London (TfL) told", "Mayor X (no relation to ...) said"),
    but the speaker is the name before it."""
    depth, cut = 0, right
    for k in range(right, left, -1):
        if doc[k].text == ")":
            depth += 1
        elif doc[k].text == "(":
            if depth == 0:
                cut = k - 1
            depth = max(depth - 1, 0)
    return cut


# ---------------------------------------------------------------- the speaker's entity
def addressed(cue: Token, kind: str) -> bool:
    """'Trump was asked, "A?"', 'his salespersons were told, "B"', 'without being told to "smile"', 'Asked
    whether ..., X said': a passive verb of saying to someone (`addressee_verbs`) with no "by ..." agent; its
    subject is the one spoken to, and the text does not say who spoke. A quotation after a bare "when asked"
    ('X told Congress when asked about it: "A"') is the answer, not the question."""
    if lemma(cue) not in ADDRESSEE_VERBS or cue.tag_ not in ("VBN", "VBD") \
            or any(c.dep_ == "agent" for c in cue.children):
        return False
    if cue.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return True
    return kind != "direct" and cue.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "aux") for c in cue.children) \
        and (cue.tag_ == "VBN" or _opens_sentence(cue))


def _opens_sentence(cue: Token) -> bool:
    """'Asked what he thought ..., Walter said': a subjectless participle the parser tags as a past tense, opening
    its sentence (or its paragraph) before the clause it hangs on."""
    start = sentence_in_paragraph(cue)[0]
    return cue.i < cue.head.i and all(not t.is_alpha for t in cue.doc[start:cue.i])


def named_passive(cue: Token) -> bool:
    """'Zimbabwe was called "the breadbasket"', 'the Union, which has been termed "Brexit"', 'Van Biljon, often
    referred to as "The Lion Man"': a verb of naming (`naming_verbs`) in the passive with no "by ..." agent; its
    subject is the one named, and the text does not say who named it. Not after "being" ('opened up about being
    described as ...': the outer verb's subject tells it)."""
    if lemma(cue) not in NAMING_VERBS or cue.tag_ not in ("VBN", "VBD") or any(c.dep_ == "agent" for c in cue.children):
        return False
    aux = [c for c in cue.children if c.dep_ == "auxpass"]
    if aux or any(c.dep_ == "nsubjpass" for c in cue.children):
        return all(a.tag_ != "VBG" for a in aux)
    if cue.dep_ == "acl" and cue.tag_ == "VBN":
        return True  # "a man called ...", "X, often referred to as ..."
    to = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    return to is not None and to.i + 1 < len(cue.doc) and cue.doc[to.i + 1].lower_ == "as" \
        and not any(c.dep_ == "pobj" for c in to.children)  # "X referred to as Y", parsed as active


def _according_source(cue: Token) -> Token | None:
    """"..., according to CNN, was called "Y"": the source an "according to" phrase of the naming verb's clause (on
    the verb or on the verb it is a conjunct of) gives."""
    for verb in (cue, cue.head) if cue.dep_ == "conj" else (cue,):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                to = next((t for t in c.children if t.lower_ == "to"), None)
                pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    return pobj
    return None


def _resolve_speaker(ctx: QuoteContext, r: Candidate, coref: Coreference) -> None:
    """Set the speaker fields of ``r`` from its speaker phrase; a speaker resolved to an entity
    takes that entity's name, a pronoun left unresolved has no name, any other keeps the phrase; the
    one spoken to by a passive "was asked" / "were told" is no speaker (all three fields stay None)."""
    if addressed(r.cue_tok, r.type):
        return
    if named_passive(r.cue_tok):
        source = _according_source(r.cue_tok)
        if source is None:
            return  # nobody named it: all three fields stay None
        r.subj = source
    doc, subj = ctx.doc, r.subj
    i, j = speaker_span(subj)
    shown = _before_open_bracket(doc, i, j - 1) + 1
    phrase = _phrase_text(ctx, i, shown)
    relative = _relative_speaker(r.cue_tok, subj)
    r.speaker_text = relative.text if relative is not None else phrase
    name = _apposed_name(subj)
    several = bool(conjoined(subj)) and name is None   # "X and Y said": the phrase as written, no single entity
    if name is not None:
        r.speaker_entity = coref.resolve(name, (name.left_edge.i, name.i + 1), r.start)
    else:
        r.speaker_entity = coref.resolve(subj, (i, j), r.start) if not several else None
    if r.speaker_entity is not None and name is None and _one_of_two_names(coref, doc, i, j, r.speaker_entity, subj):
        r.speaker_entity, several = None, True
    if r.speaker_entity is not None and subj.lower_ in PRONOUNS and _label_only(ctx, r.speaker_entity):
        r.speaker_entity = None
    if r.speaker_entity is not None:
        r.speaker_name = ctx.entities[r.speaker_entity]["name"]
    elif name is not None:
        r.speaker_name = _phrase_text(ctx, name.left_edge.i, name.i + 1)
    elif not several and (subj.lower_ in PRONOUNS or subj.lower_ in PERSONAL or subj.tag_ in ("WP", "WDT", "PRP$")):
        r.speaker_name = _unnamed_phrase(ctx, coref, subj)  # a pronoun whose referent was not found: None
    else:
        r.speaker_name = phrase  # "a source, who said ...": the noun phrase the relative pronoun stands for
    coref.note(r.start, r.speaker_entity, subj)


def _one_of_two_names(coref: Coreference, doc, i: int, j: int, idx: int, head: Token) -> bool:
    """"UK-based retailer Tesco and Denmark-based retailer Salling Group announced", "scientists from the University of
    Bristol and UC Davis found", "Political commentators such as Brit Hume and Chris Wallace described": when the
    entity found for the speaker phrase is one of two names the phrase joins with "and", that entity does not speak
    alone; as for "X and Y said", the phrase as written speaks, with no single entity. The second name is the first
    one's conjunct, or the phrase's head when the parser hung the first name on it as a modifier ("Tesco" under
    "Group"). Words joined inside one name ("Institute of Allergy and Infectious Diseases": one entity) are no two
    names, and the entity found must be one of the two ("Road Transport and Bridges Minister Obaidul Quader" is
    Quader's)."""
    art = coref.article
    entities_at = lambda t: {art.canonical(m.entity) for m in art.mentions_at.get(t.i, ())}  # noqa: E731
    want = art.canonical(idx)
    for a in doc[i:j]:
        if not any(c.dep_ == "cc" and c.lower_ == "and" and c.i < j for c in a.children):
            continue
        b = next((c for c in a.children if c.dep_ == "conj" and c.i < j), head)
        ea, eb = entities_at(a), entities_at(b)
        if b.i > a.i and ea and eb and not ea & eb and want in ea | eb:
            return True
    return False


def _apposed_name(subj: Token) -> Token | None:
    """"US Green Party presidential frontrunner and the presidential nominee of Socialist Party USA, Howie Hawkins,
    announced", "a Republican, Mark Amodei, has voiced support", "According to news agency ISNA, the prosecutor general
    of Tehran, Ali Alghasi Mehr, said": a person's name set off by commas at the end of the subject phrase, right
    before its verb, names the one who speaks, whatever noun of the phrase the parser hung it on (the last word of a
    title's "of" phrase, the second of two titles it coordinates, a source the parser made the subject), as long as
    no clause lies between ("a biography written by X and a reporter, Y": the name is the writer's). Only for a
    singular phrase that is no person's name itself and whose conjuncts name no person ("Smith and his lawyer, Bob
    Jones, said": two speakers); the name is the head of an apposition, its words all names."""
    if subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ == "PERSON" or subj.tag_ in ("NNS", "NNPS"):
        return None
    if any(c.ent_type_ == "PERSON" or c.pos_ == "PRON" or c.tag_ in ("NNS", "NNPS") for c in conjoined(subj)):
        return None
    doc = subj.doc
    end = subj.right_edge.i - (doc[subj.right_edge.i].text == ",")
    k = end
    while k > subj.i and doc[k].pos_ == "PROPN":
        k -= 1
    if k == end or doc[k].text != ",":
        return None
    inside = range(k + 1, end + 1)
    roots = [doc[m] for m in inside if doc[m].head.i not in inside]
    if len(roots) != 1 or roots[0].dep_ != "appos" or roots[0].ent_type_ != "PERSON":
        return None
    t = roots[0].head
    while t.i != subj.i:  # nouns and prepositions only ("a biography written by X and a reporter, Y": Y wrote it)
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return None
        t = t.head
    return roots[0]


def _unnamed_phrase(ctx: QuoteContext, coref: Coreference, pronoun: Token) -> str | None:
    """"US authorities claimed ... They also stated", "One of the victims decided to go public. She said": a pronoun
    that the resolver took to stand for a group or person the article describes but does not name speaks as that
    description (like a pronoun that takes up an unnamed speaker), not as no one."""
    topic = coref.unnamed_topic(pronoun)
    return None if topic is None else _phrase_text(ctx, *speaker_span(topic)) or None


def _phrase_text(ctx: QuoteContext, i: int, j: int) -> str:
    """The article's text of the tokens [i, j), without trailing blanks."""
    lo, hi = char_range(ctx.doc, i, j)
    return ctx.text[lo:hi].rstrip()


def _label_only(ctx: QuoteContext, idx: int) -> bool:
    """An entity named only in the "((WN))" speaker labels of an interview transcript (the interviewer): a
    he/she/it/they in the transcript's prose ("it tells us that ...", "they said ...") is someone else."""
    names = [m for m in ctx.entities[idx]["mentions"] if m["kind"] in ("name", "partial", "title")]
    return bool(names) and all(ctx.text[max(m["start"] - 2, 0):m["start"]] == "((" for m in names)


def _relative_speaker(cue: Token, subj: Token) -> Token | None:
    """"Clinton, who said ...": the relative pronoun is the speaker as written (like "he"); the noun it stands
    for gives the name."""
    if cue.dep_ != "relcl" or cue.head.i != subj.i:
        return None
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVES
                 and c.tag_ in ("WP", "WDT")), None)


def _takes_up_unnamed(r: Candidate, last: Candidate, coref: Coreference) -> bool:
    """"The head of the inquiry told the court "A." She also said "B."": a pronoun speaker right
    after a speaker the article describes but does not name (a common noun of the same number, no
    document) takes that speaker up, unless the entity it was resolved to is named in between."""
    subj, prev = r.subj, last.subj
    if last.speaker_entity is not None or prev.pos_ != "NOUN" or lemma(prev) in DOCUMENT_NOUNS \
            or conjoined(prev) or subj.i <= prev.i:
        return False
    number = PRONOUN_NUMBER.get(subj.lower_)
    if number is None or prev.tag_ != number or subj.sent.start not in (prev.sent.start, prev.sent.end):
        return False
    noun_gender = GENDERED_NOUNS.get(lemma(prev))
    if not _introduces_someone(prev) or (noun_gender is not None and noun_gender != GENDER_PRONOUNS.get(subj.lower_)):
        return False  # "a young man ... she said": the genders disagree
    return r.speaker_entity is None or not coref.named_between(r.speaker_entity, prev.idx, subj.idx)


def _introduces_someone(noun: Token) -> bool:
    """An indefinite or bare noun phrase ("one questioner", "experts") or a definite one that says
    who it is ("the head of the inquiry") brings in someone new; a bare definite ("the senator",
    "the two-term president") points back at someone named before."""
    det = next((c for c in noun.lefts if c.dep_ in ("det", "poss")), None)
    if det is None or (det.dep_ == "det" and det.lower_ not in DEFINITE_DETERMINERS):
        return True
    return any(c.dep_ in ("prep", "acl", "relcl") for c in noun.rights)


def attribute_speakers(ctx: QuoteContext, cands: list[Candidate], coref: Coreference) -> list[Quote]:
    """The quote rows, in reading order (pronouns look back at earlier speakers); a quotation that
    goes on an earlier row takes that row's speaker."""
    cands.sort(key=lambda r: (r.start, r.end))
    out: list[Quote] = []
    last: Candidate | None = None
    for r in cands:
        if r.inherit is not None:
            p = r.inherit
            r.speaker_text, r.speaker_name, r.speaker_entity = p.speaker_text, p.speaker_name, p.speaker_entity
        else:
            _resolve_speaker(ctx, r, coref)
            if r.speaker_text is None and addressed(r.cue_tok, r.type):
                if r.type != "indirect":
                    out.append(_row(ctx, r))
                continue  # no speaker: the next row cannot take it up
            if r.speaker_text is None and named_passive(r.cue_tok):
                out.append(_row(ctx, r))
                continue  # no one named it: the next row cannot take it up
            if last is not None and _takes_up_unnamed(r, last, coref):
                r.speaker_name, r.speaker_entity = last.speaker_name, None
                coref.unnamed_speaker(r.subj)
            last = r
        out.append(_row(ctx, r))
    return out


def _row(ctx: QuoteContext, r: Candidate) -> Quote:
    return {"text": ctx.text[r.start:r.end], "type": r.type, "speaker_name": r.speaker_name,
            "speaker_text": r.speaker_text, "speaker_entity": r.speaker_entity, "cue": r.cue,
            "start": r.start, "end": r.end, "sentence_index": sentence_index(ctx.doc, r.start, ctx.sent_starts)}
