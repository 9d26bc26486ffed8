"""Shared fixtures: simulator worlds, running simulators, identity sessions.

- ``sim_world`` (session): a world folder made by ``sim init``.
- ``simulator`` (session): an in-thread simulator on ``sim_world``.
- ``fresh_simulator`` (function): a new world (empty state), running.
- ``sim_factory`` (function): start simulators on new worlds with settings,
  e.g. ``sim_factory(maxUploadBytes=1000, disabledRules=[...])``.
- ``simulator_process`` (function): ``swfkit sim serve`` in a subprocess,
  with ``base_url``, ``world_dir``, ``kill()`` (SIGKILL) and ``restart()``.
- ``identity_session``: ``identity_session(world_dir, name, acting_oin=None)``
  gives a ``requests.Session`` for an identity of the world.

Every simulator rewrites its world's identities.json with its real base URL,
so ``swfkit.config.load_settings(identities=..., identity=...)`` finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from simkit import copy_world, make_template, start_simulator
from simkit import identity_session as _identity_session

from swfkit.sim.process import SimProcess
from swfkit.sim.server import Simulator


@pytest.fixture(scope="session")
def sim_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine default world; copy it, never run it."""
    return make_template(tmp_path_factory.mktemp("sim-template"))


@pytest.fixture(scope="session")
def sim_world(sim_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's world folder."""
    return copy_world(sim_template, tmp_path_factory.mktemp("sim") / "world")


@pytest.fixture(scope="session")
def simulator(sim_world: Path) -> Iterator[Simulator]:
    """A simulator shared by the session (state accumulates across tests)."""
    running = start_simulator(sim_world)
    yield running
    running.stop()


@pytest.fixture
def sim_factory(
    sim_template: Path, tmp_path: Path
) -> Iterator[Callable[..., Simulator]]:
    """Start simulators on new worlds, with world settings as keywords."""
    started: list[Simulator] = []

    def start(**settings: Any) -> Simulator:
        world = copy_world(sim_template, tmp_path / f"world-{len(started)}", **settings)
        started.append(start_simulator(world))
        return started[-1]

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def fresh_simulator(sim_factory: Callable[..., Simulator]) -> Simulator:
    """A simulator on a new, empty world."""
    return sim_factory()


@pytest.fixture
def simulator_process(sim_template: Path, tmp_path: Path) -> Iterator[SimProcess]:
    """``swfkit sim serve`` in a subprocess on a new world."""
    process = SimProcess(copy_world(sim_template, tmp_path / "world")).start()
    yield process
    process.stop()


@pytest.fixture
def identity_session() -> Callable[..., Any]:
    """The ``identity_session(world_dir, name, acting_oin=None)`` factory."""
    return _identity_session
