"""What a conformance run found, as plain data for the reports.

The pytest plugin in :mod:`swfkit.conformance.collector` fills these while
the scenarios run; :mod:`swfkit.conformance.report` turns them into
report.html, report.json and the manifest.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

logger = logging.getLogger(__name__)

Outcome = Literal["passed", "failed", "skipped"]
OUTCOME_NL: dict[str, str] = {
    "passed": "geslaagd",
    "failed": "gefaald",
    "skipped": "overgeslagen",
}


@dataclass
class StepResult:
    """One Gherkin step and how it went ("passed", "failed", "not run")."""

    keyword: str
    text: str
    status: str = "not run"


@dataclass
class Evidence:
    """One scrubbed request and its response, from the scenario's cassette."""

    method: str
    url: str
    status: int | None
    request_headers: dict[str, str] = field(default_factory=dict)
    request_body: str | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str | None = None


@dataclass
class ScenarioResult:
    """The outcome of one scenario.

    Attributes:
        nodeid: The pytest node id.
        feature: The feature's title; feature_file its file name.
        scenario: The scenario's title; line where it starts.
        functies: Seed function ids from its ``@functie-`` tags, in the
            order written.
        operaties: Contract operationIds from its ``@operatie-`` tags.
        regels: Simulator rule ids its steps name.
        outcome: passed, failed or skipped.
        reason: Why it was skipped.
        message: Why it failed (the first lines of the assertion).
        fix: What to do about a failure ("hoe op te lossen"), in Dutch.
        steps: Its steps, background included.
        evidence: The requests and responses it made.
        cassette: The cassette file, relative to the report folder.
        duration: Seconds taken.
    """

    nodeid: str
    feature: str
    feature_file: str
    scenario: str
    line: int = 0
    tags: list[str] = field(default_factory=list)
    functies: list[str] = field(default_factory=list)
    operaties: list[str] = field(default_factory=list)
    regels: list[str] = field(default_factory=list)
    outcome: Outcome = "passed"
    reason: str | None = None
    message: str | None = None
    fix: str | None = None
    steps: list[StepResult] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    cassette: str | None = None
    duration: float = 0.0


@dataclass
class FunctionInfo:
    """A seed function: id, Dutch title and the operations that serve it."""

    id: str
    titel: str
    operations: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    """Everything one run produced, for the reports."""

    run_id: str
    target: str
    base_url: str | None
    started: str
    finished: str
    swfkit_version: str
    contract_version: str | None = None
    contract_sha256: str | None = None
    functions: list[FunctionInfo] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    scenarios: list[ScenarioResult] = field(default_factory=list)
    pytest_exit_code: int = 0

    def counts(self) -> dict[str, int]:
        """How many scenarios passed, failed and were skipped."""
        result = {"passed": 0, "failed": 0, "skipped": 0}
        for scenario in self.scenarios:
            result[scenario.outcome] += 1
        result["total"] = len(self.scenarios)
        return result

    @property
    def ok(self) -> bool:
        """True when scenarios ran, none failed, and pytest itself had no error.

        pytest exits with 1 when tests failed; 2 and up mean it was
        interrupted or could not collect, and then results are incomplete.
        """
        counts = self.counts()
        return (
            counts["failed"] == 0
            and counts["total"] > 0
            and self.pytest_exit_code in (0, 1)
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with the counts added."""
        data = asdict(self)
        data["counts"] = self.counts()
        return data
