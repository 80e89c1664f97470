"""Quotes (direct, indirect and mixed) with their speakers, from a parsed Doc.

Public surface:
- ``extract_quotes(doc, entities) -> list[dict]``: one dict per quote:
  ``{"text": str, "type": "direct" | "indirect" | "mixed", "speaker_name": str | None,
     "speaker_text": str | None, "speaker_entity": int | None (index into ``entities``),
     "cue": str | None, "start": int, "end": int, "sentence_index": int}``
  ``doc.text[start:end] == text``; text holds the content only, without quote marks.

How it works (general rules of English news writing, no article-specific knowledge):

1. Quote marks are paired per paragraph (straight, curly and doubled-apostrophe marks; the
   direction of a straight mark comes from its neighbours). A paragraph that opens a quote
   without closing it continues into the next paragraph when that one opens with a quote mark.
2. Reported speech comes from the dependency parse: a speech verb (``data/quotes.json``) with a
   clausal complement (``X said (that) CLAUSE``, ``CLAUSE, X said``, ``X told reporters CLAUSE``,
   ``..., saying CLAUSE``, ``CLAUSE, X said, CLAUSE``) or an ``according to X`` phrase. A reported
   clause that holds a quoted fragment is ``mixed``; the fragment is not reported again as a
   direct quote. A characterizing verb whose complement holds a quoted fragment (``X called Y
   "Z"``, ``X described Y as "Z"``) is ``mixed`` too, up to the end of the fragment's phrase
   ("a "brazen breach" of the rules") and never over a second verb ("... and called for Z").
   A reported clause ends before a second attribution that closes its sentence (``..., but she
   denied that ...``) and before a non-restrictive gloss (``..., which ...``, an apposition);
   it keeps the closing mark of a fragment it ends with, and it goes on after a medial
   attribution when a subordinate or coordinated clause follows (``A, X said, until B``,
   ``A, X said in a report, and B``, ``A, according to X, and B``, ``Though A, X said, B``).
   Parse repairs: two complements of one speech verb with nothing between them, or the second
   without a subject of its own, are one clause; a reason clause hung on the verb (``said A,
   because B``) and a modal conjunct (``says it would A, but would B``) go on with it; a clause
   with ``that`` begins there; a verb of saying's "object" before a subjectless clause is that
   clause's subject; ``Everything X says is ...`` reports nothing. A quotation or unquoted words
   appended with a colon or dash (``X said A: "Q."``) complete the clause, unless the quotation
   has an attribution of its own; ``X told Y that "Q."`` is mixed. A characterization goes on over
   the verb's comparison phrases (``rated X as "Y" compared to Z``) and starts at the preposition
   in ``accused X of "Y"``; a speaker is never inside the words it says.
3. A quoted span is a direct quote when a speech verb sits next to it in the same sentence
   (``"A," X said``, ``X said: "A"``, ``"A," X said, "B."``: two rows), when it is signed with a
   dash and a name (``"A" -- Name``), or when it directly follows an attributed quote (the next
   sentence or paragraph of the same speaker). Any other quoted span (scare quotes, "so-called"
   terms, titles, nicknames) is not a quote.
4. The speaker is the subject of the speech verb (the nearest one when the parser gives several,
   never a word inside quotation marks, never the verb's object or a prepositional object; a
   participle or infinitive takes the main clause's subject through ``before asking``, the
   object of ``forced X to admit``, the name right before ``footage of X asking``), the pobj of
   ``according to`` (or the author in ``according to a speech X gave``); a coordinated subject
   ("X and Y said") is kept as written. It is resolved to an entity: a name or surname
   mention (the fullest name of that entity), an apposition, a relative pronoun's antecedent, a
   personal pronoun (the latest speaker or person before it, or before the quotation or the
   pronoun's adjunct clause in the same sentence, agreeing in gender when known) or a
   definite role noun ("the chairman") matched against the titles and roles written next to
   names, earlier or later in the article. Other speakers keep the phrase as written.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

from .entities import find_entity
from .spans import sentence_index, sentence_starts

_LEX = json.loads((Path(__file__).parent / "data" / "quotes.json").read_text(encoding="utf-8"))
SPEECH_VERBS = frozenset(_LEX["speech_verbs"])
DIRECT_ONLY = frozenset(_LEX["direct_only_verbs"])
SOURCE_PREPS = dict(_LEX["source_prepositions"])
PRONOUNS = dict(_LEX["pronouns"])
OPEN_MARKS = tuple(_LEX["quote_marks"]["open"])
CLOSE_MARKS = tuple(_LEX["quote_marks"]["close"])
EITHER_MARKS = tuple(_LEX["quote_marks"]["either"])
MIN_UNATTRIBUTED_WORDS = int(_LEX["min_unattributed_words"])
CHARACTERIZING = frozenset(_LEX["characterizing_verbs"])
CHAR_PREPS = frozenset(_LEX["characterization_prepositions"])
REASON_MARKS = frozenset(_LEX["reason_subordinators"])
OBJECT_FREE_PREPS = frozenset(_LEX["object_free_prepositions"])
DASHES = tuple(_LEX["attribution_dashes"])
RELATIVES = frozenset(_LEX["relative_pronouns"])
SCARE_MARKERS = tuple(_LEX["scare_markers"])
INFINITIVE_VERBS = frozenset(_LEX["infinitive_verbs"])
AS_IT_VERBS = frozenset(_LEX["as_it_verbs"])
COMMENT_REQUESTS = frozenset(_LEX["comment_requests"])
KNOWN_VERBS = SPEECH_VERBS | CHARACTERIZING | INFINITIVE_VERBS
PERSONAL = frozenset(_LEX["personal_pronouns"])
GENDER_WORDS = {w: g for g, ws in _LEX["gendered_words"].items() for w in ws}
GENDER_PRONOUNS = {w: g for g, ws in _LEX["gendered_pronouns"].items() for w in ws}

ALL_MARKS = sorted(OPEN_MARKS + CLOSE_MARKS + EITHER_MARKS, key=len, reverse=True)
SUBJ_DEPS = ("nsubj", "nsubjpass")
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten"})
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "remind", "ask", "email"})
TRIM_TAIL = " \t\r\n,;:"
SPEAKER_STOP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "cc"})


# ---------------------------------------------------------------- quote marks
def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Quote marks in text[start:end] as (start, end, glyph)."""
    out, i = [], start
    while i < end:
        for m in ALL_MARKS:
            if text.startswith(m, i) and i + len(m) <= end:
                out.append((i, i + len(m), m))
                i += len(m)
                break
        else:
            i += 1
    return out


def _context(text: str, s: int, e: int) -> str:
    """'open', 'close' or 'either', from the characters around a mark."""
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < len(text) else " "
    prev_open = prev.isspace() or prev in "([{\u2014\u2013-/"
    next_close = nxt.isspace() or (not nxt.isalnum() and nxt not in "$\u00a3\u20ac#@(['\u2018")
    if prev_open and not next_close:
        return "open"
    if next_close and not prev_open:
        return "close"
    return "either"


def find_quoted_spans(text: str) -> list[dict]:
    """Paired quote marks: dicts with the mark offsets (``open``, ``close``: (start, end)) and the
    content offsets (``start``, ``end``: without marks, surrounding blanks and trailing ``,;:``)."""
    spans: list[dict] = []
    pending = None  # a quote still open at the end of the previous paragraph
    for pstart, pend in _paragraphs(text):
        marks = _marks(text, pstart, pend)
        cur = None
        if pending is not None:
            lead = text[pstart:marks[0][0]].strip() if marks else "x"
            if marks and not lead and _context(text, marks[0][0], marks[0][1]) != "close":
                cur = pending          # news style: the quote goes on in this paragraph
                marks = marks[1:]
            else:
                spans.append(_finish(text, pending, (pending["par_end"], pending["par_end"])))
            pending = None
        for s, e, g in marks:
            ctx = _context(text, s, e)
            if g in OPEN_MARKS:
                d = "close" if ctx == "close" else "open"
            elif g in CLOSE_MARKS:
                d = "open" if ctx == "open" else "close"
            else:
                d = ctx
            if cur is None:
                if d != "close":
                    cur = {"open": (s, e)}
            elif d == "open" and g in OPEN_MARKS:
                # an opening mark inside an open quote: the earlier one was never closed
                spans.append(_finish(text, cur, (s, s)))
                cur = {"open": (s, e)}
            else:
                spans.append(_finish(text, cur, (s, e)))
                cur = None
        if cur is not None:
            cur["par_end"] = pend
            pending = cur
    if pending is not None:
        spans.append(_finish(text, pending, (pending["par_end"], pending["par_end"])))
    return [q for q in spans if q["end"] > q["start"]]


def _finish(text: str, q: dict, close: tuple[int, int]) -> dict:
    start, end = q["open"][1], close[0]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRIM_TAIL:
        end -= 1
    return {"open": q["open"], "close": close, "start": start, "end": end}


# ---------------------------------------------------------------- parse helpers
class _Ctx:
    def __init__(self, doc, entities):
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        self.tok_starts = [t.idx for t in doc]
        self.sent_starts = sentence_starts(doc)
        self.paras = _paragraphs(doc.text)
        self.par_starts = [p[0] for p in self.paras]
        self.quoted = find_quoted_spans(doc.text)
        for q in self.quoted:  # so-called "X": a scare quote, never someone's words
            before = doc.text[max(0, q["open"][0] - 20):q["open"][0]].rstrip().lower()
            q["scare"] = before.endswith(SCARE_MARKERS)
        self.mark_pos = sorted(p for q in self.quoted for p in (q["open"][0], q["close"][0]) if p < len(doc.text))

    def token_at(self, char: int):
        i = max(bisect_right(self.tok_starts, char) - 1, 0)
        return self.doc[i] if len(self.doc) else None

    def para_of(self, char: int) -> tuple[int, int]:
        i = max(bisect_right(self.par_starts, char) - 1, 0)
        return self.paras[i] if self.paras else (0, len(self.text))

    def in_quote(self, char: int) -> dict | None:
        for q in self.quoted:
            if q["open"][1] <= char < q["close"][0]:
                return q
        return None


def _lemma(tok) -> str:
    """The verb's lemma, checked against the lexicon with regular English inflection when the
    lemmatizer misses ("rated" -> "rat")."""
    lemma = tok.lemma_.lower()
    if lemma in KNOWN_VERBS:
        return lemma
    w = tok.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("es", ""),
                         ("s", ""), ("ing", "e"), ("ing", "")):
        if w.endswith(suffix) and w[:len(w) - len(suffix)] + repl in KNOWN_VERBS:
            return w[:len(w) - len(suffix)] + repl
    return lemma


def _is_cue(tok) -> bool:
    return _lemma(tok) in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"


def _cut_off(subj, tok) -> bool:
    """A subject the parser took from across a paragraph break (a dateline or a time stamp
    heading the paragraph: "5:45 p.m.\n\nThe doctor is calling ...")."""
    doc = subj.doc
    lo, hi = sorted((subj.i, tok.i))
    return any("\n" in t.text for t in doc[lo:hi + 1]) or subj.ent_type_ in ("DATE", "TIME")


def _subject(tok, depth: int = 0):
    subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not _cut_off(c, tok)] or subjects
        # a word before a stray dash; the subject nearest the verb before a heading the parser
        # joined to the sentence ("The Latest: X urges ...", "BORROWING Back when ..., X said")
        subjects = [c for c in subjects if any(ch.isalnum() for ch in c.text)] or subjects
        subjects.sort(key=lambda c: abs(tok.i - c.i))
    for c in subjects:
        if c.dep_ in SUBJ_DEPS:
            if c.lower_ in RELATIVES and c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                return tok.head  # "X, who said ...": the relative pronoun stands for X
            return c
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return None
        if tok.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
            if obj is not None and to and _lemma(head) not in SUBJECT_CONTROL and (
                    obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                return obj  # "forced X to admit that ...": the object is the one who speaks
        if tok.dep_ in ("xcomp", "advcl") and tok.tag_ == "VBG":
            prev = tok.doc[tok.i - 1]
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and prev.pos_ in ("PROPN", "PRON") and obj.i <= prev.i <= obj.right_edge.i:
                return prev  # "footage of X asking ...", "heard him saying ...": the name before it
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return _subject(head.head, depth + 1)  # "X sings before asking her ...": X asks
        return _subject(head, depth + 1)
    if depth == 0 and tok.dep_ == "ROOT" and tok.i > 0 and tok.tag_ in ("VBD", "VBZ", "VBP"):
        prev = tok.doc[tok.i - 1]  # "... with the board of the Post Trump said": a misparsed subject
        if prev.pos_ in ("PROPN", "PRON") and prev.dep_ in ("pobj", "dobj", "compound", "appos"):
            return prev
    return None


def _inverted_subject(tok):
    """``"...," said Xu``: the parser may hang the postposed speaker as an object."""
    if _lemma(tok) in ADDRESSEE_VERBS or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "..., suggesting a few questions": a participle's object is not its speaker
    for c in tok.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ in ("PROPN", "NOUN", "PRON") \
                and c.ent_type_ not in ("DATE", "TIME"):
            return c
    return None


def _adjacent_noun(tok, inside):
    """The head of a name or noun phrase right before or after the verb, outside the quotation."""
    doc = tok.doc
    left = tok.i - 1
    if left > 0 and doc[left].text == ",":
        left -= 1  # "Name, a role, said"
    for k in (left, tok.i + 1):
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


def _conjoined(tok) -> list:
    """The other speakers of a coordinated subject ("X and Y said"): nouns joined with "and"."""
    if tok.pos_ not in ("PROPN", "NOUN") or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return []
    out = []
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"):
            out.append(c)
            out.extend(_conjoined(c))
    return out


def _speaker_span(tok) -> tuple[int, int]:
    """Token range [i, j) of the speaker phrase headed by ``tok``, without appositions and clauses;
    a coordinated subject ("X and Y") is one phrase."""
    others = _conjoined(tok)
    if others:
        i, _ = _speaker_span_one(tok)
        _, j = _speaker_span_one(others[-1])
        return i, j
    return _speaker_span_one(tok)


def _speaker_span_one(tok) -> tuple[int, int]:
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("punct", "cc", "preconj"):
            continue
        left = min(left, c.left_edge.i)
        break
    right = tok.i
    for c in tok.rights:
        if c.dep_ in SPEAKER_STOP_DEPS:
            break
        right = c.right_edge.i
    doc = tok.doc
    while left < tok.i and "\n" in doc.text[doc[left].idx:tok.idx]:
        left += 1  # the parse ran over a paragraph break: keep the head's paragraph
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return left, right + 1


def _cue_text(tok) -> str:
    for c in tok.children:
        if c.dep_ == "prt":
            return tok.doc.text[tok.idx:c.idx + len(c.text)] if c.i == tok.i + 1 else tok.text
    return tok.text


# ---------------------------------------------------------------- entity resolution
def _words(s: str) -> list[str]:
    return [w for w in "".join(ch.lower() if ch.isalnum() else " " for ch in s).split()]


def _role_head(role: str) -> list[str]:
    """The head noun(s) of a role phrase: "deputy director of the bureau" -> ["director"]."""
    words = _words(role)
    for k, w in enumerate(words):
        if w in ("of", "at", "for", "in", "to", "with", "and", "on"):
            words = words[:k]
            break
    return words[-1:]


def _canonical(entities, idx: int) -> int:
    """A short name ("Xu") as the fullest entity of the same type that lists it among its aliases
    ("Xu Guixiang"). Sharing a last word is not enough: the entity layer keeps a bare surname
    apart on purpose when it names another person ("Mr. Obama" beside "Michelle Obama")."""
    e = entities[idx]
    words = _words(e["name"])
    if not words:
        return idx
    best, best_len = idx, len(words)
    for j, o in enumerate(entities):
        if j == idx or o["type"] != e["type"]:
            continue
        ow = _words(o["name"])
        forms = [_words(a) for a in o.get("aliases", [])] + [ow]
        if len(ow) > best_len and words in forms:
            best, best_len = j, len(ow)
    return best


def _role_mods(head) -> set[str]:
    """Words that narrow a role noun ("the Republican nominee"): its adjectives and compounds."""
    return {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha
            and c.lower_ not in ("former", "new", "then", "current", "top", "senior")}


def _mods_agree(mods: set[str], ent: dict, words=()) -> bool:
    """"the Republican nominee" is not the person written as "the Democratic nominee"."""
    return not mods or mods <= set(_words(ent.get("role") or "")) | set(words)


class _Resolver:
    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.history: list[tuple[int, int]] = []  # (char, entity index) of resolved speakers
        self._role_index = None
        self._genders: dict[int, str | None] = {}

    def resolve(self, head, span: tuple[int, int], words_at: int | None = None) -> int | None:
        ents = self.ctx.entities
        if not ents:
            return None
        doc = self.ctx.doc
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
                and not _mods_agree(_role_mods(head), ents[idx]):
            idx = None  # a role mention whose modifiers disagree with the person's role
        if idx is not None and ents[idx].get("mentions") and head.lower_ not in PRONOUNS:
            return _canonical(ents, idx)
        if idx is not None:
            return idx
        if head.lower_ in PRONOUNS and span[1] - span[0] == 1:
            return self._antecedent(head, words_at)
        if head.pos_ == "NOUN" and head.tag_ == "NN" and any(
                c.lower_ == "the" and c.dep_ == "det" for c in head.children) \
                and not any(c.pos_ == "PROPN" or c.dep_ in ("poss", "prep") for c in head.children):
            return self._by_role(head)
        return None

    def note(self, char: int, idx: int | None) -> None:
        if idx is not None:
            self.history.append((char, idx))

    def _gender(self, idx: int) -> str | None:
        """'m' or 'f' from honorifics and gendered titles by the name, or from the first he/she
        pronoun after the name in sentences where it is the subject; None when unknown."""
        if idx in self._genders:
            return self._genders[idx]
        doc, votes = self.ctx.doc, {"m": 0, "f": 0}
        for m in self.ctx.entities[idx]["mentions"]:
            if m.get("kind") == "pronoun":
                g = GENDER_WORDS.get(m["text"].lower())
                if g:
                    votes[g] += 1
                continue
            t0 = self.ctx.token_at(m["start"])
            t1 = self.ctx.token_at(max(m["end"] - 1, m["start"]))
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
        g = None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
        self._genders[idx] = g
        return g

    def _antecedent(self, head, words_at: int | None = None) -> int | None:
        ents, want = self.ctx.entities, PRONOUNS[head.lower_]
        pron_g = GENDER_PRONOUNS.get(head.lower_)
        if want == "PERSON":
            ok = lambda i: ents[i]["type"] == "PERSON" and self._gender(i) in (None, pron_g)  # noqa: E731
        elif want == "ORG":
            ok = lambda i: ents[i]["type"] in ("ORG", "GPE", "NORP")  # noqa: E731
        else:
            ok = lambda i: True  # noqa: E731
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
                return _canonical(ents, later) if later is not None else idx
        last = self._last_mention(pos, ok, words_at=words_at)
        return _canonical(ents, last) if last is not None else None

    def _last_mention(self, pos: int, ok, after: int = -1, words_at: int | None = None) -> int | None:
        """The entity named last before the pronoun's sentence, outside quotations; when the
        quoted words come before the pronoun ("X scolded him: "...," she said"), names of the same
        sentence before the words count too."""
        best, best_pos = None, after
        sent_start = self.ctx.sent_starts[sentence_index(self.ctx.doc, pos, self.ctx.sent_starts)]
        if words_at is not None and words_at < pos:
            sent_start = words_at - 1
        for i, e in enumerate(self.ctx.entities):
            if not ok(i):
                continue
            for m in e["mentions"]:
                if best_pos < m["start"] < sent_start and m.get("kind", "name") != "pronoun" \
                        and self.ctx.in_quote(m["start"]) is None:
                    best, best_pos = i, m["start"]
        return best

    def _roles(self):
        """(entity index, mention start, lower-case words written with it: title, role, apposition)."""
        if self._role_index is None:
            doc, out = self.ctx.doc, []
            for i, e in enumerate(self.ctx.entities):
                role = set(_role_head(e.get("role") or ""))
                for m in e["mentions"]:
                    if m.get("kind") == "pronoun":
                        continue
                    t0 = self.ctx.token_at(m["start"])
                    t1 = self.ctx.token_at(max(m["end"] - 1, m["start"]))
                    titles = set(role)
                    # the title written right before the name: "Chairman X", "spokesman X"
                    k = t0.i - 1
                    if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].head.i >= t0.i:
                        titles.add(doc[k].lemma_.lower())
                        titles.add(doc[k].lower_)
                    # an apposition: "X, deputy director of ..."; "the director, X"
                    for t in (t1, t1.head):
                        for c in t.children:
                            if c.dep_ == "appos" and c.pos_ == "NOUN":
                                titles.add(c.lemma_.lower())
                    if t1.dep_ == "appos" and t1.head.pos_ == "NOUN":
                        titles.add(t1.head.lemma_.lower())
                    out.append((i, m["start"], titles))
            self._role_index = out
        return self._role_index

    def _by_role(self, head) -> int | None:
        noun = head.lemma_.lower()
        ents, pos = self.ctx.entities, head.idx
        mods = _role_mods(head)
        best, best_dist = None, None
        for i, start, words in self._roles():
            e = ents[i]
            if e["type"] == "PERSON":
                if noun not in words:
                    continue
                if not _mods_agree(mods, e, words):
                    continue
            elif noun not in _words(e["name"]):
                continue
            dist = pos - start if start <= pos else 10 * (start - pos)  # earlier mentions first
            if best_dist is None or dist < best_dist:
                best, best_dist = i, dist
        return _canonical(ents, best) if best is not None else None


# ---------------------------------------------------------------- extraction
def _strip_span(doc, i: int, j: int) -> tuple[int, int]:
    """Trim a token range [i, j) of punctuation, 'that' and blanks at its edges."""
    while i < j and (doc[i].is_punct or doc[i].is_space or (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
                     or doc[i].dep_ == "cc" and i == j - 1):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].text in (",", ";", ":", "--", "\u2014")):
        j -= 1
    return i, j


def _attributed_after(ctx: _Ctx, q: dict, cue) -> bool:
    """A quotation followed in its sentence by an attribution of its own ('"...," the union wrote'):
    those words are a direct quote, not the end of another reported clause."""
    doc = ctx.doc
    t = ctx.token_at(q["close"][1])
    if t.idx < q["close"][1] and t.i + 1 < len(doc):
        t = doc[t.i + 1]
    for x in doc[t.i:t.i + 12]:
        if x.text in (".", "!", "?") or "\n" in x.text or x.idx in ctx.mark_pos:
            return False
        if x.i != cue.i and _is_cue(x) and x.idx >= q["close"][1]:
            return True
    return False


def _char_range(doc, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _reported(ctx: _Ctx) -> list[dict]:
    """Reported speech from the parse: speech verbs with a clausal complement, 'according to'."""
    doc, rows = ctx.doc, []
    for tok in doc:
        low = tok.lower_
        if low in SOURCE_PREPS:
            row = _according(ctx, tok)
            if row:
                rows.append(row)
            continue
        if tok.dep_ == "advcl" and tok.pos_ == "VERB" and not ctx.in_quote(tok.idx):
            row = _as_attribution(ctx, tok)
            if row:
                rows.append(row)
                continue
        if _lemma(tok) in ("respond", "reply") and not ctx.in_quote(tok.idx):
            row = _no_response(ctx, tok)
            if row:
                rows.append(row)
                continue
        if _lemma(tok) in INFINITIVE_VERBS and tok.pos_ == "VERB" and not ctx.in_quote(tok.idx):
            row = _infinitive(ctx, tok)
            if row:
                rows.append(row)
                continue
        if _lemma(tok) in CHARACTERIZING and tok.pos_ == "VERB" and not _is_cue(tok) \
                and not ctx.in_quote(tok.idx):
            subj = _subject(tok)
            row = _characterized(ctx, tok, subj) if subj is not None else None
            if row:
                rows.append(row)
            continue
        if not _is_cue(tok) or _lemma(tok) in DIRECT_ONLY or ctx.in_quote(tok.idx):
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        if not any(c.dep_ == "ccomp" for c in tok.children) and _lemma(tok) in CHARACTERIZING | SPEECH_VERBS:
            row = _characterized(ctx, tok, subj)
            if row:
                rows.append(row)
                continue
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        for comp in comps:
            if _joins_previous(comp, comps, tok):
                continue
            i, j = comp.left_edge.i, comp.right_edge.i + 1
            for nxt in sorted(comps, key=lambda c: c.i):  # one clause the parser split in two
                if nxt.i > comp.i and _joins_previous(nxt, comps, tok) and nxt.left_edge.i <= j + 2:
                    j = max(j, nxt.right_edge.i + 1)
            if comp.i < tok.i:  # "CLAUSE, X said": the clause runs from the sentence start
                i = min(i, _clause_start(ctx, tok))
                j = min(j, subj.left_edge.i, tok.i)
                j = _continued(ctx, tok, subj, j)
            else:
                i = _skip_when(doc, max(i, tok.i + 1), comp)
                that = next((g for g in comp.children if g.dep_ == "mark" and g.lower_ == "that"), None)
                if that is not None and i < that.i < comp.i and not any(
                        p in ctx.mark_pos for p in range(doc[i].idx, that.idx)):
                    i = that.i  # "tweeted in the early hours that X": the words begin at "that"
                if _lemma(tok) not in ADDRESSEE_VERBS and not any(
                        g.dep_ in SUBJ_DEPS + ("expl", "csubj") for g in comp.children):
                    # "has said single people - gay or straight - would qualify": the parser took the
                    # clause's subject as the verb's object; a verb of saying has no addressee object
                    obj = next((c for c in tok.rights if c.dep_ == "dobj" and c.i < comp.i), None)
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and ctx.in_quote(obj.idx) is None:
                        i = min(i, obj.left_edge.i)
                # "said X, and that Y": further reported clauses joined to the first
                for c in list(tok.rights) + list(comp.rights):
                    if c.dep_ != "conj" or c.i <= comp.i:
                        continue
                    own = any(g.dep_ in SUBJ_DEPS + ("mark", "expl") for g in c.children)
                    modal = any(g.tag_ == "MD" for g in c.children)
                    if c.head.i == comp.i and not own and (_is_cue(c) or _lemma(c) in CHARACTERIZING
                                                           and c.pos_ == "VERB"):
                        # "said X and warned Y": a second attribution, not part of the clause
                        j = min(j, _conj_start(c))
                    elif c.head.i == tok.i and (own or modal) and _lemma(c) not in CHARACTERIZING and (
                            not _is_cue(c) or _modal_continuation(c)):
                        j = max(j, c.right_edge.i + 1)
                for c in tok.rights:
                    # "said A, because B.": a reason or condition the parser hung on the verb goes on
                    # with the reported sentence
                    mark = doc[c.left_edge.i]
                    if c.dep_ == "advcl" and c.i > comp.i and c.left_edge.i in (j, j + 1) \
                            and mark.dep_ == "mark" and mark.lower_ in REASON_MARKS \
                            and any(g.dep_ in SUBJ_DEPS for g in c.children) and not _is_cue(c) \
                            and c.right_edge.i + 2 >= _sent_end(c):
                        j = c.right_edge.i + 1
            i, j = _strip_span(doc, i, j)
            if j - i < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[i:j]):
                continue
            if comp.i > tok.i and i == tok.i + 1 and doc[i].i == comp.i and comp.tag_ in ("VBZ", "VBD", "VBP") \
                    and not any(g.dep_ in SUBJ_DEPS + ("expl", "csubj", "csubjpass") for g in comp.children):
                continue  # "Everything X says is a lie": the verb's object went before it; nothing is reported
            rows.append({"content": (i, j), "cue": tok, "subj": subj})
        if tok.dep_ in ("parataxis", "ccomp") and tok.head.i > tok.i and subj.i < tok.i \
                and subj.left_edge.i > tok.sent.start and doc[subj.left_edge.i - 1].text == "," \
                and (doc[tok.right_edge.i].text == "," or tok.right_edge.i + 1 < len(doc)
                     and doc[tok.right_edge.i + 1].text == ","):
            # "CLAUSE, X said, CLAUSE": the attribution sits inside the reported sentence
            i, j = _strip_span(doc, _clause_start(ctx, tok), tok.sent.end)
            if j > i and doc[j - 1].text in (".", "!", "?"):
                j -= 1
            if j - i >= 4:
                rows.append({"content": (i, j), "cue": tok, "subj": subj})
            continue
        if not any(c.dep_ == "ccomp" for c in tok.children) and tok.dep_ in ("parataxis", "ccomp") \
                and tok.head.i < tok.i and tok.i > tok.sent.start:
            # "CLAUSE, X said" parsed with the clause as the head
            j = subj.left_edge.i if subj.i < tok.i else tok.i
            j = _continued(ctx, tok, subj, j)
            head = tok.head
            if head.dep_ == "advcl" and head.head.i > tok.i and any(
                    c.dep_ == "mark" and c.i == head.left_edge.i for c in head.children) \
                    and tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i].text == "," \
                    and "\n" not in ctx.text[tok.idx:head.head.idx]:
                # "Though A, he said, B.": the subordinate clause before the attribution leads
                # into the main clause after it; the reported words are the whole sentence
                j = _sent_end(tok)
                if doc[j - 1].text in (".", "!", "?"):
                    j -= 1
            i, j = _strip_span(doc, _clause_start(ctx, tok), j)
            if j - i >= 3 and doc[subj.left_edge.i - 1].text in (",", "\u2014", "--"):
                rows.append({"content": (i, j), "cue": tok, "subj": subj})
    return rows


def _relative_tail(comp, comps) -> bool:
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


def _joins_previous(comp, comps, tok) -> bool:
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
    if _is_cue(comp) or _lemma(comp) in CHARACTERIZING:
        return False  # "X said A and Democrats accused B": a second attribution
    # two clauses with nothing between them are one: the second hangs on the first
    return not own or not gap


def _modal_continuation(c) -> bool:
    """``says it would X, but would eventually add Y``: a conjunct with a modal and no subject or
    clause of its own goes on with the reported words, even when its verb is a speech verb."""
    return c.dep_ == "conj" and any(g.tag_ == "MD" for g in c.children) and not any(
        g.dep_ in SUBJ_DEPS + ("ccomp", "xcomp", "expl") for g in c.children)


def _as_attribution(ctx: _Ctx, tok) -> dict | None:
    """``As X said, CLAUSE``, ``CLAUSE, as X put it``: the attribution is a subordinate "as"
    clause and the words are the clause it modifies."""
    doc = ctx.doc
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    if _lemma(tok) in AS_IT_VERBS:
        if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            return None
    elif not _is_cue(tok) or _lemma(tok) in DIRECT_ONLY:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    head = tok.head
    if subj is None or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    if a <= lo:
        i, j = b, hi
    elif b >= hi - 1:
        i, j = lo, a
    else:
        i, j = lo, hi
    i, j = _strip_span(doc, i, j)
    if j > i and doc[j - 1].text in (".", "!", "?"):
        j -= 1
    if j - i < 3:
        return None
    cue = _cue_text(tok)
    it = next(c for c in tok.children if c.dep_ == "dobj") if _lemma(tok) in AS_IT_VERBS else None
    if it is not None and it.i == tok.i + 1:
        cue = ctx.text[tok.idx:it.idx + len(it.text)]
    return {"content": (i, j), "cue": tok, "cue_text": cue, "subj": subj}


def _no_response(ctx: _Ctx, tok) -> dict | None:
    """``X did not respond to requests for comment``: the news formula for a source that was asked."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return None
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.lemma_.lower() not in COMMENT_REQUESTS:
        return None
    subj = _subject(tok)
    if subj is None or subj.i > tok.i:
        return None
    i, j = _strip_span(ctx.doc, prep.i, prep.right_edge.i + 1)
    return {"content": (i, j), "cue": tok, "cue_text": _cue_text(tok), "subj": subj}


def _infinitive(ctx: _Ctx, tok) -> dict | None:
    """``X vowed to Y``, ``X urged Z to Y``, ``X told Z to Y``: a pledge or an appeal reported with
    a to-infinitive; the words are the infinitive clause, with the addressee before it."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None  # "X was urged to ...": the subject is the addressee, not the source
    doc = ctx.doc
    comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.tag_ == "TO" and a.i < c.i for a in c.children)), None)
    if comp is None:
        return None
    own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if own is None and tok.dep_ != "conj":
        return None  # "when asked to ...": no one of its own asks
    if tok.dep_ == "relcl" and (own is None or own.lower_ not in RELATIVES):
        return None  # "the target it pledged to reach": the clause lacks its object
    t = tok
    while t.head.i != t.i:  # "X said the region vows to ...": part of X's reported words
        if t.dep_ == "ccomp" and _is_cue(t.head):
            return None
        t = t.head
    subj = _subject(tok)
    if subj is None or subj.i > tok.i:
        return None
    i = comp.left_edge.i
    for c in tok.rights:
        if c.dep_ in ("dobj", "dative") and tok.i < c.i < comp.i:
            i = min(i, c.left_edge.i)
    j = comp.right_edge.i + 1
    i, j = _strip_span(doc, i, j)
    if j - i < 3:
        return None
    return {"content": (i, j), "cue": tok, "subj": subj}


def _continued(ctx: _Ctx, tok, subj, j: int) -> int:
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
        if c.dep_ == "advcl" and doc[c.left_edge.i].dep_ == "mark" and c.left_edge.i == k + 1 \
                and doc[c.left_edge.i].pos_ == "SCONJ" and not _is_cue(c) \
                and ctx.in_quote(doc[k + 1].idx) is None \
                and c.right_edge.i + 2 >= _sent_end(tok) and "\n" not in ctx.text[doc[j].idx:c.right_edge.idx]:
            return c.right_edge.i + 1
        if _coordinated_rest(ctx, c, k, j):
            end = c.right_edge.i + 1
            return end - 1 if doc[end - 1].text in (".", "!", "?") else end
    return j


def _coordinated_rest(ctx: _Ctx, c, k: int, j: int) -> bool:
    """``A, X said, and B.``: a clause coordinated right after a medial attribution, with a subject
    of its own and no attribution, ends the sentence the attribution interrupted."""
    doc = ctx.doc
    return c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and k + 1 < len(doc) \
        and doc[k + 1].dep_ == "cc" and doc[k + 1].lower_ in ("and", "but") and c.left_edge.i <= k + 2 \
        and any(g.dep_ in SUBJ_DEPS for g in c.children) and not _is_cue(c) \
        and _lemma(c) not in CHARACTERIZING and ctx.in_quote(c.idx) is None \
        and c.right_edge.i + 2 >= _sent_end(c) and "\n" not in ctx.text[doc[j].idx:c.right_edge.idx]


def _sent_end(tok) -> int:
    """End token index of ``tok``'s sentence without the blank tokens the splitter leaves at its end."""
    e = tok.sent.end
    while e > tok.i + 1 and tok.doc[e - 1].is_space:
        e -= 1
    return e


def _conj_start(c) -> int:
    """Token index where conjunct ``c`` begins, its coordinator and comma included."""
    k = c.left_edge.i
    doc = c.doc
    while k > 0 and (doc[k - 1].dep_ == "cc" or doc[k - 1].is_punct) and doc[k - 1].head.i in (c.i, c.head.i):
        k -= 1
    return k


def _skip_when(doc, i: int, comp) -> int:
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


_CLAUSE_BREAKS = frozenset({",", ";", "--", "\u2014", "\u2013", "-", "\u2015"})
_GLOSS_DEPS = frozenset({"relcl", "appos"})


def _clause_left(doc, c, lo: int) -> int:
    """Where the clause headed by ``c`` begins, with its coordinator or subordinator (not before ``lo``)."""
    k = c.left_edge.i
    while k - 1 > lo and (doc[k - 1].dep_ in ("cc", "mark") or doc[k - 1].is_space):
        k -= 1
    return k


def _after_break(doc, k: int, lo: int) -> bool:
    """True when token ``k`` opens a new part of the sentence: it follows a comma, semicolon or
    dash, or a coordinator that follows one."""
    k -= 1
    while k > lo and (doc[k].dep_ in ("cc", "mark") or doc[k].is_space):
        k -= 1
    return k > lo and doc[k].text in _CLAUSE_BREAKS


def _trim_tail(ctx: _Ctx, cue, i: int, j: int) -> int:
    """End of a reported clause without what the writer appended to it:
    - another attribution that closes the sentence (``..., but she denied that ...``,
      ``..., saying ...``, ``... -- and he noted that ...``, ``..., as X said``): its own row;
    - a gloss after a comma at the end (``..., which ...``, ``..., the alliance that ...``): a
      non-restrictive relative clause or an apposition the writer adds to the reported words
      (kept when it holds a quotation)."""
    doc = ctx.doc
    for k in range(i + 2, j):
        c = doc[k]
        if c.i == cue.i or ctx.in_quote(c.idx) is not None or c.right_edge.i < j - 2 \
                or _modal_continuation(c):
            continue
        if (_is_cue(c) or _lemma(c) in CHARACTERIZING and c.pos_ == "VERB") and c.dep_ in \
                ("conj", "advcl", "parataxis", "relcl", "ccomp") and c.head.i != cue.i or \
                _is_cue(c) and c.dep_ == "conj" and c.head.i == cue.i:
            start = _clause_left(doc, c, i)
            if start > i + 2 and _after_break(doc, start, i):
                return start
    for k in range(i + 2, j):
        c = doc[k]
        gloss = c.dep_ in _GLOSS_DEPS and c.head.pos_ in ("NOUN", "PROPN", "PRON")
        if not gloss or c.right_edge.i < j - 2 or c.left_edge.i <= i + 2:
            continue
        if c.dep_ == "relcl":
            continue
        start = c.left_edge.i
        if doc[start - 1].text != ",":
            continue
        if any(p in ctx.mark_pos for p in range(doc[start].idx, doc[j - 1].idx + len(doc[j - 1].text))):
            continue
        return start - 1
    return j


def _cut_nested(ctx: _Ctx, r: dict, i: int, j: int):
    """Keep a reported clause inside its paragraph, out of other attributions and quotations."""
    doc, cue = ctx.doc, r["cue"]
    pstart, pend = ctx.para_of(cue.idx)
    while i < j and doc[i].idx < pstart:
        i += 1
    while j > i and doc[j - 1].idx >= pend:
        j -= 1
    if j > i and not r.get("cue_text"):
        j = _trim_tail(ctx, cue, i, j)
    # "..., the source added" closing the clause belongs to another attribution
    for k in range(i + 1, j):
        c = doc[k]
        if c.i != cue.i and _is_cue(c) and c.right_edge.i >= j - 2:
            subj = _subject(c)
            if subj is not None and subj.i < c.i and subj.left_edge.i > i \
                    and doc[subj.left_edge.i - 1].text == ",":
                j = subj.left_edge.i - 1
                break
    if j <= i:
        return None
    s, e = _char_range(doc, i, j)
    for q in ctx.quoted:
        if s < q["open"][0] and q["close"][1] >= e and cue.idx >= q["close"][1] \
                and ctx.text[s:q["open"][0]].rstrip().endswith(":"):
            return None  # 'X scolded him: "...," she said': the words are the quotation, a direct quote
        starts_inside = q["open"][1] <= s < q["close"][0] and q["close"][0] < e
        if starts_inside and (s > q["start"] or doc[i].idx > q["open"][1] + 1):
            return None  # the clause begins inside a quotation: that is a direct quote's frame
        if s < q["open"][0] < e and q["close"][0] > e + 1:
            ends_para = q["close"][1] <= pend and not ctx.text[q["close"][1]:pend].strip(" \t\u00a0.!?")
            if (q["close"][0] <= cue.sent.end_char + 2 or ends_para and cue.idx < q["open"][0]) \
                    and q["close"][0] < pend and not _attributed_after(ctx, q, cue):
                j = ctx.token_at(max(q["close"][1] - 1, 0)).i + 1  # the quotation ends the clause
            else:
                j = ctx.token_at(q["open"][0]).i  # runs into a longer quotation: stop before it
        elif s < q["open"][0] < e <= q["close"][0] < q["close"][1] and not ctx.text[e:q["close"][0]].strip(" ,.;:!?"):
            j = ctx.token_at(q["close"][0]).i + 1  # the clause ends with the quotation: its closing mark too
    i, j = _strip_span(doc, i, j)
    return (i, j) if j - i >= 2 else None


def _clause_start(ctx: _Ctx, tok) -> int:
    """Token index where a clause reported before its cue starts: the sentence start, or the
    paragraph start when the sentence splitter started the sentence earlier."""
    start = tok.sent.start
    pstart = ctx.para_of(tok.idx)[0]
    if ctx.doc[start].idx < pstart:
        start = ctx.token_at(pstart).i
    return start


def _characterized(ctx: _Ctx, tok, subj) -> dict | None:
    """``X called Y "Z"``, ``X described Y as "Z"``: a quoted fragment in the verb's complements."""
    doc = ctx.doc
    if tok.i + 1 >= len(doc):
        return None
    lo, hi = doc[tok.i + 1].idx, tok.right_edge.idx + len(tok.right_edge.text)
    for c in tok.rights:  # "called X "Y" and called for Z": a second verb is not part of the words
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            k = _conj_start(c)
            while k < c.i and doc[k].is_punct:
                k += 1
            hi = min(hi, doc[k].idx)
    frag = [q for q in ctx.quoted if not q["scare"] and lo <= q["open"][0] and q["close"][0] <= hi and q["close"][1] > q["close"][0]]
    if not frag:
        return None
    # the attributed words end with the last quoted fragment ("... as a "crazy system" during a stop")
    # and with the phrase that holds it ("a "brazen breach" of the rules")
    last = max(q["close"][1] for q in frag)
    t = ctx.token_at(max(q["start"] for q in frag if q["close"][1] == last))
    while t.head.i != tok.i and t.head.i != t.i and t.head.i > tok.i:
        t = t.head
    if t.head.i == tok.i and t.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp", "dative"):
        end = t.right_edge.idx + len(t.right_edge.text)
        if end <= hi and not any(lo <= p < end for p in ctx.mark_pos if p > last):
            last = max(last, end)
    # the verb's own phrases after the fragment go on with the characterization ("cited X as "Y"
    # as examples of Z", "rated X as "Y" compared to Z"); a phrase or clause of circumstance
    # ("during an interview", "after she ...") does not
    for c in tok.rights:
        if c.idx < last:
            continue
        phrase = c.dep_ == "prep" and c.lower_ in CHAR_PREPS or c.dep_ == "advcl" and c.tag_ == "VBN" and not any(
            g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)
        end = c.right_edge.idx + len(c.right_edge.text)
        if not phrase or end > hi or ctx.in_quote(c.idx) is not None or "\n" in ctx.text[last:end]:
            break
        last = end
    j = tok.i + 1
    while j < len(doc) and doc[j].idx < last:
        j += 1
    start = tok.i + 1
    first = min(q["open"][0] for q in frag)
    objs = [o for o in tok.children if o.dep_ == "dobj"]
    heads = [tok] + objs + [a for o in objs for a in o.children if a.dep_ == "appos"]
    for c in (c for h in heads for c in h.rights):
        # "accused X of "Y"", "likened X to "Y"": the words are the phrase that holds the fragment,
        # not the person or thing they are said of
        if c.dep_ == "prep" and c.lower_ in OBJECT_FREE_PREPS and c.idx <= first <= c.right_edge.idx \
                and objs and objs[0].i < c.i:
            start = c.i
            break
    i, j = _strip_span(doc, start, j)
    if j <= i:
        return None
    return {"content": (i, j), "cue": tok, "subj": subj}


def _according(ctx: _Ctx, tok) -> dict | None:
    doc = ctx.doc
    prep = next((c for c in tok.children if c.lower_ == SOURCE_PREPS[tok.lower_]), None)
    if prep is None:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    p0, p1 = tok.i, pobj.right_edge.i + 1
    before = _strip_span(doc, sent.start, p0)
    after = _strip_span(doc, p1, sent.end)
    after = (after[0], after[1] - (1 if after[1] > after[0] and doc[after[1] - 1].text in ".!?" else 0))
    i, j = after if after[1] - after[0] > before[1] - before[0] else before
    if (i, j) == before and j > i and after[1] > after[0] and p1 < len(doc) and doc[p1].text == "," \
            and any(_coordinated_rest(ctx, c, p1, j) for c in tok.head.rights):
        j = after[1]  # "A, according to X, and B.": the sentence goes on over the attribution
    i, j = _strip_span(doc, i, j)
    if j - i < 2 or not any(t.pos_ in ("VERB", "AUX") for t in doc[i:j]):
        return None
    cue = doc.text[tok.idx:prep.idx + len(prep.text)]
    # "according to a speech X delivered": the source is the one who gave the speech
    for c in pobj.children:
        if c.dep_ == "relcl" and c.i > pobj.i:
            author = next((g for g in c.children if g.dep_ == "nsubj" and g.pos_ == "PROPN"), None)
            if author is not None:
                pobj = author
            break
    return {"content": (i, j), "cue": tok, "cue_text": cue, "subj": pobj}


def _direct_cue(ctx: _Ctx, q: dict, prefer_after: bool):
    """The speech verb attributing quoted span ``q``, looked for right after it and right before it."""
    doc, text = ctx.doc, ctx.text
    pstart, pend = ctx.para_of(q["open"][0])
    cpstart, cpend = ctx.para_of(max(q["close"][0] - 1, 0))

    def after():
        ce = q["close"][1]
        if ce >= cpend or q["close"][0] == q["close"][1]:
            return None
        t = ctx.token_at(ce)
        if t.idx < ce:
            t = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t is None:
            return None
        ends_period = text[q["start"]:q["end"]].rstrip().endswith(".")
        first_word = next((x for x in doc[t.i:t.i + 3] if x.is_alpha), None)
        if ends_period and (first_word is None or not first_word.is_lower):
            return None
        for k in range(t.i, min(len(doc), t.i + 30)):
            x = doc[k]
            if x.idx >= cpend or (x.idx in ctx.mark_pos and x.idx > ce) or x.text in (".", "!", "?"):
                break
            if _is_cue(x):
                if any(c.dep_ == "ccomp" and c.i > x.i and c.idx < cpend and ctx.in_quote(c.idx) is None
                       for c in x.children):
                    return None
                return x, k
        return None

    def before():
        os_ = q["open"][0]
        t = ctx.token_at(max(os_ - 1, 0))
        if t.idx >= os_:
            return None
        lo = max(pstart, max((p for p in ctx.mark_pos if p < os_), default=-1))
        sent_lo = t.sent.start_char
        lo = max(lo, sent_lo)
        for k in range(t.i, max(t.i - 12, -1), -1):
            x = doc[k]
            if x.idx < lo or x.text in (".", "!", "?"):
                break  # 'X said Monday. "..."': the quotation opens a sentence of its own
            if _is_cue(x):
                if any(c.dep_ == "ccomp" and c.right_edge.idx < os_ and c.i > x.i for c in x.children):
                    return None
                between = [y for y in doc[k + 1:t.i + 1] if not y.is_space]
                if between and between[-1].text not in (",", ":") and (len(between) > 3 or not all(
                        y.is_punct or y.pos_ in ("ADV", "SCONJ", "PRON") or y.ent_type_ in ("DATE", "TIME")
                        for y in between)):
                    return None  # "said the words "X"": the quotation is not what was said
                return x, k
        # "X reports:" closing the previous paragraph
        if not text[pstart:os_].strip() and pstart > 0:
            ppstart, ppend = ctx.para_of(pstart - 1)
            if text[ppstart:ppend].rstrip().endswith(":"):
                t = ctx.token_at(text[ppstart:ppend].rstrip().rfind(":") + ppstart)
                for k in range(t.i, max(t.i - 12, -1), -1):
                    if doc[k].idx < ppstart:
                        break
                    if _is_cue(doc[k]):
                        return doc[k], k
        return None

    order = (after, before) if prefer_after else (before, after)
    for f in order:
        hit = f()
        if hit:
            return hit[0]
    return None


def _dash_speaker(ctx: _Ctx, q: dict):
    """``"...," -- Name, detail``: a quotation signed with a dash and a name. Returns (dash, head)."""
    doc, ce = ctx.doc, q["close"][1]
    if q["close"][0] == ce or ce >= len(ctx.text):
        return None
    text, pos = ctx.text, ce
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    dash = next((d for d in DASHES if text.startswith(d, pos)), None)
    if dash is None:
        return None
    t = ctx.token_at(pos + len(dash))
    if t.idx < pos + len(dash):
        t = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if t is None:
        return None
    run = []
    for x in doc[t.i:t.i + 7]:
        if x.is_space or not x.text.strip():
            continue
        if x.pos_ == "PROPN" and not x.is_punct:
            run.append(x)
        else:
            break
    if not run or "\n" in text[ce:run[0].idx]:
        return None
    return dash, run[-1]


def _attr_end(ctx: _Ctx, cue) -> int:
    """End offset of the sentence part that holds the attribution ``cue``."""
    doc = ctx.doc
    k = cue.i
    while k + 1 < len(doc) and doc[k].text not in (".", "!", "?") and "\n" not in doc[k + 1].text \
            and doc[k + 1].idx not in ctx.mark_pos:
        k += 1
    return doc[k].idx + len(doc[k].text)


def _appended_quotation(ctx: _Ctx, r: dict, s: int, e: int) -> int:
    """``X said CLAUSE: "Q."``, ``X asked Y to CLAUSE -- "Q."``: a quotation that the writer
    appends to a reported clause with a colon or a dash, and that ends its sentence, completes
    the reported words (the row becomes mixed). Unquoted words after a colon (``X notes that three
    things happen at once: A, B and C.``) complete them too, to the end of the sentence. Returns
    the new end offset."""
    text = ctx.text
    pos = e
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    lead = pos
    while pos < len(text) and text[pos] in ":-\u2013\u2014":
        pos += 1
    if pos == lead or not text[lead:pos].strip():
        return e
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    q = next((q for q in ctx.quoted if q["open"][0] == pos), None)
    if q is None and text[lead:pos].strip() == ":" and r["cue"].idx < s:
        # "X notes that three things happen at once: A, B and C.": the words go on after the colon
        t = ctx.token_at(pos)
        end = _sent_end(t)
        while end > t.i and (ctx.doc[end - 1].text in (".", "!", "?") or ctx.doc[end - 1].is_space):
            end -= 1
        rest = ctx.doc[t.i:end]
        if end > t.i + 2 and "\n" not in rest.text and not any(_is_cue(x) for x in rest) \
                and not any(rest.start_char <= m < rest.end_char for m in ctx.mark_pos):
            return rest.end_char
        return e
    if q is None or q["scare"] or q["close"][1] == q["close"][0] or r["cue"].idx > s and r["cue"].idx > e:
        return e
    pstart, pend = ctx.para_of(s)
    if q["close"][1] > pend:
        return e
    rest = text[q["close"][1]:pend]
    if rest.strip(" \t\u00a0.!?\"'\u201d\u2019"):
        return e  # more follows the quotation in its paragraph (an attribution of its own)
    return q["close"][1]


def _earlier_speaker(cue, s: int):
    """A speaker is never part of the words it says. When the parser takes a subject from inside
    the reported words ("X said, going on to say that ..., people do not want ..."), the speaker of
    a participle is the subject of the attribution right before it in its sentence."""
    if cue.tag_ != "VBG" and not any(a.tag_ == "TO" for a in cue.children):
        return None
    doc = cue.doc
    for k in range(cue.i - 1, cue.sent.start - 1, -1):
        if _is_cue(doc[k]) and doc[k].tag_ in ("VBD", "VBZ", "VBP"):
            subj = next((c for c in doc[k].children if c.dep_ in SUBJ_DEPS), None)
            if subj is not None and subj.idx < s:
                return subj
            return None
    return None


def extract_quotes(doc, entities: list[dict]) -> list[dict]:
    if not doc.text.strip() or not len(doc):
        return []
    ctx = _Ctx(doc, entities)
    text = ctx.text
    cands: list[dict] = []

    # reported speech, mixed when it holds a quoted fragment
    consumed: dict[int, dict] = {}  # quoted span -> the mixed row that holds it
    seen: set[tuple[int, int]] = set()
    for r in _reported(ctx):
        r["content"] = _cut_nested(ctx, r, *r["content"])
        if r["content"] is None:
            continue
        s, e = _char_range(doc, *r["content"])
        e = _appended_quotation(ctx, r, s, e)
        if r["cue"].idx < s <= r["subj"].idx < e:
            r["subj"] = _earlier_speaker(r["cue"], s)
            if r["subj"] is None:
                continue
        if (s, e) in seen:
            continue
        inside = [k for k, q in enumerate(ctx.quoted) if s <= q["open"][0] and q["close"][1] <= e + 1
                  or (q["start"] <= s and e <= q["end"] + 1)]
        holder = next((k for k, q in enumerate(ctx.quoted) if q["open"][0] <= s and e <= q["close"][1] + 1), None)
        if holder is not None and ctx.quoted[holder]["open"][1] >= s - 1:
            hq = ctx.quoted[holder]
            lead = _words(text[max(r["cue"].idx, ctx.para_of(s)[0]):hq["open"][0]])
            if r["cue"].idx > hq["open"][0] or not lead or lead[-1] != "that" or hq["scare"] \
                    or hq["close"][0] == hq["close"][1]:
                continue  # the whole clause is a quotation: a direct quote
            # 'X told Y that "Q."': a quotation embedded as a that-clause is reported speech
            # holding the speaker's words, a mixed quote (marks kept)
            s, e = hq["open"][0], max(e, hq["close"][1])
            inside = [holder]
        if ctx.in_quote(s) is not None and ctx.in_quote(s) is ctx.in_quote(max(e - 1, s)):
            continue  # the clause lies inside a quotation (speech reported by the speaker)
        kinds = [k for k in inside if s <= ctx.quoted[k]["start"] and ctx.quoted[k]["end"] <= e]
        kinds = [k for k in kinds if not ctx.quoted[k]["scare"]]
        seen.add((s, e))
        cands.append({"start": s, "end": e, "type": "mixed" if kinds else "indirect",
                      "cue": r.get("cue_text") or _cue_text(r["cue"]), "subj": r["subj"], "cue_tok": r["cue"]})
        for k in inside:
            if s <= ctx.quoted[k]["start"] and ctx.quoted[k]["end"] <= e:
                consumed.setdefault(k, cands[-1])

    # direct quotes
    prev_attr: dict | None = None
    for k, q in enumerate(ctx.quoted):
        if k in consumed and not q["scare"]:
            # 'X "got a deal," Y said, and "..."': a quotation after the fragment's attribution
            # goes on with the same speaker
            holder, cue = consumed[k], consumed[k]["cue_tok"]
            if cue.idx > q["close"][0] and holder["end"] <= cue.idx:
                prev_attr = {"row": holder, "end": max(q["close"][1], _attr_end(ctx, cue))}
            continue
        if q["scare"]:
            continue
        content = text[q["start"]:q["end"]]
        prefer_after = text[q["open"][1]:q["close"][0]].rstrip().endswith((",", "?", "!")) or \
            q["close"][0] == q["close"][1]
        cue = _direct_cue(ctx, q, prefer_after)
        row = None
        signed = _dash_speaker(ctx, q) if cue is None else None
        if signed is not None:
            row = {"start": q["start"], "end": q["end"], "type": "direct", "cue": signed[0],
                   "subj": signed[1], "cue_tok": signed[1]}
            prev_attr = {"row": row, "end": _attr_end(ctx, signed[1])}
        elif cue is not None and not (ctx.in_quote(cue.idx)):
            inside = lambda t: q["open"][0] <= t.idx < q["close"][1]  # noqa: E731
            subj = _subject(cue)
            if subj is None or inside(subj) or ctx.in_quote(subj.idx) is not None:
                # the parser may take a word of the quotation as the subject; the speaker is the
                # other subject, or the noun phrase next to the verb
                inside = lambda t: q["open"][0] <= t.idx < q["close"][1] or ctx.in_quote(t.idx) is not None  # noqa: E731
                subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS and not inside(c)), None) \
                    or _inverted_subject(cue) or _adjacent_noun(cue, inside)
            if subj is not None and not inside(subj):
                row = {"start": q["start"], "end": q["end"], "type": "direct", "cue": _cue_text(cue),
                       "subj": subj, "cue_tok": cue}
                attr_end = max(q["close"][1], _attr_end(ctx, cue) if cue.idx > q["close"][0] else q["close"][1])
                prev_attr = {"row": row, "end": attr_end}
        if row is None and prev_attr is not None and len(_words(content)) >= MIN_UNATTRIBUTED_WORDS:
            gap = text[prev_attr["end"]:q["open"][0]]
            if not gap.strip():
                p = prev_attr["row"]
                row = {"start": q["start"], "end": q["end"], "type": "direct", "cue": p["cue"],
                       "subj": p["subj"], "cue_tok": p["cue_tok"], "inherit": p}
                prev_attr = {"row": row, "end": q["close"][1]}
        if row is None:
            continue
        cands.append(row)

    # speakers, in reading order (pronouns look back at earlier speakers)
    cands.sort(key=lambda r: (r["start"], r["end"]))
    resolver = _Resolver(ctx)
    out = []
    for r in cands:
        if "inherit" in r:
            p = r["inherit"]
            sp_text, sp_name, sp_ent = p["speaker_text"], p["speaker_name"], p["speaker_entity"]
        else:
            subj = r["subj"]
            i, j = _speaker_span(subj)
            sp_text = text[doc[i].idx:doc[j - 1].idx + len(doc[j - 1].text)]
            # several speakers ("X and Y said"): the phrase as written, no single entity
            sp_ent = resolver.resolve(subj, (i, j), r["start"]) if not _conjoined(subj) else None
            if sp_ent is not None:
                sp_name = entities[sp_ent]["name"]
            elif subj.lower_ in PRONOUNS or subj.lower_ in PERSONAL or subj.tag_ in ("WP", "WDT"):
                sp_name = None  # a pronoun whose referent was not found

            else:
                sp_name = sp_text
            resolver.note(r["start"], sp_ent)
        r.update(speaker_text=sp_text, speaker_name=sp_name, speaker_entity=sp_ent)
        out.append({"text": text[r["start"]:r["end"]], "type": r["type"], "speaker_name": sp_name,
                    "speaker_text": sp_text, "speaker_entity": sp_ent, "cue": r["cue"],
                    "start": r["start"], "end": r["end"],
                    "sentence_index": sentence_index(doc, r["start"], ctx.sent_starts)})
    return out
