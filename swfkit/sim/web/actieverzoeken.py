"""Routes for actieverzoeken and their berichten."""

from __future__ import annotations

from flask import Blueprint, Response, request

from swfkit.sim.services import actieverzoeken
from swfkit.sim.web import render
from swfkit.sim.web.common import (
    MERGE_PATCH,
    hal,
    hal_response,
    json_body,
    paged_response,
)
from swfkit.sim.web.runtime import runtime

bp = Blueprint("actieverzoeken", __name__)


@bp.post("/samenwerkingen/<samenwerking_id>/actieverzoeken")
def create_actieverzoek(samenwerking_id: str) -> Response:
    """Contract operation ``createActieverzoek``."""
    body = json_body()
    with runtime().writing() as ctx:
        row = actieverzoeken.create(ctx, samenwerking_id, body)
        out = render.actieverzoek(ctx, hal(), row)
    return hal_response(out, 201, location=out["_links"]["self"]["href"])


@bp.get("/actieverzoeken")
def list_actieverzoeken() -> Response:
    """Contract operation ``listActieverzoeken``."""
    with runtime().reading() as ctx:
        rows = actieverzoeken.list_visible(ctx, request.args)
        return paged_response(
            ctx, "actieverzoeken", rows, render.actieverzoek, "/actieverzoeken"
        )


@bp.get("/actieverzoeken/<actieverzoek_id>")
def get_actieverzoek(actieverzoek_id: str) -> Response:
    """Contract operation ``getActieverzoek``."""
    with runtime().reading() as ctx:
        row = actieverzoeken.get(ctx, actieverzoek_id)
        return hal_response(render.actieverzoek(ctx, hal(), row))


@bp.patch("/actieverzoeken/<actieverzoek_id>")
def update_actieverzoek(actieverzoek_id: str) -> Response:
    """Contract operation ``updateActieverzoek``."""
    patch = json_body(MERGE_PATCH)
    with runtime().writing() as ctx:
        row = actieverzoeken.update(ctx, actieverzoek_id, patch)
        return hal_response(render.actieverzoek(ctx, hal(), row))


@bp.get("/actieverzoeken/<actieverzoek_id>/berichten")
def list_berichten(actieverzoek_id: str) -> Response:
    """Contract operation ``listBerichten``."""
    with runtime().reading() as ctx:
        rows = actieverzoeken.list_berichten(ctx, actieverzoek_id)
        return paged_response(
            ctx,
            "berichten",
            rows,
            render.bericht,
            f"/actieverzoeken/{actieverzoek_id}/berichten",
        )


@bp.post("/actieverzoeken/<actieverzoek_id>/berichten")
def create_bericht(actieverzoek_id: str) -> Response:
    """Contract operation ``createBericht``."""
    body = json_body()
    with runtime().writing() as ctx:
        row = actieverzoeken.add_bericht(ctx, actieverzoek_id, body)
        out = render.bericht(ctx, hal(), row)
    return hal_response(out, 201, location=out["_links"]["self"]["href"])


@bp.get("/actieverzoeken/<actieverzoek_id>/berichten/<bericht_id>")
def get_bericht(actieverzoek_id: str, bericht_id: str) -> Response:
    """Contract operation ``getBericht``."""
    with runtime().reading() as ctx:
        row = actieverzoeken.get_bericht(ctx, actieverzoek_id, bericht_id)
        return hal_response(render.bericht(ctx, hal(), row))
