"""Helpers for tests that run the simulator: worlds, servers, sessions.

tests/conftest.py turns these into fixtures; tests may also import them
(``from simkit import identity_session``).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
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
_READY_TIMEOUT = 30.0


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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_simulator(world_dir: Path) -> Simulator:
    """An in-thread simulator on a free port; identities.json points at it."""
    simulator = Simulator(world_dir).start()
    publish_address(world_dir, simulator.base_url, simulator.oin_header)
    return simulator


class SimProcess:
    """``swfkit sim serve`` in a subprocess, for kill -9 and restart tests."""

    def __init__(self, world_dir: Path, log_path: Path | None = None) -> None:
        self.world_dir = Path(world_dir)
        self.log_path = log_path or self.world_dir / "serve.log"
        self.base_url = ""
        self.port = 0
        self._process: subprocess.Popen[str] | None = None

    @property
    def returncode(self) -> int | None:
        """The exit status once the process ended."""
        assert self._process is not None
        return self._process.poll()

    @property
    def pid(self) -> int:
        """The server process id."""
        assert self._process is not None
        return self._process.pid

    def start(self) -> SimProcess:
        """Start the server (on the previous port after a restart)."""
        # A fixed port from the first start on: cheroot only sets
        # SO_REUSEADDR for a non-zero port, and a restart after kill -9 must
        # be able to bind the same port again.
        self.port = self.port or free_port()
        command = [
            sys.executable,
            "-c",
            "from swfkit.cli import main; main()",
            "sim",
            "serve",
            "--dir",
            str(self.world_dir),
            "--port",
            str(self.port),
        ]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("a") as log:
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=log, text=True, env=env
            )
        self.base_url = self._wait_for_url()
        self.port = int(self.base_url.split(":")[2].split("/")[0])
        return self

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        if self._process is not None and self._process.poll() is None:
            os.kill(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=10)

    def stop(self) -> None:
        """Stop politely (SIGTERM), or kill when that does not work."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def restart(self) -> SimProcess:
        """Kill (if running) and start again on the same port."""
        self.kill()
        return self.start()

    def _wait_for_url(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        stdout = self._process.stdout

        def pump() -> None:
            # Keeps draining stdout after the URL, so the server never blocks.
            for line in stdout:
                lines.put(line)

        threading.Thread(target=pump, daemon=True).start()
        try:
            while True:
                line = lines.get(timeout=_READY_TIMEOUT)
                if line.startswith("listening on "):
                    return line.removeprefix("listening on ").strip()
        except queue.Empty:
            self.kill()
            log = self.log_path.read_text() if self.log_path.exists() else ""
            raise RuntimeError(f"simulator did not start:\n{log}") from None
