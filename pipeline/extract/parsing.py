"""One spaCy parse per article, in input order. An article longer than ``PIECE_CHARS`` (or the
model's ``max_length``, if smaller) is parsed in pieces cut at paragraph breaks (else line breaks,
else spaces) and joined back into one ``Doc`` whose text is the whole article, so offsets need no
mapping; the parser's memory then depends on the piece, not on the article."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIECE_CHARS = 100_000
# where a long article may be cut, best first: after a blank line, a line break, a space
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"\s"))


def pieces(text: str, limit: int) -> list[str]:
    """Consecutive pieces of ``text``, each at most ``limit`` characters, that join back to it."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((m.end() for rx in _CUTS for m in [_last(rx, window)] if m is not None and m.end() > 0), limit)
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def _last(rx: re.Pattern, s: str) -> re.Match | None:
    """The last match of ``rx`` in ``s`` (the latest place to cut)."""
    matches = list(rx.finditer(s))
    return matches[-1] if matches else None


def piece_limit(nlp: Language) -> int:
    return min(PIECE_CHARS, nlp.max_length)


def parse_long(nlp: Language, text: str) -> Doc:
    """Parse a long article piece by piece into one ``Doc``."""
    from spacy.tokens import Doc

    docs = list(nlp.pipe(pieces(text, piece_limit(nlp)), batch_size=4))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "the pieces of a long article must join back to its text"
    return doc


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """The parse of each text, in order (``nlp.pipe`` batches; long texts in pieces)."""
    texts = list(texts)
    long = {i for i, t in enumerate(texts) if len(t) > piece_limit(nlp)}
    short = nlp.pipe((t for i, t in enumerate(texts) if i not in long), batch_size=batch_size)
    for i, t in enumerate(texts):
        yield parse_long(nlp, t) if i in long else next(short)
