"""Models: wire names in, typed values out, tolerant where the API may grow."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from pydantic import ValidationError

from swfkit.client import (
    Actieverzoek,
    ActieverzoekStatus,
    Notificatie,
    NotificatieType,
    Samenwerking,
    SamenwerkingStatus,
)

SAMENWERKING = {
    "samenwerkingId": "SAM-66497",
    "status": {"status": "OPEN"},
    "samenwerkVorm": "SAMENWERKEN_AAN_BEHANDELEN",
    "titel": "Dakkapel",
    "aangemaaktDoor": "00000099000000010000",
    "creatieDatumTijd": "2024-05-01T10:00:00+02:00",
    "aantalActieverzoeken": 0,
    "aantalNotificaties": 2,
    "nieuwVeldVanDeServer": "genegeerd",
    "_links": {"self": {"href": "https://h/v5/samenwerkingen/SAM-66497"}},
}


def test_samenwerking_status_object_is_unwrapped_to_enum():
    samenwerking = Samenwerking.model_validate(SAMENWERKING)

    assert samenwerking.status is SamenwerkingStatus.OPEN
    assert samenwerking.status == "OPEN"
    assert samenwerking.link("self") == "https://h/v5/samenwerkingen/SAM-66497"
    assert samenwerking.link("next") is None


def test_datetimes_are_timezone_aware_even_when_sent_naive():
    with_offset = Samenwerking.model_validate(SAMENWERKING)
    naive = Samenwerking.model_validate(
        {**SAMENWERKING, "creatieDatumTijd": "2024-05-01T08:00:00"}
    )

    assert with_offset.creatie_datum_tijd == naive.creatie_datum_tijd
    assert naive.creatie_datum_tijd is not None
    assert naive.creatie_datum_tijd.utcoffset() == dt.timedelta(0)


def test_unknown_status_is_refused():
    with pytest.raises(ValidationError):
        Samenwerking.model_validate({**SAMENWERKING, "status": {"status": "WEG"}})


def test_models_are_immutable():
    samenwerking = Samenwerking.model_validate(SAMENWERKING)

    with pytest.raises(ValidationError):
        samenwerking.titel = "anders"  # type: ignore[misc]


def _notificatie(kind: str) -> dict[str, object]:
    return {
        "notificatieId": "8d0e7d7e-3f47-4f57-9d38-0cfd2d7c0d51",
        "notificatieType": kind,
        "samenwerkingId": "SAM-1",
        "eventDatumTijd": "2024-05-01T10:00:00Z",
        "properties": {"documentId": "d-1"},
    }


def test_known_notificatie_type_becomes_enum():
    notificatie = Notificatie.model_validate(_notificatie("DOCUMENT_TOEGEVOEGD"))

    assert notificatie.notificatie_type is NotificatieType.DOCUMENT_TOEGEVOEGD
    assert notificatie.properties == {"documentId": "d-1"}


def test_unknown_notificatie_type_is_kept_as_text_with_one_warning(caplog):
    with caplog.at_level(logging.WARNING):
        first = Notificatie.model_validate(_notificatie("TOEKOMSTIG_TYPE_X"))
        Notificatie.model_validate(_notificatie("TOEKOMSTIG_TYPE_X"))

    assert first.notificatie_type == "TOEKOMSTIG_TYPE_X"
    assert not isinstance(first.notificatie_type, NotificatieType)
    warnings = [r for r in caplog.records if "TOEKOMSTIG_TYPE_X" in r.getMessage()]
    assert len(warnings) == 1


def test_actieverzoek_lists_allowed_transitions_from_links():
    actieverzoek = Actieverzoek.model_validate(
        {
            "actieverzoekId": "a",
            "status": "OPEN",
            "uiterlijkeReactieDatum": "2024-06-01",
            "_links": {
                "self": {"href": "x"},
                "behandelen": {"href": "x"},
                "weigeren": {"href": "x"},
            },
        }
    )

    assert actieverzoek.status is ActieverzoekStatus.OPEN
    assert actieverzoek.allowed_transitions == ["behandelen", "weigeren"]
    assert actieverzoek.uiterlijke_reactie_datum == dt.date(2024, 6, 1)


def test_json_dump_gives_the_wire_form_back():
    samenwerking = Samenwerking.model_validate(SAMENWERKING)

    wire = samenwerking.model_dump(mode="json", by_alias=True, exclude_none=True)

    assert wire["status"] == {"status": "OPEN"}
    assert wire["samenwerkingId"] == "SAM-66497" and "_links" in wire
    assert Samenwerking.model_validate(wire) == samenwerking
