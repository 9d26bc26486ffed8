"""Inviting, re-privileging and removing ketenpartners."""

from __future__ import annotations

from swfkit.oin import kvk_to_hrn
from swfkit.sim.server import Simulator

from .api import AADORP, ADVIESBUREAU, Org, problem
from .conftest import Dossier


def test_invite_by_kvk_gives_a_deelnemer_with_hrn(simulator: Simulator) -> None:
    initiator, company = Org(simulator, AADORP), Org(simulator, ADVIESBUREAU)
    sid = initiator.start()["samenwerkingId"]
    response = initiator.post(
        f"/samenwerkingen/{sid}/deelnemers",
        {"kvkNummer": company.kvk, "privilege": "BEPERKTE_TOEGANG"},
    )
    assert response.status_code == 201
    deelnemer = response.json()
    assert deelnemer["oin"] == kvk_to_hrn(str(company.kvk)) == company.oin
    assert deelnemer["kvkNummer"] == company.kvk
    assert (deelnemer["rol"], deelnemer["uitgenodigdDoor"]) == (
        "KETENPARTNER",
        initiator.oin,
    )
    assert response.headers["Location"] == deelnemer["_links"]["self"]["href"]
    assert initiator.get(response.headers["Location"]).json() == deelnemer
    # The company, acting with its HRN, now sees the samenwerking.
    assert company.get(f"/samenwerkingen/{sid}").status_code == 200


def test_invitation_notifies_the_invitee(dossier: Dossier) -> None:
    notes = dossier["volledig"].items(dossier.path("/notificaties"), "notificaties")
    invitations = [
        n for n in notes if n["notificatieType"] == "UITNODIGING_KETENPARTNER"
    ]
    assert invitations[0]["deelnemer"] == dossier["volledig"].oin
    assert invitations[0]["eventInitiator"] == dossier["initiator"].oin


def test_no_self_invite(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    body = problem(
        initiator.post(
            dossier.path("/deelnemers"),
            {"oin": initiator.oin, "privilege": "VOLLEDIGE_TOEGANG"},
        ),
        400,
        "geen-zelf-uitnodiging",
    )
    assert body["invalidParams"][0]["name"] == "oin"


def test_no_duplicate_by_oin_or_kvk(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    problem(
        initiator.post(
            dossier.path("/deelnemers"),
            {"oin": dossier["volledig"].oin, "privilege": "BEPERKTE_TOEGANG"},
        ),
        409,
        "geen-dubbele-deelnemer",
    )
    problem(
        initiator.post(
            dossier.path("/deelnemers"),
            {"kvkNummer": dossier["kvk"].kvk, "privilege": "BEPERKTE_TOEGANG"},
        ),
        409,
        "geen-dubbele-deelnemer",
    )


def test_unknown_organisation_is_400(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    for field, value in (("oin", "00000099000000066666"), ("kvkNummer", "12345678")):
        body = problem(
            initiator.post(
                dossier.path("/deelnemers"),
                {field: value, "privilege": "BEPERKTE_TOEGANG"},
            ),
            400,
            "uitgenodigde-organisatie-bekend",
        )
        assert body["invalidParams"][0]["name"] == field


def test_initiator_changes_privilege_and_partner_is_told(dossier: Dossier) -> None:
    initiator, beperkt = dossier["initiator"], dossier["beperkt"]
    sv = f"/documenten/{dossier.docs['sv']['documentId']}"
    assert beperkt.get(sv).status_code == 404
    path = dossier.path(f"/deelnemers/{dossier.deelnemer_ids['beperkt']}")
    response = initiator.patch(path, {"privilege": "VOLLEDIGE_TOEGANG"})
    assert response.json()["privilege"] == "VOLLEDIGE_TOEGANG"
    assert beperkt.get(sv).status_code == 200
    notes = beperkt.items(dossier.path("/notificaties"), "notificaties")
    assert notes[-1]["notificatieType"] == "PRIVILEGE_GEWIJZIGD"
    assert notes[-1]["properties"]["privilege"] == "VOLLEDIGE_TOEGANG"


def test_initiator_cannot_be_reprivileged_or_removed(dossier: Dossier) -> None:
    initiator = dossier["initiator"]
    [me] = [
        d
        for d in initiator.items(dossier.path("/deelnemers"), "deelnemers")
        if d["rol"] == "INITIATOR"
    ]
    path = dossier.path(f"/deelnemers/{me['deelnemerId']}")
    problem(
        initiator.patch(path, {"privilege": "BEPERKTE_TOEGANG"}),
        409,
        "initiator-blijft-deelnemer",
    )
    problem(initiator.delete(path), 409, "initiator-blijft-deelnemer")


def test_removed_partner_loses_everything_at_once(dossier: Dossier) -> None:
    initiator, partner = dossier["initiator"], dossier["volledig"]
    av = partner.actieverzoek(dossier.sid, initiator).json()
    own_doc = partner.upload_ok(dossier.sid, b"van de provincie")
    note = partner.items(dossier.path("/notificaties"), "notificaties")[0]
    path = dossier.path(f"/deelnemers/{dossier.deelnemer_ids['volledig']}")
    assert initiator.delete(path).status_code == 204

    for url in (
        dossier.path(),
        dossier.path("/documenten"),
        f"/documenten/{own_doc['documentId']}",
        f"/actieverzoeken/{av['actieverzoekId']}",
        f"/notificaties/{note['notificatieId']}",
    ):
        problem(partner.get(url), 404)
    assert dossier.sid not in {
        s["samenwerkingId"] for s in partner.items("/samenwerkingen", "samenwerkingen")
    }
    assert (
        partner.items("/notificaties", "notificaties", samenwerkingId=dossier.sid) == []
    )
    assert all(
        a["samenwerkingId"] != dossier.sid
        for a in partner.items("/actieverzoeken", "actieverzoeken")
    )
    others = dossier["beperkt"].items(dossier.path("/notificaties"), "notificaties")
    assert others[-1]["notificatieType"] == "KETENPARTNER_VERWIJDERD"


def test_removed_partner_can_be_invited_again(dossier: Dossier) -> None:
    again = dossier["initiator"].invite(
        dossier.sid, dossier["removed"], "BEPERKTE_TOEGANG"
    )
    assert again["deelnemerId"] != dossier.deelnemer_ids["removed"]
    assert dossier["removed"].get(dossier.path()).status_code == 200


def test_unknown_deelnemer_is_404(dossier: Dossier) -> None:
    path = dossier.path("/deelnemers/00000000-0000-4000-8000-000000000000")
    problem(dossier["initiator"].patch(path, {"privilege": "BEPERKTE_TOEGANG"}), 404)
    problem(dossier["initiator"].delete(path), 404)
    problem(dossier["initiator"].get(path), 404)
