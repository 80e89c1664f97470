"""Errors are data: each class has a message template filled from the fields it names.

Modelled on frictionless-py's errors: ``str(error)`` is the message a user can act on, the
fields (file, line, table, row key, ...) are attributes, and ``exit_code`` is what the CLI returns.
"""
from __future__ import annotations


class PresstablesError(Exception):
    """Base class; ``template`` is formatted with the keyword fields given at construction."""

    template = "{problem}"
    exit_code = 1

    def __init__(self, **fields):
        self.fields = fields
        for key, value in fields.items():
            setattr(self, key, value)
        super().__init__(self.template.format(**fields))

    @property
    def message(self) -> str:
        return str(self)


class InputError(PresstablesError):
    """An input file cannot be read as an article: bad encoding, bad JSON, missing field, ..."""

    template = "{where}: {problem}"
    exit_code = 2

    def __init__(self, path, problem: str, line: int | None = None):
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(where=where, path=str(path), line=line, problem=problem)


class OutputError(PresstablesError):
    """An output path cannot be written (it is a file, lies under a file, or its folder is read-only);
    found before any work is done."""

    template = "{path}: {problem}"
    exit_code = 2

    def __init__(self, path, problem: str):
        super().__init__(path=str(path), problem=problem)


class StageError(PresstablesError):
    """A stage could not run on its input (named with the stage and the value at fault)."""

    template = "{stage}: {problem}"
    exit_code = 2

    def __init__(self, stage: str, problem: str):
        super().__init__(stage=stage, problem=problem)


class ValidationFailed(PresstablesError):
    """The package failed validation; ``problems`` holds each failed check."""

    template = "{path}: {count} validation problem(s); first: {first}"
    exit_code = 1

    def __init__(self, path, problems: list):
        super().__init__(path=str(path), count=len(problems), first=problems[0] if problems else "-",
                         problems=problems)


class PublishError(PresstablesError):
    """The release cannot be written (the package is fine): the target is locked, unreachable, or a
    release would be overwritten; ``exit_code`` 2 when the command line asked for something impossible."""

    template = "{problem}"
    exit_code = 1

    def __init__(self, problem: str, exit_code: int | None = None):
        super().__init__(problem=problem)
        if exit_code is not None:
            self.exit_code = exit_code
