"""Notificaties: time window, filters, order, paging, deletion by the recipient."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from simkit import copy_world

from swfkit.sim.clock import ManualClock
from swfkit.sim.server import Simulator

from .api import AADORP, PROVINCIE, WATERSCHAP, Org, problem

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clocked(
    sim_template: Path, tmp_path: Path
) -> Iterator[tuple[Simulator, ManualClock]]:
    clock = ManualClock(START)
    simulator = Simulator(copy_world(sim_template, tmp_path / "w"), clock=clock).start()
    yield simulator, clock
    simulator.stop()


def _events(simulator: Simulator, clock: ManualClock) -> tuple[Org, Org, str]:
    """Five events for the provincie, one minute apart (09:00 .. 09:04)."""
    aadorp, provincie = Org(simulator, AADORP), Org(simulator, PROVINCIE)
    sid = aadorp.start()["samenwerkingId"]
    aadorp.invite(sid, provincie)  # 09:00
    for _ in range(3):
        clock.advance(timedelta(minutes=1))
        aadorp.upload_ok(sid, b"x")  # 09:01..03
    clock.advance(timedelta(minutes=1))
    aadorp.patch(f"/samenwerkingen/{sid}", {"beschrijving": "b"})  # 09:04
    return aadorp, provincie, sid


def test_window_is_exclusive_below_and_inclusive_above(
    clocked: tuple[Simulator, ManualClock],
) -> None:
    _, provincie, _ = _events(*clocked)
    every = provincie.items("/notificaties", "notificaties")
    assert [n["eventDatumTijd"][11:16] for n in every] == [
        "09:00",
        "09:01",
        "09:02",
        "09:03",
        "09:04",
    ]
    window = provincie.items(
        "/notificaties",
        "notificaties",
        **{
            "eventDatumTijd[gt]": "2026-03-01T09:01:00Z",
            "eventDatumTijd[lte]": "2026-03-01T10:03:00+01:00",
        },
    )
    assert [n["eventDatumTijd"][11:16] for n in window] == ["09:02", "09:03"]


def test_type_and_samenwerking_filters(clocked: tuple[Simulator, ManualClock]) -> None:
    aadorp, provincie, sid = _events(*clocked)
    other = aadorp.start()["samenwerkingId"]
    aadorp.invite(other, provincie)
    uploads = provincie.items(
        "/notificaties", "notificaties", notificatieType="DOCUMENT_TOEGEVOEGD"
    )
    assert len(uploads) == 3
    assert {
        n["samenwerkingId"]
        for n in provincie.items("/notificaties", "notificaties", samenwerkingId=other)
    } == {other}
    assert (
        len(provincie.items(f"/samenwerkingen/{sid}/notificaties", "notificaties")) == 5
    )


def test_paging_keeps_the_oldest_first(clocked: tuple[Simulator, ManualClock]) -> None:
    _, provincie, _ = _events(*clocked)
    first = provincie.get("/notificaties", params={"size": 2}).json()
    assert first["page"] == {
        "number": 0,
        "size": 2,
        "totalElements": 5,
        "totalPages": 3,
    }
    assert set(first["_links"]) == {"self", "first", "last", "next"}
    last = provincie.get(first["_links"]["last"]["href"]).json()
    assert last["page"]["number"] == 2 and len(last["_embedded"]["notificaties"]) == 1
    assert "prev" in last["_links"] and "next" not in last["_links"]


def test_notification_carries_its_context(
    clocked: tuple[Simulator, ManualClock],
) -> None:
    aadorp, provincie, sid = _events(*clocked)
    note = provincie.items("/notificaties", "notificaties")[1]
    assert note["notificatieType"] == "DOCUMENT_TOEGEVOEGD"
    assert (note["deelnemer"], note["deelnemerNaam"]) == (
        provincie.oin,
        "Provincie Zuiderkwartier",
    )
    assert (note["eventInitiator"], note["samenwerkingId"]) == (aadorp.oin, sid)
    assert note["properties"]["documentNaam"] == "stuk.txt"
    assert provincie.get(note["_links"]["self"]["href"]).json() == note


def test_only_the_recipient_reads_or_deletes(
    clocked: tuple[Simulator, ManualClock],
) -> None:
    aadorp, provincie, sid = _events(*clocked)
    waterschap = Org(clocked[0], WATERSCHAP)
    aadorp.invite(sid, waterschap)
    before = provincie.items("/notificaties", "notificaties")
    note = before[0]
    path = f"/notificaties/{note['notificatieId']}"
    for other in (aadorp, waterschap):
        assert "regel" not in problem(other.get(path), 404)
        problem(other.delete(path), 404)
    assert provincie.delete(path).status_code == 204
    problem(provincie.get(path), 404)
    after = provincie.items("/notificaties", "notificaties")
    assert after == before[1:]


def test_actor_is_not_notified_of_its_own_events(
    clocked: tuple[Simulator, ManualClock],
) -> None:
    aadorp, _, sid = _events(*clocked)
    assert aadorp.items(f"/samenwerkingen/{sid}/notificaties", "notificaties") == []


@pytest.mark.parametrize("value", ["gisteren", "2026-13-01T00:00:00Z"])
def test_malformed_window_is_400(simulator: Simulator, value: str) -> None:
    body = problem(
        Org(simulator, PROVINCIE).get(
            "/notificaties", params={"eventDatumTijd[gt]": value}
        ),
        400,
    )
    assert body["invalidParams"][0]["name"] == "eventDatumTijd[gt]"
