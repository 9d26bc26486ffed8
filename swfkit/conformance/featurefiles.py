"""Reading the feature files: scenarios, their tags in written order, steps.

The report groups scenarios by the seed function they prove, and the
coverage check demands a scenario for every seed function and every
contract operation; both read the tags from here. Tags are:

- ``@functie-<id>``: a seed function from ``swfkit/contract/functions.yaml``;
- ``@operatie-<operationId>``: a contract operation the scenario calls;
- ``@aansluiten``: onboarding (certificate, mandate, OIN header);
- ``@tls-handshake``: judged on the TLS handshake, so there is nothing to
  replay from a cassette;
- ``@alleen-simulator``: an endpoint only swfkit's simulator offers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from gherkin.parser import Parser

logger = logging.getLogger(__name__)

FUNCTIE = "functie-"
OPERATIE = "operatie-"
FIXED_TAGS: dict[str, str] = {
    "aansluiten": "onboarding: certificate, chain, OIN header and mandate",
    "tls-handshake": "judged on the TLS handshake; not replayable from a cassette",
    "alleen-simulator": "an endpoint only the swfkit simulator offers",
}


@dataclass(frozen=True)
class StepText:
    """One step as written: keyword (Dutch) and text."""

    keyword: str
    text: str


@dataclass(frozen=True)
class ScenarioInfo:
    """One scenario of a feature file.

    Attributes:
        feature_file: The file name, e.g. ``documenten.feature``.
        feature: The feature's title.
        name: The scenario's title.
        line: Its line in the file.
        tags: Its own tags and the feature's, without ``@``, in written order.
        steps: Background steps, then its own.
        description: The feature's description (the text under its title).
    """

    feature_file: str
    feature: str
    name: str
    line: int
    tags: tuple[str, ...]
    steps: tuple[StepText, ...] = ()
    description: str = ""

    @property
    def functies(self) -> list[str]:
        """Seed function ids, in the order the tags are written."""
        return [t[len(FUNCTIE) :] for t in self.tags if t.startswith(FUNCTIE)]

    @property
    def operaties(self) -> list[str]:
        """Contract operationIds, in the order the tags are written."""
        return [t[len(OPERATIE) :] for t in self.tags if t.startswith(OPERATIE)]


@dataclass
class FeatureInventory:
    """Every scenario of a features folder, in file and line order."""

    scenarios: list[ScenarioInfo] = field(default_factory=list)

    def find(self, feature_file: str, name: str) -> ScenarioInfo | None:
        """The scenario with this title in this file, if any."""
        return next(
            (
                s
                for s in self.scenarios
                if s.feature_file == feature_file and s.name == name
            ),
            None,
        )


def read_features(directory: Path) -> FeatureInventory:
    """Parse every ``*.feature`` file in ``directory`` (not recursive)."""
    inventory = FeatureInventory()
    for path in sorted(Path(directory).glob("*.feature")):
        inventory.scenarios.extend(_scenarios(path))
    return inventory


def _scenarios(path: Path) -> list[ScenarioInfo]:
    document = Parser().parse(path.read_text(encoding="utf-8"))
    feature = cast(dict[str, Any], document.get("feature") or {})
    feature_tags = _tags(feature)
    background: list[StepText] = []
    found = []
    for child in _children(feature):
        if "background" in child:
            background = _steps(child["background"])
        elif "scenario" in child:
            found.append(
                _scenario(path, feature, feature_tags, background, child["scenario"])
            )
    return found


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    """Children of a feature, with the scenarios inside ``Regel`` blocks flattened."""
    flat = []
    for child in node.get("children", []):
        if "rule" in child:
            flat.extend(child["rule"].get("children", []))
        else:
            flat.append(child)
    return flat


def _scenario(
    path: Path,
    feature: dict[str, Any],
    feature_tags: list[str],
    background: list[StepText],
    node: dict[str, Any],
) -> ScenarioInfo:
    tags = [t for t in _tags(node) if t not in feature_tags] + feature_tags
    return ScenarioInfo(
        feature_file=path.name,
        feature=str(feature.get("name", "")).strip(),
        name=str(node.get("name", "")).strip(),
        line=int(node.get("location", {}).get("line", 0)),
        tags=tuple(tags),
        steps=tuple(background + _steps(node)),
        description=str(feature.get("description", "")).strip(),
    )


def _tags(node: dict[str, Any]) -> list[str]:
    return [str(t["name"]).lstrip("@") for t in node.get("tags", [])]


def _steps(node: dict[str, Any]) -> list[StepText]:
    return [
        StepText(str(s["keyword"]).strip(), str(s["text"]))
        for s in node.get("steps", [])
    ]
