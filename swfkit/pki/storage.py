"""Writing certificates and keys of the test PKI to disk.

Private material (keys, PKCS#12 files) is created with mode 0600 from the
first byte: the file is opened with that mode, never chmod-ed afterwards, so
there is no moment in which another user could read it.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12

logger = logging.getLogger(__name__)

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file that only its owner can read.

    An existing file is removed first: opening it would keep its old mode.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def write_public(path: Path, data: bytes) -> None:
    """Write a certificate or bundle (public material)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    """The unencrypted PKCS#8 PEM of a private key."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def certs_pem(certificates: Sequence[x509.Certificate]) -> bytes:
    """Certificates concatenated as PEM, in the given order."""
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


def pkcs12_bytes(
    label: str,
    key: ec.EllipticCurvePrivateKey,
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate],
    password: str,
) -> bytes:
    """A password-protected PKCS#12 file holding key, certificate and chain."""
    return pkcs12.serialize_key_and_certificates(
        label.encode(),
        key,
        cert,
        list(chain),
        serialization.BestAvailableEncryption(password.encode()),
    )


def new_password() -> str:
    """A random password for a generated PKCS#12 file."""
    return secrets.token_urlsafe(18)


def save_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    """Write a private key as PEM with mode 0600."""
    write_private(path, key_pem(key))
    logger.debug("wrote private key %s", path)
