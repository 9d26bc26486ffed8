"""Concurrency: several clients acting on the same samenwerkingen at once.

Invariants: each actieverzoek transition is applied exactly once however many
clients race for it; concurrent metadata updates of different fields lose
nothing; and nobody sees what they may not while documents, rights and
deelnemers change around them; and pollers sharing a notification cursor
never return a notificatie twice.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from swfkit.client import Client
from swfkit.errors import ConflictError, CursorBusyError, ForbiddenError, NotFoundError
from swfkit.sim.server import Simulator

from .helpers import (
    AADORP,
    PROVINCIE,
    VEILIGHEIDSREGIO,
    VERZOEK_AADORP,
    WATERSCHAP,
    client,
    fault,
    profile,
    scale,
    server_db,
)

RACERS = 6
ACTIEVERZOEKEN = scale(5, 20)
UPDATES = scale(12, 50)
UPLOADS = scale(24, 100)


def _race(attempts: Sequence[Callable[[], Any]]) -> list[BaseException | None]:
    """Run the attempts at the same instant; return each one's error or None."""
    barrier = threading.Barrier(len(attempts))

    def go(attempt: Callable[[], Any]) -> BaseException | None:
        barrier.wait()
        try:
            attempt()
        except ConflictError as exc:
            return exc
        return None

    with ThreadPoolExecutor(len(attempts)) as pool:
        return list(pool.map(go, attempts))


def _samenwerking(world: Path, *partners: tuple[str, str]) -> tuple[Client, str]:
    initiator = client(world, AADORP)
    sid = initiator.start_samenwerking(VERZOEK_AADORP, "Gelijktijdig").samenwerking_id
    for name, privilege in partners:
        partner = client(world, name)
        initiator.invite_ketenpartner(sid, oin=partner.oin, privilege=privilege)
        partner.close()
    return initiator, sid


def _transition_notices(world: Path) -> Counter[tuple[str, str, str]]:
    """Server records: STATUS_ACTIEVERZOEK_GEWIJZIGD per (av, status, recipient)."""
    with server_db(world) as db:
        rows = db.execute(
            "SELECT properties, deelnemer FROM notificatie "
            "WHERE notificatieType = 'STATUS_ACTIEVERZOEK_GEWIJZIGD'"
        ).fetchall()
    notices: Counter[tuple[str, str, str]] = Counter()
    for properties, deelnemer in rows:
        props = json.loads(properties)
        key = (props["actieverzoekId"], props["actieverzoekStatusNieuw"], deelnemer)
        notices[key] += 1
    return notices


def test_each_actieverzoek_transition_is_applied_once_when_clients_race(
    fresh_simulator: Simulator, proved: Callable[[str], None]
) -> None:
    world = fresh_simulator.world_dir
    zender, sid = _samenwerking(world, (PROVINCIE, "VOLLEDIGE_TOEGANG"))
    ontvangers = [client(world, PROVINCIE) for _ in range(RACERS)]
    zenders = [client(world, AADORP) for _ in range(RACERS)]
    avs = [
        zender.create_actieverzoek(
            sid,
            titel=f"Race {i}",
            omschrijving="Wie eerst?",
            ontvanger=ontvangers[0].oin,
        ).actieverzoek_id
        for i in range(ACTIEVERZOEKEN)
    ]

    wins: Counter[str] = Counter()
    for av in avs:
        for target in ("IN_BEHANDELING", "GEREEDGEMELD"):
            outcomes = _race(
                [partial(c.update_actieverzoek, av, status=target) for c in ontvangers]
            )
            wins[target] += outcomes.count(None)
        # The zender's clients race to accept and to withdraw: one wins.
        half = RACERS // 2
        outcomes = _race(
            [partial(c.approve_actieverzoek, av) for c in zenders[:half]]
            + [partial(c.withdraw_actieverzoek, av) for c in zenders[half:]]
        )
        wins["GEREED|INGETROKKEN"] += outcomes.count(None)

    assert wins == Counter(
        {
            "IN_BEHANDELING": len(avs),
            "GEREEDGEMELD": len(avs),
            "GEREED|INGETROKKEN": len(avs),
        }
    )
    notices = _transition_notices(world)
    assert set(notices.values()) == {1}, "a transition was announced twice"
    applied = {(av, status) for av, status, _ in notices}
    assert len(applied) == 3 * len(avs)
    finals = Counter(str(zender.get_actieverzoek(av).status) for av in avs)
    assert set(finals) <= {"GEREED", "INGETROKKEN"}
    proved(
        f"{RACERS} clients raced each of {3 * len(avs)} transitions on "
        f"{len(avs)} actieverzoeken: every transition applied once "
        f"({3 * len(avs) * (RACERS - 1)} losers got 409), 0 duplicate notificaties"
    )


SAMENWERKING_FIELDS = (
    "titel",
    "beschrijving",
    "kenmerk_systeem",
    "nummer_binnen_systeem",
    "contactpersoon_naam",
)
DOCUMENT_FIELDS = ("document_omschrijving", "kenmerk_systeem", "nummer_binnen_systeem")


def _writer(update: Callable[..., Any], name: str) -> None:
    """Write ``name`` UPDATES times in a row; each answer must show the write."""
    for i in range(UPDATES):
        value = f"{name}-{i}"
        answer = update(**{name: value})
        assert getattr(answer, name) == value, "the answer lost this very write"


def test_concurrent_metadata_updates_of_different_fields_lose_nothing(
    fresh_simulator: Simulator, proved: Callable[[str], None]
) -> None:
    world = fresh_simulator.world_dir
    initiator, sid = _samenwerking(world)
    doc = initiator.upload_document(
        sid,
        b"inhoud",
        bestandsnaam="stuk.txt",
        omschrijving="stuk",
        vertrouwelijkheid="RV",
    )
    # One client per field, each the only writer of its field.
    jobs = [
        partial(_writer, partial(client(world, AADORP).update_samenwerking, sid), name)
        for name in SAMENWERKING_FIELDS
    ] + [
        partial(
            _writer,
            partial(client(world, AADORP).update_document, doc.document_id),
            name,
        )
        for name in DOCUMENT_FIELDS
    ]
    with ThreadPoolExecutor(len(jobs)) as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()

    final = initiator.get_samenwerking(sid)
    final_doc = initiator.get_document(doc.document_id)
    last = f"-{UPDATES - 1}"
    for name in SAMENWERKING_FIELDS:
        assert getattr(final, name) == name + last, f"lost update of {name}"
    for name in DOCUMENT_FIELDS:
        assert getattr(final_doc, name) == name + last, f"lost update of {name}"
    proved(
        f"{len(jobs)} clients each wrote one field {UPDATES} times concurrently "
        f"({len(jobs) * UPDATES} merge patches on one samenwerking and one "
        "document): 0 lost updates"
    )


@dataclass
class Watch:
    """What happened when, for the visibility test (monotonic seconds)."""

    sv: set[str] = field(default_factory=set)
    hidden: dict[str, float] = field(default_factory=dict)
    removed_at: float | None = None
    listings: list[tuple[float, set[str]]] = field(default_factory=list)
    sv_reads: list[tuple[str, str]] = field(default_factory=list)
    removed_reads: list[tuple[float, str]] = field(default_factory=list)
    notified: set[str] = field(default_factory=set)
    done: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _upload_and_hide(world: Path, sid: str, watch: Watch, waterschap_id: str) -> None:
    """Upload RV and SV documents; hide every third RV one from the waterschap."""
    swf = client(world, AADORP)
    for i in range(UPLOADS):
        aanduiding = "SV" if i % 2 else "RV"
        doc = swf.upload_document(
            sid,
            f"stuk {i}".encode(),
            bestandsnaam=f"stuk-{i}.txt",
            omschrijving=f"stuk {i}",
            vertrouwelijkheid=aanduiding,
        )
        if aanduiding == "SV":
            with watch.lock:
                watch.sv.add(doc.document_id)
        elif i % 3 == 0:
            swf.set_document_recht(doc.document_id, waterschap_id, "GEWEIGERD")
            with watch.lock:
                watch.hidden[doc.document_id] = time.monotonic()


def _remove_partner(world: Path, sid: str, deelnemer_id: str, watch: Watch) -> None:
    time.sleep(0.3)
    client(world, AADORP).remove_ketenpartner(sid, deelnemer_id)
    watch.removed_at = time.monotonic()


def _read_as_beperkt(world: Path, sid: str, watch: Watch) -> None:
    swf = client(world, WATERSCHAP)
    while not watch.done.is_set():
        started = time.monotonic()
        seen = {d.document_id for d in swf.list_documenten(sid)}
        watch.listings.append((started, seen))
        with watch.lock:
            sv = list(watch.sv)
        for doc_id in sv[-3:]:
            try:
                swf.get_document(doc_id)
                watch.sv_reads.append((doc_id, "zichtbaar"))
            except NotFoundError:
                watch.sv_reads.append((doc_id, "404"))
    watch.notified = {
        str(n.properties.get("documentId"))
        for n in swf.list_notificaties(samenwerking_id=sid)
        if n.properties
    }


def _read_as_removed(world: Path, sid: str, watch: Watch) -> None:
    swf = client(world, VEILIGHEIDSREGIO)
    while not watch.done.is_set():
        started = time.monotonic()
        try:
            outcome = str(len(list(swf.list_documenten(sid))))
        except (NotFoundError, ForbiddenError) as exc:
            outcome = str(exc.status)
        watch.removed_reads.append((started, outcome))


def test_no_visibility_leak_while_documents_rights_and_deelnemers_change(
    fresh_simulator: Simulator, proved: Callable[[str], None]
) -> None:
    world = fresh_simulator.world_dir
    initiator, sid = _samenwerking(
        world,
        (PROVINCIE, "VOLLEDIGE_TOEGANG"),
        (WATERSCHAP, "BEPERKTE_TOEGANG"),
        (VEILIGHEIDSREGIO, "VOLLEDIGE_TOEGANG"),
    )
    ids = {d.oin: d.deelnemer_id for d in initiator.list_deelnemers(sid)}
    waterschap = client(world, WATERSCHAP).oin
    removed = client(world, VEILIGHEIDSREGIO).oin
    watch = Watch()

    with ThreadPoolExecutor(4) as pool:
        readers = [
            pool.submit(_read_as_beperkt, world, sid, watch),
            pool.submit(_read_as_removed, world, sid, watch),
        ]
        writers = [
            pool.submit(_upload_and_hide, world, sid, watch, ids[waterschap]),
            pool.submit(_remove_partner, world, sid, ids[removed], watch),
        ]
        for future in writers:
            future.result()
        watch.done.set()
        for future in readers:
            future.result()

    leaks = [seen & watch.sv for _, seen in watch.listings if seen & watch.sv]
    late = [
        doc_id
        for started, seen in watch.listings
        for doc_id in seen
        if doc_id in watch.hidden and started > watch.hidden[doc_id]
    ]
    assert not leaks, f"SV documents in a beperkte-toegang listing: {leaks[:3]}"
    assert not late, f"documents listed after access was refused: {late[:3]}"
    assert all(outcome == "404" for _, outcome in watch.sv_reads)
    assert not watch.notified & watch.sv, "a notificatie named an SV document"
    assert watch.removed_at is not None
    after = [o for t, o in watch.removed_reads if t > watch.removed_at]
    assert after and all(o in {"403", "404"} for o in after)
    with server_db(world) as db:
        told = db.execute(
            "SELECT COUNT(*) FROM notificatie WHERE deelnemer = ? AND documentId IN "
            f"({','.join('?' * len(watch.sv))})",
            (waterschap, *watch.sv),
        ).fetchone()[0]
    assert told == 0

    proved(
        f"{len(watch.listings)} listings and {len(watch.sv_reads)} reads by id by a "
        f"beperkte-toegang partner during {UPLOADS} uploads ({len(watch.sv)} SV) and "
        f"{len(watch.hidden)} refusals: 0 leaks; removed partner: "
        f"{len(after)}/{len(after)} reads after removal refused"
    )


POLLERS = 4


def test_pollers_sharing_a_cursor_file_return_each_notificatie_once(
    sim_factory: Callable[..., Simulator],
    tmp_path: Path,
    proved: Callable[[str], None],
) -> None:
    # A slow listing keeps every poll open long enough for the others to
    # start theirs: without the lock they would all read the same cursor.
    slow = fault("latency", "GET", "/notificaties$", seconds=0.3)
    sim = sim_factory(faultProfile=profile(slow))
    initiator, sid = _samenwerking(sim.world_dir, (PROVINCIE, "VOLLEDIGE_TOEGANG"))
    pollers = [client(sim.world_dir, PROVINCIE) for _ in range(POLLERS)]
    cursor = tmp_path / "gedeelde-cursor.json"
    returned: list[str] = []

    for round_ in range(2):
        for i in range(5):
            initiator.upload_document(
                sid,
                b"x",
                bestandsnaam=f"r{round_}-{i}.txt",
                omschrijving="o",
                vertrouwelijkheid="RV",
            )
        returned += _poll_together(pollers, cursor, sid)

    listing = pollers[0].list_notificaties(samenwerking_id=sid)
    everything = {n.notificatie_id for n in listing}
    twice = [i for i, n in Counter(returned).items() if n > 1]
    assert not twice, f"returned more than once: {twice}"
    assert set(returned) == everything
    proved(
        f"{POLLERS} pollers on one cursor file, 2 rounds at the same instant: "
        f"{len(returned)}/{len(everything)} notificaties returned, 0 twice"
    )


def _poll_together(pollers: list[Client], cursor: Path, sid: str) -> list[str]:
    """Every poller polls the shared cursor at the same instant; ids returned."""
    barrier = threading.Barrier(len(pollers))

    def poll(swf: Client) -> list[str]:
        barrier.wait()
        found = swf.poll_notificaties(cursor, samenwerking_id=sid)
        return [n.notificatie_id for n in found]

    with ThreadPoolExecutor(len(pollers)) as pool:
        return [i for ids in pool.map(poll, pollers) for i in ids]


def test_a_poller_waiting_too_long_for_the_cursor_gets_a_typed_error(
    fresh_simulator: Simulator, tmp_path: Path
) -> None:
    cursor = tmp_path / "cursor.json"
    swf = client(fresh_simulator.world_dir, PROVINCIE)

    held = FileLock(cursor.with_name("cursor.json.lock"))
    with held, pytest.raises(CursorBusyError, match="own cursor file"):
        swf.poll_notificaties(cursor, lock_timeout=0.2)

    assert swf.poll_notificaties(cursor) == []
    assert json.loads(cursor.read_text())["watermark"] is None
