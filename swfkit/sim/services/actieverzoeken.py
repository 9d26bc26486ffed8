"""Actieverzoeken between deelnemers, their transitions and berichten."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from swfkit.sim import inputs
from swfkit.sim.access import (
    actieverzoek_for,
    actieverzoek_visible,
    can_see_document,
    deelnemer_by_oin,
    require_open,
    samenwerking_for,
)
from swfkit.sim.context import Ctx
from swfkit.sim.notify import notify, recipients
from swfkit.sim.problems import invalid_input, not_found
from swfkit.sim.storage import Row, insert_row, update_row

STATUSSEN = (
    "OPEN",
    "IN_BEHANDELING",
    "GEWEIGERD",
    "GEREEDGEMELD",
    "GEREED",
    "INGETROKKEN",
)
# (party, from, to): the ontvanger handles, the zender accepts or withdraws.
TRANSITIONS: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("ontvanger", "OPEN", "IN_BEHANDELING"),
        ("ontvanger", "OPEN", "GEWEIGERD"),
        ("ontvanger", "IN_BEHANDELING", "GEWEIGERD"),
        ("ontvanger", "OPEN", "GEREEDGEMELD"),
        ("ontvanger", "IN_BEHANDELING", "GEREEDGEMELD"),
        ("zender", "GEREEDGEMELD", "GEREED"),
        ("zender", "OPEN", "INGETROKKEN"),
        ("zender", "IN_BEHANDELING", "INGETROKKEN"),
        ("zender", "GEREEDGEMELD", "INGETROKKEN"),
    }
)
# The _links name of each target status.
LINK_NAMES = {
    "IN_BEHANDELING": "behandelen",
    "GEWEIGERD": "weigeren",
    "GEREEDGEMELD": "gereedmelden",
    "GEREED": "accepteren",
    "INGETROKKEN": "intrekken",
}
_TEXTS = ("titel", "omschrijving", "productId")


def party(av: Row, oin: str) -> str | None:
    """``"zender"``, ``"ontvanger"`` or None for this OIN."""
    if av["zender"] == oin:
        return "zender"
    if av["ontvanger"] == oin:
        return "ontvanger"
    return None


def allowed_targets(av: Row, oin: str) -> list[str]:
    """The statuses this OIN may move the actieverzoek to now."""
    role = party(av, oin)
    return [
        to
        for (who, frm, to) in sorted(TRANSITIONS)
        if who == role and frm == av["status"]
    ]


def create(ctx: Ctx, samenwerking_id: str, body: dict[str, Any]) -> Row:
    """Send an actieverzoek to one other current deelnemer."""
    fields = _new_fields(body)
    sam, me = samenwerking_for(ctx, samenwerking_id)
    require_open(ctx, sam)
    ontvanger = fields["ontvanger"]
    ctx.rules.require(
        "actieverzoek-aan-andere-deelnemer",
        ontvanger != me["oin"]
        and deelnemer_by_oin(ctx.db, samenwerking_id, ontvanger) is not None,
        "De ontvanger is geen andere deelnemer van deze samenwerking.",
        param="ontvanger",
    )
    _check_documents(ctx, samenwerking_id, me, json.loads(fields["documenten"]))

    actieverzoek_id = str(uuid.uuid4())
    insert_row(
        ctx.db,
        "actieverzoek",
        {
            **fields,
            "actieverzoekId": actieverzoek_id,
            "samenwerkingId": samenwerking_id,
            "status": "OPEN",
            "zender": me["oin"],
            "creatieDatumTijd": ctx.now,
            "laatstAangepastDoor": me["oin"],
            "laatstAangepastDatumTijd": ctx.now,
        },
    )
    av = _row(ctx, actieverzoek_id)
    announce(
        ctx, sam, av, "ACTIEVERZOEK_ONTVANGEN", f"Nieuw actieverzoek: {av['titel']}."
    )
    return av


def list_visible(ctx: Ctx, args: Mapping[str, str]) -> list[Row]:
    """The actieverzoeken the caller may see, optionally filtered."""
    status = inputs.choice(args, "status", STATUSSEN)
    organisatie = inputs.oin_value(args.get("organisatie"), "organisatie")
    # A filter: a samenwerking the caller is not in simply matches nothing
    # (the contract has no 404 here, and neither does /notificaties).
    samenwerking_id = args.get("samenwerkingId")
    rows = ctx.db.execute(
        "SELECT a.*, d.rol AS _rol, d.oin AS _oin, d.privilege AS _privilege"
        " FROM actieverzoek a JOIN deelnemer d ON d.samenwerkingId = a.samenwerkingId"
        " AND d.oin = ? ORDER BY a.seq",
        (ctx.caller.oin,),
    ).fetchall()
    return [
        _strip(av)
        for av in rows
        if actieverzoek_visible(av, {"rol": av["_rol"], "oin": av["_oin"]})
        and (samenwerking_id is None or av["samenwerkingId"] == samenwerking_id)
        and (status is None or av["status"] == status)
        and (organisatie is None or organisatie in (av["zender"], av["ontvanger"]))
    ]


def get(ctx: Ctx, actieverzoek_id: str) -> Row:
    """One actieverzoek the caller may see."""
    av, _, _ = actieverzoek_for(ctx, actieverzoek_id)
    return av


def update(ctx: Ctx, actieverzoek_id: str, patch: dict[str, Any]) -> Row:
    """Apply a merge patch: a status transition with melding, and/or texts."""
    inputs.reject_unknown(patch, ("status", "melding", *_TEXTS))
    changes: dict[str, Any] = {
        name: inputs.text(patch, name, required=name != "productId")
        for name in _TEXTS
        if name in patch
    }
    target = inputs.choice(patch, "status", STATUSSEN)
    av, sam, me = actieverzoek_for(ctx, actieverzoek_id)
    if changes:
        ctx.rules.require(
            "alleen-zender-wijzigt-actieverzoek",
            party(av, me["oin"]) == "zender",
            "Alleen de zender wijzigt het actieverzoek.",
        )
    if target is not None:
        _check_transition(ctx, av, me, target)
        changes["status"] = target
    require_open(ctx, sam)
    if "melding" in patch:
        changes["melding"] = inputs.text(patch, "melding")
    if not changes:
        return av

    changes.update(laatstAangepastDoor=me["oin"], laatstAangepastDatumTijd=ctx.now)
    update_row(ctx.db, "actieverzoek", ("actieverzoekId", actieverzoek_id), changes)
    new = _row(ctx, actieverzoek_id)
    if target is not None:
        announce(
            ctx,
            sam,
            new,
            "STATUS_ACTIEVERZOEK_GEWIJZIGD",
            f"Actieverzoek {new['titel']}: {av['status']} → {target}.",
            {"actieverzoekStatusOud": av["status"], "actieverzoekStatusNieuw": target},
        )
    return new


def list_berichten(ctx: Ctx, actieverzoek_id: str) -> list[Row]:
    """The berichten on an actieverzoek the caller may see, oldest first."""
    actieverzoek_for(ctx, actieverzoek_id)
    rows: list[Row] = ctx.db.execute(
        "SELECT * FROM bericht WHERE actieverzoekId = ? ORDER BY seq",
        (actieverzoek_id,),
    ).fetchall()
    return rows


def get_bericht(ctx: Ctx, actieverzoek_id: str, bericht_id: str) -> Row:
    """One bericht on an actieverzoek the caller may see."""
    actieverzoek_for(ctx, actieverzoek_id)
    row: Row | None = ctx.db.execute(
        "SELECT * FROM bericht WHERE actieverzoekId = ? AND berichtId = ?",
        (actieverzoek_id, bericht_id),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


def add_bericht(ctx: Ctx, actieverzoek_id: str, body: dict[str, Any]) -> Row:
    """Post a bericht from one party of the actieverzoek to the other."""
    inputs.reject_unknown(body, ("bericht",))
    inhoud = inputs.text(body, "bericht", required=True)
    av, sam, me = actieverzoek_for(ctx, actieverzoek_id)
    role = party(av, me["oin"])
    ctx.rules.require(
        "bericht-tussen-zender-en-ontvanger",
        role is not None,
        "Alleen zender en ontvanger wisselen berichten uit.",
    )
    require_open(ctx, sam)

    bericht_id = str(uuid.uuid4())
    insert_row(
        ctx.db,
        "bericht",
        {
            "berichtId": bericht_id,
            "actieverzoekId": actieverzoek_id,
            "samenwerkingId": av["samenwerkingId"],
            "inhoud": inhoud,
            "zender": me["oin"],
            "ontvanger": av["ontvanger"] if role == "zender" else av["zender"],
            "creatieDatumTijd": ctx.now,
        },
    )
    announce(
        ctx,
        sam,
        av,
        "NIEUW_BERICHT",
        f"Nieuw bericht bij actieverzoek {av['titel']}.",
        {"berichtId": bericht_id},
    )
    return get_bericht(ctx, actieverzoek_id, bericht_id)


def count_visible(ctx: Ctx, samenwerking_id: str, me: Row) -> int:
    """How many actieverzoeken of a samenwerking this deelnemer sees."""
    rows = ctx.db.execute(
        "SELECT zender, ontvanger FROM actieverzoek WHERE samenwerkingId = ?",
        (samenwerking_id,),
    )
    return sum(1 for av in rows if actieverzoek_visible(av, me))


def _check_transition(ctx: Ctx, av: Row, me: Row, target: str) -> None:
    role = party(av, me["oin"])
    reachable_by_role = {to for (who, _, to) in TRANSITIONS if who == role}
    reachable_at_all = {to for (_, _, to) in TRANSITIONS}
    right_party = target in reachable_by_role or target not in reachable_at_all
    ctx.rules.require(
        "actieverzoek-overgang-door-juiste-partij",
        right_party,
        f"Deze organisatie mag het actieverzoek niet naar {target} zetten.",
    )
    ctx.rules.require(
        "actieverzoek-overgang-toegestaan",
        (role, av["status"], target) in TRANSITIONS,
        f"Van {av['status']} naar {target} is geen toegestane overgang.",
    )


def _check_documents(
    ctx: Ctx, samenwerking_id: str, me: Row, documenten: list[str]
) -> None:
    for document_id in documenten:
        doc = ctx.db.execute(
            "SELECT * FROM document WHERE documentId = ? AND samenwerkingId = ?",
            (document_id, samenwerking_id),
        ).fetchone()
        ok = doc is not None and can_see_document(ctx, doc, me)
        ctx.rules.require(
            "actieverzoek-documenten-in-samenwerking",
            ok,
            f"Document {document_id} hoort niet bij deze samenwerking.",
            param="documenten",
        )


def _new_fields(body: dict[str, Any]) -> dict[str, Any]:
    """The checked fields of a new actieverzoek, as columns."""
    inputs.reject_unknown(
        body, (*_TEXTS, "ontvanger", "uiterlijkeReactieDatum", "documenten")
    )
    fields: dict[str, Any] = {
        name: inputs.text(body, name, required=name != "productId") for name in _TEXTS
    }
    ontvanger = inputs.text(body, "ontvanger", required=True)
    fields["ontvanger"] = inputs.oin_value(ontvanger, "ontvanger")
    fields["uiterlijkeReactieDatum"] = _date(
        inputs.text(body, "uiterlijkeReactieDatum")
    )
    fields["documenten"] = json.dumps(inputs.string_list(body, "documenten"))
    return fields


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise invalid_input("uiterlijkeReactieDatum", "verwacht JJJJ-MM-DD") from exc


def announce(
    ctx: Ctx,
    sam: Row,
    av: Row,
    notificatie_type: str,
    tekst: str,
    extra: dict[str, Any] | None = None,
) -> None:
    told = recipients(ctx, sam, may_see=lambda row: actieverzoek_visible(av, row))
    notify(
        ctx,
        sam,
        notificatie_type,
        tekst,
        told,
        {
            "actieverzoekId": av["actieverzoekId"],
            "actieverzoekTitel": av["titel"],
            **(extra or {}),
        },
    )


def _row(ctx: Ctx, actieverzoek_id: str) -> Row:
    row: Row = ctx.db.execute(
        "SELECT * FROM actieverzoek WHERE actieverzoekId = ?", (actieverzoek_id,)
    ).fetchone()
    return row


def _strip(row: Row) -> Row:
    return {k: v for k, v in row.items() if not k.startswith("_")}
