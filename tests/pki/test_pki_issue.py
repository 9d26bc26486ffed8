from __future__ import annotations

import os
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from swfkit import certinfo
from swfkit.errors import ConfigurationError, InvalidOinError
from swfkit.pki import IssuedCertificate, TestPki

OIN = "00000099000000000001"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _name(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(a.value) for a in cert.subject.get_attributes_for_oid(oid)]


def test_chain_verifies_against_bundle(pki: TestPki, organisation: IssuedCertificate):
    cert = certinfo.load_certificate(organisation.cert_path)
    bundle = certinfo.load_certificates(pki.ca_bundle_path)

    ok, reason = certinfo.verify_chain(cert, [], bundle)

    assert ok, reason
    assert reason.endswith("swfkit TEST Root CA - NIET VOOR PRODUCTIE")


def test_chain_verifies_with_openssl(pki: TestPki, organisation: IssuedCertificate):
    # An independent verifier: the OpenSSL command line, not our own code.
    result = subprocess.run(
        [
            "openssl",
            "verify",
            "-purpose",
            "sslclient",
            "-CAfile",
            str(pki.ca_bundle_path),
            str(organisation.cert_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": OK")


def test_ca_names_say_not_for_production(pki: TestPki):
    root, intermediate = certinfo.load_certificates(pki.ca_bundle_path)

    assert _name(root, NameOID.COMMON_NAME) == [
        "swfkit TEST Root CA - NIET VOOR PRODUCTIE"
    ]
    assert _name(intermediate, NameOID.COMMON_NAME) == [
        "swfkit TEST Private Services CA - NIET VOOR PRODUCTIE"
    ]
    constraints = intermediate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca
    assert constraints.value.path_length == 0


def test_key_files_private_mode(pki: TestPki, organisation: IssuedCertificate):
    private = [
        organisation.key_path,
        organisation.pkcs12_path,
        pki.directory / "root-ca.key",
        pki.directory / "intermediate-ca.key",
    ]

    assert [oct(_mode(p)) for p in private if p] == [oct(0o600)] * 4
    assert _mode(organisation.cert_path) & 0o077 != 0  # public parts stay public


def test_key_file_private_mode_despite_open_umask(pki: TestPki):
    stale = pki.directory / "certs" / "reissued.key"
    stale.parent.mkdir(exist_ok=True)
    stale.write_text("old")
    stale.chmod(0o644)
    previous = os.umask(0)
    try:
        issued = pki.issue_organisation("Reissued", OIN, slug="reissued")
    finally:
        os.umask(previous)

    assert _mode(issued.key_path) == 0o600
    assert _mode(issued.pkcs12_path) == 0o600  # type: ignore[arg-type]


def test_organisation_subject_carries_oin(organisation: IssuedCertificate):
    cert = certinfo.load_certificate(organisation.cert_path)

    assert _name(cert, NameOID.SERIAL_NUMBER) == [OIN]
    assert _name(cert, NameOID.ORGANIZATION_NAME) == ["Gemeente Aadorp"]
    assert _name(cert, NameOID.COMMON_NAME) == ["Gemeente Aadorp"]
    assert _name(cert, NameOID.COUNTRY_NAME) == ["NL"]
    assert certinfo.oin_from_certificate(cert) == OIN
    assert certinfo.has_client_auth(cert)


def test_organisation_files_hold_chain_and_pkcs12(
    pki: TestPki, organisation: IssuedCertificate
):
    chain = certinfo.load_certificates(organisation.chain_path)
    key, cert, extra = certinfo.load_pkcs12(
        organisation.pkcs12_path,
        organisation.pkcs12_password,  # type: ignore[arg-type]
    )

    assert [c.subject for c in chain] == [
        cert.subject,
        certinfo.load_certificates(pki.ca_bundle_path)[1].subject,
    ]
    assert certinfo.key_matches_certificate(key, cert)
    assert [c.subject for c in extra] == [chain[1].subject]
    assert organisation.pkcs12_password
    assert organisation.pkcs12_password not in repr(organisation)


def test_organisation_uses_given_password_and_dates(pki: TestPki):
    start = datetime(2030, 1, 1, tzinfo=UTC)
    issued = pki.issue_organisation(
        "Later",
        OIN,
        slug="later",
        not_before=start,
        valid_days=10,
        pkcs12_password="geheim",
    )
    cert = certinfo.load_certificate(issued.cert_path)

    assert certinfo.validity_window(cert) == (start, start + timedelta(days=10))
    assert certinfo.load_pkcs12(issued.pkcs12_path, "geheim")[1] == cert  # type: ignore[arg-type]


def test_organisation_without_client_auth_has_no_usage(pki: TestPki):
    issued = pki.issue_organisation("Geen", OIN, slug="geen", client_auth=False)
    cert = certinfo.load_certificate(issued.cert_path)

    assert not certinfo.has_client_auth(cert)
    with pytest.raises(x509.ExtensionNotFound):
        cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)


def test_server_certificate_names_hosts(pki: TestPki):
    issued = pki.issue_server()
    cert = certinfo.load_certificate(issued.cert_path)
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value

    assert names.get_values_for_type(x509.DNSName) == ["localhost"]
    assert names.get_values_for_type(x509.IPAddress) == [ip_address("127.0.0.1")]
    assert list(usage) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert issued.pkcs12_path is None
    assert _mode(issued.key_path) == 0o600


def test_issue_refuses_malformed_oin(pki: TestPki):
    with pytest.raises(InvalidOinError):
        pki.issue_organisation("Fout", "1234")


def test_load_issues_under_same_root(pki: TestPki):
    reopened = TestPki.load(pki.directory)
    issued = reopened.issue_organisation("Heropend", OIN, slug="heropend")
    cert = certinfo.load_certificate(issued.cert_path)

    assert certinfo.verify_chain(
        cert, [], certinfo.load_certificates(pki.ca_bundle_path)
    )[0]
    assert issued.cert_path.parent == pki.directory / "certs"


def test_load_missing_pki_names_fix(tmp_path: Path):
    with pytest.raises(ConfigurationError, match="swfkit pki init") as caught:
        TestPki.load(tmp_path)

    assert str(tmp_path) in str(caught.value)


def test_create_refuses_existing_pki(pki: TestPki):
    with pytest.raises(ConfigurationError, match="already exists"):
        TestPki.create(pki.directory)
