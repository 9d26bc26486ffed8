"""The TLS context for mutual TLS with the SWF: our certificate, our trust.

Trust comes from the configured CA bundle only. Without one, the bundle that
ships with requests (certifi) is loaded explicitly, so SSL_CERT_FILE and
friends can never widen or change whom we trust.

A PKCS#12 file is opened in memory. :mod:`ssl` can only load a key from a
path, so the key goes to an anonymous memory file (``memfd_create``, read via
``/proc/self/fd/N``), encrypted with a one-time password. Where that does not
exist, a 0600 file in a private temporary folder is used and removed at once.
"""

from __future__ import annotations

import logging
import os
import secrets
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from requests.adapters import HTTPAdapter
from requests.utils import DEFAULT_CA_BUNDLE_PATH

from swfkit import certinfo
from swfkit.config import Settings
from swfkit.errors import ConfigurationError

logger = logging.getLogger(__name__)


def trust_bundle(settings: Settings) -> Path:
    """The CA bundle to verify servers with: the configured one, else certifi's."""
    return settings.ca_bundle or Path(DEFAULT_CA_BUNDLE_PATH)


def build_ssl_context(settings: Settings) -> ssl.SSLContext:
    """A client context: TLS 1.2+, server verified against the bundle and host.

    Raises:
        ConfigurationError: a certificate, key, bundle or PKCS#12 file cannot
            be loaded, or key and certificate do not belong together.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    bundle = trust_bundle(settings)
    _load(lambda: context.load_verify_locations(cafile=str(bundle)), bundle, "bundle")

    if settings.uses_pkcs12 and settings.pkcs12_path is not None:
        _load_pkcs12(context, settings.pkcs12_path, settings.pkcs12_password)
    elif settings.cert_path is not None:
        cert, key = settings.cert_path, settings.key_path
        _load(lambda: context.load_cert_chain(cert, key), cert, "certificate/key")
    return context


class SSLContextAdapter(HTTPAdapter):
    """A requests adapter that uses a prepared :class:`ssl.SSLContext`.

    Mount it on a session for the base URL when the client certificate comes
    from PKCS#12 (requests' own ``cert=`` only takes PEM paths).
    """

    def __init__(self, context: ssl.SSLContext, **kwargs: Any) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(*args, **kwargs)


def _load_pkcs12(context: ssl.SSLContext, path: Path, password: str | None) -> None:
    key, cert, chain = certinfo.load_pkcs12(path, password)
    one_time = secrets.token_bytes(32)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(one_time),
    )
    for certificate in (cert, *chain):
        pem += certificate.public_bytes(serialization.Encoding.PEM)

    with _secret_file(pem) as secret_path:
        _load(
            lambda: context.load_cert_chain(secret_path, password=one_time),
            path,
            "PKCS#12",
        )


@contextmanager
def _secret_file(data: bytes) -> Iterator[str]:
    """A path holding ``data`` that only lives while the context is open."""
    memfd_create = getattr(os, "memfd_create", None)
    if memfd_create is not None and Path("/proc/self/fd").is_dir():
        fd = memfd_create("swfkit-client-key", os.MFD_CLOEXEC)
        try:
            os.write(fd, data)
            yield f"/proc/self/fd/{fd}"
        finally:
            os.close(fd)
        return

    logger.debug("no memfd_create: using a private temporary file for the key")
    with tempfile.TemporaryDirectory(prefix="swfkit-") as folder:
        path = os.path.join(folder, "client.pem")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        try:
            yield path
        finally:
            os.unlink(path)


def _load(action: Any, path: Path, what: str) -> None:
    try:
        action()
    except FileNotFoundError:
        raise ConfigurationError(
            f"the {what} file does not exist", source=path, fix="check the path"
        ) from None
    except ssl.SSLError as exc:
        if exc.reason == "KEY_VALUES_MISMATCH":
            raise ConfigurationError(
                "the private key does not belong to the certificate",
                source=path,
                fix="use the key that was generated with this certificate",
            ) from None
        raise ConfigurationError(
            f"cannot load the {what}: {exc.reason or exc}",
            source=path,
            fix="check that it is a PEM file of the right kind",
        ) from None
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read the {what}: {exc.strerror}", source=path
        ) from None
