"""Every client method against a running simulator over real mutual TLS.

Each test starts its own samenwerking, so the shared session simulator's
accumulated state does not matter.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from swfkit.client import (
    ActieverzoekStatus,
    Client,
    NotificatieType,
    Privilege,
    Samenwerking,
    SamenwerkingStatus,
    Toegang,
    Vertrouwelijkheid,
)
from swfkit.config import Settings
from swfkit.errors import (
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PayloadTooLargeError,
)

AADORP_VERZOEK = "2026060200011"
PROVINCIE = "00000099000000003001"
WATERSCHAP = "00000099000000003002"
ADVIESBUREAU_KVK = "90012345"

ClientFor = Callable[..., Client]


@pytest.fixture(scope="module")
def client_for(simulator, sim_world: Path) -> Iterator[ClientFor]:
    """``client_for(slug, oin=None)``: a client acting as a world identity."""
    made: dict[tuple[str, str | None], Client] = {}

    def get(slug: str, oin: str | None = None) -> Client:
        key = (slug, oin)
        if key not in made:
            extra = {"oin": oin} if oin else {}
            settings = Settings.from_identities(
                sim_world / "identities.json", slug, **extra
            )
            made[key] = Client(settings, backoff=0.0)
        return made[key]

    yield get
    for client in made.values():
        client.close()


@pytest.fixture
def aadorp(client_for: ClientFor) -> Client:
    return client_for("gemeente-aadorp")


@pytest.fixture
def provincie(client_for: ClientFor) -> Client:
    return client_for("provincie-zuiderkwartier")


@pytest.fixture
def samenwerking(aadorp: Client) -> Samenwerking:
    """A new samenwerking of Gemeente Aadorp with the provincie (beperkt)."""
    started = aadorp.start_samenwerking(AADORP_VERZOEK, "Dakkapel Dorpsstraat 12")
    aadorp.invite_ketenpartner(
        started.samenwerking_id, oin=PROVINCIE, privilege=Privilege.BEPERKTE_TOEGANG
    )
    return started


def test_samenwerking_lifecycle(aadorp: Client, provincie: Client):
    started = aadorp.start_samenwerking(
        AADORP_VERZOEK, "Levenscyclus", beschrijving="test", kenmerk_systeem="VTH-1"
    )
    sid = started.samenwerking_id

    assert started.status is SamenwerkingStatus.OPEN
    assert aadorp.get_samenwerking(sid).beschrijving == "test"
    assert sid in {s.samenwerking_id for s in aadorp.list_samenwerkingen()}
    assert sid in {s.samenwerking_id for s in aadorp.list_samenwerkingen(status="OPEN")}
    assert aadorp.update_samenwerking(sid, titel="Nieuwe titel").titel == "Nieuwe titel"

    with pytest.raises(ConflictError):
        aadorp.delete_samenwerking(sid)
    with pytest.raises(NotFoundError):
        provincie.get_samenwerking(sid)

    assert aadorp.stop_samenwerking(sid).status is SamenwerkingStatus.GESLOTEN
    assert sid in {
        s.samenwerking_id for s in aadorp.list_samenwerkingen(status="GESLOTEN")
    }
    with pytest.raises(ConflictError):
        aadorp.upload_document(
            sid, b"x", bestandsnaam="x.txt", omschrijving="x", vertrouwelijkheid="RV"
        )

    aadorp.delete_samenwerking(sid)
    with pytest.raises(NotFoundError) as caught:
        aadorp.get_samenwerking(sid)
    assert caught.value.correlation_id and caught.value.title


def test_start_for_verzoek_of_another_gemeente_is_refused(client_for: ClientFor):
    with pytest.raises((ForbiddenError, BadRequestError)):
        client_for("gemeente-beekveld").start_samenwerking(
            AADORP_VERZOEK, "Niet van mij"
        )


def test_deelnemers(aadorp: Client, provincie: Client, samenwerking: Samenwerking):
    sid = samenwerking.samenwerking_id
    bureau = aadorp.invite_ketenpartner(
        sid, kvk_nummer=ADVIESBUREAU_KVK, privilege="VOLLEDIGE_TOEGANG"
    )

    assert bureau.kvk_nummer == ADVIESBUREAU_KVK
    assert bureau.oin == f"00000003{ADVIESBUREAU_KVK}0000"
    with pytest.raises(ConflictError):
        aadorp.invite_ketenpartner(sid, oin=PROVINCIE, privilege="BEPERKTE_TOEGANG")
    with pytest.raises(ForbiddenError):
        provincie.invite_ketenpartner(sid, oin=WATERSCHAP, privilege="BEPERKTE_TOEGANG")

    deelnemers = {d.oin: d for d in aadorp.list_deelnemers(sid)}
    assert set(deelnemers) == {"00000099000000001001", PROVINCIE, bureau.oin}
    partner = deelnemers[PROVINCIE]
    assert aadorp.get_deelnemer(sid, partner.deelnemer_id).naam == partner.naam

    changed = aadorp.change_privilege(sid, partner.deelnemer_id, "VOLLEDIGE_TOEGANG")
    assert changed.privilege is Privilege.VOLLEDIGE_TOEGANG
    with pytest.raises(ForbiddenError):
        provincie.change_privilege(sid, partner.deelnemer_id, "BEPERKTE_TOEGANG")

    assert provincie.get_samenwerking(sid).samenwerking_id == sid
    aadorp.remove_ketenpartner(sid, partner.deelnemer_id)
    with pytest.raises(NotFoundError):
        provincie.get_samenwerking(sid)


def test_documenten(
    aadorp: Client, provincie: Client, samenwerking: Samenwerking, tmp_path: Path
):
    sid = samenwerking.samenwerking_id
    source = tmp_path / "situatie.pdf"
    source.write_bytes(b"%PDF-1.4 situatie " * 1000)
    rv = aadorp.upload_document(
        sid,
        source,
        omschrijving="Situatie",
        vertrouwelijkheid=Vertrouwelijkheid.RV,
        taal="NL",
    )
    sv = aadorp.upload_document(
        sid,
        io.BytesIO(b"geheim"),
        bestandsnaam="geheim.txt",
        omschrijving="Geheim",
        vertrouwelijkheid="SV",
    )

    assert (
        rv.bestands_grootte == source.stat().st_size and rv.formaat == "application/pdf"
    )
    seen_by_partner = {d.document_id for d in provincie.list_documenten(sid)}
    assert rv.document_id in seen_by_partner and sv.document_id not in seen_by_partner
    with pytest.raises(NotFoundError):
        provincie.get_document(sv.document_id)
    only_sv = aadorp.list_documenten(
        sid, vertrouwelijkheid="SV", aangemaakt_door="00000099000000001001"
    )
    assert sv.document_id in {d.document_id for d in only_sv}

    (tmp_path / "out").mkdir()
    result = provincie.download_document(rv, tmp_path / "out")
    assert result.path == tmp_path / "out" / "situatie.pdf"
    assert result.path.read_bytes() == source.read_bytes()
    assert result.sha256 == rv.document_hash

    updated = aadorp.update_document(rv.document_id, document_omschrijving="Nieuw")
    assert aadorp.get_document(rv.document_id).document_omschrijving == "Nieuw"
    assert updated.document_omschrijving == "Nieuw"
    with pytest.raises(ForbiddenError):
        provincie.update_document(rv.document_id, vertrouwelijkheids_aanduiding="SV")

    aadorp.delete_document(rv.document_id)
    with pytest.raises(NotFoundError):
        aadorp.get_document(rv.document_id)


def test_document_rechten(
    aadorp: Client, provincie: Client, samenwerking: Samenwerking
):
    sid = samenwerking.samenwerking_id
    sv = aadorp.upload_document(
        sid, b"strikt", bestandsnaam="sv.txt", omschrijving="SV", vertrouwelijkheid="SV"
    )
    partner = next(d for d in aadorp.list_deelnemers(sid) if d.oin == PROVINCIE)

    recht = aadorp.set_document_recht(
        sv.document_id, partner.deelnemer_id, Toegang.TOEGESTAAN
    )
    assert recht.toegang is Toegang.TOEGESTAAN
    assert provincie.get_document(sv.document_id).document_id == sv.document_id
    assert [r.deelnemer_id for r in aadorp.list_document_rechten(sv.document_id)] == [
        partner.deelnemer_id
    ]
    got = aadorp.get_document_recht(sv.document_id, partner.deelnemer_id)
    assert got.toegang is Toegang.TOEGESTAAN
    sink = io.BytesIO()
    provincie.download_document(sv.document_id, sink)
    assert sink.getvalue() == b"strikt"

    aadorp.delete_document_recht(sv.document_id, partner.deelnemer_id)
    with pytest.raises(NotFoundError):
        provincie.get_document(sv.document_id)
    with pytest.raises(NotFoundError):
        aadorp.get_document_recht(sv.document_id, partner.deelnemer_id)


def test_upload_over_limit_raises_payload_too_large(sim_factory, tmp_path: Path):
    small = sim_factory(maxUploadBytes=10_000)
    settings = Settings.from_identities(
        Path(small.world_dir) / "identities.json", "gemeente-aadorp"
    )
    with Client(settings) as client:
        sid = client.start_samenwerking(AADORP_VERZOEK, "Klein").samenwerking_id
        with pytest.raises(PayloadTooLargeError) as caught:
            client.upload_document(
                sid,
                b"x" * 50_000,
                bestandsnaam="groot.bin",
                omschrijving="Te groot",
                vertrouwelijkheid="RV",
            )
    assert caught.value.status == 413


def test_actieverzoek_transitions(
    aadorp: Client, provincie: Client, samenwerking: Samenwerking
):
    sid = samenwerking.samenwerking_id
    document = aadorp.upload_document(
        sid,
        b"bijlage",
        bestandsnaam="bijlage.txt",
        omschrijving="Bijlage",
        vertrouwelijkheid="RV",
    )
    deadline = dt.date.today() + dt.timedelta(days=14)
    verzoek = aadorp.create_actieverzoek(
        sid,
        titel="Advies",
        omschrijving="Graag advies",
        ontvanger=PROVINCIE,
        product_id="ADVIES",
        uiterlijke_reactie_datum=deadline,
        documenten=[document.document_id],
    )
    vid = verzoek.actieverzoek_id

    assert verzoek.status is ActieverzoekStatus.OPEN
    assert verzoek.documenten == [document.document_id]
    assert verzoek.uiterlijke_reactie_datum == deadline
    listed = provincie.list_actieverzoeken(samenwerking_id=sid, status="OPEN")
    assert vid in {a.actieverzoek_id for a in listed}
    assert vid in {
        a.actieverzoek_id for a in aadorp.list_actieverzoeken(organisatie=PROVINCIE)
    }
    assert provincie.get_actieverzoek(vid).titel == "Advies"
    assert aadorp.update_actieverzoek(vid, titel="Advies graag").titel == "Advies graag"

    with pytest.raises(ForbiddenError):
        aadorp.accept_actieverzoek(vid)
    with pytest.raises(ConflictError):
        aadorp.approve_actieverzoek(vid)

    assert (
        provincie.accept_actieverzoek(vid).status is ActieverzoekStatus.IN_BEHANDELING
    )
    done = provincie.report_actieverzoek_done(vid, melding="Advies bijgevoegd")
    assert done.status is ActieverzoekStatus.GEREEDGEMELD and done.melding
    assert aadorp.approve_actieverzoek(vid).status is ActieverzoekStatus.GEREED


def test_actieverzoek_refuse_and_withdraw(
    aadorp: Client, provincie: Client, samenwerking: Samenwerking
):
    sid = samenwerking.samenwerking_id

    def new() -> str:
        return aadorp.create_actieverzoek(
            sid, titel="t", omschrijving="o", ontvanger=PROVINCIE
        ).actieverzoek_id

    refused = provincie.refuse_actieverzoek(new(), melding="Niet aan ons")
    withdrawn = aadorp.withdraw_actieverzoek(new())

    assert refused.status is ActieverzoekStatus.GEWEIGERD
    assert withdrawn.status is ActieverzoekStatus.INGETROKKEN
    with pytest.raises(ConflictError):
        aadorp.withdraw_actieverzoek(withdrawn.actieverzoek_id)


def test_berichten(aadorp: Client, provincie: Client, samenwerking: Samenwerking):
    vid = aadorp.create_actieverzoek(
        samenwerking.samenwerking_id,
        titel="Vraag",
        omschrijving="o",
        ontvanger=PROVINCIE,
    ).actieverzoek_id

    sent = provincie.send_bericht(vid, "Wanneer is de hoorzitting?")
    aadorp.send_bericht(vid, "Volgende week dinsdag.")

    assert sent.zender == PROVINCIE and sent.ontvanger == "00000099000000001001"
    texts = [b.inhoud for b in aadorp.list_berichten(vid)]
    assert texts == ["Wanneer is de hoorzitting?", "Volgende week dinsdag."]
    assert aadorp.get_bericht(vid, sent.bericht_id).inhoud == sent.inhoud


def test_notificaties(
    aadorp: Client, provincie: Client, samenwerking: Samenwerking, tmp_path: Path
):
    sid = samenwerking.samenwerking_id
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    cursor = tmp_path / "cursor.json"

    first_poll = provincie.poll_notificaties(cursor, samenwerking_id=sid)
    assert [n.notificatie_type for n in first_poll] == [
        NotificatieType.UITNODIGING_KETENPARTNER
    ]
    assert provincie.poll_notificaties(cursor, samenwerking_id=sid) == []

    aadorp.upload_document(
        sid, b"a", bestandsnaam="a.txt", omschrijving="a", vertrouwelijkheid="RV"
    )
    aadorp.upload_document(
        sid, b"b", bestandsnaam="b.txt", omschrijving="b", vertrouwelijkheid="RV"
    )
    new = provincie.poll_notificaties(cursor, samenwerking_id=sid)
    assert [n.notificatie_type for n in new] == [
        NotificatieType.DOCUMENT_TOEGEVOEGD
    ] * 2
    assert provincie.poll_notificaties(cursor, samenwerking_id=sid) == []

    window = provincie.list_notificaties(
        since=before,
        until=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1),
        samenwerking_id=sid,
        type="DOCUMENT_TOEGEVOEGD",
    )
    assert {n.notificatie_id for n in window} == {n.notificatie_id for n in new}
    per_samenwerking = provincie.list_samenwerking_notificaties(sid).to_list()
    assert len(per_samenwerking) == 3
    assert (
        provincie.list_notificaties(
            since=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        ).to_list()
        == []
    )

    target = new[0].notificatie_id
    assert provincie.get_notificatie(target).samenwerking_id == sid
    provincie.delete_notificatie(target)
    with pytest.raises(NotFoundError):
        provincie.get_notificatie(target)


def test_vendor_acts_for_mandating_gemeente_only(client_for: ClientFor):
    for_aadorp = client_for("leverancier-vthsoft", oin="00000099000000001001")
    for_dijkstede = client_for("leverancier-vthsoft", oin="00000099000000001003")

    started = for_aadorp.start_samenwerking(AADORP_VERZOEK, "Via leverancier")
    assert started.aangemaakt_door == "00000099000000001001"
    with pytest.raises(ForbiddenError):
        for_dijkstede.list_samenwerkingen().to_list()


def test_organisation_without_subscription_is_forbidden(client_for: ClientFor):
    with pytest.raises(ForbiddenError) as caught:
        client_for("stichting-oeverbeheer").list_samenwerkingen().to_list()

    assert caught.value.status == 403 and caught.value.detail


def test_openapi_document(aadorp: Client):
    document = aadorp.get_openapi_document()

    assert document["openapi"].startswith("3.1")
    assert "/samenwerkingen" in document["paths"]
    assert "openapi:" in aadorp.get_openapi_document("yaml")


def test_frames_from_simulator(aadorp: Client, samenwerking: Samenwerking):
    frame = aadorp.list_documenten(samenwerking.samenwerking_id).to_frame()

    assert str(frame["creatie_datum_tijd"].dtype) == "datetime64[ns, UTC]"
    assert set(frame["vertrouwelijkheids_aanduiding"].cat.categories) == {"RV", "SV"}


def test_from_settings_uses_the_same_configuration_as_the_cli(
    simulator, sim_world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)  # no ./swfkit.toml
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.config/swfkit
    environ = {
        "SWF_IDENTITIES": str(sim_world / "identities.json"),
        "SWF_IDENTITY": "gemeente-beekveld",
    }

    with Client.from_settings(environ=environ) as client:
        started = client.start_samenwerking("2026060200021", "Via omgeving")

    assert started.aangemaakt_door == "00000099000000001002"
    assert client.base_url == simulator.base_url
