"""Small helpers the blueprints share: bodies, responses, paging."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from flask import Response, request

from swfkit.sim import inputs
from swfkit.sim.context import Ctx
from swfkit.sim.problems import Problem, invalid_json
from swfkit.sim.storage import Row
from swfkit.sim.web.hal import Hal, collection, page_slice
from swfkit.sim.web.runtime import runtime

HAL_JSON = "application/hal+json"
MERGE_PATCH = "application/merge-patch+json"
JSON = "application/json"
# Bodies of JSON operations are small; anything bigger is refused unread.
MAX_JSON_BYTES = 1024 * 1024


def hal() -> Hal:
    """Link builder for the URL the client used."""
    return Hal(request.host_url.rstrip("/") + runtime().world.settings.base_path)


def json_body(media_type: str = JSON) -> dict[str, Any]:
    """The request body as a JSON object (415 / 400 when it is not)."""
    if request.mimetype != media_type:
        raise Problem(
            415,
            "Mediatype niet ondersteund",
            f"Verwacht {media_type}, kreeg {request.mimetype or 'niets'}.",
        )
    try:
        body = json.loads(request.get_data(cache=True))
    except (ValueError, RecursionError) as exc:
        raise invalid_json() from exc
    return inputs.json_object(body)


def hal_response(
    body: dict[str, Any], status: int = 200, *, location: str | None = None
) -> Response:
    """A HAL+JSON response."""
    response = Response(
        json.dumps(body, ensure_ascii=False), status=status, mimetype=HAL_JSON
    )
    if location:
        response.headers["Location"] = location
    return response


def no_content() -> Response:
    """204."""
    return Response(status=204)


def paged_response(
    ctx: Ctx,
    plural: str,
    rows: Sequence[Row],
    render: Callable[[Ctx, Hal, Row], dict[str, Any]],
    path: str,
    *,
    page_name: str = "page",
    size_name: str = "size",
) -> Response:
    """One page of ``rows`` as a HAL collection."""
    page, size = inputs.page_args(request.args, page_name, size_name)
    links = hal()
    items = [render(ctx, links, row) for row in page_slice(rows, page, size)]
    return hal_response(
        collection(
            links,
            plural,
            items,
            total=len(rows),
            page=page,
            size=size,
            path=path,
            args=request.args,
            page_name=page_name,
            size_name=size_name,
        )
    )
