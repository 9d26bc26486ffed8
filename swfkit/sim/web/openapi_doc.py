"""The contract, served at ``{basePath}/openapi.json`` and ``.yaml``."""

from __future__ import annotations

import json

from flask import Blueprint, Response

from swfkit.contract import contract_path, load_contract

bp = Blueprint("openapi", __name__)


@bp.get("/openapi.<any(json, yaml):fmt>")
def get_openapi_document(fmt: str) -> Response:
    """Contract operation ``getOpenapiDocument``."""
    if fmt == "json":
        return Response(
            json.dumps(load_contract(), ensure_ascii=False), mimetype="application/json"
        )
    return Response(
        contract_path().read_text(encoding="utf-8"), mimetype="application/yaml"
    )
