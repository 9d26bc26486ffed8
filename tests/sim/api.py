"""A thin test-side wrapper: one identity talking to one simulator.

Plain ``requests`` underneath (not the swfkit client). Every response passes
a hook that fails the test on any 5xx, so a contract violation (which the
simulator turns into a 500) can never slip through a test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import requests
from simkit import identities, identity_session


class Running(Protocol):
    """A running simulator: in-thread (Simulator) or a subprocess (SimProcess)."""

    @property
    def world_dir(self) -> Path: ...

    @property
    def base_url(self) -> str: ...


MERGE_PATCH = "application/merge-patch+json"
PROBLEM = "application/problem+json"
TIMEOUT = 15

# Slugs of the default world.
AADORP = "gemeente-aadorp"
BEEKVELD = "gemeente-beekveld"
DIJKSTEDE = "gemeente-dijkstede"
ODMP = "omgevingsdienst-middenpolder"
PROVINCIE = "provincie-zuiderkwartier"
WATERSCHAP = "waterschap-lage-venen"
VEILIGHEIDSREGIO = "veiligheidsregio-polderland"
ADVIESBUREAU = "adviesbureau-groenrand"
VENDOR = "leverancier-vthsoft"
NO_SUBSCRIPTION = "stichting-oeverbeheer"
VERZOEK_AADORP = "2026060200011"
VERZOEK_BEEKVELD_ODMP = "2026060200022"
VERZOEK_DIJKSTEDE = "2026060200031"


def _no_server_errors(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    if response.status_code >= 500:
        raise AssertionError(
            f"{response.request.method} {response.url} answered "
            f"{response.status_code}: {response.text[:2000]}"
        )


class Org:
    """Organisation ``name`` of the world, acting as itself or for ``acting``."""

    def __init__(
        self, simulator: Running, name: str, acting: str | None = None
    ) -> None:
        world = Path(simulator.world_dir)
        data = identities(world)
        ident = data["identities"]
        self.name = name
        self.ca_bundle = str(world / data["caBundle"])
        self.cert = (str(world / ident[name]["cert"]), str(world / ident[name]["key"]))
        self.oin: str = ident[acting or name]["oin"]
        self.kvk: str | None = ident[name]["kvkNummer"]
        self.base = simulator.base_url
        self.session = identity_session(world, name, self.oin)
        self.session.hooks["response"].append(_no_server_errors)

    def url(self, path: str) -> str:
        """``path`` below the base URL (absolute URLs pass through)."""
        return path if path.startswith("https://") else self.base + path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url(path), timeout=TIMEOUT, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        if body is not None:
            kwargs["json"] = body
        return self.session.post(self.url(path), timeout=TIMEOUT, **kwargs)

    def put(self, path: str, body: Any) -> requests.Response:
        return self.session.put(self.url(path), json=body, timeout=TIMEOUT)

    def patch(self, path: str, body: Any) -> requests.Response:
        return self.session.patch(
            self.url(path),
            data=json.dumps(body),
            headers={"Content-Type": MERGE_PATCH},
            timeout=TIMEOUT,
        )

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(self.url(path), timeout=TIMEOUT)

    # Shortcuts for the common steps of a scenario.

    def start(
        self, verzoeknummer: str = VERZOEK_AADORP, **fields: Any
    ) -> dict[str, Any]:
        response = self.post(
            "/samenwerkingen",
            {"verzoeknummer": verzoeknummer, "titel": "Testdossier", **fields},
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def invite(
        self,
        sid: str,
        partner: Org,
        privilege: str = "VOLLEDIGE_TOEGANG",
        *,
        by_kvk: bool = False,
    ) -> dict[str, Any]:
        ident = {"kvkNummer": partner.kvk} if by_kvk else {"oin": partner.oin}
        response = self.post(
            f"/samenwerkingen/{sid}/deelnemers", {**ident, "privilege": privilege}
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def upload(
        self,
        sid: str,
        content: bytes = b"inhoud",
        *,
        name: str = "stuk.txt",
        aanduiding: str = "RV",
        omschrijving: str = "Een stuk",
        content_type: str = "text/plain",
    ) -> requests.Response:
        params = {
            "documentOmschrijving": omschrijving,
            "vertrouwelijkheidsAanduiding": aanduiding,
        }
        return self.post(
            f"/samenwerkingen/{sid}/documenten",
            params=params,
            files={"file": (name, content, content_type)},
        )

    def upload_ok(
        self, sid: str, content: bytes = b"inhoud", **kwargs: Any
    ) -> dict[str, Any]:
        response = self.upload(sid, content, **kwargs)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def actieverzoek(
        self, sid: str, ontvanger: Org, **fields: Any
    ) -> requests.Response:
        body = {
            "titel": "Advies gevraagd",
            "omschrijving": "Graag advies.",
            "ontvanger": ontvanger.oin,
            **fields,
        }
        return self.post(f"/samenwerkingen/{sid}/actieverzoeken", body)

    def items(self, path: str, plural: str, **params: Any) -> list[dict[str, Any]]:
        """Every item of a collection, following ``next`` links."""
        found: list[dict[str, Any]] = []
        response = self.get(path, params=params)
        while True:
            assert response.status_code == 200, response.text
            body = response.json()
            found.extend(body["_embedded"][plural])
            nxt = body["_links"].get("next")
            if not nxt:
                return found
            response = self.get(nxt["href"])


def problem(
    response: requests.Response, status: int, regel: str | None = None
) -> dict[str, Any]:
    """Assert a problem+json answer with ``status`` (and rule); return it."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:swfkit:probleem:")
    assert body["correlationId"] == response.headers["X-Correlation-ID"]
    if regel is not None:
        assert body.get("regel") == regel, body
    return body
