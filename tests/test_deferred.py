"""Deferred imports (``pipeline.deferred``): a stand-in until an attribute is read, then the real
module (that the suites leave them stand-ins: ``tests/test_checks.py``)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_deferred_module_is_imported_when_an_attribute_is_first_read():
    out = run("""
        import sys
        from pipeline.deferred import Deferred, defer
        assert defer("colorsys", "no_such_module_here") == ["colorsys"]
        import colorsys
        print(type(sys.modules["colorsys"]).__name__)
        from colorsys import rgb_to_hsv
        print(rgb_to_hsv(1.0, 0.0, 0.0), colorsys.hsv_to_rgb(0.0, 1.0, 1.0))
        print(type(sys.modules["colorsys"]).__name__, isinstance(colorsys, Deferred))
    """)
    assert out.splitlines() == ["Deferred", "(0.0, 1.0, 1.0) (1.0, 0.0, 0.0)", "module True"]


def test_a_module_already_imported_is_not_deferred():
    assert run("""
        import json
        from pipeline.deferred import defer
        print(defer("json"))
    """) == "[]"
