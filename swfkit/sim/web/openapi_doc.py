"""The contract, served at ``{basePath}/openapi.json`` and ``.yaml``."""

from __future__ import annotations

import json

from flask import Blueprint, Response

from swfkit.contract import contract_path, load_contract
from swfkit.sim.problems import invalid_input

bp = Blueprint("openapi", __name__)


# Any format reaches the route, so an unknown one is the contract's 400
# (`format` is an enum there), not an undocumented 404.
@bp.get("/openapi.<fmt>")
def get_openapi_document(fmt: str) -> Response:
    """Contract operation ``getOpenapiDocument``."""
    if fmt not in ("json", "yaml"):
        raise invalid_input("format", "json of yaml")
    if fmt == "json":
        return Response(
            json.dumps(load_contract(), ensure_ascii=False), mimetype="application/json"
        )
    return Response(
        contract_path().read_text(encoding="utf-8"), mimetype="application/yaml"
    )
