"""``swfkit cassettes``: check recorded traffic against a specification."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from swfkit.conformance.check import CheckReport, check_cassettes

logger = logging.getLogger(__name__)

_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group(name="cassettes")
def command() -> None:
    """Recorded requests and responses (vcrpy cassettes)."""


@command.command(name="check")
@click.option(
    "--dir",
    "directory",
    type=_DIR,
    default=Path("cassettes"),
    show_default=True,
    help="The cassette folder.",
)
@click.option(
    "--spec",
    type=_FILE,
    help="An OpenAPI document to check against (default: swfkit's contract).",
)
@click.option(
    "--base-url",
    help="The base URL the cassettes were recorded under (default: from opname.json).",
)
def check_command(directory: Path, spec: Path | None, base_url: str | None) -> None:
    """Validate every recorded request and response against the contract or SPEC.

    Each mismatch is listed with its cassette and interaction number. Exits
    with 1 when anything does not validate.
    """
    from swfkit.contract import load_contract

    document = load_contract(spec) if spec else None
    report = check_cassettes(directory, spec=document, base_url=base_url)
    _print(report, spec)
    if not report.ok:
        sys.exit(1)


def _print(report: CheckReport, spec: Path | None) -> None:
    console = Console()
    against = str(spec) if spec else "swfkit's contract"
    if report.mismatches:
        table = Table(title=f"Mismatches against {against}")
        for column in ("Cassette", "#", "Request", "Status", "Part", "Problem"):
            table.add_column(column, overflow="fold")
        for m in report.mismatches:
            table.add_row(
                m.cassette,
                str(m.interaction),
                f"{m.method} {m.path}",
                str(m.status),
                m.part,
                m.message,
            )
        console.print(table)
    verdict = "ok" if report.ok else "not ok"
    click.echo(
        f"{verdict}: {report.cassettes} cassettes, {report.interactions} "
        f"interactions checked against {against}, "
        f"{len(report.mismatches)} mismatch(es)"
    )
