"""Streaming document uploads and downloads.

Neither direction holds a document in memory: uploads are read from the
source in chunks by a multipart encoder, downloads are written in chunks to a
temporary file beside the target, checked against ``Content-Length``,
``Repr-Digest`` (RFC 9530) and the known ``documentHash``, and only then
renamed into place.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import mimetypes
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO

import requests
from requests_toolbelt import MultipartEncoder, MultipartEncoderMonitor

from swfkit.client.transport import transport_error
from swfkit.errors import ConfigurationError, IntegrityError

logger = logging.getLogger(__name__)

#: Called with (bytes done, total bytes or None).
TransferProgress = Callable[[int, int | None], None]

#: What an upload may come from.
Source = str | os.PathLike[str] | bytes | IO[bytes]

CHUNK_SIZE = 1024 * 1024
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.I)
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_MAX_NAME_BYTES = 255


@dataclass(frozen=True)
class DownloadResult:
    """What a download produced.

    Attributes:
        path: the written file, or None when writing to a file object.
        filename: the safe file name from ``Content-Disposition``.
        size: bytes written.
        sha256: lowercase hex SHA-256 of the bytes written.
        media_type: the ``Content-Type`` the server sent.
    """

    path: Path | None
    filename: str
    size: int
    sha256: str
    media_type: str | None


# --- upload --------------------------------------------------------------------


@contextmanager
def multipart_body(
    source: Source,
    filename: str | None,
    media_type: str | None,
    progress: TransferProgress | None,
) -> Iterator[MultipartEncoderMonitor]:
    """A streaming ``multipart/form-data`` body with one part ``file``.

    Raises:
        ValueError: no file name is known for a bytes or file-object source.
    """
    with ExitStack() as stack:
        stream, name = _open_source(source, filename, stack)
        kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        encoder = MultipartEncoder(fields={"file": (name, stream, kind)})
        total = encoder.len

        def report(monitor: MultipartEncoderMonitor) -> None:
            if progress is not None:
                progress(min(monitor.bytes_read, total), total)

        yield MultipartEncoderMonitor(encoder, report)


def _open_source(
    source: Source, filename: str | None, stack: ExitStack
) -> tuple[IO[bytes], str]:
    if isinstance(source, bytes):
        stream: IO[bytes] = io.BytesIO(source)
        name = filename
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        stream = stack.enter_context(path.open("rb"))
        name = filename or path.name
    else:
        stream = source
        name = filename or Path(getattr(source, "name", "") or "").name or None
    if not name:
        raise ValueError("give a filename: it becomes the document's bestandsNaam")
    return stream, name


# --- download ------------------------------------------------------------------


def check_target(target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Refuse a download target that cannot be written, before any request.

    Raises:
        ConfigurationError: the folder to write into does not exist.
    """
    if not isinstance(target, str | os.PathLike):
        return
    path = Path(target)
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        raise ConfigurationError(
            "the download folder does not exist",
            source=folder,
            fix="create it first, or give an existing folder or file path",
        )


def download(
    response: requests.Response,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    document_id: str,
    expected_sha256: str | None = None,
    expected_size: int | None = None,
    progress: TransferProgress | None = None,
) -> DownloadResult:
    """Write a streamed content response to ``target`` and verify it.

    ``target`` is a directory (the server's file name is used), a file path,
    or a binary file object.

    Raises:
        IntegrityError: size or hash differ from what was announced; a
            partial file is removed and an existing target left untouched.
    """
    filename = safe_filename(response.headers.get("Content-Disposition"), document_id)
    announced = _content_length(response) or expected_size
    media_type = response.headers.get("Content-Type")
    checks = _Checks(response, expected_sha256, expected_size)

    if not isinstance(target, str | os.PathLike):
        size, sha256 = _copy(response, target, announced, progress)
        checks.verify(size, sha256)
        return DownloadResult(None, filename, size, sha256, media_type)

    path = Path(target)
    if path.is_dir():
        path = path / filename
    size, sha256 = _copy_atomically(response, path, announced, progress, checks)
    return DownloadResult(path, filename, size, sha256, media_type)


def _copy_atomically(
    response: requests.Response,
    path: Path,
    announced: int | None,
    progress: TransferProgress | None,
    checks: _Checks,
) -> tuple[int, str]:
    # The temporary file sits beside the target so the rename is atomic and
    # a failed download never leaves a half file under the real name.
    fd, temp_name = tempfile.mkstemp(prefix=".swfkit-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            size, sha256 = _copy(response, handle, announced, progress)
            handle.flush()
            os.fsync(handle.fileno())
        checks.verify(size, sha256)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return size, sha256


def _copy(
    response: requests.Response,
    handle: IO[bytes],
    announced: int | None,
    progress: TransferProgress | None,
) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in response.iter_content(chunk_size=CHUNK_SIZE):
            handle.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            if progress is not None:
                progress(size, announced)
    except requests.RequestException as exc:
        # The body is read here, after the transport returned: a connection
        # lost mid-body must still surface as a swfkit transport error.
        method = response.request.method or "GET"
        raise transport_error(exc, method, str(response.url)) from exc
    finally:
        response.close()
    return size, digest.hexdigest()


class _Checks:
    """The size and hashes a download must match."""

    def __init__(
        self,
        response: requests.Response,
        expected_sha256: str | None,
        expected_size: int | None,
    ) -> None:
        self.sizes = {
            "Content-Length": _content_length(response),
            "bestandsGrootte": expected_size,
        }
        self.hashes = {
            "Repr-Digest": repr_digest_sha256(response.headers.get("Repr-Digest")),
            "documentHash": expected_sha256.lower() if expected_sha256 else None,
        }

    def verify(self, size: int, actual: str) -> None:
        for source, expected in self.sizes.items():
            if expected is not None and expected != size:
                raise IntegrityError(
                    f"download size differs from {source}",
                    expected=str(expected),
                    actual=str(size),
                )
        for source, expected_hash in self.hashes.items():
            if expected_hash is not None and expected_hash != actual:
                raise IntegrityError(
                    f"download SHA-256 differs from {source}",
                    expected=expected_hash,
                    actual=actual,
                )


def _content_length(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Length")
    return int(value) if value and value.isdigit() else None


def repr_digest_sha256(header: str | None) -> str | None:
    """The SHA-256 from a ``Repr-Digest`` header, as lowercase hex.

    ``Repr-Digest: sha-256=:<base64>:, sha-512=:...:`` (RFC 9530). Other
    algorithms and malformed values are ignored.
    """
    if not header:
        return None
    match = re.search(r"(?:^|,)\s*sha-256\s*=\s*:([A-Za-z0-9+/=]+):", header, re.I)
    if not match:
        return None
    try:
        return base64.b64decode(match.group(1), validate=True).hex()
    except ValueError:
        return None


def safe_filename(content_disposition: str | None, fallback: str) -> str:
    """A file name from ``Content-Disposition`` that is safe on any disk.

    Path parts, control and reserved characters, leading dots and Windows
    device names are removed; an empty result falls back to ``fallback``
    (the documentId).
    """
    name = _disposition_filename(content_disposition) or ""
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_CHARS.sub("_", name).strip(" .")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    name = _truncate(name)
    if not name or set(name) == {"_"}:
        return _UNSAFE_CHARS.sub("_", fallback).strip(" .") or "document"
    return name


def _disposition_filename(header: str | None) -> str | None:
    if not header:
        return None
    message = Message()
    message["Content-Disposition"] = header
    # get_filename decodes RFC 2231/5987 (filename*=UTF-8''...) and
    # prefers it over the plain filename.
    return message.get_filename()


def _truncate(name: str) -> str:
    if len(name.encode()) <= _MAX_NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".")
    keep_suffix = f".{suffix}" if dot and len(suffix) <= 16 else ""
    base = stem if keep_suffix else name
    while len((base + keep_suffix).encode()) > _MAX_NAME_BYTES:
        base = base[:-1]
    return base + keep_suffix
