"""Documenten: toevoegen, overzicht, metadata, downloaden, rechten, verwijderen."""

from __future__ import annotations

import os
from typing import IO, Any

from swfkit.client import documents
from swfkit.client.base import ClientBase, path, wire_body
from swfkit.client.documents import DownloadResult, Source, TransferProgress
from swfkit.client.enums import Toegang, Vertrouwelijkheid
from swfkit.client.models import Document, DocumentRecht
from swfkit.client.paging import DOCUMENTEN, STANDARD, Collection

DOCUMENT_FIELDS = frozenset(
    {
        "document_omschrijving",
        "vertrouwelijkheids_aanduiding",
        "kenmerk_systeem",
        "nummer_binnen_systeem",
        "taal",
    }
)


class DocumentenMixin(ClientBase):
    """Methods for the documents in a samenwerking and their rights."""

    def list_documenten(
        self,
        samenwerking_id: str,
        *,
        aangemaakt_door: str | None = None,
        niet_aangemaakt_door: str | None = None,
        aangemaakt_door_naam: str | None = None,
        vertrouwelijkheid: Vertrouwelijkheid | str | None = None,
        page_size: int | None = None,
    ) -> Collection[Document]:
        """Overzicht documenten the acting organisation may see.

        Args:
            samenwerking_id: the samenwerking.
            aangemaakt_door: only documents uploaded by this OIN.
            niet_aangemaakt_door: only documents not uploaded by this OIN.
            aangemaakt_door_naam: only documents uploaded by this name.
            vertrouwelijkheid: only RV or only SV documents.
            page_size: items per request.
        """
        params = {
            "aangemaaktDoor": aangemaakt_door,
            "aangemaaktDoor[not]": niet_aangemaakt_door,
            "aangemaaktDoorNaam": aangemaakt_door_naam,
            "vertrouwelijkheidsAanduiding": vertrouwelijkheid,
        }
        ref = path("samenwerkingen", samenwerking_id, "documenten")
        return self._collection(
            Document, ref, params, paging=DOCUMENTEN, page_size=page_size
        )

    def upload_document(
        self,
        samenwerking_id: str,
        source: Source,
        *,
        omschrijving: str,
        vertrouwelijkheid: Vertrouwelijkheid | str,
        bestandsnaam: str | None = None,
        formaat: str | None = None,
        kenmerk_systeem: str | None = None,
        nummer_binnen_systeem: str | None = None,
        taal: str | None = None,
        progress: TransferProgress | None = None,
    ) -> Document:
        """Document toevoegen, streamed: the file is never read whole.

        Args:
            samenwerking_id: the samenwerking to add to.
            source: a path, bytes, or a binary file object.
            omschrijving: the documentOmschrijving.
            vertrouwelijkheid: RV or SV.
            bestandsnaam: file name; default the path's name (required for
                bytes and unnamed file objects).
            formaat: media type; guessed from the file name by default.
            kenmerk_systeem: the uploading system's identifier.
            nummer_binnen_systeem: the reference in that system.
            taal: language code, e.g. ``NL``.
            progress: called with (bytes sent, total bytes).
        """
        params = {
            "documentOmschrijving": omschrijving,
            "vertrouwelijkheidsAanduiding": Vertrouwelijkheid(vertrouwelijkheid).value,
            "kenmerkSysteem": kenmerk_systeem,
            "nummerBinnenSysteem": nummer_binnen_systeem,
            "taal": taal,
        }
        ref = path("samenwerkingen", samenwerking_id, "documenten")
        with documents.multipart_body(source, bestandsnaam, formaat, progress) as body:
            response = self.transport.request(
                "POST",
                ref,
                params=params,
                data=body,
                headers={"Content-Type": body.content_type},
            )
        return Document.model_validate(response.json())

    def get_document(self, document_id: str) -> Document:
        """Metadata van een document tonen."""
        return self._get(Document, path("documenten", document_id))

    def update_document(self, document_id: str, **changes: Any) -> Document:
        """Metadata van een document wijzigen (merge patch).

        Fields: ``document_omschrijving``, ``vertrouwelijkheids_aanduiding``
        (only the uploading organisation), ``kenmerk_systeem``,
        ``nummer_binnen_systeem``, ``taal``.
        """
        body = wire_body(changes, allowed=DOCUMENT_FIELDS)
        return self._patch(Document, path("documenten", document_id), body)

    def delete_document(self, document_id: str) -> None:
        """Document verwijderen."""
        self._delete(path("documenten", document_id))

    def download_document(
        self,
        document: str | Document,
        target: str | os.PathLike[str] | IO[bytes],
        *,
        progress: TransferProgress | None = None,
    ) -> DownloadResult:
        """Document downloaden, streamed to a directory, a path or a file object.

        Size and SHA-256 are checked against ``Content-Length`` and
        ``Repr-Digest``, and against ``bestandsGrootte`` and ``documentHash``
        when a :class:`Document` is passed.

        Raises:
            ConfigurationError: the target folder does not exist.
            IntegrityError: the bytes do not match; nothing is left behind.
        """
        documents.check_target(target)
        known = document if isinstance(document, Document) else None
        document_id = known.document_id if known else str(document)
        response = self.transport.request(
            "GET",
            path("documenten", document_id, "content"),
            stream=True,
            headers={"Accept": "*/*"},
        )
        return documents.download(
            response,
            target,
            document_id=document_id,
            expected_sha256=known.document_hash if known else None,
            expected_size=known.bestands_grootte if known else None,
            progress=progress,
        )

    def list_document_rechten(self, document_id: str) -> Collection[DocumentRecht]:
        """Per-document rechten: overrides of a ketenpartner's privilege."""
        ref = path("documenten", document_id, "rechten")
        return self._collection(DocumentRecht, ref, paging=STANDARD)

    def get_document_recht(self, document_id: str, deelnemer_id: str) -> DocumentRecht:
        """The override for one deelnemer on one document."""
        ref = path("documenten", document_id, "rechten", deelnemer_id)
        return self._get(DocumentRecht, ref)

    def set_document_recht(
        self, document_id: str, deelnemer_id: str, toegang: Toegang | str
    ) -> DocumentRecht:
        """Rechten van een ketenpartner op één document aanpassen."""
        ref = path("documenten", document_id, "rechten", deelnemer_id)
        body = {"toegang": Toegang(toegang).value}
        return self._send("PUT", DocumentRecht, ref, body)

    def delete_document_recht(self, document_id: str, deelnemer_id: str) -> None:
        """Remove the override: the deelnemer's privilege applies again."""
        self._delete(path("documenten", document_id, "rechten", deelnemer_id))
