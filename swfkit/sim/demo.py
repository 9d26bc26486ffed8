"""``swfkit sim init --demo``: a world with a year of realistic history.

The demo world is the default world (see :mod:`swfkit.sim.worldgen`) plus six
organisations and, by default, 220 samenwerkingen started over the past
twelve months, each with its own received verzoek: invitations, documents of
both confidentiality levels, actieverzoeken with lead times that differ per
partner (some are late on purpose, some requests are refused or withdrawn,
some are still open and overdue), berichten, removals, changed rights,
closings, a few deletions, and the notificaties all of that produced, partly
handled (deleted) by their recipients.

Everything is created through the simulator's own services and rules, with
the injected clock set to the historical moments (:mod:`swfkit.sim.demo_replay`).
The same seed and the same ``now`` give the same world: the same
samenwerkingen, texts, moments, statuses and document bytes. Only the random
UUIDs of rows and blobs differ between runs.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from swfkit.pki import TestPki
from swfkit.sim.clock import ManualClock
from swfkit.sim.demo_cast import EXTRA_ORGANISATIONS, DemoOrg
from swfkit.sim.demo_files import write_verzoek_files
from swfkit.sim.demo_replay import Replayer
from swfkit.sim.demo_script import StoryPlan, office
from swfkit.sim.demo_story import plan_story
from swfkit.sim.storage import Store
from swfkit.sim.world import (
    DEFAULT_PORT,
    IDENTITIES_FILE,
    WORLD_FILE,
    World,
    read_json,
    write_json_atomic,
)
from swfkit.sim.worldgen import init_world

logger = logging.getLogger(__name__)

DEMO_SEED = 6
DEFAULT_COUNT = 220
HISTORY_DAYS = 365
_FIX = "run `swfkit sim init --demo --dir DIR` first"


@dataclass(frozen=True)
class DemoSummary:
    """What a demo world holds, counted in its database.

    Attributes:
        directory: the world folder.
        now: the moment the history ends.
        organisaties: organisations in the world.
        samenwerkingen: samenwerkingen per status.
        documenten: documents per vertrouwelijkheidsAanduiding.
        actieverzoeken: actieverzoeken per status.
        deelnemers: deelnemers over all samenwerkingen.
        notificaties: notificaties still to be handled.
        berichten: berichten on actieverzoeken.
        gebeurtenissen: the events carried out, per kind (empty when the
            summary was made from the database alone).
    """

    directory: Path
    now: datetime
    organisaties: int
    samenwerkingen: dict[str, int]
    documenten: dict[str, int]
    actieverzoeken: dict[str, int]
    deelnemers: int
    notificaties: int
    berichten: int
    gebeurtenissen: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """A short human summary, one fact per line."""

        def counts(values: dict[str, int]) -> str:
            return ", ".join(f"{key} {value}" for key, value in sorted(values.items()))

        return [
            f"demo history up to {self.now:%Y-%m-%d %H:%M} UTC, "
            f"{self.organisaties} organisations",
            f"samenwerkingen: {sum(self.samenwerkingen.values())} "
            f"({counts(self.samenwerkingen)})",
            f"deelnemers: {self.deelnemers}",
            f"documenten: {sum(self.documenten.values())} ({counts(self.documenten)})",
            f"actieverzoeken: {sum(self.actieverzoeken.values())} "
            f"({counts(self.actieverzoeken)})",
            f"berichten: {self.berichten}, notificaties: {self.notificaties}",
        ]


def init_demo_world(
    directory: Path,
    *,
    port: int = DEFAULT_PORT,
    force: bool = False,
    seed: int = DEMO_SEED,
    count: int = DEFAULT_COUNT,
    now: datetime | None = None,
) -> DemoSummary:
    """Create a demo world with a deterministic history in ``directory``.

    Args:
        directory: the world folder.
        port: the port written into identities.json.
        force: replace a world that is already there.
        seed: the seed of every random choice.
        count: how many samenwerkingen to start (a few are deleted again).
        now: where the history ends; the current minute by default.

    Raises:
        ConfigurationError: the folder holds a world and ``force`` is false.
        DemoError: the script broke a simulator rule (a bug in the demo).
    """
    directory = Path(directory)
    end = (now or datetime.now(UTC)).astimezone(UTC).replace(second=0, microsecond=0)
    rng = random.Random(seed)
    init_world(directory, port=port, force=force)
    _add_organisations(directory, EXTRA_ORGANISATIONS)
    plans = [
        plan_story(rng, index, start)
        for index, start in enumerate(_starts(rng, count, end))
    ]
    _add_verzoeken(directory, plans)

    world = World.load(directory)
    replayer = Replayer(world, ManualClock(end), end)
    try:
        events = sum(replayer.play(plan) for plan in plans)
        handled = replayer.handle_notificaties(random.Random(f"{seed}-notificaties"))
    finally:
        replayer.close()
    logger.info(
        "demo world: %d events replayed, %d notificaties handled", events, handled
    )
    return summarize(directory, end, dict(replayer.executed))


def _starts(rng: random.Random, count: int, end: datetime) -> list[datetime]:
    """Start moments over the past year, more of them recently, all before ``end``."""
    starts: list[datetime] = []
    while len(starts) < count:
        days_ago = HISTORY_DAYS * rng.random() ** 1.3
        moment = office(end - timedelta(days=days_ago)).replace(second=0)
        if moment < end:
            starts.append(moment)
    return sorted(starts)


def _add_organisations(directory: Path, orgs: tuple[DemoOrg, ...]) -> None:
    """Issue certificates and add the organisations to world and identities."""
    pki = TestPki.load(directory / "pki")
    world = read_json(directory / WORLD_FILE, fix=_FIX)
    identities = read_json(directory / IDENTITIES_FILE, fix=_FIX)
    for org in orgs:
        cert = pki.issue_organisation(org.naam, org.oin, slug=org.slug)
        world["organisations"].append(
            {
                "slug": org.slug,
                "naam": org.naam,
                "oin": org.oin,
                "kvkNummer": org.kvk,
                "rol": org.rol,
                "subscribed": True,
                "mandates": [],
            }
        )
        identities["identities"][org.slug] = {
            "naam": org.naam,
            "oin": org.oin,
            "kvkNummer": org.kvk,
            "rol": org.rol,
            "cert": _rel(cert.cert_path, directory),
            "key": _rel(cert.key_path, directory),
            "pkcs12": _rel(cert.pkcs12_path, directory) if cert.pkcs12_path else None,
            "pkcs12Password": cert.pkcs12_password,
            "actsFor": [],
            "subscribed": True,
        }
    write_json_atomic(directory / WORLD_FILE, world)
    write_json_atomic(directory / IDENTITIES_FILE, identities)


def _add_verzoeken(directory: Path, plans: list[StoryPlan]) -> None:
    """Add each story's verzoek to world.json (with files if it goes in the dossier)."""
    world = read_json(directory / WORLD_FILE, fix=_FIX)
    orgs = {org["slug"]: org for org in world["organisations"]}
    for plan in plans:
        verzoek = plan.verzoek
        gezag = orgs[verzoek.addressed[0]]
        files: list[dict[str, Any]] = []
        if verzoek.in_dossier:
            files = write_verzoek_files(
                directory,
                verzoek,
                gezag["naam"],
                gezag["oin"],
                plan.events[0].at - timedelta(days=1),
            )
        world["verzoeken"].append(
            {
                "verzoeknummer": verzoek.nummer,
                "addressedTo": [orgs[slug]["oin"] for slug in verzoek.addressed],
                "typeVerzoek": verzoek.type_verzoek,
                "globaleLocatie": verzoek.locatie,
                "files": files,
            }
        )
    write_json_atomic(directory / WORLD_FILE, world)


def summarize(
    directory: Path, now: datetime, gebeurtenissen: dict[str, int] | None = None
) -> DemoSummary:
    """Count what a (demo) world's database holds."""
    world = World.load(directory)
    store = Store(world.db_path)
    try:
        with store.read() as db:

            def per(sql: str) -> dict[str, int]:
                return dict(Counter(row["k"] for row in db.execute(sql)))

            def total(table: str) -> int:
                return int(
                    db.execute(f"SELECT COUNT(*) AS n FROM {table}").fetchone()["n"]
                )

            return DemoSummary(
                directory=directory,
                now=now,
                organisaties=len(world.organisations),
                samenwerkingen=per("SELECT status AS k FROM samenwerking"),
                documenten=per(
                    "SELECT vertrouwelijkheidsAanduiding AS k FROM document"
                ),
                actieverzoeken=per("SELECT status AS k FROM actieverzoek"),
                deelnemers=total("deelnemer"),
                notificaties=total("notificatie"),
                berichten=total("bericht"),
                gebeurtenissen=gebeurtenissen or {},
            )
    finally:
        store.close()


def _rel(path: Path, directory: Path) -> str:
    return Path(path).relative_to(directory).as_posix()
