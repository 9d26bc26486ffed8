"""The SWF code lists as string enums.

Values are the wire values; members compare equal to plain strings, so
``samenwerking.status == "OPEN"`` works as well as ``SamenwerkingStatus.OPEN``.
"""

from __future__ import annotations

import logging
from enum import StrEnum

logger = logging.getLogger(__name__)


class SamenwerkingStatus(StrEnum):
    """Status of a samenwerking (samenwerkdossier)."""

    INITIALISATIE = "INITIALISATIE"
    OPEN = "OPEN"
    GESLOTEN = "GESLOTEN"


class SamenwerkVorm(StrEnum):
    """The two forms of samenwerking in the CIM-SWF."""

    SAMENWERKEN_AAN_BEHANDELEN = "SAMENWERKEN_AAN_BEHANDELEN"
    SAMENWERKEN_AAN_TOEZICHT_EN_HANDHAVING = "SAMENWERKEN_AAN_TOEZICHT_EN_HANDHAVING"


class ActieverzoekStatus(StrEnum):
    """Status of an actieverzoek."""

    OPEN = "OPEN"
    IN_BEHANDELING = "IN_BEHANDELING"
    GEWEIGERD = "GEWEIGERD"
    GEREEDGEMELD = "GEREEDGEMELD"
    GEREED = "GEREED"
    INGETROKKEN = "INGETROKKEN"


class Privilege(StrEnum):
    """What a ketenpartner may see: RV only, or RV and SV."""

    BEPERKTE_TOEGANG = "BEPERKTE_TOEGANG"
    VOLLEDIGE_TOEGANG = "VOLLEDIGE_TOEGANG"


class Vertrouwelijkheid(StrEnum):
    """``vertrouwelijkheidsAanduiding`` of a document."""

    RV = "RV"
    """Vertrouwelijk: every deelnemer sees it."""
    SV = "SV"
    """Strikt vertrouwelijk: only deelnemers with volledige toegang."""


class Rol(StrEnum):
    """Role of a deelnemer in a samenwerking."""

    INITIATOR = "INITIATOR"
    KETENPARTNER = "KETENPARTNER"


class Toegang(StrEnum):
    """A per-document override of a ketenpartner's privilege."""

    TOEGESTAAN = "TOEGESTAAN"
    GEWEIGERD = "GEWEIGERD"


class NotificatieType(StrEnum):
    """Known notification types; the real API may send others."""

    UITNODIGING_KETENPARTNER = "UITNODIGING_KETENPARTNER"
    DOCUMENT_TOEGEVOEGD = "DOCUMENT_TOEGEVOEGD"
    DOCUMENT_GEWIJZIGD = "DOCUMENT_GEWIJZIGD"
    DOCUMENT_VERWIJDERD = "DOCUMENT_VERWIJDERD"
    STATUS_ACTIEVERZOEK_GEWIJZIGD = "STATUS_ACTIEVERZOEK_GEWIJZIGD"
    VERZOEK_OPHALEN_GESLAAGD = "VERZOEK_OPHALEN_GESLAAGD"
    NIEUW_BERICHT = "NIEUW_BERICHT"
    ACTIEVERZOEK_ONTVANGEN = "ACTIEVERZOEK_ONTVANGEN"
    PRIVILEGE_GEWIJZIGD = "PRIVILEGE_GEWIJZIGD"
    KETENPARTNER_VERWIJDERD = "KETENPARTNER_VERWIJDERD"
    DOCUMENT_RECHTEN_GEWIJZIGD = "DOCUMENT_RECHTEN_GEWIJZIGD"
    SAMENWERKING_GEWIJZIGD = "SAMENWERKING_GEWIJZIGD"
    SAMENWERKING_GESLOTEN = "SAMENWERKING_GESLOTEN"
    SAMENWERKING_VERWIJDERD = "SAMENWERKING_VERWIJDERD"


_warned_types: set[str] = set()


def notificatie_type(value: object) -> NotificatieType | str:
    """A known :class:`NotificatieType`, or the raw string with one warning.

    The official list of types is not public; an unknown type must not stop
    a caller from reading the rest of their notifications.
    """
    text = str(value)
    try:
        return NotificatieType(text)
    except ValueError:
        if text not in _warned_types:
            _warned_types.add(text)
            logger.warning("unknown notificatieType %r kept as text", text)
        return text
