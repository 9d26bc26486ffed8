"""Notificaties: one per event for each deelnemer who may see its subject.

A notificatie is stored per recipient. Whether it is still shown is decided
when it is read (see :mod:`swfkit.sim.services.notificaties`): a recipient
who left the samenwerking, or who can no longer see the document it is
about, no longer sees it.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from swfkit.sim.access import deelnemers
from swfkit.sim.context import Ctx
from swfkit.sim.storage import Row, insert_row

logger = logging.getLogger(__name__)

TITELS: dict[str, str] = {
    "UITNODIGING_KETENPARTNER": "Uitnodiging voor een samenwerking",
    "DOCUMENT_TOEGEVOEGD": "Document toegevoegd",
    "DOCUMENT_GEWIJZIGD": "Document gewijzigd",
    "DOCUMENT_VERWIJDERD": "Document verwijderd",
    "DOCUMENT_RECHTEN_GEWIJZIGD": "Rechten op document gewijzigd",
    "STATUS_ACTIEVERZOEK_GEWIJZIGD": "Status van actieverzoek gewijzigd",
    "ACTIEVERZOEK_ONTVANGEN": "Actieverzoek ontvangen",
    "NIEUW_BERICHT": "Nieuw bericht bij actieverzoek",
    "VERZOEK_OPHALEN_GESLAAGD": "Verzoek in het dossier geplaatst",
    "PRIVILEGE_GEWIJZIGD": "Privilege gewijzigd",
    "KETENPARTNER_VERWIJDERD": "Ketenpartner verwijderd",
    "SAMENWERKING_GEWIJZIGD": "Samenwerking gewijzigd",
    "SAMENWERKING_GESLOTEN": "Samenwerking gesloten",
    "SAMENWERKING_VERWIJDERD": "Samenwerking verwijderd",
}


def recipients(
    ctx: Ctx,
    sam: Row,
    *,
    may_see: Callable[[Row], bool] | None = None,
    include_actor: bool = False,
) -> list[Row]:
    """Current deelnemers other than the actor who may see the subject."""
    chosen = []
    for row in deelnemers(ctx.db, sam["samenwerkingId"]):
        if row["oin"] == ctx.caller.oin and not include_actor:
            continue
        if may_see is None or may_see(row):
            chosen.append(row)
    return chosen


def notify(
    ctx: Ctx,
    sam: Row,
    notificatie_type: str,
    tekst: str,
    to: Iterable[Row],
    properties: dict[str, Any] | None = None,
    *,
    document_id: str | None = None,
) -> int:
    """Store one notificatie of ``notificatie_type`` per recipient.

    Returns:
        How many were stored.
    """
    event = {
        "notificatieType": notificatie_type,
        "samenwerkingId": sam["samenwerkingId"],
        "samenwerkVorm": sam["samenwerkVorm"],
        "notificatieTitel": TITELS[notificatie_type],
        "notificatieTekst": tekst,
        "eventInitiator": ctx.caller.oin,
        "eventDatumTijd": ctx.now,
        "properties": _properties(ctx, sam, properties or {}),
        "documentId": document_id,
    }
    count = 0
    for row in to:
        insert_row(
            ctx.db,
            "notificatie",
            {"notificatieId": str(uuid.uuid4()), "deelnemer": row["oin"], **event},
        )
        count += 1
    logger.debug("%s: %d notificatie(s)", notificatie_type, count)
    return count


def _properties(ctx: Ctx, sam: Row, extra: dict[str, Any]) -> str:
    """The ``properties`` JSON: context every notificatie has, plus ``extra``."""
    props = {
        "samenwerkingNaam": sam["titel"],
        "verzoeknummer": sam["verzoeknummer"],
        "eventInitiatorNaam": ctx.world.naam(ctx.caller.oin),
        **extra,
    }
    return json.dumps(
        {k: v for k, v in props.items() if v is not None}, ensure_ascii=False
    )
