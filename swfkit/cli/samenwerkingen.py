"""``swfkit samenwerkingen``: list, show, start, update, stop, delete."""

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
from swfkit.client import SamenwerkingStatus, SamenwerkVorm

COLUMNS = (
    ("samenwerking_id", "ID"),
    ("status", "Status"),
    ("titel", "Titel"),
    ("verzoeknummer", "Verzoek"),
    ("aangemaakt_door_naam", "Initiator"),
    ("creatie_datum_tijd", "Gestart"),
)

_METADATA = (
    click.option("--beschrijving", help="Description."),
    click.option("--kenmerk-systeem", help="Identifier of your zaak/VTH system."),
    click.option("--nummer-binnen-systeem", help="Reference in that system."),
    click.option("--contactpersoon-naam", help="Contact person."),
    click.option("--contactpersoon-emailadres", help="Contact e-mail address."),
    click.option("--contactpersoon-telefoonnummer", help="Contact phone number."),
    click.option("--taal", help="Language code, e.g. NL."),
)
_METADATA_NAMES = (
    "beschrijving",
    "kenmerk_systeem",
    "nummer_binnen_systeem",
    "contactpersoon_naam",
    "contactpersoon_emailadres",
    "contactpersoon_telefoonnummer",
    "taal",
)


def _metadata_options(func: Any) -> Any:
    for option in reversed(_METADATA):
        func = option(func)
    return func


def _pop_metadata(options: dict[str, Any]) -> dict[str, Any]:
    values = {name: options.pop(name) for name in _METADATA_NAMES}
    return {name: value for name, value in values.items() if value is not None}


@click.group(name="samenwerkingen")
def command() -> None:
    """Samenwerkingen: overzicht, starten, wijzigen, stoppen, verwijderen."""


@command.command(name="list")
@click.option(
    "--status", type=enum_choice(SamenwerkingStatus), help="Only this status."
)
@client_options
def list_(status: str | None, as_json: bool, **options: Any) -> None:
    """List the samenwerkingen you take part in."""
    with open_client(options) as client:
        items = listing(client.list_samenwerkingen(status=status), "samenwerkingen")
    emit_list(items, COLUMNS, as_json, "Samenwerkingen")


@command.command()
@click.argument("samenwerking_id")
@client_options
def show(samenwerking_id: str, as_json: bool, **options: Any) -> None:
    """Show one samenwerking."""
    with open_client(options) as client:
        emit_one(client.get_samenwerking(samenwerking_id), as_json)


@command.command()
@click.option("--verzoeknummer", required=True, help="The verzoek to work on.")
@click.option("--titel", required=True, help="Title of the samenwerking.")
@click.option("--samenwerk-vorm", type=enum_choice(SamenwerkVorm))
@click.option(
    "--verzoek-in-dossier",
    is_flag=True,
    help="Also put the verzoek's documents in the dossier.",
)
@_metadata_options
@client_options
def start(
    verzoeknummer: str,
    titel: str,
    samenwerk_vorm: str | None,
    verzoek_in_dossier: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Start a samenwerking on a received verzoek."""
    fields = _pop_metadata(options)
    with open_client(options) as client:
        started = client.start_samenwerking(
            verzoeknummer,
            titel,
            samenwerk_vorm=samenwerk_vorm,
            verzoek_in_dossier=verzoek_in_dossier,
            **fields,
        )
    emit_one(started, as_json)


@command.command()
@click.argument("samenwerking_id")
@click.option("--titel", help="New title.")
@_metadata_options
@client_options
def update(
    samenwerking_id: str, titel: str | None, as_json: bool, **options: Any
) -> None:
    """Change a samenwerking's metadata (initiator only)."""
    fields = _pop_metadata(options)
    if titel is not None:
        fields["titel"] = titel
    if not fields:
        raise click.UsageError("give at least one field to change, e.g. --titel")
    with open_client(options) as client:
        emit_one(client.update_samenwerking(samenwerking_id, **fields), as_json)


@command.command()
@click.argument("samenwerking_id")
@client_options
def stop(samenwerking_id: str, as_json: bool, **options: Any) -> None:
    """Stop a samenwerking: its status becomes GESLOTEN."""
    with open_client(options) as client:
        emit_one(client.stop_samenwerking(samenwerking_id), as_json)


@command.command()
@click.argument("samenwerking_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@client_options
def delete(samenwerking_id: str, yes: bool, as_json: bool, **options: Any) -> None:
    """Delete a GESLOTEN samenwerking and everything in it."""
    confirm_or_abort(yes, f"Delete {samenwerking_id} and all its documents?")
    with open_client(options) as client:
        client.delete_samenwerking(samenwerking_id)
    emit_done(f"{samenwerking_id} deleted.", as_json, deleted=samenwerking_id)
