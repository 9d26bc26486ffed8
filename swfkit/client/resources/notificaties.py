"""Notificaties: ophalen per tijdvenster, nieuwe sinds de vorige keer, verwijderen."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from swfkit.client.base import ClientBase, path
from swfkit.client.cursor import DEFAULT_OVERLAP, NotificatieCursor, cursor_lock
from swfkit.client.enums import NotificatieType
from swfkit.client.models import Notificatie
from swfkit.client.paging import Collection


def _instant(value: dt.datetime | None, name: str) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware, e.g. datetime.now(UTC)")
    return value.isoformat()


class NotificatiesMixin(ClientBase):
    """Methods for the acting organisation's notificaties."""

    def list_notificaties(
        self,
        *,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        samenwerking_id: str | None = None,
        type: NotificatieType | str | None = None,
        page_size: int | None = None,
    ) -> Collection[Notificatie]:
        """Notificaties ophalen in a time window, oldest first.

        Args:
            since: only events strictly after this instant (timezone-aware).
            until: only events at or before this instant (timezone-aware).
            samenwerking_id: only about this samenwerking.
            type: only this notificatieType.
            page_size: items per request.

        Raises:
            ValueError: ``since`` or ``until`` has no timezone.
        """
        params = {
            "eventDatumTijd[gt]": _instant(since, "since"),
            "eventDatumTijd[lte]": _instant(until, "until"),
            "samenwerkingId": samenwerking_id,
            "notificatieType": type,
        }
        return self._collection(
            Notificatie, "notificaties", params, page_size=page_size
        )

    def list_samenwerking_notificaties(
        self, samenwerking_id: str, *, page_size: int | None = None
    ) -> Collection[Notificatie]:
        """Notificaties about one samenwerking."""
        ref = path("samenwerkingen", samenwerking_id, "notificaties")
        return self._collection(Notificatie, ref, page_size=page_size)

    def get_notificatie(self, notificatie_id: str) -> Notificatie:
        """One notificatie."""
        return self._get(Notificatie, path("notificaties", notificatie_id))

    def delete_notificatie(self, notificatie_id: str) -> None:
        """Notificatie verwijderen."""
        self._delete(path("notificaties", notificatie_id))

    def poll_notificaties(
        self,
        cursor_path: str | os.PathLike[str],
        *,
        samenwerking_id: str | None = None,
        type: NotificatieType | str | None = None,
        overlap: dt.timedelta = DEFAULT_OVERLAP,
        lock_timeout: float = 60.0,
    ) -> list[Notificatie]:
        """The notificaties that are new since the previous poll.

        The cursor file (created on first use) is only updated after every
        page was fetched, atomically. Notifications sharing a timestamp, or
        arriving up to ``overlap`` late, are neither lost nor repeated. Use
        one cursor file per filter combination. Pollers sharing a file take
        turns (a ``.lock`` file beside it), so each notification is returned
        by one of them only.

        Raises:
            CursorBusyError: another poller held the cursor for
                ``lock_timeout`` seconds.
        """
        cursor_file = Path(cursor_path)
        with cursor_lock(cursor_file, lock_timeout):
            cursor = NotificatieCursor.load(cursor_file, overlap)
            listing = self.list_notificaties(
                since=cursor.query_after, samenwerking_id=samenwerking_id, type=type
            )
            new = cursor.take_new(listing)
            cursor.save(cursor_file)
        return new
