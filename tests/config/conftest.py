"""Isolation from the developer's own configuration, and a small world on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from swfkit.pki import IssuedCertificate, TestPki

OIN = "00000099000000000001"
VENDOR_OIN = "00000099000000000009"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No ./swfkit.toml, no ~/.config/swfkit and no SWF_* from the real shell."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in list(os.environ):
        if name.startswith("SWF_"):
            monkeypatch.delenv(name)
    return work


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    return TestPki.create(tmp_path_factory.mktemp("config-world") / "pki")


@pytest.fixture(scope="module")
def organisation(pki: TestPki) -> IssuedCertificate:
    return pki.issue_organisation("Gemeente Aadorp", OIN, slug="gemeente-aadorp")


@pytest.fixture(scope="module")
def identities_file(pki: TestPki, organisation: IssuedCertificate) -> Path:
    """An identities.json as `swfkit sim init` writes it (paths relative)."""
    world = pki.directory.parent
    vendor = pki.issue_organisation("Leverancier", VENDOR_OIN, slug="leverancier")

    def entry(issued: IssuedCertificate, oin: str, **extra: Any) -> dict[str, Any]:
        return {
            "naam": issued.name,
            "oin": oin,
            "kvkNummer": None,
            "rol": "BEVOEGD_GEZAG",
            "cert": str(issued.cert_path.relative_to(world)),
            "key": str(issued.key_path.relative_to(world)),
            "pkcs12": str(issued.pkcs12_path.relative_to(world)),  # type: ignore[union-attr]
            "pkcs12Password": issued.pkcs12_password,
            "actsFor": [],
            "subscribed": True,
            **extra,
        }

    data = {
        "baseUrl": "https://127.0.0.1:8443/overheid/samenwerken/api/behandelen/v5",
        "oinHeader": "X-Acting-OIN",
        "caBundle": "pki/ca-bundle.pem",
        "identities": {
            "gemeente-aadorp": entry(organisation, OIN),
            "leverancier": entry(vendor, VENDOR_OIN, actsFor=[OIN]),
            "alleen-p12": {**entry(vendor, VENDOR_OIN), "cert": None, "key": None},
        },
    }
    path = world / "identities.json"
    path.write_text(json.dumps(data))
    return path
