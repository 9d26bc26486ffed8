"""Steps about per-document rechten: one ketenpartner, one document."""

from __future__ import annotations

import logging

from pytest_bdd import given, parsers, then, when

from features.steps.wereld import Wereld, fail, rol
from swfkit.client import DocumentRecht

logger = logging.getLogger(__name__)

NAAM = r'"(?P<naam>[^"]+)"'


def rechten(wereld: Wereld, naam: str) -> dict[str, DocumentRecht]:
    """The overrides on a document by deelnemerId, as the initiator sees them."""
    document_id = wereld.document(naam).document_id
    listing = wereld.client("de initiator").list_document_rechten(document_id)
    return {r.deelnemer_id: r for r in listing}


def _zet(wereld: Wereld, phrase: str, partner: str, naam: str, toegang: str) -> None:
    document_id = wereld.document(naam).document_id
    deelnemer_id = wereld.deelnemer_id(partner)
    wereld.poging(
        lambda: wereld.client(phrase).set_document_recht(
            document_id, deelnemer_id, toegang
        )
    )


@when(parsers.re(rf"{rol()} {rol('partner')} toegang geeft tot het document {NAAM}"))
def _(wereld: Wereld, rol: str, partner: str, naam: str) -> None:
    _zet(wereld, rol, partner, naam, "TOEGESTAAN")


@when(
    parsers.re(rf"{rol()} {rol('partner')} de toegang ontzegt tot het document {NAAM}")
)
def _(wereld: Wereld, rol: str, partner: str, naam: str) -> None:
    _zet(wereld, rol, partner, naam, "GEWEIGERD")


@given(
    parsers.re(
        rf"{rol()} heeft {rol('partner')} toegang gegeven tot het document " + NAAM
    )
)
def _(wereld: Wereld, rol: str, partner: str, naam: str) -> None:
    _zet(wereld, rol, partner, naam, "TOEGESTAAN")
    if not wereld.uitkomst.ok:
        fail(f"voorbereiding 'documentrecht zetten' mislukte: {wereld.uitkomst.fout}")


@when(
    parsers.re(
        rf"{rol()} de uitzondering voor {rol('partner')} op het document {NAAM} "
        r"verwijdert"
    )
)
def _(wereld: Wereld, rol: str, partner: str, naam: str) -> None:
    document_id = wereld.document(naam).document_id
    deelnemer_id = wereld.deelnemer_id(partner)
    wereld.poging(
        lambda: wereld.client(rol).delete_document_recht(document_id, deelnemer_id)
    )


@then(
    parsers.re(rf"staat in de rechten op het document {NAAM} dat {rol()} toegang heeft")
)
def _(wereld: Wereld, naam: str, rol: str) -> None:
    recht = rechten(wereld, naam).get(wereld.deelnemer_id(rol))
    if recht is None or str(recht.toegang) != "TOEGESTAAN":
        fail(
            f"verwacht een recht TOEGESTAAN voor {rol} op {naam!r}, de SWF toont "
            f"{recht.toegang if recht else 'geen recht'}"
        )


@then(
    parsers.re(
        rf"staat in de rechten op het document {NAAM} geen uitzondering voor "
        rf"{rol()}"
    )
)
def _(wereld: Wereld, naam: str, rol: str) -> None:
    recht = rechten(wereld, naam).get(wereld.deelnemer_id(rol))
    if recht is not None:
        fail(f"er staat nog een recht {recht.toegang} voor {rol} op {naam!r}")


@then(
    parsers.re(
        rf"toont het afzonderlijk opgevraagde recht van {rol()} op het document "
        rf"{NAAM} de toegang (?P<toegang>TOEGESTAAN|GEWEIGERD)"
    )
)
def _(wereld: Wereld, rol: str, naam: str, toegang: str) -> None:
    document_id = wereld.document(naam).document_id
    recht = wereld.client("de initiator").get_document_recht(
        document_id, wereld.deelnemer_id(rol)
    )
    if str(recht.toegang) != toegang:
        fail(f"verwacht toegang {toegang}, de SWF toont {recht.toegang}")
