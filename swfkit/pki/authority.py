"""The test PKI: a root, one issuing CA, and the certificates it hands out.

Shaped like PKIoverheid (root -> "Private Services" issuing CA -> organisation
certificates with the OIN in ``serialNumber``), but every CA name says
"NIET VOOR PRODUCTIE" so nobody mistakes it for the real thing.

Layout of a PKI directory::

    root-ca.pem  root-ca.key  intermediate-ca.pem  intermediate-ca.key
    ca-bundle.pem            root + intermediate: the trust bundle to hand out
    certs/<slug>.pem         leaf certificate
    certs/<slug>.key         private key (0600)
    certs/<slug>.chain.pem   leaf + intermediate
    certs/<slug>.p12         PKCS#12 with key and chain (0600)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from swfkit import certinfo
from swfkit.errors import ConfigurationError
from swfkit.oin import parse_oin
from swfkit.pki import storage, x509build

logger = logging.getLogger(__name__)

ROOT_CERT = "root-ca.pem"
ROOT_KEY = "root-ca.key"
INTERMEDIATE_CERT = "intermediate-ca.pem"
INTERMEDIATE_KEY = "intermediate-ca.key"
CA_BUNDLE = "ca-bundle.pem"
CERTS_DIR = "certs"

# Backdated CAs, so a deliberately expired leaf still chains to CAs that were
# valid at the time: then only the leaf's own dates are wrong.
_CA_BACKDATE = timedelta(days=5 * 365)
_ROOT_LIFETIME = timedelta(days=20 * 365)
_INTERMEDIATE_LIFETIME = timedelta(days=15 * 365)
_CLOCK_SKEW = timedelta(hours=1)


@dataclass(frozen=True)
class IssuedCertificate:
    """The files of one issued certificate.

    Attributes:
        name: The organisation or server name the certificate was issued to.
        cert_path: Leaf certificate, PEM.
        key_path: Private key, unencrypted PEM, mode 0600.
        chain_path: Leaf plus intermediate, PEM.
        pkcs12_path: Key, leaf and intermediate as PKCS#12 (mode 0600), if any.
        pkcs12_password: Password of the PKCS#12 file; never shown in repr.
    """

    name: str
    cert_path: Path
    key_path: Path
    chain_path: Path
    pkcs12_path: Path | None
    pkcs12_password: str | None = field(default=None, repr=False)


class TestPki:
    """A root CA and an issuing CA on disk, able to issue certificates."""

    # Not a pytest test class, despite the name.
    __test__ = False

    def __init__(
        self,
        directory: Path,
        intermediate_cert: x509.Certificate,
        intermediate_key: ec.EllipticCurvePrivateKey,
    ) -> None:
        self.directory = directory
        self.root_cert_path = directory / ROOT_CERT
        self.ca_bundle_path = directory / CA_BUNDLE
        self._intermediate_cert = intermediate_cert
        self._intermediate_key = intermediate_key

    def __repr__(self) -> str:
        return f"TestPki({str(self.directory)!r})"

    @classmethod
    def create(cls, directory: Path, *, label: str = "swfkit TEST") -> TestPki:
        """Create a new root and issuing CA in ``directory``.

        Raises:
            ConfigurationError: ``directory`` already holds a PKI.
        """
        directory = Path(directory)
        if (directory / ROOT_CERT).exists():
            raise ConfigurationError(
                "a test PKI already exists here",
                source=directory,
                fix="use TestPki.load, or choose an empty directory",
            )
        root_key, intermediate_key = x509build.new_key(), x509build.new_key()
        root, intermediate = _new_authorities(label, root_key, intermediate_key)

        storage.save_key(directory / ROOT_KEY, root_key)
        storage.save_key(directory / INTERMEDIATE_KEY, intermediate_key)
        for name, chain in (
            (ROOT_CERT, [root]),
            (INTERMEDIATE_CERT, [intermediate]),
            (CA_BUNDLE, [root, intermediate]),
        ):
            storage.write_public(directory / name, storage.certs_pem(chain))
        logger.debug("created test PKI in %s", directory)
        return cls(directory, intermediate, intermediate_key)

    @classmethod
    def load(cls, directory: Path) -> TestPki:
        """Open a PKI created earlier with :meth:`create`.

        Raises:
            ConfigurationError: a CA file is missing or unreadable.
        """
        directory = Path(directory)
        for name in (ROOT_CERT, INTERMEDIATE_CERT, INTERMEDIATE_KEY):
            if not (directory / name).is_file():
                raise ConfigurationError(
                    f"no test PKI here ({name} is missing)",
                    source=directory,
                    fix="create one with `swfkit pki init DIR`",
                )
        cert = certinfo.load_certificate(directory / INTERMEDIATE_CERT)
        key = certinfo.load_private_key(directory / INTERMEDIATE_KEY)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ConfigurationError(
                "the issuing CA key is not an EC key",
                source=directory / INTERMEDIATE_KEY,
                fix="recreate the PKI with `swfkit pki init`",
            )
        return cls(directory, cert, key)

    def issue_server(
        self,
        name: str = "server",
        hosts: Sequence[str] = ("localhost", "127.0.0.1"),
    ) -> IssuedCertificate:
        """Issue a TLS server certificate for ``hosts`` (no PKCS#12 file)."""
        key = x509build.new_key()
        not_before = datetime.now(UTC) - _CLOCK_SKEW
        cert = x509build.build_server(
            hosts,
            key,
            self._intermediate_cert,
            self._intermediate_key,
            not_before=not_before,
            not_after=not_before + timedelta(days=365),
        )
        return self._save(self.directory / CERTS_DIR, slugify(name), name, key, cert)

    def issue_organisation(
        self,
        name: str,
        oin: str | None,
        *,
        slug: str | None = None,
        valid_days: int = 365,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        client_auth: bool = True,
        pkcs12_password: str | None = None,
    ) -> IssuedCertificate:
        """Issue an organisation certificate with the OIN in ``serialNumber``.

        Args:
            name: Organisation name, used as subject O and CN.
            oin: The 20-character OIN (or HRN); None leaves ``serialNumber`` out.
            slug: File name stem under ``certs/``; derived from ``name`` if None.
            valid_days: Lifetime when ``not_after`` is not given.
            not_before: Start of validity; default one hour ago.
            not_after: End of validity; default ``not_before + valid_days``.
            client_auth: Add the clientAuth extended key usage.
            pkcs12_password: Password for the PKCS#12 file; generated if None.

        Raises:
            InvalidOinError: ``oin`` is not a well-formed OIN.
        """
        return self._issue_organisation_into(
            self.directory / CERTS_DIR,
            name,
            oin,
            slug=slug,
            not_before=not_before,
            not_after=not_after,
            valid_days=valid_days,
            client_auth=client_auth,
            pkcs12_password=pkcs12_password,
        )

    def _issue_organisation_into(
        self,
        certs_dir: Path,
        name: str,
        oin: str | None,
        *,
        slug: str | None = None,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        valid_days: int = 365,
        client_auth: bool = True,
        pkcs12_password: str | None = None,
    ) -> IssuedCertificate:
        if oin is not None:
            parse_oin(oin)
        start = not_before or datetime.now(UTC) - _CLOCK_SKEW
        end = not_after or start + timedelta(days=valid_days)
        key = x509build.new_key()
        cert = x509build.build_organisation(
            x509build.organisation_subject(name, oin),
            key,
            self._intermediate_cert,
            self._intermediate_key,
            not_before=start,
            not_after=end,
            client_auth=client_auth,
        )
        password = pkcs12_password or storage.new_password()
        stem = slug or slugify(name)
        return self._save(certs_dir, stem, name, key, cert, password)

    def _save(
        self,
        certs_dir: Path,
        stem: str,
        name: str,
        key: ec.EllipticCurvePrivateKey,
        cert: x509.Certificate,
        pkcs12_password: str | None = None,
    ) -> IssuedCertificate:
        chain = [cert, self._intermediate_cert]
        issued = IssuedCertificate(
            name=name,
            cert_path=certs_dir / f"{stem}.pem",
            key_path=certs_dir / f"{stem}.key",
            chain_path=certs_dir / f"{stem}.chain.pem",
            pkcs12_path=certs_dir / f"{stem}.p12" if pkcs12_password else None,
            pkcs12_password=pkcs12_password,
        )

        storage.save_key(issued.key_path, key)
        storage.write_public(issued.cert_path, storage.certs_pem([cert]))
        storage.write_public(issued.chain_path, storage.certs_pem(chain))
        if issued.pkcs12_path and pkcs12_password:
            data = storage.pkcs12_bytes(
                stem, key, cert, [self._intermediate_cert], pkcs12_password
            )
            storage.write_private(issued.pkcs12_path, data)
        logger.debug("issued certificate %s in %s", stem, certs_dir)
        return issued


def _new_authorities(
    label: str,
    root_key: ec.EllipticCurvePrivateKey,
    intermediate_key: ec.EllipticCurvePrivateKey,
) -> tuple[x509.Certificate, x509.Certificate]:
    start = datetime.now(UTC) - _CA_BACKDATE
    root = x509build.build_ca(
        x509build.ca_name(f"{label} Root CA - NIET VOOR PRODUCTIE", label),
        root_key,
        not_before=start,
        not_after=start + _ROOT_LIFETIME,
    )
    intermediate = x509build.build_ca(
        x509build.ca_name(f"{label} Private Services CA - NIET VOOR PRODUCTIE", label),
        intermediate_key,
        not_before=start,
        not_after=start + _INTERMEDIATE_LIFETIME,
        issuer=root,
        issuer_key=root_key,
    )
    return root, intermediate


def slugify(name: str) -> str:
    """A file-name-safe stem: lower case, runs of other characters become ``-``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "certificate"
