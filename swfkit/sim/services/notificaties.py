"""Reading and deleting the caller's notificaties.

A stored notificatie is shown only while its recipient may still see its
subject: a removed ketenpartner no longer sees those of that samenwerking,
and nobody sees one about a document hidden from them. Only the notice that
a samenwerking was deleted outlives the samenwerking.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from swfkit.sim import inputs
from swfkit.sim.access import can_see_document, deelnemer_by_oin, samenwerking_for
from swfkit.sim.clock import format_timestamp, parse_timestamp
from swfkit.sim.context import Ctx
from swfkit.sim.notify import TITELS
from swfkit.sim.problems import invalid_input, not_found
from swfkit.sim.storage import Row

GT = "eventDatumTijd[gt]"
LTE = "eventDatumTijd[lte]"
_ORDER = " ORDER BY eventDatumTijd, seq"


def list_visible(
    ctx: Ctx, args: Mapping[str, str], samenwerking_id: str | None = None
) -> list[Row]:
    """The caller's notificaties, oldest first, filtered by the query."""
    if samenwerking_id is not None:
        samenwerking_for(ctx, samenwerking_id)
    samenwerking_id = samenwerking_id or args.get("samenwerkingId")
    sql, params = "SELECT * FROM notificatie WHERE deelnemer = ?", [ctx.caller.oin]
    for column, value in (
        ("samenwerkingId", samenwerking_id),
        ("notificatieType", inputs.choice(args, "notificatieType", TITELS)),
    ):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    for name, operator in ((GT, ">"), (LTE, "<=")):
        if args.get(name) is not None:
            sql += f" AND eventDatumTijd {operator} ?"
            params.append(_moment(args[name], name))
    rows = ctx.db.execute(sql + _ORDER, params).fetchall()
    return [row for row in rows if _visible(ctx, row)]


def count_for(ctx: Ctx, samenwerking_id: str) -> int:
    """How many notificaties of this samenwerking the caller has."""
    return len(list_visible(ctx, {}, samenwerking_id))


def get(ctx: Ctx, notificatie_id: str) -> Row:
    """One of the caller's notificaties."""
    row: Row | None = ctx.db.execute(
        "SELECT * FROM notificatie WHERE notificatieId = ?", (notificatie_id,)
    ).fetchone()
    if row is None:
        raise not_found()
    mine = row["deelnemer"] == ctx.caller.oin
    ctx.rules.require(
        "notificatie-alleen-voor-ontvanger",
        mine,
        "De notificatie bestaat niet of is niet zichtbaar.",
    )
    if not _visible(ctx, row, check_recipient=False):
        raise not_found()
    return row


def delete(ctx: Ctx, notificatie_id: str) -> None:
    """Delete one of the caller's notificaties."""
    get(ctx, notificatie_id)
    ctx.db.execute("DELETE FROM notificatie WHERE notificatieId = ?", (notificatie_id,))


def _visible(ctx: Ctx, row: Row, *, check_recipient: bool = True) -> bool:
    if check_recipient and row["deelnemer"] != ctx.caller.oin:
        return False
    if row["notificatieType"] == "SAMENWERKING_VERWIJDERD":
        return True
    me = deelnemer_by_oin(ctx.db, row["samenwerkingId"], ctx.caller.oin)
    if me is None:
        return not ctx.rules.enabled("alleen-deelnemers-zien-samenwerking")
    if row["documentId"] is None:
        return True
    doc = ctx.db.execute(
        "SELECT * FROM document WHERE documentId = ?", (row["documentId"],)
    ).fetchone()
    return doc is None or can_see_document(ctx, doc, me)


def _moment(value: Any, name: str) -> str:
    try:
        return format_timestamp(parse_timestamp(str(value)))
    except ValueError as exc:
        raise invalid_input(name, "verwacht een ISO 8601 datum-tijd") from exc
