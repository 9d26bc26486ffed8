"""`swfkit sim serve` in a subprocess: one listening line, identities updated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from simkit import identity_session

from swfkit.errors import SimulatorStartError
from swfkit.sim.process import SimProcess

from .api import AADORP, VERZOEK_AADORP


def test_serve_publishes_its_url_logs_requests_and_stops_on_sigterm(
    simulator_process: SimProcess,
) -> None:
    world = simulator_process.world_dir
    data = json.loads((world / "identities.json").read_text())
    assert data["baseUrl"] == simulator_process.base_url
    assert f":{simulator_process.port}/" in data["baseUrl"]
    session = identity_session(world, AADORP)
    response = session.get(data["baseUrl"] + "/samenwerkingen", timeout=10)
    assert response.status_code == 200

    simulator_process.stop()
    assert simulator_process.returncode == 0
    log = simulator_process.log_path.read_text()
    oin = data["identities"][AADORP]["oin"]
    assert (
        f"GET /overheid/samenwerken/api/behandelen/v5/samenwerkingen 200 {oin} " in log
    )


def test_a_process_that_cannot_serve_fails_with_its_log(tmp_path: Path) -> None:
    missing = tmp_path / "geen-wereld"
    missing.mkdir()

    with pytest.raises(SimulatorStartError) as raised:
        SimProcess(missing, ready_timeout=30).start()

    assert "did not start listening" in str(raised.value)
    assert "world.json" in str(raised.value), "the log tail names the cause"


def test_a_restarted_process_serves_the_same_world_on_the_same_port(
    simulator_process: SimProcess,
) -> None:
    first_pid, first_url = simulator_process.pid, simulator_process.base_url
    session = identity_session(simulator_process.world_dir, AADORP)
    created = session.post(
        first_url + "/samenwerkingen",
        json={"verzoeknummer": VERZOEK_AADORP, "titel": "Voor de herstart"},
        timeout=10,
    )
    assert created.status_code == 201

    simulator_process.restart()

    assert simulator_process.pid != first_pid
    assert simulator_process.base_url == first_url
    listed = identity_session(simulator_process.world_dir, AADORP).get(
        first_url + "/samenwerkingen", timeout=10
    )
    titels = [s["titel"] for s in listed.json()["_embedded"]["samenwerkingen"]]
    assert "Voor de herstart" in titels
