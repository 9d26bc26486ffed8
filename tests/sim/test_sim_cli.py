"""`swfkit sim serve` in a subprocess: one listening line, identities updated."""

from __future__ import annotations

import json

from simkit import identity_session

from swfkit.sim.process import SimProcess

from .api import AADORP


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
