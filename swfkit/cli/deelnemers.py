"""``swfkit deelnemers``: list, invite, privilege, remove."""

from __future__ import annotations

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
from swfkit.client import Privilege

COLUMNS = (
    ("deelnemer_id", "ID"),
    ("rol", "Rol"),
    ("naam", "Naam"),
    ("oin", "OIN"),
    ("kvk_nummer", "KvK"),
    ("privilege", "Privilege"),
)


@click.group(name="deelnemers")
def command() -> None:
    """Deelnemers: overzicht, ketenpartner uitnodigen, privilege, verwijderen."""


@command.command(name="list")
@click.argument("samenwerking_id")
@client_options
def list_(samenwerking_id: str, as_json: bool, **options: Any) -> None:
    """List the initiator and ketenpartners of a samenwerking."""
    with open_client(options) as client:
        items = listing(client.list_deelnemers(samenwerking_id), "deelnemers")
    emit_list(items, COLUMNS, as_json, f"Deelnemers van {samenwerking_id}")


@command.command()
@click.argument("samenwerking_id")
@click.option(
    "--ketenpartner",
    required=True,
    metavar="OIN|KVK",
    help="The partner's OIN (20 characters) or KvK-nummer (8 digits).",
)
@click.option("--privilege", type=enum_choice(Privilege), required=True)
@client_options
def invite(
    samenwerking_id: str,
    ketenpartner: str,
    privilege: str,
    as_json: bool,
    **options: Any,
) -> None:
    """Invite a ketenpartner by OIN or KvK-nummer."""
    is_kvk = len(ketenpartner) == 8
    with open_client(options) as client:
        deelnemer = client.invite_ketenpartner(
            samenwerking_id,
            oin=None if is_kvk else ketenpartner,
            kvk_nummer=ketenpartner if is_kvk else None,
            privilege=privilege,
        )
    emit_one(deelnemer, as_json)


@command.command(name="privilege")
@click.argument("samenwerking_id")
@click.argument("deelnemer_id")
@click.argument("privilege", type=enum_choice(Privilege))
@client_options
def change_privilege(
    samenwerking_id: str,
    deelnemer_id: str,
    privilege: str,
    as_json: bool,
    **options: Any,
) -> None:
    """Change a ketenpartner's privilege."""
    with open_client(options) as client:
        deelnemer = client.change_privilege(samenwerking_id, deelnemer_id, privilege)
    emit_one(deelnemer, as_json)


@command.command()
@click.argument("samenwerking_id")
@click.argument("deelnemer_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@client_options
def remove(
    samenwerking_id: str, deelnemer_id: str, yes: bool, as_json: bool, **options: Any
) -> None:
    """Remove a ketenpartner: they lose all access at once."""
    confirm_or_abort(yes, f"Remove {deelnemer_id} from {samenwerking_id}?")
    with open_client(options) as client:
        client.remove_ketenpartner(samenwerking_id, deelnemer_id)
    emit_done(
        f"{deelnemer_id} removed from {samenwerking_id}.", as_json, removed=deelnemer_id
    )
