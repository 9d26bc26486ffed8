"""Throwaway certificates for replaying cassettes.

Replay talks to no server, but the client still checks its settings before
the first request: certificate, key and CA bundle must exist. This module
makes a fresh test PKI and issues every recorded organisation a certificate
with its recorded OIN, so the replayed scenarios act as the same
organisations they were recorded as.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from swfkit.conformance.cassettes import CASSETTE_ORIGIN

logger = logging.getLogger(__name__)


def build_replay_identities(info: dict[str, Any], directory: Path) -> Path:
    """Write an identities.json (and a test PKI) for a recording.

    Args:
        info: The recording info (``opname.json``) of a cassette folder.
        directory: An empty folder to create the files in.

    Returns:
        The path of the identities file.
    """
    from swfkit.pki import TestPki

    directory.mkdir(parents=True, exist_ok=True)
    pki = TestPki.create(directory / "pki", label="swfkit REPLAY")
    identities = {}
    for slug, entry in info["identities"].items():
        issued = pki.issue_organisation(entry["naam"], entry["oin"], slug=slug)
        identities[slug] = {
            **entry,
            "cert": str(issued.cert_path),
            "key": str(issued.key_path),
        }
    data = {
        "baseUrl": CASSETTE_ORIGIN + info["basePath"],
        "oinHeader": info.get("oinHeader") or "X-OIN",
        "caBundle": str(pki.ca_bundle_path),
        "identities": identities,
        "rollen": info.get("rollen", {}),
    }
    path = directory / "identities.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    logger.debug(
        "replay identities for %d organisations in %s", len(identities), directory
    )
    return path
