"""The contract is served, and responses that break it are caught."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from werkzeug.exceptions import HTTPException

from swfkit.contract import load_contract, operations
from swfkit.sim.server import Simulator
from swfkit.sim.web import render
from swfkit.sim.web.app import create_app

from .api import AADORP, Org, problem


def test_openapi_document_is_served_as_json_and_yaml(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    as_json = org.get("/openapi.json")
    assert as_json.headers["Content-Type"].startswith("application/json")
    assert as_json.json() == load_contract()
    as_yaml = org.get("/openapi.yaml")
    assert as_yaml.headers["Content-Type"].startswith("application/yaml")
    assert yaml.safe_load(as_yaml.text) == load_contract()


def test_a_response_that_breaks_the_contract_becomes_a_500(
    monkeypatch: pytest.MonkeyPatch,
    simulator: Simulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    org = Org(simulator, AADORP)
    org.session.hooks["response"].clear()  # this test wants to see the 500
    sid = org.start()["samenwerkingId"]
    original = render.samenwerking

    def broken(*args: Any) -> dict[str, Any]:
        body = original(*args)
        del body["titel"]  # required by the contract
        body["status"] = "OPEN"  # an object in the contract
        return body

    monkeypatch.setattr(render, "samenwerking", broken)
    response = org.get(f"/samenwerkingen/{sid}")
    body = problem(response, 500)
    assert body["type"] == "urn:swfkit:probleem:contractschending"
    assert "titel" in body["detail"]
    assert any("breaks the contract" in r.getMessage() for r in caplog.records)


def test_without_strict_responses_a_violation_is_only_logged(
    monkeypatch: pytest.MonkeyPatch,
    sim_factory: Callable[..., Simulator],
    caplog: pytest.LogCaptureFixture,
) -> None:
    org = Org(sim_factory(strictResponses=False), AADORP)
    sid = org.start()["samenwerkingId"]
    original = render.samenwerking
    monkeypatch.setattr(
        render, "samenwerking", lambda *args: {**original(*args), "extra": 1}
    )
    response = org.get(f"/samenwerkingen/{sid}")
    assert response.status_code == 200 and response.json()["extra"] == 1
    assert any("breaks the contract" in r.getMessage() for r in caplog.records)


def test_a_valid_response_passes_untouched(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    sid = org.start()["samenwerkingId"]
    assert org.get(f"/samenwerkingen/{sid}").status_code == 200


def test_every_contract_operation_has_a_route(simulator: Simulator) -> None:
    assert simulator.runtime is not None
    app = create_app(simulator.runtime)
    adapter = app.url_map.bind("127.0.0.1")
    base = simulator.runtime.world.settings.base_path
    sample = {"samenwerkingId": "SAM-1", "format": "json"}
    missing = []
    for operation in operations():
        path = re.sub(
            r"\{(\w+)\}",
            lambda m: sample.get(m.group(1), str(uuid.uuid4())),
            operation.path,
        )
        try:
            adapter.match(base + path, method=operation.method.upper())
        except HTTPException:
            missing.append(f"{operation.method.upper()} {operation.path}")
    assert missing == []
