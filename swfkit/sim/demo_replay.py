"""Carrying out demo stories through the simulator's services.

Every event runs the same service function an HTTP request would, with the
same rule checks, as the organisation that acts, while the injected
:class:`~swfkit.sim.clock.ManualClock` shows the event's moment. A story runs
in one write transaction; a refusal by any rule is a bug in the demo script
and stops the generation with :class:`DemoError`.
"""

from __future__ import annotations

import logging
import random
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from swfkit.sim.blobs import BlobStore, StoredBlob
from swfkit.sim.clock import ManualClock, format_timestamp, parse_timestamp
from swfkit.sim.context import Caller, Ctx
from swfkit.sim.demo_cast import PROFILES, company
from swfkit.sim.demo_files import document_pdf
from swfkit.sim.demo_script import Event, StoryPlan
from swfkit.sim.problems import Problem
from swfkit.sim.rules import RuleBook
from swfkit.sim.services import (
    actieverzoeken,
    deelnemers,
    documenten,
    notificaties,
    rechten,
    samenwerkingen,
)
from swfkit.sim.storage import Store
from swfkit.sim.world import World

logger = logging.getLogger(__name__)

Refs = dict[str, str]
Handler = Callable[["Replayer", Ctx, Refs, dict[str, Any]], None]


class DemoError(RuntimeError):
    """The demo script asked for something the simulator's rules refuse."""


class Replayer:
    """Runs stories against one world's storage, up to the moment ``now``.

    Attributes:
        executed: how many events of each kind were carried out.
    """

    def __init__(self, world: World, clock: ManualClock, now: datetime) -> None:
        self.world = world
        self.clock = clock
        self.now = now
        self.store = Store(world.db_path)
        self.blobs = BlobStore(world.blob_dir)
        self.rules = RuleBook(world.settings.disabled_rules)
        self._orgs = {org.slug: org for org in world.organisations}
        self._unlink: list[str] = []
        self.executed: Counter[str] = Counter()

    def close(self) -> None:
        """Close the database connections."""
        self.store.close()

    def play(self, plan: StoryPlan) -> int:
        """Carry out the events of ``plan`` up to now; return how many ran."""
        # A stable sort: events at the same moment keep the order they were
        # planned in, which is always prerequisite first.
        events = sorted(
            (e for e in plan.events if e.at <= self.now), key=lambda e: e.at
        )
        refs: Refs = {}
        with self.store.write() as db:
            for event in events:
                self._run(self._ctx(db, event.actor, event.at), refs, event, plan)
        self.executed.update(event.kind for event in events)
        self.blobs.remove(self._unlink)
        self._unlink.clear()
        return len(events)

    def handle_notificaties(self, rng: random.Random) -> int:
        """Let every organisation delete the notificaties it handled in time.

        Returns:
            How many were deleted.
        """
        deleted = 0
        with self.store.write() as db:
            for slug, profile in PROFILES.items():
                rows = notificaties.list_visible(self._ctx(db, slug, self.now), {})
                for row in rows:
                    if rng.random() >= profile.handled:
                        continue
                    days = rng.uniform(*profile.handle_days)
                    at = parse_timestamp(row["eventDatumTijd"]) + timedelta(days=days)
                    if at <= self.now:
                        notificaties.delete(
                            self._ctx(db, slug, at), row["notificatieId"]
                        )
                        deleted += 1
        self.executed["notificatie-verwijderd"] += deleted
        return deleted

    def oin(self, slug: str) -> str:
        """The OIN (or HRN) of a demo organisation."""
        return self._orgs[slug].oin

    def _ctx(self, db: sqlite3.Connection, slug: str, at: datetime) -> Ctx:
        self.clock.set(at)
        org = self._orgs[slug]
        return Ctx(
            db,
            self.world,
            self.rules,
            Caller(org.oin, org),
            format_timestamp(self.clock.now()),
        )

    def _run(self, ctx: Ctx, refs: Refs, event: Event, plan: StoryPlan) -> None:
        try:
            _HANDLERS[event.kind](self, ctx, refs, event.args)
        except Problem as exc:
            raise DemoError(
                f"demo story {plan.index}: {event.kind} by {event.actor}"
                f" at {event.at:%Y-%m-%d %H:%M} refused: {exc.detail}"
                f" ({exc.rule or exc.status})"
            ) from exc
        except KeyError as exc:
            raise DemoError(
                f"demo story {plan.index}: {event.kind} refers to "
                f"{exc} before it exists"
            ) from exc

    def store_blob(self, data: bytes) -> StoredBlob:
        """Write a document's bytes as a durable blob."""
        writer = self.blobs.writer(None, _no_limit)
        try:
            writer.write(data)
            return writer.commit()
        except BaseException:
            writer.discard()
            raise

    def unlink_after_commit(self, names: list[str]) -> None:
        """Remove these blobs once the story's transaction committed."""
        self._unlink.extend(names)


def _no_limit(limit: int) -> Exception:  # pragma: no cover - no limit is set
    return RuntimeError(f"limit {limit} reached")


def _start(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    sam, files = samenwerkingen.start(ctx, dict(args["body"]))
    refs["sam"] = sam["samenwerkingId"]
    if files:
        copies = [(f, r.blobs.copy_file(r.world.directory / f.path)) for f in files]
        documenten.place_verzoek(ctx, sam, copies)


def _invite(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    org = r.world.organisation(r.oin(args["slug"]))
    assert org is not None
    who = (
        {"kvkNummer": org.kvk_nummer}
        if company(args["slug"]) and org.kvk_nummer
        else {"oin": org.oin}
    )
    row = deelnemers.invite(ctx, refs["sam"], {**who, "privilege": args["privilege"]})
    refs[f"dn:{args['slug']}"] = row["deelnemerId"]


def _upload(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    query = {
        "documentOmschrijving": args["omschrijving"],
        "vertrouwelijkheidsAanduiding": args["aanduiding"],
        "taal": "NL",
    }
    meta = documenten.prepare_upload(ctx, refs["sam"], query)
    naam = documenten.check_filename(ctx.rules, args["naam"])
    regels = [
        f"Samenwerking: {refs['sam']}",
        f"Omschrijving: {args['omschrijving']}",
        f"Opgesteld door: {ctx.caller.organisation.naam}",
    ]
    blob = r.store_blob(
        document_pdf(naam.removesuffix(".pdf"), regels, parse_timestamp(ctx.now))
    )
    try:
        doc = documenten.store_upload(
            ctx, refs["sam"], meta, naam, "application/pdf", blob
        )
    except BaseException:
        r.blobs.remove([blob.name])
        raise
    refs[args["ref"]] = doc["documentId"]


def _send(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    body = {
        "titel": args["titel"],
        "omschrijving": args["omschrijving"],
        "ontvanger": r.oin(args["ontvanger"]),
        "uiterlijkeReactieDatum": args["uiterlijkeReactieDatum"],
        "documenten": [refs[ref] for ref in args["documenten"]],
    }
    refs[args["ref"]] = actieverzoeken.create(ctx, refs["sam"], body)["actieverzoekId"]


def _status(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    patch = {"status": args["status"]}
    if args.get("melding"):
        patch["melding"] = args["melding"]
    actieverzoeken.update(ctx, refs[args["actieverzoek"]], patch)


def _bericht(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    actieverzoeken.add_bericht(
        ctx, refs[args["actieverzoek"]], {"bericht": args["bericht"]}
    )


def _privilege(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    deelnemers.change_privilege(
        ctx,
        refs["sam"],
        refs[f"dn:{args['deelnemer']}"],
        {"privilege": args["privilege"]},
    )


def _remove(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    deelnemers.remove(ctx, refs["sam"], refs[f"dn:{args['deelnemer']}"])


def _recht(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    rechten.put(
        ctx,
        refs[args["document"]],
        refs[f"dn:{args['deelnemer']}"],
        {"toegang": args["toegang"]},
    )


def _recht_weg(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    rechten.delete(ctx, refs[args["document"]], refs[f"dn:{args['deelnemer']}"])


def _document(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    documenten.update(ctx, refs[args["document"]], dict(args["patch"]))


def _verwijder_document(
    r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]
) -> None:
    r.unlink_after_commit([documenten.delete(ctx, refs[args["document"]])])


def _samenwerking(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    samenwerkingen.update(ctx, refs["sam"], dict(args["patch"]))


def _close(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    samenwerkingen.update(ctx, refs["sam"], {"status": {"status": "GESLOTEN"}})


def _delete(r: Replayer, ctx: Ctx, refs: Refs, args: dict[str, Any]) -> None:
    r.unlink_after_commit(samenwerkingen.delete(ctx, refs["sam"]))


_HANDLERS: dict[str, Handler] = {
    "start": _start,
    "invite": _invite,
    "upload": _upload,
    "send": _send,
    "status": _status,
    "bericht": _bericht,
    "privilege": _privilege,
    "remove": _remove,
    "recht": _recht,
    "recht-weg": _recht_weg,
    "document": _document,
    "verwijder-document": _verwijder_document,
    "samenwerking": _samenwerking,
    "close": _close,
    "delete": _delete,
}
