"""Constants and small helpers shared by the contract tests."""

from __future__ import annotations

import json
from typing import Any

from openapi_core.testing import MockResponse

# A simulator on an ephemeral port, as in the test suite.
HOST_URL = "https://127.0.0.1:54321"
BASE_PATH = "/overheid/samenwerken/api/behandelen/v5"
BASE_URL = HOST_URL + BASE_PATH

INITIATOR = "00000099000000000001"
PARTNER = "00000099000000000002"
DOC_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
AV_ID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
DEELNEMER_ID = "6fa459ea-ee8a-4ca4-894e-db77e160355e"
NOW = "2026-06-02T10:00:00.123+02:00"


def json_response(
    body: Any,
    status: int = 200,
    content_type: str = "application/hal+json",
    **headers: str,
) -> MockResponse:
    return MockResponse(
        json.dumps(body).encode(), status, headers=headers, content_type=content_type
    )


def link(path: str) -> dict[str, str]:
    return {"href": BASE_URL + path}


def collection(plural: str, items: list[dict[str, Any]], path: str) -> dict[str, Any]:
    return {
        "_embedded": {plural: items},
        "_links": {"self": link(path)},
        "page": {"number": 0, "size": 20, "totalElements": len(items), "totalPages": 1},
    }
