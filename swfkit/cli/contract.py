"""``swfkit contract``: where the contract is, is it valid, what is assumed."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.table import Table

from swfkit.contract import (
    AssumedPart,
    ContractError,
    assumed_parts,
    contract_path,
    function_map_problems,
    load_contract,
    operations,
    provenance_problems,
    seed_functions,
    validate_contract,
)

logger = logging.getLogger(__name__)

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)

ASSUMED_NOTE = (
    "The official SWF specification is not public. The parts below are "
    "swfkit's assumptions: check each against the official specification "
    "before you rely on it."
)

_SECTION_TITLES = {
    "operation": "Operations",
    "parameters": "Request parameters",
    "headers": "Response headers",
}


@click.group(name="contract")
def command() -> None:
    """swfkit's OpenAPI 3.1 contract for the SWF."""


@command.command(name="path")
def path_command() -> None:
    """Print the path of the packaged contract (openapi.yaml)."""
    click.echo(str(contract_path()))


@command.command(name="validate")
@click.argument("file", required=False, type=_FILE)
def validate_command(file: Path | None) -> None:
    """Check FILE (default: the packaged contract) against OpenAPI.

    A document with swfkit's provenance marks is also checked for complete
    marks and, for the packaged contract, for a complete function map.
    """
    source = file or contract_path()
    try:
        validate_contract(file)
    except ContractError as exc:
        _fail(str(exc), exc.problems)

    spec = load_contract(file)
    problems = _swfkit_problems(spec, packaged=file is None)
    if problems:
        _fail(f"{source}: valid OpenAPI, but swfkit's checks found problems", problems)
    click.echo(
        f"{source}: valid OpenAPI {spec.get('openapi')}, "
        f"{len(operations(spec))} operations"
    )


def _swfkit_problems(spec: dict[str, Any], *, packaged: bool) -> list[str]:
    marked = any(op.provenance is not None for op in operations(spec))
    if not marked:
        return []
    problems = provenance_problems(spec)
    if packaged:
        problems += function_map_problems(spec=spec)
    return problems


def _fail(headline: str, problems: list[str]) -> NoReturn:
    click.echo(f"swfkit: {headline}", err=True)
    for problem in problems:
        click.echo(f"  - {problem}", err=True)
    sys.exit(1)


@command.command(name="assumed")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--contract", "file", type=_FILE, help="Another swfkit contract file.")
def assumed_command(as_json: bool, file: Path | None) -> None:
    """List every part of the contract that is an assumption."""
    spec = load_contract(file)
    parts = assumed_parts(spec)
    if as_json:
        click.echo(json.dumps(_assumed_json(spec, file, parts), indent=2))
        return
    click.echo(ASSUMED_NOTE)
    click.echo(f"Contract: {file or contract_path()} ({_version(spec)})")
    for title, group in _sections(parts):
        click.echo(f"\n{title}")
        _echo_group(group)
    click.echo(f"\n{len(parts)} assumed parts.")


def _echo_group(group: list[AssumedPart]) -> None:
    """One line per part; a schema's source once, not on every property."""
    if group[0].kind in ("schema", "property", "value"):
        if group[0].source:
            click.echo(f"  source: {group[0].source}")
        for part in group:
            if part.kind != "schema":
                click.echo(f"  {part.location}")
        return
    for part in group:
        click.echo(f"  {part.location}" + (f"  ({part.source})" if part.source else ""))


def _version(spec: dict[str, Any]) -> str:
    return f"version {(spec.get('info') or {}).get('version', '?')}"


def _assumed_json(
    spec: dict[str, Any], file: Path | None, parts: list[AssumedPart]
) -> dict[str, Any]:
    return {
        "note": ASSUMED_NOTE,
        "contract": str(file or contract_path()),
        "version": (spec.get("info") or {}).get("version"),
        "parts": [
            {
                "kind": p.kind,
                "location": p.location,
                "group": p.group,
                "source": p.source,
            }
            for p in parts
        ],
    }


def _sections(parts: list[AssumedPart]) -> list[tuple[str, list[AssumedPart]]]:
    """Operations first, then parameters and headers, then one per schema."""
    sections: dict[str, list[AssumedPart]] = {}
    for part in parts:
        key = "operation" if part.kind == "operation" else part.group
        sections.setdefault(key, []).append(part)

    ordered = [key for key in _SECTION_TITLES if key in sections]
    ordered += [key for key in sections if key not in _SECTION_TITLES]
    return [(_section_title(key, sections[key]), sections[key]) for key in ordered]


def _section_title(key: str, group: list[AssumedPart]) -> str:
    if key in _SECTION_TITLES:
        return _SECTION_TITLES[key]
    whole = any(part.kind == "schema" for part in group)
    return f"Schema {key}" + (" (the whole schema is assumed)" if whole else "")


@command.command(name="functions")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def functions_command(as_json: bool) -> None:
    """Show each SWF function of the onboarding document and its operations."""
    by_id = {op.operation_id: op for op in operations()}
    funcs = seed_functions()
    if as_json:
        rows = [
            {
                "id": f.id,
                "titel": f.titel,
                "bron": f.bron,
                "operations": list(f.operations),
            }
            for f in funcs
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return

    table = Table(title="SWF functions and the operations that carry them out")
    table.add_column("Functie", overflow="fold")
    table.add_column("Titel", overflow="fold")
    table.add_column("Operations", overflow="fold")
    for func in funcs:
        lines = [
            f"{op_id}: {by_id[op_id].location}"
            if op_id in by_id
            else f"{op_id}: (missing)"
            for op_id in func.operations
        ]
        table.add_row(func.id, func.titel, "\n".join(lines))
    Console().print(table)
