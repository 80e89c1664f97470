"""The CI template (.github/workflows/presstables.yml): it parses, runs only Makefile targets that exist,
validates on push and publishes on a tag. GitHub Actions cannot run here, so this is checked statically."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "presstables.yml"


def makefile_targets() -> set[str]:
    """Every ``target:`` defined in the Makefile (not ``VAR :=`` assignments)."""
    targets = set()
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_./$()-]+(?:\s+[A-Za-z0-9_./$()-]+)*)\s*:(?!=)", line)
        if match:
            targets.update(match.group(1).split())
    return targets


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_lines(doc: dict) -> dict[str, list[str]]:
    return {job: [step["run"] for step in spec["steps"] if "run" in step] for job, spec in doc["jobs"].items()}


def make_targets_in(command: str) -> list[str]:
    """The targets of each ``make`` call in a shell command (options and VAR=value set aside)."""
    targets = []
    for call in re.findall(r"(?:^|[;&|]\s*)make\b([^;&|\n]*)", command):
        targets += [w for w in call.split() if not w.startswith("-") and "=" not in w]
    return targets


def test_makefile_parser_sees_the_known_targets():
    assert {"all", "validate", "publish", "test", "datapackage.json"} <= makefile_targets()
    assert "SHELL" not in makefile_targets() and "TARGET" not in makefile_targets()


def test_workflow_triggers_on_push_and_on_tags():
    doc = workflow()
    on = doc.get("on", doc.get(True))  # YAML 1.1 (PyYAML) reads the bare key `on` as True
    assert set(on) == {"push"}
    assert on["push"]["tags"] and on["push"]["branches"]  # both: tags alone would skip branch pushes


def test_workflow_runs_only_existing_make_targets_validate_on_push_publish_on_tag():
    doc = workflow()
    runs = run_lines(doc)
    called = {job: [t for cmd in cmds for t in make_targets_in(cmd)] for job, cmds in runs.items()}
    assert all(cmd.lstrip().startswith("make ") for cmds in runs.values() for cmd in cmds), runs
    targets = makefile_targets()
    for job, names in called.items():
        assert names and set(names) <= targets, (job, names)
    assert called == {"validate": ["validate"], "publish": ["publish"]}
    assert "if" not in doc["jobs"]["validate"]
    assert doc["jobs"]["publish"]["if"] == "startsWith(github.ref, 'refs/tags/')"
    assert doc["jobs"]["publish"]["needs"] == "validate"


def test_workflow_checks_out_full_history_with_python_311():
    for job, spec in workflow()["jobs"].items():
        uses = {step["uses"].split("@")[0]: step for step in spec["steps"] if "uses" in step}
        assert uses["actions/checkout"]["with"]["fetch-depth"] == 0, job  # the Makefile reads `git log`
        assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11", job
