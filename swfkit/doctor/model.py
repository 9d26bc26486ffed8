"""What a doctor check sees and what it says."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from cryptography import x509

from swfkit.config import Settings

FORM_URL = (
    "https://aandeslagmetdeomgevingswet.nl/ontwikkelaarsportaal/formulieren/"
    "aanvragen-beveiligde-rest-services/"
)


class Status(StrEnum):
    """The outcome of one check."""

    PASS = "PASS"
    WARN = "WARN"
    FAIL = "FAIL"
    SKIP = "SKIP"


@dataclass(frozen=True)
class Verdict:
    """What a check function returns: status, one-line reason, Dutch fix."""

    status: Status
    reason: str
    fix: str | None = None


def passed(reason: str) -> Verdict:
    """A PASS verdict."""
    return Verdict(Status.PASS, reason)


def warn(reason: str, fix: str) -> Verdict:
    """A WARN verdict with what to do about it."""
    return Verdict(Status.WARN, reason, fix)


def fail(reason: str, fix: str) -> Verdict:
    """A FAIL verdict with how to fix it."""
    return Verdict(Status.FAIL, reason, fix)


def skip(reason: str) -> Verdict:
    """A SKIP verdict: the check cannot say anything useful now."""
    return Verdict(Status.SKIP, reason)


@dataclass(frozen=True)
class CheckResult:
    """The result of one check, as reported.

    Attributes:
        id: Stable identifier, e.g. ``"validity"``.
        title: Dutch title of the check.
        status: PASS, WARN, FAIL or SKIP.
        reason: One line saying why.
        fix: Dutch "hoe op te lossen" for WARN and FAIL.
    """

    id: str
    title: str
    status: Status
    reason: str
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status.value,
            "reason": self.reason,
            "fix": self.fix,
        }


@dataclass
class DoctorState:
    """What earlier checks learnt, for the later ones."""

    settings: Settings
    now: datetime
    cert: x509.Certificate | None = None
    chain: list[x509.Certificate] = field(default_factory=list)
    cert_oin: str | None = None
    results: dict[str, CheckResult] = field(default_factory=dict)
