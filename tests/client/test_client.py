"""The Client against a scripted TLS server: settings, paging, bodies, guard."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from swfkit.client import Client, Privilege, Samenwerking
from swfkit.config import Settings
from swfkit.errors import ConfigurationError, ForeignUrlError, InvalidOinError
from swfkit.pki import IssuedCertificate, TestPki

from .tls_server import CLIENT_OIN, Reply, Seen, json_reply


def _samenwerking(n: int) -> dict[str, object]:
    return {
        "samenwerkingId": f"SAM-{n}",
        "status": {"status": "OPEN"},
        "titel": f"Dossier {n}",
    }


def _pages(total: int, size: int, *, links: bool, base: str = "/api/v5"):
    """A collection responder serving ``total`` items, ``size`` per page."""

    def respond(seen: Seen) -> Reply:
        query = parse_qs(urlsplit(seen.path).query)
        number = int(query.get("page", ["0"])[0])
        items = [_samenwerking(n) for n in range(total)][number * size :][:size]
        pages = -(-total // size)
        body: dict[str, object] = {
            "_embedded": {"samenwerkingen": items},
            "page": {
                "number": number,
                "size": size,
                "totalElements": total,
                "totalPages": pages,
            },
            "_links": {"self": {"href": seen.path}},
        }
        if links and number + 1 < pages:
            body["_links"] = {
                "next": {"href": f"{base}/samenwerkingen?page={number + 1}&size={size}"}
            }
        return json_reply(json.dumps(body))

    return respond


@pytest.mark.parametrize("links", [True, False], ids=["next-links", "page-numbers"])
def test_collection_iterates_lazily_over_all_pages(tls_server, make_client, links):
    server = tls_server(_pages(7, 3, links=links))
    client = make_client(server)

    collection = client.list_samenwerkingen(status="OPEN", page_size=3)
    assert server.requests == []

    progress: list[tuple[int, int | None]] = []
    items = list(collection.on_progress(lambda n, total: progress.append((n, total))))

    assert [s.samenwerking_id for s in items] == [f"SAM-{n}" for n in range(7)]
    assert all(isinstance(s, Samenwerking) for s in items)
    assert len(server.requests) == 3
    assert progress == [(3, 7), (6, 7), (7, 7)]
    first_query = parse_qs(urlsplit(server.requests[0].path).query)
    assert first_query == {"status": ["OPEN"], "size": ["3"]}
    assert server.connections == 1


def test_collection_to_frame(tls_server, make_client):
    server = tls_server(_pages(4, 10, links=True))

    frame = make_client(server).list_samenwerkingen().to_frame()

    assert list(frame["samenwerking_id"]) == ["SAM-0", "SAM-1", "SAM-2", "SAM-3"]


def test_foreign_next_link_is_refused(tls_server, make_client):
    server = tls_server(_pages(7, 3, links=True, base="https://evil.example/api/v5"))
    collection = make_client(server).list_samenwerkingen()

    with pytest.raises(ForeignUrlError):
        list(collection)
    assert len(server.requests) == 1


def test_update_sends_merge_patch_with_wire_names(tls_server, make_client):
    server = tls_server(lambda seen: json_reply(json.dumps(_samenwerking(1))))

    make_client(server).update_samenwerking(
        "SAM-1", titel="Nieuw", contactpersoon_naam=None
    )

    seen = server.requests[0]
    assert seen.method == "PATCH"
    assert seen.headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(seen.body) == {"titel": "Nieuw", "contactpersoonNaam": None}


def test_update_refuses_unknown_field_before_sending(tls_server, make_client):
    server = tls_server()

    with pytest.raises(TypeError, match="titl"):
        make_client(server).update_samenwerking("SAM-1", titl="typo")
    assert server.requests == []


def test_start_and_stop_samenwerking_bodies(tls_server, make_client):
    server = tls_server(lambda seen: json_reply(json.dumps(_samenwerking(1)), 201))
    client = make_client(server)

    client.start_samenwerking("V-1", "Dakkapel", beschrijving="b", taal="NL")
    client.stop_samenwerking("SAM-1")

    assert json.loads(server.requests[0].body) == {
        "verzoeknummer": "V-1",
        "titel": "Dakkapel",
        "verzoekInDossier": False,
        "beschrijving": "b",
        "taal": "NL",
    }
    assert json.loads(server.requests[1].body) == {"status": {"status": "GESLOTEN"}}


def test_invite_checks_identifiers_before_sending(tls_server, make_client):
    server = tls_server()
    client = make_client(server)

    with pytest.raises(TypeError):
        client.invite_ketenpartner("SAM-1", privilege="BEPERKTE_TOEGANG")
    with pytest.raises(InvalidOinError):
        client.invite_ketenpartner(
            "SAM-1", kvk_nummer="123", privilege=Privilege.BEPERKTE_TOEGANG
        )
    assert server.requests == []


def test_notificaties_window_must_be_timezone_aware(tls_server, make_client):
    server = tls_server()

    with pytest.raises(ValueError, match="timezone"):
        make_client(server).list_notificaties(since=dt.datetime(2024, 1, 1))


def test_notificaties_window_goes_on_the_wire(tls_server, make_client):
    server = tls_server(
        lambda seen: json_reply(
            '{"_embedded": {"notificaties": []}, "_links": {}, "page": {}}'
        )
    )
    since = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

    list(make_client(server).list_notificaties(since=since, type="NIEUW_BERICHT"))

    query = parse_qs(urlsplit(server.requests[0].path).query)
    assert query == {
        "eventDatumTijd[gt]": ["2024-01-01T00:00:00+00:00"],
        "notificatieType": ["NIEUW_BERICHT"],
    }


def test_client_reuses_one_handshake_across_methods(tls_server, make_client):
    server = tls_server(lambda seen: json_reply(json.dumps(_samenwerking(1))))
    client = make_client(server)

    for n in range(10):
        client.get_samenwerking(f"SAM-{n}")

    assert server.connections == 1
    assert client.transport.options.ssl_context.session_stats()["connect"] == 1


def test_client_with_pkcs12_certificate(tls_server, make_client, pki: TestPki):
    issued = pki.issue_organisation(
        "Gemeente P12", CLIENT_OIN, slug="p12", pkcs12_password="sterk-wachtwoord-1"
    )
    server = tls_server(lambda seen: json_reply(json.dumps(_samenwerking(1))))

    client = make_client(
        server,
        cert_path=None,
        key_path=None,
        pkcs12_path=issued.pkcs12_path,
        pkcs12_password="sterk-wachtwoord-1",
    )
    client.get_samenwerking("SAM-1")

    subject = dict(pair[0] for pair in server.requests[0].peer_cert["subject"])
    assert subject["organizationName"] == "Gemeente P12"
    assert "sterk-wachtwoord-1" not in repr(client)


def test_repr_names_target_but_no_secrets(
    tls_server, make_client, client_cert: IssuedCertificate
):
    server = tls_server()

    text = repr(make_client(server))

    assert server.base_url in text and CLIENT_OIN in text
    assert "BEGIN" not in text and str(client_cert.key_path) not in text


def test_configuration_mistake_raised_before_any_request(
    tls_server, pki: TestPki, client_cert: IssuedCertificate, tmp_path
):
    server = tls_server()
    good = {
        "environment": "local",
        "base_url": server.base_url,
        "oin": CLIENT_OIN,
        "cert_path": client_cert.cert_path,
        "key_path": client_cert.key_path,
        "ca_bundle": pki.ca_bundle_path,
    }
    wrong = [
        {"key_path": tmp_path / "ontbreekt.key"},
        {"oin": None},
        {"base_url": "http://127.0.0.1/api"},
        {"ca_bundle": tmp_path / "geen-bundel.pem"},
    ]

    for change in wrong:
        with pytest.raises(ConfigurationError):
            Client(Settings(**{**good, **change}))  # type: ignore[arg-type]
    assert server.connections == 0
