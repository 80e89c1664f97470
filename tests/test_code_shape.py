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


def _doc_text_reads(path: Path):
    """Lines that read ``doc.text`` (or ``x.doc.text``): spaCy joins every token anew on each read, so a read per
    mention or per figure makes extraction quadratic in the article's length (``spans.doc_text`` reads it once)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr == "text" and (
                isinstance(node.value, ast.Name) and node.value.id == "doc"
                or isinstance(node.value, ast.Attribute) and node.value.attr == "doc"):
            yield node.lineno


def test_the_extractors_read_the_article_text_through_spans_doc_text():
    reads = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "pipeline" / "extract").rglob("*.py"))
             if path.name != "parsing.py"  # checks once that the pieces of a long article join back
             for line in _doc_text_reads(path)]
    assert not reads, "doc.text read in the extractors (use spans.doc_text):\n" + "\n".join(reads)


def test_the_doc_text_check_sees_a_read(tmp_path):
    path = tmp_path / "reads.py"
    path.write_text("def f(ent):\n    return ent.doc.text[ent.start_char - 4:ent.start_char]\n", encoding="utf-8")
    assert list(_doc_text_reads(path)) == [2]


def _span_ents_reads(path: Path):
    """Lines that read ``.ents`` of anything but ``doc`` (``root.sent.ents``, ``span.ents``): a span's entities are
    found by walking every entity of the Doc on each read, so a read per figure or mention makes extraction
    quadratic (a 200,000-character article: 9.5 s instead of 5 s); read ``doc.ents`` once per Doc (``spans.per_doc``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr == "ents" and not (
                isinstance(node.value, ast.Name) and node.value.id == "doc"):
            yield node.lineno


def test_the_extractors_read_entities_once_per_doc():
    reads = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "pipeline" / "extract").rglob("*.py"))
             for line in _span_ents_reads(path)]
    assert not reads, "a span's .ents read in the extractors (read doc.ents once per Doc):\n" + "\n".join(reads)


def test_the_span_ents_check_sees_a_read(tmp_path):
    path = tmp_path / "reads.py"
    path.write_text("def f(tok, doc):\n    return [e for e in tok.sent.ents] + list(doc.ents)\n", encoding="utf-8")
    assert list(_span_ents_reads(path)) == [2]


def test_ruff_check_passes_on_pipeline_and_tests():
    """pyflakes, pycodestyle, import order, bugbear and McCabe complexity <= 15 (pyproject.toml)."""
    if shutil.which("ruff", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("ruff is not installed in this environment: run `make install` (it is a pinned test dependency)")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "pipeline", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
