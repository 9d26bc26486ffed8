"""swfkit's OpenAPI 3.1 contract for the SWF, its seed-function map, and loaders.

The official SWF specification is not public, so swfkit ships its own
(``openapi.yaml`` beside this file). Every operation, schema and property is
marked ``x-swfkit-provenance`` (confirmed, observed or assumed);
``assumed_parts()`` lists what a vendor should check against the official
specification. ``functions.yaml`` maps each function of the onboarding
document to the operations that implement it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from swfkit.contract.errors import ContractError
from swfkit.contract.functions import (
    SeedFunction,
    function_map_problems,
    seed_functions,
)
from swfkit.contract.inventory import (
    PROVENANCE_VALUES,
    AssumedPart,
    Operation,
    assumed_parts,
    operations,
    provenance_problems,
)
from swfkit.contract.loading import contract_path, load_contract, validate_contract

if TYPE_CHECKING:
    from openapi_core import OpenAPI


def openapi_for_core(spec: dict[str, Any] | None = None) -> OpenAPI:
    """An ``openapi_core.OpenAPI`` for the contract; see :mod:`swfkit.contract.core`.

    Imported on first use: openapi-core and its schema libraries take seconds
    to import, which every ``swfkit`` command would otherwise pay.
    """
    from swfkit.contract.core import openapi_for_core as build

    return build(spec)


__all__ = [
    "PROVENANCE_VALUES",
    "AssumedPart",
    "ContractError",
    "Operation",
    "SeedFunction",
    "assumed_parts",
    "contract_path",
    "function_map_problems",
    "load_contract",
    "openapi_for_core",
    "operations",
    "provenance_problems",
    "seed_functions",
    "validate_contract",
]
