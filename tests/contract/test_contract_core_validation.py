"""openapi-core validates real-looking traffic against the contract, and
rejects traffic that breaks it."""

from __future__ import annotations

import copy
import json
import warnings
from typing import Any

import pytest
from conftest import RequestFactory
from contract_samples import (
    AV_ID,
    DOC_ID,
    INITIATOR,
    PARTNER,
    collection,
    json_response,
)
from openapi_core import OpenAPI
from openapi_core.templating.paths.exceptions import ServerNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.request.exceptions import (
    InvalidParameter,
    InvalidRequestBody,
    MissingRequiredParameter,
    RequestBodyValidationError,
)
from openapi_core.validation.response.exceptions import (
    InvalidData,
    InvalidHeader,
    MissingRequiredHeader,
)

from swfkit.contract import ContractError, openapi_for_core

SAM = "/samenwerkingen/SAM-66497"
PROBLEM = {
    "type": "urn:swfkit:probleem:gesloten",
    "title": "Samenwerking is gesloten",
    "status": 409,
    "detail": "SAM-66497 is GESLOTEN",
    "instance": "/overheid/samenwerken/api/behandelen/v5/samenwerkingen/SAM-66497",
    "correlationId": "5b1f2e4a-0000-4000-8000-000000000001",
    "regel": "gesloten-is-alleen-lezen",
}


def schema_messages(exc: pytest.ExceptionInfo[Exception]) -> str:
    cause = exc.value.__cause__
    return " ".join(str(e.message) for e in getattr(cause, "schema_errors", []))


def test_packaged_object_is_built_once() -> None:
    assert openapi_for_core() is openapi_for_core()


def test_start_request_is_valid(api: OpenAPI, make_request: RequestFactory) -> None:
    body = {
        "verzoeknummer": "2026060200019",
        "titel": "Dakkapel",
        "verzoekInDossier": True,
    }

    api.validate_request(make_request("post", "/samenwerkingen", body))


def test_start_request_without_titel_is_rejected(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    request = make_request("post", "/samenwerkingen", {"verzoeknummer": "1"})

    with pytest.raises(InvalidRequestBody) as exc:
        api.validate_request(request)
    assert "'titel' is a required property" in schema_messages(exc)


@pytest.mark.parametrize(
    ("field", "value"),
    [("titel", "x" * 201), ("samenwerkVorm", "SAMENWERKEN"), ("onbekend", 1)],
)
def test_start_request_breaking_a_limit_is_rejected(
    api: OpenAPI, make_request: RequestFactory, field: str, value: Any
) -> None:
    body = {"verzoeknummer": "1", "titel": "Dakkapel", field: value}

    with pytest.raises(InvalidRequestBody):
        api.validate_request(make_request("post", "/samenwerkingen", body))


def test_request_without_x_oin_is_rejected(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    with pytest.raises(MissingRequiredParameter, match="X-OIN"):
        api.validate_request(make_request("get", SAM, headers={}))


def test_request_with_malformed_x_oin_is_rejected(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    with pytest.raises(InvalidParameter, match="X-OIN"):
        api.validate_request(make_request("get", SAM, headers={"X-OIN": "123"}))


def test_stop_is_a_merge_patch(api: OpenAPI, make_request: RequestFactory) -> None:
    body = {"status": {"status": "GESLOTEN"}}

    api.validate_request(
        make_request("patch", SAM, body, content_type="application/merge-patch+json")
    )
    with pytest.raises(RequestBodyValidationError):
        api.validate_request(
            make_request("patch", SAM, body, content_type="application/json")
        )


def test_patch_with_unknown_status_is_rejected(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    request = make_request(
        "patch",
        SAM,
        {"status": {"status": "DICHT"}},
        content_type="application/merge-patch+json",
    )

    with pytest.raises(InvalidRequestBody) as exc:
        api.validate_request(request)
    assert "'DICHT' is not one of" in schema_messages(exc)


def test_invite_takes_oin_or_kvk_but_not_both(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    path = f"{SAM}/deelnemers"
    by_kvk = {"kvkNummer": "12345678", "privilege": "BEPERKTE_TOEGANG"}

    api.validate_request(make_request("post", path, by_kvk))
    api.validate_request(
        make_request("post", path, {"oin": PARTNER, "privilege": "VOLLEDIGE_TOEGANG"})
    )
    with pytest.raises(InvalidRequestBody):
        api.validate_request(make_request("post", path, {**by_kvk, "oin": PARTNER}))
    with pytest.raises(InvalidRequestBody):
        api.validate_request(
            make_request("post", path, {"privilege": "BEPERKTE_TOEGANG"})
        )


def test_upload_checks_query_metadata(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    body = (
        b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF\x00\xff\r\n--XX--\r\n"
    )
    args = {"documentOmschrijving": "Tekening", "vertrouwelijkheidsAanduiding": "SV"}
    multipart = "multipart/form-data; boundary=XX"
    path = f"{SAM}/documenten"

    api.validate_request(
        make_request("post", path, body, content_type=multipart, args=args)
    )
    bad = {**args, "vertrouwelijkheidsAanduiding": "GEHEIM"}
    with pytest.raises(InvalidParameter, match="vertrouwelijkheidsAanduiding"):
        api.validate_request(
            make_request("post", path, body, content_type=multipart, args=bad)
        )


def test_notification_window_and_paging(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    window = {"eventDatumTijd[gt]": "2026-06-01T00:00:00Z", "page": "2", "size": "100"}

    api.validate_request(make_request("get", "/notificaties", args=window))
    with pytest.raises(InvalidParameter, match=r"eventDatumTijd\[gt\]"):
        api.validate_request(
            make_request(
                "get", "/notificaties", args={"eventDatumTijd[gt]": "gisteren"}
            )
        )
    with pytest.raises(InvalidParameter, match="size"):
        api.validate_request(make_request("get", "/notificaties", args={"size": "101"}))


def test_malformed_uuid_in_path_is_rejected(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    with pytest.raises(InvalidParameter, match="documentId"):
        api.validate_request(make_request("get", "/documenten/niet-een-uuid"))


def test_requests_on_other_servers_of_the_contract_match(api: OpenAPI) -> None:
    headers = {"X-OIN": INITIATOR}
    for host, path in [
        ("https://127.0.0.1:8443", "/overheid/samenwerken/api/behandelen/v5" + SAM),
        ("https://localhost:40123", "/overheid/samenwerken/api/behandelen/v5" + SAM),
        (
            "https://pkio.service.omgevingswet.overheid.nl",
            "/overheid/samenwerken/api/behandelen/v4" + SAM,
        ),
        (
            "https://pkio.service.pre.omgevingswet.overheid.nl",
            "/overheid/samenwerken/api/beheren/v1" + SAM,
        ),
    ]:
        api.validate_request(MockRequest(host, "get", path, headers=headers))
    with pytest.raises(ServerNotFound):
        api.validate_request(
            MockRequest("https://example.org", "get", "/v5" + SAM, headers=headers)
        )


def test_mutual_tls_scheme_raises_no_warning(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        api.validate_request(make_request("get", SAM))


def test_samenwerking_response_is_valid(
    api: OpenAPI, make_request: RequestFactory, samenwerking: dict[str, Any]
) -> None:
    request = make_request("get", SAM)

    api.validate_response(request, json_response(samenwerking))
    api.validate_response(
        request, json_response(samenwerking, content_type="application/json")
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.pop("titel"), "'titel' is a required property"),
        (
            lambda s: s["status"].update(status="VERWIJDERD"),
            "'VERWIJDERD' is not one of",
        ),
        (lambda s: s.update(samenwerkingId="66497"), "does not match"),
        (lambda s: s.update(creatieDatumTijd="gisteren"), "is not a 'date-time'"),
        (lambda s: s.update(geheim=True), "Additional properties are not allowed"),
        (lambda s: s["_links"].pop("self"), "'self' is a required property"),
    ],
)
def test_broken_samenwerking_response_is_rejected(
    api: OpenAPI,
    make_request: RequestFactory,
    samenwerking: dict[str, Any],
    change: Any,
    message: str,
) -> None:
    broken = copy.deepcopy(samenwerking)
    change(broken)

    with pytest.raises(InvalidData) as exc:
        api.validate_response(make_request("get", SAM), json_response(broken))
    assert message in schema_messages(exc)


def test_created_samenwerking_needs_location(
    api: OpenAPI, make_request: RequestFactory, samenwerking: dict[str, Any]
) -> None:
    request = make_request(
        "post", "/samenwerkingen", {"verzoeknummer": "1", "titel": "t"}
    )
    location = samenwerking["_links"]["self"]["href"]

    api.validate_response(request, json_response(samenwerking, 201, Location=location))
    with pytest.raises(MissingRequiredHeader, match="Location"):
        api.validate_response(request, json_response(samenwerking, 201))


def test_resource_responses_are_valid(
    api: OpenAPI,
    make_request: RequestFactory,
    document: dict[str, Any],
    actieverzoek: dict[str, Any],
    deelnemer: dict[str, Any],
    notificatie: dict[str, Any],
) -> None:
    cases = [
        (f"/documenten/{DOC_ID}", document),
        (f"/actieverzoeken/{AV_ID}", actieverzoek),
        (f"{SAM}/deelnemers/{deelnemer['deelnemerId']}", deelnemer),
        (f"/notificaties/{notificatie['notificatieId']}", notificatie),
    ]
    for path, body in cases:
        api.validate_response(make_request("get", path), json_response(body))


def test_collection_responses_are_valid(
    api: OpenAPI,
    make_request: RequestFactory,
    samenwerking: dict[str, Any],
    document: dict[str, Any],
    notificatie: dict[str, Any],
) -> None:
    cases = [
        ("/samenwerkingen", "samenwerkingen", [samenwerking]),
        (f"{SAM}/documenten", "documenten", [document]),
        ("/notificaties", "notificaties", [notificatie]),
        (f"{SAM}/deelnemers", "deelnemers", []),
    ]
    for path, plural, items in cases:
        body = collection(plural, items, path)
        api.validate_response(make_request("get", path), json_response(body))


def test_collection_without_page_or_with_wrong_plural_is_rejected(
    api: OpenAPI, make_request: RequestFactory, document: dict[str, Any]
) -> None:
    path = f"{SAM}/documenten"
    without_page = collection("documenten", [document], path)
    del without_page["page"]
    wrong_plural = collection("documents", [document], path)

    for body in (without_page, wrong_plural):
        with pytest.raises(InvalidData):
            api.validate_response(make_request("get", path), json_response(body))


def test_problem_response_is_valid_and_checked(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    request = make_request("delete", SAM)
    problem = "application/problem+json"

    api.validate_response(request, json_response(PROBLEM, 409, content_type=problem))
    with pytest.raises(InvalidData):
        api.validate_response(
            request, json_response({"detail": "x"}, 409, content_type=problem)
        )


def test_retry_after_is_required_on_429(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    request = make_request("get", "/notificaties")
    body = {**PROBLEM, "status": 429, "title": "Te veel verzoeken"}
    problem = "application/problem+json"

    api.validate_response(
        request, json_response(body, 429, content_type=problem, **{"Retry-After": "2"})
    )
    with pytest.raises(MissingRequiredHeader, match="Retry-After"):
        api.validate_response(request, json_response(body, 429, content_type=problem))


def test_download_response_checks_headers_not_the_bytes(
    api: OpenAPI, make_request: RequestFactory
) -> None:
    request = make_request("get", f"/documenten/{DOC_ID}/content")
    headers = {
        "Content-Disposition": 'attachment; filename="tekening.pdf"',
        "Content-Length": "6",
        "Repr-Digest": "sha-256=:" + "A" * 43 + "=:",
    }
    content = b"%PDF\x00\xff"

    api.validate_response(
        request, MockResponse(content, 200, headers, "application/pdf")
    )
    api.validate_response(
        request, MockResponse(content, 200, headers, "application/octet-stream")
    )
    bad_digest = {**headers, "Repr-Digest": "md5=:abc:"}
    with pytest.raises(InvalidHeader, match="md5"):
        api.validate_response(
            request, MockResponse(content, 200, bad_digest, "application/pdf")
        )
    no_disposition = {k: v for k, v in headers.items() if k != "Content-Disposition"}
    with pytest.raises(MissingRequiredHeader, match="Content-Disposition"):
        api.validate_response(
            request, MockResponse(content, 200, no_disposition, "application/pdf")
        )


OFFICIAL = {
    "openapi": "3.1.0",
    "info": {"title": "official", "version": "5"},
    "servers": [{"url": "https://example.org/v5"}],
    "paths": {
        "/samenwerkingen/{samenwerkingId}": {
            "get": {
                "parameters": [
                    {"name": "samenwerkingId", "in": "path", "required": True,
                     "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "ok", "content": {
                    "application/hal+json": {"schema": {"type": "object",
                                                        "required": ["titel"]}}}}},
            }
        }
    },
}  # fmt: skip


def test_openapi_for_core_validates_against_a_given_document() -> None:
    # As the cassette checks do with an official specification.
    other = openapi_for_core(copy.deepcopy(OFFICIAL))
    request = MockRequest("https://example.org", "get", "/v5/samenwerkingen/SAM-1")

    assert other is not openapi_for_core()
    other.validate_response(request, json_response({"titel": "t"}))
    with pytest.raises(InvalidData):
        other.validate_response(request, json_response({}))


def test_openapi_for_core_rejects_an_invalid_document() -> None:
    broken = copy.deepcopy(OFFICIAL)
    del broken["info"]

    with pytest.raises(ContractError, match="not a valid OpenAPI document"):
        openapi_for_core(broken)


def test_sample_payloads_round_trip_as_json(samenwerking: dict[str, Any]) -> None:
    # Guards the fixtures: a sample that is not JSON would prove nothing.
    assert json.loads(json.dumps(samenwerking)) == samenwerking
