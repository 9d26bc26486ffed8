"""Starting, reading, changing, closing and deleting samenwerkingen."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from swfkit.sim import inputs
from swfkit.sim.access import (
    INITIATOR,
    VOLLEDIG,
    is_initiator,
    require_open,
    samenwerking_for,
)
from swfkit.sim.clock import add_years, format_timestamp, parse_timestamp
from swfkit.sim.context import Ctx
from swfkit.sim.notify import notify, recipients
from swfkit.sim.problems import invalid_input
from swfkit.sim.services.deelnemers import add_deelnemer
from swfkit.sim.storage import Row, insert_row, update_row
from swfkit.sim.world import INITIATOR_ROLES, Verzoek, VerzoekFile

logger = logging.getLogger(__name__)

VORMEN = ("SAMENWERKEN_AAN_BEHANDELEN", "SAMENWERKEN_AAN_TOEZICHT_EN_HANDHAVING")
STATUSSEN = ("INITIALISATIE", "OPEN", "GESLOTEN")
# Text fields the initiator may set at start and change later.
METADATA = (
    "titel",
    "beschrijving",
    "kenmerkSysteem",
    "nummerBinnenSysteem",
    "contactpersoonNaam",
    "contactpersoonEmailadres",
    "contactpersoonTelefoonnummer",
    "taal",
)
_START_FIELDS = (*METADATA, "verzoeknummer", "samenwerkVorm", "verzoekInDossier")


def start(ctx: Ctx, body: dict[str, Any]) -> tuple[Row, list[VerzoekFile]]:
    """Start a samenwerking on a verzoek addressed to the caller.

    Returns:
        The new samenwerking row and the verzoek files to copy into the
        dossier (empty unless ``verzoekInDossier``).
    """
    inputs.reject_unknown(body, _START_FIELDS)
    verzoeknummer = inputs.text(body, "verzoeknummer", required=True)
    inputs.text(body, "titel", required=True)
    vorm = inputs.choice(body, "samenwerkVorm", VORMEN) or VORMEN[0]
    in_dossier = inputs.flag(body, "verzoekInDossier")
    org = ctx.caller.organisation
    ctx.rules.require(
        "starten-alleen-bg-of-behandeldienst",
        org.rol in INITIATOR_ROLES,
        f"{org.naam} is geen bevoegd gezag of behandeldienst.",
    )
    verzoek = ctx.world.verzoek(str(verzoeknummer))
    addressed = verzoek is not None and org.oin in verzoek.addressed_to
    ctx.rules.require(
        "verzoek-gericht-aan-initiator",
        addressed,
        "Geen ontvangen verzoek met dit nummer dat aan deze organisatie is gericht.",
        param="verzoeknummer",
    )

    row = {name: inputs.text(body, name) for name in METADATA}
    row.update(_new_row(ctx, str(verzoeknummer), vorm, verzoek))
    samenwerking_id = _insert(ctx, row)
    add_deelnemer(ctx, samenwerking_id, org, INITIATOR, VOLLEDIG)
    files = list(verzoek.files) if (in_dossier and verzoek) else []
    return get(ctx, samenwerking_id), files


def list_for(ctx: Ctx, status: str | None) -> list[Row]:
    """The samenwerkingen in which the caller takes part."""
    sql = (
        "SELECT s.* FROM samenwerking s JOIN deelnemer d"
        " ON d.samenwerkingId = s.samenwerkingId WHERE d.oin = ?"
    )
    args: list[Any] = [ctx.caller.oin]
    if status is not None:
        sql += " AND s.status = ?"
        args.append(status)
    rows: list[Row] = ctx.db.execute(sql + " ORDER BY s.seq", args).fetchall()
    return rows


def get(ctx: Ctx, samenwerking_id: str) -> Row:
    """One samenwerking the caller takes part in."""
    sam, _ = samenwerking_for(ctx, samenwerking_id)
    return sam


def update(ctx: Ctx, samenwerking_id: str, patch: dict[str, Any]) -> Row:
    """Apply a merge patch: metadata, and/or ``status`` to close."""
    inputs.reject_unknown(patch, (*METADATA, "status"))
    target = _target_status(patch)
    # titel is the one required text: it can be changed, never cleared.
    changes = {
        name: inputs.text(patch, name, required=name == "titel")
        for name in METADATA
        if name in patch
    }
    sam, me = samenwerking_for(ctx, samenwerking_id)
    _check_update(ctx, sam, me, changes, target)
    closing = target is not None and target != sam["status"]
    if not changes and not closing:
        return sam

    _apply(ctx, samenwerking_id, {**changes, **({"status": target} if closing else {})})
    sam = get(ctx, samenwerking_id)
    if changes:
        notify(
            ctx,
            sam,
            "SAMENWERKING_GEWIJZIGD",
            f"De gegevens van samenwerking {samenwerking_id} zijn gewijzigd.",
            recipients(ctx, sam),
        )
    if closing:
        notify(
            ctx,
            sam,
            "SAMENWERKING_GESLOTEN",
            f"Samenwerking {samenwerking_id} is gesloten.",
            recipients(ctx, sam),
        )
    return sam


def delete(ctx: Ctx, samenwerking_id: str) -> list[str]:
    """Delete a closed samenwerking and everything in it.

    Returns:
        The blob names the caller must remove once the transaction committed.
    """
    sam, me = samenwerking_for(ctx, samenwerking_id)
    ctx.rules.require(
        "alleen-initiator-verwijdert-samenwerking",
        is_initiator(me),
        "Alleen de initiator verwijdert de samenwerking.",
    )
    ctx.rules.require(
        "verwijderen-alleen-na-sluiten",
        sam["status"] == "GESLOTEN",
        "Sluit de samenwerking eerst (status GESLOTEN).",
    )
    told = recipients(ctx, sam)
    blobs = _purge(ctx, samenwerking_id)
    notify(
        ctx,
        sam,
        "SAMENWERKING_VERWIJDERD",
        f"Samenwerking {samenwerking_id} is verwijderd.",
        told,
    )
    return blobs


def _new_row(ctx: Ctx, verzoeknummer: str, vorm: str, verzoek: Verzoek | None) -> Row:
    """The columns of a new samenwerking besides the caller's texts."""
    created = parse_timestamp(ctx.now)
    return {
        "status": "OPEN",
        "samenwerkVorm": vorm,
        "verzoeknummer": verzoeknummer,
        "typeVerzoek": verzoek.type_verzoek if verzoek else None,
        "globaleLocatie": verzoek.globale_locatie if verzoek else None,
        "aangemaaktDoor": ctx.caller.oin,
        "creatieDatumTijd": ctx.now,
        "eindDatumTijd": format_timestamp(add_years(created, 2)),
        "laatstAangepastDoor": ctx.caller.oin,
        "laatstAangepastDatumTijd": ctx.now,
    }


def _check_update(
    ctx: Ctx, sam: Row, me: Row, changes: dict[str, Any], target: str | None
) -> None:
    if changes:
        ctx.rules.require(
            "alleen-initiator-wijzigt-samenwerking",
            is_initiator(me),
            "Alleen de initiator wijzigt de samenwerking.",
        )
    if target is not None:
        ctx.rules.require(
            "alleen-initiator-stopt",
            is_initiator(me),
            "Alleen de initiator stopt de samenwerking.",
        )
    if changes or target is not None:
        require_open(ctx, sam)
    if target is not None and target != sam["status"]:
        ctx.rules.require(
            "samenwerking-status-overgang",
            target == "GESLOTEN",
            f"Een samenwerking gaat niet van {sam['status']} naar {target}.",
        )


def _target_status(patch: dict[str, Any]) -> str | None:
    if "status" not in patch:
        return None
    value = patch["status"]
    if not isinstance(value, dict):
        raise invalid_input("status", 'verwacht {"status": "GESLOTEN"}')
    inputs.reject_unknown(
        {f"status.{k}": v for k, v in value.items()}, ("status.status",)
    )
    status = inputs.choice(value, "status", STATUSSEN, required=True)
    return status


def _insert(ctx: Ctx, row: Row) -> str:
    # The id is derived from the row's sequence number, so it is allocated
    # inside the write transaction and never reused after a delete.
    placeholder = f"NEW-{uuid.uuid4()}"
    insert_row(ctx.db, "samenwerking", {"samenwerkingId": placeholder, **row})
    seq = ctx.db.execute(
        "SELECT seq FROM samenwerking WHERE samenwerkingId = ?", (placeholder,)
    ).fetchone()["seq"]
    samenwerking_id = f"SAM-{seq}"
    update_row(
        ctx.db, "samenwerking", ("seq", seq), {"samenwerkingId": samenwerking_id}
    )
    return samenwerking_id


def _apply(ctx: Ctx, samenwerking_id: str, changes: dict[str, Any]) -> None:
    update_row(
        ctx.db,
        "samenwerking",
        ("samenwerkingId", samenwerking_id),
        {
            **changes,
            "laatstAangepastDoor": ctx.caller.oin,
            "laatstAangepastDatumTijd": ctx.now,
        },
    )


def _purge(ctx: Ctx, samenwerking_id: str) -> list[str]:
    blobs = [
        row["blob"]
        for row in ctx.db.execute(
            "SELECT blob FROM document WHERE samenwerkingId = ?", (samenwerking_id,)
        )
    ]
    ctx.db.execute(
        "DELETE FROM recht WHERE documentId IN (SELECT documentId FROM"
        " document WHERE samenwerkingId = ?)",
        (samenwerking_id,),
    )
    for table in (
        "bericht",
        "actieverzoek",
        "document",
        "notificatie",
        "deelnemer",
        "samenwerking",
    ):
        ctx.db.execute(
            f"DELETE FROM {table} WHERE samenwerkingId = ?", (samenwerking_id,)
        )
    return blobs
