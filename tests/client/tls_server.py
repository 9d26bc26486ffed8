"""A small real HTTPS server on 127.0.0.1 for transport tests.

It requires a client certificate, speaks HTTP/1.1 with keep-alive, counts
accepted connections and received requests, and answers from a script: each
request is passed to a responder that returns a :class:`Reply` or
:data:`RESET` (the connection is aborted with a TCP reset after the request
was read, as a crashing proxy would).
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from swfkit.pki import IssuedCertificate, TestPki


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(
        default_factory=lambda: {"Content-Type": "application/json"}
    )


RESET = object()

CLIENT_OIN = "00000099000000010000"


def json_reply(body: str, status: int = 200, **headers: str) -> Reply:
    """A JSON answer with extra headers."""
    return Reply(status, body.encode(), {"Content-Type": "application/json", **headers})


def client_context(pki: TestPki, cert: IssuedCertificate) -> ssl.SSLContext:
    """A client SSL context trusting only ``pki``, presenting ``cert``."""
    context = ssl.create_default_context(cafile=str(pki.ca_bundle_path))
    context.load_cert_chain(cert.chain_path, cert.key_path)
    return context


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    peer_cert: dict[str, Any] | None


Responder = Callable[[Seen], "Reply | object"]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: TlsServer

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        assert isinstance(self.connection, ssl.SSLSocket)
        seen = Seen(
            self.command,
            self.path,
            dict(self.headers),
            body,
            self.connection.getpeercert(),
        )
        reply = self.server.record(seen)
        if reply is RESET:
            # SO_LINGER with a zero timeout turns close() into a TCP RST.
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            self.close_connection = True
            self.connection.close()
            return
        assert isinstance(reply, Reply)
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


class TlsServer(ThreadingHTTPServer):
    """HTTPS with a required client certificate, on a free port."""

    daemon_threads = True

    def __init__(
        self, cert: Path, key: Path, client_ca: Path, responder: Responder
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.context.load_verify_locations(client_ca)
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.responder = responder
        self.connections = 0
        self.requests: list[Seen] = []
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.server_address[1]}/api/v5"

    def get_request(self) -> tuple[socket.socket, Any]:
        raw, address = self.socket.accept()
        with self._lock:
            self.connections += 1
        # The handshake runs in the handler thread, so a failing client
        # cannot block the accept loop.
        tls = self.context.wrap_socket(
            raw, server_side=True, do_handshake_on_connect=False
        )
        return tls, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Handshake failures are expected in some tests: stay quiet."""

    def record(self, seen: Seen) -> Reply | object:
        with self._lock:
            self.requests.append(seen)
        return self.responder(seen)

    def __enter__(self) -> TlsServer:
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
