"""What a report says about the contract a run was checked against."""

from __future__ import annotations

import logging
from typing import Any

from swfkit.conformance.manifest import sha256_file
from swfkit.conformance.results import FunctionInfo

logger = logging.getLogger(__name__)


def contract_stamp() -> dict[str, Any]:
    """Version and SHA-256 of the packaged contract document."""
    from swfkit.contract import contract_path, load_contract

    info = load_contract().get("info", {})
    return {"versie": info.get("version"), "sha256": sha256_file(contract_path())}


def function_infos() -> list[FunctionInfo]:
    """The seed functions in the seed's order, for grouping the report."""
    from swfkit.contract import seed_functions

    return [FunctionInfo(f.id, f.titel, list(f.operations)) for f in seed_functions()]


def assumed_locations() -> list[str]:
    """Every part of the contract that is swfkit's assumption, as locations."""
    from swfkit.contract import assumed_parts

    return [part.location for part in assumed_parts()]
