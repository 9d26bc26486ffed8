"""Actieverzoeken: uitzetten, overzicht, status wijzigen, berichten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from swfkit.client.base import ClientBase, path, wire_body
from swfkit.client.enums import ActieverzoekStatus
from swfkit.client.models import Actieverzoek, Bericht
from swfkit.client.paging import Collection
from swfkit.oin import parse_oin

ACTIEVERZOEK_FIELDS = frozenset(
    {"status", "melding", "titel", "omschrijving", "product_id"}
)


class ActieverzoekenMixin(ClientBase):
    """Methods for actieverzoeken and the berichten on them."""

    def create_actieverzoek(
        self,
        samenwerking_id: str,
        *,
        titel: str,
        omschrijving: str,
        ontvanger: str,
        product_id: str | None = None,
        uiterlijke_reactie_datum: dt.date | None = None,
        documenten: Sequence[str] = (),
    ) -> Actieverzoek:
        """Actieverzoek uitzetten to one other deelnemer.

        Args:
            samenwerking_id: the samenwerking.
            titel: short title.
            omschrijving: what is asked.
            ontvanger: the OIN of the receiving deelnemer.
            product_id: the product asked for, if any.
            uiterlijke_reactie_datum: answer wanted by this date.
            documenten: documentIds the request is about.
        """
        fields: dict[str, Any] = {
            "titel": titel,
            "omschrijving": omschrijving,
            "ontvanger": parse_oin(ontvanger).value,
            "product_id": product_id,
            "uiterlijke_reactie_datum": uiterlijke_reactie_datum,
            "documenten": list(documenten),
        }
        body = wire_body({k: v for k, v in fields.items() if v is not None})
        ref = path("samenwerkingen", samenwerking_id, "actieverzoeken")
        return self._send("POST", Actieverzoek, ref, body)

    def list_actieverzoeken(
        self,
        *,
        samenwerking_id: str | None = None,
        organisatie: str | None = None,
        status: ActieverzoekStatus | str | None = None,
        page_size: int | None = None,
    ) -> Collection[Actieverzoek]:
        """Overzicht actieverzoeken van of voor een deelnemer.

        Args:
            samenwerking_id: only in this samenwerking.
            organisatie: only those sent by or to this OIN.
            status: only in this status.
            page_size: items per request.
        """
        params = {
            "samenwerkingId": samenwerking_id,
            "organisatie": organisatie,
            "status": status,
        }
        return self._collection(
            Actieverzoek, "actieverzoeken", params, page_size=page_size
        )

    def get_actieverzoek(self, actieverzoek_id: str) -> Actieverzoek:
        """Actieverzoek lezen."""
        return self._get(Actieverzoek, path("actieverzoeken", actieverzoek_id))

    def update_actieverzoek(self, actieverzoek_id: str, **changes: Any) -> Actieverzoek:
        """Actieverzoek wijzigen (merge patch).

        Fields: ``status``, ``melding``, ``titel``, ``omschrijving``,
        ``product_id``. The transition methods below are clearer for status.
        """
        body = wire_body(changes, allowed=ACTIEVERZOEK_FIELDS)
        return self._patch(Actieverzoek, path("actieverzoeken", actieverzoek_id), body)

    def accept_actieverzoek(
        self, actieverzoek_id: str, melding: str | None = None
    ) -> Actieverzoek:
        """Actieverzoek in behandeling nemen (ontvanger): IN_BEHANDELING."""
        return self._transition(
            actieverzoek_id, ActieverzoekStatus.IN_BEHANDELING, melding
        )

    def refuse_actieverzoek(
        self, actieverzoek_id: str, melding: str | None = None
    ) -> Actieverzoek:
        """Actieverzoek weigeren (ontvanger): GEWEIGERD."""
        return self._transition(actieverzoek_id, ActieverzoekStatus.GEWEIGERD, melding)

    def report_actieverzoek_done(
        self, actieverzoek_id: str, melding: str | None = None
    ) -> Actieverzoek:
        """Actieverzoek gereedmelden (ontvanger): GEREEDGEMELD."""
        return self._transition(
            actieverzoek_id, ActieverzoekStatus.GEREEDGEMELD, melding
        )

    def approve_actieverzoek(
        self, actieverzoek_id: str, melding: str | None = None
    ) -> Actieverzoek:
        """Gereedmelding accepteren (zender): GEREED."""
        return self._transition(actieverzoek_id, ActieverzoekStatus.GEREED, melding)

    def withdraw_actieverzoek(
        self, actieverzoek_id: str, melding: str | None = None
    ) -> Actieverzoek:
        """Actieverzoek intrekken (zender): INGETROKKEN."""
        return self._transition(
            actieverzoek_id, ActieverzoekStatus.INGETROKKEN, melding
        )

    def _transition(
        self, actieverzoek_id: str, status: ActieverzoekStatus, melding: str | None
    ) -> Actieverzoek:
        changes: dict[str, Any] = {"status": status}
        if melding is not None:
            changes["melding"] = melding
        return self.update_actieverzoek(actieverzoek_id, **changes)

    def list_berichten(
        self, actieverzoek_id: str, *, page_size: int | None = None
    ) -> Collection[Bericht]:
        """Berichten (reacties) on an actieverzoek."""
        ref = path("actieverzoeken", actieverzoek_id, "berichten")
        return self._collection(Bericht, ref, page_size=page_size)

    def get_bericht(self, actieverzoek_id: str, bericht_id: str) -> Bericht:
        """One bericht on an actieverzoek."""
        return self._get(
            Bericht, path("actieverzoeken", actieverzoek_id, "berichten", bericht_id)
        )

    def send_bericht(self, actieverzoek_id: str, bericht: str) -> Bericht:
        """Bericht sturen on an actieverzoek, to the other party."""
        ref = path("actieverzoeken", actieverzoek_id, "berichten")
        return self._send("POST", Bericht, ref, {"bericht": bericht})
