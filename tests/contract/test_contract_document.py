"""The shape of the OpenAPI document itself, as the architecture page decides."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from swfkit.contract import contract_path, load_contract, operations, validate_contract

# Every SWF function as the operation that carries it, by its id in the contract.
REQUIRED_OPERATION_IDS = {
    "startSamenwerking", "listSamenwerkingen", "getSamenwerking", "updateSamenwerking",
    "deleteSamenwerking", "listDeelnemers", "inviteDeelnemer", "updateDeelnemer",
    "removeDeelnemer", "listDocumenten", "uploadDocument", "getDocument",
    "updateDocument", "deleteDocument", "downloadDocument", "listDocumentRechten",
    "setDocumentRecht", "deleteDocumentRecht", "listActieverzoeken",
    "createActieverzoek", "getActieverzoek", "updateActieverzoek", "listBerichten",
    "createBericht", "listNotificaties", "listSamenwerkingNotificaties",
    "getNotificatie", "deleteNotificatie", "getOpenapiDocument",
}  # fmt: skip

# Every field docs/architecture.md names for each resource.
ARCHITECTURE_FIELDS = {
    "Samenwerking": (
        "samenwerkingId status samenwerkVorm samenwerkDoel verzoeknummer "
        "oloVerzoeknummer bronVerzoek typeVerzoek globaleLocatie titel beschrijving "
        "taal aangemaaktDoor aangemaaktDoorNaam creatieDatumTijd eindDatumTijd "
        "laatstAangepastDoor laatstAangepastDoorNaam laatstAangepastDatumTijd "
        "kenmerkSysteem nummerBinnenSysteem contactpersoonNaam "
        "contactpersoonEmailadres contactpersoonTelefoonnummer aantalActieverzoeken "
        "aantalNotificaties _links"
    ),
    "Deelnemer": (
        "deelnemerId samenwerkingId rol oin kvkNummer naam privilege "
        "uitgenodigdDoor uitnodigingDatumTijd _links"
    ),
    "Document": (
        "documentId samenwerkingId bestandsNaam documentOmschrijving "
        "vertrouwelijkheidsAanduiding taal formaat bestandsGrootte documentHash "
        "kenmerkSysteem nummerBinnenSysteem aangemaaktDoor aangemaaktDoorNaam "
        "creatieDatumTijd laatstAangepastDoor laatstAangepastDoorNaam "
        "laatstAangepastDatumTijd _links"
    ),
    "Actieverzoek": (
        "actieverzoekId samenwerkingId titel omschrijving melding productId status "
        "zender zenderNaam ontvanger ontvangerNaam uiterlijkeReactieDatum "
        "aantalBerichten documenten creatieDatumTijd laatstAangepastDoor "
        "laatstAangepastDoorNaam laatstAangepastDatumTijd _links"
    ),
    "Notificatie": (
        "notificatieId notificatieType samenwerkingId samenwerkVorm notificatieTitel "
        "notificatieTekst eventInitiator eventInitiatorNaam eventDatumTijd deelnemer "
        "deelnemerNaam properties _links"
    ),
}

COLLECTIONS = {
    "SamenwerkingCollection": ("samenwerkingen", "Samenwerking"),
    "DeelnemerCollection": ("deelnemers", "Deelnemer"),
    "DocumentCollection": ("documenten", "Document"),
    "ActieverzoekCollection": ("actieverzoeken", "Actieverzoek"),
    "BerichtCollection": ("berichten", "Bericht"),
    "NotificatieCollection": ("notificaties", "Notificatie"),
    "DocumentRechtCollection": ("rechten", "DocumentRecht"),
}

ERROR_STATUSES = {"400", "403", "404", "409", "413", "415", "429", "503"}


def resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def all_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, item[method])
        for path, item in spec["paths"].items()
        for method in ("get", "put", "post", "patch", "delete")
        if method in item
    ]


def test_contract_validates_as_openapi_3_1() -> None:
    validate_contract()

    spec = load_contract()
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["version"] == "5.0.0-swfkit.1"
    assert "not public" in spec["info"]["description"]


def test_contract_is_plain_json_data_for_serving_as_openapi_json() -> None:
    # YAML dates or other non-JSON values would break GET /openapi.json.
    spec = load_contract()

    assert json.loads(json.dumps(spec)) == spec


def test_contract_path_points_at_packaged_yaml() -> None:
    assert contract_path().name == "openapi.yaml"
    assert contract_path().is_file()


def test_servers_cover_seed_pre_prod_and_local_simulator(spec: dict[str, Any]) -> None:
    urls = [server["url"] for server in spec["servers"]]
    local = next(s for s in spec["servers"] if "{port}" in s["url"])
    rendered = local["url"].format(
        **{k: v["default"] for k, v in local["variables"].items()}
    )

    assert any(
        url.endswith("/samenwerken/api/beheren/v1") and ".pre." in url for url in urls
    )
    assert any(url.endswith("/behandelen/v4") and ".pre." in url for url in urls)
    assert (
        "https://pkio.service.omgevingswet.overheid.nl/overheid/samenwerken/api/behandelen/v4"
        in urls
    )
    assert rendered == "https://127.0.0.1:8443/overheid/samenwerken/api/behandelen/v5"


def test_every_required_operation_exists_once(spec: dict[str, Any]) -> None:
    ids = [op.operation_id for op in operations(spec)]

    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_OPERATION_IDS


def test_every_operation_has_tags_summary_and_a_declared_tag(
    spec: dict[str, Any],
) -> None:
    declared = {tag["name"] for tag in spec["tags"]}
    for op in operations(spec):
        assert op.summary, op.location
        assert op.tags and set(op.tags) <= declared, op.location


def test_mutual_tls_applies_globally(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]

    assert schemes["mutualTLS"]["type"] == "mutualTLS"
    assert spec["security"] == [{"mutualTLS": []}]
    assert all("security" not in op for _, _, op in all_operations(spec))


def test_every_operation_requires_x_oin_and_takes_a_correlation_id(
    spec: dict[str, Any],
) -> None:
    x_oin = spec["components"]["parameters"]["XOin"]
    assert (x_oin["name"], x_oin["in"], x_oin["required"]) == ("X-OIN", "header", True)
    assert x_oin["schema"]["$ref"].endswith("/Oin")

    for method, path, op in all_operations(spec):
        refs = {p.get("$ref", "").rsplit("/", 1)[-1] for p in op.get("parameters", [])}
        assert {"XOin", "XCorrelationId"} <= refs, f"{method} {path}"


def test_identifier_patterns(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]

    assert schemas["Oin"]["pattern"] == "^[0-9]{8}[0-9A-Za-z]{12}$"
    assert schemas["KvkNummer"]["pattern"] == "^[0-9]{8}$"
    assert schemas["SamenwerkingId"]["pattern"] == "^SAM-[0-9]+$"
    for name in ("documentId", "deelnemerId", "actieverzoekId", "notificatieId"):
        param = next(
            p for p in spec["components"]["parameters"].values() if p["name"] == name
        )
        assert param["schema"]["format"] == "uuid", name


def test_every_response_carries_correlation_id_header(spec: dict[str, Any]) -> None:
    for method, path, op in all_operations(spec):
        for status, response in op["responses"].items():
            headers = resolve(spec, response).get("headers", {})
            assert "X-Correlation-ID" in headers, f"{method} {path} {status}"


def test_every_operation_documents_problem_json_errors(spec: dict[str, Any]) -> None:
    for method, path, op in all_operations(spec):
        errors = {s: resolve(spec, r) for s, r in op["responses"].items() if s >= "400"}
        assert {"400", "403", "429", "503"} <= set(errors), f"{method} {path}"
        for status, response in errors.items():
            schema = response["content"]["application/problem+json"]["schema"]
            assert schema["$ref"].endswith("/Problem"), f"{method} {path} {status}"


def test_operations_with_an_id_document_404(spec: dict[str, Any]) -> None:
    for method, path, op in all_operations(spec):
        if "{" in path and "{format}" not in path:
            assert "404" in op["responses"], f"{method} {path}"


def test_reusable_error_responses_exist_with_retry_after_on_429(
    spec: dict[str, Any],
) -> None:
    responses = spec["components"]["responses"]
    used = {
        status: response["$ref"].rsplit("/", 1)[-1]
        for _, _, op in all_operations(spec)
        for status, response in op["responses"].items()
        if status in ERROR_STATUSES
    }

    assert set(used) == ERROR_STATUSES
    assert responses["TooManyRequests"]["headers"]["Retry-After"]
    assert resolve(spec, responses["TooManyRequests"]["headers"]["Retry-After"])[
        "required"
    ]


def test_problem_schema_has_rfc9457_members_and_invalid_params(
    spec: dict[str, Any],
) -> None:
    problem = spec["components"]["schemas"]["Problem"]
    invalid = spec["components"]["schemas"]["InvalidParam"]

    assert {"type", "title", "status", "detail", "instance", "correlationId",
            "invalidParams"} <= set(problem["properties"])  # fmt: skip
    assert set(invalid["required"]) == {"name", "reason"}


def test_every_collection_has_embedded_links_and_page(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name, (plural, item) in COLLECTIONS.items():
        schema = schemas[name]
        embedded = schema["properties"]["_embedded"]

        assert set(schema["required"]) == {"_embedded", "_links", "page"}, name
        assert embedded["required"] == [plural], name
        assert embedded["properties"][plural]["items"]["$ref"].endswith(f"/{item}"), (
            name
        )
        assert schema["properties"]["page"]["$ref"].endswith("/Page"), name


def test_every_collection_response_uses_a_collection_schema(
    spec: dict[str, Any],
) -> None:
    for method, path, op in all_operations(spec):
        if not op["operationId"].startswith("list"):
            continue
        response = resolve(spec, op["responses"]["200"])
        for media in ("application/hal+json", "application/json"):
            ref = response["content"][media]["schema"]["$ref"].rsplit("/", 1)[-1]
            assert ref in COLLECTIONS, f"{method} {path}"


def test_paging_parameters_documenten_use_pagina_and_aantal(
    spec: dict[str, Any],
) -> None:
    for method, path, op in all_operations(spec):
        if not op["operationId"].startswith("list"):
            continue
        names = {resolve(spec, p)["name"] for p in op["parameters"]}
        expected = (
            {"pagina", "aantal"} if path.endswith("/documenten") else {"page", "size"}
        )
        assert expected <= names, f"{method} {path}"
    size = spec["components"]["parameters"]["Size"]["schema"]
    assert (size["default"], size["maximum"]) == (20, 100)


def test_hal_link_schema_has_the_observed_members(spec: dict[str, Any]) -> None:
    link = spec["components"]["schemas"]["Link"]

    members = "href templated type title name profile hreflang deprecation"
    assert set(link["properties"]) == set(members.split())
    assert "Links" in spec["components"]["schemas"]


@pytest.mark.parametrize("resource", sorted(ARCHITECTURE_FIELDS))
def test_resource_declares_every_architecture_field_and_is_closed(
    spec: dict[str, Any], resource: str
) -> None:
    schema = spec["components"]["schemas"][resource]

    assert set(ARCHITECTURE_FIELDS[resource].split()) <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) <= set(schema["properties"])


def test_enums_match_the_contract_decisions(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]

    assert schemas["SamenwerkingStatus"]["enum"] == [
        "INITIALISATIE",
        "OPEN",
        "GESLOTEN",
    ]
    assert schemas["ActieverzoekStatus"]["enum"] == [
        "OPEN", "IN_BEHANDELING", "GEWEIGERD", "GEREEDGEMELD", "GEREED", "INGETROKKEN"
    ]  # fmt: skip
    assert schemas["VertrouwelijkheidsAanduiding"]["enum"] == ["RV", "SV"]
    assert schemas["Privilege"]["enum"] == ["BEPERKTE_TOEGANG", "VOLLEDIGE_TOEGANG"]
    assert schemas["Rol"]["enum"] == ["INITIATOR", "KETENPARTNER"]
    assert schemas["Toegang"]["enum"] == ["TOEGESTAAN", "GEWEIGERD"]
    assert len(schemas["NotificatieType"]["enum"]) == 14


def test_request_body_media_types(spec: dict[str, Any]) -> None:
    for method, path, op in all_operations(spec):
        content = op.get("requestBody", {}).get("content", {})
        if method == "patch":
            assert list(content) == ["application/merge-patch+json"], path
        elif method == "put" or (
            method == "post" and op["operationId"] != "uploadDocument"
        ):
            assert list(content) == ["application/json"], f"{method} {path}"


def test_upload_is_multipart_file_with_metadata_in_query(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/samenwerkingen/{samenwerkingId}/documenten"]["post"]
    body = resolve(spec, op["requestBody"]["content"]["multipart/form-data"]["schema"])
    query = {
        resolve(spec, p)["name"]: resolve(spec, p)
        for p in op["parameters"]
        if resolve(spec, p)["in"] == "query"
    }

    assert body["required"] == ["file"]
    assert body["properties"]["file"]["format"] == "binary"
    assert query["documentOmschrijving"]["required"] is True
    assert query["vertrouwelijkheidsAanduiding"]["required"] is True
    assert {"kenmerkSysteem", "nummerBinnenSysteem", "taal"} <= set(query)
    assert "413" in op["responses"]


def test_download_is_binary_with_disposition_length_and_digest(
    spec: dict[str, Any],
) -> None:
    op = spec["paths"]["/documenten/{documentId}/content"]["get"]
    response = resolve(spec, op["responses"]["200"])

    assert {"application/octet-stream", "*/*"} <= set(response["content"])
    assert response["content"]["*/*"]["schema"]["format"] == "binary"
    assert {"Content-Disposition", "Content-Length", "Repr-Digest"} <= set(
        response["headers"]
    )


def test_creates_answer_201_with_location(spec: dict[str, Any]) -> None:
    for method, path, op in all_operations(spec):
        if method != "post":
            continue
        created = resolve(spec, op["responses"]["201"])
        assert "Location" in created["headers"], path


def test_input_limits_are_in_the_schema(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]

    assert schemas["SamenwerkingStart"]["properties"]["titel"]["maxLength"] == 200
    assert schemas["ActieverzoekInput"]["properties"]["titel"]["maxLength"] == 200
    assert (
        schemas["ActieverzoekInput"]["properties"]["omschrijving"]["maxLength"] == 5000
    )
    assert (
        schemas["SamenwerkingStart"]["properties"]["beschrijving"]["maxLength"] == 5000
    )
    assert schemas["SamenwerkingStart"]["additionalProperties"] is False


def test_openapi_document_paths_are_described(spec: dict[str, Any]) -> None:
    item = spec["paths"]["/openapi.{format}"]
    fmt = spec["components"]["parameters"]["OpenapiFormat"]

    assert item["get"]["operationId"] == "getOpenapiDocument"
    assert item["get"]["x-swfkit-provenance"] == "assumed"
    assert fmt["schema"]["enum"] == ["json", "yaml"]


def test_every_format_the_contract_names_is_checked(spec: dict[str, Any]) -> None:
    # jsonschema skips a format whose checker library is missing, silently:
    # the simulator would then let such values through on every install
    # without that library. "binary" marks a file part and is not a string
    # format to check.
    from openapi_schema_validator import OAS31Validator

    named = set(re.findall(r'"format": "([^"]+)"', json.dumps(spec))) - {"binary"}
    checked = set(OAS31Validator.FORMAT_CHECKER.checkers)

    assert named, "the contract names no format at all"
    assert named <= checked, f"named but never checked: {sorted(named - checked)}"
