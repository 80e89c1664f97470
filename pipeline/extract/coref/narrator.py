"""The first person outside quotations ("I", "me", "my"): the person who writes or speaks the text,
when the text names that person. Inside a quotation the first person is the quote's speaker
(``Coreference.adopt_speakers``); outside, it is the text's own voice:

- ``self_named``: "I'm X", "my name is X", "they called me X": the speaker names themself; this
  holds for the paragraph (a turn of a dialogue) and, in a text without turns, until another
  person names themself;
- ``signer``: a letter signed with a name ("Love, | Zora") is written by that person;
- ``interviewee``: in an interview ("X: an interview", "Wikinews interviews X") the answers are the
  interviewee's, when its title or lead names exactly one person, else the one the interview verb takes
  ("Wikinews interviews X, ... nominee", "Wikinews interviewed him": ``_interviewed``); none for "interviews three
  experts"; a headline or lead "X tells Wikinews ...", "X spoke with Wikinews" names its voice (``_tells_outlet``);
  the "I" of a "((WN))" paragraph is the interviewer's (``unnamed_labels``);
- ``byline``: "By X" at the head of a text names its author;
- the second person ("you") is a letter's addressee ("Dear X,") or, in an interview's questions,
  the interviewee (``addressee``, ``_asked``);
- ``vocative``: "you" in a sentence that calls a person by name ("Miyuki, you 're on camera"), inside
  quotations too;
- ``_introduces``: a host's greeting at the head of a text ("it's Jackie", "Kharma Medic here");
- ``title_turns``: a capitalised title label in a transcript ("THE VICE PRESIDENT:", "... Joe Biden. THE
  PRESIDENT:", "CLINTON:") gives the floor to the one person named with that title or name until the next label;
- ``introductions``: "I'm X." read from the words (a spaced or curly "'m" the parser splits), for its paragraph;
- ``calls`` and ``labels``: a paragraph that is only a name gives that person the next paragraph (a court
  calling on counsel); a transcript label ("((Naomi Martisius)) ...", "Mr. Sova: ...") its own paragraph;
- ``label_turns``: a "((Name))" answer runs on over the unlabelled paragraphs after it, up to the next label or a
  question; ``answerers``: "you" in a question right before a "((Name))" answer is that person.

A text whose voice is not named (a vlog of an unnamed speaker, a first-person novel) keeps its
first person unlinked.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from ..records import Mention
from ..spans import token_lemmas, token_starts, token_tags, token_texts
from .article import Article
from .lexicon import FIRST_PERSON, NARRATOR

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAME_KINDS = ("name", "partial", "title")
PRONOUN_TAGS = ("PRP", "PRP$")
OPENING_MARKS = ("\"", "\u201c", "\u2018", "'")
TITLE_LABEL = re.compile(r"(?:^|(?<=[.!?:] )|(?<=[A-Z] ))((?:THE )?[A-Z][A-Z.]*(?: [A-Z][A-Z.]+){0,3}):(?= |$)")
VOCATIVE_ENDS = (",", ".", "?", "!", ";", "\"", "\u201d", "\u2019", "'")


def first_person(tok: Token) -> bool:
    """A first-person singular pronoun ("I", "me", "my", "myself", "mine")."""
    return tok.lower_ in FIRST_PERSON and tok.tag_ in PRONOUN_TAGS


def second_person(tok: Token) -> bool:
    """A second-person pronoun ("you", "your", "yourself")."""
    return tok.lower_ in NARRATOR["second_person_pronouns"] and tok.tag_ in PRONOUN_TAGS


def lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each non-blank line of ``text``, stripped of surrounding blanks."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((pos + raw.index(stripped[0]), stripped))
        pos += len(raw) + 1
    return out


def transcript_label(line: str) -> bool:
    """A line headed by a transcript's speaker label in double parentheses ("((WN)) ...", "((Jane Doe)) ...")."""
    return line.startswith("((") and "))" in line


def closing(line: str) -> bool:
    """A letter's closing line: a few words and a comma ("Love and faithful feelings,", "Yours,")."""
    return line.endswith(",") and len(line.split()) <= NARRATOR["closing_words"]


def after_letter(line: str) -> bool:
    """What may follow a signature: a short line (a title, an address) or a postscript."""
    first = line.split()[0].lower()
    return len(line.split()) <= NARRATOR["closing_words"] or first in NARRATOR["postscript_marks"]


def reported(tok: Token) -> bool:
    """Words someone is reported to say: a quote mark opens before ``tok`` in its sentence
    ('... and say, 'Hey Frank, my name is John,' I say')."""
    return any(t.tag_ == "``" or t.text in OPENING_MARKS for t in tok.doc[tok.sent.start:tok.i])


def copula(tok: Token) -> bool:
    """A form of "be", also a curly "’s" that the lemmatizer does not know."""
    return tok.lemma_ == "be" or (tok.tag_ == "VBZ" and tok.lower_.replace("\u2019", "'") == "'s")


def discourse_marker(tok: Token) -> bool:
    """"you know", "you see": a filler, not an address."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "you" and nxt is not None and nxt.lower_ in ("know", "see") and \
        (tok.i + 2 >= len(tok.doc) or tok.doc[tok.i + 2].is_punct)


def with_title(span: Span) -> Span:
    """``span`` with the capitalised words that lead into the name ("Mr." Wasserstrom, "Vice President"
    Harris): the name mention may hold the name alone."""
    doc, start = span.doc, span.start
    while start > span.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title \
            and start <= doc[start - 1].head.i < span.end:
        start -= 1
    return doc[start:span.end]


def vocative(span: Span) -> bool:
    """A name set off as a form of address: between the sentence's start, a comma or a greeting and a
    comma or the sentence's end, and not the sentence's subject, a list member or an apposition."""
    doc, sent = span.doc, span.sent
    span = with_title(span)
    left = doc[span.start - 1] if span.start > sent.start else None
    right = doc[span.end] if span.end < sent.end else None
    if left is not None and (left.text in OPENING_MARKS or left.tag_ == "``"):
        left = None  # the start of a quoted sentence
    if left is not None and left.text != "," and left.lower_ not in NARRATOR["greetings"]:
        return False
    if right is not None and right.text not in VOCATIVE_ENDS and right.text not in OPENING_MARKS:
        return False
    if left is None and right is not None and right.text != ",":
        return False  # a sentence that is only a name: a call, kept for turns
    head = span.root
    if head.dep_ in ("conj", "nsubj", "nsubjpass", "pobj", "poss") or any(c.dep_ == "conj" for c in head.children):
        return head.dep_ == "nsubj" and left is not None and left.lower_ in NARRATOR["greetings"]
    return head.dep_ != "appos" or head.head.lower_ in NARRATOR["second_person_pronouns"]


class Narrator:
    """Links the first-person pronouns outside quotations of one article to the person the text
    names as its voice (``link``); returns the new mentions."""

    def __init__(self, article: Article):
        self.article = article

    def link(self) -> list[tuple[int, Mention]]:
        art = self.article
        doc, tags = art.doc, token_tags(art.doc)
        toks = [t for t in (doc[i] for i, tag in enumerate(tags) if tag in PRONOUN_TAGS and i not in art.mentions_at)
                if first_person(t) or second_person(t)]
        if not toks:
            return []
        out = self._addressed(toks)
        taken = {m["start"] for _, m in out}
        toks = [t for t in toks if t.idx not in taken and not art.in_quote(t.idx)]
        named, turns, labels = self.self_named(), self.has_turns(), dict(self.labels)
        for para, idx in self.title_turns.items():
            labels.setdefault(para, idx)
        for para, idx in self.introductions().items():
            if para not in named:
                labels.setdefault(para, idx)
        answerers = self.answerers(labels)
        for para, idx in self.label_turns(labels).items():
            labels.setdefault(para, idx)
        interviewee = self.interviewee()
        author = self.signer()
        for rule in (lambda: interviewee, self.byline):
            author = rule() if author is None else author
        addressee = self.addressee()
        unnamed = self.unnamed_labels(labels)
        for t in toks:
            para = art.paragraph_of(t.idx)
            if first_person(t):
                idx = labels[para] if para in labels else None if para in unnamed \
                    else self._voice(para, named, turns or bool(labels), author)
            else:
                idx = addressee if addressee is not None else self._asked(para, interviewee)
                idx = answerers.get(para) if idx is None else idx
                idx = None if idx is not None and labels.get(para) == idx else idx
            if idx is not None:
                out.append((idx, art.mention(idx, t.idx, t.idx + len(t.text), "pronoun")))
        return out

    def _addressed(self, toks: list[Token]) -> list[tuple[int, Mention]]:
        """"you" in a sentence that calls a person by name (inside quotations too) is that person."""
        called, out = self.vocatives(), []
        for t in toks:
            idx = self._called(t, called) if second_person(t) else None
            if idx is not None:
                out.append((idx, self.article.mention(idx, t.idx, t.idx + len(t.text), "pronoun")))
        return out

    def _asked(self, para: int, interviewee: int | None) -> int | None:
        """"you" in an interview's question (a paragraph that ends with "?") is the interviewee."""
        if interviewee is None:
            return None
        starts = self.article.para_starts
        end = starts[para + 1] if para + 1 < len(starts) else len(self.article.text)
        return interviewee if self.article.text[starts[para]:end].rstrip().endswith("?") else None

    @staticmethod
    def _voice(para: int, named: dict[int, int], turns: bool, author: int | None) -> int | None:
        """Who says "I" in paragraph ``para``: a person who named themself in it; in a text without
        turns, the person who named themself last before it; else the author."""
        if para in named:
            return named[para]
        if not turns:
            before = [p for p in named if p < para]
            if before:
                return named[max(before)]
        return author

    # ------------------------------------------------------------ helpers
    def person_at(self, tok: Token) -> int | None:
        """The person whose name (a name mention, not a pronoun) covers ``tok``."""
        art = self.article
        for r in art.mentions_at.get(tok.i, ()):
            if r.kind in NAME_KINDS and art.entities[r.entity]["type"] == "PERSON":
                return art.canonical(r.entity)
        return None

    def person_covering(self, start: int, end: int) -> int | None:
        """The person whose name mention covers every word of ``start:end``."""
        art = self.article
        text = art.text[start:end]
        start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
        first, last = art.token_at(start), art.token_at(max(end - 1, start))
        if first is None or last is None:
            return None
        toks = [t for t in art.doc[first.i:last.i + 1] if t.is_alpha]
        people = {self.person_at(t) for t in toks}
        return people.pop() if toks and len(people) == 1 and None not in people else None

    def has_turns(self) -> bool:
        """A dialogue: many paragraphs are short replies ("Okay.", "Right here.")."""
        art = self.article
        paras = [p for p in lines(art.text)]
        short = sum(1 for _, p in paras if len(p.split()) <= NARRATOR["turn_words"])
        return len(paras) >= NARRATOR["turn_min_paragraphs"] and short >= NARRATOR["turn_share"] * len(paras)

    # ------------------------------------------------------------ rules
    def self_named(self) -> dict[int, int]:
        """paragraph -> the person who names themself in it ("I'm X", "my name is X", "call me X")."""
        art, out = self.article, {}
        starts = art.sent_starts
        head_end = starts[NARRATOR["intro_sentences"]] if len(starts) > NARRATOR["intro_sentences"] else len(art.text)
        lemmas, token_at = token_lemmas(art.doc), token_starts(art.doc)
        for i, lemma in enumerate(lemmas):
            names = lemma == "be" or lemma in NARRATOR["naming_verbs"]  # else ``_names_self`` finds nothing
            if not names and token_at[i] >= head_end:
                continue
            tok = art.doc[i]
            idx = self._names_self(tok) if names else None
            if idx is None and tok.idx < head_end:
                idx = self._introduces(tok)
            if idx is not None and not art.in_quote(tok.idx) and not reported(tok):
                out.setdefault(art.paragraph_of(tok.idx), idx)
        for para, idx in self.calls().items():
            out.setdefault(para, idx)
        return out

    def calls(self) -> dict[int, int]:
        """paragraph -> the person called on just before it: a paragraph that is only a person's name of
        two words or more ("Dr. Guruswamy.", "Miss Rosenthal?"; "Howdy!" is an interjection) gives that
        person the next paragraph, as a court or a host gives the floor."""
        art, out = self.article, {}
        paras = lines(art.text)
        for (at, line), (nxt, _) in zip(paras, paras[1:], strict=False):
            if line[-1] in ".?!" and ":" not in line and 2 <= len(line.split()) <= NARRATOR["label_words"]:
                idx = self.person_covering(at, at + len(line) - 1)
                if idx is not None:
                    out.setdefault(art.paragraph_of(nxt), idx)
        return out

    @cached_property
    def labels(self) -> dict[int, int]:
        """paragraph -> the person named by the label that heads it, in a transcript ("Mr. Sova: I ...",
        "((Naomi Martisius)) I ..."); it holds for that paragraph only. A label of one word ("Ed.:") is
        too often an abbreviation, one followed by a few words ("X Image: X.") a caption."""
        art, out = self.article, {}
        for at, line in lines(art.text):
            if transcript_label(line):
                label, rest = line[2:line.index("))")], line[line.index("))") + 2:]
                at += 2
            elif ":" in line[:NARRATOR["label_chars"]]:
                label, rest = line.split(":", 1)
            else:
                continue
            if 2 <= len(label.split()) <= NARRATOR["label_words"] and len(rest.split()) > NARRATOR["label_words"]:
                idx = self.person_covering(at, at + len(label))
                if idx is not None:
                    out[art.paragraph_of(at)] = idx
        return out

    def unnamed_labels(self, labels: dict[int, int]) -> set[int]:
        """The paragraphs headed by a "((...))" label that names no person ("((WN)) I am doing well."): the
        interviewer's "I", not the interviewee's or the author's."""
        art = self.article
        return {p for at, line in lines(art.text) if transcript_label(line)
                for p in [art.paragraph_of(at)] if p not in labels}

    def label_turns(self, labels: dict[int, int]) -> dict[int, int]:
        """paragraph -> the person whose "((Name))" label heads the turn the paragraph continues: in a
        transcript an answer runs on over paragraphs without a label, up to the next label (a person's or
        the interviewer's "((WN))") or a question of its own (a paragraph that ends with "?")."""
        art, out, idx = self.article, {}, None
        for at, line in lines(art.text):
            if transcript_label(line):
                idx = labels.get(art.paragraph_of(at))
            elif line.endswith("?"):
                idx = None
            elif idx is not None:
                out[art.paragraph_of(at)] = idx
        return out

    def answerers(self, labels: dict[int, int]) -> dict[int, int]:
        """paragraph -> who answers it: "you" in a transcript's question (a paragraph that ends with "?", or any turn
        of the interviewer's unnamed label) is the person whose "((Name))" label heads the next paragraph ("((WN))
        Could you explain ...?")."""
        art, out = self.article, {}
        paras = lines(art.text)
        for (at, line), (nxt, following) in zip(paras, paras[1:], strict=False):
            idx = labels.get(art.paragraph_of(nxt)) if transcript_label(following) else None
            if idx is not None and (line.endswith("?") or self._interviewer_turn(at, line)):
                out[art.paragraph_of(at)] = idx
        return out

    def _interviewer_turn(self, at: int, line: str) -> bool:
        """A turn headed by a "((...))" label that names no person ("((WN)) Tell me about your most memorable
        tournament.", "((WN)) You mentioned you were a TV anchor as a kid."): the interviewer's, whether or not it ends
        with a question mark; its "you" is the person who answers it."""
        if not transcript_label(line):
            return False
        return self.person_covering(at + 2, at + line.index("))")) is None

    @cached_property
    def title_turns(self) -> dict[int, int]:
        """paragraph -> the speaker a capitalised title label gives the floor to, in a transcript
        ("THE VICE PRESIDENT:", "... Joe Biden. THE PRESIDENT:"): the label's paragraph after it and the
        paragraphs up to the next label, when exactly one person is named with that title
        ("Vice President Harris"; "President" does not name her)."""
        art, out, idx, titled = self.article, {}, None, {}
        for at, line in lines(art.text):
            found = TITLE_LABEL.search(line)
            if found is not None and found.group(1) not in titled:   # a label recurs: look its holder up once
                titled[found.group(1)] = self._titled(found.group(1).split())
            if found is not None and not line[found.end():].strip():  # the words before it: the last holder's
                held, idx = idx, titled[found.group(1)]
            elif found is not None:
                held = idx = titled[found.group(1)]
            else:
                held = idx
            if held is not None:
                out[art.paragraph_of(at)] = held
        return out

    def _titled(self, label: list[str]) -> int | None:
        """The one person whose name mention follows the label's title words ("THE VICE PRESIDENT" ->
        "Vice President Harris"), or who is the label ("SENATOR KELLY" -> "Senator Kelly", "Kelly")."""
        words = [w.lower() for w in label]
        if "the" in words:  # "6:13 P.M. EDT THE PRESIDENT:"
            words = words[len(words) - words[::-1].index("the"):]
        doc, titled, named = self.article.doc, set(), set()
        for r in self.article.mentions:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is None or r.kind not in ("name", "partial") or self.article.entities[r.entity]["type"] != "PERSON":
                continue
            k = len(words)
            before = [t.lower_ for t in doc[max(span.start - k, 0):span.start]]
            outer = doc[span.start - k - 1] if span.start - k - 1 >= 0 else None
            own = [t.lower_ for t in span[-len(words):]] if len(words) <= len(span) else []
            if before == words and (outer is None or not outer.is_title):
                titled.add(self.article.canonical(r.entity))
            elif own == words:
                named.add(self.article.canonical(r.entity))
        found = titled or named
        return found.pop() if len(found) == 1 else None

    def _introduces(self, tok: Token) -> int | None:
        """A host's greeting at the head of a text: "it's X (here)", "X here and welcome back"."""
        if copula(tok) and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in tok.children):
            line = self.article.paragraph_of(tok.idx)
            return next((i for c in tok.children if c.dep_ == "attr" and c.i > tok.i
                         and self.article.paragraph_of(c.idx) == line
                         and not any(d.dep_ in ("det", "conj") for d in c.children)
                         for i in [self.person_at(c)] if i is not None), None)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "here" and tok.dep_ == "ROOT" and tok.tag_ == "NNP":
            return self.person_at(tok)
        return None

    def _names_self(self, tok: Token) -> int | None:
        """The person ``tok`` names as the first person: the predicate of "I am" / "my name is", or
        the complement of "call me"."""
        if tok.lemma_ == "be":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or not (subj.lower_ == "i" or self._my_name(subj)):
                return None
            preds = [c for c in tok.children if c.dep_ == "attr"]
            preds += [a for p in preds for a in p.children if a.dep_ == "appos"]
            # "I've always been an Andy Bogard": a name with a determiner is a likeness, not a name
            preds = [p for p in preds if not any(c.dep_ == "det" for c in p.children)]
            return next((i for p in preds for i in [self.person_at(p)] if i is not None), None)
        if tok.lemma_ in NARRATOR["naming_verbs"] and any(c.dep_ == "dobj" and c.lower_ == "me" for c in tok.children):
            return next((i for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")
                         for i in [self.person_at(c)] if i is not None), None)
        return None

    def introductions(self) -> dict[int, int]:
        """paragraph -> the person who introduces themself in it ("I'm X", ``_i_am``), outside quotations and
        reported words; it holds for that paragraph only (a co-host may speak the next one)."""
        art, out = self.article, {}
        for tok in (art.doc[i] for i, text in enumerate(token_texts(art.doc)) if text == "I"):
            idx = self._i_am(tok)
            if idx is not None and not art.in_quote(tok.idx) and not reported(tok):
                out.setdefault(art.paragraph_of(tok.idx), idx)
        return out

    def _i_am(self, tok: Token) -> int | None:
        """"I'm X." / "I am X, news editor at ..." / "and I'm X and ...", read from the words: the parser
        often splits a spaced or curly "'m" ("I 'm Miyuki", "I’m Lauren") and hangs the name anywhere. The
        name must close its clause (a punctuation mark, "and", "here" or the end follows)."""
        doc = tok.doc
        if tok.text != "I" or tok.i + 2 >= len(doc):
            return None
        nxt = doc[tok.i + 1]
        if nxt.lower_ in NARRATOR["first_person_am"]:
            at = tok.i + 2
        elif nxt.text in ("'", "\u2019") and doc[tok.i + 2].lower_ == "m":
            at = tok.i + 3
        else:
            return None
        idx = self.person_at(doc[at]) if at < len(doc) and doc[at].is_title else None
        if idx is None:
            return None
        end = at
        while end < len(doc) and self.person_at(doc[end]) == idx:
            end += 1
        after = doc[end] if end < len(doc) else None
        closes = after is None or after.lower_ in NARRATOR["after_self_name"] or \
            (after.is_punct and after.text not in ("'", "\u2019", "-"))
        return idx if closes else None

    @staticmethod
    def _my_name(tok: Token) -> bool:
        return tok.lemma_ == "name" and any(c.lower_ == "my" for c in tok.children)

    def vocatives(self) -> dict[int, int]:
        """sentence start offset -> the person the sentence calls by name ("Miyuki, you 're on camera",
        "thank you, Vice President Harris", "Hey Steve, why don't you ..."): its "you" is that person."""
        art, out = self.article, {}
        for r in art.mentions:
            if r.kind not in NAME_KINDS or art.entities[r.entity]["type"] != "PERSON":
                continue
            span = art.doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None and vocative(span):
                out.setdefault(span.sent.start_char, art.canonical(r.entity))
        return out

    @staticmethod
    def _called(tok: Token, called: dict[int, int]) -> int | None:
        """The person called by name in ``tok``'s sentence ("you know" is no address)."""
        return None if discourse_marker(tok) else called.get(tok.sent.start_char)

    def signer(self) -> int | None:
        """A letter's writer: a line of the letter's last lines that is only a person's name, right
        after a short closing line ("Love and faithful feelings,")."""
        tail = lines(self.article.text)[-NARRATOR["signature_lines"]:]
        for k, (at, line) in enumerate(tail):
            idx = self.person_covering(at, at + len(line)) if k > 0 and closing(tail[k - 1][1]) else None
            if idx is not None and all(after_letter(line) for _, line in tail[k + 1:]):
                return idx
        return None

    def interviewee(self) -> int | None:
        """The one person named in a sentence of the first paragraphs that speaks of an interview (``_interviewed``
        when it names several); none when the interview verb takes a plural noun ("interviews three experts")."""
        art = self.article
        lead_end = art.para_starts[min(NARRATOR["lead_paragraphs"], len(art.para_starts) - 1)]
        for sent in art.doc.sents:
            if sent.start_char >= lead_end and len(art.para_starts) > NARRATOR["lead_paragraphs"]:
                break
            if any(t.lemma_.lower() in NARRATOR["interview_words"] for t in sent):
                if any(t.lemma_.lower() in NARRATOR["interview_words"] and t.pos_ == "VERB" and c.dep_ == "dobj"
                       and c.tag_ == "NNS" for t in sent for c in t.children):
                    return None  # "Wikinews interviews meteorological experts": several voices
                people = self._people_in(sent, NARRATOR["topic_prepositions"])
                if len(people) == 1:
                    return people.pop()
                idx = self._interviewed(sent)
                if idx is not None:
                    return idx
        return self._tells_outlet()

    def _interviewed(self, sent: Span) -> int | None:
        """When an interview sentence names several people (or none), the one the interview word takes: the person
        named right after the verb or the noun's "with" ("Wikinews interviews Robert Roe, ... nominee", "Interview
        with the founder Ann Lee"; "interviews X about Y" is X; not "interviewed by reporter X", not "past
        interviewee X", not two people "interviews X and Y"), or the pronoun the verb takes as its object when that
        is linked to a person ("Wikinews interviewed him")."""
        art = self.article
        stops = ("by", *NARRATOR["topic_prepositions"])
        for t in (t for t in sent if t.lemma_.lower() == "interview"):  # not "past interviewee X", a label
            if t.pos_ != "VERB" and not (t.i + 1 < sent.end and t.nbor().lower_ == "with"):
                continue
            obj = next((c for c in t.children if c.dep_ == "dobj" and c.tag_ == "PRP"), None)
            if obj is not None:
                linked = {art.canonical(i) for i, e in enumerate(art.entities) if e["type"] == "PERSON"
                          for m in e["mentions"] if m["start"] == obj.idx and m.get("kind") == "pronoun"}
                return linked.pop() if len(linked) == 1 else None
            found: set[int] = set()
            for nxt in sent[t.i + 1 - sent.start:]:
                if nxt.is_punct or nxt.lower_ in stops or nxt.pos_ in ("VERB", "AUX") \
                        or art.paragraph_of(nxt.idx) != art.paragraph_of(t.idx):
                    break
                idx = self.person_at(nxt)
                if idx is not None:
                    found.add(idx)
            if found:  # not "interviews Ann Lee and Bo Roe": two voices
                return found.pop() if len(found) == 1 else None
        return None

    def _tells_outlet(self) -> int | None:
        """The first sentence "X tells Wikinews about ...", "X spoke with Wikinews to discuss ...": a person
        subject of a verb of telling (``interview_verbs``) whose hearer is named (a proper noun) speaks
        the text's first person."""
        art = self.article
        head = next(iter(art.doc.sents), None)
        if head is None:
            return None
        for verb in (t for t in head if t.lemma_.lower() in NARRATOR["interview_verbs"] and t.pos_ == "VERB"
                     and art.paragraph_of(t.idx) == 0):
            hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            hearers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                        for g in c.children if g.dep_ == "pobj"]
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and any(h.pos_ == "PROPN" for h in hearers):
                return self.person_at(subj)
        return None

    def _people_in(self, sent: Span, topics: list[str]) -> set[int]:
        """The people named in ``sent``, but not in what it is about ("interviewed X about Y")."""
        return {i for t in sent for i in [self.person_at(t)]
                if i is not None and not any(a.dep_ == "prep" and a.lower_ in topics for a in t.ancestors)}

    def addressee(self) -> int | None:
        """A letter's addressee: "Dear X" on a line of the letter's head."""
        for at, line in lines(self.article.text)[:NARRATOR["salutation_lines"]]:
            first = line.split()[0]
            if first.lower() in NARRATOR["salutations"] and len(line.split()) > 1:
                idx = self.person_covering(at + len(first), at + len(line))
                if idx is not None:
                    return idx
        return None

    def is_story(self) -> bool:
        """A story told in dialogue: several paragraphs open with a quotation mark. Its "I" is a
        character, not the author of the byline."""
        opening = sum(1 for _, line in lines(self.article.text) if line[0] in OPENING_MARKS)
        return opening >= NARRATOR["story_dialogue_paragraphs"]

    def byline(self) -> int | None:
        """"By X" on a line of its own at the head of a text that is not a story."""
        if self.is_story():
            return None
        for at, line in lines(self.article.text)[:NARRATOR["byline_lines"]]:
            first = line.split()[0]
            if first.lower() == "by" and len(line.split()) > 1:
                idx = self.person_covering(at + len(first), at + len(line))
                if idx is not None:
                    return idx
        return None
