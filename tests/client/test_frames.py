"""Frames: flat columns, UTC datetimes, complete categoricals, no contents."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from swfkit.client import (
    Document,
    Notificatie,
    NotificatieType,
    Samenwerking,
    SamenwerkingStatus,
    Vertrouwelijkheid,
)
from swfkit.frames import to_frame


def _document(n: int, vertrouwelijkheid: str) -> Document:
    return Document.model_validate(
        {
            "documentId": f"doc-{n}",
            "samenwerkingId": "SAM-1",
            "bestandsNaam": f"tekening-{n}.pdf",
            "vertrouwelijkheidsAanduiding": vertrouwelijkheid,
            "formaat": "application/pdf",
            "bestandsGrootte": 1000 + n,
            "documentHash": "ab" * 32,
            "aangemaaktDoor": "00000099000000010000",
            "creatieDatumTijd": "2024-05-01T10:00:00+02:00",
            "_links": {"self": {"href": "x"}, "content": {"href": "y"}},
        }
    )


def test_documenten_frame_is_flat_typed_and_without_links():
    frame = to_frame([_document(1, "RV"), _document(2, "SV")])

    assert "links" not in frame.columns and "_links" not in frame.columns
    assert list(frame["document_id"]) == ["doc-1", "doc-2"]
    assert str(frame["creatie_datum_tijd"].dtype) == "datetime64[ns, UTC]"
    assert frame["creatie_datum_tijd"][0] == pd.Timestamp("2024-05-01T08:00Z")
    assert str(frame["bestands_grootte"].dtype) == "Int64"
    kind = frame["vertrouwelijkheids_aanduiding"]
    assert isinstance(kind.dtype, pd.CategoricalDtype)
    assert list(kind.cat.categories) == [v.value for v in Vertrouwelijkheid]


def test_frame_never_holds_bytes():
    frame = to_frame([_document(1, "RV")])

    for column in frame.columns:
        assert not any(isinstance(value, bytes) for value in frame[column])


def test_status_category_lists_every_enum_value():
    samenwerking = Samenwerking.model_validate(
        {"samenwerkingId": "SAM-1", "status": {"status": "OPEN"}}
    )

    frame = to_frame([samenwerking])

    assert "status" in frame.columns and "status_status" not in frame.columns
    assert list(frame["status"].cat.categories) == [s.value for s in SamenwerkingStatus]


def test_notificatie_properties_become_flat_snake_columns():
    notificaties = [
        Notificatie.model_validate(
            {
                "notificatieId": f"n-{i}",
                "notificatieType": kind,
                "eventDatumTijd": "2024-05-01T10:00:00Z",
                "properties": {"documentId": f"d-{i}"},
            }
        )
        for i, kind in enumerate(["DOCUMENT_TOEGEVOEGD", "ONBEKEND_NIEUW"])
    ]

    frame = to_frame(notificaties)

    assert list(frame["properties_document_id"]) == ["d-0", "d-1"]
    categories = list(frame["notificatie_type"].cat.categories)
    assert categories == [t.value for t in NotificatieType] + ["ONBEKEND_NIEUW"]


def test_empty_collection_keeps_its_columns():
    frame = to_frame([], model=Document)

    assert frame.empty
    assert "vertrouwelijkheids_aanduiding" in frame.columns


def test_mixed_models_are_refused():
    samenwerking = Samenwerking.model_validate(
        {"samenwerkingId": "SAM-1", "status": "OPEN"}
    )

    with pytest.raises(TypeError):
        to_frame([samenwerking, _document(1, "RV")])


def test_actieverzoeken_frame_keeps_dates_and_document_ids():
    from swfkit.client import Actieverzoek, ActieverzoekStatus

    frame = to_frame(
        [
            Actieverzoek.model_validate(
                {
                    "actieverzoekId": "a",
                    "status": "OPEN",
                    "documenten": ["d1"],
                    "uiterlijkeReactieDatum": "2024-06-01",
                }
            ),
            Actieverzoek.model_validate({"actieverzoekId": "b", "status": "GEREED"}),
        ]
    )

    assert str(frame["uiterlijke_reactie_datum"].dtype) == "datetime64[ns]"
    assert frame["uiterlijke_reactie_datum"][0] == pd.Timestamp("2024-06-01")
    assert pd.isna(frame["uiterlijke_reactie_datum"][1])
    assert list(frame["documenten"]) == [["d1"], []]
    assert list(frame["status"].cat.categories) == [s.value for s in ActieverzoekStatus]


def test_missing_pandas_names_the_frames_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(ImportError, match=r"swfkit\[frames\]"):
        to_frame([_document(1, "RV")])
