"""Fixtures for the demo world and the notebook runs.

Executing notebooks needs nbclient and a Jupyter kernel, which are slow to
import and to start, so ``test_notebooks.py`` runs only when it is asked for:
by naming it, or this folder, on the command line (``make test`` does so in a
second pytest invocation). The plain ``pytest`` run skips it; the demo-world
and committed-notebook tests beside it run in both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NOTEBOOK_TESTS = "test_notebooks.py"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave the notebook runs out unless this folder or file was asked for."""
    if collection_path.name != NOTEBOOK_TESTS:
        return None
    return None if _asked_for(config) else True


def _asked_for(config: pytest.Config) -> bool:
    start = config.invocation_params.dir
    for arg in config.invocation_params.args:
        if arg.startswith("-"):
            continue
        path = (start / arg.split("::")[0]).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


@pytest.fixture(scope="session")
def demo_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh demo world (the full default size), made once per session."""
    from swfkit.sim.demo import init_demo_world

    directory = tmp_path_factory.mktemp("demo") / "world"
    init_demo_world(directory)
    return directory


@pytest.fixture(scope="session")
def demo_simulator(demo_world: Path) -> Iterator[object]:
    """``swfkit sim serve`` on the demo world; identities.json points at it.

    A separate process, so the server does not share an interpreter lock
    with the test process that drives the kernels.
    """
    from swfkit.sim.process import SimProcess

    process = SimProcess(demo_world).start()
    yield process
    process.stop()
