"""The state of one scenario: who plays which role, what it made, what happened.

Step definitions share one :class:`Wereld` per scenario (the ``wereld``
fixture). It builds a :class:`swfkit.Client` per role on demand, remembers
the samenwerking, documents and actieverzoeken the scenario talks about, and
keeps the outcome of the last "Als" step so that a "Dan" step can judge it.
Everything a scenario creates is stopped and deleted again at the end.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import pytest

from swfkit.client import Actieverzoek, Client, Document, Samenwerking
from swfkit.config import Settings
from swfkit.conformance.cleanup import remove_samenwerking
from swfkit.conformance.roles import ROLES, ROLES_BY_PHRASE, Actor, Unavailable
from swfkit.conformance.runid import RunMarker
from swfkit.conformance.targets import Target
from swfkit.errors import ApiError, NotFoundError

logger = logging.getLogger(__name__)

T = TypeVar("T")

_PHRASES = "|".join(
    re.escape(r.phrase) for r in sorted(ROLES, key=lambda r: -len(r.phrase))
)
REGEL = r"(?: \(regel (?P<regel>[a-z0-9-]+)\))?"
NIVEAUS = {"vertrouwelijk": "RV", "strikt vertrouwelijk": "SV"}
PRIVILEGES = {
    "volledige toegang": "VOLLEDIGE_TOEGANG",
    "beperkte toegang": "BEPERKTE_TOEGANG",
}


def rol(group: str = "rol") -> str:
    """A regex group matching any role phrase of the catalogue."""
    return f"(?P<{group}>{_PHRASES})"


class ConformanceFailure(AssertionError):
    """A scenario found the SWF behaving differently from the contract."""


def fail(message: str, regel: str | None = None) -> NoReturn:
    """Fail the scenario; a rule id, when given, leads the message."""
    raise ConformanceFailure(f"regel {regel}: {message}" if regel else message)


def describe_error(error: ApiError) -> str:
    """An API error in one line: status, title, detail, rule, correlation id."""
    problem = error.problem or {}
    parts = [f"{error.status} {error.title or ''}".strip()]
    if error.detail:
        parts.append(str(error.detail))
    if problem.get("regel"):
        parts.append(f"volgens de server regel {problem['regel']}")
    if error.correlation_id:
        parts.append(f"correlation-id {error.correlation_id}")
    return "; ".join(parts)


@dataclass
class Uitkomst:
    """The outcome of the last action: a value, or the error the SWF gave."""

    waarde: Any = None
    fout: ApiError | None = None
    gedaan: bool = False

    @property
    def ok(self) -> bool:
        """True when the SWF allowed the action."""
        return self.gedaan and self.fout is None


class Wereld:
    """One scenario's view of the SWF; see the module docstring."""

    def __init__(self, target: Target, marker: RunMarker, tmp_path: Path) -> None:
        self.target = target
        self.marker = marker
        self.tmp_path = tmp_path
        self._clients: dict[tuple[str, str], Client] = {}
        self.samenwerking: Samenwerking | None = None
        self.oorspronkelijke_titel: str | None = None
        self.gestart: list[tuple[str, Actor]] = []
        self.documenten: dict[str, Document] = {}
        self.inhoud: dict[str, bytes] = {}
        self.actieverzoeken: dict[str, Actieverzoek] = {}
        self.actieverzoek: Actieverzoek | None = None
        self.uitkomst = Uitkomst()
        self.overzicht: list[Any] = []
        self.onderwerp: Any = None

    # --- roles and clients ---------------------------------------------------

    def actor(self, phrase: str) -> Actor:
        """The identity playing a role; skips the scenario when there is none."""
        found = self.target.cast.get(ROLES_BY_PHRASE[phrase].key)
        if isinstance(found, Unavailable) or found is None:
            reason = found.reden if found else f"geen identiteit voor '{phrase}'"
            pytest.skip(f"Overgeslagen: {reason}.")
        return found

    def client(self, phrase: str, *, namens: str | None = None) -> Client:
        """A client for a role, optionally acting for another OIN."""
        actor = self.actor(phrase)
        acting = namens or actor.acting_oin
        key = (actor.identity.slug, acting)
        if key not in self._clients:
            self._clients[key] = Client(self.settings(actor, acting))
        return self._clients[key]

    def settings(self, actor: Actor, acting_oin: str | None = None) -> Settings:
        """Client settings for an actor, from the target's identities file."""
        return Settings.from_identities(
            self.target.identities.path,
            actor.identity.slug,
            oin=acting_oin or actor.acting_oin,
            base_url=self.target.base_url,
        )

    # --- outcomes ------------------------------------------------------------

    def poging(self, action: Callable[[], T]) -> Uitkomst:
        """Do an action and keep its outcome; an API error is an outcome too."""
        try:
            self.uitkomst = Uitkomst(action(), None, True)
        except ApiError as exc:
            self.uitkomst = Uitkomst(None, exc, True)
        return self.uitkomst

    def voorbereiding(self, what: str, action: Callable[[], T]) -> T:
        """A Given step's action: it must succeed, or the scenario cannot run."""
        try:
            return action()
        except ApiError as exc:
            fail(f"voorbereiding '{what}' mislukte: {describe_error(exc)}")

    # --- what the scenario talks about --------------------------------------

    @property
    def sid(self) -> str:
        """The id of the samenwerking the scenario is about."""
        if self.samenwerking is None:
            fail("het scenario heeft nog geen samenwerking")
        return self.samenwerking.samenwerking_id

    def document(self, naam: str) -> Document:
        """A document the scenario added, by its file name."""
        if naam not in self.documenten:
            fail(f"het scenario heeft geen document {naam!r} toegevoegd")
        return self.documenten[naam]

    def deelnemer_id(self, phrase: str) -> str:
        """The deelnemerId of a role in the samenwerking, as the initiator sees it."""
        oin = self.actor(phrase).acting_oin
        for deelnemer in self.client("de initiator").list_deelnemers(self.sid):
            if deelnemer.oin == oin:
                return deelnemer.deelnemer_id
        fail(f"{phrase} is geen deelnemer van {self.sid}")

    def onthoud_samenwerking(self, samenwerking: Samenwerking, phrase: str) -> None:
        """Make a new samenwerking the subject, and remember it for clean-up."""
        self.samenwerking = samenwerking
        self.oorspronkelijke_titel = samenwerking.titel
        self.gestart.append((samenwerking.samenwerking_id, self.actor(phrase)))

    # --- the end of the scenario ---------------------------------------------

    def opruimen(self) -> None:
        """Stop and delete every samenwerking the scenario started."""
        for samenwerking_id, actor in reversed(self.gestart):
            client = self.client(actor.role.phrase)
            try:
                remove_samenwerking(client, samenwerking_id)
            except NotFoundError:
                logger.debug("%s was already gone", samenwerking_id)
        self.gestart.clear()

    def sluiten(self) -> None:
        """Close every client's connections."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()
