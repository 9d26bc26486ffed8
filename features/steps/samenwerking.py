"""Steps about the samenwerking itself: start, read, change, stop, delete, list."""

from __future__ import annotations

import logging
import re

from pytest_bdd import given, parsers, then, when

from features.steps.wereld import REGEL, Wereld, fail, rol
from swfkit.client import Samenwerking
from swfkit.conformance.runid import KENMERK_SYSTEEM

logger = logging.getLogger(__name__)


def start(
    wereld: Wereld,
    phrase: str,
    *,
    verzoek_van: str | None = None,
    in_dossier: bool = False,
) -> Samenwerking:
    """Start a samenwerking as ``phrase``, on a verzoek addressed to someone.

    Args:
        wereld: The scenario.
        phrase: Who starts it.
        verzoek_van: Whose received verzoek to use (default: the starter's own,
            or for a vendor the organisation it acts for).
        in_dossier: Put the verzoek's documents in the dossier.
    """
    verzoeknummer = verzoeknummer_van(wereld, verzoek_van or phrase)
    return wereld.client(phrase).start_samenwerking(
        verzoeknummer,
        f"Samenwerking op verzoek {verzoeknummer}",
        beschrijving="Gestart door een swfkit-conformancetest.",
        verzoek_in_dossier=in_dossier,
        kenmerk_systeem=KENMERK_SYSTEEM,
        nummer_binnen_systeem=wereld.marker.next_nummer(),
    )


def verzoeknummer_van(wereld: Wereld, phrase: str) -> str:
    """A received verzoek addressed to the organisation a role acts for."""
    actor = wereld.actor(phrase)
    acted = wereld.target.identities.by_oin(actor.acting_oin) or actor.identity
    if not acted.verzoeknummers:
        fail(f"er is geen ontvangen verzoek bekend voor {acted.naam}")
    return acted.verzoeknummers[0]


@given(parsers.re(rf"{rol()} heeft een samenwerking gestart op een ontvangen verzoek"))
def _(wereld: Wereld, rol: str) -> None:
    samenwerking = wereld.voorbereiding(
        "samenwerking starten", lambda: start(wereld, rol)
    )
    wereld.onthoud_samenwerking(samenwerking, rol)


@when(
    parsers.re(
        rf"{rol()} een samenwerking start op een ontvangen verzoek"
        r"(?P<dossier>, met het verzoek in het dossier)?"
    )
)
def _(wereld: Wereld, rol: str, dossier: str | None) -> None:
    uitkomst = wereld.poging(lambda: start(wereld, rol, in_dossier=bool(dossier)))
    if uitkomst.ok:
        wereld.onthoud_samenwerking(uitkomst.waarde, rol)


@when(parsers.re(rf"{rol()} nog een samenwerking start op hetzelfde verzoek"))
def _(wereld: Wereld, rol: str) -> None:
    eerste = wereld.samenwerking
    uitkomst = wereld.poging(lambda: start(wereld, rol))
    if uitkomst.ok:
        wereld.onthoud_samenwerking(uitkomst.waarde, rol)
    wereld.onderwerp = eerste


@when(parsers.re(rf"{rol()} een samenwerking start op een verzoek aan {rol('ander')}"))
def _(wereld: Wereld, rol: str, ander: str) -> None:
    uitkomst = wereld.poging(lambda: start(wereld, rol, verzoek_van=ander))
    if uitkomst.ok:
        wereld.onthoud_samenwerking(uitkomst.waarde, rol)


@when(parsers.re(rf"{rol()} de samenwerking opvraagt"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.poging(lambda: wereld.client(rol).get_samenwerking(wereld.sid))


@when(
    parsers.re(rf'{rol()} de titel van de samenwerking wijzigt in "(?P<titel>[^"]+)"')
)
def _(wereld: Wereld, rol: str, titel: str) -> None:
    wereld.poging(
        lambda: wereld.client(rol).update_samenwerking(wereld.sid, titel=titel)
    )


@when(parsers.re(rf"{rol()} de samenwerking stopt"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.poging(lambda: wereld.client(rol).stop_samenwerking(wereld.sid))


@given(parsers.re(rf"{rol()} heeft de samenwerking gestopt"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.voorbereiding(
        "samenwerking stoppen", lambda: wereld.client(rol).stop_samenwerking(wereld.sid)
    )


@when(parsers.re(rf"{rol()} de samenwerking verwijdert"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.poging(lambda: wereld.client(rol).delete_samenwerking(wereld.sid))


@when(
    parsers.re(
        rf"{rol()} het overzicht van samenwerkingen"
        r"(?: met status (?P<status>[A-Z]+))? opvraagt"
    )
)
def _(wereld: Wereld, rol: str, status: str | None) -> None:
    uitkomst = wereld.poging(
        lambda: wereld.client(rol).list_samenwerkingen(status=status).to_list()
    )
    wereld.overzicht = uitkomst.waarde or []


@when(
    parsers.re(
        rf"{rol()} het overzicht van samenwerkingen opvraagt namens {rol('ander')}"
    )
)
def _(wereld: Wereld, rol: str, ander: str) -> None:
    client = wereld.client(rol, namens=wereld.actor(ander).acting_oin)
    wereld.poging(lambda: client.list_samenwerkingen().to_list())


@then(parsers.re(r"staat de samenwerking (?P<niet>niet )?in het overzicht" + REGEL))
def _(wereld: Wereld, niet: str | None, regel: str | None) -> None:
    if not wereld.uitkomst.ok:
        fail(f"het overzicht kon niet worden opgevraagd: {wereld.uitkomst.fout}")
    ids = [s.samenwerking_id for s in wereld.overzicht]
    if niet and wereld.sid in ids:
        fail(f"{wereld.sid} staat toch in het overzicht", regel)
    if not niet and wereld.sid not in ids:
        fail(
            f"{wereld.sid} ontbreekt in het overzicht ({len(ids)} samenwerkingen)",
            regel,
        )


@then("heeft de samenwerking een eigen samenwerkingId")
def _(wereld: Wereld) -> None:
    if not re.fullmatch(r"\S+", wereld.sid or ""):
        fail(f"ongeldig samenwerkingId {wereld.sid!r}")
    wereld.client("de initiator").get_samenwerking(wereld.sid)


@then("hebben de twee samenwerkingen elk een eigen samenwerkingId")
def _(wereld: Wereld) -> None:
    eerste = wereld.onderwerp
    if eerste is None or eerste.samenwerking_id == wereld.sid:
        fail(f"de tweede samenwerking kreeg hetzelfde id {wereld.sid}")


@then(parsers.re(r"heeft de samenwerking (?P<nog>nog )?de status (?P<status>[A-Z]+)"))
def _(wereld: Wereld, nog: str | None, status: str) -> None:
    actueel = wereld.client("de initiator").get_samenwerking(wereld.sid)
    if actueel.status != status:
        fail(f"verwacht status {status}, de samenwerking heeft {actueel.status}")


@then(parsers.re(r'heeft de samenwerking de titel "(?P<titel>[^"]+)"'))
def _(wereld: Wereld, titel: str) -> None:
    actueel = wereld.client("de initiator").get_samenwerking(wereld.sid)
    if actueel.titel != titel:
        fail(f"verwacht titel {titel!r}, de samenwerking heet {actueel.titel!r}")


@then("heeft de samenwerking nog de oorspronkelijke titel")
def _(wereld: Wereld) -> None:
    actueel = wereld.client("de initiator").get_samenwerking(wereld.sid)
    if actueel.titel != wereld.oorspronkelijke_titel:
        fail(f"de titel werd toch gewijzigd in {actueel.titel!r}")


@then(parsers.re(rf"is de samenwerking aangemaakt door {rol()}"))
def _(wereld: Wereld, rol: str) -> None:
    gelezen = wereld.uitkomst.waarde
    actueel = gelezen if isinstance(gelezen, Samenwerking) else wereld.samenwerking
    oin = wereld.actor(rol).acting_oin
    if actueel is None or actueel.aangemaakt_door != oin:
        door = actueel.aangemaakt_door if actueel else None
        fail(f"verwacht aangemaaktDoor {oin} ({rol}), de SWF noemt {door}")


@then("is de samenwerking herkenbaar als testgegeven van deze run")
def _(wereld: Wereld) -> None:
    actueel = wereld.client("de initiator").get_samenwerking(wereld.sid)
    if actueel.kenmerk_systeem != KENMERK_SYSTEEM or not wereld.marker.owns(
        actueel.nummer_binnen_systeem
    ):
        fail(
            f"kenmerkSysteem/nummerBinnenSysteem niet bewaard: "
            f"{actueel.kenmerk_systeem!r}/{actueel.nummer_binnen_systeem!r}"
        )


@then("staan de documenten van het verzoek in het samenwerkdossier")
def _(wereld: Wereld) -> None:
    documenten = wereld.client("de initiator").list_documenten(wereld.sid).to_list()
    if not documenten:
        fail("het samenwerkdossier is leeg: het verzoek werd niet opgenomen")
