"""Inviting, re-privileging and removing ketenpartners."""

from __future__ import annotations

import uuid
from typing import Any

from swfkit.oin import kvk_to_hrn
from swfkit.sim import inputs
from swfkit.sim.access import (
    INITIATOR,
    KETENPARTNER,
    deelnemer_by_oin,
    deelnemers,
    is_initiator,
    require_open,
    samenwerking_for,
)
from swfkit.sim.context import Ctx
from swfkit.sim.notify import notify, recipients
from swfkit.sim.problems import invalid_input, not_found
from swfkit.sim.storage import Row, insert_row
from swfkit.sim.world import Organisation

PRIVILEGES = ("BEPERKTE_TOEGANG", "VOLLEDIGE_TOEGANG")


def list_all(ctx: Ctx, samenwerking_id: str) -> list[Row]:
    """Everyone who currently takes part, initiator first."""
    samenwerking_for(ctx, samenwerking_id)
    return deelnemers(ctx.db, samenwerking_id)


def get(ctx: Ctx, samenwerking_id: str, deelnemer_id: str) -> Row:
    """One current deelnemer of a samenwerking the caller takes part in."""
    samenwerking_for(ctx, samenwerking_id)
    return _deelnemer(ctx, samenwerking_id, deelnemer_id)


def invite(ctx: Ctx, samenwerking_id: str, body: dict[str, Any]) -> Row:
    """Invite an organisation, by OIN or KvK number, with a privilege."""
    inputs.reject_unknown(body, ("oin", "kvkNummer", "privilege"))
    privilege = str(inputs.choice(body, "privilege", PRIVILEGES, required=True))
    oin, kvk = _invitee_ids(body)
    sam, me = samenwerking_for(ctx, samenwerking_id)
    ctx.rules.require(
        "alleen-initiator-nodigt-uit",
        is_initiator(me),
        "Alleen de initiator nodigt ketenpartners uit.",
    )
    require_open(ctx, sam)
    org = _invitee(ctx, oin, kvk)
    ctx.rules.require(
        "geen-zelf-uitnodiging",
        org.oin != me["oin"],
        "De initiator kan zichzelf niet uitnodigen.",
        param="oin" if oin else "kvkNummer",
    )
    ctx.rules.require(
        "geen-dubbele-deelnemer",
        deelnemer_by_oin(ctx.db, samenwerking_id, org.oin) is None,
        f"{org.naam} neemt al deel aan deze samenwerking.",
    )

    deelnemer_id = add_deelnemer(ctx, samenwerking_id, org, KETENPARTNER, privilege)
    _touch(ctx, samenwerking_id)
    notify(
        ctx,
        sam,
        "UITNODIGING_KETENPARTNER",
        f"{org.naam} is uitgenodigd voor samenwerking {samenwerking_id}.",
        recipients(ctx, sam),
        {"deelnemer": org.oin, "deelnemerNaam": org.naam, "privilege": privilege},
    )
    return _deelnemer(ctx, samenwerking_id, deelnemer_id)


def change_privilege(
    ctx: Ctx, samenwerking_id: str, deelnemer_id: str, patch: dict[str, Any]
) -> Row:
    """Give a ketenpartner beperkte or volledige toegang."""
    inputs.reject_unknown(patch, ("privilege",))
    privilege = inputs.choice(patch, "privilege", PRIVILEGES, required=True)
    sam, me = samenwerking_for(ctx, samenwerking_id)
    target = _deelnemer(ctx, samenwerking_id, deelnemer_id)
    ctx.rules.require(
        "alleen-initiator-wijzigt-privilege",
        is_initiator(me),
        "Alleen de initiator wijzigt privileges.",
    )
    require_open(ctx, sam)
    ctx.rules.require(
        "initiator-blijft-deelnemer",
        target["rol"] != INITIATOR,
        "De initiator houdt altijd volledige toegang.",
    )
    if privilege == target["privilege"]:
        return target

    ctx.db.execute(
        "UPDATE deelnemer SET privilege = ? WHERE deelnemerId = ?",
        (privilege, deelnemer_id),
    )
    _touch(ctx, samenwerking_id)
    naam = ctx.world.naam(target["oin"])
    notify(
        ctx,
        sam,
        "PRIVILEGE_GEWIJZIGD",
        f"Het privilege van {naam} is nu {privilege}.",
        recipients(ctx, sam),
        {"deelnemer": target["oin"], "deelnemerNaam": naam, "privilege": privilege},
    )
    return _deelnemer(ctx, samenwerking_id, deelnemer_id)


def remove(ctx: Ctx, samenwerking_id: str, deelnemer_id: str) -> None:
    """Remove a ketenpartner; it loses all access at once."""
    sam, me = samenwerking_for(ctx, samenwerking_id)
    target = _deelnemer(ctx, samenwerking_id, deelnemer_id)
    ctx.rules.require(
        "alleen-initiator-verwijdert-ketenpartner",
        is_initiator(me),
        "Alleen de initiator verwijdert ketenpartners.",
    )
    require_open(ctx, sam)
    ctx.rules.require(
        "initiator-blijft-deelnemer",
        target["rol"] != INITIATOR,
        "De initiator kan niet worden verwijderd.",
    )

    ctx.db.execute("DELETE FROM recht WHERE deelnemerId = ?", (deelnemer_id,))
    ctx.db.execute("DELETE FROM deelnemer WHERE deelnemerId = ?", (deelnemer_id,))
    _touch(ctx, samenwerking_id)
    naam = ctx.world.naam(target["oin"])
    notify(
        ctx,
        sam,
        "KETENPARTNER_VERWIJDERD",
        f"{naam} neemt niet meer deel aan samenwerking {samenwerking_id}.",
        recipients(ctx, sam),
        {"deelnemer": target["oin"], "deelnemerNaam": naam},
    )


def add_deelnemer(
    ctx: Ctx, samenwerking_id: str, org: Organisation, rol: str, privilege: str
) -> str:
    """Store a new deelnemer; the caller invited it (unless it is the initiator)."""
    deelnemer_id = str(uuid.uuid4())
    insert_row(
        ctx.db,
        "deelnemer",
        {
            "deelnemerId": deelnemer_id,
            "samenwerkingId": samenwerking_id,
            "rol": rol,
            "oin": org.oin,
            "kvkNummer": org.kvk_nummer,
            "privilege": privilege,
            "uitgenodigdDoor": None if rol == INITIATOR else ctx.caller.oin,
            "uitnodigingDatumTijd": ctx.now,
        },
    )
    return deelnemer_id


def _invitee_ids(body: dict[str, Any]) -> tuple[str | None, str | None]:
    oin = inputs.oin_value(inputs.text(body, "oin"), "oin")
    kvk = inputs.kvk_value(inputs.text(body, "kvkNummer"), "kvkNummer")
    if oin is None and kvk is None:
        raise invalid_input("oin", "geef oin of kvkNummer")
    if oin is not None and kvk is not None and kvk_to_hrn(kvk) != oin:
        raise invalid_input("kvkNummer", "hoort niet bij dit oin")
    return oin, kvk


def _invitee(ctx: Ctx, oin: str | None, kvk: str | None) -> Organisation:
    org = ctx.world.organisation(oin) if oin else ctx.world.by_kvk(str(kvk))
    name = "oin" if oin else "kvkNummer"
    ctx.rules.require(
        "uitgenodigde-organisatie-bekend",
        org is not None,
        "Deze organisatie is niet bekend bij de SWF.",
        param=name,
    )
    if org is None:  # only with the rule switched off: nothing to invite
        raise invalid_input(name, "onbekende organisatie")
    return org


def _deelnemer(ctx: Ctx, samenwerking_id: str, deelnemer_id: str) -> Row:
    row: Row | None = ctx.db.execute(
        "SELECT * FROM deelnemer WHERE deelnemerId = ? AND samenwerkingId = ?",
        (deelnemer_id, samenwerking_id),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


def _touch(ctx: Ctx, samenwerking_id: str) -> None:
    ctx.db.execute(
        "UPDATE samenwerking SET laatstAangepastDoor = ?, laatstAangepastDatumTijd = ?"
        " WHERE samenwerkingId = ?",
        (ctx.caller.oin, ctx.now, samenwerking_id),
    )
