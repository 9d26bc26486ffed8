"""One log line per request: method, path, status, acting OIN, duration."""

from __future__ import annotations

import logging
import re

import pytest

from swfkit.sim.server import Simulator

from .api import AADORP, VENDOR, Org

LINE = re.compile(r"^(GET|POST|PATCH|PUT|DELETE) (/\S*) (\d{3}) (\S+) (\d+\.\d)ms$")


def test_one_line_per_request_without_bodies_or_certificates(
    fresh_simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    org = Org(fresh_simulator, VENDOR, acting=AADORP)
    secret = "GEHEIM-7f3a-inhoud"
    with caplog.at_level(logging.INFO, logger="swfkit.sim"):
        sid = org.start(beschrijving=secret)["samenwerkingId"]
        org.upload(sid, secret.encode(), name="geheim.txt")
        org.get(f"/samenwerkingen/{sid}")
        # The line is written when the app returns, before the server sends
        # the response, so it is there once the client has the answer.
        org.get("/samenwerkingen/SAM-999")

    lines = [r.getMessage() for r in caplog.records if r.name == "swfkit.sim.web.app"]
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    summary = [(m.group(1), m.group(3), m.group(4)) for m in parsed if m]
    assert summary == [
        ("POST", "201", org.oin),
        ("POST", "201", org.oin),
        ("GET", "200", org.oin),
        ("GET", "404", org.oin),
    ]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert secret not in everything
    assert "BEGIN CERTIFICATE" not in everything


def test_refused_identity_is_logged_without_acting_oin(
    fresh_simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    org = Org(fresh_simulator, AADORP)
    with caplog.at_level(logging.INFO, logger="swfkit.sim"):
        org.get("/samenwerkingen", headers={"X-OIN": "rommel"})
    [line] = [r.getMessage() for r in caplog.records if r.name == "swfkit.sim.web.app"]
    match = LINE.match(line)
    assert match and match.group(3) == "400" and match.group(4) == "-"
