"""A test PKI shared by the PKI and certificate-reading tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from swfkit.pki import IssuedCertificate, TestPki, create_failure_certificates

OIN = "00000099000000000001"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    return TestPki.create(tmp_path_factory.mktemp("pki") / "pki")


@pytest.fixture(scope="module")
def organisation(pki: TestPki) -> IssuedCertificate:
    return pki.issue_organisation("Gemeente Aadorp", OIN, slug="gemeente-aadorp")


@pytest.fixture(scope="module")
def failures(pki: TestPki) -> dict[str, IssuedCertificate]:
    return create_failure_certificates(pki, Path(pki.directory).parent / "failures")
