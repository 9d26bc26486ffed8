"""Shared pieces of the reliability tests: clients, the server's records, scale."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from swfkit.client import Client
from swfkit.config import Settings

# Organisations and verzoeken of the default world.
AADORP = "gemeente-aadorp"
PROVINCIE = "provincie-zuiderkwartier"
WATERSCHAP = "waterschap-lage-venen"
VEILIGHEIDSREGIO = "veiligheidsregio-polderland"
VERZOEK_AADORP = "2026060200011"

#: ``make soak`` sets SWFKIT_SOAK=1: the same tests, longer and larger.
SOAK = os.environ.get("SWFKIT_SOAK", "") not in ("", "0")


def scale(quick: int, soak: int) -> int:
    """The size of a run: ``quick`` in ``make test``, ``soak`` in ``make soak``."""
    return soak if SOAK else quick


def client(world_dir: Path, name: str, **options: Any) -> Client:
    """A swfkit client for identity ``name`` of a simulator world.

    Keyword options go to :class:`Settings` when they are settings
    (``read_timeout``, ``connect_timeout``) and to :class:`Client` otherwise
    (``retries``, ``backoff``).
    """
    settings_keys = {"read_timeout", "connect_timeout"}
    settings = Settings.from_identities(
        Path(world_dir) / "identities.json",
        name,
        **{k: v for k, v in options.items() if k in settings_keys},
    )
    return Client(
        settings, **{k: v for k, v in options.items() if k not in settings_keys}
    )


@contextmanager
def server_db(world_dir: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the simulator's own database: its records."""
    db = sqlite3.connect(f"file:{Path(world_dir) / 'sim.db'}?mode=ro", uri=True)
    try:
        yield db
    finally:
        db.close()


def count(world_dir: Path, sql: str, *params: object) -> int:
    """One number from the server's records."""
    with server_db(world_dir) as db:
        return int(db.execute(sql, params).fetchone()[0])


def fault(kind: str, method: str, path: str = "", **extra: Any) -> dict[str, Any]:
    """One entry of a simulator fault profile, in its JSON form."""
    return {"kind": kind, "methods": [method], "path": path, **extra}


def profile(*faults: dict[str, Any]) -> dict[str, Any]:
    """A fault profile for the world setting ``faultProfile``."""
    return {"seed": 7, "faults": list(faults)}
