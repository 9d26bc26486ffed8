"""A simulator in its own process, on a fresh world, for benchmarks.

The server runs as a :class:`~swfkit.sim.process.SimProcess`, so its CPU time
and memory are its own: the client under test never shares a GIL with it,
and psutil can watch the server's resident set separately.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any

from swfkit.client import Client
from swfkit.config import Settings
from swfkit.sim.process import SimProcess
from swfkit.sim.world import IDENTITIES_FILE
from swfkit.sim.worldgen import init_world


class SimServer:
    """A new world in ``directory``, served by a child process.

    Args:
        directory: an empty or missing folder for the world.
    """

    def __init__(self, directory: Path) -> None:
        self.world_dir = Path(directory)
        self.process = SimProcess(self.world_dir)

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self.process.pid

    @property
    def base_url(self) -> str:
        """The address the server listens on."""
        return self.process.base_url

    @property
    def identities_path(self) -> Path:
        """The world's ``identities.json`` (points at this server once started)."""
        return self.world_dir / IDENTITIES_FILE

    def __enter__(self) -> SimServer:
        # The request log goes to serve.log in the world, not to a pipe that
        # would compete with the benchmark for the CPU.
        init_world(self.world_dir, port=0)
        self.process.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.process.stop()

    def identity(self, name: str) -> dict[str, Any]:
        """One identity of the world, with absolute file paths."""
        data = json.loads(self.identities_path.read_text(encoding="utf-8"))
        ident = dict(data["identities"][name])
        for key in ("cert", "key"):
            ident[key] = str(self.world_dir / ident[key])
        ident["caBundle"] = str(self.world_dir / data["caBundle"])
        ident["oinHeader"] = data["oinHeader"]
        return ident

    def client(self, name: str, **kwargs: Any) -> Client:
        """A swfkit client acting as identity ``name``."""
        return Client(Settings.from_identities(self.identities_path, name), **kwargs)
