"""Certificates that are wrong in exactly one way, for testing onboarding checks.

Each certificate differs from a good organisation certificate in the one
defect its key names, so a check that flags it flags that defect only.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from swfkit.pki.authority import CERTS_DIR, IssuedCertificate, TestPki

logger = logging.getLogger(__name__)

FOREIGN_CA_DIR = "foreign-ca"


def create_failure_certificates(
    pki: TestPki, directory: Path
) -> dict[str, IssuedCertificate]:
    """Issue one certificate per defect, with its files under ``directory``.

    Keys: ``expired`` (ended 30 days ago), ``no_oin`` (no ``serialNumber``),
    ``no_client_auth`` (no extended key usage), ``foreign_ca`` (issued by a
    separate CA created in ``directory/foreign-ca``, unrelated to ``pki``) and
    ``expiring_soon`` (valid, but ends in 10 days).
    """
    directory = Path(directory)
    certs_dir = directory / CERTS_DIR
    now = datetime.now(UTC)
    foreign = TestPki.create(directory / FOREIGN_CA_DIR, label="swfkit FOREIGN TEST")

    result = {
        "expired": pki._issue_organisation_into(
            certs_dir,
            "swfkit TEST verlopen",
            "00000099000000009001",
            slug="expired",
            not_before=now - timedelta(days=395),
            not_after=now - timedelta(days=30),
        ),
        "no_oin": pki._issue_organisation_into(
            certs_dir, "swfkit TEST zonder OIN", None, slug="no-oin"
        ),
        "no_client_auth": pki._issue_organisation_into(
            certs_dir,
            "swfkit TEST zonder clientAuth",
            "00000099000000009003",
            slug="no-client-auth",
            client_auth=False,
        ),
        "foreign_ca": foreign._issue_organisation_into(
            certs_dir,
            "swfkit TEST vreemde CA",
            "00000099000000009004",
            slug="foreign-ca",
        ),
        "expiring_soon": pki._issue_organisation_into(
            certs_dir,
            "swfkit TEST verloopt binnenkort",
            "00000099000000009005",
            slug="expiring-soon",
            not_before=now - timedelta(days=355),
            not_after=now + timedelta(days=10),
        ),
    }
    logger.debug("created failure certificates in %s", directory)
    return result
