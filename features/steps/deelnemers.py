"""Steps about deelnemers: inviting, privileges, removing, listing."""

from __future__ import annotations

import logging

from pytest_bdd import given, parsers, then, when

from features.steps.wereld import PRIVILEGES, Wereld, fail, rol
from swfkit.client import Deelnemer
from swfkit.oin import kvk_to_hrn

logger = logging.getLogger(__name__)

PRIVILEGE = r"(?P<privilege>volledige toegang|beperkte toegang)"
# An OIN in the test range that no organisation has.
ONBEKEND_OIN = "00000099999999999999"


def deelnemers_per_oin(wereld: Wereld) -> dict[str, Deelnemer]:
    """The deelnemers of the samenwerking as the initiator sees them."""
    listing = wereld.client("de initiator").list_deelnemers(wereld.sid)
    return {d.oin or "": d for d in listing}


@given(parsers.re(rf"{rol()} is uitgenodigd met {PRIVILEGE}"))
def _(wereld: Wereld, rol: str, privilege: str) -> None:
    oin = wereld.actor(rol).acting_oin
    wereld.voorbereiding(
        f"{rol} uitnodigen",
        lambda: wereld.client("de initiator").invite_ketenpartner(
            wereld.sid, oin=oin, privilege=PRIVILEGES[privilege]
        ),
    )


@when(
    parsers.re(
        rf"{rol()} (?:{rol('partner')}|(?P<zelf>zichzelf)) uitnodigt met {PRIVILEGE}"
    )
)
def _(
    wereld: Wereld, rol: str, partner: str | None, zelf: str | None, privilege: str
) -> None:
    oin = wereld.actor(rol if zelf else str(partner)).acting_oin
    wereld.poging(
        lambda: wereld.client(rol).invite_ketenpartner(
            wereld.sid, oin=oin, privilege=PRIVILEGES[privilege]
        )
    )


@when(
    parsers.re(
        rf"{rol()} {rol('partner')} uitnodigt op zijn KvK-nummer met {PRIVILEGE}"
    )
)
def _(wereld: Wereld, rol: str, partner: str, privilege: str) -> None:
    kvk = wereld.actor(partner).identity.kvk_nummer
    if not kvk:
        fail(f"{partner} heeft geen KvK-nummer in de identiteiten")
    wereld.poging(
        lambda: wereld.client(rol).invite_ketenpartner(
            wereld.sid, kvk_nummer=kvk, privilege=PRIVILEGES[privilege]
        )
    )


@when(
    parsers.re(
        rf"{rol()} een organisatie met een onbekend OIN uitnodigt met {PRIVILEGE}"
    )
)
def _(wereld: Wereld, rol: str, privilege: str) -> None:
    wereld.poging(
        lambda: wereld.client(rol).invite_ketenpartner(
            wereld.sid, oin=ONBEKEND_OIN, privilege=PRIVILEGES[privilege]
        )
    )


@when(parsers.re(rf"{rol()} {rol('partner')} {PRIVILEGE} geeft"))
def _(wereld: Wereld, rol: str, partner: str, privilege: str) -> None:
    deelnemer_id = wereld.deelnemer_id(partner)
    wereld.poging(
        lambda: wereld.client(rol).change_privilege(
            wereld.sid, deelnemer_id, PRIVILEGES[privilege]
        )
    )


@when(parsers.re(rf"{rol()} {rol('partner')} uit de samenwerking verwijdert"))
def _(wereld: Wereld, rol: str, partner: str) -> None:
    deelnemer_id = wereld.deelnemer_id(partner)
    wereld.poging(
        lambda: wereld.client(rol).remove_ketenpartner(wereld.sid, deelnemer_id)
    )


@when(parsers.re(rf"{rol()} het overzicht van deelnemers opvraagt"))
def _(wereld: Wereld, rol: str) -> None:
    uitkomst = wereld.poging(
        lambda: wereld.client(rol).list_deelnemers(wereld.sid).to_list()
    )
    wereld.overzicht = uitkomst.waarde or []


@when(parsers.re(rf"{rol()} de gegevens van {rol('partner')} als deelnemer opvraagt"))
def _(wereld: Wereld, rol: str, partner: str) -> None:
    deelnemer_id = wereld.deelnemer_id(partner)
    wereld.poging(lambda: wereld.client(rol).get_deelnemer(wereld.sid, deelnemer_id))


def _check_deelnemer(
    deelnemer: Deelnemer | None, wie: str, rolnaam: str, privilege: str
) -> None:
    if deelnemer is None:
        fail(f"{wie} is geen deelnemer")
    expected = (rolnaam, PRIVILEGES[privilege])
    found = (str(deelnemer.rol), str(deelnemer.privilege))
    if found != expected:
        fail(
            f"verwacht {wie} als {expected[0]} met {expected[1]}, de SWF toont "
            f"{found[0]} met {found[1]}"
        )


@then(
    parsers.re(
        rf"is {rol()} deelnemer als (?P<rolnaam>INITIATOR|KETENPARTNER) met "
        + PRIVILEGE
    )
)
def _(wereld: Wereld, rol: str, rolnaam: str, privilege: str) -> None:
    deelnemer = deelnemers_per_oin(wereld).get(wereld.actor(rol).acting_oin)
    _check_deelnemer(deelnemer, rol, rolnaam, privilege)


@then(
    parsers.re(
        rf"toont de SWF {rol()} als (?P<rolnaam>INITIATOR|KETENPARTNER) met "
        + PRIVILEGE
    )
)
def _(wereld: Wereld, rol: str, rolnaam: str, privilege: str) -> None:
    gelezen = wereld.uitkomst.waarde
    if (
        not isinstance(gelezen, Deelnemer)
        or gelezen.oin != wereld.actor(rol).acting_oin
    ):
        fail(f"de SWF toonde niet {rol} maar {getattr(gelezen, 'oin', gelezen)!r}")
    _check_deelnemer(gelezen, rol, rolnaam, privilege)


@then(parsers.re(rf"is {rol()} geen deelnemer"))
def _(wereld: Wereld, rol: str) -> None:
    if wereld.actor(rol).acting_oin in deelnemers_per_oin(wereld):
        fail(f"{rol} staat toch in de deelnemerslijst")


@then(
    parsers.re(
        rf"staat bij {rol()} in de deelnemerslijst zijn KvK-nummer en "
        r"handelsregisternummer"
    )
)
def _(wereld: Wereld, rol: str) -> None:
    kvk = wereld.actor(rol).identity.kvk_nummer or ""
    match = [d for d in deelnemers_per_oin(wereld).values() if d.kvk_nummer == kvk]
    if not match:
        fail(f"geen deelnemer met kvkNummer {kvk}")
    elif match[0].oin != kvk_to_hrn(kvk):
        fail(f"verwacht oin {kvk_to_hrn(kvk)} (het HRN), de SWF toont {match[0].oin}")


@then(
    parsers.re(rf"staan in het overzicht precies {rol('a')}, {rol('b')} en {rol('c')}")
)
def _(wereld: Wereld, a: str, b: str, c: str) -> None:
    expected = {wereld.actor(p).acting_oin for p in (a, b, c)}
    found = {d.oin for d in wereld.overzicht}
    if found != expected:
        fail(
            f"verwacht de deelnemers {sorted(expected)}, het overzicht toont "
            f"{sorted(str(o) for o in found)}"
        )
