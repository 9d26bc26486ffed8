"""The building blocks of a demo story: events, the verzoek, the plan.

A story is written by :mod:`swfkit.sim.demo_story` (the main line),
:mod:`swfkit.sim.demo_requests` (the actieverzoeken) and
:mod:`swfkit.sim.demo_changes` (the changes along the way) into a
:class:`StoryPlan`; :mod:`swfkit.sim.demo_replay` carries it out. Every event
carries the moment it happens, the organisation that acts (a slug) and what
it does, with references such as ``doc:2`` or ``av:1`` to things an earlier
event of the same story created.

Every chain of events is built forwards in time (each step starts from the
previous one and :func:`office` only moves a moment later), so an event never
comes before the event it depends on.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

logger = logging.getLogger(__name__)

VOLLEDIG, BEPERKT = "VOLLEDIGE_TOEGANG", "BEPERKTE_TOEGANG"


@dataclass(frozen=True)
class Event:
    """One thing an organisation does at one moment."""

    at: datetime
    actor: str
    kind: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoVerzoek:
    """The verzoek a demo samenwerking is started on."""

    nummer: str
    addressed: tuple[str, ...]
    activiteit: str
    type_verzoek: str
    locatie: str
    aanvrager: str
    in_dossier: bool


@dataclass
class StoryPlan:
    """Everything one samenwerking goes through."""

    index: int
    initiator: str
    verzoek: DemoVerzoek
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class DocInfo:
    """A document a story uploaded: its reference, uploader, RV/SV and moment."""

    ref: str
    uploader: str
    aanduiding: str
    at: datetime


def office(moment: datetime) -> datetime:
    """The same moment, or the next working-hours moment (07-16 UTC, Mon-Fri)."""
    if moment.hour < 7:
        moment = moment.replace(hour=7)
    elif moment.hour >= 16:
        moment = (moment + timedelta(days=1)).replace(hour=7)
    while moment.weekday() >= 5:
        moment = (moment + timedelta(days=1)).replace(hour=7)
    return moment


class Story:
    """A story being written: its events and what it created so far.

    Attributes:
        rng: the generator every decision of the demo draws from.
        plan: the plan being filled.
        partners: slug -> (privilege, moment of invitation).
        removed: partners that were removed again.
        docs: the documents uploaded so far, in order.
        unfinished: (actieverzoek reference, zender) of requests that never
            reach a final status by themselves.
    """

    def __init__(self, rng: random.Random, plan: StoryPlan) -> None:
        self.rng = rng
        self.plan = plan
        self.partners: dict[str, tuple[str, datetime]] = {}
        self.removed: set[str] = set()
        self.docs: list[DocInfo] = []
        self.unfinished: list[tuple[str, str]] = []
        self._counter = 0

    @property
    def start(self) -> datetime:
        """When the samenwerking was started."""
        return self.plan.events[0].at

    @property
    def initiator(self) -> str:
        """The slug of the initiator."""
        return self.plan.initiator

    def active_partners(self) -> list[str]:
        """Partners that were not removed, in invitation order."""
        return [slug for slug in self.partners if slug not in self.removed]

    def joined(self, slug: str) -> datetime:
        """When ``slug`` became a deelnemer (the start for the initiator)."""
        return self.partners[slug][1] if slug in self.partners else self.start

    def privilege(self, slug: str) -> str:
        """The privilege ``slug`` was invited with (volledig for the initiator)."""
        return self.partners[slug][0] if slug in self.partners else VOLLEDIG

    def add(self, at: datetime, actor: str, kind: str, **args: Any) -> datetime:
        """Append an event; returns its moment."""
        self.plan.events.append(Event(at, actor, kind, args))
        return at

    def later(self, moment: datetime, low_hours: float, high_hours: float) -> datetime:
        """A random working-hours moment some hours after ``moment``."""
        hours = self.rng.uniform(low_hours, high_hours)
        return office(moment + timedelta(hours=hours)).replace(second=0, microsecond=0)

    def ref(self, prefix: str) -> str:
        """A new reference, unique within the story."""
        self._counter += 1
        return f"{prefix}:{self._counter}"

    def upload(
        self, at: datetime, actor: str, naam: str, omschrijving: str, aanduiding: str
    ) -> str:
        """Plan a document upload; returns its reference."""
        ref = self.ref("doc")
        self.add(
            at,
            actor,
            "upload",
            ref=ref,
            naam=naam,
            omschrijving=omschrijving,
            aanduiding=aanduiding,
        )
        self.docs.append(DocInfo(ref, actor, aanduiding, at))
        return ref
