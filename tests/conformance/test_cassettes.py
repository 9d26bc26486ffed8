"""The recorded cassettes: valid against the contract, free of secrets."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from swfkit.cli import cli
from swfkit.conformance.cassettes import CASSETTE_ORIGIN
from swfkit.conformance.check import CheckReport, check_cassettes
from swfkit.contract import load_contract

from .paths import CASSETTES

SECRET_MARKS = ("-----BEGIN", "PRIVATE KEY", "pkcs12Password", "Authorization")


def _broken_contract() -> dict:  # type: ignore[type-arg]
    """The contract with a limit every recorded samenwerking title breaks."""
    spec = load_contract()
    spec["components"]["schemas"]["Samenwerking"]["properties"]["titel"][
        "maxLength"
    ] = 5
    return spec


def test_recorded_cassettes_validate_against_contract(
    recorded_check: CheckReport,
) -> None:
    assert recorded_check.cassettes >= 60
    assert [str(m) for m in recorded_check.mismatches] == []
    assert recorded_check.ok


def test_recorded_cassettes_hold_no_key_material() -> None:
    leaks = [
        f"{path.name}: {mark}"
        for path in CASSETTES.rglob("*.yaml")
        for mark in SECRET_MARKS
        if mark in path.read_text(encoding="utf-8")
    ]

    assert leaks == []


def test_recorded_cassettes_keep_the_oin_header_and_hide_the_host() -> None:
    text = (
        (CASSETTES / "samenwerking")
        .joinpath("de-initiator-start-een-samenwerking-op-een-ontvangen-verzoek.yaml")
        .read_text(encoding="utf-8")
    )

    assert re.search(r"X-OIN:\n\s+- '?\d{20}", text)
    assert "127.0.0.1" not in text and "swf.cassette.invalid" in text


def test_check_reports_each_mismatch_with_cassette_and_interaction() -> None:
    report = check_cassettes(
        CASSETTES / "samenwerking",
        spec=_broken_contract(),
        base_url=_recorded_base_url(),
    )

    assert not report.ok
    first = report.mismatches[0]
    assert first.cassette.endswith(".yaml") and first.interaction >= 1
    assert first.part == "antwoord" and "titel" in first.message


def test_check_cli_uses_a_user_specification(tmp_path: Path) -> None:
    spec = tmp_path / "official.yaml"
    spec.write_text(yaml.safe_dump(_broken_contract()), encoding="utf-8")
    folder = tmp_path / "cassettes"
    folder.mkdir()
    for name in ("opname.json", "afsluiten"):
        _copy(CASSETTES / name, folder / name)

    result = CliRunner().invoke(
        cli, ["cassettes", "check", "--dir", str(folder), "--spec", str(spec)]
    )

    assert result.exit_code == 1
    assert "afsluiten/" in result.output and "not ok" in result.output


def test_check_cli_passes_on_the_recorded_cassettes(tmp_path: Path) -> None:
    folder = tmp_path / "cassettes"
    folder.mkdir()
    for name in ("opname.json", "notificaties"):
        _copy(CASSETTES / name, folder / name)

    result = CliRunner().invoke(cli, ["cassettes", "check", "--dir", str(folder)])

    assert result.exit_code == 0, result.output
    assert "ok:" in result.output and "0 mismatch" in result.output


def _recorded_base_url() -> str:
    info = json.loads((CASSETTES / "opname.json").read_text(encoding="utf-8"))
    return CASSETTE_ORIGIN + info["basePath"]


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy(source, target)
