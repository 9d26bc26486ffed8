from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from swfkit import certinfo
from swfkit.errors import ConfigurationError
from swfkit.pki import IssuedCertificate, TestPki


def test_load_certificate_missing_file_names_path(tmp_path: Path):
    missing = tmp_path / "nope.pem"

    with pytest.raises(ConfigurationError) as caught:
        certinfo.load_certificate(missing)

    assert caught.value.source == str(missing)
    assert "does not exist" in str(caught.value)
    assert caught.value.fix


def test_load_certificate_directory_says_so(tmp_path: Path):
    with pytest.raises(ConfigurationError, match="is a directory"):
        certinfo.load_certificate(tmp_path)


def test_load_certificate_text_not_pem(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")

    with pytest.raises(ConfigurationError, match="not PEM") as caught:
        certinfo.load_certificate(path)

    assert "PEM" in (caught.value.fix or "")


def test_load_certificate_der_suggests_conversion(
    tmp_path: Path, organisation: IssuedCertificate
):
    der = tmp_path / "cert.der"
    der.write_bytes(
        certinfo.load_certificate(organisation.cert_path).public_bytes(Encoding.DER)
    )

    with pytest.raises(ConfigurationError) as caught:
        certinfo.load_certificate(der)

    assert "openssl x509 -inform der" in (caught.value.fix or "")


def test_load_certificate_key_file_instead(organisation: IssuedCertificate):
    with pytest.raises(ConfigurationError, match="no readable PEM certificate"):
        certinfo.load_certificate(organisation.key_path)


def test_load_private_key_certificate_instead(organisation: IssuedCertificate):
    with pytest.raises(ConfigurationError, match="cannot be read"):
        certinfo.load_private_key(organisation.cert_path)


def test_load_pkcs12_wrong_password_names_fix(organisation: IssuedCertificate):
    with pytest.raises(ConfigurationError) as caught:
        certinfo.load_pkcs12(organisation.pkcs12_path, "wrong")  # type: ignore[arg-type]

    assert "wrong password" in str(caught.value)
    assert "SWF_PKCS12_PASSWORD" in (caught.value.fix or "")
    assert caught.value.source == str(organisation.pkcs12_path)


def test_load_pkcs12_without_password(organisation: IssuedCertificate):
    with pytest.raises(ConfigurationError, match="no password"):
        certinfo.load_pkcs12(organisation.pkcs12_path, None)  # type: ignore[arg-type]


def test_load_pkcs12_pem_given_instead(organisation: IssuedCertificate):
    with pytest.raises(ConfigurationError, match="PEM file, not PKCS#12"):
        certinfo.load_pkcs12(organisation.cert_path, "x")


def test_key_matches_only_own_certificate(
    organisation: IssuedCertificate, failures: dict[str, IssuedCertificate]
):
    cert = certinfo.load_certificate(organisation.cert_path)

    assert certinfo.key_matches_certificate(
        certinfo.load_private_key(organisation.key_path), cert
    )
    assert not certinfo.key_matches_certificate(
        certinfo.load_private_key(failures["no_oin"].key_path), cert
    )


def test_verify_chain_foreign_names_missing_issuer(
    pki: TestPki, failures: dict[str, IssuedCertificate]
):
    cert = certinfo.load_certificate(failures["foreign_ca"].cert_path)

    ok, reason = certinfo.verify_chain(
        cert, [], certinfo.load_certificates(pki.ca_bundle_path)
    )

    assert not ok
    assert "swfkit FOREIGN TEST Private Services CA" in reason
    assert "not in the trust bundle" in reason


def test_verify_chain_uses_given_intermediates(
    pki: TestPki, organisation: IssuedCertificate
):
    leaf, intermediate = certinfo.load_certificates(organisation.chain_path)
    root_only = [certinfo.load_certificate(pki.root_cert_path)]

    assert not certinfo.verify_chain(leaf, [], root_only)[0]
    assert certinfo.verify_chain(leaf, [intermediate], root_only)[0]


def test_verify_chain_expired_leaf_fails_now(
    pki: TestPki, failures: dict[str, IssuedCertificate]
):
    chain = certinfo.load_certificates(failures["expired"].chain_path)
    bundle = certinfo.load_certificates(pki.ca_bundle_path)

    ok, reason = certinfo.verify_chain(chain[0], chain[1:], bundle)

    assert not ok
    assert "not valid at validation time" in reason


def test_verify_chain_bundle_without_root(organisation: IssuedCertificate):
    leaf, intermediate = certinfo.load_certificates(organisation.chain_path)

    ok, reason = certinfo.verify_chain(leaf, [], [intermediate])

    assert not ok
    assert "no root" in reason


def test_describe_is_safe_to_print(organisation: IssuedCertificate):
    summary = certinfo.describe(certinfo.load_certificate(organisation.cert_path))
    text = json.dumps(summary)

    assert summary["oin"] == "00000099000000000001"
    assert summary["oinMeaning"].startswith("test-OIN")
    assert summary["organisation"] == "Gemeente Aadorp"
    assert summary["extendedKeyUsage"] == ["clientAuth"]
    assert len(summary["sha256"].split(":")) == 32
    assert "BEGIN" not in text and "PRIVATE" not in text
