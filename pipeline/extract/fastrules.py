"""Faster, equivalent stand-ins for the two rule components of the English pipelines.

A quarter of a bare ``nlp.pipe`` of news goes to two components that apply rules, not models:

- the ``attribute_ruler``'s ``Matcher`` tries each of its ~180 token patterns at every token (~30 µs a token);
- the rule ``lemmatizer`` caches only the words it looks up in its tables, so every base form ("said" is
  not one, "say" is) runs its morphology tests again (~40 µs a token).

``speed_up(nlp)`` keeps both components and all their data and replaces two methods on the loaded
instances: the ruler's ``match`` finds the same matches through an index of its patterns by their first
token's literal LOWER / TAG / DEP / IS_SPACE values (``PatternIndex``), and the lemmatizer's
``lemmatize`` remembers every answer under the key spaCy's own cache uses (text, part of speech,
morphology: all the rule lemmatizer reads). The ruler still applies the matches itself
(``set_annotations``), so precedence and attribute setting are spaCy's. Any pattern this index does
not understand (an ``OP`` quantifier, an operator other than ``IN`` / ``NOT_IN`` / ``REGEX``) leaves that ruler as it
is. The annotations are identical (tests/extract/test_fastrules.py compares every token attribute).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# the pattern keys the index reads, in the order of the columns it reads from each Doc
_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")


class Unsupported(ValueError):
    """A pattern the index cannot match exactly as spaCy's Matcher does."""


def _predicate(value: Any, strings) -> Callable[[int], bool]:
    """The test one pattern value makes of a token attribute, read as its hash (a bool for IS_SPACE):
    equal, ``IN`` / ``NOT_IN`` a list, ``REGEX`` search in the attribute's text."""
    h = lambda v: v if isinstance(v, bool) else strings.add(v)  # noqa: E731
    if isinstance(value, (str, bool)):
        want = h(value)
        return lambda v: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            values, inside = frozenset(h(a) for a in arg), op == "IN"
            return lambda v: (v in values) is inside
        if op == "REGEX":
            rx, seen = re.compile(arg), {}

            def search(v: int) -> bool:
                found = seen.get(v)
                if found is None:
                    found = seen[v] = rx.search(strings[v]) is not None
                return found
            return search
    raise Unsupported(f"pattern value {value!r}")


def _token_test(spec: dict, strings) -> tuple[tuple[int, Callable[[int], bool]], ...]:
    """The tests of one token of a pattern: (column, predicate) for each key."""
    if not spec or any(k not in _KEYS for k in spec):
        raise Unsupported(f"pattern token {spec!r}")
    return tuple((_KEYS.index(k), _predicate(v, strings)) for k, v in spec.items())


def _anchors(spec: dict, strings) -> list[tuple[int, Any]] | None:
    """The literal (column, value) pairs one of which the first token must have, or None (any token)."""
    for col, key in enumerate(_KEYS):
        value = spec.get(key)
        if isinstance(value, bool):
            return [(col, int(value))]
        if isinstance(value, str):
            return [(col, strings.add(value))]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(col, strings.add(v)) for v in value["IN"]]
    return None


class PatternIndex:
    """The token patterns of an ``AttributeRuler``: those that test no word answered once for each
    distinct (TAG, DEP, IS_SPACE) of a token, the others indexed by a literal value of their first token."""

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self.ruler = ruler
        self.wordless: list[tuple[int, int, tuple]] = []
        self.by_anchor: dict[tuple[int, Any], list[tuple[int, int, tuple]]] = defaultdict(list)
        self.anywhere: list[tuple[int, int, tuple]] = []
        self.seen: dict[tuple, tuple[tuple[int, int], ...]] = {}
        for name, patterns in _ruler_patterns(ruler):
            rule = (int(name), strings[name])
            for pattern in patterns:
                entry = (*rule, tuple(_token_test(spec, strings) for spec in pattern))
                if len(pattern) == 1 and "LOWER" not in pattern[0]:
                    self.wordless.append(entry)
                    continue
                anchors = _anchors(pattern[0], strings)
                for anchor in anchors or ():
                    self.by_anchor[anchor].append(entry)
                if anchors is None:
                    self.anywhere.append(entry)

    def _wordless_hits(self, row: tuple) -> tuple[tuple[int, int], ...]:
        """(rule index, match id) of every one-token pattern without LOWER that a token with this row
        matches (such patterns read only its TAG, DEP and IS_SPACE)."""
        key = row[1:]
        found = self.seen.get(key)
        if found is None:
            found = self.seen[key] = tuple((index, match_id) for index, match_id, (tests,) in self.wordless
                                           if all(test(row[col]) for col, test in tests))
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule index, match id, start, end), sorted."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist() if len(doc) else []
        get, n, out = self.by_anchor.get, len(rows), set()
        for i, row in enumerate(rows):
            out.update((index, match_id, i, i + 1) for index, match_id in self._wordless_hits(tuple(row)))
            for index, match_id, tests in [*self.anywhere, *get((0, row[0]), ()), *get((1, row[1]), ()),
                                           *get((2, row[2]), ()), *get((3, row[3]), ())]:
                end = i + len(tests)
                if end <= n and all(test(rows[j][col]) for j, token in enumerate(tests, i) for col, test in token):
                    out.add((index, match_id, i, end))
        return sorted(out)


def _ruler_patterns(ruler) -> list[tuple[str, list]]:
    """(match key, its token patterns) of each rule, as the ruler's Matcher holds them."""
    out = []
    for key in sorted(ruler.matcher._patterns, key=lambda k: int(ruler.vocab.strings[k])):
        name = ruler.vocab.strings[key]
        patterns = ruler.matcher.get(name)[1]
        if any("OP" in spec for p in patterns for spec in p):
            raise Unsupported(f"quantifier in rule {name}")
        out.append((name, patterns))
    return out


def _cached_lemmatize(lemmatizer) -> Callable[[Token], list[str]]:
    """``rule_lemmatize`` remembering every answer by (text, part of speech, morphology): what it reads."""
    rule_lemmatize, memo = lemmatizer.rule_lemmatize, {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = memo.get(key)
        if found is None:
            found = memo[key] = rule_lemmatize(token)
        return found
    return lemmatize


def speed_up(nlp: Language) -> Language:
    """Give the loaded pipeline's attribute ruler and rule lemmatizer the faster, equivalent methods."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for _, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler):
            try:
                pipe.match = PatternIndex(pipe).match
            except (Unsupported, AttributeError, TypeError):
                pass    # patterns (or a spaCy) this index does not know: the ruler keeps its Matcher
        elif isinstance(pipe, Lemmatizer) and pipe.mode == "rule":
            pipe.lemmatize = _cached_lemmatize(pipe)
    return nlp
