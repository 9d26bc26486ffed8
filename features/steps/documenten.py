"""Steps about documents: adding, downloading, metadata, listing, deleting."""

from __future__ import annotations

import hashlib
import io
import logging

from pytest_bdd import given, parsers, step, then, when

from features.steps.wereld import NIVEAUS, REGEL, Wereld, fail, rol
from swfkit.client import Document
from swfkit.conformance.runid import KENMERK_SYSTEEM

logger = logging.getLogger(__name__)

NAAM = r'"(?P<naam>[^"]+)"'
NIVEAU = r"(?P<niveau>strikt vertrouwelijk|vertrouwelijk)"


def inhoud(naam: str) -> bytes:
    """The bytes of a test document: fixed per name, so replays match."""
    lines = [
        b"%PDF-1.4",
        b"% swfkit conformance test document",
        f"% {naam}".encode(),
        b"%%EOF",
        b"",
    ]
    return b"\n".join(lines)


def voeg_toe(wereld: Wereld, phrase: str, naam: str, niveau: str) -> Document:
    """Upload a test document as ``phrase``."""
    data = inhoud(naam)
    wereld.inhoud[naam] = data
    return wereld.client(phrase).upload_document(
        wereld.sid,
        data,
        bestandsnaam=naam,
        omschrijving=f"Testdocument {naam}",
        vertrouwelijkheid=NIVEAUS[niveau],
        kenmerk_systeem=KENMERK_SYSTEEM,
        nummer_binnen_systeem=wereld.marker.next_nummer(),
    )


def zichtbaar(wereld: Wereld, phrase: str, naam: str) -> bool:
    """Whether a document appears in a role's overzicht documenten."""
    document_id = wereld.document(naam).document_id
    listing = wereld.client(phrase).list_documenten(wereld.sid)
    return any(d.document_id == document_id for d in listing)


@given(parsers.re(rf"{rol()} heeft het document {NAAM} toegevoegd als {NIVEAU}"))
def _(wereld: Wereld, rol: str, naam: str, niveau: str) -> None:
    document = wereld.voorbereiding(
        f"document {naam} toevoegen", lambda: voeg_toe(wereld, rol, naam, niveau)
    )
    wereld.documenten[naam] = document


@when(parsers.re(rf"{rol()} het document {NAAM} toevoegt als {NIVEAU}"))
def _(wereld: Wereld, rol: str, naam: str, niveau: str) -> None:
    uitkomst = wereld.poging(lambda: voeg_toe(wereld, rol, naam, niveau))
    if uitkomst.ok:
        wereld.documenten[naam] = uitkomst.waarde


@when(parsers.re(rf"{rol()} het document {NAAM} downloadt"))
def _(wereld: Wereld, rol: str, naam: str) -> None:
    document_id = wereld.document(naam).document_id

    def download() -> bytes:
        buffer = io.BytesIO()
        wereld.client(rol).download_document(document_id, buffer)
        return buffer.getvalue()

    wereld.poging(download)


@when(parsers.re(rf"{rol()} de metadata van het document {NAAM} opvraagt"))
def _(wereld: Wereld, rol: str, naam: str) -> None:
    document_id = wereld.document(naam).document_id
    wereld.poging(lambda: wereld.client(rol).get_document(document_id))


@when(
    parsers.re(
        rf"{rol()} de omschrijving van het document {NAAM} wijzigt in "
        r'"(?P<tekst>[^"]+)"'
    )
)
def _(wereld: Wereld, rol: str, naam: str, tekst: str) -> None:
    document_id = wereld.document(naam).document_id
    wereld.poging(
        lambda: wereld.client(rol).update_document(
            document_id, document_omschrijving=tekst
        )
    )


@when(parsers.re(rf"{rol()} het document {NAAM} strikt vertrouwelijk maakt"))
def _(wereld: Wereld, rol: str, naam: str) -> None:
    document_id = wereld.document(naam).document_id
    wereld.poging(
        lambda: wereld.client(rol).update_document(
            document_id, vertrouwelijkheids_aanduiding="SV"
        )
    )


@when(parsers.re(rf"{rol()} het document {NAAM} verwijdert"))
def _(wereld: Wereld, rol: str, naam: str) -> None:
    document_id = wereld.document(naam).document_id
    wereld.poging(lambda: wereld.client(rol).delete_document(document_id))


@when(
    parsers.re(
        rf"{rol()} het overzicht van (?P<sv>strikt vertrouwelijke )?documenten"
        rf"(?: van {rol('maker')})? opvraagt"
    )
)
def _(wereld: Wereld, rol: str, sv: str | None, maker: str | None) -> None:
    door = wereld.actor(maker).acting_oin if maker else None
    uitkomst = wereld.poging(
        lambda: (
            wereld.client(rol)
            .list_documenten(
                wereld.sid, aangemaakt_door=door, vertrouwelijkheid="SV" if sv else None
            )
            .to_list()
        )
    )
    wereld.overzicht = uitkomst.waarde or []


@step(
    parsers.re(
        rf"{rol()} ziet het document {NAAM} (?P<niet>niet )?in het overzicht" + REGEL
    )
)
def _(wereld: Wereld, rol: str, naam: str, niet: str | None, regel: str | None) -> None:
    _zie(wereld, rol, naam, niet, regel)


@then(
    parsers.re(
        rf"ziet {rol()} het document {NAAM} (?P<niet>niet )?(?:meer )?in het "
        r"overzicht" + REGEL
    )
)
def _(wereld: Wereld, rol: str, naam: str, niet: str | None, regel: str | None) -> None:
    _zie(wereld, rol, naam, niet, regel)


def _zie(
    wereld: Wereld, phrase: str, naam: str, niet: str | None, regel: str | None
) -> None:
    seen = zichtbaar(wereld, phrase, naam)
    if niet and seen:
        fail(f"{phrase} zag het document {naam!r} toch in het overzicht", regel)
    if not niet and not seen:
        fail(f"{phrase} ziet het document {naam!r} niet in het overzicht", regel)


@then(parsers.re(rf"staat het document {NAAM} niet in het overzicht" + REGEL))
def _(wereld: Wereld, naam: str, regel: str | None) -> None:
    document_id = wereld.document(naam).document_id
    if any(d.document_id == document_id for d in wereld.overzicht):
        fail(f"het document {naam!r} stond toch in het overzicht", regel)


@then(
    parsers.re(
        r'staan in het overzicht precies de documenten "(?P<a>[^"]+)" en '
        r'"(?P<b>[^"]+)"'
    )
)
def _(wereld: Wereld, a: str, b: str) -> None:
    _precies(wereld, [a, b])


@then(parsers.re(rf"staat in het overzicht alleen het document {NAAM}"))
def _(wereld: Wereld, naam: str) -> None:
    _precies(wereld, [naam])


def _precies(wereld: Wereld, namen: list[str]) -> None:
    if not wereld.uitkomst.ok:
        fail(f"het overzicht kon niet worden opgevraagd: {wereld.uitkomst.fout}")
    expected = sorted(wereld.document(n).document_id for n in namen)
    found = sorted(d.document_id for d in wereld.overzicht)
    if found != expected:
        shown = sorted(str(d.bestands_naam) for d in wereld.overzicht)
        fail(f"verwacht precies {namen}, het overzicht toont {shown}")


@then(
    parsers.re(
        rf"klopt de bestandsnaam, de grootte en de SHA-256-hash van het document "
        rf"{NAAM}"
    )
)
def _(wereld: Wereld, naam: str) -> None:
    doc, data = wereld.document(naam), wereld.inhoud[naam]
    expected = (naam, len(data), hashlib.sha256(data).hexdigest())
    found = (doc.bestands_naam, doc.bestands_grootte, doc.document_hash)
    if found != expected:
        fail(
            f"verwacht (bestandsNaam, bestandsGrootte, documentHash) {expected}, "
            f"de SWF gaf {found}"
        )


@then(parsers.re(rf"is het document {NAAM} toegevoegd door {rol()}"))
def _(wereld: Wereld, naam: str, rol: str) -> None:
    oin = wereld.actor(rol).acting_oin
    if wereld.document(naam).aangemaakt_door != oin:
        fail(
            f"verwacht aangemaaktDoor {oin}, de SWF toont "
            f"{wereld.document(naam).aangemaakt_door}"
        )


@then(parsers.re(rf"is de download gelijk aan het toegevoegde document {NAAM}"))
def _(wereld: Wereld, naam: str) -> None:
    if wereld.uitkomst.waarde != wereld.inhoud[naam]:
        fail(f"de gedownloade bytes van {naam!r} wijken af van wat werd toegevoegd")


@then(
    parsers.re(
        rf"toont de metadata de omschrijving, de vertrouwelijkheid "
        rf"(?P<niveau>RV|SV) en {rol()} als maker"
    )
)
def _(wereld: Wereld, niveau: str, rol: str) -> None:
    doc = wereld.uitkomst.waarde
    if not isinstance(doc, Document):
        fail("er zijn geen metadata opgevraagd")
    found = (
        bool(doc.document_omschrijving),
        str(doc.vertrouwelijkheids_aanduiding),
        doc.aangemaakt_door,
    )
    expected = (True, niveau, wereld.actor(rol).acting_oin)
    if found != expected:
        fail(
            f"verwacht (omschrijving aanwezig, vertrouwelijkheid, maker) {expected}, "
            f"de SWF toont {found}"
        )


@then(parsers.re(rf'heeft het document {NAAM} de omschrijving "(?P<tekst>[^"]+)"'))
def _(wereld: Wereld, naam: str, tekst: str) -> None:
    document_id = wereld.document(naam).document_id
    actueel = wereld.client("de initiator").get_document(document_id)
    if actueel.document_omschrijving != tekst:
        fail(
            f"verwacht omschrijving {tekst!r}, de SWF toont "
            f"{actueel.document_omschrijving!r}"
        )
