"""Doctor against real TLS servers on 127.0.0.1, one defect at a time."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from doctor_servers import ACTING_OIN, Servers, World

from swfkit import certinfo
from swfkit.config import Settings
from swfkit.doctor import CHECKS, CheckResult, Status, network, run_checks
from swfkit.doctor.model import FORM_URL, DoctorState

SettingsFor = Callable[..., Settings]


def _run(settings: Settings) -> dict[str, CheckResult]:
    return {result.id: result for result in run_checks(settings)}


def _statuses(results: dict[str, CheckResult]) -> dict[str, str]:
    return {check_id: result.status.value for check_id, result in results.items()}


def _all_pass_except(**expected: str) -> dict[str, str]:
    return {check.id: expected.get(check.id, "PASS") for check in CHECKS}


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts TCP connections but never speaks TLS."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        yield int(sock.getsockname()[1])


def test_happy_path_all_pass(servers: Servers, settings_for: SettingsFor, world: World):
    server = servers.start(200)

    results = _run(settings_for(world.organisation, server.base_url))

    assert _statuses(results) == _all_pass_except()
    assert server.seen[0]["path"].endswith("/samenwerkingen?size=1")
    assert server.seen[0]["headers"]["X-OIN"] == ACTING_OIN


def test_happy_path_pkcs12_all_pass(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    settings = settings_for(
        world.organisation,
        server.base_url,
        cert_path=None,
        key_path=None,
        pkcs12_path=world.organisation.pkcs12_path,
        pkcs12_password=world.organisation.pkcs12_password,
    )

    assert _statuses(_run(settings)) == _all_pass_except()
    assert len(server.seen) == 1


def test_custom_oin_header_sent(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)

    _run(settings_for(world.organisation, server.base_url, oin_header="X-Acting"))

    assert server.seen[0]["headers"]["X-Acting"] == ACTING_OIN
    assert "X-OIN" not in server.seen[0]["headers"]


def test_expired_fails_validity_and_skips_network(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    expired = world.failures["expired"]

    results = _run(settings_for(expired, server.base_url))

    assert results["validity"].status is Status.FAIL
    assert "verlopen op" in results["validity"].reason
    assert results["validity"].fix
    assert results["chain"].status is Status.PASS
    assert results["tls_handshake"].status is Status.SKIP
    assert results["api_call"].status is Status.SKIP
    assert server.seen == []


def test_expiring_soon_warns(servers: Servers, settings_for: SettingsFor, world: World):
    server = servers.start(200)
    cert = world.failures["expiring_soon"]

    results = _run(settings_for(cert, server.base_url))

    assert _statuses(results) == _all_pass_except(validity="WARN")
    assert "verloopt over" in results["validity"].reason


def test_foreign_ca_fails_chain_and_handshake(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    cert = world.failures["foreign_ca"]

    results = _run(settings_for(cert, server.base_url))

    assert results["chain"].status is Status.FAIL
    assert "swfkit FOREIGN TEST" in results["chain"].reason
    assert "CA-bundel" in (results["chain"].fix or "")
    assert results["tls_handshake"].status is Status.FAIL
    assert "geweigerd" in results["tls_handshake"].reason
    assert results["api_call"].status is Status.SKIP


def test_no_oin_fails_oin_and_skips_mandate(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)

    results = _run(settings_for(world.failures["no_oin"], server.base_url))

    assert _statuses(results) == _all_pass_except(oin="FAIL", mandate="SKIP")
    assert "serialNumber" in results["oin"].reason


def test_no_client_auth_fails_usage(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    cert = world.failures["no_client_auth"]

    results = _run(settings_for(cert, server.base_url))

    assert results["client_auth"].status is Status.FAIL
    assert "clientAuth" in results["client_auth"].reason
    assert results["chain"].status is Status.PASS


def test_key_mismatch_fails_key_pair(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    settings = settings_for(
        world.organisation, server.base_url, key_path=world.failures["no_oin"].key_path
    )

    results = _run(settings)

    assert results["key_pair"].status is Status.FAIL
    assert "hoort niet bij" in results["key_pair"].reason
    assert results["validity"].status is Status.PASS
    assert results["tls_handshake"].status is Status.SKIP
    assert results["api_call"].status is Status.SKIP


def test_wrong_host_fails_handshake(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200, server_cert=world.other_host_server)

    results = _run(settings_for(world.organisation, server.base_url))

    assert results["tls_handshake"].status is Status.FAIL
    assert "niet uitgegeven voor 127.0.0.1" in results["tls_handshake"].reason
    assert results["api_call"].status is Status.SKIP


def test_untrusted_server_fails_handshake(
    servers: Servers, settings_for: SettingsFor, world: World
):
    # The server's certificate comes from a CA outside our bundle.
    server = servers.start(200, server_cert=world.failures["foreign_ca"])

    results = _run(settings_for(world.organisation, server.base_url))

    assert results["tls_handshake"].status is Status.FAIL
    assert "niet vertrouwd" in results["tls_handshake"].reason


def test_ca_variables_do_not_decide_trust(
    monkeypatch: pytest.MonkeyPatch,
    servers: Servers,
    settings_for: SettingsFor,
    world: World,
):
    # The process variables point at the bundle that would work; the settings
    # name a bundle that does not. Only the settings may count.
    for name in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, str(world.pki.ca_bundle_path))
    server = servers.start(200)
    settings = settings_for(
        world.organisation, server.base_url, ca_bundle=world.foreign.ca_bundle_path
    )

    results = _run(settings)

    assert results["tls_handshake"].status is Status.FAIL
    assert "niet vertrouwd" in results["tls_handshake"].reason
    assert server.seen == []


def test_nothing_listening_refused(
    settings_for: SettingsFor, world: World, closed_port: int
):
    url = f"https://127.0.0.1:{closed_port}/api"

    results = _run(settings_for(world.organisation, url))

    assert results["tls_handshake"].status is Status.FAIL
    assert "verbinding geweigerd" in results["tls_handshake"].reason
    assert results["api_call"].status is Status.SKIP


def test_server_rejects_client_certificate(
    servers: Servers, settings_for: SettingsFor, world: World
):
    # Our chain is fine locally, but this server trusts another CA for clients.
    server = servers.start(200, client_ca=world.foreign.ca_bundle_path)

    results = _run(settings_for(world.organisation, server.base_url))

    assert results["chain"].status is Status.PASS
    assert results["tls_handshake"].status is Status.FAIL
    assert "ons certificaat is geweigerd" in results["tls_handshake"].reason
    assert server.seen == []


def test_silent_server_times_out(
    settings_for: SettingsFor, world: World, silent_port: int
):
    url = f"https://127.0.0.1:{silent_port}/api"

    results = _run(settings_for(world.organisation, url, connect_timeout=0.3))

    assert results["tls_handshake"].status is Status.FAIL
    assert "time-out" in results["tls_handshake"].reason


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (403, "geen SWF-abonnement"),
        (404, "basispad klopt niet"),
        (400, "OIN-header"),
        (401, "OIN-header"),
        (500, "onverwachte status 500"),
    ],
)
def test_api_status_interpreted(
    status: int,
    expected: str,
    servers: Servers,
    settings_for: SettingsFor,
    world: World,
):
    server = servers.start(status)

    results = _run(settings_for(world.organisation, server.base_url))

    assert _statuses(results) == _all_pass_except(api_call="FAIL")
    assert expected in results["api_call"].reason
    assert results["api_call"].fix


def test_api_403_points_to_form(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(403)

    results = _run(settings_for(world.organisation, server.base_url))

    assert FORM_URL in (results["api_call"].fix or "")


def test_api_400_names_header_setting(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(400)

    results = _run(settings_for(world.organisation, server.base_url))

    assert "--oin-header" in (results["api_call"].fix or "")


def test_other_acting_oin_warns_mandate(
    servers: Servers, settings_for: SettingsFor, world: World
):
    server = servers.start(200)
    other = "00000099000000000042"

    results = _run(settings_for(world.organisation, server.base_url, oin=other))

    assert _statuses(results) == _all_pass_except(mandate="WARN")
    assert other in results["mandate"].reason
    assert FORM_URL in (results["mandate"].fix or "")
    assert "twee werkdagen" in (results["mandate"].fix or "")
    assert server.seen[0]["headers"]["X-OIN"] == other


def test_missing_configuration_fails_first_step(world: World):
    settings = Settings(environment="local", base_url=None, oin=None)

    results = _run(settings)

    assert results["configuration"].status is Status.FAIL
    assert "base URL" in results["configuration"].reason
    assert "acterend OIN" in results["configuration"].reason
    assert {r.status for r in list(results.values())[1:]} == {Status.SKIP}


def test_missing_bundle_warns_and_skips_chain(
    settings_for: SettingsFor, world: World, closed_port: int
):
    url = f"https://127.0.0.1:{closed_port}/api"

    results = _run(settings_for(world.organisation, url, ca_bundle=None))

    assert results["configuration"].status is Status.WARN
    assert "cert.pkioverheid.nl" in (results["configuration"].fix or "")
    assert results["chain"].status is Status.SKIP


def test_test_oin_against_pre_warns(
    settings_for: SettingsFor, world: World, closed_port: int
):
    settings = settings_for(
        world.organisation, f"https://127.0.0.1:{closed_port}/api", environment="pre"
    )

    results = _run(settings)

    assert results["oin"].status is Status.WARN
    assert "test-OIN" in results["oin"].reason


def test_not_yet_valid_fails_validity(settings_for: SettingsFor, world: World):
    cert = certinfo.load_certificate(world.organisation.cert_path)
    before = certinfo.validity_window(cert)[0] - timedelta(days=1)
    settings = settings_for(world.organisation, "https://127.0.0.1:1/api")

    results = {r.id: r for r in run_checks(settings, now=before)}

    assert results["validity"].status is Status.FAIL
    assert "nog niet geldig" in results["validity"].reason


def test_unreadable_key_fails_key_pair_with_dutch_fix(
    settings_for: SettingsFor, world: World, tmp_path: Path
):
    missing = tmp_path / "weg.key"
    settings = replace(
        settings_for(world.organisation, "https://127.0.0.1:1/api"), key_path=missing
    )

    results = _run(settings)

    assert results["key_pair"].status is Status.FAIL
    assert str(missing) in results["key_pair"].reason
    assert "bestaat niet" in (results["key_pair"].fix or "")


def test_wrong_pkcs12_password_fails_key_pair(settings_for: SettingsFor, world: World):
    settings = settings_for(
        world.organisation,
        "https://127.0.0.1:1/api",
        cert_path=None,
        key_path=None,
        pkcs12_path=world.organisation.pkcs12_path,
        pkcs12_password="fout",
    )

    results = _run(settings)

    assert results["key_pair"].status is Status.FAIL
    assert "PKCS#12-wachtwoord" in (results["key_pair"].fix or "")
    assert results["validity"].status is Status.SKIP


def test_api_call_ignores_requests_ca_bundle(
    monkeypatch: pytest.MonkeyPatch,
    servers: Servers,
    settings_for: SettingsFor,
    world: World,
):
    # Step 9 on its own: requests would take REQUESTS_CA_BUNDLE over a session
    # default if trust_env were left on.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(world.pki.ca_bundle_path))
    server = servers.start(200)
    settings = settings_for(
        world.organisation, server.base_url, ca_bundle=world.foreign.ca_bundle_path
    )

    verdict = network.check_api(DoctorState(settings, datetime.now(UTC)))

    assert verdict.status is Status.FAIL
    assert "SSLError" in verdict.reason
    assert server.seen == []


def test_pkcs12_without_memfd_uses_private_temp_file(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    servers: Servers,
    settings_for: SettingsFor,
    world: World,
):
    # Platforms without memfd_create take the fallback: a 0600 file in a
    # private folder, gone again once the context is built.
    monkeypatch.delattr(os, "memfd_create")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    server = servers.start(200)
    settings = settings_for(
        world.organisation,
        server.base_url,
        cert_path=None,
        key_path=None,
        pkcs12_path=world.organisation.pkcs12_path,
        pkcs12_password=world.organisation.pkcs12_password,
    )

    assert _statuses(_run(settings)) == _all_pass_except()
    assert list(tmp_path.iterdir()) == []
