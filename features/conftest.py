"""Running the Dutch scenarios against a target: ``sim``, ``replay`` or ``live``.

Options (see :mod:`swfkit.conformance.targets`):

``--swf-target``      sim | replay | live; default replay, so a plain
                      ``pytest`` needs no server and no network.
``--swf-cassettes``   the cassette folder: replayed (default ``cassettes/``)
                      or recorded into (sim and live; default a temp folder).
``--swf-identities``  your identities.json (live).
``--swf-world``       the simulator world to use or create (sim).
``--swf-run-id``      the run id that marks what the run creates.

Per scenario a cassette records (or replays) every request, and everything
the scenario started is stopped and deleted at its end. A scenario that
needs a role the target's identities cannot fill is skipped with the reason.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Generator, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from pytest_bdd.parser import Feature, Scenario

from features.steps import step_fixtures
from features.steps.wereld import Wereld
from swfkit.conformance.cassettes import cassette_path, make_vcr
from swfkit.conformance.featurefiles import FIXED_TAGS, FUNCTIE, OPERATIE
from swfkit.conformance.netguard import network_blocked
from swfkit.conformance.runid import RunMarker
from swfkit.conformance.targets import TARGET_KEY, TARGETS, Target, open_target

logger = logging.getLogger(__name__)

globals().update(step_fixtures())

REPO_CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
SCENARIO_KEY = pytest.StashKey[tuple[Feature, Scenario]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("swfkit", "swfkit conformance scenarios")
    group.addoption(
        "--swf-target",
        choices=TARGETS,
        default="replay",
        help="where the scenarios run (default: replay)",
    )
    group.addoption(
        "--swf-cassettes",
        type=Path,
        default=None,
        help="cassette folder to replay or to record into",
    )
    group.addoption(
        "--swf-identities",
        type=Path,
        default=None,
        help="identities.json with your certificates (live)",
    )
    group.addoption(
        "--swf-world",
        type=Path,
        default=None,
        help="simulator world folder to use or create (sim)",
    )
    group.addoption(
        "--swf-run-id", default=None, help="run id that marks created samenwerkingen"
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register every tag the features may carry as a marker (--strict-markers)."""
    from swfkit.contract import operations, seed_functions

    for function in seed_functions():
        config.addinivalue_line("markers", f"{FUNCTIE}{function.id}: {function.titel}")
    for operation in operations():
        config.addinivalue_line(
            "markers",
            f"{OPERATIE}{operation.operation_id}: proves {operation.location}",
        )
    for tag, meaning in FIXED_TAGS.items():
        config.addinivalue_line("markers", f"{tag}: {meaning}")


@pytest.fixture(scope="session")
def swf_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    """The target of this run, opened once and closed at the end."""
    option = request.config.getoption
    name = option("--swf-target")
    cassettes = option("--swf-cassettes") or (
        REPO_CASSETTES if name == "replay" else None
    )
    target = open_target(
        name,
        identities=option("--swf-identities"),
        cassette_dir=cassettes,
        world_dir=option("--swf-world"),
        work_dir=tmp_path_factory.mktemp("swf-target"),
        run_id=option("--swf-run-id"),
    )
    request.config.stash[TARGET_KEY] = target
    yield target
    if not target.replaying:
        target.write_recording_info()
    target.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Name a skip's location relative to the rootdir, as the terminal does.

    pytest keeps it absolute, and junit.xml writes it out as it is.
    """
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple):
        where, line, reason = report.longrepr
        relative = os.path.relpath(where, item.config.rootpath)
        report.longrepr = (relative, line, reason)
    return report


@pytest.fixture(scope="session")
def swf_marker(swf_target: Target) -> RunMarker:
    """Hands out the run's marks; replay reuses the recorded run id."""
    return RunMarker(swf_target.run_id)


def pytest_bdd_before_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    """Remember the scenario, and skip it when the target cannot run it."""
    request.node.stash[SCENARIO_KEY] = (feature, scenario)
    target: Target = request.getfixturevalue("swf_target")
    tags = set(scenario.tags) | set(scenario.feature.tags)
    reason = target.skip_reason(tags, [step.name for step in scenario.steps])
    if reason:
        pytest.skip(reason)


@pytest.fixture
def swf_cassette(request: pytest.FixtureRequest, swf_target: Target) -> Iterator[Path]:
    """Record or replay this scenario's cassette; block the network in replay."""
    feature, scenario = request.node.stash[SCENARIO_KEY]
    path = cassette_path(swf_target.cassette_dir, feature.filename, scenario.name)
    recorder = make_vcr(
        swf_target.cassette_dir,
        record_mode=swf_target.record_mode,
        origin=swf_target.origin,
        secrets=swf_target.secrets,
    )
    relative = path.relative_to(swf_target.cassette_dir).as_posix()
    # Relative to the cassette folder: junit.xml carries user properties, and
    # a report handed over must not name the folders of the machine it ran on.
    request.node.user_properties.append(("swf_cassette", relative))
    with ExitStack() as stack:
        if swf_target.replaying:
            stack.enter_context(network_blocked())
        stack.enter_context(recorder.use_cassette(relative))
        yield path


@pytest.fixture
def wereld(
    swf_target: Target, swf_cassette: Path, swf_marker: RunMarker, tmp_path: Path
) -> Iterator[Wereld]:
    """The scenario's state; everything it started is removed at the end."""
    state = Wereld(swf_target, swf_marker, tmp_path)
    yield state
    try:
        state.opruimen()
    finally:
        state.sluiten()
