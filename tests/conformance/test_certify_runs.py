"""``swfkit certify`` end to end, in subprocesses: sim, replay, a broken rule.

Each run takes a small part of the checklist (``-k``) to stay fast; the full
checklist replays in ``make test`` through features/ itself, and runs against
the simulator with ``make certify``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from simkit import copy_world

from swfkit.conformance.manifest import verify_manifest

from .paths import ROOT

# Onboarding (TLS refusals included), an upload and download, a cursor poll.
SUBSET = "aansluiten or ongewijzigd or nieuwe_notificaties"
BROKEN_RULE = "beperkte-toegang-ziet-geen-sv"
_MAIN = "import sys; from swfkit.cli import main; main(sys.argv[1:])"


def certify(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``swfkit certify`` in a fresh interpreter, from the checkout."""
    return subprocess.run(
        [sys.executable, "-c", _MAIN, "certify", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def report(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "report.json").read_text())
    return data


@pytest.fixture
def world(sim_template: Path, tmp_path: Path) -> Path:
    return copy_world(sim_template, tmp_path / "world")


def test_sim_run_records_then_replays_with_no_secret(
    world: Path, tmp_path: Path
) -> None:
    recorded = tmp_path / "sim-report"
    run = certify(
        "--target",
        "sim",
        "--world",
        str(world),
        "--report-dir",
        str(recorded),
        "-k",
        SUBSET,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    counts = report(recorded)["counts"]
    assert counts["failed"] == 0 and counts["passed"] == counts["total"] >= 12
    assert "Rapport:" in run.stdout and "report.html" in run.stdout
    assert verify_manifest(recorded) == []
    _assert_no_secrets(recorded / "cassettes", world)

    replayed = tmp_path / "replay-report"
    again = certify(
        "--target",
        "replay",
        "--cassettes",
        str(recorded / "cassettes"),
        "--report-dir",
        str(replayed),
        "-k",
        SUBSET,
    )

    assert again.returncode == 0, again.stdout + again.stderr
    result = report(replayed)
    assert result["counts"]["passed"] == counts["total"] - 3
    skipped = [s for s in result["scenarios"] if s["outcome"] == "skipped"]
    assert len(skipped) == 3
    assert all("TLS-handshake" in s["reason"] for s in skipped)
    for name in ("junit.xml", "cucumber.json", "report.html", "manifest.json"):
        assert (replayed / name).is_file()
    assert verify_manifest(replayed) == []


def _assert_no_secrets(cassettes: Path, world: Path) -> None:
    identities = json.loads((world / "identities.json").read_text())["identities"]
    passwords = [i["pkcs12Password"] for i in identities.values()]
    keys = [(world / i["key"]).read_text() for i in identities.values()]
    text = "\n".join(p.read_text() for p in cassettes.rglob("*.yaml"))

    assert "-----BEGIN" not in text and "PRIVATE KEY" not in text
    assert not [p for p in passwords if p in text]
    assert not [k for k in keys if k.splitlines()[1] in text]


def test_broken_rule_fails_the_matching_scenarios_by_name(
    sim_template: Path, tmp_path: Path
) -> None:
    world = copy_world(sim_template, tmp_path / "world", disabledRules=[BROKEN_RULE])
    folder = tmp_path / "report"

    run = certify(
        "--target",
        "sim",
        "--world",
        str(world),
        "--report-dir",
        str(folder),
        "-k",
        "test_vertrouwelijkheid",
    )

    assert run.returncode == 1
    failed = [s for s in report(folder)["scenarios"] if s["outcome"] == "failed"]
    assert len(failed) >= 3
    for scenario in failed:
        assert f"regel {BROKEN_RULE}" in scenario["message"], scenario["message"]
        assert "disabledRules" in scenario["fix"]
    assert f"regel {BROKEN_RULE}" in run.stdout
    html = (folder / "report.html").read_text()
    assert "gefaald" in html and BROKEN_RULE in html


def test_the_checklist_ignores_the_test_settings_of_its_checkout(
    tmp_path: Path,
) -> None:
    # A vendor's checkout may carry pytest settings of its own (here: one
    # that needs a plugin certify does not install, under --strict-config).
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "features", checkout / "features")
    shutil.copytree(ROOT / "cassettes", checkout / "cassettes")
    (checkout / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'addopts = "--strict-config"\n'
        "setting_of_a_missing_plugin = 300\n"
    )

    run = certify(
        "--target",
        "replay",
        "--features",
        str(checkout / "features"),
        "--report-dir",
        str(tmp_path / "report"),
        "-k",
        "aansluiten",
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert report(tmp_path / "report")["counts"]["passed"] >= 4


def test_a_selection_that_matches_no_scenario_says_so(tmp_path: Path) -> None:
    run = certify(
        "--target",
        "replay",
        "--report-dir",
        str(tmp_path / "report"),
        "-k",
        "geen_scenario_heet_zo",
    )

    assert run.returncode == 1
    assert "no scenario matched the selection" in run.stderr
    assert "the report is incomplete" in run.stderr
