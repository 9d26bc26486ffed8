"""kill -9: everything the simulator acknowledged survives, with the right hash."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
import time

import requests

from swfkit.sim.process import SimProcess

from .api import AADORP, PROVINCIE, Org

UPLOADS = 20


def _upload(org: Org, sid: str, rng: random.Random, i: int) -> tuple[str, str]:
    content = rng.randbytes(rng.randint(1, 150_000))
    doc = org.upload_ok(
        sid, content, name=f"stuk-{i}.bin", content_type="application/octet-stream"
    )
    return doc["documentId"], hashlib.sha256(content).hexdigest()


def test_acknowledged_writes_survive_sigkill(simulator_process: SimProcess) -> None:
    rng = random.Random(20260601)
    org = Org(simulator_process, AADORP)
    sid = org.start()["samenwerkingId"]
    partner = org.invite(sid, Org(simulator_process, PROVINCIE))
    hashes = dict(_upload(org, sid, rng, i) for i in range(UPLOADS))
    renamed = list(hashes)[:5]
    for doc_id in renamed:
        org.patch(f"/documenten/{doc_id}", {"documentOmschrijving": "gewijzigd"})
    deleted = list(hashes)[5:7]
    for doc_id in deleted:
        assert org.delete(f"/documenten/{doc_id}").status_code == 204
        del hashes[doc_id]

    # Keep uploading from another thread and kill in the middle of that.
    in_flight: dict[str, str] = {}
    stop = threading.Event()

    def keep_uploading() -> None:
        busy = Org(simulator_process, AADORP)
        i = 0
        while not stop.is_set():
            try:
                doc_id, digest = _upload(busy, sid, rng, 1000 + i)
            except (requests.ConnectionError, AssertionError):
                return
            in_flight[doc_id] = digest
            i += 1

    worker = threading.Thread(target=keep_uploading)
    worker.start()
    time.sleep(0.4)
    simulator_process.kill()
    stop.set()
    worker.join(timeout=30)
    simulator_process.restart()

    after = Org(simulator_process, AADORP)
    listed = {
        d["documentId"]: d
        for d in after.items(f"/samenwerkingen/{sid}/documenten", "documenten")
    }
    acknowledged = {**hashes, **in_flight}
    intact = 0
    for doc_id, digest in acknowledged.items():
        doc = listed.get(doc_id)
        content = after.get(f"/documenten/{doc_id}/content").content
        if doc and doc["documentHash"] == digest == hashlib.sha256(content).hexdigest():
            intact += 1
    for doc_id in renamed:
        assert listed[doc_id]["documentOmschrijving"] == "gewijzigd"
    assert not set(deleted) & set(listed)
    # Whatever is listed (an upload may have committed just before the kill
    # without its answer arriving) is whole: content matches its hash.
    for doc_id, doc in listed.items():
        content = after.get(f"/documenten/{doc_id}/content").content
        assert hashlib.sha256(content).hexdigest() == doc["documentHash"]
    assert (
        after.get(
            f"/samenwerkingen/{sid}/deelnemers/{partner['deelnemerId']}"
        ).status_code
        == 200
    )

    world = simulator_process.world_dir
    db = sqlite3.connect(f"file:{world / 'sim.db'}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    assert [p.name for p in (world / "blobs").iterdir() if p.name.startswith(".")] == []
    print(
        f"kill -9 after {UPLOADS} uploads (+{len(in_flight)} while killing): "
        f"{intact}/{len(acknowledged)} acknowledged intact"
    )
    assert intact == len(acknowledged)
