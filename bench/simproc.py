"""A simulator in its own process, on a fresh world, for benchmarks.

The simulator runs as ``swfkit sim serve`` in a subprocess so its CPU time and
memory are its own: the client under test never shares a GIL with it, and
psutil can watch the server's resident set separately.
"""

from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from swfkit.client import Client
from swfkit.config import Settings
from swfkit.sim.worldgen import init_world

logger = logging.getLogger(__name__)

_READY_TIMEOUT = 60.0


class SimServer:
    """``swfkit sim serve`` on a new world in ``directory``.

    Args:
        directory: an empty or missing folder for the world.
    """

    def __init__(self, directory: Path) -> None:
        self.world_dir = Path(directory)
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self._process is not None
        return self._process.pid

    @property
    def identities_path(self) -> Path:
        """The world's ``identities.json`` (points at this server once started)."""
        return self.world_dir / "identities.json"

    def start(self) -> SimServer:
        """Create the world, start the server and wait until it listens."""
        init_world(self.world_dir, port=0)
        command = [
            sys.executable,
            "-c",
            "from swfkit.cli import main; main()",
            "sim",
            "serve",
            "--dir",
            str(self.world_dir),
            "--port",
            "0",
        ]
        # The request log would compete for the CPU with the benchmark and
        # fill a pipe nobody reads; the simulator runs with its default
        # logging, written to a file in the world folder.
        log = (self.world_dir / "serve.log").open("w")
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log, text=True
        )
        log.close()
        self.base_url = self._wait_for_url()
        return self

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL when it hangs)."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=15)

    def __enter__(self) -> SimServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

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

    def _wait_for_url(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        stdout = self._process.stdout

        def pump() -> None:
            # Keeps reading after start-up, so the pipe never fills.
            for line in stdout:
                lines.put(line)

        threading.Thread(target=pump, daemon=True).start()
        try:
            while True:
                line = lines.get(timeout=_READY_TIMEOUT)
                if line.startswith("listening on "):
                    return line.removeprefix("listening on ").strip()
        except queue.Empty:
            self._process.kill()
            log = (self.world_dir / "serve.log").read_text(errors="replace")
            raise RuntimeError(f"simulator did not start:\n{log[-2000:]}") from None
