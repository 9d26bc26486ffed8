"""What the resource subcommands share: options, client, output, progress.

Human output is a rich table on stdout; ``--json`` prints the wire form
(camelCase, as the API sends it) for scripts. Progress bars go to stderr and
only when it is a terminal, so piped output stays clean.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from swfkit.cli.options import settings_from_options, settings_options
from swfkit.client import Client
from swfkit.client.models import SwfModel
from swfkit.client.paging import Collection

F = TypeVar("F", bound=Callable[..., Any])
ProgressCallback = Callable[[int, int | None], None]


def client_options(func: F) -> F:
    """The settings options plus ``--json``, for every resource subcommand."""
    func = click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (wire names) for scripts."
    )(func)
    return settings_options(func)


def open_client(options: dict[str, Any]) -> Client:
    """A client from the settings options; configuration errors end here."""
    return Client(settings_from_options(**options))


class _WireChoice(click.Choice):
    """A choice of wire values that accepts any case and shows upper case."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        return super().convert(str(value).upper(), param, ctx)


def enum_choice(enum: type[Enum]) -> click.Choice:
    """A click choice of an enum's wire values (``sv`` is taken as ``SV``)."""
    return _WireChoice([str(member.value) for member in enum])


def stderr_console() -> Console:
    """The console for progress bars and notes (never stdout)."""
    return Console(stderr=True)


# --- output ----------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list | tuple):
        return ", ".join(_cell(item) for item in value)
    return str(value)


def wire_json(item: SwfModel) -> dict[str, Any]:
    """A model as the API sends it, for ``--json``."""
    return item.model_dump(mode="json", by_alias=True, exclude_none=True)


def emit_json(data: Any) -> None:
    """Print JSON on stdout."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


#: A table column: (model field, header).
Column = tuple[str, str]


def emit_list(
    items: Iterable[SwfModel], columns: Sequence[Column], as_json: bool, title: str
) -> None:
    """Print models as a table (the given fields) or as a JSON array."""
    rows = list(items)
    if as_json:
        emit_json([wire_json(item) for item in rows])
        return

    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for _, header in columns:
        table.add_column(header)
    for item in rows:
        table.add_row(*(_cell(getattr(item, field)) for field, _ in columns))
    Console().print(table)


def emit_one(item: SwfModel, as_json: bool) -> None:
    """Print one model: every set field as a row, or JSON."""
    if as_json:
        emit_json(wire_json(item))
        return

    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for name in type(item).model_fields:
        value = getattr(item, name)
        if name != "links" and value not in (None, [], {}):
            table.add_row(name, _cell(value))
    Console().print(table)


def emit_done(message: str, as_json: bool, **data: Any) -> None:
    """Confirm an action that returns nothing (a delete)."""
    if as_json:
        emit_json(data)
    else:
        click.echo(message)


# --- progress --------------------------------------------------------------------


@contextmanager
def transfer_progress(description: str) -> Iterator[ProgressCallback]:
    """A byte progress bar on stderr; yields the callback to hand the client."""
    console = stderr_console()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task(description, total=None)

        def update(done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def listing(collection: Collection[Any], description: str) -> list[Any]:
    """Fetch every page, with an item-count progress bar on stderr."""
    console = stderr_console()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task(description, total=None)
        collection.on_progress(
            lambda done, total: progress.update(task, completed=done, total=total)
        )
        return list(collection)


def confirm_or_abort(yes: bool, question: str) -> None:
    """Ask before destroying something, unless ``--yes`` was given."""
    if not yes:
        click.confirm(question, abort=True, err=True)
