"""``swfkit doctor``: check certificate, configuration and access, step by step."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from swfkit.cli.options import settings_from_options, settings_options
from swfkit.config import Settings
from swfkit.doctor import CheckResult, Status, run_checks

logger = logging.getLogger(__name__)

_STYLES = {
    Status.PASS: "green",
    Status.WARN: "yellow",
    Status.FAIL: "bold red",
    Status.SKIP: "dim",
}
_SHOWN = (
    "environment",
    "base_url",
    "oin",
    "oin_header",
    "cert_path",
    "key_path",
    "pkcs12_path",
    "ca_bundle",
    "identity",
)


@click.command(name="doctor")
@settings_options
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def command(as_json: bool, **options: Any) -> None:
    """Check the certificate, configuration and SWF access, step by step.

    Exits with 1 when a check FAILs. A file that cannot be read at all (wrong
    path, wrong PKCS#12 password) stops before the checks, with one line.
    """
    settings = settings_from_options(**options)
    settings.check_files()
    results = run_checks(settings)

    if as_json:
        click.echo(json.dumps(_as_json(settings, results), indent=2))
    else:
        _print_table(settings, results)
    if any(result.status is Status.FAIL for result in results):
        sys.exit(1)


def _as_json(settings: Settings, results: list[CheckResult]) -> dict[str, Any]:
    return {
        "ok": all(result.status is not Status.FAIL for result in results),
        "settings": {
            name: {
                "value": _shown(getattr(settings, name)),
                "source": settings.source_of(name),
            }
            for name in _SHOWN
        },
        "checks": [result.to_dict() for result in results],
    }


def _print_table(settings: Settings, results: list[CheckResult]) -> None:
    console = Console()
    _print_settings(console, settings)

    counts = Counter(result.status.value for result in results)
    summary = ", ".join(
        f"{counts[s.value]} {s.value}" for s in Status if counts[s.value]
    )
    table = Table(title="swfkit doctor", caption=summary, show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("Controle", ratio=2, min_width=14)
    table.add_column("Status", no_wrap=True)
    table.add_column("Toelichting", ratio=4, overflow="fold")
    table.add_column("Hoe op te lossen", ratio=4, overflow="fold")
    for number, result in enumerate(results, start=1):
        table.add_row(
            str(number),
            Text(result.title),
            Text(result.status.value, style=_STYLES[result.status]),
            Text(result.reason),
            Text(result.fix or ""),
        )
    console.print(table)


def _print_settings(console: Console, settings: Settings) -> None:
    for name in _SHOWN:
        value = getattr(settings, name)
        if value is not None:
            source = f" ({settings.source_of(name)})"
            console.print(
                Text.assemble((f"{name}: ", "dim"), str(value), (source, "dim"))
            )


def _shown(value: object) -> str | None:
    return None if value is None else str(value)
