"""Starting, reading, changing, closing and deleting a samenwerking."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from swfkit.sim.server import Simulator

from .api import (
    AADORP,
    BEEKVELD,
    ODMP,
    PROVINCIE,
    VERZOEK_AADORP,
    VERZOEK_BEEKVELD_ODMP,
    VERZOEK_DIJKSTEDE,
    Org,
    problem,
)
from .conftest import Dossier


def test_start_makes_the_caller_initiator_with_full_access(
    simulator: Simulator,
) -> None:
    org = Org(simulator, AADORP)
    response = org.post(
        "/samenwerkingen",
        {"verzoeknummer": VERZOEK_AADORP, "titel": "Dakkapel", "taal": "NL"},
    )
    assert response.status_code == 201
    sam = response.json()
    assert response.headers["Location"] == sam["_links"]["self"]["href"]
    assert sam["samenwerkingId"].startswith("SAM-")
    assert sam["status"] == {"status": "OPEN"}
    assert sam["typeVerzoek"] == "Aanvraag vergunning"
    assert sam["bronVerzoek"] == "DSO_LV"
    created = datetime.fromisoformat(sam["creatieDatumTijd"])
    ends = datetime.fromisoformat(sam["eindDatumTijd"])
    assert ends == created.replace(year=created.year + 2)
    [me] = org.items(
        f"/samenwerkingen/{sam['samenwerkingId']}/deelnemers", "deelnemers"
    )
    assert (me["rol"], me["privilege"], me["oin"]) == (
        "INITIATOR",
        "VOLLEDIGE_TOEGANG",
        org.oin,
    )


def test_behandeldienst_starts_on_a_verzoek_addressed_to_it(
    simulator: Simulator,
) -> None:
    sam = Org(simulator, ODMP).start(VERZOEK_BEEKVELD_ODMP)
    assert sam["aangemaaktDoorNaam"] == "Omgevingsdienst Midden-Polder"
    # The bevoegd gezag of the same verzoek may start its own as well.
    assert Org(simulator, BEEKVELD).start(VERZOEK_BEEKVELD_ODMP)["samenwerkingId"]


def test_several_samenwerkingen_share_one_verzoek(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    first, second = org.start(), org.start()
    assert first["samenwerkingId"] != second["samenwerkingId"]
    assert first["verzoeknummer"] == second["verzoeknummer"]


def test_only_bevoegd_gezag_or_behandeldienst_starts(simulator: Simulator) -> None:
    response = Org(simulator, PROVINCIE).post(
        "/samenwerkingen", {"verzoeknummer": VERZOEK_AADORP, "titel": "x"}
    )
    problem(response, 403, "starten-alleen-bg-of-behandeldienst")


def test_start_needs_a_verzoek_addressed_to_the_initiator(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    for number in (VERZOEK_DIJKSTEDE, "1999999999999"):
        body = problem(
            org.post("/samenwerkingen", {"verzoeknummer": number, "titel": "x"}),
            400,
            "verzoek-gericht-aan-initiator",
        )
        assert body["invalidParams"][0]["name"] == "verzoeknummer"


def test_verzoek_in_dossier_copies_pdf_and_xml_as_sv(
    simulator: Simulator, sim_world: Path
) -> None:
    org = Org(simulator, AADORP)
    sid = org.start(verzoekInDossier=True)["samenwerkingId"]
    docs = org.items(f"/samenwerkingen/{sid}/documenten", "documenten")
    assert sorted(d["bestandsNaam"] for d in docs) == [
        f"{VERZOEK_AADORP}.pdf",
        f"{VERZOEK_AADORP}.xml",
    ]
    for doc in docs:
        assert doc["vertrouwelijkheidsAanduiding"] == "SV"
        original = (sim_world / "verzoeken" / doc["bestandsNaam"]).read_bytes()
        assert doc["documentHash"] == hashlib.sha256(original).hexdigest()
        assert org.get(doc["_links"]["content"]["href"]).content == original
    [note] = org.items(f"/samenwerkingen/{sid}/notificaties", "notificaties")
    assert note["notificatieType"] == "VERZOEK_OPHALEN_GESLAAGD"
    assert note["deelnemer"] == org.oin


def test_without_verzoek_in_dossier_the_dossier_starts_empty(
    simulator: Simulator,
) -> None:
    org = Org(simulator, AADORP)
    sid = org.start()["samenwerkingId"]
    assert org.items(f"/samenwerkingen/{sid}/documenten", "documenten") == []


def test_list_shows_only_own_samenwerkingen_with_status_filter(
    fresh_simulator: Simulator,
) -> None:
    aadorp, beekveld = Org(fresh_simulator, AADORP), Org(fresh_simulator, BEEKVELD)
    mine = {aadorp.start()["samenwerkingId"] for _ in range(3)}
    beekveld.start("2026060200021")
    closed = sorted(mine)[0]
    aadorp.patch(f"/samenwerkingen/{closed}", {"status": {"status": "GESLOTEN"}})
    listed = aadorp.items("/samenwerkingen", "samenwerkingen")
    assert {s["samenwerkingId"] for s in listed} == mine
    open_only = aadorp.items("/samenwerkingen", "samenwerkingen", status="OPEN")
    assert {s["samenwerkingId"] for s in open_only} == mine - {closed}


def test_initiator_changes_metadata_and_partners_are_told(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    response = initiator.patch(
        dossier.path(), {"titel": "Nieuwe titel", "contactpersoonNaam": "Jan"}
    )
    assert response.status_code == 200
    assert response.json()["titel"] == "Nieuwe titel"
    cleared = initiator.patch(dossier.path(), {"contactpersoonNaam": None})
    assert cleared.json()["contactpersoonNaam"] is None
    notes = dossier["beperkt"].items(dossier.path("/notificaties"), "notificaties")
    assert [n["notificatieType"] for n in notes].count("SAMENWERKING_GEWIJZIGD") == 2


def test_titel_cannot_be_cleared(dossier: Dossier) -> None:
    body = problem(dossier["initiator"].patch(dossier.path(), {"titel": None}), 400)
    assert body["invalidParams"][0]["name"] == "titel"


def test_only_initiator_closes(dossier: Dossier) -> None:
    problem(
        dossier["volledig"].patch(dossier.path(), {"status": {"status": "GESLOTEN"}}),
        403,
    )


def test_close_then_no_way_back(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    closed = initiator.patch(dossier.path(), {"status": {"status": "GESLOTEN"}})
    assert closed.json()["status"] == {"status": "GESLOTEN"}
    for target in ("OPEN", "GESLOTEN", "INITIALISATIE"):
        problem(
            initiator.patch(dossier.path(), {"status": {"status": target}}),
            409,
            "gesloten-is-alleen-lezen",
        )
    notes = dossier["volledig"].items(dossier.path("/notificaties"), "notificaties")
    assert "SAMENWERKING_GESLOTEN" in [n["notificatieType"] for n in notes]


def test_open_samenwerking_cannot_go_back_to_initialisatie(dossier: Dossier) -> None:
    problem(
        dossier["initiator"].patch(
            dossier.path(), {"status": {"status": "INITIALISATIE"}}
        ),
        409,
        "samenwerking-status-overgang",
    )


def test_delete_only_after_closing_and_only_by_initiator(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    problem(initiator.delete(dossier.path()), 409, "verwijderen-alleen-na-sluiten")
    initiator.patch(dossier.path(), {"status": {"status": "GESLOTEN"}})
    problem(
        dossier["volledig"].delete(dossier.path()),
        403,
        "alleen-initiator-verwijdert-samenwerking",
    )
    assert initiator.delete(dossier.path()).status_code == 204


def test_after_delete_every_id_answers_404(dossier: Dossier) -> None:
    initiator, partner = dossier["initiator"], dossier["volledig"]
    av = partner.actieverzoek(dossier.sid, initiator).json()
    partner_note = partner.items(dossier.path("/notificaties"), "notificaties")[0]
    initiator.patch(dossier.path(), {"status": {"status": "GESLOTEN"}})
    assert initiator.delete(dossier.path()).status_code == 204

    for org in (initiator, partner):
        for path in (
            dossier.path(),
            dossier.path("/deelnemers"),
            dossier.path("/documenten"),
            dossier.path("/notificaties"),
            f"/documenten/{dossier.docs['rv']['documentId']}",
            f"/documenten/{dossier.docs['rv']['documentId']}/content",
            f"/actieverzoeken/{av['actieverzoekId']}",
            f"/notificaties/{partner_note['notificatieId']}",
        ):
            problem(org.get(path), 404)
    assert initiator.delete(dossier.path()).status_code == 404
    # What is left: the notice that it was deleted, for the partners only.
    gone = [
        n
        for n in partner.items(
            "/notificaties", "notificaties", samenwerkingId=dossier.sid
        )
    ]
    assert [n["notificatieType"] for n in gone] == ["SAMENWERKING_VERWIJDERD"]
    assert "samenwerking" not in gone[0]["_links"]
    assert (
        initiator.items("/notificaties", "notificaties", samenwerkingId=dossier.sid)
        == []
    )


def test_counters_follow_what_the_caller_sees(dossier: Dossier) -> None:
    initiator, volledig, beperkt = (
        dossier[r] for r in ("initiator", "volledig", "beperkt")
    )
    volledig.actieverzoek(dossier.sid, initiator)
    as_initiator = initiator.get(dossier.path()).json()
    as_beperkt = beperkt.get(dossier.path()).json()
    assert as_initiator["aantalActieverzoeken"] == 1
    assert as_beperkt["aantalActieverzoeken"] == 0
    assert as_beperkt["aantalNotificaties"] == len(
        beperkt.items(dossier.path("/notificaties"), "notificaties")
    )


def test_links_offer_uploads_only_while_open(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    links = initiator.get(dossier.path()).json()["_links"]
    assert {"documentToevoegen", "actieverzoekOpstellen"} <= set(links)
    initiator.patch(dossier.path(), {"status": {"status": "GESLOTEN"}})
    links = initiator.get(dossier.path()).json()["_links"]
    assert not {"documentToevoegen", "actieverzoekOpstellen"} & set(links)
