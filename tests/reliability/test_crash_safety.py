"""Crash safety: SIGKILL the simulator during concurrent uploads and status changes.

After a restart every write the simulator acknowledged must be there and
intact (hashes), nothing half-written may be visible, and SQLite must pass
its own integrity check. A write that was in flight at the kill may or may
not have landed, but if it did, it landed whole.
"""

from __future__ import annotations

import hashlib
import io
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from swfkit.client import Client
from swfkit.errors import IntegrityError, SwfkitError
from swfkit.sim.process import SimProcess

from .helpers import AADORP, PROVINCIE, VERZOEK_AADORP, client, scale, server_db

UPLOADS = scale(40, 120)
UPLOADERS = 3
ACTIEVERZOEKEN = scale(6, 15)
ROUNDS = scale(1, 3)
# (who, target status) in the order an actieverzoek moves through them.
STEPS = (
    ("ontvanger", "IN_BEHANDELING"),
    ("ontvanger", "GEREEDGEMELD"),
    ("zender", "GEREED"),
)


@dataclass
class Ledger:
    """What the simulator acknowledged, and what was in flight at the kill."""

    documents: dict[str, tuple[str, int]] = field(default_factory=dict)
    uploads_started: int = 0
    uploads_lost: int = 0
    errors: list[str] = field(default_factory=list)
    statuses: dict[str, list[str]] = field(default_factory=dict)
    status_in_flight: dict[str, str] = field(default_factory=dict)
    beschrijving: list[str] = field(default_factory=list)
    beschrijving_in_flight: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_upload(self) -> int | None:
        with self.lock:
            if self.uploads_started >= UPLOADS:
                return None
            self.uploads_started += 1
            return self.uploads_started


def _uploader(world: Path, sid: str, ledger: Ledger, seed: int) -> None:
    rng = random.Random(seed)
    swf = client(world, AADORP, retries=0, backoff=0)
    while (n := ledger.next_upload()) is not None:
        content = rng.randbytes(rng.randint(1_000, 1_500_000))
        try:
            doc = swf.upload_document(
                sid,
                content,
                bestandsnaam=f"stuk-{n}.bin",
                omschrijving=f"stuk {n}",
                vertrouwelijkheid="RV",
            )
        except SwfkitError as exc:
            with ledger.lock:
                ledger.uploads_lost += 1
                ledger.errors.append(f"upload {n}: {exc}")
            return
        with ledger.lock:
            ledger.documents[doc.document_id] = (
                hashlib.sha256(content).hexdigest(),
                len(content),
            )


def _status_changer(
    world: Path, sid: str, actieverzoeken: list[str], ledger: Ledger
) -> None:
    parties = {
        "zender": client(world, AADORP, retries=0, backoff=0),
        "ontvanger": client(world, PROVINCIE, retries=0, backoff=0),
    }
    for step, (who, target) in enumerate(STEPS):
        for av_id in actieverzoeken:
            ledger.status_in_flight[av_id] = target
            try:
                parties[who].update_actieverzoek(av_id, status=target)
            except SwfkitError:
                return
            ledger.statuses[av_id].append(target)
            del ledger.status_in_flight[av_id]

            text = f"stand {step}-{av_id[:8]}"
            ledger.beschrijving_in_flight = text
            try:
                parties["zender"].update_samenwerking(sid, beschrijving=text)
            except SwfkitError:
                return
            ledger.beschrijving.append(text)
            ledger.beschrijving_in_flight = None


def _wait_until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def _crash_round(sim: SimProcess, seed: int) -> tuple[Ledger, str]:
    """Set up, start writers, kill -9 half-way, restart; return what was acked."""
    world = sim.world_dir
    swf = client(world, AADORP)
    sid = swf.start_samenwerking(VERZOEK_AADORP, f"Crashtest {seed}").samenwerking_id
    partner = client(world, PROVINCIE)
    swf.invite_ketenpartner(sid, oin=partner.oin, privilege="VOLLEDIGE_TOEGANG")
    ledger = Ledger()
    avs = [
        swf.create_actieverzoek(
            sid, titel=f"Verzoek {i}", omschrijving="Graag", ontvanger=partner.oin
        ).actieverzoek_id
        for i in range(ACTIEVERZOEKEN)
    ]
    ledger.statuses = {av: ["OPEN"] for av in avs}

    threads = [
        threading.Thread(target=_uploader, args=(world, sid, ledger, seed * 10 + i))
        for i in range(UPLOADERS)
    ]
    threads.append(
        threading.Thread(target=_status_changer, args=(world, sid, avs, ledger))
    )
    for thread in threads:
        thread.start()
    _wait_until(
        lambda: (
            len(ledger.documents) >= UPLOADS // 2
            or not any(t.is_alive() for t in threads[:UPLOADERS])
        ),
        120,
    )
    assert not ledger.errors, f"an upload failed before the kill: {ledger.errors}"

    sim.kill()
    for thread in threads:
        thread.join(timeout=60)
    sim.restart()
    return ledger, sid


def _check_documents(swf: Client, sid: str, ledger: Ledger) -> tuple[int, int]:
    """(acknowledged uploads intact, listed documents that are not whole)."""
    listed = {doc.document_id: doc for doc in swf.list_documenten(sid)}
    partial = 0
    for doc in listed.values():
        try:
            swf.download_document(doc, io.BytesIO())
        except IntegrityError:
            partial += 1
    intact = 0
    for doc_id, (sha256, size) in ledger.documents.items():
        found = listed.get(doc_id)
        if found is None or (found.document_hash, found.bestands_grootte) != (
            sha256,
            size,
        ):
            continue
        if swf.download_document(found, io.BytesIO()).sha256 == sha256:
            intact += 1
    return intact, partial


def _check_statuses(swf: Client, ledger: Ledger) -> tuple[int, int]:
    """(actieverzoeken whose acknowledged status survived, acknowledged changes)."""
    kept = 0
    for av_id, acked in ledger.statuses.items():
        now = swf.get_actieverzoek(av_id).status
        allowed = {acked[-1], ledger.status_in_flight.get(av_id, acked[-1])}
        kept += str(now) in allowed
    changes = sum(len(acked) - 1 for acked in ledger.statuses.values())
    return kept, changes


def _disk_is_clean(world: Path) -> bool:
    """No unfinished upload file, and exactly one blob per document row."""
    blobs = {p.name for p in (world / "blobs").iterdir()}
    with server_db(world) as db:
        rows = {row[0] for row in db.execute("SELECT blob FROM document")}
        verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
    return verdict == "ok" and blobs == rows


def test_acknowledged_writes_survive_sigkill_during_concurrent_writes(
    simulator_process: SimProcess, proved: Callable[[str], None]
) -> None:
    totals = dict.fromkeys(("acked", "intact", "partial", "lost", "changes"), 0)
    for round_no in range(ROUNDS):
        ledger, sid = _crash_round(simulator_process, seed=round_no + 1)
        swf = client(simulator_process.world_dir, AADORP)
        intact, partial = _check_documents(swf, sid, ledger)
        kept, changes = _check_statuses(swf, ledger)
        beschrijving = swf.get_samenwerking(sid).beschrijving

        assert intact == len(ledger.documents), "an acknowledged upload was lost"
        assert partial == 0, "a half-written document is visible"
        assert kept == len(ledger.statuses), "an acknowledged status change was lost"
        if ledger.beschrijving:
            assert beschrijving in {
                ledger.beschrijving[-1],
                ledger.beschrijving_in_flight,
            }
        assert _disk_is_clean(simulator_process.world_dir)

        totals["acked"] += len(ledger.documents)
        totals["intact"] += intact
        totals["partial"] += partial
        totals["lost"] += ledger.uploads_lost
        totals["changes"] += changes
        assert ledger.documents, "the kill came before any upload was acknowledged"

    proved(
        f"kill -9 during {UPLOADS} uploads ({UPLOADERS} threads) and "
        f"{ACTIEVERZOEKEN * len(STEPS)} status changes, {ROUNDS} round(s): "
        f"{totals['intact']}/{totals['acked']} acknowledged uploads intact, "
        f"{totals['partial']} partial ({totals['lost']} cut off by the kill), "
        f"{totals['changes']}/{totals['changes']} acknowledged status changes "
        "kept, integrity_check ok, no orphan blob"
    )
