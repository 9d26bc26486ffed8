"""``swfkit actieverzoeken``: list, show, create, transitions, berichten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from swfkit.cli.resource_output import (
    client_options,
    emit_list,
    emit_one,
    enum_choice,
    listing,
    open_client,
)
from swfkit.client import Actieverzoek, ActieverzoekStatus, Client

COLUMNS = (
    ("actieverzoek_id", "ID"),
    ("status", "Status"),
    ("titel", "Titel"),
    ("zender_naam", "Zender"),
    ("ontvanger_naam", "Ontvanger"),
    ("uiterlijke_reactie_datum", "Uiterlijk"),
)
BERICHT_COLUMNS = (
    ("creatie_datum_tijd", "Verstuurd"),
    ("zender_naam", "Zender"),
    ("inhoud", "Bericht"),
)


@click.group(name="actieverzoeken")
def command() -> None:
    """Actieverzoeken: overzicht, uitzetten, behandelen, gereedmelden, berichten."""


@command.command(name="list")
@click.option("--samenwerking", "samenwerking_id", help="Only in this samenwerking.")
@click.option("--organisatie", metavar="OIN", help="Only sent by or to this OIN.")
@click.option("--status", type=enum_choice(ActieverzoekStatus))
@client_options
def list_(
    samenwerking_id: str | None,
    organisatie: str | None,
    status: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """List actieverzoeken you sent, received or initiated."""
    with open_client(options) as client:
        collection = client.list_actieverzoeken(
            samenwerking_id=samenwerking_id, organisatie=organisatie, status=status
        )
        items = listing(collection, "actieverzoeken")
    emit_list(items, COLUMNS, as_json, "Actieverzoeken")


@command.command()
@click.argument("actieverzoek_id")
@client_options
def show(actieverzoek_id: str, as_json: bool, **options: Any) -> None:
    """Show one actieverzoek."""
    with open_client(options) as client:
        emit_one(client.get_actieverzoek(actieverzoek_id), as_json)


@command.command()
@click.argument("samenwerking_id")
@click.option("--titel", required=True)
@click.option("--omschrijving", required=True, help="What is asked.")
@click.option("--ontvanger", required=True, metavar="OIN", help="Receiving deelnemer.")
@click.option("--product-id", help="The product asked for.")
@click.option(
    "--uiterlijke-reactie-datum",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Answer wanted by (YYYY-MM-DD).",
)
@click.option(
    "--document",
    "documenten",
    multiple=True,
    metavar="DOCUMENT_ID",
    help="A document the request is about (repeatable).",
)
@client_options
def create(
    samenwerking_id: str,
    titel: str,
    omschrijving: str,
    ontvanger: str,
    product_id: str | None,
    uiterlijke_reactie_datum: dt.datetime | None,
    documenten: tuple[str, ...],
    as_json: bool,
    **options: Any,
) -> None:
    """Send an actieverzoek to another deelnemer."""
    deadline = uiterlijke_reactie_datum.date() if uiterlijke_reactie_datum else None
    with open_client(options) as client:
        actieverzoek = client.create_actieverzoek(
            samenwerking_id,
            titel=titel,
            omschrijving=omschrijving,
            ontvanger=ontvanger,
            product_id=product_id,
            uiterlijke_reactie_datum=deadline,
            documenten=documenten,
        )
    emit_one(actieverzoek, as_json)


Transition = Callable[[Client, str, str | None], Actieverzoek]

_TRANSITIONS: dict[str, tuple[Transition, str]] = {
    "accept": (
        Client.accept_actieverzoek,
        "Take an actieverzoek in behandeling (ontvanger).",
    ),
    "refuse": (Client.refuse_actieverzoek, "Refuse an actieverzoek (ontvanger)."),
    "done": (
        Client.report_actieverzoek_done,
        "Report an actieverzoek gereed (ontvanger).",
    ),
    "approve": (
        Client.approve_actieverzoek,
        "Accept a gereedmelding: status GEREED (zender).",
    ),
    "withdraw": (Client.withdraw_actieverzoek, "Withdraw an actieverzoek (zender)."),
}


def _transition_command(name: str, method: Transition, help_text: str) -> None:
    @command.command(name=name, help=help_text)
    @click.argument("actieverzoek_id")
    @click.option("--melding", help="A note with the status change.")
    @client_options
    def run(
        actieverzoek_id: str, melding: str | None, as_json: bool, **options: Any
    ) -> None:
        with open_client(options) as client:
            emit_one(method(client, actieverzoek_id, melding), as_json)


for _name, (_method, _help) in _TRANSITIONS.items():
    _transition_command(_name, _method, _help)


@command.command()
@click.argument("actieverzoek_id")
@client_options
def berichten(actieverzoek_id: str, as_json: bool, **options: Any) -> None:
    """List the berichten on an actieverzoek."""
    with open_client(options) as client:
        items = listing(client.list_berichten(actieverzoek_id), "berichten")
    emit_list(items, BERICHT_COLUMNS, as_json, f"Berichten bij {actieverzoek_id}")


@command.command()
@click.argument("actieverzoek_id")
@click.argument("tekst")
@client_options
def bericht(actieverzoek_id: str, tekst: str, as_json: bool, **options: Any) -> None:
    """Send a bericht on an actieverzoek."""
    with open_client(options) as client:
        emit_one(client.send_bericht(actieverzoek_id, tekst), as_json)
