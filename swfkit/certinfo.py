"""Reading certificates: files, OIN, validity, usages, chains.

Used by ``swfkit doctor``, the simulator and the client. Every file problem
(missing, unreadable, not PEM, wrong password) becomes a
:class:`~swfkit.errors.ConfigurationError` naming the file and the fix.
Nothing here ever returns or prints PEM text or key material.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.types import (
    PrivateKeyTypes,
    PublicKeyTypes,
)
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import verification
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from swfkit.errors import ConfigurationError
from swfkit.oin import PREFIX_MEANINGS, is_valid_oin

logger = logging.getLogger(__name__)

Pkcs12Contents = tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]

_PEM_MARKER = b"-----BEGIN "

_USAGE_NAMES = {
    ExtendedKeyUsageOID.CLIENT_AUTH: "clientAuth",
    ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth",
    ExtendedKeyUsageOID.EMAIL_PROTECTION: "emailProtection",
    ExtendedKeyUsageOID.CODE_SIGNING: "codeSigning",
    ExtendedKeyUsageOID.OCSP_SIGNING: "OCSPSigning",
    ExtendedKeyUsageOID.TIME_STAMPING: "timeStamping",
}


def read_file(path: Path | str, what: str) -> bytes:
    """The bytes of ``path``, or a ConfigurationError saying what is wrong."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigurationError(
            f"the {what} file does not exist", source=path, fix="check the path"
        ) from None
    except IsADirectoryError:
        raise ConfigurationError(
            f"the {what} path is a directory, not a file",
            source=path,
            fix="give the path of the file itself",
        ) from None
    except PermissionError:
        raise ConfigurationError(
            f"the {what} file is not readable by this user",
            source=path,
            fix="run as the file's owner or fix its permissions (chmod 600)",
        ) from None
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read the {what} file: {exc.strerror}",
            source=path,
            fix="check the path and the disk",
        ) from None


def load_certificates(path: Path | str) -> list[x509.Certificate]:
    """Every certificate in a PEM file (a leaf, a chain or a CA bundle)."""
    data = read_file(path, "certificate")
    _require_pem(data, path, "certificate")
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise ConfigurationError(
            "the file holds no readable PEM certificate",
            source=path,
            fix="is this a PEM certificate (-----BEGIN CERTIFICATE-----)?",
        ) from None
    return certificates


def load_certificate(path: Path | str) -> x509.Certificate:
    """The first certificate in a PEM file: the leaf of a chain file."""
    return load_certificates(path)[0]


def load_private_key(path: Path | str, password: str | None = None) -> PrivateKeyTypes:
    """A PEM private key, decrypted with ``password`` when it is encrypted."""
    data = read_file(path, "private key")
    _require_pem(data, path, "private key")
    secret = password.encode() if password is not None else None
    try:
        return serialization.load_pem_private_key(data, secret)
    except TypeError:
        raise ConfigurationError(
            "the private key is encrypted and no password was given"
            if secret is None
            else "the private key is not encrypted, but a password was given",
            source=path,
            fix="use an unencrypted PEM key, or a PKCS#12 file with its password",
        ) from None
    except ValueError:
        raise ConfigurationError(
            "the private key cannot be read (wrong password or not a key)",
            source=path,
            fix="is this the private key file (-----BEGIN PRIVATE KEY-----)?",
        ) from None


def load_pkcs12(path: Path | str, password: str | None) -> Pkcs12Contents:
    """Key, certificate and additional (chain) certificates from a PKCS#12 file."""
    data = read_file(path, "PKCS#12")
    if data.lstrip().startswith(_PEM_MARKER):
        raise ConfigurationError(
            "this is a PEM file, not PKCS#12",
            source=path,
            fix="give it as the certificate or key setting instead of PKCS#12",
        )
    if not password:
        raise ConfigurationError(
            "no password given for the PKCS#12 file",
            source=path,
            fix="set the PKCS#12 password (--pkcs12-password or SWF_PKCS12_PASSWORD)",
        )
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError:
        raise ConfigurationError(
            "cannot open the PKCS#12 file: wrong password, or a damaged file",
            source=path,
            fix="check the PKCS#12 password (--pkcs12-password or SWF_PKCS12_PASSWORD)",
        ) from None
    if key is None or cert is None:
        raise ConfigurationError(
            "the PKCS#12 file lacks a private key or a certificate",
            source=path,
            fix="export it again with both the key and the certificate",
        )
    return key, cert, list(extra)


def oin_from_certificate(cert: x509.Certificate) -> str | None:
    """The subject ``serialNumber`` (where PKIoverheid puts the OIN), if any."""
    return _subject_value(cert, NameOID.SERIAL_NUMBER)


def organisation_name(cert: x509.Certificate) -> str | None:
    """The subject organisation (O), if any."""
    return _subject_value(cert, NameOID.ORGANIZATION_NAME)


def has_client_auth(cert: x509.Certificate) -> bool:
    """Whether the extended key usage allows TLS client authentication."""
    return ExtendedKeyUsageOID.CLIENT_AUTH in _extended_usages(cert)


def validity_window(cert: x509.Certificate) -> tuple[datetime, datetime]:
    """``(not_before, not_after)`` as timezone-aware UTC datetimes."""
    return cert.not_valid_before_utc, cert.not_valid_after_utc


def key_matches_certificate(key: PrivateKeyTypes, cert: x509.Certificate) -> bool:
    """Whether ``key`` is the private half of the certificate's public key."""
    return _spki(key.public_key()) == _spki(cert.public_key())


def is_self_signed(cert: x509.Certificate) -> bool:
    """Whether the certificate is its own issuer (a root)."""
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def verify_chain(
    cert: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    *,
    at: datetime | None = None,
) -> tuple[bool, str]:
    """Check that ``cert`` chains to one of ``trust_roots`` at time ``at``.

    Signatures, validity periods and CA constraints are checked by
    cryptography's verifier. The leaf's own extensions are not judged here:
    key usages and the OIN have their own checks, so a chain problem is
    reported as a chain problem only.

    Returns:
        ``(True, "leaf -> ... -> root")`` or ``(False, reason)``.
    """
    roots = [c for c in trust_roots if is_self_signed(c)]
    if not roots:
        return False, "the trust bundle holds no root (self-signed) certificate"
    extra = [c for c in trust_roots if not is_self_signed(c)]

    verifier = (
        verification.PolicyBuilder()
        .store(verification.Store(roots))
        .time(at or datetime.now(UTC))
        .extension_policies(
            ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
            ee_policy=verification.ExtensionPolicy.permit_all(),
        )
        .build_client_verifier()
    )
    candidates = [*intermediates, *extra]
    try:
        verified = verifier.verify(cert, candidates)
    except verification.VerificationError as exc:
        return False, _chain_failure(cert, [*candidates, *roots], exc)
    return True, " -> ".join(_short_name(c) for c in verified.chain)


def _chain_failure(
    cert: x509.Certificate,
    known: Sequence[x509.Certificate],
    exc: verification.VerificationError,
) -> str:
    # The verifier's own wording ("candidates exhausted") means little to a
    # user; the usual cause is an issuer that is simply not in the bundle.
    subjects = {c.subject for c in known}
    if cert.issuer not in subjects:
        return (
            f"its issuer ({cert.issuer.rfc4514_string()}) is not in the trust "
            "bundle or the certificate's chain"
        )
    return f"the chain does not verify: {exc}"


def describe(cert: x509.Certificate) -> dict[str, Any]:
    """A summary that is safe to print or log: no PEM, no key material."""
    not_before, not_after = validity_window(cert)
    oin = oin_from_certificate(cert)
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial": format(cert.serial_number, "x"),
        "oin": oin,
        "oinMeaning": _oin_meaning(oin),
        "organisation": organisation_name(cert),
        "notBefore": not_before.isoformat(),
        "notAfter": not_after.isoformat(),
        "keyUsage": _key_usages(cert),
        "extendedKeyUsage": [_oid_name(o) for o in _extended_usages(cert)],
        "isCa": _is_ca(cert),
        "sha256": cert.fingerprint(hashes.SHA256()).hex(":").upper(),
    }


def _require_pem(data: bytes, path: Path | str, what: str) -> None:
    if _PEM_MARKER in data:
        return
    fix = "is this a PEM file? It should contain -----BEGIN"
    if data[:1] == b"\x30":
        command = "x509" if what == "certificate" else "pkey"
        fix = (
            f"this looks like DER: convert it with `openssl {command} -inform der "
            f"-in {path} -out {path}.pem`"
        )
    raise ConfigurationError(f"the {what} file is not PEM", source=path, fix=fix)


def _subject_value(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    attributes = cert.subject.get_attributes_for_oid(oid)
    if not attributes:
        return None
    value = attributes[0].value
    return value if isinstance(value, str) else value.decode(errors="replace")


def _extended_usages(cert: x509.Certificate) -> list[x509.ObjectIdentifier]:
    try:
        extension = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        return []
    return list(extension.value)


def _key_usages(cert: x509.Certificate) -> list[str]:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return []
    names = [
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
    ]
    return [name for name in names if getattr(usage, name)]


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(
            cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        )
    except x509.ExtensionNotFound:
        return False


def _oin_meaning(oin: str | None) -> str | None:
    if oin is None or not is_valid_oin(oin):
        return None
    return PREFIX_MEANINGS.get(oin[:8], "onbekend prefix")


def _oid_name(oid: x509.ObjectIdentifier) -> str:
    return _USAGE_NAMES.get(oid, oid.dotted_string)


def _short_name(cert: x509.Certificate) -> str:
    common = _subject_value(cert, NameOID.COMMON_NAME)
    return common or cert.subject.rfc4514_string()


def _spki(public_key: PublicKeyTypes) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
