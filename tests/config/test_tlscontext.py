from __future__ import annotations

import os
import ssl
from pathlib import Path

import pytest

from swfkit.config import Settings
from swfkit.errors import ConfigurationError
from swfkit.pki import IssuedCertificate, TestPki
from swfkit.tlscontext import build_ssl_context

OIN = "00000099000000000001"


def _settings(pki: TestPki, **values: object) -> Settings:
    base: dict[str, object] = {
        "environment": "local",
        "base_url": "https://127.0.0.1:1/api",
        "oin": OIN,
        "ca_bundle": pki.ca_bundle_path,
    }
    return Settings(**(base | values))  # type: ignore[arg-type]


def test_context_verifies_server_and_host(
    pki: TestPki, organisation: IssuedCertificate
):
    context = build_ssl_context(
        _settings(pki, cert_path=organisation.cert_path, key_path=organisation.key_path)
    )

    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    assert len(context.get_ca_certs()) == 2


def test_context_key_mismatch_names_file(pki: TestPki, organisation: IssuedCertificate):
    other = pki.issue_organisation("Ander", OIN, slug="ander")

    with pytest.raises(ConfigurationError, match="does not belong") as caught:
        build_ssl_context(
            _settings(pki, cert_path=organisation.cert_path, key_path=other.key_path)
        )

    assert caught.value.source == str(organisation.cert_path)


def test_context_missing_bundle_names_file(
    pki: TestPki, organisation: IssuedCertificate, tmp_path: Path
):
    missing = tmp_path / "bundle.pem"

    with pytest.raises(ConfigurationError, match="does not exist") as caught:
        build_ssl_context(
            _settings(
                pki,
                ca_bundle=missing,
                cert_path=organisation.cert_path,
                key_path=organisation.key_path,
            )
        )

    assert caught.value.source == str(missing)


def test_pkcs12_context_leaves_no_open_files(
    pki: TestPki, organisation: IssuedCertificate
):
    settings = _settings(
        pki,
        pkcs12_path=organisation.pkcs12_path,
        pkcs12_password=organisation.pkcs12_password,
    )
    before = set(os.listdir("/proc/self/fd"))

    build_ssl_context(settings)

    assert set(os.listdir("/proc/self/fd")) == before


def test_pkcs12_context_wrong_password(pki: TestPki, organisation: IssuedCertificate):
    settings = _settings(
        pki, pkcs12_path=organisation.pkcs12_path, pkcs12_password="fout"
    )

    with pytest.raises(ConfigurationError, match="wrong password"):
        build_ssl_context(settings)
