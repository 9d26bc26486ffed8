"""Steps about actieverzoeken, their transitions and their berichten."""

from __future__ import annotations

import logging
from collections.abc import Callable

from pytest_bdd import given, parsers, then, when

from features.steps.wereld import Wereld, fail, rol
from swfkit.client import Actieverzoek, Bericht, Client

logger = logging.getLogger(__name__)

TITEL = r'"(?P<titel>[^"]+)"'

# Step wording -> the client method that makes the transition.
OVERGANGEN: dict[str, Callable[[Client, str], Actieverzoek]] = {
    "in behandeling neemt": lambda c, i: c.accept_actieverzoek(i),
    "weigert": lambda c, i: c.refuse_actieverzoek(i),
    "gereedmeldt": lambda c, i: c.report_actieverzoek_done(i),
    "intrekt": lambda c, i: c.withdraw_actieverzoek(i),
    "gereedmelding accepteert": lambda c, i: c.approve_actieverzoek(i),
}


def zet_uit(wereld: Wereld, phrase: str, titel: str, ontvanger: str) -> Actieverzoek:
    """Send an actieverzoek from one role to another."""
    return wereld.client(phrase).create_actieverzoek(
        wereld.sid,
        titel=titel,
        omschrijving=f"Verzoek: {titel}.",
        ontvanger=wereld.actor(ontvanger).acting_oin,
    )


def huidig(wereld: Wereld) -> Actieverzoek:
    """The actieverzoek the scenario is about."""
    if wereld.actieverzoek is None:
        fail("het scenario heeft nog geen actieverzoek")
    return wereld.actieverzoek


@given(
    parsers.re(
        rf"{rol()} heeft een actieverzoek {TITEL} uitgezet aan {rol('ontvanger')}"
    )
)
def _(wereld: Wereld, rol: str, titel: str, ontvanger: str) -> None:
    verzoek = wereld.voorbereiding(
        "actieverzoek uitzetten", lambda: zet_uit(wereld, rol, titel, ontvanger)
    )
    wereld.actieverzoeken[titel] = wereld.actieverzoek = verzoek


@when(parsers.re(rf"{rol()} een actieverzoek {TITEL} uitzet aan {rol('ontvanger')}"))
def _(wereld: Wereld, rol: str, titel: str, ontvanger: str) -> None:
    uitkomst = wereld.poging(lambda: zet_uit(wereld, rol, titel, ontvanger))
    if uitkomst.ok:
        wereld.actieverzoeken[titel] = wereld.actieverzoek = uitkomst.waarde


@when(
    parsers.re(
        rf"{rol()} (?:het actieverzoek|de) (?P<actie>in behandeling neemt|weigert"
        r"|gereedmeldt|intrekt|gereedmelding accepteert)"
    )
)
def _(wereld: Wereld, rol: str, actie: str) -> None:
    actieverzoek_id = huidig(wereld).actieverzoek_id
    wereld.poging(lambda: OVERGANGEN[actie](wereld.client(rol), actieverzoek_id))


@given(
    parsers.re(
        rf"{rol()} heeft (?:het actieverzoek gereedgemeld|de gereedmelding "
        r"(?P<accept>geaccepteerd))"
    )
)
def _(wereld: Wereld, rol: str, accept: str | None) -> None:
    actie = "gereedmelding accepteert" if accept else "gereedmeldt"
    actieverzoek_id = huidig(wereld).actieverzoek_id
    wereld.voorbereiding(
        f"actieverzoek: {actie}",
        lambda: OVERGANGEN[actie](wereld.client(rol), actieverzoek_id),
    )


@then(parsers.re(r"heeft het actieverzoek (?:nog )?de status (?P<status>[A-Z_]+)"))
def _(wereld: Wereld, status: str) -> None:
    actueel = wereld.client("de initiator").get_actieverzoek(
        huidig(wereld).actieverzoek_id
    )
    if actueel.status != status:
        fail(f"verwacht status {status}, het actieverzoek heeft {actueel.status}")


@then(
    parsers.re(
        rf"is {rol('zender')} de zender en {rol('ontvanger')} de ontvanger van het "
        r"actieverzoek"
    )
)
def _(wereld: Wereld, zender: str, ontvanger: str) -> None:
    verzoek = huidig(wereld)
    expected = (wereld.actor(zender).acting_oin, wereld.actor(ontvanger).acting_oin)
    if (verzoek.zender, verzoek.ontvanger) != expected:
        fail(
            f"verwacht (zender, ontvanger) {expected}, de SWF toont "
            f"{(verzoek.zender, verzoek.ontvanger)}"
        )


@when(
    parsers.re(
        rf"{rol()} het overzicht van actieverzoeken(?: voor {rol('voor')})? "
        r"opvraagt"
    )
)
def _(wereld: Wereld, rol: str, voor: str | None) -> None:
    organisatie = wereld.actor(voor).acting_oin if voor else None
    uitkomst = wereld.poging(
        lambda: (
            wereld.client(rol)
            .list_actieverzoeken(samenwerking_id=wereld.sid, organisatie=organisatie)
            .to_list()
        )
    )
    wereld.overzicht = uitkomst.waarde or []


@then(parsers.re(rf"staat in het overzicht alleen het actieverzoek {TITEL}"))
def _(wereld: Wereld, titel: str) -> None:
    _precies(wereld, [titel])


@then(
    parsers.re(
        r'staan in het overzicht precies de actieverzoeken "(?P<a>[^"]+)" en '
        r'"(?P<b>[^"]+)"'
    )
)
def _(wereld: Wereld, a: str, b: str) -> None:
    _precies(wereld, [a, b])


def _precies(wereld: Wereld, titels: list[str]) -> None:
    if not wereld.uitkomst.ok:
        fail(f"het overzicht kon niet worden opgevraagd: {wereld.uitkomst.fout}")
    expected = sorted(wereld.actieverzoeken[t].actieverzoek_id for t in titels)
    found = sorted(a.actieverzoek_id for a in wereld.overzicht)
    if found != expected:
        shown = sorted(str(a.titel) for a in wereld.overzicht)
        fail(f"verwacht precies {titels}, het overzicht toont {shown}")


@when(parsers.re(rf"{rol()} het actieverzoek {TITEL} opvraagt"))
def _(wereld: Wereld, rol: str, titel: str) -> None:
    actieverzoek_id = wereld.actieverzoeken[titel].actieverzoek_id
    wereld.poging(lambda: wereld.client(rol).get_actieverzoek(actieverzoek_id))


@when(
    parsers.re(rf'{rol()} bij het actieverzoek het bericht "(?P<tekst>[^"]+)" stuurt')
)
def _(wereld: Wereld, rol: str, tekst: str) -> None:
    actieverzoek_id = huidig(wereld).actieverzoek_id
    uitkomst = wereld.poging(
        lambda: wereld.client(rol).send_bericht(actieverzoek_id, tekst)
    )
    wereld.onderwerp = uitkomst.waarde


@then(parsers.re(rf'ziet {rol()} bij het actieverzoek het bericht "(?P<tekst>[^"]+)"'))
def _(wereld: Wereld, rol: str, tekst: str) -> None:
    berichten = wereld.client(rol).list_berichten(huidig(wereld).actieverzoek_id)
    if not any(b.inhoud == tekst for b in berichten):
        fail(f"{rol} ziet het bericht {tekst!r} niet bij het actieverzoek")


@then(parsers.re(rf"kan {rol()} dat bericht afzonderlijk opvragen"))
def _(wereld: Wereld, rol: str) -> None:
    bericht = wereld.onderwerp
    if not isinstance(bericht, Bericht):
        fail("er is geen bericht verstuurd")
    gelezen = wereld.client(rol).get_bericht(
        huidig(wereld).actieverzoek_id, bericht.bericht_id
    )
    if gelezen.inhoud != bericht.inhoud:
        fail(f"het opgevraagde bericht wijkt af: {gelezen.inhoud!r}")
