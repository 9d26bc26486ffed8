"""The simulator in a process of its own: ``swfkit sim serve`` as a child.

Useful where the in-thread :class:`~swfkit.sim.server.Simulator` will not do:
a vendor's test suite that must not share a GIL with the server, a benchmark
that measures the server's memory apart from the client's, or a test that
kills the server with SIGKILL and starts it again on the same world.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO

from swfkit.errors import SimulatorStartError

# ``swfkit sim serve`` prints this line once the socket accepts connections.
READY_PREFIX = "listening on "


class SimProcess:
    """``swfkit sim serve --dir WORLD`` in a subprocess.

    The world must exist (``swfkit sim init``). The server's log goes to
    ``log_path`` (default ``serve.log`` in the world); its stdout is read
    for the address and then drained, so the pipe never fills.

    Args:
        world_dir: the simulator world to serve.
        log_path: where the server's log is appended.
        ready_timeout: seconds to wait for the server to listen.
    """

    def __init__(
        self,
        world_dir: Path,
        log_path: Path | None = None,
        ready_timeout: float = 60.0,
    ) -> None:
        self.world_dir = Path(world_dir)
        self.log_path = log_path or self.world_dir / "serve.log"
        self.ready_timeout = ready_timeout
        self.base_url = ""
        self.port = 0
        self._process: subprocess.Popen[str] | None = None

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self._running_process().pid

    @property
    def returncode(self) -> int | None:
        """The exit status once the process ended, else None."""
        return self._running_process().poll()

    def start(self) -> SimProcess:
        """Start the server and wait until it listens.

        After a restart the server binds the port of its first start again,
        so clients configured from ``identities.json`` keep working.

        Raises:
            SimulatorStartError: it exited or did not listen in time; the
                message ends with the tail of its log.
        """
        # A fixed port from the first start on: cheroot sets SO_REUSEADDR
        # only for a non-zero port, and a restart after SIGKILL must be able
        # to bind the same port while the old one lingers in TIME_WAIT.
        self.port = self.port or free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("a") as log:
            self._process = subprocess.Popen(
                self._command(), stdout=subprocess.PIPE, stderr=log, text=True, env=env
            )

        self.base_url = self._wait_until_listening()
        return self

    def stop(self) -> None:
        """Stop politely (SIGTERM); kill when it does not end in time."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL: the server gets no chance to flush or close anything."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=15)

    def restart(self) -> SimProcess:
        """Kill the server if it runs, and start it again on the same port."""
        self.kill()
        return self.start()

    def __enter__(self) -> SimProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _command(self) -> list[str]:
        # The interpreter running now, so a virtualenv without the console
        # script on PATH works too.
        run_cli = "from swfkit.cli import main; main()"
        serve = ["sim", "serve", "--dir", str(self.world_dir), "--port"]
        return [sys.executable, "-c", run_cli, *serve, str(self.port)]

    def _running_process(self) -> subprocess.Popen[str]:
        if self._process is None:
            raise SimulatorStartError("the simulator process was never started")
        return self._process

    def _wait_until_listening(self) -> str:
        process = self._running_process()
        assert process.stdout is not None
        lines = _drain(process.stdout)
        try:
            while True:
                line = lines.get(timeout=self.ready_timeout)
                if line is None:
                    break
                if line.startswith(READY_PREFIX):
                    return line.removeprefix(READY_PREFIX).strip()
        except queue.Empty:
            pass

        self.kill()
        raise SimulatorStartError(
            f"the simulator for {self.world_dir} did not start listening:\n"
            + self._log_tail()
        )

    def _log_tail(self) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _drain(stream: IO[str]) -> queue.Queue[str | None]:
    """Lines of ``stream`` as they come; None once it closed.

    The reader keeps going after the address line, so a server that prints
    more never blocks on a full pipe.
    """
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines
