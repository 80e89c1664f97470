"""The attribution lexicon (``data/quotes.json``), loaded once: general facts of English news
writing (speech verbs, quote marks, attribution formulas), no article-specific knowledge."""
from __future__ import annotations

import json
from pathlib import Path

_LEX = json.loads((Path(__file__).parent.parent / "data" / "quotes.json").read_text(encoding="utf-8"))
SPEECH_VERBS = frozenset(_LEX["speech_verbs"])
FINDING_VERBS = frozenset(_LEX["finding_verbs"])              # "the court ruled A": a finding, reported
FINDING_NON_SOURCES = frozenset(_LEX["finding_non_sources"])  # "we found A" outside quotes: one's own reasoning
DIRECT_ONLY = frozenset(_LEX["direct_only_verbs"])
CONTENT_OBJECT = frozenset(_LEX["content_object_verbs"])      # "announced a plan": the object is what is said
MIN_OBJECT_WORDS = int(_LEX["min_object_words"])             # "announced the schedule" points back, says nothing
MIN_OWN_SUBJECT_OBJECT_WORDS = int(_LEX["min_own_subject_object_words"])  # "X denied the accusations"
OBJECT_TAIL_PREPS = frozenset(_LEX["object_tail_prepositions"])  # "announced his engagement to X"
SAME_OBJECTS = frozenset(_LEX["same_objects"])               # "say the same about X"
OTHER_SENSES = {k: frozenset(v) for k, v in _LEX["content_object_other_senses"].items() if not k.startswith("_")}
SOURCE_PREPS = dict(_LEX["source_prepositions"])
SOURCE_ADJUNCT_PREPS = frozenset(_LEX["source_adjunct_prepositions"])  # "according to X via Y": how X said it
MIN_UNATTRIBUTED_WORDS = int(_LEX["min_unattributed_words"])
MIN_NAMED_WORDS = int(_LEX["min_named_words"])              # 'what X called "Y"': a quote from this many words
CHARACTERIZING = frozenset(_LEX["characterizing_verbs"])
CHAR_PREPS = frozenset(_LEX["characterization_prepositions"])
CIRCUMSTANCE_PREPS = frozenset(_LEX["circumstance_prepositions"])  # "during a campaign stop": not the words
REASON_MARKS = frozenset(_LEX["reason_subordinators"])
TIME_MARKS = frozenset(_LEX["time_subordinators"])           # "said as the crowd booed": a time clause, not a report
OBJECT_FREE_PREPS = frozenset(_LEX["object_free_prepositions"])
DASHES = tuple(_LEX["attribution_dashes"])
RELATIVES = frozenset(_LEX["relative_pronouns"])
SCARE_MARKERS = tuple(_LEX["scare_markers"])
TITLE_SMALL_WORDS = frozenset(_LEX["title_small_words"])  # lowercase in a title ("Guardians of the Galaxy")
MAX_TITLE_WORDS = int(_LEX["max_title_words"])
MAX_TERM_WORDS = int(_LEX["max_term_words"])                # 'The "rebasing" of packages': a term
DISCOURSE_MARKER_WORDS = frozenset(_LEX["discourse_marker_words"])  # "That said,", "Having said that,"
INFINITIVE_VERBS = frozenset(_LEX["infinitive_verbs"])
THING_THREAT_VERBS = frozenset(_LEX["thing_threat_verbs"])  # "a case that threatened to": likely to, no pledge
THING_PRONOUNS = frozenset(_LEX["thing_pronouns"])
QUESTION_VERBS = frozenset(_LEX["question_verbs"])          # "asked X if A": the if-clause is the question
QUESTION_MARKS = frozenset(_LEX["question_marks"])
CONDITION_MARKS = frozenset(_LEX["condition_marks"])        # "if they say A, ...": a supposed saying
AS_IT_VERBS = frozenset(_LEX["as_it_verbs"])
COMMENT_REQUESTS = frozenset(_LEX["comment_requests"])
KNOWN_VERBS = SPEECH_VERBS | CHARACTERIZING | INFINITIVE_VERBS
PERSONAL = frozenset(_LEX["personal_pronouns"])
PERSONAL_SUBJECTS = frozenset(_LEX["person_subject_pronouns"])  # "he/she ...: "A."": a person speaks
SECOND_PERSON_SUBJECTS = frozenset(_LEX["second_person_subjects"])  # "you" as a speaker outside quotations
INFERENCE_SUBJECTS = frozenset(_LEX["inference_subjects"])  # "it tells us that A" in an interview answer
ANSWER_LABEL_WORDS = tuple(_LEX["answer_label_words"])    # "((Jane Doe)) ...": a named answerer's label
SUBJ_DEPS = tuple(_LEX["subject_deps"])
CLAUSE_SUBJ_DEPS = SUBJ_DEPS + ("expl", "csubj", "csubjpass")  # a clause with a subject of its own
MESSAGE_NOUNS = frozenset(_LEX["message_nouns"])   # "posted a message reading ...": the poster speaks
SUBJECT_CONTROL = frozenset(_LEX["subject_control_verbs"])   # "promised X to ...": the subject does it
DEFINITE_DETERMINERS = frozenset(_LEX["definite_determiners"])
PRONOUN_NUMBER = dict(_LEX["pronoun_number"])                # the noun tag a speaker pronoun takes up
ADDRESSEE_VERBS = frozenset(_LEX["addressee_verbs"])         # verbs of saying with an addressee object
NAMING_VERBS = frozenset(_LEX["naming_verbs"])               # passive "X was called Y": X is the one named
ADJUNCT_DEPS = frozenset(_LEX["cue_adjunct_deps"])            # "said on Friday": between a cue and its quote
MAX_ADJUNCT_WORDS = int(_LEX["max_cue_adjunct_words"])
MAX_ATTRIBUTION_WORDS = int(_LEX["max_attribution_sentence_words"])  # '"A." X said on Friday.': the whole sentence
MAX_LABEL_WORDS = int(_LEX["max_label_words"])               # 'Clinton: "A."': the name before the colon
SPEAKER_STOP_DEPS = frozenset(_LEX["speaker_stop_deps"])     # what ends a speaker phrase
TIME_PHRASE_DEPS = frozenset(_LEX["speaker_time_phrase_deps"])  # "officials on Saturday said": no part of the speaker
TIME_ENTITY_TYPES = frozenset(_LEX["time_entity_types"])     # the entity types of a date or time ("late today")
TIME_PREPOSITIONS = frozenset(_LEX["speaker_time_prepositions"])  # "on Saturday" (not "from 2017")
FOCUS_ADVERBS = frozenset(_LEX["speaker_focus_adverbs"])    # "Even Republicans said": no part of the speaker
SENTENCE_END = str(_LEX["sentence_end_chars"])                # a sentence's closing punctuation
CLAUSE_BREAKS = frozenset(_LEX["clause_breaks"])             # punctuation that opens a new sentence part
GLOSS_DEPS = frozenset(_LEX["gloss_deps"])                   # non-restrictive glosses of a noun
APPOSITION_FOCUS_ADVERBS = frozenset(_LEX["apposition_focus_adverbs"])  # "immigrants, particularly Mexicans"
CLAUSE_CLIMB_DEPS = frozenset(_LEX["clause_climb_deps"])    # clauses a participle may be hung inside
NOUN_CLIMB_DEPS = frozenset(_LEX["noun_climb_deps"])        # nouns such a clause completes
PHRASE_CLIMB_DEPS = frozenset(_LEX["phrase_climb_deps"])    # "majorities [of voters [in five states]] say"
MAX_CLAUSE_CLIMB = int(_LEX["max_clause_climb"])
MAX_GLOSS_CLIMB = int(_LEX["max_gloss_climb"])               # heads climbed from a gloss's last word to the gloss
INFLECTIONS = tuple((s, r) for s, r in _LEX["inflections"])  # regular (suffix, lemma ending) pairs
NO_COMMENT_VERBS = frozenset(_LEX["no_comment_verbs"])      # "X did not respond to requests for comment"

ADJUNCT_CLAUSE_PREPS = frozenset(_LEX["adjunct_clause_prepositions"])  # "said in an interview that A"
CONTENT_CLAUSE_NOUNS = frozenset(_LEX["content_clause_nouns"])  # "responded to reports that A": the reports' A
SPEECH_NOUNS = frozenset(_LEX["speech_nouns"])              # "X's claim that A": a noun that names what was said
SPEECH_NOUNS_INFINITIVE = frozenset(_LEX["speech_nouns_infinitive"])  # "his promise to build A"
SPEECH_NOUN_VERBS = frozenset(_LEX["speech_noun_verbs"])    # "X made the claim that A": X speaks
HEADLINE_ADVERBS = frozenset(_LEX["headline_adverbs"])      # "X Just Said ...": between a headline's source and verb
HEADLINE_BREAKS = frozenset(_LEX["headline_breaks"])        # "X Says A, Calls B": where a headline's words end
HEADLINE_NOUN_VERBS = frozenset(_LEX["headline_noun_verbs"])  # "Media Reports Reveal ...": a noun in a title
MAX_HEADLINE_WORDS = int(_LEX["max_headline_words"])
MIN_HEADLINE_WORDS = int(_LEX["min_headline_words"])      # what a headline says: at least this many words

