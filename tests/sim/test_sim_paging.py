"""Paging and HAL links on collections."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from simkit import running

from swfkit.sim.server import Simulator

from .api import AADORP, Org


@pytest.fixture(scope="module")
def seven(
    sim_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Org, list[str]]]:
    """Seven samenwerkingen of one gemeente, on a simulator of their own."""
    with running(sim_template, tmp_path_factory.mktemp("paging") / "w") as simulator:
        org = Org(simulator, AADORP)
        yield org, [org.start()["samenwerkingId"] for _ in range(7)]


def _query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_default_page_size_is_20(seven: tuple[Org, list[str]]) -> None:
    org, ids = seven
    body = org.get("/samenwerkingen").json()
    assert body["page"] == {
        "number": 0,
        "size": 20,
        "totalElements": 7,
        "totalPages": 1,
    }
    assert [s["samenwerkingId"] for s in body["_embedded"]["samenwerkingen"]] == ids
    assert set(body["_links"]) == {"self", "first", "last"}


def test_links_walk_every_page_once(seven: tuple[Org, list[str]]) -> None:
    org, ids = seven
    first = org.get("/samenwerkingen", params={"size": 3, "status": "OPEN"}).json()
    assert _query(first["_links"]["last"]["href"])["page"] == ["2"]
    assert _query(first["_links"]["next"]["href"])["status"] == ["OPEN"]
    seen = [
        s["samenwerkingId"]
        for s in org.items("/samenwerkingen", "samenwerkingen", size=3)
    ]
    assert seen == ids
    middle = org.get("/samenwerkingen", params={"size": 3, "page": 1}).json()
    assert _query(middle["_links"]["prev"]["href"])["page"] == ["0"]
    assert _query(middle["_links"]["next"]["href"])["page"] == ["2"]
    assert _query(middle["_links"]["self"]["href"]) == {"page": ["1"], "size": ["3"]}


def test_page_beyond_the_end_is_empty(seven: tuple[Org, list[str]]) -> None:
    org, _ = seven
    body = org.get("/samenwerkingen", params={"size": 5, "page": 9}).json()
    assert body["_embedded"]["samenwerkingen"] == []
    assert body["page"]["totalPages"] == 2
    assert _query(body["_links"]["prev"]["href"])["page"] == ["1"]


def test_size_100_is_the_maximum(seven: tuple[Org, list[str]]) -> None:
    org, _ = seven
    assert org.get("/samenwerkingen", params={"size": 100}).status_code == 200
    assert org.get("/samenwerkingen", params={"size": 101}).status_code == 400


def test_empty_collection(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    sid = org.start()["samenwerkingId"]
    body = org.get(f"/samenwerkingen/{sid}/documenten").json()
    assert body["page"] == {
        "number": 0,
        "size": 20,
        "totalElements": 0,
        "totalPages": 0,
    }
