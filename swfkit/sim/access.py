"""Who may see what: membership, document visibility, actieverzoek parties.

Everything a caller may not see is answered as if it did not exist (404),
so a refusal never reveals that a samenwerking, document or actieverzoek is
there.
"""

from __future__ import annotations

import sqlite3

from swfkit.sim.context import Ctx
from swfkit.sim.problems import not_found
from swfkit.sim.rules import RuleBook
from swfkit.sim.storage import Row

INITIATOR = "INITIATOR"
KETENPARTNER = "KETENPARTNER"
VOLLEDIG = "VOLLEDIGE_TOEGANG"
BEPERKT = "BEPERKTE_TOEGANG"


def deelnemers(db: sqlite3.Connection, samenwerking_id: str) -> list[Row]:
    """The current deelnemers of a samenwerking, initiator first."""
    return db.execute(
        "SELECT * FROM deelnemer WHERE samenwerkingId = ? ORDER BY seq",
        (samenwerking_id,),
    ).fetchall()


def deelnemer_by_oin(
    db: sqlite3.Connection, samenwerking_id: str, oin: str
) -> Row | None:
    """The deelnemer with this OIN, if it currently takes part."""
    row: Row | None = db.execute(
        "SELECT * FROM deelnemer WHERE samenwerkingId = ? AND oin = ?",
        (samenwerking_id, oin),
    ).fetchone()
    return row


def samenwerking_for(ctx: Ctx, samenwerking_id: str) -> tuple[Row, Row]:
    """The samenwerking and the caller's deelnemer row; 404 when not a member."""
    sam: Row | None = ctx.db.execute(
        "SELECT * FROM samenwerking WHERE samenwerkingId = ?", (samenwerking_id,)
    ).fetchone()
    if sam is None:
        raise not_found()
    me = deelnemer_by_oin(ctx.db, samenwerking_id, ctx.caller.oin)
    if me is None:
        ctx.rules.require(
            "alleen-deelnemers-zien-samenwerking",
            False,
            "De samenwerking bestaat niet of is niet zichtbaar.",
        )
        me = _outsider(samenwerking_id, ctx.caller.oin)
    return sam, me


def is_initiator(me: Row) -> bool:
    """Whether this deelnemer started the samenwerking."""
    return bool(me["rol"] == INITIATOR)


def require_open(ctx: Ctx, sam: Row) -> None:
    """409 when the samenwerking is closed (read-only)."""
    ctx.rules.require(
        "gesloten-is-alleen-lezen",
        sam["status"] != "GESLOTEN",
        "De samenwerking is gesloten; alleen lezen is nog mogelijk.",
    )


def override_for(
    db: sqlite3.Connection, document_id: str, deelnemer_id: str
) -> str | None:
    """The per-document toegang for one deelnemer, if one was set."""
    row = db.execute(
        "SELECT toegang FROM recht WHERE documentId = ? AND deelnemerId = ?",
        (document_id, deelnemer_id),
    ).fetchone()
    return str(row["toegang"]) if row else None


def document_visible(
    rules: RuleBook, doc: Row, viewer: Row, override: str | None
) -> bool:
    """Whether ``viewer`` (a deelnemer row) may see ``doc``.

    The uploader and the initiator always see it. Otherwise a per-document
    override decides; without one, RV is for everyone and SV only for
    volledige toegang.
    """
    if viewer["rol"] == INITIATOR or doc["aangemaaktDoor"] == viewer["oin"]:
        return True
    if override is not None and rules.enabled("documentrecht-geldt"):
        return override == "TOEGESTAAN"
    if doc["vertrouwelijkheidsAanduiding"] == "RV":
        return True
    return viewer["privilege"] == VOLLEDIG or not rules.enabled(
        "beperkte-toegang-ziet-geen-sv"
    )


def can_see_document(ctx: Ctx, doc: Row, viewer: Row) -> bool:
    """:func:`document_visible` with the override looked up."""
    override = override_for(ctx.db, doc["documentId"], viewer["deelnemerId"])
    return document_visible(ctx.rules, doc, viewer, override)


def document_for(ctx: Ctx, document_id: str) -> tuple[Row, Row, Row]:
    """The document, its samenwerking and the caller's deelnemer row, or 404."""
    doc: Row | None = ctx.db.execute(
        "SELECT * FROM document WHERE documentId = ?", (document_id,)
    ).fetchone()
    if doc is None:
        raise not_found()
    sam, me = samenwerking_for(ctx, doc["samenwerkingId"])
    if not can_see_document(ctx, doc, me):
        raise not_found()
    return doc, sam, me


def actieverzoek_visible(av: Row, viewer: Row) -> bool:
    """Zender, ontvanger and the initiator see an actieverzoek."""
    return viewer["rol"] == INITIATOR or viewer["oin"] in (
        av["zender"],
        av["ontvanger"],
    )


def actieverzoek_for(ctx: Ctx, actieverzoek_id: str) -> tuple[Row, Row, Row]:
    """The actieverzoek, its samenwerking and the caller's deelnemer row, or 404."""
    av: Row | None = ctx.db.execute(
        "SELECT * FROM actieverzoek WHERE actieverzoekId = ?", (actieverzoek_id,)
    ).fetchone()
    if av is None:
        raise not_found()
    sam, me = samenwerking_for(ctx, av["samenwerkingId"])
    ctx.rules.require(
        "actieverzoek-zichtbaar-voor-betrokkenen",
        actieverzoek_visible(av, me),
        "Het actieverzoek bestaat niet of is niet zichtbaar.",
    )
    return av, sam, me


def _outsider(samenwerking_id: str, oin: str) -> Row:
    # Only reachable with the membership rule switched off: treat the caller
    # as a ketenpartner with beperkte toegang that nobody invited.
    return {
        "deelnemerId": "",
        "samenwerkingId": samenwerking_id,
        "rol": KETENPARTNER,
        "oin": oin,
        "privilege": BEPERKT,
    }
