"""The notebooks as committed: no outputs, no machine paths, no secrets.

Read as plain JSON, so this runs in the quick unit run too.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
EXPECTED = (
    "01-aansluiten.ipynb",
    "02-samenwerken.ipynb",
    "03-dossiers-verkennen.ipynb",
    "04-certificeren.ipynb",
)
# swfkit's public API as the notebooks may use it.
PUBLIC_MODULES = {
    "swfkit",
    "swfkit.config",
    "swfkit.frames",
    "swfkit.doctor",
    "swfkit.contract",
    "swfkit.conformance.runner",
    "swfkit.conformance.results",
}
_ABSOLUTE_PATH = re.compile(
    r"(?<![\w.])/(home|tmp|work|Users|root|var|opt|etc|mnt|private)/"
    r"|\b[A-Za-z]:\\\\|file://"
)
_SECRET = re.compile(r"-----BEGIN|PRIVATE KEY|pkcs12Password")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((NOTEBOOK_DIR / name).read_text(encoding="utf-8"))
    return data


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def test_committed_notebooks_are_the_four_of_the_issue() -> None:
    assert tuple(sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_notebook_holds_no_outputs(name: str) -> None:
    nb = _load(name)
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{name} cell {index} has outputs"
            assert cell.get("execution_count") is None, f"{name} cell {index}"
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_notebook_holds_no_machine_paths_or_secrets(name: str) -> None:
    text = (NOTEBOOK_DIR / name).read_text(encoding="utf-8")

    assert _ABSOLUTE_PATH.findall(text) == []
    assert _SECRET.findall(text) == []


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_opens_with_a_parameters_cell_for_target_and_identity(
    name: str,
) -> None:
    code = [c for c in _load(name)["cells"] if c["cell_type"] == "code"]
    first = code[0]

    assert "parameters" in first["metadata"].get("tags", [])
    assert 'os.environ.get("SWF_IDENTITIES"' in _source(first)
    assert all("os.environ" not in _source(c) for c in code[1:])


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_uses_only_swfkits_public_api(name: str) -> None:
    used = set()
    for cell in _load(name)["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse(_source(cell))):
            if isinstance(node, ast.ImportFrom) and node.module:
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used.update(alias.name for alias in node.names)

    swfkit_modules = {module for module in used if module.split(".")[0] == "swfkit"}
    assert swfkit_modules, "the notebook does not use swfkit"
    assert swfkit_modules <= PUBLIC_MODULES
