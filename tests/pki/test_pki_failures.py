from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from swfkit import certinfo
from swfkit.pki import IssuedCertificate, TestPki

DEFECTS = ["expired", "no_oin", "no_client_auth", "foreign_ca", "expiring_soon"]


def _defects(issued: IssuedCertificate, pki: TestPki) -> set[str]:
    """Every defect the certificate has, judged independently of its name."""
    cert = certinfo.load_certificate(issued.cert_path)
    now = datetime.now(UTC)
    not_before, not_after = certinfo.validity_window(cert)
    trusted = certinfo.load_certificates(pki.ca_bundle_path)
    found = set()
    if not_after <= now:
        found.add("expired")
    elif not_after - now < timedelta(days=30):
        found.add("expiring_soon")
    if certinfo.oin_from_certificate(cert) is None:
        found.add("no_oin")
    if not certinfo.has_client_auth(cert):
        found.add("no_client_auth")
    if not certinfo.verify_chain(cert, [], trusted, at=not_before)[0]:
        found.add("foreign_ca")
    return found


def test_failure_set_names_every_defect(failures: dict[str, IssuedCertificate]):
    assert sorted(failures) == sorted(DEFECTS)


@pytest.mark.parametrize("defect", DEFECTS)
def test_failure_certificate_has_exactly_named_defect(
    defect: str, failures: dict[str, IssuedCertificate], pki: TestPki
):
    assert _defects(failures[defect], pki) == {defect}


def test_good_certificate_has_no_defect(organisation: IssuedCertificate, pki: TestPki):
    assert _defects(organisation, pki) == set()


def test_foreign_ca_is_separate_pki(
    failures: dict[str, IssuedCertificate], pki: TestPki
):
    foreign = certinfo.load_certificate(failures["foreign_ca"].cert_path)
    ours = certinfo.load_certificates(pki.ca_bundle_path)

    assert foreign.issuer not in {c.subject for c in ours}
    assert "NIET VOOR PRODUCTIE" in foreign.issuer.rfc4514_string()
    chain = certinfo.load_certificates(failures["foreign_ca"].chain_path)
    assert foreign.issuer == chain[1].subject
