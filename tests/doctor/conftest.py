"""Fixtures for the doctor tests: a test PKI and real TLS servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from doctor_servers import ACTING_OIN, Servers, World

from swfkit import certinfo
from swfkit.config import Settings
from swfkit.pki import IssuedCertificate, TestPki, create_failure_certificates
from swfkit.pki.failures import FOREIGN_CA_DIR


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("doctor-world")
    pki = TestPki.create(root / "pki")
    failures = create_failure_certificates(pki, root / "failures")
    return World(
        pki=pki,
        foreign=TestPki.load(root / "failures" / FOREIGN_CA_DIR),
        server=pki.issue_server(),
        other_host_server=pki.issue_server("other-host", hosts=("other.example",)),
        organisation=pki.issue_organisation(
            "Gemeente Aadorp", ACTING_OIN, slug="gemeente-aadorp"
        ),
        failures=failures,
    )


@pytest.fixture
def servers(world: World) -> Iterator[Servers]:
    running = Servers(world)
    yield running
    for server in running.started:
        server.shutdown()
        server.server_close()


@pytest.fixture
def settings_for(world: World) -> Callable[..., Settings]:
    """Settings for a certificate (PEM pair) against ``base_url``.

    The acting OIN is the certificate's own, so no mandate is involved
    unless a test passes another ``oin``.
    """

    def make(cert: IssuedCertificate, base_url: str, **changes: Any) -> Settings:
        values: dict[str, Any] = {
            "environment": "local",
            "base_url": base_url,
            "oin": _own_oin(cert) or ACTING_OIN,
            "cert_path": cert.cert_path,
            "key_path": cert.key_path,
            "ca_bundle": world.pki.ca_bundle_path,
            "connect_timeout": 2.0,
            "read_timeout": 5.0,
        }
        return Settings(**(values | changes))

    return make


def _own_oin(issued: IssuedCertificate) -> str | None:
    return certinfo.oin_from_certificate(certinfo.load_certificate(issued.cert_path))
