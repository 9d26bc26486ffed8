"""Mutual TLS: the handshake itself refuses clients the world does not trust.

Shown with clients that are not swfkit: Python's ``ssl`` module and curl.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from swfkit.pki import IssuedCertificate, TestPki, create_failure_certificates
from swfkit.sim.server import Simulator

from .api import AADORP, problem

OIN_AADORP = "00000099000000001001"


@pytest.fixture(scope="module")
def bad_certs(
    sim_world: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, IssuedCertificate]:
    """Certificates with one defect each, from the world's CA or a foreign one."""
    pki = TestPki.load(sim_world / "pki")
    certs = create_failure_certificates(pki, tmp_path_factory.mktemp("bad-certs"))
    certs["unknown_org"] = pki.issue_organisation(
        "Gemeente Onbekend",
        "00000099000000099999",
        slug="onbekend",
        pkcs12_password="x",
    )
    return certs


def _raw_exchange(simulator: Simulator, cert: IssuedCertificate | None) -> bytes:
    """Handshake and one HTTP request with the stdlib ``ssl`` module."""
    bundle = simulator.world_dir / "pki" / "ca-bundle.pem"
    context = ssl.create_default_context(cafile=str(bundle))
    if cert is not None:
        context.load_cert_chain(cert.chain_path, cert.key_path)
    url = urlsplit(simulator.base_url)
    request = (
        f"GET {url.path}/samenwerkingen HTTP/1.1\r\nHost: {url.hostname}\r\n"
        f"X-OIN: {OIN_AADORP}\r\nConnection: close\r\n\r\n"
    ).encode()
    with (
        socket.create_connection((url.hostname, url.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=url.hostname) as tls,
    ):
        tls.sendall(request)
        return tls.recv(4096)


def test_handshake_with_world_certificate_succeeds(
    simulator: Simulator, sim_world: Path
) -> None:
    cert = _identity_cert(sim_world, AADORP)
    assert _raw_exchange(simulator, cert).startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("kind", ["none", "foreign_ca", "expired"])
def test_handshake_is_refused_by_python_ssl(
    simulator: Simulator, bad_certs: dict[str, IssuedCertificate], kind: str
) -> None:
    cert = None if kind == "none" else bad_certs[kind]
    # TLS 1.3 finishes the client side before the server judges the
    # certificate; the refusal arrives as an alert on the first read.
    try:
        answer = _raw_exchange(simulator, cert)
    except (ssl.SSLError, ConnectionResetError, BrokenPipeError) as exc:
        print(f"{kind}: refused with {exc!r}")
        return
    assert answer == b"", f"the server answered: {answer[:40]!r}"


def _curl(simulator: Simulator, *args: str) -> subprocess.CompletedProcess[str]:
    bundle = simulator.world_dir / "pki" / "ca-bundle.pem"
    return subprocess.run(
        [
            "curl",
            "--silent",
            "--show-error",
            "--output",
            "/dev/null",
            "--write-out",
            "%{http_code}",
            "--cacert",
            str(bundle),
            "-H",
            f"X-OIN: {OIN_AADORP}",
            *args,
            simulator.base_url + "/samenwerkingen",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )


needs_curl = pytest.mark.skipif(
    shutil.which("curl") is None, reason="curl is not installed"
)


@needs_curl
def test_curl_with_world_certificate_gets_an_answer(
    simulator: Simulator, sim_world: Path
) -> None:
    cert = _identity_cert(sim_world, AADORP)
    done = _curl(simulator, "--cert", str(cert.cert_path), "--key", str(cert.key_path))
    assert done.returncode == 0 and done.stdout == "200", done.stderr


@needs_curl
@pytest.mark.parametrize("kind", ["none", "foreign_ca"])
def test_curl_handshake_is_refused(
    simulator: Simulator, bad_certs: dict[str, IssuedCertificate], kind: str
) -> None:
    args: list[str] = []
    if kind != "none":
        cert = bad_certs[kind]
        args = ["--cert", str(cert.cert_path), "--key", str(cert.key_path)]
    done = _curl(simulator, *args)
    assert done.returncode != 0
    assert done.stdout == "000"  # no HTTP status was ever received


def test_certificate_of_unknown_organisation_is_forbidden(
    simulator: Simulator, bad_certs: dict[str, IssuedCertificate]
) -> None:
    response = _session(simulator, bad_certs["unknown_org"], "00000099000000099999")
    problem(response, 403, "certificaat-organisatie-bekend")


def test_certificate_without_oin_is_forbidden(
    simulator: Simulator, bad_certs: dict[str, IssuedCertificate]
) -> None:
    response = _session(simulator, bad_certs["no_oin"], OIN_AADORP)
    problem(response, 403, "certificaat-organisatie-bekend")


def test_environment_trust_settings_do_not_leak_in(
    monkeypatch: pytest.MonkeyPatch,
    sim_factory: Callable[..., Simulator],
    bad_certs: dict[str, IssuedCertificate],
    identity_session: Callable[..., requests.Session],
) -> None:
    # create_failure_certificates keeps the foreign CA beside the certs.
    foreign_root = (
        bad_certs["foreign_ca"].chain_path.parent.parent
        / "foreign-ca"
        / "ca-bundle.pem"
    )
    assert foreign_root.is_file()
    for name in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, str(foreign_root))
    simulator = sim_factory()  # started while the environment points elsewhere

    # A session that trusted the environment would now reject the server.
    trusting = requests.Session()
    with pytest.raises(requests.exceptions.SSLError):
        trusting.get(simulator.base_url + "/samenwerkingen", timeout=10)
    # Ours does not, and the server still only trusts the world's CA.
    session = identity_session(simulator.world_dir, AADORP)
    assert (
        session.get(simulator.base_url + "/samenwerkingen", timeout=10).status_code
        == 200
    )
    with pytest.raises(
        (requests.exceptions.SSLError, requests.exceptions.ConnectionError)
    ):
        _session(simulator, bad_certs["foreign_ca"], OIN_AADORP)


def _identity_cert(world: Path, slug: str) -> IssuedCertificate:
    certs = world / "pki" / "certs"
    return IssuedCertificate(
        slug,
        certs / f"{slug}.pem",
        certs / f"{slug}.key",
        certs / f"{slug}.chain.pem",
        None,
        None,
    )


def _session(
    simulator: Simulator, cert: IssuedCertificate, oin: str
) -> requests.Response:
    session = requests.Session()
    session.trust_env = False
    session.verify = str(simulator.world_dir / "pki" / "ca-bundle.pem")
    session.cert = (str(cert.cert_path), str(cert.key_path))
    return session.get(
        simulator.base_url + "/samenwerkingen", headers={"X-OIN": oin}, timeout=10
    )
