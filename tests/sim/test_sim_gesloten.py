"""A closed samenwerking stays readable and refuses every change (409)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests

from .api import problem
from .conftest import Dossier

Write = Callable[[Dossier, str], requests.Response]


WRITES: dict[str, Write] = {
    "upload": lambda d, av: d["volledig"].upload(d.sid, b"te laat"),
    "invite": lambda d, av: d["initiator"].post(
        d.path("/deelnemers"),
        {"oin": d["outsider"].oin, "privilege": "BEPERKTE_TOEGANG"},
    ),
    "actieverzoek": lambda d, av: d["volledig"].actieverzoek(d.sid, d["initiator"]),
    "privilege": lambda d, av: d["initiator"].patch(
        d.path(f"/deelnemers/{d.deelnemer_ids['beperkt']}"),
        {"privilege": "VOLLEDIGE_TOEGANG"},
    ),
    "remove partner": lambda d, av: d["initiator"].delete(
        d.path(f"/deelnemers/{d.deelnemer_ids['beperkt']}")
    ),
    "metadata": lambda d, av: d["initiator"].patch(d.path(), {"titel": "Nieuw"}),
    "document metadata": lambda d, av: d["initiator"].patch(
        f"/documenten/{d.docs['rv']['documentId']}", {"documentOmschrijving": "x"}
    ),
    "delete document": lambda d, av: d["initiator"].delete(
        f"/documenten/{d.docs['rv']['documentId']}"
    ),
    "document recht": lambda d, av: d["initiator"].put(
        f"/documenten/{d.docs['sv']['documentId']}/rechten/"
        f"{d.deelnemer_ids['beperkt']}",
        {"toegang": "TOEGESTAAN"},
    ),
    "transition": lambda d, av: d["initiator"].patch(
        f"/actieverzoeken/{av}", {"status": "INGETROKKEN"}
    ),
    "bericht": lambda d, av: d["beperkt"].post(
        f"/actieverzoeken/{av}/berichten", {"bericht": "nog iets"}
    ),
}


@pytest.fixture
def closed(dossier: Dossier) -> tuple[Dossier, str]:
    av = dossier["initiator"].actieverzoek(dossier.sid, dossier["beperkt"]).json()
    response = dossier["initiator"].patch(
        dossier.path(), {"status": {"status": "GESLOTEN"}}
    )
    assert response.status_code == 200
    return dossier, av["actieverzoekId"]


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_closed_samenwerking_refuses_changes(
    closed: tuple[Dossier, str], write: Write
) -> None:
    dossier, av = closed
    before = dossier["initiator"].get(dossier.path()).json()
    problem(write(dossier, av), 409, "gesloten-is-alleen-lezen")
    after = dossier["initiator"].get(dossier.path()).json()
    assert after == before


def test_closed_samenwerking_stays_readable(closed: tuple[Dossier, str]) -> None:
    dossier, av = closed
    for role in ("initiator", "volledig", "beperkt"):
        org = dossier[role]
        assert org.get(dossier.path()).status_code == 200
        assert org.items(dossier.path("/documenten"), "documenten")
        assert (
            org.get(f"/documenten/{dossier.docs['rv']['documentId']}/content").content
            == b"regulier"
        )
    assert dossier["beperkt"].get(f"/actieverzoeken/{av}").status_code == 200
    links = dossier["beperkt"].get(f"/actieverzoeken/{av}").json()["_links"]
    assert set(links) == {"self", "samenwerking", "berichten"}
