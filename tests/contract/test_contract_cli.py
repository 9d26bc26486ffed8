"""``swfkit contract``: path, validate, assumed, functions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from swfkit.cli import cli
from swfkit.contract import contract_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["contract", *args])


def test_path_prints_the_packaged_contract() -> None:
    result = run("path")

    assert result.exit_code == 0
    assert result.stdout.strip() == str(contract_path())


def test_validate_passes_for_the_packaged_contract() -> None:
    result = run("validate")

    assert result.exit_code == 0, result.output
    assert "valid OpenAPI 3.1.0" in result.stdout
    assert "32 operations" in result.stdout


def test_validate_fails_with_findings_for_a_broken_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text(yaml.safe_dump({"openapi": "3.1.0", "paths": {}}))

    result = run("validate", str(file))

    assert result.exit_code == 1
    assert "not valid OpenAPI" in result.stderr
    # jsonschema releases differ in how they quote the property name.
    assert re.search(r"""['"]info['"] is a required property""", result.stderr)
    assert "Traceback" not in result.output


def test_validate_reports_missing_marks_in_a_swfkit_contract(
    tmp_path: Path, spec: dict[str, Any]
) -> None:
    del spec["components"]["schemas"]["Document"]["properties"]["taal"][
        "x-swfkit-provenance"
    ]
    file = tmp_path / "unmarked.yaml"
    file.write_text(yaml.safe_dump(spec))

    result = run("validate", str(file))

    assert result.exit_code == 1
    assert "Document.taal: no x-swfkit-provenance" in result.stderr


def test_validate_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.yaml"))

    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_assumed_lists_assumptions_grouped_and_says_so() -> None:
    result = run("assumed")
    lines = [line.strip() for line in result.stdout.splitlines()]

    assert result.exit_code == 0
    assert "official specification" in result.stdout
    assert "DELETE /notificaties/{notificatieId}" in " ".join(lines)
    assert "Deelnemer.privilege" in lines
    assert "Document.bestandsGrootte" in lines
    assert "Document.vertrouwelijkheidsAanduiding" not in lines
    assert lines.index("Operations") < lines.index(
        "Schema Deelnemer (the whole schema is assumed)"
    )


def test_assumed_json_is_machine_readable() -> None:
    result = run("assumed", "--json")
    data = json.loads(result.stdout)
    locations = {part["location"] for part in data["parts"]}

    assert result.exit_code == 0
    assert "official specification" in data["note"]
    assert data["version"] == "5.0.0-swfkit.1"
    assert {"DELETE /notificaties/{notificatieId}", "Deelnemer.privilege"} <= locations
    assert "Document.vertrouwelijkheidsAanduiding" not in locations


def test_functions_shows_each_function_and_operation() -> None:
    # rich sizes its table from COLUMNS when the output is not a terminal.
    result = CliRunner().invoke(cli, ["contract", "functions"], env={"COLUMNS": "200"})

    assert result.exit_code == 0
    assert "samenwerking-stoppen" in result.stdout
    assert "updateSamenwerking: PATCH /samenwerkingen/{samenwerkingId}" in result.stdout


def test_functions_json_lists_every_function() -> None:
    data = json.loads(run("functions", "--json").stdout)

    assert {"id": "samenwerking-starten", "titel": "Het starten van een samenwerking",
            "bron": "seed", "operations": ["startSamenwerking"]} in data  # fmt: skip
    assert len(data) == 23
