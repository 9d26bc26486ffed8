"""Helpers for tests that run the simulator: worlds, servers, sessions.

tests/conftest.py turns these into fixtures; tests may also import them
(``from simkit import identity_session``).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from swfkit.sim.server import Simulator
from swfkit.sim.world import IDENTITIES_FILE, publish_address, update_settings
from swfkit.sim.worldgen import init_world

# What a copied world must not take along: the template's state.
_STATE = ("sim.db", "sim.db-wal", "sim.db-shm", "blobs")


def make_template(directory: Path) -> Path:
    """Create a pristine default world to copy from."""
    init_world(directory)
    return directory


def copy_world(template: Path, destination: Path, **settings: Any) -> Path:
    """A fresh world: the template's PKI and files, no state, given settings."""
    shutil.copytree(template, destination, ignore=shutil.ignore_patterns(*_STATE))
    if settings:
        update_settings(destination, **settings)
    return destination


def identities(world_dir: Path) -> dict[str, Any]:
    """The parsed identities.json of a world."""
    data: dict[str, Any] = json.loads((Path(world_dir) / IDENTITIES_FILE).read_text())
    return data


def identity_session(
    world_dir: Path, name: str, acting_oin: str | None = None
) -> requests.Session:
    """A requests session that is organisation ``name`` of the world.

    Trust comes only from the world's CA bundle (``trust_env`` is off, so
    REQUESTS_CA_BUNDLE and friends are ignored); the client certificate is
    the identity's; the OIN header carries ``acting_oin`` or its own OIN.
    """
    world_dir = Path(world_dir)
    data = identities(world_dir)
    ident = data["identities"][name]
    session = requests.Session()
    session.trust_env = False
    session.verify = str(world_dir / data["caBundle"])
    session.cert = (str(world_dir / ident["cert"]), str(world_dir / ident["key"]))
    session.headers[data["oinHeader"]] = acting_oin or ident["oin"]
    return session


@contextmanager
def running(template: Path, destination: Path, **settings: Any) -> Iterator[Simulator]:
    """A simulator on a fresh copy of ``template`` for the length of a block."""
    simulator = start_simulator(copy_world(template, destination, **settings))
    try:
        yield simulator
    finally:
        simulator.stop()


def start_simulator(world_dir: Path) -> Simulator:
    """An in-thread simulator on a free port; identities.json points at it."""
    simulator = Simulator(world_dir).start()
    publish_address(world_dir, simulator.base_url, simulator.oin_header)
    return simulator
