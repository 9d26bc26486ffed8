"""Every seed function and contract operation has a scenario; tags tell the truth."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from swfkit.conformance.cassettes import cassette_path
from swfkit.conformance.check import CheckReport
from swfkit.conformance.coverage import (
    CoverageReport,
    coverage,
    untrue_operation_tags,
)
from swfkit.conformance.featurefiles import FeatureInventory, read_features
from swfkit.contract import operations, seed_functions
from swfkit.sim.rules import RULES

from .paths import CASSETTES, FEATURES

REFUSAL = re.compile(r"weigert de SWF dit met status (\d{3}) \(regel ([a-z0-9-]+)\)")


@pytest.fixture(scope="module")
def inventory() -> FeatureInventory:
    return read_features(FEATURES)


def _report(inventory: FeatureInventory) -> CoverageReport:
    return coverage(
        inventory,
        [f.id for f in seed_functions()],
        [o.operation_id for o in operations()],
    )


def test_every_seed_function_and_operation_has_a_scenario(
    inventory: FeatureInventory,
) -> None:
    report = _report(inventory)

    assert report.functions_without_scenario == []
    assert report.operations_without_scenario == []
    assert report.unknown_functions == report.unknown_operations == []


def test_coverage_fails_when_a_function_loses_its_scenarios(
    inventory: FeatureInventory,
) -> None:
    without_stopping = FeatureInventory(
        [
            replace(
                s, tags=tuple(t for t in s.tags if t != "functie-samenwerking-stoppen")
            )
            for s in inventory.scenarios
        ]
    )

    report = _report(without_stopping)

    assert report.functions_without_scenario == ["samenwerking-stoppen"]
    assert not report.ok


def test_coverage_fails_when_an_operation_loses_its_scenarios(
    inventory: FeatureInventory,
) -> None:
    kept = [s for s in inventory.scenarios if "operatie-getBericht" not in s.tags]

    report = _report(FeatureInventory(kept))

    assert "getBericht" in report.operations_without_scenario
    assert not report.ok


def test_every_scenario_names_a_function_or_onboarding(
    inventory: FeatureInventory,
) -> None:
    loose = [
        s.name
        for s in inventory.scenarios
        if not s.functies and "aansluiten" not in s.tags
    ]

    assert loose == []


def test_operation_tags_match_the_recorded_calls(
    inventory: FeatureInventory, recorded_check: CheckReport
) -> None:
    assert untrue_operation_tags(inventory, recorded_check.operations) == []


def test_untrue_operation_tag_is_reported(inventory: FeatureInventory) -> None:
    scenario = next(s for s in inventory.scenarios if s.operaties)
    claimed = replace(scenario, tags=(*scenario.tags, "operatie-deleteNotificatie"))
    key = cassette_path(Path("."), scenario.feature_file, scenario.name).as_posix()

    problems = untrue_operation_tags(
        FeatureInventory([claimed]), {key: set(scenario.operaties)}
    )

    assert len(problems) == 1 and "deleteNotificatie" in problems[0]


def test_every_scenario_but_tls_ones_has_a_cassette(
    inventory: FeatureInventory,
) -> None:
    missing = [
        s.name
        for s in inventory.scenarios
        if "tls-handshake" not in s.tags
        and not cassette_path(CASSETTES, s.feature_file, s.name).is_file()
    ]

    assert missing == []


def test_refusals_expect_the_status_of_the_rule_they_name(
    inventory: FeatureInventory,
) -> None:
    wrong = []
    for scenario in inventory.scenarios:
        for step in scenario.steps:
            for status, rule in REFUSAL.findall(step.text):
                if rule not in RULES or RULES[rule].status != int(status):
                    wrong.append(f"{scenario.name}: {status} {rule}")

    assert wrong == []


def test_every_rule_named_in_a_step_exists(inventory: FeatureInventory) -> None:
    named = {
        rule
        for s in inventory.scenarios
        for step in s.steps
        for rule in re.findall(r"\(regel ([a-z0-9-]+)\)", step.text)
    }

    assert named - RULES.keys() == set()
