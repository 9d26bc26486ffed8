"""Samenwerkingen: starten, overzicht, lezen, wijzigen, stoppen, verwijderen."""

from __future__ import annotations

from typing import Any

from swfkit.client.base import ClientBase, path, wire_body
from swfkit.client.enums import SamenwerkingStatus, SamenwerkVorm
from swfkit.client.models import Samenwerking
from swfkit.client.paging import Collection

SAMENWERKING_FIELDS = frozenset(
    {
        "titel",
        "beschrijving",
        "kenmerk_systeem",
        "nummer_binnen_systeem",
        "contactpersoon_naam",
        "contactpersoon_emailadres",
        "contactpersoon_telefoonnummer",
        "taal",
    }
)


class SamenwerkingenMixin(ClientBase):
    """Methods for the samenwerking (samenwerkdossier) itself."""

    def list_samenwerkingen(
        self,
        status: SamenwerkingStatus | str | None = None,
        *,
        page_size: int | None = None,
    ) -> Collection[Samenwerking]:
        """Overzicht samenwerkingen: those the acting organisation takes part in.

        Args:
            status: only samenwerkingen with this status.
            page_size: items per request (server default 20, at most 100).
        """
        return self._collection(
            Samenwerking, "samenwerkingen", {"status": status}, page_size=page_size
        )

    def get_samenwerking(self, samenwerking_id: str) -> Samenwerking:
        """Samenwerking lezen."""
        return self._get(Samenwerking, path("samenwerkingen", samenwerking_id))

    def start_samenwerking(
        self,
        verzoeknummer: str,
        titel: str,
        *,
        samenwerk_vorm: SamenwerkVorm | str | None = None,
        verzoek_in_dossier: bool = False,
        **fields: Any,
    ) -> Samenwerking:
        """Samenwerking starten on a received verzoek.

        Args:
            verzoeknummer: the verzoek the samenwerking is about.
            titel: title of the samenwerking.
            samenwerk_vorm: behandelen (default on the server) or toezicht
                en handhaving.
            verzoek_in_dossier: also put the verzoek's documents in the dossier.
            **fields: ``beschrijving``, ``kenmerk_systeem``,
                ``nummer_binnen_systeem``, ``contactpersoon_naam``,
                ``contactpersoon_emailadres``, ``contactpersoon_telefoonnummer``,
                ``taal``.
        """
        body = wire_body(fields, allowed=SAMENWERKING_FIELDS - {"titel"})
        body.update(
            wire_body(
                {
                    "verzoeknummer": verzoeknummer,
                    "titel": titel,
                    "verzoek_in_dossier": verzoek_in_dossier,
                }
            )
        )
        if samenwerk_vorm is not None:
            body["samenwerkVorm"] = str(samenwerk_vorm)
        return self._send("POST", Samenwerking, "samenwerkingen", body)

    def update_samenwerking(self, samenwerking_id: str, **changes: Any) -> Samenwerking:
        """Metadata van een samenwerking wijzigen (initiator only).

        Only the given fields change; ``None`` clears a field (merge patch).
        Fields as for :meth:`start_samenwerking`, plus ``titel``.
        """
        body = wire_body(changes, allowed=SAMENWERKING_FIELDS)
        return self._patch(Samenwerking, path("samenwerkingen", samenwerking_id), body)

    def stop_samenwerking(self, samenwerking_id: str) -> Samenwerking:
        """Samenwerking stoppen: the status becomes GESLOTEN."""
        body = {"status": {"status": SamenwerkingStatus.GESLOTEN.value}}
        return self._patch(Samenwerking, path("samenwerkingen", samenwerking_id), body)

    def delete_samenwerking(self, samenwerking_id: str) -> None:
        """Samenwerking verwijderen (only once GESLOTEN, initiator only)."""
        self._delete(path("samenwerkingen", samenwerking_id))
