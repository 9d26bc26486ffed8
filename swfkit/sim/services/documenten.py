"""Documents: upload, listing, metadata, confidentiality, deletion."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

from swfkit.sim import inputs
from swfkit.sim.access import (
    can_see_document,
    document_for,
    is_initiator,
    require_open,
    samenwerking_for,
)
from swfkit.sim.blobs import StoredBlob
from swfkit.sim.context import Ctx
from swfkit.sim.notify import notify, recipients
from swfkit.sim.rules import RuleBook
from swfkit.sim.storage import Row, insert_row, update_row
from swfkit.sim.world import VerzoekFile

AANDUIDINGEN = ("RV", "SV")
MAX_FILENAME = 255
_UPLOAD_PARAMS = (
    "documentOmschrijving",
    "vertrouwelijkheidsAanduiding",
    "kenmerkSysteem",
    "nummerBinnenSysteem",
    "taal",
)
_EDITABLE = _UPLOAD_PARAMS


@dataclass(frozen=True)
class UploadMeta:
    """The metadata of an upload, read from the query before the body."""

    documentOmschrijving: str
    vertrouwelijkheidsAanduiding: str
    kenmerkSysteem: str | None
    nummerBinnenSysteem: str | None
    taal: str | None


def prepare_upload(
    ctx: Ctx, samenwerking_id: str, args: Mapping[str, str]
) -> UploadMeta:
    """Check everything that does not need the body, before streaming it."""
    meta = UploadMeta(
        documentOmschrijving=str(
            inputs.text(args, "documentOmschrijving", required=True)
        ),
        vertrouwelijkheidsAanduiding=str(
            inputs.choice(
                args, "vertrouwelijkheidsAanduiding", AANDUIDINGEN, required=True
            )
        ),
        kenmerkSysteem=args.get("kenmerkSysteem"),
        nummerBinnenSysteem=args.get("nummerBinnenSysteem"),
        taal=args.get("taal"),
    )
    sam, _ = samenwerking_for(ctx, samenwerking_id)
    require_open(ctx, sam)
    return meta


def check_filename(rules: RuleBook, name: str | None) -> str:
    """The file name, or a 400 when it is empty, a path or holds control codes."""
    name = name or ""
    problem = _filename_problem(name)
    rules.require("bestandsnaam-veilig", problem is None, problem or "", param="file")
    return name


def store_upload(
    ctx: Ctx,
    samenwerking_id: str,
    meta: UploadMeta,
    filename: str,
    formaat: str,
    blob: StoredBlob,
) -> Row:
    """Record an uploaded (already durable) content as a document."""
    sam, _ = samenwerking_for(ctx, samenwerking_id)
    require_open(ctx, sam)
    document_id = _insert(ctx, samenwerking_id, meta, filename, formaat, blob)
    doc = _row(ctx, document_id)
    announce(
        ctx, sam, doc, "DOCUMENT_TOEGEVOEGD", f"Document {filename} is toegevoegd."
    )
    return doc


def list_visible(ctx: Ctx, samenwerking_id: str, args: Mapping[str, str]) -> list[Row]:
    """The documents of a samenwerking the caller may see, oldest first."""
    _, me = samenwerking_for(ctx, samenwerking_id)
    aanduiding = inputs.choice(args, "vertrouwelijkheidsAanduiding", AANDUIDINGEN)
    rows = ctx.db.execute(
        "SELECT * FROM document WHERE samenwerkingId = ? ORDER BY seq",
        (samenwerking_id,),
    ).fetchall()
    return [
        doc
        for doc in rows
        if _matches(ctx, doc, args)
        and (aanduiding is None or doc["vertrouwelijkheidsAanduiding"] == aanduiding)
        and can_see_document(ctx, doc, me)
    ]


def _matches(ctx: Ctx, doc: Row, args: Mapping[str, str]) -> bool:
    door = doc["aangemaaktDoor"]
    return (
        args.get("aangemaaktDoor", door) == door
        and ("aangemaaktDoor[not]" not in args or args["aangemaaktDoor[not]"] != door)
        and (
            "aangemaaktDoorNaam" not in args
            or args["aangemaaktDoorNaam"] == ctx.world.naam(door)
        )
    )


def get(ctx: Ctx, document_id: str) -> Row:
    """One document the caller may see."""
    doc, _, _ = document_for(ctx, document_id)
    return doc


def update(ctx: Ctx, document_id: str, patch: dict[str, Any]) -> Row:
    """Change metadata or confidentiality (uploading organisation only)."""
    inputs.reject_unknown(patch, _EDITABLE)
    changes: dict[str, Any] = {}
    for name in _EDITABLE:
        if name in patch:
            required = name in ("documentOmschrijving", "vertrouwelijkheidsAanduiding")
            changes[name] = inputs.text(patch, name, required=required)
    if "vertrouwelijkheidsAanduiding" in changes:
        inputs.choice(patch, "vertrouwelijkheidsAanduiding", AANDUIDINGEN)
    doc, sam, _ = document_for(ctx, document_id)
    ctx.rules.require(
        "alleen-uploader-wijzigt-document",
        doc["aangemaaktDoor"] == ctx.caller.oin,
        "Alleen de organisatie die het document toevoegde wijzigt het.",
    )
    require_open(ctx, sam)
    if not changes:
        return doc

    changes.update(laatstAangepastDoor=ctx.caller.oin, laatstAangepastDatumTijd=ctx.now)
    update_row(ctx.db, "document", ("documentId", document_id), changes)
    doc = _row(ctx, document_id)
    announce(
        ctx,
        sam,
        doc,
        "DOCUMENT_GEWIJZIGD",
        f"Document {doc['bestandsNaam']} is gewijzigd.",
    )
    return doc


def delete(ctx: Ctx, document_id: str) -> str:
    """Delete a document (uploader or initiator); returns its blob name."""
    doc, sam, me = document_for(ctx, document_id)
    ctx.rules.require(
        "document-verwijderen-door-uploader-of-initiator",
        doc["aangemaaktDoor"] == me["oin"] or is_initiator(me),
        "Alleen de uploader of de initiator verwijdert een document.",
    )
    require_open(ctx, sam)
    told = recipients(ctx, sam, may_see=lambda row: can_see_document(ctx, doc, row))
    ctx.db.execute("DELETE FROM recht WHERE documentId = ?", (document_id,))
    ctx.db.execute("DELETE FROM document WHERE documentId = ?", (document_id,))
    notify(
        ctx,
        sam,
        "DOCUMENT_VERWIJDERD",
        f"Document {doc['bestandsNaam']} is verwijderd.",
        told,
        _doc_props(doc),
        document_id=document_id,
    )
    return str(doc["blob"])


def announce(
    ctx: Ctx,
    sam: Row,
    doc: Row,
    notificatie_type: str,
    tekst: str,
    extra: dict[str, Any] | None = None,
) -> None:
    """Notify every deelnemer except the actor who may now see ``doc``."""
    told = recipients(ctx, sam, may_see=lambda row: can_see_document(ctx, doc, row))
    notify(
        ctx,
        sam,
        notificatie_type,
        tekst,
        told,
        {**_doc_props(doc), **(extra or {})},
        document_id=doc["documentId"],
    )


def _doc_props(doc: Row) -> dict[str, Any]:
    return {"documentId": doc["documentId"], "documentNaam": doc["bestandsNaam"]}


def _insert(
    ctx: Ctx,
    samenwerking_id: str,
    meta: UploadMeta,
    filename: str,
    formaat: str,
    blob: StoredBlob,
) -> str:
    document_id = str(uuid.uuid4())
    insert_row(
        ctx.db,
        "document",
        {
            **asdict(meta),
            "documentId": document_id,
            "samenwerkingId": samenwerking_id,
            "bestandsNaam": filename,
            "formaat": formaat,
            "bestandsGrootte": blob.size,
            "documentHash": blob.sha256,
            "blob": blob.name,
            "aangemaaktDoor": ctx.caller.oin,
            "creatieDatumTijd": ctx.now,
            "laatstAangepastDoor": ctx.caller.oin,
            "laatstAangepastDatumTijd": ctx.now,
        },
    )
    return document_id


def _row(ctx: Ctx, document_id: str) -> Row:
    row: Row = ctx.db.execute(
        "SELECT * FROM document WHERE documentId = ?", (document_id,)
    ).fetchone()
    return row


def _filename_problem(name: str) -> str | None:
    if not name.strip():
        return "de bestandsnaam is leeg"
    if len(name) > MAX_FILENAME:
        return f"de bestandsnaam is langer dan {MAX_FILENAME} tekens"
    if "/" in name or "\\" in name or ".." in name:
        return "de bestandsnaam mag geen map, pad of '..' bevatten"
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        return "de bestandsnaam bevat stuurtekens"
    return None


def place_verzoek(
    ctx: Ctx, sam: Row, stored: list[tuple[VerzoekFile, StoredBlob]]
) -> None:
    """Put the verzoek's documents in a new dossier and tell the initiator.

    Both are marked SV: a verzoek names the applicant (a person's name and
    address), and RV is by definition free of personal data.
    """
    meta = UploadMeta(
        documentOmschrijving=f"Verzoek {sam['verzoeknummer']}",
        vertrouwelijkheidsAanduiding="SV",
        kenmerkSysteem="DSO-LV",
        nummerBinnenSysteem=sam["verzoeknummer"],
        taal="NL",
    )
    for source, blob in stored:
        _insert(
            ctx,
            sam["samenwerkingId"],
            meta,
            PurePosixPath(source.path).name,
            source.formaat,
            blob,
        )
    notify(
        ctx,
        sam,
        "VERZOEK_OPHALEN_GESLAAGD",
        f"Verzoek {sam['verzoeknummer']} staat in het dossier.",
        recipients(ctx, sam, include_actor=True),
        {"verzoeknummer": sam["verzoeknummer"]},
    )
