"""Deliberately wrong connections, to see that the server refuses them.

The swfkit client cannot be talked into sending a request without a
certificate or without the OIN header: that is the point of it. The
onboarding scenarios need exactly such requests, so this module makes them
with the standard library:

- :func:`probe_handshake` opens a TLS connection with a chosen client
  certificate (or none) and reports whether the server refused it. With TLS
  1.3 a server reports a rejected client certificate only after the
  handshake, so the probe also sends a request and reads the answer.
- :func:`probe_without_oin_header` sends one authenticated GET without the
  OIN header through :mod:`http.client`, so a cassette can record it.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

_TIMEOUT = 10.0
#: Marks a request that breaks the contract on purpose, so the cassette
#: check judges only the server's answer to it.
DELIBERATE_HEADER = "X-Swfkit-Conformance"
DELIBERATE_VALUE = "opzettelijk-ongeldig"


@dataclass(frozen=True)
class ProbeResult:
    """What the server did with a probe.

    Attributes:
        refused: The server broke off the connection (TLS alert, reset).
        status: The HTTP status, when the server answered.
        detail: The TLS alert or error text, or the reason phrase.
    """

    refused: bool
    status: int | None
    detail: str
    body: bytes = b""


def client_context(
    ca_bundle: Path, cert: Path | None = None, key: Path | None = None
) -> ssl.SSLContext:
    """A TLS client context trusting only ``ca_bundle``, with an optional cert."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=str(ca_bundle))
    if cert is not None:
        context.load_cert_chain(str(cert), str(key) if key else None)
    return context


def probe_handshake(
    base_url: str,
    context: ssl.SSLContext,
    *,
    oin_header: str,
    oin: str,
    timeout: float = _TIMEOUT,
) -> ProbeResult:
    """Connect with ``context`` and send one GET of the samenwerkingen.

    Returns:
        ``refused=True`` when the server ends the connection during or right
        after the handshake; otherwise the HTTP status it answered.
    """
    url = urlsplit(base_url)
    host, port = url.hostname or "", url.port or 443
    request = (
        f"GET {url.path}/samenwerkingen?size=1 HTTP/1.1\r\nHost: {url.netloc}\r\n"
        f"{oin_header}: {oin}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            tls.sendall(request)
            first = tls.recv(4096)
    except (ssl.SSLError, ConnectionError) as exc:
        return ProbeResult(True, None, _describe(exc))
    if not first:
        return ProbeResult(True, None, "de server sloot de verbinding zonder antwoord")
    return _status_line(first)


def probe_without_oin_header(
    base_url: str, context: ssl.SSLContext, timeout: float = _TIMEOUT
) -> ProbeResult:
    """An authenticated GET of the samenwerkingen without the OIN header."""
    url = urlsplit(base_url)
    connection = http.client.HTTPSConnection(
        url.hostname or "", url.port or 443, timeout=timeout, context=context
    )
    try:
        connection.request(
            "GET",
            f"{url.path}/samenwerkingen?size=1",
            headers={"Accept": "application/json", DELIBERATE_HEADER: DELIBERATE_VALUE},
        )
        response = connection.getresponse()
        return ProbeResult(False, response.status, response.reason, response.read())
    except (ssl.SSLError, ConnectionError) as exc:
        return ProbeResult(True, None, _describe(exc))
    finally:
        connection.close()


def _status_line(data: bytes) -> ProbeResult:
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ", 2)
    if len(parts) >= 2 and parts[1].isdigit():
        return ProbeResult(False, int(parts[1]), parts[2] if len(parts) > 2 else "")
    return ProbeResult(False, None, f"onverwacht antwoord: {line[:80]!r}")


def _describe(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return f"{type(exc).__name__}: {reason or exc}"
