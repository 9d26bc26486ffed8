"""Bad input gets a specific problem answer and changes nothing.

"Nothing changed" is checked on the database itself (every row of every
table) and on the blob folder (no new or half-written files).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from simkit import running

from .api import PROBLEM, problem
from .conftest import Dossier, build_dossier

Call = Callable[[Dossier], requests.Response]
UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def snapshot(world: Path) -> tuple[list[Any], list[str]]:
    """Every row of every table, and the names in the blob folder."""
    db = sqlite3.connect(f"file:{world / 'sim.db'}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows = [
            (t, sorted(map(repr, db.execute(f"SELECT * FROM {t}")))) for t in tables
        ]
    finally:
        db.close()
    return rows, sorted(p.name for p in (world / "blobs").iterdir())


def _raw_json(text: str, content_type: str = "application/json") -> Call:
    return lambda d: d["initiator"].session.post(
        d["initiator"].url("/samenwerkingen"),
        data=text.encode(),
        headers={"Content-Type": content_type},
        timeout=15,
    )


def _raw_upload(filename: bytes) -> Call:
    """A multipart body written by hand, so the file name arrives unaltered."""

    def call(d: Dossier) -> requests.Response:
        boundary = "grens"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="'
            ).encode()
            + filename
            + (
                f'"\r\nContent-Type: text/plain\r\n\r\ninhoud\r\n--{boundary}--\r\n'
            ).encode()
        )
        return d["volledig"].session.post(
            d["volledig"].url(d.path("/documenten")),
            data=body,
            timeout=15,
            params={"documentOmschrijving": "x", "vertrouwelijkheidsAanduiding": "RV"},
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )

    return call


def _invite(body: dict[str, Any]) -> Call:
    return lambda d: d["initiator"].post(d.path("/deelnemers"), body)


# (id, call, status, problem slug or rule, field named in invalidParams)
CASES: list[tuple[str, Call, int, str | None, str | None]] = [
    ("malformed json", _raw_json('{"verzoeknummer": '), 400, "ongeldige-json", None),
    ("json array", _raw_json("[]"), 400, None, None),
    ("wrong content type", _raw_json('{"titel": "x"}', "text/plain"), 415, None, None),
    (
        "json patch as plain json",
        lambda d: d["initiator"].session.patch(
            d["initiator"].url(d.path()), json={"titel": "x"}, timeout=15
        ),
        415,
        None,
        None,
    ),
    (
        "upload not multipart",
        lambda d: d["volledig"].post(
            d.path("/documenten"),
            {"file": "x"},
            params={"documentOmschrijving": "x", "vertrouwelijkheidsAanduiding": "RV"},
        ),
        415,
        None,
        None,
    ),
    (
        "invalid oin",
        _invite({"oin": "123", "privilege": "BEPERKTE_TOEGANG"}),
        400,
        None,
        "oin",
    ),
    (
        "invalid kvk",
        _invite({"kvkNummer": "1234", "privilege": "BEPERKTE_TOEGANG"}),
        400,
        None,
        "kvkNummer",
    ),
    (
        "both oin and kvk",
        _invite(
            {
                "oin": "00000099000000003001",
                "kvkNummer": "90012345",
                "privilege": "BEPERKTE_TOEGANG",
            }
        ),
        400,
        None,
        None,
    ),
    (
        "unknown privilege",
        _invite({"oin": "00000099000000003001", "privilege": "ALLES"}),
        400,
        None,
        "privilege",
    ),
    (
        "unknown field",
        _invite(
            {
                "oin": "00000099000000003001",
                "privilege": "BEPERKTE_TOEGANG",
                "rol": "INITIATOR",
            }
        ),
        400,
        None,
        "rol",
    ),
    (
        "unknown samenwerkVorm",
        lambda d: d["initiator"].post(
            "/samenwerkingen",
            {
                "verzoeknummer": "2026060200011",
                "titel": "x",
                "samenwerkVorm": "SAMEN_BORRELEN",
            },
        ),
        400,
        None,
        "samenwerkVorm",
    ),
    (
        "missing titel",
        lambda d: d["initiator"].post(
            "/samenwerkingen", {"verzoeknummer": "2026060200011"}
        ),
        400,
        None,
        "titel",
    ),
    (
        "unknown vertrouwelijkheid",
        lambda d: d["volledig"].upload(d.sid, aanduiding="ZV"),
        400,
        None,
        "vertrouwelijkheidsAanduiding",
    ),
    (
        "missing documentOmschrijving",
        lambda d: d["volledig"].post(
            d.path("/documenten"),
            params={"vertrouwelijkheidsAanduiding": "RV"},
            files={"file": ("a.txt", b"a")},
        ),
        400,
        None,
        "documentOmschrijving",
    ),
    (
        "missing file part",
        lambda d: d["volledig"].post(
            d.path("/documenten"),
            files={"bestand": ("a.txt", b"a")},
            params={"documentOmschrijving": "x", "vertrouwelijkheidsAanduiding": "RV"},
        ),
        400,
        None,
        "file",
    ),
    (
        "unknown status filter",
        lambda d: d["initiator"].get(
            "/samenwerkingen", params={"status": "VERWIJDERD"}
        ),
        400,
        None,
        "status",
    ),
    (
        "unknown actieverzoek status",
        lambda d: d["initiator"].patch(
            f"/actieverzoeken/{d.docs['av']['actieverzoekId']}", {"status": "KLAAR"}
        ),
        400,
        None,
        "status",
    ),
    (
        "invalid ontvanger",
        lambda d: d["volledig"].post(
            d.path("/actieverzoeken"),
            {"titel": "t", "omschrijving": "o", "ontvanger": "niet-een-oin"},
        ),
        400,
        None,
        "ontvanger",
    ),
    (
        "invalid organisatie filter",
        lambda d: d["initiator"].get("/actieverzoeken", params={"organisatie": "x"}),
        400,
        None,
        "organisatie",
    ),
    (
        "size over 100",
        lambda d: d["initiator"].get("/samenwerkingen", params={"size": 101}),
        400,
        None,
        "size",
    ),
    (
        "negative page",
        lambda d: d["initiator"].get("/samenwerkingen", params={"page": -1}),
        400,
        None,
        "page",
    ),
    (
        "body over 1 MiB",
        lambda d: d["initiator"].patch(
            d.path(), {"beschrijving": "x" * (1024 * 1024 + 1)}
        ),
        413,
        None,
        "body",
    ),
    (
        "path segment in file name",
        _raw_upload(b"../../etc/passwd"),
        400,
        "bestandsnaam-veilig",
        "file",
    ),
    (
        "slash in file name",
        _raw_upload(b"map/stuk.txt"),
        400,
        "bestandsnaam-veilig",
        "file",
    ),
    (
        "backslash in file name",
        _raw_upload(b"map\\\\stuk.txt"),
        400,
        "bestandsnaam-veilig",
        "file",
    ),
    (
        "control character in file name",
        _raw_upload(b"stuk\x07.txt"),
        400,
        "bestandsnaam-veilig",
        "file",
    ),
    ("empty file name", _raw_upload(b""), 400, "bestandsnaam-veilig", "file"),
    (
        "missing oin header",
        lambda d: d["initiator"].session.post(
            d["initiator"].url("/samenwerkingen"),
            timeout=15,
            json={"verzoeknummer": "2026060200011", "titel": "x"},
            headers={"X-OIN": None},
        ),
        400,
        "oin-header-verplicht",
        "X-OIN",
    ),
    (
        "unknown oin header",
        lambda d: d["initiator"].post(
            "/samenwerkingen",
            {"verzoeknummer": "2026060200011", "titel": "x"},
            headers={"X-OIN": "00000099000000012345"},
        ),
        403,
        "machtiging-vereist",
        None,
    ),
    (
        "unknown samenwerking",
        lambda d: d["initiator"].patch("/samenwerkingen/SAM-999999", {"titel": "x"}),
        404,
        None,
        None,
    ),
    (
        "malformed samenwerkingId",
        lambda d: d["initiator"].get("/samenwerkingen/abc"),
        400,
        None,
        "samenwerkingId",
    ),
    (
        "unknown document",
        lambda d: d["initiator"].delete(f"/documenten/{UNKNOWN_UUID}"),
        404,
        None,
        None,
    ),
    (
        "malformed documentId",
        lambda d: d["initiator"].get("/documenten/12"),
        400,
        None,
        "documentId",
    ),
    (
        "unknown actieverzoek",
        lambda d: d["initiator"].patch(
            f"/actieverzoeken/{UNKNOWN_UUID}", {"status": "GEREED"}
        ),
        404,
        None,
        None,
    ),
    (
        "unknown notificatie",
        lambda d: d["initiator"].delete(f"/notificaties/{UNKNOWN_UUID}"),
        404,
        None,
        None,
    ),
    ("unknown path", lambda d: d["initiator"].get("/bestaat-niet"), 404, None, None),
    (
        "unsupported method",
        lambda d: d["initiator"].session.put(
            d["initiator"].url(d.path()), json={}, timeout=15
        ),
        405,
        None,
        None,
    ),
]


@pytest.fixture(scope="module")
def quiet_dossier(
    sim_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Dossier]:
    """A dossier on a simulator of its own: nothing else writes to it."""
    with running(sim_template, tmp_path_factory.mktemp("bad") / "w") as simulator:
        dossier = build_dossier(simulator)
        dossier.docs["av"] = (
            dossier["volledig"].actieverzoek(dossier.sid, dossier["initiator"]).json()
        )
        yield dossier


@pytest.mark.parametrize(
    ("call", "status", "kind", "field"),
    [case[1:] for case in CASES],
    ids=[c[0] for c in CASES],
)
def test_bad_input_is_refused_and_changes_nothing(
    quiet_dossier: Dossier, call: Call, status: int, kind: str | None, field: str | None
) -> None:
    world = quiet_dossier.world
    before = snapshot(world)
    response = call(quiet_dossier)
    assert response.headers["Content-Type"].startswith(PROBLEM)
    body = problem(response, status)
    if kind is not None:
        assert kind in (body["type"].rsplit(":", 1)[1], body.get("regel")), body
    if field is not None:
        assert field in [p["name"] for p in body.get("invalidParams", [])], body
    assert snapshot(world) == before


@pytest.mark.parametrize(
    ("role", "hidden", "missing"),
    [
        ("outsider", "/samenwerkingen/{sid}", "/samenwerkingen/SAM-999999"),
        (
            "removed",
            "/samenwerkingen/{sid}/documenten",
            "/samenwerkingen/SAM-999999/documenten",
        ),
        ("beperkt", "/documenten/{sv}", f"/documenten/{UNKNOWN_UUID}"),
        ("beperkt", "/documenten/{sv}/content", f"/documenten/{UNKNOWN_UUID}/content"),
        ("kvk", "/actieverzoeken/{av}", f"/actieverzoeken/{UNKNOWN_UUID}"),
        ("initiator", "/notificaties/{note}", f"/notificaties/{UNKNOWN_UUID}"),
    ],
)
def test_hidden_things_read_exactly_like_missing_ones(
    dossier: Dossier, role: str, hidden: str, missing: str
) -> None:
    av = dossier["volledig"].actieverzoek(dossier.sid, dossier["beperkt"]).json()
    note = dossier["volledig"].items(dossier.path("/notificaties"), "notificaties")[0]
    ids = {
        "sid": dossier.sid,
        "sv": dossier.docs["sv"]["documentId"],
        "av": av["actieverzoekId"],
        "note": note["notificatieId"],
    }
    org = dossier[role]

    def essence(response: requests.Response) -> dict[str, Any]:
        body = problem(response, 404)
        return {k: v for k, v in body.items() if k not in ("instance", "correlationId")}

    assert essence(org.get(hidden.format(**ids))) == essence(org.get(missing))


def test_problem_for_a_random_uuid_is_404(dossier: Dossier) -> None:
    problem(dossier["initiator"].get(f"/documenten/{uuid.uuid4()}"), 404)


METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
PATHS = [
    "/samenwerkingen",
    "/samenwerkingen/{sid}",
    "/samenwerkingen/{sid}/deelnemers",
    "/samenwerkingen/{sid}/documenten",
    "/samenwerkingen/{sid}/actieverzoeken",
    "/documenten/{doc}",
    "/documenten/{doc}/rechten/" + UNKNOWN_UUID,
    "/actieverzoeken",
    "/notificaties",
    "/openapi.json",
]
CONTENT_TYPES = [
    "application/json",
    "application/merge-patch+json",
    "multipart/form-data; boundary=x",
    "text/plain",
    "",
]
BODIES = st.one_of(
    st.binary(max_size=200),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=12), inner, max_size=3)
        ),
        max_leaves=8,
    ).map(lambda value: json.dumps(value).encode()),
    st.integers(1000, 5000).map(lambda depth: b"[" * depth + b"]" * depth),
)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    method=st.sampled_from(METHODS),
    path=st.sampled_from(PATHS),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=BODIES,
    query=st.dictionaries(
        st.sampled_from(
            [
                "page",
                "size",
                "status",
                "pagina",
                "eventDatumTijd[gt]",
                "organisatie",
                "documentOmschrijving",
                "vertrouwelijkheidsAanduiding",
            ]
        ),
        st.text(max_size=10),
        max_size=3,
    ),
)
def test_no_input_produces_a_server_error(
    quiet_dossier: Dossier,
    method: str,
    path: str,
    content_type: str,
    body: bytes,
    query: dict[str, str],
) -> None:
    org = quiet_dossier["volledig"]
    url = org.url(
        path.format(sid=quiet_dossier.sid, doc=quiet_dossier.docs["rv"]["documentId"])
    )
    response = org.session.request(
        method,
        url,
        data=body,
        params=query,
        timeout=15,
        headers={"Content-Type": content_type},
    )
    assert response.status_code < 500
    if response.status_code >= 400 and method != "HEAD":
        problem(response, response.status_code)
