"""Reading and validating contract files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from swfkit.contract import ContractError, load_contract, validate_contract
from swfkit.errors import SwfkitError


def test_default_contract_is_a_fresh_copy_each_time() -> None:
    first = load_contract()
    first["paths"].clear()

    assert load_contract()["paths"]


def test_contract_error_is_a_swfkit_error() -> None:
    assert issubclass(ContractError, SwfkitError)


def test_json_file_is_read(tmp_path: Path, spec: dict[str, Any]) -> None:
    file = tmp_path / "official.json"
    file.write_text(json.dumps(spec))

    assert load_contract(file) == spec


def test_missing_file_raises_contract_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"

    with pytest.raises(ContractError, match="cannot read") as exc:
        load_contract(missing)
    assert str(missing) in str(exc.value)


def test_unparseable_file_raises_contract_error(tmp_path: Path) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text("openapi: [3.1.0\n")

    with pytest.raises(ContractError, match="not valid YAML"):
        load_contract(file)


def test_non_mapping_file_raises_contract_error(tmp_path: Path) -> None:
    file = tmp_path / "list.yaml"
    file.write_text("- a\n- b\n")

    with pytest.raises(ContractError, match="mapping"):
        load_contract(file)


def test_invalid_document_lists_its_problems(tmp_path: Path) -> None:
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/samenwerkingen": {"get": {"responses": "geen"}}},
    }
    file = tmp_path / "broken.yaml"
    file.write_text(yaml.safe_dump(doc))

    with pytest.raises(ContractError, match=r"not valid OpenAPI 3\.1\.0") as exc:
        validate_contract(file)
    assert exc.value.problems
    assert any("/samenwerkingen" in problem for problem in exc.value.problems)


def test_openapi_3_0_document_is_checked_as_3_0(tmp_path: Path) -> None:
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}
    file = tmp_path / "v30.yaml"
    file.write_text(yaml.safe_dump(doc))

    validate_contract(file)
    doc["paths"] = {"/x": {"get": {}}}
    file.write_text(yaml.safe_dump(doc))
    with pytest.raises(ContractError):
        validate_contract(file)


def test_unsupported_version_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "swagger.yaml"
    file.write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")

    with pytest.raises(ContractError, match="unsupported OpenAPI version"):
        validate_contract(file)
