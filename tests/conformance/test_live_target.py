"""The live target against a simulator in another process, and the clean-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from swfkit.cli import cli
from swfkit.client import Client
from swfkit.config import Settings
from swfkit.conformance.runid import KENMERK_SYSTEEM
from swfkit.errors import NotFoundError
from swfkit.sim.server import Simulator

from .paths import FEATURES, ROOT

AADORP = "gemeente-aadorp"


def test_live_run_skips_what_it_cannot_do_with_a_reason(
    fresh_simulator: Simulator, tmp_path: Path
) -> None:
    # The simulator runs in this process; the scenarios reach it over TCP
    # from another, as they would reach DSO.
    identities = fresh_simulator.world_dir / "identities.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(FEATURES),
            "-p",
            "no:cacheprovider",
            "-q",
            "-rs",
            "--swf-target",
            "live",
            "--swf-identities",
            str(identities),
            "--swf-cassettes",
            str(tmp_path / "cassettes"),
            "-k",
            "test_aansluiten",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert "failed" not in run.stdout and " passed, 2 skipped" in run.stdout
    assert "alleen bij de simulator te maken" in run.stdout
    assert "voorziening van de swfkit-simulator" in run.stdout
    assert (tmp_path / "cassettes" / "opname.json").is_file()


def _client(world: Path, base_url: str) -> Client:
    settings = Settings.from_identities(
        world / "identities.json", AADORP, base_url=base_url
    )
    return Client(settings)


def test_cleanup_removes_only_what_conformance_runs_left(
    fresh_simulator: Simulator,
) -> None:
    world, url = fresh_simulator.world_dir, fresh_simulator.base_url
    with _client(world, url) as client:
        leftover = client.start_samenwerking(
            "2026060200011",
            "Achtergebleven",
            kenmerk_systeem=KENMERK_SYSTEEM,
            nummer_binnen_systeem="20260602T101500Z-3f9a1c-1",
        ).samenwerking_id
        own = client.start_samenwerking(
            "2026060200011", "Echte zaak", kenmerk_systeem="eigen-vth"
        ).samenwerking_id

    result = CliRunner().invoke(
        cli,
        [
            "certify",
            "--cleanup",
            "--target",
            "live",
            "--identities",
            str(world / "identities.json"),
        ],
    )

    assert result.exit_code == 0, result.output
    assert "1 achtergebleven samenwerking(en) verwijderd" in result.output
    with _client(world, url) as client:
        assert client.get_samenwerking(own).titel == "Echte zaak"
        try:
            client.get_samenwerking(leftover)
            raise AssertionError("the leftover samenwerking still exists")
        except NotFoundError:
            pass
