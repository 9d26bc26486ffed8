"""Writing a run's results: ``report.json`` and the Dutch ``report.html``.

The HTML report is for a functional administrator at a municipality. It is
grouped by the SWF functions in the order of the onboarding document, with
onboarding ("Aansluiten") first; each scenario appears once, under the
function it proves first, and is linked from the other functions it also
proves. Per scenario: passed / failed / skipped with the reason, what was
checked (the steps), the scrubbed requests and responses as evidence and,
for a failure, what to do about it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from swfkit.conformance.cassettes import slugify
from swfkit.conformance.results import OUTCOME_NL, RunResult, ScenarioResult

logger = logging.getLogger(__name__)

AANSLUITEN = "aansluiten"
OVERIG = "overig"
TARGET_NL = {
    "sim": "de ingebouwde simulator (sim)",
    "replay": "opgenomen cassettes (replay, zonder netwerk)",
    "live": "een echte SWF-omgeving (live)",
}


@dataclass
class FunctionGroup:
    """The scenarios of one seed function, for one section of the report.

    Attributes:
        id: The function id (``aansluiten`` and ``overig`` for the extras).
        titel: The Dutch title.
        scenarios: Scenarios shown in this section (it is their first function).
        also: Scenarios shown elsewhere that prove this function as well.
    """

    id: str
    titel: str
    scenarios: list[ScenarioResult] = field(default_factory=list)
    also: list[ScenarioResult] = field(default_factory=list)

    @property
    def all(self) -> list[ScenarioResult]:
        """Every scenario that proves this function."""
        return self.scenarios + self.also

    @property
    def outcome(self) -> str:
        """failed if any failed; passed if any passed; skipped; or missing."""
        outcomes = {s.outcome for s in self.all}
        for candidate in ("failed", "passed", "skipped"):
            if candidate in outcomes:
                return candidate
        return "missing"


def group_by_function(run: RunResult) -> list[FunctionGroup]:
    """Sections in the seed's order: Aansluiten, the functions, then the rest."""
    groups = [FunctionGroup(AANSLUITEN, "Aansluiten: certificaat, OIN en mandaat")]
    groups += [FunctionGroup(f.id, f.titel) for f in run.functions]
    groups.append(FunctionGroup(OVERIG, "Overige scenario's"))
    by_id = {g.id: g for g in groups}
    for scenario in run.scenarios:
        home = primary_group(scenario, by_id)
        by_id[home].scenarios.append(scenario)
        for function in scenario.functies:
            if function != home and function in by_id:
                by_id[function].also.append(scenario)
    return [g for g in groups if g.id != OVERIG or g.scenarios]


def primary_group(scenario: ScenarioResult, known: dict[str, FunctionGroup]) -> str:
    """The section a scenario is shown in."""
    if AANSLUITEN in scenario.tags:
        return AANSLUITEN
    return next((f for f in scenario.functies if f in known), OVERIG)


def anchor(scenario: ScenarioResult) -> str:
    """The HTML id of a scenario's card."""
    return slugify(f"{Path(scenario.feature_file).stem} {scenario.scenario}")


def write_json(run: RunResult, path: Path) -> Path:
    """Write ``report.json``: every result, with counts."""
    path.write_text(
        json.dumps(run.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


def write_html(run: RunResult, path: Path, *, files: list[str] | None = None) -> Path:
    """Write the Dutch ``report.html``.

    Args:
        run: The results.
        path: Where to write.
        files: The other files of the report folder, to list at the end.
    """
    from swfkit.conformance.report_template import render

    html = render(
        run=run,
        counts=run.counts(),
        groups=group_by_function(run),
        outcome_nl=OUTCOME_NL,
        target_nl=TARGET_NL.get(run.target, run.target),
        anchor=anchor,
        titles={f.id: f.titel for f in run.functions},
        files=files or [],
    )
    path.write_text(html, encoding="utf-8")
    return path
