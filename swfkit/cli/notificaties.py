"""``swfkit notificaties``: list, show, delete, poll."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from swfkit.cli.resource_output import (
    client_options,
    confirm_or_abort,
    emit_done,
    emit_list,
    emit_one,
    enum_choice,
    listing,
    open_client,
)
from swfkit.client import NotificatieType

COLUMNS = (
    ("event_datum_tijd", "Tijd"),
    ("notificatie_type", "Type"),
    ("samenwerking_id", "Samenwerking"),
    ("notificatie_titel", "Titel"),
    ("event_initiator_naam", "Door"),
)


class _Instant(click.ParamType):
    """An ISO 8601 date-time; without an offset it is taken as UTC."""

    name = "datetime"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            parsed = dt.datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(
                f"{value!r} is not an ISO date-time, e.g. 2024-05-01T09:00+02:00",
                param,
                ctx,
            )
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


_TYPE = enum_choice(NotificatieType)


@click.group(name="notificaties")
def command() -> None:
    """Notificaties: ophalen, nieuwe sinds de vorige keer, verwijderen."""


@command.command(name="list")
@click.option("--since", type=_Instant(), help="Only events after this instant.")
@click.option("--until", type=_Instant(), help="Only events up to this instant.")
@click.option("--samenwerking", "samenwerking_id", help="Only about this samenwerking.")
@click.option("--type", "kind", type=_TYPE, help="Only this notificatieType.")
@client_options
def list_(
    since: dt.datetime | None,
    until: dt.datetime | None,
    samenwerking_id: str | None,
    kind: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """List notifications in a time window, oldest first."""
    with open_client(options) as client:
        collection = client.list_notificaties(
            since=since, until=until, samenwerking_id=samenwerking_id, type=kind
        )
        items = listing(collection, "notificaties")
    emit_list(items, COLUMNS, as_json, "Notificaties")


@command.command()
@click.argument("notificatie_id")
@client_options
def show(notificatie_id: str, as_json: bool, **options: Any) -> None:
    """Show one notification."""
    with open_client(options) as client:
        emit_one(client.get_notificatie(notificatie_id), as_json)


@command.command()
@click.argument("notificatie_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@client_options
def delete(notificatie_id: str, yes: bool, as_json: bool, **options: Any) -> None:
    """Delete a notification."""
    confirm_or_abort(yes, f"Delete notificatie {notificatie_id}?")
    with open_client(options) as client:
        client.delete_notificatie(notificatie_id)
    emit_done(f"{notificatie_id} deleted.", as_json, deleted=notificatie_id)


@command.command()
@click.option(
    "--cursor",
    "cursor_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File that remembers the last poll (created when missing).",
)
@click.option("--samenwerking", "samenwerking_id", help="Only about this samenwerking.")
@click.option("--type", "kind", type=_TYPE, help="Only this notificatieType.")
@client_options
def poll(
    cursor_path: Path,
    samenwerking_id: str | None,
    kind: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """Show the notifications that are new since the previous poll."""
    with open_client(options) as client:
        items = client.poll_notificaties(
            cursor_path, samenwerking_id=samenwerking_id, type=kind
        )
    emit_list(items, COLUMNS, as_json, "Nieuwe notificaties")
