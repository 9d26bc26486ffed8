"""The seed-function map against the seed text and the contract."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from swfkit.contract import (
    ContractError,
    SeedFunction,
    function_map_problems,
    seed_functions,
)

SEED_DIR = Path(__file__).resolve().parents[3] / "shared" / "seed"


def seed_titles() -> list[str]:
    """The functions listed under "Beschikbare functionaliteit" in the seed,
    each sub-item of "Overzicht geven van:" as its own function."""
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"the seed document is not at {SEED_DIR}")
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    section = text.split("Beschikbare functionaliteit", 1)[1]
    section = section.split("Globaal gebruik van de SWF", 1)[0]

    titles = []
    for bullet in section.split("•")[1:]:
        head, *subs = re.split(r"\n\s*o ", bullet)
        if subs:
            titles += [f"{_clean(head)} {_clean(sub)}" for sub in subs]
        else:
            titles.append(_clean(head))
    return titles


def _clean(text: str) -> str:
    return " ".join(text.split()).lower()


def test_seed_parse_finds_every_listed_function() -> None:
    titles = seed_titles()

    assert len(titles) == 21
    assert "het starten van een samenwerking" in titles
    assert "overzicht geven van: deelnemers aan een samenwerking" in titles


def test_every_seed_function_is_in_the_map_with_its_seed_wording() -> None:
    mapped = {_clean(f.titel) for f in seed_functions() if f.bron == "seed"}

    assert set(seed_titles()) == mapped


def test_contract_md_functions_are_in_the_map() -> None:
    ids = {f.id for f in seed_functions()}

    assert {"samenwerking-lezen-wijzigen", "berichten"} <= ids


def test_expected_ids_and_key_mappings() -> None:
    by_id = {f.id: f for f in seed_functions()}

    assert by_id["samenwerking-starten"].operations == ("startSamenwerking",)
    assert by_id["ketenpartner-uitnodigen"].operations == ("inviteDeelnemer",)
    assert by_id["samenwerking-stoppen"].operations == ("updateSamenwerking",)
    assert by_id["samenwerking-verwijderen"].operations == ("deleteSamenwerking",)
    assert "listNotificaties" in by_id["overzicht-notificaties"].operations


def test_packaged_map_and_contract_agree_both_ways() -> None:
    assert function_map_problems() == []


def test_function_without_operations_is_reported() -> None:
    funcs = [
        dataclasses.replace(f, operations=()) if f.id == "document-verwijderen" else f
        for f in seed_functions()
    ]

    problems = function_map_problems(funcs)

    assert "function 'document-verwijderen' maps to no operation" in problems
    # deleteDocument is now reached by nothing either.
    assert any(
        "'deleteDocument'" in p and "reached by no function" in p for p in problems
    )


def test_unknown_operation_is_reported() -> None:
    funcs = [*seed_functions(), SeedFunction("extra", "Extra", ("sendFax",))]

    assert function_map_problems(funcs) == [
        "function 'extra' names unknown operation 'sendFax'"
    ]


def test_operation_no_function_reaches_is_reported(spec: dict[str, Any]) -> None:
    spec["paths"]["/samenwerkingen"]["head"] = {
        "operationId": "headSamenwerkingen",
        "responses": {"200": {"description": "ok"}},
    }

    assert function_map_problems(spec=spec) == [
        "operation 'headSamenwerkingen' (HEAD /samenwerkingen)"
        " is reached by no function"
    ]


def test_simulator_only_operation_needs_no_function(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/openapi.{format}"]["get"]
    del op["x-swfkit-simulator-only"]

    assert function_map_problems(spec=spec) == [
        "operation 'getOpenapiDocument' (GET /openapi.{format})"
        " is reached by no function"
    ]


def test_duplicate_function_id_is_reported() -> None:
    funcs = seed_functions()

    assert function_map_problems([*funcs, funcs[0]]) == [
        f"function id {funcs[0].id!r} appears twice"
    ]


def test_malformed_map_file_raises_contract_error(tmp_path: Path) -> None:
    bad = tmp_path / "functions.yaml"
    bad.write_text("functies:\n  - id: Geen Slug\n    titel: x\n    operations: []\n")

    with pytest.raises(ContractError, match="lowercase slug"):
        seed_functions(bad)


def test_map_file_is_read_from_a_given_path(tmp_path: Path) -> None:
    other = tmp_path / "functions.yaml"
    other.write_text(
        "functies:\n"
        "  - id: alleen-lezen\n"
        "    titel: Lezen\n"
        "    operations: [getSamenwerking]\n"
    )

    assert seed_functions(other) == [
        SeedFunction("alleen-lezen", "Lezen", ("getSamenwerking",), "seed")
    ]
