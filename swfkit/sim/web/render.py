"""Database rows to wire resources, with names and per-caller links."""

from __future__ import annotations

import json
from typing import Any

from swfkit.sim.access import INITIATOR, deelnemer_by_oin
from swfkit.sim.context import Ctx
from swfkit.sim.services import actieverzoeken, notificaties
from swfkit.sim.storage import Row
from swfkit.sim.web.hal import Hal

_DOELEN = {
    "SAMENWERKEN_AAN_BEHANDELEN": "BEHANDELEN",
    "SAMENWERKEN_AAN_TOEZICHT_EN_HANDHAVING": "TOEZICHT_EN_HANDHAVING",
}
_NAMED = (
    "aangemaaktDoor",
    "laatstAangepastDoor",
    "zender",
    "ontvanger",
    "eventInitiator",
    "deelnemer",
)
_INTERNAL = ("seq", "blob")


def samenwerking(ctx: Ctx, hal: Hal, sam: Row) -> dict[str, Any]:
    """A samenwerking as the caller sees it, with its counters and links."""
    sid = sam["samenwerkingId"]
    me = deelnemer_by_oin(ctx.db, sid, ctx.caller.oin)
    body = _plain(ctx, sam)
    body.update(
        status={"status": sam["status"]},
        samenwerkDoel=_DOELEN.get(sam["samenwerkVorm"]),
        oloVerzoeknummer=None,
        bronVerzoek="DSO_LV",
        aantalActieverzoeken=actieverzoeken.count_visible(ctx, sid, me) if me else 0,
        aantalNotificaties=notificaties.count_for(ctx, sid),
    )
    base = f"/samenwerkingen/{sid}"
    links = {
        "self": hal.link(base),
        "deelnemers": hal.link(f"{base}/deelnemers"),
        "documenten": hal.link(f"{base}/documenten"),
        "actieverzoeken": hal.link("/actieverzoeken", [("samenwerkingId", sid)]),
        "notificaties": hal.link(f"{base}/notificaties"),
    }
    if sam["status"] != "GESLOTEN":
        links["documentToevoegen"] = hal.link(f"{base}/documenten")
        links["actieverzoekOpstellen"] = hal.link(f"{base}/actieverzoeken")
    body["_links"] = links
    return body


def deelnemer(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """A deelnemer with its organisation's name."""
    body = _plain(ctx, row)
    body["naam"] = ctx.world.naam(row["oin"])
    base = f"/samenwerkingen/{row['samenwerkingId']}"
    body["_links"] = {
        "self": hal.link(f"{base}/deelnemers/{row['deelnemerId']}"),
        "samenwerking": hal.link(base),
    }
    return body


def document(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """A document's metadata; the rechten link only for who may set rights."""
    body = _plain(ctx, row)
    base = f"/documenten/{row['documentId']}"
    links = {
        "self": hal.link(base),
        "content": hal.link(f"{base}/content"),
        "samenwerking": hal.link(f"/samenwerkingen/{row['samenwerkingId']}"),
    }
    me = deelnemer_by_oin(ctx.db, row["samenwerkingId"], ctx.caller.oin)
    if me is not None and (
        me["rol"] == INITIATOR or row["aangemaaktDoor"] == ctx.caller.oin
    ):
        links["rechten"] = hal.link(f"{base}/rechten")
    body["_links"] = links
    return body


def recht(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """A per-document override."""
    stored = ctx.db.execute(
        "SELECT gewijzigdDoor, gewijzigdDatumTijd FROM recht WHERE documentId = ?"
        " AND deelnemerId = ?",
        (row["documentId"], row["deelnemerId"]),
    ).fetchone()
    doc_path = f"/documenten/{row['documentId']}"
    sam_id = ctx.db.execute(
        "SELECT samenwerkingId FROM document WHERE documentId = ?", (row["documentId"],)
    ).fetchone()["samenwerkingId"]
    return {
        "documentId": row["documentId"],
        "deelnemerId": row["deelnemerId"],
        "oin": row["oin"],
        "naam": ctx.world.naam(row["oin"]),
        "toegang": row["toegang"],
        "laatstAangepastDoor": stored["gewijzigdDoor"],
        "laatstAangepastDoorNaam": ctx.world.naam(stored["gewijzigdDoor"]),
        "laatstAangepastDatumTijd": stored["gewijzigdDatumTijd"],
        "_links": {
            "self": hal.link(f"{doc_path}/rechten/{row['deelnemerId']}"),
            "document": hal.link(doc_path),
            "deelnemer": hal.link(
                f"/samenwerkingen/{sam_id}/deelnemers/{row['deelnemerId']}"
            ),
        },
    }


def actieverzoek(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """An actieverzoek with the transitions the caller may make now."""
    body = _plain(ctx, row)
    body["documenten"] = json.loads(row["documenten"])
    body["aantalBerichten"] = ctx.db.execute(
        "SELECT COUNT(*) AS n FROM bericht WHERE actieverzoekId = ?",
        (row["actieverzoekId"],),
    ).fetchone()["n"]
    base = f"/actieverzoeken/{row['actieverzoekId']}"
    links = {
        "self": hal.link(base),
        "samenwerking": hal.link(f"/samenwerkingen/{row['samenwerkingId']}"),
        "berichten": hal.link(f"{base}/berichten"),
    }
    status = ctx.db.execute(
        "SELECT status FROM samenwerking WHERE samenwerkingId = ?",
        (row["samenwerkingId"],),
    ).fetchone()["status"]
    if status != "GESLOTEN":
        for target in actieverzoeken.allowed_targets(row, ctx.caller.oin):
            links[actieverzoeken.LINK_NAMES[target]] = hal.link(base)
    body["_links"] = links
    return body


def bericht(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """A bericht on an actieverzoek."""
    body = _plain(ctx, row)
    base = f"/actieverzoeken/{row['actieverzoekId']}"
    body["_links"] = {
        "self": hal.link(f"{base}/berichten/{row['berichtId']}"),
        "actieverzoek": hal.link(base),
    }
    return body


def notificatie(ctx: Ctx, hal: Hal, row: Row) -> dict[str, Any]:
    """A notificatie; links to its samenwerking while that exists."""
    body = _plain(ctx, row)
    del body["documentId"]
    body["properties"] = json.loads(row["properties"])
    links = {"self": hal.link(f"/notificaties/{row['notificatieId']}")}
    if row["notificatieType"] != "SAMENWERKING_VERWIJDERD":
        links["samenwerking"] = hal.link(f"/samenwerkingen/{row['samenwerkingId']}")
    body["_links"] = links
    return body


def _plain(ctx: Ctx, row: Row) -> dict[str, Any]:
    body = {k: v for k, v in row.items() if k not in _INTERNAL}
    for field in _NAMED:
        if field in row:
            body[f"{field}Naam"] = ctx.world.naam(row[field])
    return body
