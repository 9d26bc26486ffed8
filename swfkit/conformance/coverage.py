"""Does the checklist cover the SWF? Seed functions and operations vs. scenarios.

Every function of the onboarding document and every operation of the
contract must be proved by at least one scenario (its ``@functie-`` and
``@operatie-`` tags). A tag must also be true: the scenario's cassette must
show a call of each operation it claims.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from swfkit.conformance.cassettes import cassette_path
from swfkit.conformance.featurefiles import FeatureInventory, ScenarioInfo

logger = logging.getLogger(__name__)


@dataclass
class CoverageReport:
    """What the feature files leave uncovered, and tags that name nothing.

    Attributes:
        functions_without_scenario: Seed function ids no scenario proves.
        operations_without_scenario: operationIds no scenario proves.
        unknown_functions: ``@functie-`` tags that are no seed function.
        unknown_operations: ``@operatie-`` tags that are no operation.
    """

    functions_without_scenario: list[str] = field(default_factory=list)
    operations_without_scenario: list[str] = field(default_factory=list)
    unknown_functions: list[str] = field(default_factory=list)
    unknown_operations: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when everything is covered and every tag names something."""
        return not (
            self.functions_without_scenario
            or self.operations_without_scenario
            or self.unknown_functions
            or self.unknown_operations
        )


def coverage(
    inventory: FeatureInventory,
    function_ids: Iterable[str],
    operation_ids: Iterable[str],
) -> CoverageReport:
    """Compare the scenarios' tags with the seed functions and operations."""
    functions, operations = list(function_ids), list(operation_ids)
    tagged_functions = {f for s in inventory.scenarios for f in s.functies}
    tagged_operations = {o for s in inventory.scenarios for o in s.operaties}
    return CoverageReport(
        functions_without_scenario=[f for f in functions if f not in tagged_functions],
        operations_without_scenario=[
            o for o in operations if o not in tagged_operations
        ],
        unknown_functions=sorted(tagged_functions - set(functions)),
        unknown_operations=sorted(tagged_operations - set(operations)),
    )


def untrue_operation_tags(
    inventory: FeatureInventory, called: dict[str, set[str]]
) -> list[str]:
    """Scenarios whose cassette lacks an operation their tags claim.

    Args:
        inventory: The feature files.
        called: Per cassette (relative path), the operationIds it called,
            as :func:`swfkit.conformance.check.check_cassettes` reports.

    Returns:
        One line per claimed operation that was not called; scenarios without
        a cassette (TLS-only scenarios) are not judged.
    """
    problems = []
    for scenario in inventory.scenarios:
        key = _cassette_key(scenario)
        if key not in called:
            continue
        for operation in scenario.operaties:
            if operation not in called[key]:
                problems.append(
                    f"{scenario.feature_file}: '{scenario.name}' claims "
                    f"@operatie-{operation} but never calls it"
                )
    return problems


def _cassette_key(scenario: ScenarioInfo) -> str:
    return cassette_path(Path("."), scenario.feature_file, scenario.name).as_posix()
