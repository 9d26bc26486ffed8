"""Certificates and a scripted TLS server for the client's transport tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from swfkit.client import Client
from swfkit.client.transport import Transport, TransportOptions
from swfkit.client.urls import BaseUrl
from swfkit.config import Settings
from swfkit.pki import IssuedCertificate, TestPki

from .tls_server import CLIENT_OIN, Reply, Responder, TlsServer, client_context


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    return TestPki.create(tmp_path_factory.mktemp("pki"), label="swfkit CLIENT")


@pytest.fixture(scope="session")
def other_pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    """A second, unrelated CA: what an attacker's or a proxy's CA would be."""
    return TestPki.create(tmp_path_factory.mktemp("other-pki"), label="swfkit OTHER")


@pytest.fixture(scope="session")
def server_cert(pki: TestPki) -> IssuedCertificate:
    return pki.issue_server("server")


@pytest.fixture(scope="session")
def client_cert(pki: TestPki) -> IssuedCertificate:
    return pki.issue_organisation("Gemeente Proefstad", CLIENT_OIN, slug="proefstad")


ServerFactory = Callable[..., TlsServer]


@pytest.fixture
def tls_server(pki: TestPki, server_cert: IssuedCertificate) -> Iterator[ServerFactory]:
    """Start scripted TLS servers; all are stopped after the test."""
    started: list[TlsServer] = []

    def start(
        responder: Responder | None = None, *, cert: IssuedCertificate | None = None
    ) -> TlsServer:
        use = cert or server_cert
        server = TlsServer(
            use.chain_path,
            use.key_path,
            pki.ca_bundle_path,
            responder or (lambda seen: Reply()),
        )
        started.append(server.__enter__())
        return server

    yield start
    for server in started:
        server.__exit__(None, None, None)


TransportFactory = Callable[..., Transport]


@pytest.fixture
def make_transport(
    pki: TestPki, client_cert: IssuedCertificate
) -> Iterator[TransportFactory]:
    """Build transports for a server; all are closed after the test."""
    made: list[Transport] = []

    def build(server: TlsServer, **options: object) -> Transport:
        context = client_context(pki, client_cert)
        values: dict[str, object] = {
            "base_url": BaseUrl.parse(server.base_url),
            "ssl_context": context,
            "ca_bundle": pki.ca_bundle_path,
            "oin": CLIENT_OIN,
            "backoff": 0.0,
            **options,
        }
        transport = Transport(TransportOptions(**values))  # type: ignore[arg-type]
        made.append(transport)
        return transport

    yield build
    for transport in made:
        transport.close()


ClientFactory = Callable[..., Client]


@pytest.fixture
def make_client(
    pki: TestPki, client_cert: IssuedCertificate
) -> Iterator[ClientFactory]:
    """Build real clients (settings, SSL context, transport) for a server."""
    made: list[Client] = []

    def build(server: TlsServer, **overrides: object) -> Client:
        values: dict[str, object] = {
            "environment": "local",
            "base_url": server.base_url,
            "oin": CLIENT_OIN,
            "cert_path": client_cert.chain_path,
            "key_path": client_cert.key_path,
            "ca_bundle": pki.ca_bundle_path,
            **overrides,
        }
        client = Client(Settings(**values), backoff=0.0)  # type: ignore[arg-type]
        made.append(client)
        return client

    yield build
    for client in made:
        client.close()
