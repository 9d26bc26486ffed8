"""A pytest plugin that gathers, per scenario, what the report needs.

``swfkit certify`` passes a :class:`ResultCollector` to ``pytest.main``. It
follows pytest-bdd's hooks for the steps, pytest's reports for outcome and
failure, and reads the scenario's cassette afterwards for the evidence: the
scrubbed requests and responses.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest
import yaml

from swfkit.conformance.featurefiles import FeatureInventory
from swfkit.conformance.fixes import fix_for
from swfkit.conformance.results import Evidence, ScenarioResult, StepResult
from swfkit.conformance.targets import TARGET_KEY

logger = logging.getLogger(__name__)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BODY_LIMIT = 6000
_MESSAGE_LIMIT = 1500
ProgressCallback = Callable[[ScenarioResult | None, int], None]


class ResultCollector:
    """Collects a :class:`ScenarioResult` per scenario while pytest runs.

    Args:
        inventory: The feature files, for tags in written order.
        target: ``sim``, ``replay`` or ``live`` (the advice depends on it).
        progress: Called with ``(None, total)`` once the scenarios are known
            and with ``(result, total)`` after each one.
    """

    def __init__(
        self,
        inventory: FeatureInventory,
        target: str,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.inventory = inventory
        self.target = target
        self.progress = progress
        self.results: dict[str, ScenarioResult] = {}
        self.total = 0
        self.base_url: str | None = None
        self.run_id: str | None = None
        self.config: pytest.Config | None = None

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        target = session.config.stash.get(TARGET_KEY, None)
        if target is not None:
            self.base_url, self.run_id = target.base_url, target.run_id

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.total = len(items)
        if self.progress:
            self.progress(None, self.total)

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_before_scenario(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any
    ) -> None:
        feature_file = Path(feature.filename).name
        info = self.inventory.find(feature_file, scenario.name)
        tags = list(info.tags) if info else sorted(scenario.tags)
        result = ScenarioResult(
            nodeid=request.node.nodeid,
            feature=feature.name,
            feature_file=feature_file,
            scenario=scenario.name,
            line=scenario.line_number,
            tags=tags,
            functies=info.functies if info else [],
            operaties=info.operaties if info else [],
            regels=_rules_named(s.name for s in scenario.steps),
            steps=[StepResult(s.keyword, s.name) for s in scenario.steps],
        )
        self.results[result.nodeid] = result

    def pytest_bdd_after_step(
        self, request: pytest.FixtureRequest, step: Any, **_: Any
    ) -> None:
        self._mark(request.node.nodeid, step, "passed")

    def pytest_bdd_step_error(
        self, request: pytest.FixtureRequest, step: Any, **_: Any
    ) -> None:
        self._mark(request.node.nodeid, step, "failed")

    def _mark(self, nodeid: str, step: Any, status: str) -> None:
        result = self.results.get(nodeid)
        if result is None:
            return
        for entry in result.steps:
            if entry.text == step.name and entry.status == "not run":
                entry.status = status
                return

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        result = self.results.get(item.nodeid)
        if result is None:
            result = self.results[item.nodeid] = _fallback(item)
        result.duration += report.duration
        if report.skipped and result.outcome != "failed":
            result.outcome = "skipped"
            result.reason = _skip_reason(report)
        elif report.failed:
            self._failed(result, call, report.when)

    def _failed(
        self, result: ScenarioResult, call: pytest.CallInfo[None], when: str
    ) -> None:
        error = call.excinfo.value if call.excinfo else None
        message = _message(error) if error else "onbekende fout"
        if when != "call":
            phase = "voorbereiding" if when == "setup" else "opruimen"
            message = f"{phase} van het scenario mislukte: {message}"
        if result.outcome != "failed":
            result.outcome, result.message = "failed", message
            result.fix = fix_for(
                message, type(error).__name__ if error else None, self.target
            )

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "teardown":
            return
        result = self.results.get(report.nodeid)
        if result is None:
            return
        path = self._cassette_of(report)
        if path is not None:
            result.cassette = _relative_cassette(path)
            result.evidence = read_evidence(path)
        if self.progress:
            self.progress(result, self.total)

    def _cassette_of(self, report: pytest.TestReport) -> Path | None:
        """The scenario's cassette file; the property is relative to its folder."""
        relative = dict(report.user_properties).get("swf_cassette")
        target = self.config.stash.get(TARGET_KEY, None) if self.config else None
        if not relative or target is None:
            return None
        path = target.cassette_dir / str(relative)
        return path if path.is_file() else None


def read_evidence(path: Path) -> list[Evidence]:
    """The interactions of a cassette, as evidence lines for the report."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    evidence = []
    for interaction in data.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        evidence.append(
            Evidence(
                method=request["method"],
                url=request["uri"],
                status=int(response["status"]["code"]),
                request_headers=_headers(request.get("headers")),
                request_body=_body(request.get("body"), request.get("headers")),
                response_headers=_headers(response.get("headers")),
                response_body=_response_body(response),
            )
        )
    return evidence


def _response_body(response: dict[str, Any]) -> str | None:
    """A response body for the report; a document's contents never go in it."""
    body = (response.get("body") or {}).get("string")
    headers = _headers(response.get("headers"))
    if "attachment" in headers.get("Content-Disposition", "").lower():
        size = len(body or b"")
        return f"<inhoud van het document: {size} bytes, niet in het rapport>"
    return _body(body, response.get("headers"))


def _relative_cassette(path: Path) -> str:
    """``cassettes/<feature>/<scenario>.yaml``, as the report folder holds it."""
    return "/".join(("cassettes", *path.parts[-2:]))


def _headers(headers: Any) -> dict[str, str]:
    return {
        str(k): ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        for k, v in (headers or {}).items()
    }


def _body(body: Any, headers: Any) -> str | None:
    if body is None or body == b"" or body == "":
        return None
    kind = _headers(headers).get("Content-Type", "")
    if isinstance(body, bytes):
        if kind.startswith("multipart/"):
            return f"<multipart-upload van {len(body)} bytes>"
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return f"<{len(body)} bytes, {kind or 'binair'}>"
    text = _pretty(str(body))
    if len(text) > _BODY_LIMIT:
        return text[:_BODY_LIMIT] + f"\n… ({len(text) - _BODY_LIMIT} tekens ingekort)"
    return text


def _pretty(text: str) -> str:
    """JSON indented for reading; anything else as it is."""
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text


def _message(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    if not isinstance(error, AssertionError):
        text = f"{type(error).__name__}: {text}"
    return text[:_MESSAGE_LIMIT]


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
        return reason.removeprefix("Skipped: ")
    return str(longrepr)


def _rules_named(texts: Any) -> list[str]:
    found: list[str] = []
    for text in texts:
        for rule in re.findall(r"\(regel ([a-z0-9-]+)\)", text):
            if rule not in found:
                found.append(rule)
    return found


def _fallback(item: pytest.Item) -> ScenarioResult:
    return ScenarioResult(
        nodeid=item.nodeid,
        feature=item.parent.name if item.parent else "",
        feature_file="",
        scenario=item.name,
    )
