"""Typed models for the SWF resources.

Field names are the contract's wire names in snake_case (see
:mod:`swfkit.client.wire`); models are immutable and ignore members they do
not know, so a newer server does not break an older client. Every datetime
is timezone-aware.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
)

from swfkit.client.enums import (
    ActieverzoekStatus,
    NotificatieType,
    Privilege,
    Rol,
    SamenwerkingStatus,
    SamenwerkVorm,
    Toegang,
    Vertrouwelijkheid,
    notificatie_type,
)
from swfkit.client.wire import to_camel

logger = logging.getLogger(__name__)


def _aware(value: dt.datetime) -> dt.datetime:
    # RFC 3339 requires an offset; a server that leaves it out means UTC in
    # every SWF sample seen, and a naive datetime would poison comparisons.
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _unwrap_status(value: Any) -> Any:
    # The samenwerking status travels as {"status": "OPEN"}.
    if isinstance(value, dict):
        return value.get("status")
    return value


def _wrap_status(value: SamenwerkingStatus) -> dict[str, str]:
    return {"status": value.value}


AwareDatetime = Annotated[dt.datetime, AfterValidator(_aware)]
NotificatieTypeValue = Annotated[
    NotificatieType | str, BeforeValidator(notificatie_type)
]


class Link(BaseModel):
    """One HAL link."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    href: str
    templated: bool | None = None
    title: str | None = None


class SwfModel(BaseModel):
    """Common base: wire aliases, immutability and HAL links."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        frozen=True,
        extra="ignore",
    )

    #: Member of ``_embedded`` that holds a collection of this model.
    embedded_name: ClassVar[str] = ""

    links: dict[str, Link | list[Link]] = Field(default_factory=dict)

    def link(self, name: str) -> str | None:
        """The href of link ``name``, or None when the server gave none."""
        found = self.links.get(name)
        if isinstance(found, list):
            found = found[0] if found else None
        return found.href if found else None


class Samenwerking(SwfModel):
    """A samenwerking (samenwerkdossier)."""

    embedded_name: ClassVar[str] = "samenwerkingen"

    samenwerking_id: str
    #: Flat in Python; JSON dumps give the wire's ``{"status": ...}`` back.
    status: Annotated[
        SamenwerkingStatus,
        BeforeValidator(_unwrap_status),
        PlainSerializer(_wrap_status, when_used="json"),
    ]
    titel: str | None = None
    beschrijving: str | None = None
    samenwerk_vorm: SamenwerkVorm | None = None
    samenwerk_doel: str | None = None
    verzoeknummer: str | None = None
    olo_verzoeknummer: str | None = None
    bron_verzoek: str | None = None
    type_verzoek: str | None = None
    globale_locatie: str | None = None
    taal: str | None = None
    aangemaakt_door: str | None = None
    aangemaakt_door_naam: str | None = None
    creatie_datum_tijd: AwareDatetime | None = None
    eind_datum_tijd: AwareDatetime | None = None
    laatst_aangepast_door: str | None = None
    laatst_aangepast_door_naam: str | None = None
    laatst_aangepast_datum_tijd: AwareDatetime | None = None
    kenmerk_systeem: str | None = None
    nummer_binnen_systeem: str | None = None
    contactpersoon_naam: str | None = None
    contactpersoon_emailadres: str | None = None
    contactpersoon_telefoonnummer: str | None = None
    aantal_actieverzoeken: int | None = None
    aantal_notificaties: int | None = None


class Deelnemer(SwfModel):
    """A deelnemer: the initiator or a ketenpartner of a samenwerking."""

    embedded_name: ClassVar[str] = "deelnemers"

    deelnemer_id: str
    samenwerking_id: str | None = None
    rol: Rol | None = None
    oin: str | None = None
    kvk_nummer: str | None = None
    naam: str | None = None
    privilege: Privilege | None = None
    uitgenodigd_door: str | None = None
    uitnodiging_datum_tijd: AwareDatetime | None = None


class Document(SwfModel):
    """Metadata of a document in a samenwerking (never its contents)."""

    embedded_name: ClassVar[str] = "documenten"

    document_id: str
    samenwerking_id: str | None = None
    bestands_naam: str | None = None
    document_omschrijving: str | None = None
    vertrouwelijkheids_aanduiding: Vertrouwelijkheid | None = None
    taal: str | None = None
    formaat: str | None = None
    bestands_grootte: int | None = None
    document_hash: str | None = None
    kenmerk_systeem: str | None = None
    nummer_binnen_systeem: str | None = None
    aangemaakt_door: str | None = None
    aangemaakt_door_naam: str | None = None
    creatie_datum_tijd: AwareDatetime | None = None
    laatst_aangepast_door: str | None = None
    laatst_aangepast_door_naam: str | None = None
    laatst_aangepast_datum_tijd: AwareDatetime | None = None


class DocumentRecht(SwfModel):
    """A per-document override of one ketenpartner's privilege."""

    embedded_name: ClassVar[str] = "rechten"

    document_id: str
    deelnemer_id: str
    toegang: Toegang
    oin: str | None = None
    naam: str | None = None
    laatst_aangepast_door: str | None = None
    laatst_aangepast_door_naam: str | None = None
    laatst_aangepast_datum_tijd: AwareDatetime | None = None


class Actieverzoek(SwfModel):
    """An actieverzoek from one deelnemer (zender) to another (ontvanger)."""

    embedded_name: ClassVar[str] = "actieverzoeken"

    #: Link names the server offers for the transitions this caller may make.
    TRANSITIONS: ClassVar[tuple[str, ...]] = (
        "behandelen",
        "weigeren",
        "gereedmelden",
        "accepteren",
        "intrekken",
    )

    actieverzoek_id: str
    status: ActieverzoekStatus
    samenwerking_id: str | None = None
    titel: str | None = None
    omschrijving: str | None = None
    melding: str | None = None
    product_id: str | None = None
    zender: str | None = None
    zender_naam: str | None = None
    ontvanger: str | None = None
    ontvanger_naam: str | None = None
    uiterlijke_reactie_datum: dt.date | None = None
    aantal_berichten: int | None = None
    documenten: list[str] = Field(default_factory=list)
    creatie_datum_tijd: AwareDatetime | None = None
    laatst_aangepast_door: str | None = None
    laatst_aangepast_door_naam: str | None = None
    laatst_aangepast_datum_tijd: AwareDatetime | None = None

    @property
    def allowed_transitions(self) -> list[str]:
        """Transition link names the server offers this caller."""
        return [name for name in self.TRANSITIONS if name in self.links]


class Bericht(SwfModel):
    """A message (reactie) on an actieverzoek."""

    embedded_name: ClassVar[str] = "berichten"

    bericht_id: str
    inhoud: str
    actieverzoek_id: str | None = None
    samenwerking_id: str | None = None
    zender: str | None = None
    zender_naam: str | None = None
    ontvanger: str | None = None
    ontvanger_naam: str | None = None
    creatie_datum_tijd: AwareDatetime | None = None


class Notificatie(SwfModel):
    """A notificatie (attendering) about an event in a samenwerking."""

    embedded_name: ClassVar[str] = "notificaties"

    notificatie_id: str
    notificatie_type: NotificatieTypeValue
    event_datum_tijd: AwareDatetime
    samenwerking_id: str | None = None
    samenwerk_vorm: SamenwerkVorm | None = None
    notificatie_titel: str | None = None
    notificatie_tekst: str | None = None
    event_initiator: str | None = None
    event_initiator_naam: str | None = None
    deelnemer: str | None = None
    deelnemer_naam: str | None = None
    properties: dict[str, Any] | None = None


ALL_MODELS: tuple[type[SwfModel], ...] = (
    Samenwerking,
    Deelnemer,
    Document,
    DocumentRecht,
    Actieverzoek,
    Bericht,
    Notificatie,
)
