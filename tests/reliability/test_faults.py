"""Fault injection: the swfkit client against a misbehaving simulator.

The simulator's fault profile (``settings.faultProfile``, see
:mod:`swfkit.sim.faults`) adds latency, answers 503 or 429 with
``Retry-After``, drops connections before or in the middle of an answer and
dribbles bodies. The client must see idempotent calls through, never send a
write twice (checked on the server's own records and request log), and give
up with the right typed error.
"""

from __future__ import annotations

import io
import json
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from simkit import copy_world, start_simulator

from swfkit.client import Client
from swfkit.errors import (
    ConfigurationError,
    ConnectError,
    ServerError,
    SwfkitError,
    TimeoutError_,
    TooManyRequestsError,
)
from swfkit.sim.faults import FaultProfile
from swfkit.sim.server import Simulator

from .helpers import (
    AADORP,
    PROVINCIE,
    VERZOEK_AADORP,
    client,
    count,
    fault,
    profile,
)

SimFactory = Callable[..., Simulator]
SAM = r"/samenwerkingen/SAM-\d+$"
CONTENT = r"/content$"
READ_TIMEOUT = 0.5
DOCUMENT = bytes(range(256)) * 800  # 200 KiB


class ServerLog:
    """What reached the server: faults injected and requests answered."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        caplog.set_level(logging.INFO, logger="swfkit.sim")

    def faults(self, kind: str | None = None) -> list[logging.LogRecord]:
        """The injected faults, oldest first."""
        return [
            r
            for r in self.caplog.records
            if r.name == "swfkit.sim.faults"
            and r.msg.startswith("fault injected")
            and (kind is None or _args(r)[0] == kind)
        ]

    def answered(self, method: str, path: str) -> list[str]:
        """Statuses the simulator itself gave to matching requests."""
        pattern = re.compile(path)
        return [
            str(_args(r)[2])
            for r in self.caplog.records
            if r.name == "swfkit.sim.web.app"
            and _args(r)[:1] == (method,)
            and pattern.search(str(_args(r)[1]))
        ]


def _args(record: logging.LogRecord) -> tuple[Any, ...]:
    """A log record's %-arguments (always a tuple for these loggers)."""
    return record.args if isinstance(record.args, tuple) else ()


def _eventually(probe: Callable[[], int], seconds: float = 15.0) -> int:
    """The probe's value once non-zero (a slowed request may still be running)."""
    deadline = time.monotonic() + seconds
    while not (value := probe()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return value


def _start(sim_factory: SimFactory, *faults: dict[str, Any]) -> tuple[Simulator, str]:
    """A simulator with these faults and a samenwerking (made by a POST)."""
    sim = sim_factory(faultProfile=profile(*faults))
    setup = client(sim.world_dir, AADORP)
    sid = setup.start_samenwerking(VERZOEK_AADORP, "Storingen").samenwerking_id
    setup.close()
    return sim, sid


def _client(sim: Simulator, name: str = AADORP, **options: Any) -> Client:
    options.setdefault("read_timeout", READ_TIMEOUT)
    options.setdefault("backoff", 0.0)
    return client(sim.world_dir, name, **options)


def test_idempotent_calls_complete_after_transient_faults(
    sim_factory: SimFactory,
    caplog: pytest.LogCaptureFixture,
    proved: Callable[[str], None],
) -> None:
    log = ServerLog(caplog)
    sim, sid = _start(
        sim_factory,
        fault("unavailable", "GET", SAM, retryAfter=1, limit=1),
        fault("throttle", "GET", SAM, retryAfter=1, limit=1),
        fault("latency", "GET", SAM, seconds=2.0, limit=1),
        fault("reset", "GET", SAM, limit=1),
        fault("reset", "PUT", limit=1),
        fault("slow", "GET", CONTENT, chunkBytes=4096, seconds=0.001),
    )
    swf = _client(sim, retries=4)  # four faults in a row, then the answer

    assert swf.get_samenwerking(sid).samenwerking_id == sid
    kinds = [_args(r)[0] for r in log.faults()]
    assert kinds == ["unavailable", "throttle", "latency", "reset"]
    # The attempt after each Retry-After: 1 came at least that much later.
    first, second, third = log.faults()[:3]
    assert second.created - first.created >= 0.9
    assert third.created - second.created >= 0.9
    # The slowed, the dropped and the last attempt reached the simulator.
    assert _eventually(lambda: len(log.answered("GET", SAM)) >= 3)
    assert len(log.answered("GET", SAM)) == 3

    partner = client(sim.world_dir, PROVINCIE)
    deelnemer = swf.invite_ketenpartner(
        sid, oin=partner.oin, privilege="BEPERKTE_TOEGANG"
    )
    doc = swf.upload_document(
        sid,
        DOCUMENT,
        bestandsnaam="stuk.bin",
        omschrijving="stuk",
        vertrouwelijkheid="SV",
    )
    recht = swf.set_document_recht(
        doc.document_id, deelnemer.deelnemer_id, "TOEGESTAAN"
    )
    assert recht.toegang == "TOEGESTAAN"
    assert log.answered("PUT", "/rechten/") == ["201", "200"]
    assert count(sim.world_dir, "SELECT COUNT(*) FROM recht") == 1

    result = swf.download_document(doc, io.BytesIO())
    assert result.size == len(DOCUMENT) and result.sha256 == doc.document_hash
    assert len(log.faults("slow")) == 1
    proved(
        "GET through 503 and 429 (Retry-After honoured), a read timeout and a "
        "connection dropped before the answer: completed on the 5th attempt; PUT "
        "through a dropped connection: completed, 1 right stored; a download "
        f"dribbled in 4 KiB pieces: {len(DOCUMENT)} bytes, hash intact"
    )


def test_no_write_is_sent_twice_whatever_the_fault(
    sim_factory: SimFactory,
    caplog: pytest.LogCaptureFixture,
    proved: Callable[[str], None],
) -> None:
    log = ServerLog(caplog)
    sim = sim_factory(
        faultProfile=profile(
            fault("reset", "POST", "/samenwerkingen$", limit=1),
            fault("unavailable", "POST", "/deelnemers$", retryAfter=0, limit=1),
            fault("latency", "POST", "/actieverzoeken$", seconds=2.0, limit=1),
            fault("reset", "POST", "/documenten$", afterBytes=10, limit=1),
            fault("throttle", "POST", "/berichten$", retryAfter=0, limit=1),
            fault("reset", "PATCH", "/actieverzoeken/", limit=1),
        )
    )
    world = sim.world_dir
    swf, partner = _client(sim), _client(sim, PROVINCIE)

    with pytest.raises(ConnectError):
        swf.start_samenwerking(VERZOEK_AADORP, "Eenmalig")
    assert count(world, "SELECT COUNT(*) FROM samenwerking") == 1
    sid = swf.list_samenwerkingen().to_list()[0].samenwerking_id

    with pytest.raises(ServerError) as refused:
        swf.invite_ketenpartner(sid, oin=partner.oin, privilege="VOLLEDIGE_TOEGANG")
    assert refused.value.status == 503
    assert (
        count(world, "SELECT COUNT(*) FROM deelnemer WHERE oin = ?", partner.oin) == 0
    )
    swf.invite_ketenpartner(sid, oin=partner.oin, privilege="VOLLEDIGE_TOEGANG")

    with pytest.raises(TimeoutError_):
        swf.create_actieverzoek(
            sid, titel="Traag", omschrijving="x", ontvanger=partner.oin
        )
    assert _eventually(lambda: count(world, "SELECT COUNT(*) FROM actieverzoek")) == 1

    with pytest.raises(ConnectError):
        swf.upload_document(
            sid,
            DOCUMENT,
            bestandsnaam="een.bin",
            omschrijving="een",
            vertrouwelijkheid="RV",
        )
    assert count(world, "SELECT COUNT(*) FROM document") == 1

    av_id = (
        partner.list_actieverzoeken(samenwerking_id=sid).to_list()[0].actieverzoek_id
    )
    with pytest.raises(TooManyRequestsError):
        partner.send_bericht(av_id, "Eén keer")
    assert count(world, "SELECT COUNT(*) FROM bericht") == 0

    with pytest.raises(ConnectError):
        partner.accept_actieverzoek(av_id)
    assert swf.get_actieverzoek(av_id).status == "IN_BEHANDELING"
    changed = "notificatieType = 'STATUS_ACTIEVERZOEK_GEWIJZIGD'"
    assert count(world, f"SELECT COUNT(*) FROM notificatie WHERE {changed}") == 1

    reached = {
        "POST samenwerking": len(log.answered("POST", "/samenwerkingen$")),
        "POST deelnemer (refused)": len(log.faults("unavailable")),
        "POST actieverzoek": len(log.answered("POST", "/actieverzoeken$")),
        "POST document": len(log.answered("POST", "/documenten$")),
        "POST bericht (refused)": len(log.faults("throttle")),
        "PATCH transition": len(log.answered("PATCH", "/actieverzoeken/")),
    }
    assert set(reached.values()) == {1}, reached
    assert len(log.answered("POST", "/deelnemers$")) == 1  # the second invitation
    proved(
        "6 writes (5 POST, 1 PATCH) hit by a connection dropped before or during "
        "the answer, 503, 429 or a read timeout: each reached the server once, 0 "
        "duplicates in its records; the client gave up with ConnectError, "
        "ServerError(503), TooManyRequestsError or TimeoutError_"
    )


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("unavailable", {"retryAfter": 0}, ServerError),
        ("throttle", {"retryAfter": 0}, TooManyRequestsError),
        ("reset", {}, ConnectError),
        ("reset", {"afterBytes": 20}, ConnectError),
        ("latency", {"seconds": 1.0}, TimeoutError_),
    ],
    ids=["503", "429", "reset", "reset-mid-body", "timeout"],
)
def test_get_gives_up_with_a_typed_error_when_the_fault_persists(
    sim_factory: SimFactory,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    extra: dict[str, Any],
    expected: type[SwfkitError],
    proved: Callable[[str], None],
) -> None:
    log = ServerLog(caplog)
    sim, sid = _start(sim_factory, fault(kind, "GET", SAM, **extra))

    with pytest.raises(expected):
        _client(sim, retries=2).get_samenwerking(sid)

    tries = len(log.faults(kind))
    assert tries == 3, "the first attempt and two retries"
    where = " mid-body" if "afterBytes" in extra else ""
    proved(f"persistent {kind}{where} on GET: {tries} attempt(s), {expected.__name__}")


def test_idempotent_get_completes_after_its_body_was_cut_off(
    sim_factory: SimFactory,
    caplog: pytest.LogCaptureFixture,
    proved: Callable[[str], None],
) -> None:
    log = ServerLog(caplog)
    sim, sid = _start(sim_factory, fault("reset", "GET", SAM, afterBytes=20, limit=2))

    assert _client(sim).get_samenwerking(sid).samenwerking_id == sid

    tries = len(log.faults("reset"))
    assert tries == 2, "both cut-off answers were seen by the server"
    proved(f"GET whose body broke off twice: completed on attempt {tries + 1}")


def test_idempotent_get_completes_after_its_body_stalled(
    sim_factory: SimFactory, caplog: pytest.LogCaptureFixture
) -> None:
    log = ServerLog(caplog)
    stall = fault("slow", "GET", SAM, chunkBytes=20, seconds=READ_TIMEOUT * 3, limit=1)
    sim, sid = _start(sim_factory, stall)

    assert _client(sim).get_samenwerking(sid).samenwerking_id == sid
    assert len(log.faults("slow")) == 1


def test_download_cut_off_mid_body_raises_a_typed_error(
    sim_factory: SimFactory, tmp_path: Path
) -> None:
    sim, sid = _start(sim_factory, fault("reset", "GET", CONTENT, afterBytes=50_000))
    swf = _client(sim)
    doc = swf.upload_document(
        sid,
        DOCUMENT,
        bestandsnaam="stuk.bin",
        omschrijving="stuk",
        vertrouwelijkheid="RV",
    )
    target = tmp_path / "downloads"
    target.mkdir()
    with pytest.raises(ConnectError):
        swf.download_document(doc, target)
    assert list(target.iterdir()) == [], "a partial download was left behind"


def test_fault_profile_comes_from_a_file_and_a_malformed_one_is_refused(
    sim_template: Path, tmp_path: Path
) -> None:
    world = copy_world(sim_template, tmp_path / "world", faultProfile="storing.json")
    (world / "storing.json").write_text(
        json.dumps(profile(fault("throttle", "GET", SAM, retryAfter=0)))
    )
    sim = start_simulator(world)
    try:
        swf = _client(sim, retries=0)
        sid = swf.start_samenwerking(VERZOEK_AADORP, "Uit een bestand").samenwerking_id
        with pytest.raises(TooManyRequestsError) as refused:
            swf.get_samenwerking(sid)
        assert refused.value.problem["type"] == "urn:swfkit:probleem:te-veel-verzoeken"
    finally:
        sim.stop()

    malformed: list[dict[str, Any]] = [
        {"faults": [{"kind": "explode"}]},
        {"faults": [{"kind": "latency", "probability": 2}]},
        {"faults": [{"kind": "reset", "path": "(unclosed"}]},
        {"fouten": []},
    ]
    for wrong in malformed:
        with pytest.raises(ConfigurationError, match="fault profile is malformed"):
            FaultProfile.from_dict(wrong)
