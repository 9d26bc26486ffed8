"""Document contents as files, written so a crash never exposes half a file.

A content is streamed into a temporary file in the blob folder while it is
hashed; only a complete file is fsynced, renamed to a fresh UUID name and the
folder fsynced, and only after that does the caller commit the row that
points to it. A crash at any moment leaves either no row (and at most an
orphan file, swept on the next start) or a row with a durable file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

_TEMP_PREFIX = ".upload-"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredBlob:
    """A complete, durable content: its file name, size and SHA-256 (hex)."""

    name: str
    size: int
    sha256: str


class BlobWriter:
    """A write-only file that hashes what it receives and enforces a limit.

    It is handed to werkzeug's multipart parser as the container for a file
    part, so an upload goes straight to disk, never whole into memory.

    Args:
        directory: the blob folder (the temporary file lives there too, so the
            final rename stays on one file system).
        limit: the maximum size in bytes, or None for no limit.
        too_large: builds the exception raised when the limit is passed.
    """

    def __init__(
        self, directory: Path, limit: int | None, too_large: Callable[[int], Exception]
    ) -> None:
        fd, temp = tempfile.mkstemp(dir=directory, prefix=_TEMP_PREFIX)
        self._file = os.fdopen(fd, "wb")
        self._temp = Path(temp)
        self._directory = directory
        self._limit = limit
        self._too_large = too_large
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        """Append ``data``; raises once the total passes the limit."""
        self.size += len(data)
        if self._limit is not None and self.size > self._limit:
            raise self._too_large(self._limit)
        self._hash.update(data)
        self._file.write(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        """Ignored: the parser rewinds for readers, and nobody reads this."""
        return 0

    def commit(self) -> StoredBlob:
        """Make the content durable under a fresh name and return it."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        name = uuid.uuid4().hex
        os.replace(self._temp, self._directory / name)
        fsync_directory(self._directory)
        return StoredBlob(name, self.size, self._hash.hexdigest())

    def discard(self) -> None:
        """Throw the partial content away (safe to call more than once)."""
        if not self._file.closed:
            self._file.close()
        self._temp.unlink(missing_ok=True)


class BlobStore:
    """The folder of document contents."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def writer(
        self, limit: int | None, too_large: Callable[[int], Exception]
    ) -> BlobWriter:
        """A new writer for one content."""
        return BlobWriter(self.directory, limit, too_large)

    def copy_file(self, source: Path) -> StoredBlob:
        """Store a copy of ``source`` (a verzoek document) as a new blob."""
        writer = self.writer(None, _never)
        try:
            with source.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    writer.write(chunk)
            return writer.commit()
        except BaseException:
            writer.discard()
            raise

    def path(self, name: str) -> Path:
        """Where the blob ``name`` lives."""
        return self.directory / name

    def remove(self, names: Iterable[str]) -> None:
        """Delete blobs whose rows are gone (after that deletion committed)."""
        for name in names:
            self.path(name).unlink(missing_ok=True)

    def sweep(self, referenced: set[str]) -> int:
        """Remove unfinished uploads and blobs no row points to; return the count.

        Only call this while no request is running (at start-up).
        """
        removed = 0
        for entry in self.directory.iterdir():
            if entry.name.startswith(_TEMP_PREFIX) or entry.name not in referenced:
                entry.unlink(missing_ok=True)
                removed += 1
        if removed:
            logger.info("removed %d unfinished or orphaned blob(s)", removed)
        return removed


def fsync_directory(directory: Path) -> None:
    """Make a rename inside ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _never(limit: int) -> Exception:  # pragma: no cover - no limit is set
    return RuntimeError(f"limit {limit} reached")
