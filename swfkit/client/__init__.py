"""The swfkit client: typed access to every SWF function over mutual TLS."""

from __future__ import annotations

from swfkit.client.client import Client
from swfkit.client.cursor import NotificatieCursor
from swfkit.client.documents import DownloadResult
from swfkit.client.enums import (
    ActieverzoekStatus,
    NotificatieType,
    Privilege,
    Rol,
    SamenwerkingStatus,
    SamenwerkVorm,
    Toegang,
    Vertrouwelijkheid,
)
from swfkit.client.models import (
    Actieverzoek,
    Bericht,
    Deelnemer,
    Document,
    DocumentRecht,
    Link,
    Notificatie,
    Samenwerking,
)
from swfkit.client.paging import Collection, Page

__all__ = [
    "Actieverzoek",
    "ActieverzoekStatus",
    "Bericht",
    "Client",
    "Collection",
    "Deelnemer",
    "Document",
    "DocumentRecht",
    "DownloadResult",
    "Link",
    "Notificatie",
    "NotificatieCursor",
    "NotificatieType",
    "Page",
    "Privilege",
    "Rol",
    "SamenwerkVorm",
    "Samenwerking",
    "SamenwerkingStatus",
    "Toegang",
    "Vertrouwelijkheid",
]
