"""Every failure of a command is one line on stderr with what to do next."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from swfkit.cli import main
from swfkit.sim.server import Simulator

AADORP = "gemeente-aadorp"


def _fails(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return int(caught.value.code or 0), err


def _as(world: Path, identity: str) -> list[str]:
    return ["--identities", str(world / "identities.json"), "--identity", identity]


def test_a_server_that_does_not_listen_names_the_next_step(
    sim_world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"https://127.0.0.1:{probe.getsockname()[1]}/swf"

    code, err = _fails(
        capsys, "samenwerkingen", "list", *_as(sim_world, AADORP), "--base-url", closed
    )

    assert code == 2
    assert "connection failed" in err and "swfkit sim serve" in err


def test_a_refusal_points_at_the_doctor(
    simulator: Simulator, sim_world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _fails(
        capsys, "samenwerkingen", "list", *_as(sim_world, "stichting-oeverbeheer")
    )

    assert code == 3
    assert err.startswith("swfkit: 403") and "swfkit doctor" in err


def test_a_server_error_names_the_correlation_id(
    sim_factory: Callable[..., Simulator], capsys: pytest.CaptureFixture[str]
) -> None:
    down = {"kind": "unavailable", "methods": ["GET"], "path": "", "retryAfter": 0}
    sim = sim_factory(faultProfile={"seed": 1, "faults": [down]})

    code, err = _fails(capsys, "samenwerkingen", "list", *_as(sim.world_dir, AADORP))

    assert code == 3
    assert err.startswith("swfkit: 503")
    assert "try again later; quote correlation id " in err


def test_an_input_error_says_its_reason_once_and_names_the_field(
    simulator: Simulator, sim_world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = ["samenwerkingen", "start", "--verzoeknummer", "1", "--titel", "x"]

    code, err = _fails(capsys, *start, *_as(sim_world, AADORP))

    assert code == 3 and err.startswith("swfkit: 400")
    assert err.count("Geen ontvangen verzoek") == 1 and "[verzoeknummer]" in err


def test_a_malformed_oin_says_what_an_oin_looks_like(
    sim_world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _fails(
        capsys, "samenwerkingen", "list", *_as(sim_world, AADORP), "--oin", "123"
    )

    assert code == 2
    assert "this has 3" in err and "20-character serialNumber" in err
