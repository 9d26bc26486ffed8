"""Routes for notificaties."""

from __future__ import annotations

from flask import Blueprint, Response, request

from swfkit.sim.services import notificaties
from swfkit.sim.web import render
from swfkit.sim.web.common import hal, hal_response, no_content, paged_response
from swfkit.sim.web.runtime import runtime

bp = Blueprint("notificaties", __name__)


@bp.get("/notificaties")
def list_notificaties() -> Response:
    """Contract operation ``listNotificaties``."""
    with runtime().reading() as ctx:
        rows = notificaties.list_visible(ctx, request.args)
        return paged_response(
            ctx, "notificaties", rows, render.notificatie, "/notificaties"
        )


@bp.get("/samenwerkingen/<samenwerking_id>/notificaties")
def list_samenwerking_notificaties(samenwerking_id: str) -> Response:
    """Contract operation ``listSamenwerkingNotificaties``."""
    with runtime().reading() as ctx:
        rows = notificaties.list_visible(ctx, {}, samenwerking_id)
        return paged_response(
            ctx,
            "notificaties",
            rows,
            render.notificatie,
            f"/samenwerkingen/{samenwerking_id}/notificaties",
        )


@bp.get("/notificaties/<notificatie_id>")
def get_notificatie(notificatie_id: str) -> Response:
    """Contract operation ``getNotificatie``."""
    with runtime().reading() as ctx:
        row = notificaties.get(ctx, notificatie_id)
        return hal_response(render.notificatie(ctx, hal(), row))


@bp.delete("/notificaties/<notificatie_id>")
def delete_notificatie(notificatie_id: str) -> Response:
    """Contract operation ``deleteNotificatie``."""
    with runtime().writing() as ctx:
        notificaties.delete(ctx, notificatie_id)
    return no_content()
