"""Routes for samenwerkingen and their deelnemers."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request

from swfkit.sim import inputs
from swfkit.sim.blobs import StoredBlob
from swfkit.sim.services import deelnemers, documenten, samenwerkingen
from swfkit.sim.web import render
from swfkit.sim.web.common import (
    MERGE_PATCH,
    hal,
    hal_response,
    json_body,
    no_content,
    paged_response,
)
from swfkit.sim.web.runtime import runtime
from swfkit.sim.world import VerzoekFile

logger = logging.getLogger(__name__)

bp = Blueprint("samenwerkingen", __name__)


@bp.get("/samenwerkingen")
def list_samenwerkingen() -> Response:
    """Contract operation ``listSamenwerkingen``."""
    status = inputs.choice(request.args, "status", samenwerkingen.STATUSSEN)
    with runtime().reading() as ctx:
        rows = samenwerkingen.list_for(ctx, status)
        return paged_response(
            ctx, "samenwerkingen", rows, render.samenwerking, "/samenwerkingen"
        )


@bp.post("/samenwerkingen")
def start_samenwerking() -> Response:
    """Contract operation ``startSamenwerking``."""
    body = json_body()
    rt = runtime()
    stored: list[StoredBlob] = []
    try:
        with rt.writing() as ctx:
            sam, files = samenwerkingen.start(ctx, body)
            if files:
                copies = _copy_verzoek(files, stored)
                documenten.place_verzoek(ctx, sam, copies)
            out = render.samenwerking(ctx, hal(), sam)
    except BaseException:
        rt.blobs.remove(blob.name for blob in stored)
        raise
    return hal_response(out, 201, location=out["_links"]["self"]["href"])


@bp.get("/samenwerkingen/<samenwerking_id>")
def get_samenwerking(samenwerking_id: str) -> Response:
    """Contract operation ``getSamenwerking``."""
    with runtime().reading() as ctx:
        sam = samenwerkingen.get(ctx, samenwerking_id)
        return hal_response(render.samenwerking(ctx, hal(), sam))


@bp.patch("/samenwerkingen/<samenwerking_id>")
def update_samenwerking(samenwerking_id: str) -> Response:
    """Contract operation ``updateSamenwerking``."""
    patch = json_body(MERGE_PATCH)
    with runtime().writing() as ctx:
        sam = samenwerkingen.update(ctx, samenwerking_id, patch)
        return hal_response(render.samenwerking(ctx, hal(), sam))


@bp.delete("/samenwerkingen/<samenwerking_id>")
def delete_samenwerking(samenwerking_id: str) -> Response:
    """Contract operation ``deleteSamenwerking``."""
    rt = runtime()
    with rt.writing() as ctx:
        blobs = samenwerkingen.delete(ctx, samenwerking_id)
    rt.blobs.remove(blobs)
    return no_content()


@bp.get("/samenwerkingen/<samenwerking_id>/deelnemers")
def list_deelnemers(samenwerking_id: str) -> Response:
    """Contract operation ``listDeelnemers``."""
    with runtime().reading() as ctx:
        rows = deelnemers.list_all(ctx, samenwerking_id)
        return paged_response(
            ctx,
            "deelnemers",
            rows,
            render.deelnemer,
            f"/samenwerkingen/{samenwerking_id}/deelnemers",
        )


@bp.post("/samenwerkingen/<samenwerking_id>/deelnemers")
def invite_deelnemer(samenwerking_id: str) -> Response:
    """Contract operation ``inviteDeelnemer``."""
    body = json_body()
    with runtime().writing() as ctx:
        row = deelnemers.invite(ctx, samenwerking_id, body)
        out = render.deelnemer(ctx, hal(), row)
    return hal_response(out, 201, location=out["_links"]["self"]["href"])


@bp.get("/samenwerkingen/<samenwerking_id>/deelnemers/<deelnemer_id>")
def get_deelnemer(samenwerking_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``getDeelnemer``."""
    with runtime().reading() as ctx:
        row = deelnemers.get(ctx, samenwerking_id, deelnemer_id)
        return hal_response(render.deelnemer(ctx, hal(), row))


@bp.patch("/samenwerkingen/<samenwerking_id>/deelnemers/<deelnemer_id>")
def update_deelnemer(samenwerking_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``updateDeelnemer``."""
    patch = json_body(MERGE_PATCH)
    with runtime().writing() as ctx:
        row = deelnemers.change_privilege(ctx, samenwerking_id, deelnemer_id, patch)
        return hal_response(render.deelnemer(ctx, hal(), row))


@bp.delete("/samenwerkingen/<samenwerking_id>/deelnemers/<deelnemer_id>")
def remove_deelnemer(samenwerking_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``removeDeelnemer``."""
    with runtime().writing() as ctx:
        deelnemers.remove(ctx, samenwerking_id, deelnemer_id)
    return no_content()


def _copy_verzoek(
    files: list[VerzoekFile], stored: list[StoredBlob]
) -> list[tuple[VerzoekFile, StoredBlob]]:
    rt = runtime()
    copies = []
    for source in files:
        blob = rt.blobs.copy_file(rt.world.directory / source.path)
        stored.append(blob)
        copies.append((source, blob))
    return copies
