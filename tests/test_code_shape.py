"""Guard rails on the shape of the code: lint clean, and every function short enough to read whole."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 80


def _functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.lineno, node.end_lineno - node.lineno + 1


def test_no_function_in_the_pipeline_is_longer_than_80_lines():
    too_long = [f"{path.relative_to(ROOT)}:{line} {name} ({length} lines)"
                for path in sorted((ROOT / "pipeline").rglob("*.py"))
                for name, line, length in _functions(path) if length > MAX_FUNCTION_LINES]
    assert not too_long, "functions over 80 lines:\n" + "\n".join(too_long)


def test_the_length_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    path = tmp_path / "long.py"
    path.write_text(f"def long():\n{body}\n", encoding="utf-8")
    assert [length for _, _, length in _functions(path)] == [MAX_FUNCTION_LINES + 1]


def _reads(path: Path, is_read) -> list[int]:
    """The lines of ``path`` with an attribute read that ``is_read(node)`` flags."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and is_read(node)]


def _is_doc_name(node) -> bool:
    return isinstance(node, ast.Name) and node.id == "doc"


def _doc_text_read(node: ast.Attribute) -> bool:
    """``doc.text`` (or ``x.doc.text``): spaCy joins every token anew on each read, so a read per mention or per
    figure makes extraction quadratic in the article's length (``spans.doc_text`` reads it once)."""
    return node.attr == "text" and (_is_doc_name(node.value)
                                    or isinstance(node.value, ast.Attribute) and node.value.attr == "doc")


def _span_ents_read(node: ast.Attribute) -> bool:
    """``.ents`` of anything but ``doc`` (``root.sent.ents``, ``span.ents``): a span's entities are found by walking
    every entity of the Doc on each read, so a read per figure or mention makes extraction quadratic (a
    200,000-character article: 9.5 s instead of 5 s); read ``doc.ents`` once per Doc (``spans.per_doc``)."""
    return node.attr == "ents" and not _is_doc_name(node.value)


def _extractor_reads(is_read, skip: tuple[str, ...] = ()) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "pipeline" / "extract").rglob("*.py"))
            if path.name not in skip for line in _reads(path, is_read)]


def test_the_extractors_read_the_article_text_through_spans_doc_text():
    reads = _extractor_reads(_doc_text_read, skip=("parsing.py",))  # parsing checks once that a long article's pieces join back
    assert not reads, "doc.text read in the extractors (use spans.doc_text):\n" + "\n".join(reads)


def test_the_extractors_read_entities_once_per_doc():
    reads = _extractor_reads(_span_ents_read)
    assert not reads, "a span's .ents read in the extractors (read doc.ents once per Doc):\n" + "\n".join(reads)


def test_the_read_checks_see_a_read(tmp_path):
    path = tmp_path / "reads.py"
    path.write_text("def f(ent, doc):\n    return ent.doc.text[ent.start_char - 4:ent.start_char]\n\n\n"
                    "def g(tok, doc):\n    return [e for e in tok.sent.ents] + list(doc.ents)\n", encoding="utf-8")
    assert _reads(path, _doc_text_read) == [2]
    assert _reads(path, _span_ents_read) == [6]


def test_ruff_check_passes_on_pipeline_and_tests():
    """pyflakes, pycodestyle, import order, bugbear and McCabe complexity <= 15 (pyproject.toml)."""
    if shutil.which("ruff", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("ruff is not installed in this environment: run `make install` (it is a pinned test dependency)")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "pipeline", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
