"""A real HTTPS server on 127.0.0.1 that requires client certificates."""

from __future__ import annotations

import json
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from swfkit.pki import IssuedCertificate, TestPki

BASE_PATH = "/overheid/samenwerken/api/behandelen/v5"
ACTING_OIN = "00000099000000000001"


@dataclass
class World:
    """Everything the doctor tests issue once per session."""

    pki: TestPki
    foreign: TestPki
    server: IssuedCertificate
    other_host_server: IssuedCertificate
    organisation: IssuedCertificate
    failures: dict[str, IssuedCertificate]


class _Handler(BaseHTTPRequestHandler):
    server: ApiServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.seen.append({"path": self.path, "headers": dict(self.headers)})
        body = json.dumps({"_embedded": {"samenwerkingen": []}}).encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_response(204)
        self.send_header("Connection", "close")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class ApiServer(ThreadingHTTPServer):
    """An HTTPS server that requires a client certificate from ``client_ca``."""

    daemon_threads = True

    def __init__(self, context: ssl.SSLContext, status: int) -> None:
        self.context = context
        self.status = status
        self.seen: list[dict[str, Any]] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.server_address[1]}{BASE_PATH}"

    def get_request(self) -> tuple[Any, Any]:
        sock, address = super().get_request()
        # The handshake runs in the handler thread, so a client that stalls or
        # fails it never blocks the accept loop.
        tls = self.context.wrap_socket(
            sock, server_side=True, do_handshake_on_connect=False
        )
        return tls, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Refused handshakes are what several tests are about; stay quiet.
        pass


@dataclass
class Servers:
    world: World
    started: list[ApiServer] = field(default_factory=list)

    def start(
        self,
        status: int = 200,
        *,
        server_cert: IssuedCertificate | None = None,
        client_ca: Path | None = None,
    ) -> ApiServer:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca or self.world.pki.ca_bundle_path)
        cert = server_cert or self.world.server
        context.load_cert_chain(cert.chain_path, cert.key_path)
        server = ApiServer(context, status)
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        self.started.append(server)
        return server
