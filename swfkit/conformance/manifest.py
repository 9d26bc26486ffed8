"""The manifest of a report folder: the SHA-256 of every file in it.

A municipality that receives a report folder can check with
:func:`verify_manifest` (or ``sha256sum``) that nothing was changed or
left out after the run.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
_CHUNK = 1 << 16


def sha256_file(path: Path) -> str:
    """The lowercase hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(directory: Path, **about: Any) -> Path:
    """Write ``manifest.json`` listing every other file under ``directory``.

    Args:
        directory: The report folder.
        **about: Extra top-level fields, e.g. ``run_id``.

    Returns:
        The manifest's path.
    """
    directory = Path(directory)
    files = {
        path.relative_to(directory).as_posix(): sha256_file(path)
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name != MANIFEST_NAME
    }
    manifest = {
        "algoritme": "sha256",
        "aangemaakt": datetime.now(UTC).isoformat(timespec="seconds"),
        **about,
        "bestanden": files,
    }
    target = directory / MANIFEST_NAME
    target.write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return target


def verify_manifest(directory: Path) -> list[str]:
    """Compare a folder with its manifest.

    Returns:
        One Dutch line per problem (changed, missing or unlisted file);
        empty when the folder matches its manifest.
    """
    directory = Path(directory)
    listed: dict[str, str] = json.loads(
        (directory / MANIFEST_NAME).read_text(encoding="utf-8")
    )["bestanden"]
    problems = []
    for name, digest in listed.items():
        path = directory / name
        if not path.is_file():
            problems.append(f"ontbreekt: {name}")
        elif sha256_file(path) != digest:
            problems.append(f"gewijzigd: {name}")
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if path.is_file() and name != MANIFEST_NAME and name not in listed:
            problems.append(f"niet in het manifest: {name}")
    return problems
