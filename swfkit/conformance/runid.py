"""Marking what a run creates, so it can be found and removed again.

On a shared environment (DSO pre-production) a conformance run leaves
samenwerkingen behind when it crashes. Every samenwerking and document a run
creates therefore carries ``kenmerkSysteem = "swfkit-certify"`` and
``nummerBinnenSysteem = "<run id>-<n>"``; ``swfkit certify --cleanup`` looks
for that kenmerk.
"""

from __future__ import annotations

import itertools
import re
import secrets
from datetime import UTC, datetime

KENMERK_SYSTEEM = "swfkit-certify"

RUN_ID_PATTERN = re.compile(r"\b\d{8}T\d{6}Z-[0-9a-f]{6}\b")
MARK_PATTERN = re.compile(RUN_ID_PATTERN.pattern + r"-\d+")


def new_run_id(now: datetime | None = None) -> str:
    """A run id: UTC time to the second plus a random suffix, e.g.

    ``20260602T101500Z-3f9a1c``. Sortable by time; unique across machines.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


class RunMarker:
    """Hands out ``nummerBinnenSysteem`` values for one run."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self._numbers = itertools.count(1)

    def next_nummer(self) -> str:
        """The next ``nummerBinnenSysteem``: ``<run id>-<n>``."""
        return f"{self.run_id}-{next(self._numbers)}"

    def marks(self) -> dict[str, str]:
        """The two marking fields for a new samenwerking or document."""
        return {
            "kenmerkSysteem": KENMERK_SYSTEEM,
            "nummerBinnenSysteem": self.next_nummer(),
        }

    def owns(self, nummer: str | None) -> bool:
        """Whether ``nummer`` was handed out by a run with this run id."""
        return bool(nummer) and str(nummer).startswith(self.run_id + "-")


def is_certify_mark(kenmerk: str | None, nummer: str | None) -> bool:
    """Whether a samenwerking was created by some conformance run."""
    return kenmerk == KENMERK_SYSTEEM and bool(
        nummer and MARK_PATTERN.fullmatch(nummer)
    )
