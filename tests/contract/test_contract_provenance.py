"""Provenance marks: complete, valid, and listed where assumed."""

from __future__ import annotations

from typing import Any

from swfkit.contract import (
    PROVENANCE_VALUES,
    assumed_parts,
    operations,
    provenance_problems,
)


def test_every_mark_in_the_contract_is_valid() -> None:
    assert provenance_problems() == []


def test_every_operation_has_a_valid_provenance_and_source() -> None:
    for op in operations():
        assert op.provenance in PROVENANCE_VALUES, op.location
        assert op.source, op.location


def test_provenance_follows_contract_md_for_sample_operations() -> None:
    by_id = {op.operation_id: op.provenance for op in operations()}

    assert by_id["startSamenwerking"] == "assumed"
    assert by_id["deleteNotificatie"] == "assumed"
    assert by_id["uploadDocument"] == "observed"
    assert by_id["downloadDocument"] == "observed"
    assert by_id["updateActieverzoek"] == "observed"


def test_missing_property_mark_is_reported(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["Document"]["properties"]["bestandsNaam"][
        "x-swfkit-provenance"
    ]

    assert provenance_problems(spec) == [
        "Document.bestandsNaam: no x-swfkit-provenance"
    ]


def test_invalid_mark_on_nested_property_is_reported(spec: dict[str, Any]) -> None:
    embedded = spec["components"]["schemas"]["DocumentCollection"]["properties"][
        "_embedded"
    ]
    embedded["properties"]["documenten"]["x-swfkit-provenance"] = "guessed"

    problems = provenance_problems(spec)

    assert len(problems) == 1
    assert problems[0].startswith("DocumentCollection._embedded.documenten:")
    assert "'guessed'" in problems[0]


def test_operation_without_mark_or_source_is_reported(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/notificaties"]["get"]
    del op["x-swfkit-provenance"]
    del op["x-swfkit-source"]

    assert provenance_problems(spec) == [
        "GET /notificaties: no x-swfkit-provenance",
        "GET /notificaties: no x-swfkit-source",
    ]


def test_schema_without_mark_and_unknown_assumed_value_are_reported(
    spec: dict[str, Any],
) -> None:
    schemas = spec["components"]["schemas"]
    del schemas["Page"]["x-swfkit-provenance"]
    schemas["NotificatieType"]["x-swfkit-assumed-values"].append("BESTAAT_NIET")

    assert set(provenance_problems(spec)) == {
        "Page: no x-swfkit-provenance",
        "NotificatieType: assumed value 'BESTAAT_NIET' is not in the enum",
    }


def test_inline_property_in_an_operation_needs_a_mark(spec: dict[str, Any]) -> None:
    content = spec["paths"]["/openapi.{format}"]["get"]["responses"]["200"]["content"]
    content["application/json"]["schema"]["properties"] = {
        "openapi": {"type": "string"}
    }

    assert provenance_problems(spec) == [
        "GET /openapi.{format} 200 application/json.openapi: no x-swfkit-provenance"
    ]


def test_assumed_parts_lists_assumed_operations_and_properties() -> None:
    locations = {part.location for part in assumed_parts()}

    assert "DELETE /notificaties/{notificatieId}" in locations
    assert "Deelnemer.privilege" in locations
    assert "Document.bestandsGrootte" in locations
    assert "NotificatieType = SAMENWERKING_GESLOTEN" in locations
    assert "header parameter X-OIN on every operation" in locations


def test_assumed_parts_leaves_out_confirmed_and_observed() -> None:
    locations = {part.location for part in assumed_parts()}

    assert "Document.vertrouwelijkheidsAanduiding" not in locations
    assert "Samenwerking.samenwerkingId" not in locations
    assert "GET /samenwerkingen/{samenwerkingId}" not in locations
    assert "NotificatieType = DOCUMENT_TOEGEVOEGD" not in locations


def test_assumed_parts_follow_a_changed_mark(spec: dict[str, Any]) -> None:
    # Proves the listing reads the marks rather than a fixed list.
    props = spec["components"]["schemas"]["Document"]["properties"]
    props["vertrouwelijkheidsAanduiding"]["x-swfkit-provenance"] = "assumed"
    props["bestandsGrootte"]["x-swfkit-provenance"] = "confirmed"

    locations = {part.location for part in assumed_parts(spec)}

    assert "Document.vertrouwelijkheidsAanduiding" in locations
    assert "Document.bestandsGrootte" not in locations


def test_assumed_parts_groups_properties_under_their_schema() -> None:
    part = next(p for p in assumed_parts() if p.location == "Deelnemer.privilege")

    assert (part.kind, part.group) == ("property", "Deelnemer")
    assert part.source


def test_document_without_swfkit_marks_has_no_assumed_parts(
    spec: dict[str, Any],
) -> None:
    stripped = _strip_marks(spec)

    assert assumed_parts(stripped) == []
    assert all(op.provenance is None for op in operations(stripped))


def _strip_marks(node: Any) -> Any:
    """The document as an official spec would be: no x-swfkit-* keys."""
    if isinstance(node, dict):
        return {
            k: _strip_marks(v) for k, v in node.items() if not k.startswith("x-swfkit-")
        }
    if isinstance(node, list):
        return [_strip_marks(v) for v in node]
    return node
