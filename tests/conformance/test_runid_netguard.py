"""Run ids that mark test data, and the network block of replay."""

from __future__ import annotations

import socket
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from swfkit.conformance.netguard import NetworkBlockedError, network_blocked
from swfkit.conformance.runid import (
    KENMERK_SYSTEEM,
    RUN_ID_PATTERN,
    RunMarker,
    is_certify_mark,
    new_run_id,
)


def test_run_id_is_sortable_and_unique() -> None:
    first = new_run_id(datetime(2026, 6, 2, 10, 15, tzinfo=UTC))

    assert first.startswith("20260602T101500Z-")
    assert RUN_ID_PATTERN.fullmatch(first)
    assert new_run_id() != new_run_id()


def test_marker_numbers_and_recognises_its_marks() -> None:
    marker = RunMarker("20260602T101500Z-3f9a1c")

    marks = marker.marks()

    assert marks == {
        "kenmerkSysteem": KENMERK_SYSTEEM,
        "nummerBinnenSysteem": "20260602T101500Z-3f9a1c-1",
    }
    assert marker.next_nummer().endswith("-2")
    assert marker.owns("20260602T101500Z-3f9a1c-7")
    assert not marker.owns("20260602T101500Z-aaaaaa-7")
    assert is_certify_mark(KENMERK_SYSTEEM, "20260602T101500Z-3f9a1c-7")
    assert not is_certify_mark("eigen-systeem", "20260602T101500Z-3f9a1c-7")
    assert not is_certify_mark(KENMERK_SYSTEEM, "zaak-123")


def test_network_is_blocked_inside_and_free_after() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    try:
        with network_blocked():
            with pytest.raises(NetworkBlockedError, match=str(port)):
                socket.create_connection(("127.0.0.1", port), timeout=2)
            with socket.socket() as raw, pytest.raises(NetworkBlockedError):
                raw.connect(("127.0.0.1", port))
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        listener.close()


def test_unix_sockets_stay_usable_while_blocked() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "s")
        server = socket.socket(socket.AF_UNIX)
        server.bind(path)
        server.listen()
        try:
            with network_blocked(), socket.socket(socket.AF_UNIX) as client:
                client.connect(path)
        finally:
            server.close()
