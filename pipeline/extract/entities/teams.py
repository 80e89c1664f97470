"""Countries named as their national sports teams in match reports.

Only in a match report, i.e. when some country mention is next to a score line ("Sweden 1 – 0
South Korea"); there, a country mention next to a score or the subject or object of a match verb
("defeated", "lost ... to", "faced") is the team, an organisation, not the country. In such a
report "the Belgians" is the Belgian team, and "Korea" the team named in full "South Korea".
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .grouping import Context, Groups, merge
from .lexicon import ADJ_COUNTRY, DASHES, MATCH_PREPS, MATCH_VERBS, PLACE_TYPES, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .records import Candidate

_SCORE = re.compile(r"^\d{1,2}$")
_SCORE_JOINED = re.compile(r"^\d{1,2}[-\u2013\u2014]\d{1,2}$")


def is_score(doc: Doc, i: int) -> int:
    """Number of tokens of a match score ("1 – 0", "2-1") starting at token i, else 0."""
    if i < len(doc) and _SCORE_JOINED.match(doc[i].text):
        return 1
    if i + 2 < len(doc) and _SCORE.match(doc[i].text) and doc[i + 1].text in DASHES and _SCORE.match(doc[i + 2].text):
        return 3
    return 0


def _next_to_score(doc: Doc, c: Candidate) -> bool:
    """A mention right before or after a score line."""
    return bool(is_score(doc, c.end)) or (c.start >= 3 and any(is_score(doc, c.start - k) == k for k in (1, 3)))


def _match_verb_argument(doc: Doc, c: Candidate) -> bool:
    """The subject or object of a match verb: "Belgium defeated Panama", "lost to Panama"."""
    tok = doc[c.start:c.end].root
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in MATCH_PREPS:
        head = head.head
    elif tok.dep_ not in ("nsubj", "dobj", "nsubjpass", "conj"):
        return False
    while head.dep_ == "conj" and head.pos_ != "VERB":
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in MATCH_VERBS


def team_groups(doc: Doc, groups: Groups) -> list[str]:
    """Keys of the country groups used as national sports teams."""
    countries = [k for k, g in groups.items() if g.country and g.label in PLACE_TYPES]
    if not any(_next_to_score(doc, c) for k in countries for c in groups[k].cands):
        return []
    return [k for k in countries
            if any(_next_to_score(doc, c) or _match_verb_argument(doc, c) for c in groups[k].cands)]


def relabel_teams(ctx: Context, groups: Groups) -> None:
    """A country named as its national team in a match report ("Sweden 1 – 0 South Korea",
    "Belgium defeated Panama") is that team, an organisation, not the country."""
    ctx.teams = team_groups(ctx.doc, groups)
    for k in ctx.teams:
        groups[k].label = "ORG"


def merge_team_demonyms(ctx: Context, groups: Groups) -> None:
    """In a match report, "the Belgians" is the Belgian team."""
    teams = ctx.teams
    for k in [k for k, g in groups.items() if g.label == "NORP" and teams]:
        country = ADJ_COUNTRY.get(k[:-1] if k.endswith("s") else k)
        owner = [t for t in teams if groups[t].country == country]
        if country and len(owner) == 1:
            merge(groups, k, owner[0], "partial")


def merge_team_short_names(ctx: Context, groups: Groups) -> None:
    """In a match report, "Korea" is the team named in full "South Korea"."""
    teams = ctx.teams
    for k in [k for k, g in groups.items() if teams and g.label in PLACE_TYPES and " " not in k and not g.country]:
        owner = [t for t in teams if fold(groups[t].country).split()[-1] == k]
        if len(owner) == 1:
            merge(groups, k, owner[0], "partial")
