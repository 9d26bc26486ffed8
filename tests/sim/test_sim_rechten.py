"""Per-document rights: one ketenpartner, one document, TOEGESTAAN or GEWEIGERD."""

from __future__ import annotations

from .api import problem
from .conftest import Dossier


def _recht(dossier: Dossier, doc: str, role: str) -> str:
    return (
        f"/documenten/{dossier.docs[doc]['documentId']}/rechten/"
        f"{dossier.deelnemer_ids[role]}"
    )


def _sees(dossier: Dossier, role: str, doc: str) -> bool:
    doc_id = dossier.docs[doc]["documentId"]
    org = dossier[role]
    by_id = org.get(f"/documenten/{doc_id}").status_code
    content = org.get(f"/documenten/{doc_id}/content").status_code
    listed = doc_id in {
        d["documentId"] for d in org.items(dossier.path("/documenten"), "documenten")
    }
    assert {by_id, content} in ({200}, {404})
    assert (by_id == 200) == listed
    return listed


def test_toegestaan_shows_sv_to_beperkte_toegang(dossier: Dossier) -> None:
    assert not _sees(dossier, "beperkt", "sv")
    response = dossier["initiator"].put(
        _recht(dossier, "sv", "beperkt"), {"toegang": "TOEGESTAAN"}
    )
    assert response.status_code == 201
    recht = response.json()
    assert (recht["toegang"], recht["oin"]) == ("TOEGESTAAN", dossier["beperkt"].oin)
    assert _sees(dossier, "beperkt", "sv")
    assert not _sees(dossier, "kvk", "sv")  # only that one partner
    notes = dossier["beperkt"].items(dossier.path("/notificaties"), "notificaties")
    assert notes[-1]["notificatieType"] == "DOCUMENT_RECHTEN_GEWIJZIGD"


def test_geweigerd_hides_from_volledige_toegang_everywhere(dossier: Dossier) -> None:
    assert _sees(dossier, "volledig", "rv")
    put = dossier["initiator"].put(
        _recht(dossier, "rv", "volledig"), {"toegang": "GEWEIGERD"}
    )
    assert put.status_code == 201
    assert not _sees(dossier, "volledig", "rv")
    notes = dossier["volledig"].items(dossier.path("/notificaties"), "notificaties")
    assert dossier.docs["rv"]["documentId"] not in {
        n["properties"].get("documentId") for n in notes
    }
    problem(
        dossier["volledig"].get(
            f"/documenten/{dossier.docs['rv']['documentId']}/rechten"
        ),
        404,
    )


def test_put_again_replaces_and_delete_restores_the_privilege(dossier: Dossier) -> None:
    path = _recht(dossier, "rv", "volledig")
    initiator = dossier["initiator"]
    assert initiator.put(path, {"toegang": "GEWEIGERD"}).status_code == 201
    assert initiator.put(path, {"toegang": "TOEGESTAAN"}).status_code == 200
    assert initiator.get(path).json()["toegang"] == "TOEGESTAAN"
    listed = initiator.items(
        f"/documenten/{dossier.docs['rv']['documentId']}/rechten", "rechten"
    )
    assert [r["deelnemerId"] for r in listed] == [dossier.deelnemer_ids["volledig"]]
    assert initiator.delete(path).status_code == 204
    problem(initiator.get(path), 404)
    problem(initiator.delete(path), 404)
    assert _sees(dossier, "volledig", "rv")


def test_geweigerd_never_hides_from_the_uploader(dossier: Dossier) -> None:
    path = _recht(dossier, "own_sv", "beperkt")
    assert dossier["initiator"].put(path, {"toegang": "GEWEIGERD"}).status_code == 201
    assert _sees(dossier, "beperkt", "own_sv")


def test_uploader_sets_rights_on_its_own_document(dossier: Dossier) -> None:
    path = _recht(dossier, "own_sv", "volledig")
    assert dossier["beperkt"].put(path, {"toegang": "GEWEIGERD"}).status_code == 201
    assert not _sees(dossier, "volledig", "own_sv")


def test_others_may_not_set_rights(dossier: Dossier) -> None:
    problem(
        dossier["volledig"].put(
            _recht(dossier, "rv", "beperkt"), {"toegang": "GEWEIGERD"}
        ),
        403,
        "documentrechten-door-initiator-of-uploader",
    )


def test_no_rights_for_the_initiator(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    [me] = [
        d
        for d in initiator.items(dossier.path("/deelnemers"), "deelnemers")
        if d["rol"] == "INITIATOR"
    ]
    doc_id = dossier.docs["own_sv"]["documentId"]
    path = f"/documenten/{doc_id}/rechten/{me['deelnemerId']}"
    problem(
        dossier["beperkt"].put(path, {"toegang": "GEWEIGERD"}),
        409,
        "documentrechten-alleen-voor-ketenpartners",
    )


def test_rights_for_unknown_or_removed_deelnemer_are_404(dossier: Dossier) -> None:
    doc = dossier.docs["rv"]["documentId"]
    for deelnemer in (
        "00000000-0000-4000-8000-000000000000",
        dossier.deelnemer_ids["removed"],
    ):
        problem(
            dossier["initiator"].put(
                f"/documenten/{doc}/rechten/{deelnemer}", {"toegang": "TOEGESTAAN"}
            ),
            404,
        )


def test_only_uploader_and_initiator_see_the_rechten_link(dossier: Dossier) -> None:
    doc = f"/documenten/{dossier.docs['own_sv']['documentId']}"
    assert "rechten" in dossier["beperkt"].get(doc).json()["_links"]
    assert "rechten" in dossier["initiator"].get(doc).json()["_links"]
    assert "rechten" not in dossier["volledig"].get(doc).json()["_links"]
