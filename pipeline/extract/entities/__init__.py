"""Entities and their mentions, from a parsed Doc.

Public surface:
- ``extract_entities(doc) -> list[Entity]``: one record per real-world referent (see
  ``pipeline.extract.records``).
- ``entity_key(type, name) -> str``: corpus-level key, equal for the same entity across articles.
- ``find_entity(entities, start, end) -> int | None``: index of the entity with a mention at that span.

How it works (general rules of English news writing, no article-specific names):
1. ``candidates``: spaCy's named-entity spans of the entity types, cleaned by the rule families
   of ``rules`` (trim, reject, extend, retype) into ``Candidate`` records.
2. ``grouping``: candidates with the same normalised name (``lexicon.fold``) form a group whose
   type is the majority label; the grouping passes merge groups naming the same referent
   (acronyms, regions, surnames, shorter names) and correct their types.
3. ``mentions``: unlabelled occurrences of known names and surnames, people's roles (``roles``),
   title references ("the chairman") to the one person whose role has that title.
4. ``teams``: countries named as national teams in match reports are organisations.
5. ``output``: the entity records, with canonical name, aliases and mentions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import consistency, grouping, mentions, teams
from .candidates import find_candidates
from .grouping import Context
from .lexicon import PLACE_TYPES, TYPES
from .output import build_entities, entity_key, find_entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..records import Entity

__all__ = ["PASSES", "PLACE_TYPES", "TYPES", "entity_key", "extract_entities", "find_entity"]

# the grouping passes, in order; each is ``(ctx, groups) -> None``
PASSES = (
    grouping.group_by_key,
    grouping.vote_labels,
    grouping.merge_acronyms,
    grouping.merge_transcript_labels,
    grouping.merge_country_short_forms,
    grouping.merge_parenthesised_names,
    grouping.merge_region_cores,
    grouping.merge_storm_names,
    grouping.label_people_by_surname,
    grouping.label_people_by_role,
    grouping.merge_name_tails,
    grouping.split_surname_by_honorific,
    grouping.merge_partial_names,
    grouping.merge_forename_forms,
    grouping.merge_clipped_given_names,
    consistency.label_known_places,
    consistency.label_states_and_towns,
    consistency.label_unknown_towns,
    consistency.label_towns_before_region,
    consistency.label_places_after_place_nouns,
    consistency.label_camel_case_names,
    consistency.label_speakers,
    consistency.label_outlets,
    consistency.label_list_items,
    consistency.label_people_by_pronoun,
    consistency.label_given_names,
    grouping.merge_inner_names,
    grouping.merge_org_short_forms,
    grouping.relabel_platforms,
    mentions.index_people,
    mentions.find_name_occurrences,
    mentions.find_longer_names,
    mentions.assign_roles,
    mentions.find_title_references,
    teams.relabel_teams,
    teams.merge_team_demonyms,
    teams.merge_team_short_names,
    grouping.merge_abbreviated_places,
    grouping.merge_misspelt_surnames,
    grouping.merge_reordered_names,
    grouping.merge_alias_names,
    grouping.merge_middle_name_forms,
    consistency.add_nested_places,
    consistency.add_nested_people,
    consistency.add_leading_acronyms,
    grouping.drop_generic_nouns,
    consistency.drop_common_words,
    consistency.drop_title_tails,
    consistency.drop_interjections,
    consistency.drop_bare_honorifics,
    consistency.drop_one_word_headings,
    consistency.drop_counted_acronyms,
    consistency.drop_licence_codes,
    consistency.drop_disease_names,
    consistency.drop_determined_acronyms,
    consistency.drop_common_phrases,
    consistency.drop_common_word_people,
    consistency.drop_lowercase_acronyms,
    consistency.drop_spelt_out_acronyms,
    consistency.label_held_gatherings,
)


def extract_entities(doc: Doc) -> list[Entity]:
    """The entities of one parsed article.

    Returns one ``Entity`` per real-world referent, in the order of its first mention:
    ``{"name", "type", "role", "aliases", "mentions"}``, ``type`` one of ``TYPES``, ``role`` a
    person's title or job (None for others), ``aliases`` the sorted surface forms, ``mentions``
    in text order with ``kind`` "name", "partial" or "title". Every entity has at least one
    mention; ``doc.text[start:end] == text`` for each, with no whitespace at either end, and no
    two mentions share a span. Pure: the Doc's annotations are not changed (values read more than once,
    such as the sentence starts, are kept in ``doc.user_data``; see ``spans.per_doc``).
    """
    ctx = Context(doc, find_candidates(doc))
    groups: grouping.Groups = {}
    for run in PASSES:
        run(ctx, groups)
    return build_entities(doc, groups, ctx.roles)
