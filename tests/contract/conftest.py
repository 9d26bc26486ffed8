"""Fixtures for the contract tests: a fresh copy of the document, the
openapi-core object, request builders and hand-written sample payloads."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from contract_samples import (
    AV_ID,
    BASE_PATH,
    BASE_URL,
    DEELNEMER_ID,
    DOC_ID,
    HOST_URL,
    INITIATOR,
    NOW,
    PARTNER,
    link,
)
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest

from swfkit.contract import load_contract, openapi_for_core

RequestFactory = Callable[..., MockRequest]


@pytest.fixture
def spec() -> dict[str, Any]:
    """A private copy of the packaged contract; tests may break it."""
    return load_contract()


@pytest.fixture(scope="session")
def api() -> OpenAPI:
    return openapi_for_core()


@pytest.fixture(scope="session")
def make_request() -> RequestFactory:
    def build(
        method: str,
        path: str,
        body: Any = None,
        *,
        content_type: str = "application/json",
        args: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        host_url: str = HOST_URL,
    ) -> MockRequest:
        data = (
            body
            if isinstance(body, bytes) or body is None
            else json.dumps(body).encode()
        )
        return MockRequest(
            host_url,
            method,
            BASE_PATH + path,
            args=args,
            headers={"X-OIN": INITIATOR} if headers is None else headers,
            data=data,
            content_type=content_type,
        )

    return build


@pytest.fixture
def samenwerking() -> dict[str, Any]:
    return {
        "samenwerkingId": "SAM-66497",
        "status": {"status": "OPEN"},
        "samenwerkVorm": "SAMENWERKEN_AAN_BEHANDELEN",
        "samenwerkDoel": "BEHANDELEN",
        "verzoeknummer": "2026060200019",
        "oloVerzoeknummer": None,
        "bronVerzoek": "DSO_LV",
        "typeVerzoek": "Aanvraag vergunning",
        "globaleLocatie": "Naaldwijk",
        "titel": "Dakkapel Havenstraat 1",
        "beschrijving": "Advies welstand gevraagd",
        "taal": "NL",
        "aangemaaktDoor": INITIATOR,
        "aangemaaktDoorNaam": "Gemeente Testdorp",
        "creatieDatumTijd": NOW,
        "eindDatumTijd": "2028-06-02T10:00:00.123+02:00",
        "laatstAangepastDoor": None,
        "laatstAangepastDoorNaam": None,
        "laatstAangepastDatumTijd": None,
        "kenmerkSysteem": "Rx.Mission",
        "nummerBinnenSysteem": "Z-2026-0001",
        "contactpersoonNaam": "A. de Vries",
        "contactpersoonEmailadres": "a.devries@example.org",
        "contactpersoonTelefoonnummer": "+31 10 0000000",
        "aantalActieverzoeken": 0,
        "aantalNotificaties": 1,
        "_links": {
            "self": link("/samenwerkingen/SAM-66497"),
            "documentToevoegen": link("/samenwerkingen/SAM-66497/documenten"),
            "actieverzoeken": {
                "href": BASE_URL + "/actieverzoeken?samenwerkingId=SAM-66497",
                "templated": False,
            },
        },
    }


@pytest.fixture
def document() -> dict[str, Any]:
    return {
        "documentId": DOC_ID,
        "samenwerkingId": "SAM-66497",
        "bestandsNaam": "tekening.pdf",
        "documentOmschrijving": "Bouwtekening",
        "vertrouwelijkheidsAanduiding": "SV",
        "taal": "NL",
        "formaat": "application/pdf",
        "bestandsGrootte": 1024,
        "documentHash": "ab" * 32,
        "kenmerkSysteem": None,
        "nummerBinnenSysteem": None,
        "aangemaaktDoor": INITIATOR,
        "aangemaaktDoorNaam": "Gemeente Testdorp",
        "creatieDatumTijd": NOW,
        "laatstAangepastDoor": None,
        "laatstAangepastDoorNaam": None,
        "laatstAangepastDatumTijd": None,
        "_links": {
            "self": link(f"/documenten/{DOC_ID}"),
            "content": link(f"/documenten/{DOC_ID}/content"),
            "rechten": link(f"/documenten/{DOC_ID}/rechten"),
        },
    }


@pytest.fixture
def actieverzoek() -> dict[str, Any]:
    return {
        "actieverzoekId": AV_ID,
        "samenwerkingId": "SAM-66497",
        "titel": "Advies welstand",
        "omschrijving": "Graag advies over de dakkapel.",
        "melding": None,
        "productId": None,
        "status": "OPEN",
        "zender": INITIATOR,
        "zenderNaam": "Gemeente Testdorp",
        "ontvanger": PARTNER,
        "ontvangerNaam": "Omgevingsdienst Test",
        "uiterlijkeReactieDatum": "2026-07-01",
        "aantalBerichten": 0,
        "documenten": [DOC_ID],
        "creatieDatumTijd": NOW,
        "laatstAangepastDoor": None,
        "laatstAangepastDoorNaam": None,
        "laatstAangepastDatumTijd": None,
        "_links": {
            "self": link(f"/actieverzoeken/{AV_ID}"),
            "berichten": link(f"/actieverzoeken/{AV_ID}/berichten"),
            "intrekken": link(f"/actieverzoeken/{AV_ID}"),
        },
    }


@pytest.fixture
def deelnemer() -> dict[str, Any]:
    return {
        "deelnemerId": DEELNEMER_ID,
        "samenwerkingId": "SAM-66497",
        "rol": "KETENPARTNER",
        "oin": "00000003123456780000",
        "kvkNummer": "12345678",
        "naam": "Adviesbureau Test BV",
        "privilege": "BEPERKTE_TOEGANG",
        "uitgenodigdDoor": INITIATOR,
        "uitnodigingDatumTijd": NOW,
        "_links": {
            "self": link(f"/samenwerkingen/SAM-66497/deelnemers/{DEELNEMER_ID}")
        },
    }


@pytest.fixture
def notificatie() -> dict[str, Any]:
    return {
        "notificatieId": "9b2c1f0e-8d7a-4c3b-9e6f-5a4b3c2d1e0f",
        "notificatieType": "DOCUMENT_TOEGEVOEGD",
        "samenwerkingId": "SAM-66497",
        "samenwerkVorm": "SAMENWERKEN_AAN_BEHANDELEN",
        "notificatieTitel": "Document toegevoegd",
        "notificatieTekst": "tekening.pdf is toegevoegd",
        "eventInitiator": INITIATOR,
        "eventInitiatorNaam": "Gemeente Testdorp",
        "eventDatumTijd": NOW,
        "deelnemer": PARTNER,
        "deelnemerNaam": "Omgevingsdienst Test",
        "properties": {"documentId": DOC_ID, "documentNaam": "tekening.pdf"},
        "_links": {"self": link("/notificaties/9b2c1f0e-8d7a-4c3b-9e6f-5a4b3c2d1e0f")},
    }
