"""Wire names: one mapping, round-tripping every name in the contract."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swfkit.client.models import ALL_MODELS, SwfModel
from swfkit.client.wire import to_camel, to_snake
from swfkit.contract import load_contract


def _property_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        for name, child in (node.get("properties") or {}).items():
            names.add(name)
            names |= _property_names(child)
        for key, child in node.items():
            if key != "properties":
                names |= _property_names(child)
    elif isinstance(node, list):
        for child in node:
            names |= _property_names(child)
    return names


CONTRACT = load_contract()
WIRE_NAMES = sorted(_property_names(CONTRACT["components"]["schemas"]))


def test_contract_has_property_names_to_check():
    assert len(WIRE_NAMES) > 80
    assert {"samenwerkingId", "vertrouwelijkheidsAanduiding", "_links"} <= set(
        WIRE_NAMES
    )


@pytest.mark.parametrize("wire_name", WIRE_NAMES)
def test_every_contract_name_round_trips(wire_name):
    field = to_snake(wire_name)

    assert field.isidentifier() and not field.startswith("_")
    assert field == field.lower()
    assert to_camel(field) == wire_name


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_model_fields_match_contract_schema(model: type[SwfModel]):
    schema = CONTRACT["components"]["schemas"][model.__name__]
    aliases = {info.alias for info in model.model_fields.values()}

    assert aliases == set(schema["properties"])


def test_model_reads_wire_names_and_python_names_alike():
    from swfkit.client.models import Deelnemer

    by_wire = Deelnemer.model_validate({"deelnemerId": "d", "kvkNummer": "12345678"})
    by_name = Deelnemer(deelnemer_id="d", kvk_nummer="12345678")

    assert by_wire == by_name
    assert by_wire.model_dump(by_alias=True)["kvkNummer"] == "12345678"


_word = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
_capitalised = st.from_regex(r"[A-Z][A-Za-z0-9]{0,8}", fullmatch=True)


@given(st.lists(_word, min_size=1, max_size=5))
def test_snake_names_round_trip(words):
    snake = "_".join(words)

    assert to_snake(to_camel(snake)) == snake


@given(_word, st.lists(_capitalised, max_size=4))
def test_camel_names_round_trip(first, rest):
    camel = first + "".join(rest)

    assert to_camel(to_snake(camel)) == camel
