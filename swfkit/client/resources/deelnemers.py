"""Deelnemers: ketenpartners uitnodigen, overzicht, privilege, verwijderen."""

from __future__ import annotations

from swfkit.client.base import ClientBase, path
from swfkit.client.enums import Privilege
from swfkit.client.models import Deelnemer
from swfkit.client.paging import Collection
from swfkit.oin import parse_kvk, parse_oin


class DeelnemersMixin(ClientBase):
    """Methods for the deelnemers of a samenwerking."""

    def list_deelnemers(
        self, samenwerking_id: str, *, page_size: int | None = None
    ) -> Collection[Deelnemer]:
        """Overzicht deelnemers: the initiator and every ketenpartner."""
        ref = path("samenwerkingen", samenwerking_id, "deelnemers")
        return self._collection(Deelnemer, ref, page_size=page_size)

    def get_deelnemer(self, samenwerking_id: str, deelnemer_id: str) -> Deelnemer:
        """One deelnemer of a samenwerking."""
        ref = path("samenwerkingen", samenwerking_id, "deelnemers", deelnemer_id)
        return self._get(Deelnemer, ref)

    def invite_ketenpartner(
        self,
        samenwerking_id: str,
        *,
        privilege: Privilege | str,
        oin: str | None = None,
        kvk_nummer: str | None = None,
    ) -> Deelnemer:
        """Ketenpartner uitnodigen, by OIN or (for a company) KvK-nummer.

        Args:
            samenwerking_id: the samenwerking to invite to.
            privilege: BEPERKTE_TOEGANG (RV only) or VOLLEDIGE_TOEGANG.
            oin: the partner's OIN (or HRN).
            kvk_nummer: the partner's 8-digit KvK-nummer instead of an OIN.

        Raises:
            TypeError: neither or both of ``oin`` and ``kvk_nummer``.
            InvalidOinError: the OIN or KvK-nummer is malformed.
        """
        if (oin is None) == (kvk_nummer is None):
            raise TypeError("give exactly one of oin= and kvk_nummer=")
        body: dict[str, str] = {"privilege": Privilege(privilege).value}
        if oin is not None:
            body["oin"] = parse_oin(oin).value
        else:
            body["kvkNummer"] = parse_kvk(str(kvk_nummer))
        ref = path("samenwerkingen", samenwerking_id, "deelnemers")
        return self._send("POST", Deelnemer, ref, body)

    def change_privilege(
        self, samenwerking_id: str, deelnemer_id: str, privilege: Privilege | str
    ) -> Deelnemer:
        """Privilege van een ketenpartner aanpassen."""
        ref = path("samenwerkingen", samenwerking_id, "deelnemers", deelnemer_id)
        return self._patch(Deelnemer, ref, {"privilege": Privilege(privilege).value})

    def remove_ketenpartner(self, samenwerking_id: str, deelnemer_id: str) -> None:
        """Ketenpartner verwijderen: they lose all access at once."""
        self._delete(
            path("samenwerkingen", samenwerking_id, "deelnemers", deelnemer_id)
        )
