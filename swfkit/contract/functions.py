"""The seed-function map: which operations carry out each SWF function."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from swfkit.contract.errors import ContractError
from swfkit.contract.inventory import Operation, operations
from swfkit.contract.loading import read_yaml_mapping

logger = logging.getLogger(__name__)

_PACKAGED = Path(__file__).with_name("functions.yaml")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SeedFunction:
    """One function of the SWF as the onboarding document names it.

    Attributes:
        id: A slug, for example ``samenwerking-starten``.
        titel: The Dutch wording of the onboarding document.
        operations: operationIds in the contract that carry it out.
        bron: Where the function comes from: ``seed`` or ``contract.md``.
    """

    id: str
    titel: str
    operations: tuple[str, ...]
    bron: str = "seed"


def seed_functions(path: Path | None = None) -> list[SeedFunction]:
    """The functions of the SWF and the operations that carry them out.

    Args:
        path: A function map to read; the packaged ``functions.yaml`` when
            omitted.

    Raises:
        ContractError: The file is unreadable or an entry is malformed.
    """
    if path is None:
        return list(_packaged())
    return _parse(read_yaml_mapping(Path(path)), str(path))


@functools.cache
def _packaged() -> tuple[SeedFunction, ...]:
    return tuple(_parse(read_yaml_mapping(_PACKAGED), str(_PACKAGED)))


def _parse(data: dict[str, Any], source: str) -> list[SeedFunction]:
    entries = data.get("functies")
    if not isinstance(entries, list):
        raise ContractError("expected a list under 'functies'", source=source)
    return [_entry(item, index, source) for index, item in enumerate(entries)]


def _entry(item: Any, index: int, source: str) -> SeedFunction:
    where = f"functies[{index}]"
    if not isinstance(item, dict):
        raise ContractError(f"{where} is not a mapping", source=source)
    ident, titel, ops = item.get("id"), item.get("titel"), item.get("operations")
    if not isinstance(ident, str) or not _SLUG.match(ident):
        raise ContractError(f"{where}: 'id' must be a lowercase slug", source=source)
    if not isinstance(titel, str) or not titel.strip():
        raise ContractError(f"{where} ({ident}): 'titel' is missing", source=source)
    if not isinstance(ops, list) or not all(isinstance(op, str) for op in ops):
        raise ContractError(
            f"{where} ({ident}): 'operations' must be a list of operationIds",
            source=source,
        )
    return SeedFunction(ident, titel, tuple(ops), str(item.get("bron", "seed")))


def function_map_problems(
    functions: Iterable[SeedFunction] | None = None,
    spec: dict[str, Any] | None = None,
) -> list[str]:
    """Check the function map against the contract, both ways.

    Every function must map to at least one operation, every operationId it
    names must exist, and every SWF operation (all but the simulator's own)
    must be reachable from some function.

    Args:
        functions: The map to check; the packaged one when omitted.
        spec: The contract to check against; the packaged one when omitted.

    Returns:
        One line per problem; empty when the map is complete.
    """
    funcs = list(seed_functions() if functions is None else functions)
    ops = operations(spec)
    known = {op.operation_id for op in ops}
    problems = _duplicate_ids(funcs)

    for func in funcs:
        if not func.operations:
            problems.append(f"function {func.id!r} maps to no operation")
        for op_id in func.operations:
            if op_id not in known:
                problems.append(
                    f"function {func.id!r} names unknown operation {op_id!r}"
                )

    reached = {op_id for func in funcs for op_id in func.operations}
    problems.extend(
        f"operation {op.operation_id!r} ({op.location}) is reached by no function"
        for op in _swf_operations(ops)
        if op.operation_id not in reached
    )
    return problems


def _duplicate_ids(funcs: list[SeedFunction]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for func in funcs:
        if func.id in seen:
            problems.append(f"function id {func.id!r} appears twice")
        seen.add(func.id)
    return problems


def _swf_operations(ops: list[Operation]) -> list[Operation]:
    return [op for op in ops if not op.simulator_only]
