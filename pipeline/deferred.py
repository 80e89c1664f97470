"""Modules imported on first use instead of at ``import`` time.

Great Expectations imports, while it is imported itself, libraries that only a few of its
expectations need (``scipy.stats`` for distribution tests, ``altair`` for charts): 1.2-1.9 s of
CPU on every validation, for expectations this package never runs. ``defer(name)`` puts a
stand-in in ``sys.modules``; the real module is imported when code first reads one of its
attributes, so an expectation that does use it still works (only that first read is slow).

The standard library's ``importlib.util.LazyLoader`` does not serve here: on Python 3.11 the
import system reads ``__spec__`` of a module already in ``sys.modules``, which loads it.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types


class Deferred(types.ModuleType):
    """A stand-in for a module not imported yet: ``__name__`` and ``__spec__`` are its own, any
    other attribute imports the real module and is read from it."""

    def __getattr__(self, attr: str):
        return getattr(load(self), attr)


def load(module: types.ModuleType) -> types.ModuleType:
    """The real module behind ``module`` (imported now if ``module`` is a stand-in); the stand-in
    takes on its attributes, so code that kept the stand-in reads them directly from then on."""
    if not isinstance(module, Deferred):
        return module
    name = module.__name__
    if sys.modules.get(name) is module:
        del sys.modules[name]
    real = importlib.import_module(name)
    module.__dict__.update(real.__dict__)
    return real


def defer(*names: str) -> list[str]:
    """Put a stand-in in ``sys.modules`` for each module of ``names`` that is installed and not
    imported yet; the names deferred."""
    done = []
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        stand_in = Deferred(name)
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
        done.append(name)
    return done
