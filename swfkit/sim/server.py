"""The simulator's HTTPS server: cheroot with mutual TLS.

cheroot's ``BuiltinSSLAdapter`` wraps every connection with our
``ssl.SSLContext`` (``CERT_REQUIRED``, trusting only the world's CA bundle),
so the handshake itself refuses a client without a certificate or with one
from another CA. The adapter then hands the verified certificate to the app
in the WSGI environ (``SSL_CLIENT_CERT``).
"""

from __future__ import annotations

import logging
import ssl
import threading
from pathlib import Path
from types import TracebackType

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter

from swfkit.sim.clock import Clock
from swfkit.sim.faults import with_faults
from swfkit.sim.web.app import build_runtime, create_app
from swfkit.sim.web.runtime import Runtime
from swfkit.sim.world import World, base_url

logger = logging.getLogger(__name__)

_THREADS = 8
_READY_TIMEOUT = 15.0


def server_context(world: World) -> ssl.SSLContext:
    """The TLS context: our server certificate, client certificates required."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(world.server.cert, world.server.key)
    context.load_verify_locations(cafile=world.server.ca_bundle)
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class _Server(wsgi.Server):
    """cheroot's server, with its error log routed to :mod:`logging`."""

    def error_log(
        self, msg: str = "", level: int = 20, traceback: bool = False
    ) -> None:
        # Refused handshakes are expected (that is the point of mutual TLS);
        # keep them out of stderr.
        logger.log(
            logging.DEBUG if level < logging.ERROR else level,
            "cheroot: %s",
            msg,
            exc_info=traceback,
        )


class Simulator:
    """A running simulator for one world folder.

    Args:
        world_dir: the folder ``swfkit sim init`` created.
        host: the address to listen on.
        port: the port; 0 picks a free one (see :attr:`port` after start).
        clock: where time comes from (default: the system clock).
    """

    def __init__(
        self,
        world_dir: Path | str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Clock | None = None,
    ) -> None:
        self.world_dir = Path(world_dir)
        self.host = host
        self.requested_port = port
        self.clock = clock
        self.runtime: Runtime | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on (after :meth:`start`)."""
        if self._server is None:
            raise RuntimeError("the simulator is not started")
        return int(self._server.bind_addr[1])

    @property
    def base_url(self) -> str:
        """``https://host:port/basePath`` of the running simulator."""
        world = self._runtime().world
        return base_url(self.host, self.port, world.settings.base_path)

    @property
    def oin_header(self) -> str:
        """The name of the acting-OIN header this world expects."""
        return self._runtime().world.settings.oin_header

    def start(self) -> Simulator:
        """Start serving in a background thread; return once listening.

        ``prepare`` binds and listens, so connections made right after this
        returns queue until the serving thread picks them up.
        """
        self._prepare()
        assert self._server is not None
        self._thread = threading.Thread(
            target=self._server.serve, name="swfkit-sim", daemon=True
        )
        self._thread.start()
        logger.info("simulator listening on %s", self.base_url)
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (the CLI's mode)."""
        self.prepare()
        assert self._server is not None
        try:
            self._server.serve()
        finally:
            self.stop()

    def prepare(self) -> None:
        """Bind the socket without serving yet (so the port is known)."""
        if self._server is None:
            self._prepare()

    def stop(self) -> None:
        """Stop serving and close the database."""
        if self._server is not None:
            self._server.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self.runtime is not None:
            self.runtime.store.close()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _prepare(self) -> None:
        world = World.load(self.world_dir)
        self.runtime = build_runtime(world, self.clock)
        server = _Server(
            (self.host, self.requested_port),
            with_faults(create_app(self.runtime), world),
            numthreads=_THREADS,
            server_name="swfkit-sim",
        )
        adapter = BuiltinSSLAdapter(str(world.server.cert), str(world.server.key))
        adapter.context = server_context(world)
        server.ssl_adapter = adapter
        server.prepare()
        self._server = server

    def _runtime(self) -> Runtime:
        if self.runtime is None:
            raise RuntimeError("the simulator is not started")
        return self.runtime
