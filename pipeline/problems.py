"""What a check found: ``Problem`` rows naming the check, the table, the row (by primary key) and the
field, and the ``Report`` of a validation run. Every check module (``validate``, ``crosscheck``,
``quality``) makes them; none of them imports another for these."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Problem:
    """One failed check: which check, on which table, row (by primary key) and field."""

    check: str
    table: str
    message: str
    row_key: str | None = None
    field: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.table + (f"[{self.row_key}]" if self.row_key else "") + (f".{self.field}" if self.field else "")
        return f"{where}: {self.check}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """What validation found: each check run (name, problem count, seconds) and every problem."""

    package: str
    checks: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        return {"package": self.package, "valid": self.valid, "errors": len(self.errors),
                "warnings": len(self.warnings), "checks": self.checks,
                "problems": [p.to_dict() for p in self.problems]}

    def summary(self) -> str:
        lines = [f"{c['name']:<12} {'ok' if not c['errors'] else 'FAILED':<7} "
                 f"{c['errors']} error(s), {c['warnings']} warning(s)  {c['seconds']:.2f}s" for c in self.checks]
        verdict = "valid" if self.valid else "INVALID"
        counts = f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        return "\n".join(lines + [f"{self.package}: {verdict} ({counts})"])
