"""Scrubbing and matching of recorded requests (cassettes.py)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from vcr.request import Request

from swfkit.conformance.cassettes import (
    CASSETTE_ORIGIN,
    cassette_path,
    request_scrubber,
    response_scrubber,
    slugify,
    swf_request_matcher,
)

ORIGIN = "https://127.0.0.1:43211"
BASE = f"{ORIGIN}/overheid/samenwerken/api/behandelen/v5"
PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----"


def _request(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
) -> Request:
    return Request(method, url, body, headers or {"Content-Type": "application/json"})


def _response(body: bytes, **headers: str) -> dict[str, Any]:
    all_headers = {
        "Content-Length": [str(len(body))],
        **{k: [v] for k, v in headers.items()},
    }
    return {
        "status": {"code": 200, "message": "OK"},
        "headers": all_headers,
        "body": {"string": body},
    }


def test_request_scrubber_rebases_and_redacts_but_keeps_oin() -> None:
    request = _request(
        "POST",
        f"{BASE}/samenwerkingen?password=geheim",
        json.dumps({"note": PEM}),
        {
            "X-OIN": "00000099000000001001",
            "Authorization": "Basic abc",
            "Content-Type": "application/json",
        },
    )

    scrubbed = request_scrubber(ORIGIN, ())(request)

    assert scrubbed.uri.startswith(CASSETTE_ORIGIN + "/overheid/")
    assert "geheim" not in scrubbed.uri
    assert scrubbed.headers["X-OIN"] == "00000099000000001001"
    assert "abc" not in scrubbed.headers["Authorization"]
    assert b"BEGIN CERTIFICATE" not in scrubbed.body


def test_request_scrubber_stores_a_streamed_body_as_bytes() -> None:
    stream = io.BytesIO(b"--boundary\r\nfile content\r\n--boundary--")
    request = _request(
        "POST",
        f"{BASE}/samenwerkingen/SAM-1/documenten",
        stream,
        {"Content-Type": "multipart/form-data; boundary=boundary"},
    )

    scrubbed = request_scrubber(ORIGIN, ())(request)

    assert scrubbed.body == b"--boundary\r\nfile content\r\n--boundary--"


def test_response_scrubber_rebases_links_and_fixes_length() -> None:
    body = json.dumps(
        {
            "_links": {"self": {"href": f"{BASE}/samenwerkingen/SAM-1"}},
            "p12": "pkcs-wachtwoord",
        }
    ).encode()
    response = _response(body, Location=f"{BASE}/samenwerkingen/SAM-1")

    scrubbed = response_scrubber(ORIGIN, ("pkcs-wachtwoord",))(response)

    text = scrubbed["body"]["string"].decode()
    assert ORIGIN not in text and CASSETTE_ORIGIN in text
    assert "pkcs-wachtwoord" not in text
    assert scrubbed["headers"]["Location"] == [
        f"{CASSETTE_ORIGIN}/overheid/samenwerken/api/behandelen/v5/samenwerkingen/SAM-1"
    ]
    assert scrubbed["headers"]["Content-Length"] == [str(len(text.encode()))]


def test_response_scrubber_keeps_binary_bodies_and_digests() -> None:
    pdf = b"%PDF-1.4\x00\xff\xfe binary"
    digest = "sha-256=:M" + "A" * 42 + "=:"
    response = _response(pdf, **{"Repr-Digest": digest})

    scrubbed = response_scrubber(ORIGIN, ())(response)

    assert scrubbed["body"]["string"] == pdf
    assert scrubbed["headers"]["Repr-Digest"] == [digest]


def test_matcher_ignores_run_ids_and_time_windows() -> None:
    recorded = _request(
        "GET",
        f"{CASSETTE_ORIGIN}/v5/notificaties?eventDatumTijd%5Bgt%5D="
        "2026-06-02T10:00:00Z&samenwerkingId=SAM-3",
    )
    replayed = _request(
        "GET",
        f"{CASSETTE_ORIGIN}/v5/notificaties?samenwerkingId=SAM-3&"
        "eventDatumTijd%5Bgt%5D=2027-01-01T00:00:00Z",
    )

    swf_request_matcher(recorded, replayed)


def test_matcher_compares_json_bodies_without_the_run_mark() -> None:
    first = _request(
        "POST",
        f"{CASSETTE_ORIGIN}/v5/samenwerkingen",
        json.dumps({"titel": "A", "nummerBinnenSysteem": "20260602T101500Z-3f9a1c-4"}),
    )
    second = _request(
        "POST",
        f"{CASSETTE_ORIGIN}/v5/samenwerkingen",
        json.dumps({"nummerBinnenSysteem": "20270101T000000Z-abcdef-9", "titel": "A"}),
    )

    swf_request_matcher(first, second)


@pytest.mark.parametrize(
    ("other_method", "other_path", "other_body", "what"),
    [
        ("DELETE", "/v5/samenwerkingen", '{"titel": "A"}', "method"),
        ("POST", "/v5/documenten", '{"titel": "A"}', "path"),
        ("POST", "/v5/samenwerkingen", '{"titel": "B"}', "body"),
    ],
    ids=["method", "path", "body"],
)
def test_matcher_names_what_differs(
    other_method: str, other_path: str, other_body: str, what: str
) -> None:
    first = _request("POST", f"{CASSETTE_ORIGIN}/v5/samenwerkingen", '{"titel": "A"}')
    second = _request(other_method, f"{CASSETTE_ORIGIN}{other_path}", other_body)

    with pytest.raises(AssertionError, match=what):
        swf_request_matcher(first, second)


def test_matcher_ignores_the_multipart_boundary() -> None:
    url = f"{CASSETTE_ORIGIN}/v5/samenwerkingen/SAM-1/documenten?documentOmschrijving=x"
    one = _request(
        "POST", url, b"--a\r\n", {"Content-Type": "multipart/form-data; b=a"}
    )
    two = _request(
        "POST", url, b"--b\r\n", {"Content-Type": "multipart/form-data; b=b"}
    )

    swf_request_matcher(one, two)


def test_cassette_path_is_per_feature_and_scenario(tmp_path: Any) -> None:
    path = cassette_path(
        tmp_path, "/x/documenten.feature", "Één document, ongewijzigd!"
    )

    assert path == tmp_path / "documenten" / "een-document-ongewijzigd.yaml"
    assert slugify("  ") == "scenario"
