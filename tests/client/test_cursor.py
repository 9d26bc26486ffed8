"""The notification cursor: nothing lost, nothing twice, saved atomically."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from swfkit.client import Notificatie, NotificatieCursor
from swfkit.errors import ConfigurationError

T0 = dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC)


def _n(ident: str, at: dt.datetime) -> Notificatie:
    return Notificatie.model_validate(
        {
            "notificatieId": ident,
            "notificatieType": "NIEUW_BERICHT",
            "eventDatumTijd": at.isoformat(),
        }
    )


def _server(stored: list[Notificatie], after: dt.datetime | None) -> list[Notificatie]:
    """What the server answers to eventDatumTijd[gt]=after."""
    return [n for n in stored if after is None or n.event_datum_tijd > after]


def test_same_timestamp_stored_after_the_poll_is_not_lost_nor_repeated(tmp_path):
    path = tmp_path / "cursor.json"
    stored = [_n("a", T0)]

    cursor = NotificatieCursor.load(path)
    first = cursor.take_new(_server(stored, cursor.query_after))
    cursor.save(path)

    stored.append(_n("b", T0))  # same instant, committed after the first poll
    cursor = NotificatieCursor.load(path)
    second = cursor.take_new(_server(stored, cursor.query_after))
    cursor.save(path)

    cursor = NotificatieCursor.load(path)
    third = cursor.take_new(_server(stored, cursor.query_after))

    assert [n.notificatie_id for n in first] == ["a"]
    assert [n.notificatie_id for n in second] == ["b"]
    assert third == []


def test_late_arrival_inside_overlap_is_returned_once():
    cursor = NotificatieCursor(overlap=dt.timedelta(minutes=5))
    stored = [_n("a", T0), _n("b", T0 + dt.timedelta(minutes=2))]
    cursor.take_new(_server(stored, cursor.query_after))

    stored.append(_n("late", T0 + dt.timedelta(minutes=1)))
    new = cursor.take_new(_server(stored, cursor.query_after))

    assert [n.notificatie_id for n in new] == ["late"]
    assert cursor.take_new(_server(stored, cursor.query_after)) == []


def test_seen_ids_outside_the_window_are_forgotten():
    cursor = NotificatieCursor(overlap=dt.timedelta(minutes=1))
    cursor.take_new([_n("old", T0), _n("new", T0 + dt.timedelta(hours=1))])

    assert set(cursor.seen) == {"new"}
    assert cursor.query_after == T0 + dt.timedelta(minutes=59)


def test_cursor_round_trips_through_its_file(tmp_path):
    path = tmp_path / "sub" / "cursor.json"
    cursor = NotificatieCursor()
    cursor.take_new([_n("a", T0)])

    cursor.save(path)
    loaded = NotificatieCursor.load(path)

    assert loaded.watermark == T0
    assert loaded.seen == {"a": T0}
    assert [p.name for p in path.parent.iterdir()] == ["cursor.json"]


def test_failed_save_keeps_the_previous_cursor(tmp_path, monkeypatch):
    path = tmp_path / "cursor.json"
    cursor = NotificatieCursor()
    cursor.take_new([_n("a", T0)])
    cursor.save(path)
    before = path.read_text()

    def broken_dump(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", broken_dump)
    cursor.take_new([_n("b", T0 + dt.timedelta(seconds=1))])
    with pytest.raises(OSError):
        cursor.save(path)

    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cursor.json"]


@pytest.mark.parametrize(
    "content",
    ["niet json", "[]", '{"version": 99}', '{"version": 1, "seen": {"a": "gisteren"}}'],
)
def test_unreadable_cursor_file_raises_configuration_error(tmp_path, content):
    path = tmp_path / "cursor.json"
    path.write_text(content)

    with pytest.raises(ConfigurationError) as caught:
        NotificatieCursor.load(path)

    assert caught.value.source == str(path)
