"""``swfkit documenten``: list, show, upload, download, update, delete, rechten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from swfkit.cli.resource_output import (
    client_options,
    confirm_or_abort,
    emit_done,
    emit_json,
    emit_list,
    emit_one,
    enum_choice,
    listing,
    open_client,
    transfer_progress,
)
from swfkit.client import Toegang, Vertrouwelijkheid

COLUMNS = (
    ("document_id", "ID"),
    ("bestands_naam", "Bestand"),
    ("vertrouwelijkheids_aanduiding", "RV/SV"),
    ("bestands_grootte", "Bytes"),
    ("aangemaakt_door_naam", "Door"),
    ("creatie_datum_tijd", "Toegevoegd"),
)
RECHT_COLUMNS = (
    ("deelnemer_id", "Deelnemer"),
    ("naam", "Naam"),
    ("oin", "OIN"),
    ("toegang", "Toegang"),
)


@click.group(name="documenten")
def command() -> None:
    """Documenten: overzicht, toevoegen, downloaden, wijzigen, rechten."""


@command.command(name="list")
@click.argument("samenwerking_id")
@click.option("--vertrouwelijkheid", type=enum_choice(Vertrouwelijkheid))
@click.option("--aangemaakt-door", metavar="OIN", help="Only uploaded by this OIN.")
@client_options
def list_(
    samenwerking_id: str,
    vertrouwelijkheid: str | None,
    aangemaakt_door: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """List the documents of a samenwerking that you may see."""
    with open_client(options) as client:
        collection = client.list_documenten(
            samenwerking_id,
            vertrouwelijkheid=vertrouwelijkheid,
            aangemaakt_door=aangemaakt_door,
        )
        items = listing(collection, "documenten")
    emit_list(items, COLUMNS, as_json, f"Documenten in {samenwerking_id}")


@command.command()
@click.argument("document_id")
@client_options
def show(document_id: str, as_json: bool, **options: Any) -> None:
    """Show a document's metadata."""
    with open_client(options) as client:
        emit_one(client.get_document(document_id), as_json)


@command.command()
@click.argument("samenwerking_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--omschrijving", required=True, help="documentOmschrijving.")
@click.option(
    "--vertrouwelijkheid",
    type=enum_choice(Vertrouwelijkheid),
    required=True,
    help="RV (vertrouwelijk) or SV (strikt vertrouwelijk).",
)
@click.option("--naam", help="bestandsNaam; default the file's name.")
@click.option("--formaat", help="Media type; guessed from the name by default.")
@click.option("--kenmerk-systeem", help="Identifier of your system.")
@click.option("--nummer-binnen-systeem", help="Reference in that system.")
@click.option("--taal", help="Language code, e.g. NL.")
@client_options
def upload(
    samenwerking_id: str,
    file: Path,
    omschrijving: str,
    vertrouwelijkheid: str,
    naam: str | None,
    formaat: str | None,
    kenmerk_systeem: str | None,
    nummer_binnen_systeem: str | None,
    taal: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """Upload a file to a samenwerking (streamed, with a progress bar)."""
    with open_client(options) as client, transfer_progress(file.name) as progress:
        document = client.upload_document(
            samenwerking_id,
            file,
            omschrijving=omschrijving,
            vertrouwelijkheid=vertrouwelijkheid,
            bestandsnaam=naam,
            formaat=formaat,
            kenmerk_systeem=kenmerk_systeem,
            nummer_binnen_systeem=nummer_binnen_systeem,
            taal=taal,
            progress=progress,
        )
    emit_one(document, as_json)


@command.command()
@click.argument("document_id")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Directory (server's file name) or file path.",
)
@client_options
def download(document_id: str, output: Path, as_json: bool, **options: Any) -> None:
    """Download a document; size and hash are verified before it is kept."""
    with open_client(options) as client, transfer_progress(document_id) as progress:
        result = client.download_document(document_id, output, progress=progress)
    if as_json:
        emit_json(
            {
                "path": str(result.path),
                "size": result.size,
                "sha256": result.sha256,
                "mediaType": result.media_type,
            }
        )
    else:
        click.echo(f"{result.path} ({result.size} bytes, sha256 {result.sha256})")


@command.command()
@click.argument("document_id")
@click.option("--omschrijving", help="New documentOmschrijving.")
@click.option("--vertrouwelijkheid", type=enum_choice(Vertrouwelijkheid))
@click.option("--kenmerk-systeem")
@click.option("--nummer-binnen-systeem")
@click.option("--taal")
@client_options
def update(
    document_id: str,
    omschrijving: str | None,
    vertrouwelijkheid: str | None,
    kenmerk_systeem: str | None,
    nummer_binnen_systeem: str | None,
    taal: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """Change a document's metadata."""
    given = {
        "document_omschrijving": omschrijving,
        "vertrouwelijkheids_aanduiding": vertrouwelijkheid,
        "kenmerk_systeem": kenmerk_systeem,
        "nummer_binnen_systeem": nummer_binnen_systeem,
        "taal": taal,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        raise click.UsageError("give at least one field to change")
    with open_client(options) as client:
        emit_one(client.update_document(document_id, **changes), as_json)


@command.command()
@click.argument("document_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@client_options
def delete(document_id: str, yes: bool, as_json: bool, **options: Any) -> None:
    """Delete a document."""
    confirm_or_abort(yes, f"Delete document {document_id}?")
    with open_client(options) as client:
        client.delete_document(document_id)
    emit_done(f"{document_id} deleted.", as_json, deleted=document_id)


@command.command()
@click.argument("document_id")
@client_options
def rechten(document_id: str, as_json: bool, **options: Any) -> None:
    """List the per-document rights overrides."""
    with open_client(options) as client:
        items = listing(client.list_document_rechten(document_id), "rechten")
    emit_list(items, RECHT_COLUMNS, as_json, f"Rechten op {document_id}")


@command.command()
@click.argument("document_id")
@click.argument("deelnemer_id")
@click.argument("toegang", type=enum_choice(Toegang), required=False)
@click.option(
    "--verwijderen",
    is_flag=True,
    help="Remove the override: the privilege applies again.",
)
@client_options
def recht(
    document_id: str,
    deelnemer_id: str,
    toegang: str | None,
    verwijderen: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Set (TOEGESTAAN / GEWEIGERD) or remove one ketenpartner's right."""
    if (toegang is None) != verwijderen:
        raise click.UsageError("give TOEGANG or --verwijderen")
    with open_client(options) as client:
        if toegang is not None:
            result = client.set_document_recht(document_id, deelnemer_id, toegang)
            emit_one(result, as_json)
        else:
            client.delete_document_recht(document_id, deelnemer_id)
            emit_done(
                f"Override for {deelnemer_id} removed.", as_json, removed=deelnemer_id
            )
