"""Time as the simulator sees it.

Every service takes its "now" from a :class:`Clock`, so a demo-history
generator can replay events at chosen moments through the same rules.
Timestamps go on the wire as UTC with milliseconds, which also makes them
sort correctly as text in the database.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that tells the time."""

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real time, truncated to milliseconds."""

    def now(self) -> datetime:
        """The current UTC time with millisecond precision."""
        return truncate_ms(datetime.now(UTC))


class ManualClock:
    """A clock that only moves when told to (tests, demo histories)."""

    def __init__(self, start: datetime) -> None:
        self._now = truncate_ms(start.astimezone(UTC))
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The time this clock was last set or advanced to."""
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        """Jump to ``moment``."""
        with self._lock:
            self._now = truncate_ms(moment.astimezone(UTC))

    def advance(self, delta: timedelta) -> None:
        """Move forward by ``delta``."""
        with self._lock:
            self._now = self._now + delta


def truncate_ms(moment: datetime) -> datetime:
    """Drop everything below the millisecond."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a ``Z``, as stored and sent."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_timestamp(text: str) -> datetime:
    """Read an ISO 8601 date-time; a value without offset counts as UTC.

    Raises:
        ValueError: when ``text`` is not an ISO 8601 date-time.
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def add_years(moment: datetime, years: int) -> datetime:
    """The same moment ``years`` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)
