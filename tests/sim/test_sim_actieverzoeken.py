"""Actieverzoeken: who sends to whom, every transition, berichten, filters."""

from __future__ import annotations

from typing import Any

import pytest

from swfkit.sim.services.actieverzoeken import STATUSSEN, TRANSITIONS

from .api import Org, problem
from .conftest import Dossier

# Moves that bring a fresh OPEN actieverzoek to each status, as (party, status).
PATHS: dict[str, list[tuple[str, str]]] = {
    "OPEN": [],
    "IN_BEHANDELING": [("ontvanger", "IN_BEHANDELING")],
    "GEWEIGERD": [("ontvanger", "GEWEIGERD")],
    "GEREEDGEMELD": [("ontvanger", "GEREEDGEMELD")],
    "GEREED": [("ontvanger", "GEREEDGEMELD"), ("zender", "GEREED")],
    "INGETROKKEN": [("zender", "INGETROKKEN")],
}


def _new(dossier: Dossier, at: str = "OPEN") -> tuple[dict[str, Any], dict[str, Org]]:
    parties = {
        "zender": dossier["volledig"],
        "ontvanger": dossier["beperkt"],
        "initiator": dossier["initiator"],
    }
    response = parties["zender"].actieverzoek(dossier.sid, parties["ontvanger"])
    assert response.status_code == 201, response.text
    av = response.json()
    for party, status in PATHS[at]:
        moved = parties[party].patch(
            f"/actieverzoeken/{av['actieverzoekId']}", {"status": status}
        )
        assert moved.status_code == 200, moved.text
        av = moved.json()
    return av, parties


CASES = [
    (party, frm, to)
    for party in ("zender", "ontvanger", "initiator")
    for frm in STATUSSEN
    for to in STATUSSEN
    if frm != to
]


def _expected(party: str, frm: str, to: str) -> int:
    if (party, frm, to) in TRANSITIONS:
        return 200
    reachable = {t for (p, _, t) in TRANSITIONS if p == party}
    if to in reachable or to not in {t for (_, _, t) in TRANSITIONS}:
        return 409
    return 403


@pytest.mark.parametrize("frm", STATUSSEN)
def test_every_transition_from_every_status(dossier: Dossier, frm: str) -> None:
    outcomes = {}
    for party, _, to in [c for c in CASES if c[1] == frm]:
        av, parties = _new(dossier, frm)
        response = parties[party].patch(
            f"/actieverzoeken/{av['actieverzoekId']}", {"status": to, "melding": "zo"}
        )
        outcomes[(party, to)] = response.status_code
        if response.status_code == 200:
            assert response.json()["status"] == to
            assert response.json()["melding"] == "zo"
        else:
            problem(response, response.status_code)
    assert outcomes == {(p, t): _expected(p, frm, t) for p, f, t in CASES if f == frm}


def test_links_show_only_the_transitions_the_caller_may_make(dossier: Dossier) -> None:
    av, parties = _new(dossier)
    path = f"/actieverzoeken/{av['actieverzoekId']}"
    links = {p: set(parties[p].get(path).json()["_links"]) for p in parties}
    assert links["ontvanger"] >= {"behandelen", "weigeren", "gereedmelden"}
    assert "intrekken" not in links["ontvanger"]
    assert (
        links["zender"] & {"behandelen", "weigeren", "gereedmelden", "accepteren"}
        == set()
    )
    assert "intrekken" in links["zender"]
    assert links["initiator"] == {"self", "samenwerking", "berichten"}
    av, parties = _new(dossier, "GEREEDGEMELD")
    zender = set(
        parties["zender"]
        .get(f"/actieverzoeken/{av['actieverzoekId']}")
        .json()["_links"]
    )
    assert {"accepteren", "intrekken"} <= zender


def test_actieverzoek_goes_to_one_other_current_deelnemer(dossier: Dossier) -> None:
    sender = dossier["volledig"]
    for ontvanger in (sender, dossier["outsider"], dossier["removed"]):
        body = problem(
            sender.actieverzoek(dossier.sid, ontvanger),
            400,
            "actieverzoek-aan-andere-deelnemer",
        )
        assert body["invalidParams"][0]["name"] == "ontvanger"
    # A ketenpartner may send to the initiator too.
    assert sender.actieverzoek(dossier.sid, dossier["initiator"]).status_code == 201


def test_visible_to_zender_ontvanger_and_initiator_only(dossier: Dossier) -> None:
    av, _ = _new(dossier)
    path = f"/actieverzoeken/{av['actieverzoekId']}"
    for role in ("volledig", "beperkt", "initiator", "vendor"):
        assert dossier[role].get(path).status_code == 200
    assert "regel" not in problem(dossier["kvk"].get(path), 404)
    assert av["actieverzoekId"] not in {
        a["actieverzoekId"]
        for a in dossier["kvk"].items(
            "/actieverzoeken", "actieverzoeken", samenwerkingId=dossier.sid
        )
    }


def test_list_filters(dossier: Dossier) -> None:
    first, parties = _new(dossier)
    second = dossier["initiator"].actieverzoek(dossier.sid, dossier["kvk"]).json()
    initiator = dossier["initiator"]

    def ids(**params: str) -> set[str]:
        return {
            a["actieverzoekId"]
            for a in initiator.items(
                "/actieverzoeken",
                "actieverzoeken",
                samenwerkingId=dossier.sid,
                **params,
            )
        }

    assert ids() == {first["actieverzoekId"], second["actieverzoekId"]}
    assert ids(organisatie=dossier["kvk"].oin) == {second["actieverzoekId"]}
    assert ids(organisatie=dossier["volledig"].oin) == {first["actieverzoekId"]}
    parties["ontvanger"].patch(
        f"/actieverzoeken/{first['actieverzoekId']}", {"status": "IN_BEHANDELING"}
    )
    assert ids(status="IN_BEHANDELING") == {first["actieverzoekId"]}


def test_berichten_between_zender_and_ontvanger(dossier: Dossier) -> None:
    av, parties = _new(dossier)
    path = f"/actieverzoeken/{av['actieverzoekId']}/berichten"
    posted = parties["ontvanger"].post(path, {"bericht": "Welke tekening?"})
    assert posted.status_code == 201
    bericht = posted.json()
    assert (bericht["zender"], bericht["ontvanger"]) == (
        parties["ontvanger"].oin,
        parties["zender"].oin,
    )
    assert parties["zender"].get(posted.headers["Location"]).json() == bericht
    problem(
        parties["initiator"].post(path, {"bericht": "Ik ook"}),
        403,
        "bericht-tussen-zender-en-ontvanger",
    )
    assert [b["inhoud"] for b in parties["initiator"].items(path, "berichten")] == [
        "Welke tekening?"
    ]
    refreshed = parties["zender"].get(f"/actieverzoeken/{av['actieverzoekId']}").json()
    assert refreshed["aantalBerichten"] == 1
    notes = parties["zender"].items(dossier.path("/notificaties"), "notificaties")
    assert notes[-1]["notificatieType"] == "NIEUW_BERICHT"


def test_notifications_for_new_and_changed_actieverzoeken(dossier: Dossier) -> None:
    av, parties = _new(dossier)
    parties["ontvanger"].patch(
        f"/actieverzoeken/{av['actieverzoekId']}", {"status": "GEREEDGEMELD"}
    )

    def types(role: str) -> list[str]:
        return [
            n["notificatieType"]
            for n in parties[role].items(
                dossier.path("/notificaties"),
                "notificaties",
            )
            if n["properties"].get("actieverzoekId") == av["actieverzoekId"]
        ]

    assert types("ontvanger") == ["ACTIEVERZOEK_ONTVANGEN"]
    assert types("zender") == ["STATUS_ACTIEVERZOEK_GEWIJZIGD"]
    assert types("initiator") == [
        "ACTIEVERZOEK_ONTVANGEN",
        "STATUS_ACTIEVERZOEK_GEWIJZIGD",
    ]
    assert not any(
        n["properties"].get("actieverzoekId") == av["actieverzoekId"]
        for n in dossier["kvk"].items(dossier.path("/notificaties"), "notificaties")
    )


def test_only_zender_changes_texts(dossier: Dossier) -> None:
    av, parties = _new(dossier)
    path = f"/actieverzoeken/{av['actieverzoekId']}"
    problem(
        parties["ontvanger"].patch(path, {"titel": "Anders"}),
        403,
        "alleen-zender-wijzigt-actieverzoek",
    )
    assert (
        parties["zender"].patch(path, {"titel": "Anders"}).json()["titel"] == "Anders"
    )


def test_documenten_must_belong_to_the_samenwerking(dossier: Dossier) -> None:
    sender = dossier["beperkt"]
    ok = sender.actieverzoek(
        dossier.sid, dossier["volledig"], documenten=[dossier.docs["rv"]["documentId"]]
    )
    assert ok.json()["documenten"] == [dossier.docs["rv"]["documentId"]]
    for doc in (
        dossier.docs["sv"]["documentId"],  # not visible to the sender
        "00000000-0000-4000-8000-000000000000",
    ):
        problem(
            sender.actieverzoek(dossier.sid, dossier["volledig"], documenten=[doc]),
            400,
            "actieverzoek-documenten-in-samenwerking",
        )
