"""A person's gender as the article gives it: honorifics and gendered titles by the name, the
pronoun that takes the name up, and the given name (``gender-guesser``'s list of given names)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..given_names import english_name_gender
from ..records import Mention
from ..spans import words
from .article import Article
from .lexicon import GENDER_PRONOUNS, GENDER_WORDS, SUBJ_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


class Genders:
    """'m', 'f' or None (unknown or contradictory) for each entity of an article, computed once. Calling the object
    counts every given name gender-guesser knows (``english_name_gender``: none for a name whose US or British use is of
    the other gender, "Nate", "Jean"); ``strict`` (the pronoun linker's view) leaves out the "mostly male / mostly
    female" ones ("Matty", "Sudesh", "Darcy": in news they are as often the other gender)."""

    def __init__(self, article: Article):
        self.article = article
        self._cache: dict[int, tuple[str | None, str | None]] = {}

    def __call__(self, idx: int) -> str | None:
        return self._both(idx)[0]

    def strict(self, idx: int) -> str | None:
        """The gender without the votes of given names gender-guesser only knows as "mostly" one gender."""
        return self._both(idx)[1]

    def decided(self, idx: int) -> str | None:
        """The gender a speaker pronoun must agree with: every given name counts, but a "mostly male / mostly female"
        given name does not cancel what the article's own words say ("Bernie" is mostly female in gender-guesser's list;
        "Bernie Sanders ... he said" is a man): when that vote ties the article's evidence, the evidence decides."""
        loose, strict = self._both(idx)
        return loose if loose is not None else strict

    def _both(self, idx: int) -> tuple[str | None, str | None]:
        if idx not in self._cache:
            votes = {"m": 0, "f": 0}
            entity = self.article.entities[idx]
            for m in entity["mentions"]:
                self._mention_votes(m, votes)
            loose, strict = dict(votes), dict(votes)
            for m in entity["mentions"]:
                self._possessive_votes(m, loose)
            self._given_name_votes(entity["name"], entity["type"], loose)
            self._given_name_votes(entity["name"], entity["type"], strict, clear_only=True)
            self._cache[idx] = (_verdict(loose), _verdict(strict))
        return self._cache[idx]

    @staticmethod
    def _given_name_votes(name: str, type_: str, votes: dict[str, int], clear_only: bool = False) -> None:
        parts = words(name)
        if type_ != "PERSON" or not parts:
            return
        vote = english_name_gender(name.split()[0].strip(".,"))
        if vote is not None and (len(parts) >= 2 or vote[1] == 2) and not (clear_only and vote[1] < 2):
            votes[vote[0]] += vote[1] if len(parts) >= 2 else 1  # one word: a given name only when it is clearly one

    def _mention_votes(self, m: Mention, votes: dict[str, int]) -> None:
        art = self.article
        if m.get("kind") == "pronoun":
            g = GENDER_PRONOUNS.get(m["text"].lower())
            if g:
                votes[g] += 1
            return
        if m.get("kind") == "nominal":
            return
        doc = art.doc
        t0 = art.token_at(m["start"])
        t1 = art.token_at(max(m["end"] - 1, m["start"]))
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

    def _possessive_votes(self, m: Mention, votes: dict[str, int]) -> None:
        """A his/her owning the direct object of the verb a name is the subject of ("Richardson had his own opinion"):
        a vote the speakers' view counts (``decided``), not the linker's ("Sanders had ignored her call" is another
        woman's call)."""
        if m.get("kind") not in ("name", "partial", "title"):
            return
        subj = self.article.token_at(max(m["end"] - 1, m["start"]))
        if subj.dep_ not in SUBJ_DEPS:
            return
        for t in subj.doc[subj.i + 1:subj.sent.end]:
            g = GENDER_PRONOUNS.get(t.lower_) if _owns_object(t, subj) else None
            if g:
                votes[g] += 1
                break


def _owns_object(tok: Token, subj: Token) -> bool:
    """A possessive that owns the direct object of the verb the name is the subject of ("Richardson had his own
    opinion", "X ended his campaign"): it takes the name up."""
    return tok.tag_ == "PRP$" and tok.dep_ == "poss" and tok.head.dep_ == "dobj" and tok.head.head.i == subj.head.i


def _verdict(votes: dict[str, int]) -> str | None:
    return None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
