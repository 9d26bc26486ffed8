"""The persisted cursor behind "new notifications since the last poll".

The server filters by ``eventDatumTijd[gt]``. Asking for "after the newest
timestamp seen" would lose a notification that shares that timestamp but was
stored after the poll, or that arrives a little late. So the cursor asks for
everything after ``watermark - overlap`` and remembers the ids it already
returned inside that window: nothing is lost and nothing is returned twice.
The file is replaced atomically, so a crash leaves the old cursor or the new
one, never half of either, and a lock file beside it lets one poller at a
time read, fetch and save, so two pollers never both return a notification.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from swfkit.client.models import Notificatie
from swfkit.errors import ConfigurationError, CursorBusyError

logger = logging.getLogger(__name__)

#: How far back each poll looks again, for late or same-instant events.
DEFAULT_OVERLAP = dt.timedelta(minutes=5)
_VERSION = 1


@dataclass
class NotificatieCursor:
    """Where the last poll ended.

    Attributes:
        watermark: newest ``eventDatumTijd`` returned so far, or None.
        seen: ids returned whose time is inside the overlap window, with
            their ``eventDatumTijd``.
        overlap: how far before the watermark the next poll starts.
    """

    watermark: dt.datetime | None = None
    seen: dict[str, dt.datetime] = field(default_factory=dict)
    overlap: dt.timedelta = DEFAULT_OVERLAP

    @property
    def query_after(self) -> dt.datetime | None:
        """The ``eventDatumTijd[gt]`` for the next poll."""
        return None if self.watermark is None else self.watermark - self.overlap

    def take_new(self, notificaties: Iterable[Notificatie]) -> list[Notificatie]:
        """The notifications not returned before; advances the cursor."""
        new = [n for n in notificaties if n.notificatie_id not in self.seen]
        for item in new:
            self.seen[item.notificatie_id] = item.event_datum_tijd
            if self.watermark is None or item.event_datum_tijd > self.watermark:
                self.watermark = item.event_datum_tijd

        # Ids older than the window can no longer come back from the server.
        if self.query_after is not None:
            limit = self.query_after
            self.seen = {k: v for k, v in self.seen.items() if v > limit}
        return new

    @classmethod
    def load(
        cls, path: Path, overlap: dt.timedelta = DEFAULT_OVERLAP
    ) -> NotificatieCursor:
        """Read a cursor file; a missing file is a fresh cursor.

        Raises:
            ConfigurationError: the file exists but is not a cursor.
        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(overlap=overlap)
        except (OSError, ValueError) as exc:
            raise ConfigurationError(
                f"cannot read the notification cursor: {exc}",
                source=path,
                fix="remove the file to start over from all notifications",
            ) from None
        return cls._from_json(data, path, overlap)

    @classmethod
    def _from_json(
        cls, data: object, path: Path, overlap: dt.timedelta
    ) -> NotificatieCursor:
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            raise _not_a_cursor(path)
        try:
            mark = data.get("watermark")
            watermark = dt.datetime.fromisoformat(mark) if mark else None
            seen = {k: dt.datetime.fromisoformat(v) for k, v in data["seen"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _not_a_cursor(path) from None
        return cls(watermark, seen, overlap)

    def save(self, path: Path) -> None:
        """Write the cursor atomically (temporary file, fsync, rename)."""
        data = {
            "version": _VERSION,
            "watermark": self.watermark.isoformat() if self.watermark else None,
            "seen": {k: v.isoformat() for k, v in sorted(self.seen.items())},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".cursor-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        logger.debug(
            "saved notification cursor %s (watermark %s)", path, data["watermark"]
        )


@contextmanager
def cursor_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold ``<cursor>.lock`` while one poll reads, fetches and saves.

    The lock is the operating system's (released when the process dies), so
    a crashed poller never blocks the next one.

    Raises:
        CursorBusyError: another poller held it for ``timeout`` seconds.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path.with_name(path.name + ".lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise CursorBusyError(
            f"waited {timeout:g} s for {path}: another poller holds it; "
            "let it finish, or give each poller its own cursor file"
        ) from None

    try:
        yield
    finally:
        lock.release()


def _not_a_cursor(path: Path) -> ConfigurationError:
    return ConfigurationError(
        "this is not a swfkit notification cursor",
        source=path,
        fix="remove the file to start over from all notifications",
    )
