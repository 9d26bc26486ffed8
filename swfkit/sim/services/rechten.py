"""Per-document rights: override one ketenpartner's privilege for one document."""

from __future__ import annotations

from typing import Any

from swfkit.sim import inputs
from swfkit.sim.access import (
    INITIATOR,
    document_for,
    is_initiator,
    override_for,
    require_open,
)
from swfkit.sim.context import Ctx
from swfkit.sim.problems import not_found
from swfkit.sim.services.documenten import announce
from swfkit.sim.storage import Row

TOEGANG = ("TOEGESTAAN", "GEWEIGERD")
_SELECT = (
    "SELECT r.documentId, r.deelnemerId, r.toegang, d.oin, d.privilege"
    " FROM recht r JOIN deelnemer d ON d.deelnemerId = r.deelnemerId"
)


def list_for(ctx: Ctx, document_id: str) -> list[Row]:
    """The overrides on a document the caller may see."""
    document_for(ctx, document_id)
    rows: list[Row] = ctx.db.execute(
        f"{_SELECT} WHERE r.documentId = ? ORDER BY d.seq", (document_id,)
    ).fetchall()
    return rows


def get(ctx: Ctx, document_id: str, deelnemer_id: str) -> Row:
    """The override for one deelnemer on a document the caller may see."""
    document_for(ctx, document_id)
    return _one(ctx, document_id, deelnemer_id)


def put(
    ctx: Ctx, document_id: str, deelnemer_id: str, body: dict[str, Any]
) -> tuple[Row, bool]:
    """Set TOEGESTAAN or GEWEIGERD for one ketenpartner on one document.

    Returns:
        The override and whether it is new.
    """
    inputs.reject_unknown(body, ("toegang",))
    toegang = inputs.choice(body, "toegang", TOEGANG, required=True)
    doc, sam, target = _authorised(ctx, document_id, deelnemer_id)
    created = override_for(ctx.db, document_id, deelnemer_id) is None
    ctx.db.execute(
        "INSERT INTO recht (documentId, deelnemerId, toegang, gewijzigdDoor,"
        " gewijzigdDatumTijd) VALUES (?,?,?,?,?) ON CONFLICT (documentId,"
        " deelnemerId) DO UPDATE SET toegang = excluded.toegang,"
        " gewijzigdDoor = excluded.gewijzigdDoor,"
        " gewijzigdDatumTijd = excluded.gewijzigdDatumTijd",
        (document_id, deelnemer_id, toegang, ctx.caller.oin, ctx.now),
    )
    _announce(ctx, sam, doc, target, toegang)
    return _one(ctx, document_id, deelnemer_id), created


def delete(ctx: Ctx, document_id: str, deelnemer_id: str) -> None:
    """Remove an override; the ketenpartner's privilege decides again."""
    doc, sam, target = _authorised(ctx, document_id, deelnemer_id)
    _one(ctx, document_id, deelnemer_id)
    ctx.db.execute(
        "DELETE FROM recht WHERE documentId = ? AND deelnemerId = ?",
        (document_id, deelnemer_id),
    )
    _announce(ctx, sam, doc, target, None)


def _authorised(ctx: Ctx, document_id: str, deelnemer_id: str) -> tuple[Row, Row, Row]:
    doc, sam, me = document_for(ctx, document_id)
    target: Row | None = ctx.db.execute(
        "SELECT * FROM deelnemer WHERE deelnemerId = ? AND samenwerkingId = ?",
        (deelnemer_id, sam["samenwerkingId"]),
    ).fetchone()
    if target is None:
        raise not_found()
    ctx.rules.require(
        "documentrechten-door-initiator-of-uploader",
        is_initiator(me) or doc["aangemaaktDoor"] == me["oin"],
        "Alleen de initiator of de uploader past documentrechten aan.",
    )
    require_open(ctx, sam)
    ctx.rules.require(
        "documentrechten-alleen-voor-ketenpartners",
        target["rol"] != INITIATOR,
        "De initiator ziet altijd alle documenten.",
    )
    return doc, sam, target


def _one(ctx: Ctx, document_id: str, deelnemer_id: str) -> Row:
    row: Row | None = ctx.db.execute(
        f"{_SELECT} WHERE r.documentId = ? AND r.deelnemerId = ?",
        (document_id, deelnemer_id),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


def _announce(ctx: Ctx, sam: Row, doc: Row, target: Row, toegang: str | None) -> None:
    naam = ctx.world.naam(target["oin"])
    what = f"staat nu op {toegang}" if toegang else "is teruggezet naar het privilege"
    announce(
        ctx,
        sam,
        doc,
        "DOCUMENT_RECHTEN_GEWIJZIGD",
        f"Het recht van {naam} op {doc['bestandsNaam']} {what}.",
        {
            "deelnemer": target["oin"],
            "deelnemerNaam": naam,
            "rechten": toegang or "PRIVILEGE",
        },
    )
