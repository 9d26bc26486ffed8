"""Documents: upload, listing and filters, download headers, changes, deletion."""

from __future__ import annotations

import base64
import hashlib

from swfkit.sim.server import Simulator

from .api import AADORP, PROVINCIE, WATERSCHAP, Org, problem
from .conftest import Dossier


def test_upload_and_download_round_trip_with_headers(dossier: Dossier) -> None:
    partner = dossier["volledig"]
    content = bytes(range(256)) * 40
    response = partner.upload(
        dossier.sid,
        content,
        name="tekening.pdf",
        content_type="application/pdf",
        aanduiding="SV",
    )
    assert response.status_code == 201
    doc = response.json()
    assert response.headers["Location"] == doc["_links"]["self"]["href"]
    assert doc["bestandsGrootte"] == len(content)
    assert doc["documentHash"] == hashlib.sha256(content).hexdigest()
    assert (doc["formaat"], doc["aangemaaktDoor"]) == ("application/pdf", partner.oin)

    download = dossier["initiator"].get(doc["_links"]["content"]["href"])
    assert download.content == content
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Length"] == str(len(content))
    assert (
        download.headers["Content-Disposition"] == 'attachment; filename="tekening.pdf"'
    )
    digest = base64.b64encode(hashlib.sha256(content).digest()).decode()
    assert download.headers["Repr-Digest"] == f"sha-256=:{digest}:"


def test_non_ascii_file_name_survives(dossier: Dossier) -> None:
    name = "situatie Sint-Geertruidé ‘oud’.txt"
    doc = dossier["initiator"].upload_ok(dossier.sid, b"x", name=name)
    assert doc["bestandsNaam"] == name
    disposition = (
        dossier["initiator"]
        .get(doc["_links"]["content"]["href"])
        .headers["Content-Disposition"]
    )
    assert disposition.startswith('attachment; filename="situatie Sint-Geertruid_')
    assert "filename*=UTF-8''situatie%20Sint-Geertruid%C3%A9" in disposition


def test_media_type_is_guessed_when_the_part_has_none(dossier: Dossier) -> None:
    doc = dossier["initiator"].upload_ok(
        dossier.sid, b"<a/>", name="plan.xml", content_type="application/octet-stream"
    )
    assert doc["formaat"] == "application/xml"


def test_list_filters_and_pagina_aantal(fresh_simulator: Simulator) -> None:
    aadorp, provincie = Org(fresh_simulator, AADORP), Org(fresh_simulator, PROVINCIE)
    sid = aadorp.start()["samenwerkingId"]
    aadorp.invite(sid, provincie)
    for i in range(3):
        aadorp.upload_ok(sid, b"a", name=f"a{i}.txt", aanduiding="SV" if i else "RV")
    provincie.upload_ok(sid, b"p", name="p.txt")
    path = f"/samenwerkingen/{sid}/documenten"

    def names(**params: str) -> list[str]:
        return [d["bestandsNaam"] for d in aadorp.items(path, "documenten", **params)]

    assert names() == ["a0.txt", "a1.txt", "a2.txt", "p.txt"]
    assert names(aangemaaktDoor=provincie.oin) == ["p.txt"]
    assert names(**{"aangemaaktDoor[not]": provincie.oin}) == [
        "a0.txt",
        "a1.txt",
        "a2.txt",
    ]
    assert names(aangemaaktDoorNaam="Provincie Zuiderkwartier") == ["p.txt"]
    assert names(vertrouwelijkheidsAanduiding="SV") == ["a1.txt", "a2.txt"]
    page = aadorp.get(path, params={"pagina": 1, "aantal": 3}).json()
    assert [d["bestandsNaam"] for d in page["_embedded"]["documenten"]] == ["p.txt"]
    assert page["page"] == {"number": 1, "size": 3, "totalElements": 4, "totalPages": 2}
    assert "pagina=0" in page["_links"]["prev"]["href"]
    assert "next" not in page["_links"]


def test_beperkte_toegang_never_sees_sv(dossier: Dossier) -> None:
    listed = {
        d["documentId"]
        for d in dossier["beperkt"].items(dossier.path("/documenten"), "documenten")
    }
    assert dossier.docs["sv"]["documentId"] not in listed
    assert {
        dossier.docs["rv"]["documentId"],
        dossier.docs["own_sv"]["documentId"],
    } <= listed
    sv_id = dossier.docs["sv"]["documentId"]
    for suffix in ("", "/content", "/rechten"):
        problem(dossier["beperkt"].get(f"/documenten/{sv_id}{suffix}"), 404)
    notes = dossier["beperkt"].items(dossier.path("/notificaties"), "notificaties")
    assert sv_id not in {n["properties"].get("documentId") for n in notes}
    assert dossier.docs["rv"]["documentId"] in {
        n["properties"].get("documentId") for n in notes
    }


def test_only_the_uploader_changes_a_document(dossier: Dossier) -> None:
    own = dossier["beperkt"].upload_ok(dossier.sid, b"w", name="w.txt")
    path = f"/documenten/{own['documentId']}"
    for role in ("initiator", "volledig"):
        problem(
            dossier[role].patch(path, {"documentOmschrijving": "anders"}),
            403,
            "alleen-uploader-wijzigt-document",
        )
    changed = dossier["beperkt"].patch(
        path, {"documentOmschrijving": "anders", "kenmerkSysteem": None}
    )
    assert changed.json()["documentOmschrijving"] == "anders"
    assert changed.json()["laatstAangepastDoor"] == dossier["beperkt"].oin


def test_confidentiality_change_hides_and_tells_who_still_sees(
    dossier: Dossier,
) -> None:
    initiator, beperkt = dossier["initiator"], dossier["beperkt"]
    rv = f"/documenten/{dossier.docs['rv']['documentId']}"
    assert beperkt.get(rv).status_code == 200
    response = initiator.patch(rv, {"vertrouwelijkheidsAanduiding": "SV"})
    assert response.json()["vertrouwelijkheidsAanduiding"] == "SV"
    problem(beperkt.get(rv), 404)
    # Not told about the change, and the earlier notice about it is gone too.
    notes = beperkt.items(dossier.path("/notificaties"), "notificaties")
    assert dossier.docs["rv"]["documentId"] not in {
        n["properties"].get("documentId") for n in notes
    }
    volledig = dossier["volledig"].items(dossier.path("/notificaties"), "notificaties")
    assert volledig[-1]["notificatieType"] == "DOCUMENT_GEWIJZIGD"


def test_delete_by_uploader_or_initiator_only(dossier: Dossier) -> None:
    own = dossier["beperkt"].upload_ok(dossier.sid, b"w", name="w.txt")
    path = f"/documenten/{own['documentId']}"
    problem(
        dossier["volledig"].delete(path),
        403,
        "document-verwijderen-door-uploader-of-initiator",
    )
    assert dossier["initiator"].delete(path).status_code == 204
    problem(dossier["beperkt"].get(path), 404)
    second = dossier["volledig"].upload_ok(dossier.sid, b"v")
    assert (
        dossier["volledig"].delete(f"/documenten/{second['documentId']}").status_code
        == 204
    )
    notes = dossier["beperkt"].items(dossier.path("/notificaties"), "notificaties")
    assert notes[-1]["notificatieType"] == "DOCUMENT_VERWIJDERD"


def test_sv_upload_notifies_only_who_may_see_it(simulator: Simulator) -> None:
    aadorp, provincie, waterschap = (
        Org(simulator, s) for s in (AADORP, PROVINCIE, WATERSCHAP)
    )
    sid = aadorp.start()["samenwerkingId"]
    aadorp.invite(sid, provincie)
    aadorp.invite(sid, waterschap, "BEPERKTE_TOEGANG")
    doc = provincie.upload_ok(sid, b"geheim", aanduiding="SV")

    def told(org: Org) -> bool:
        notes = org.items(f"/samenwerkingen/{sid}/notificaties", "notificaties")
        return any(
            n["properties"].get("documentId") == doc["documentId"] for n in notes
        )

    assert told(aadorp) and not told(waterschap) and not told(provincie)
