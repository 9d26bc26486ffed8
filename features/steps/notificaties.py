"""Steps about fetching, reading and deleting notificaties."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from pytest_bdd import parsers, then, when

from features.steps.algemeen import notificaties, over_document
from features.steps.wereld import Wereld, fail, rol
from swfkit.client import Notificatie

logger = logging.getLogger(__name__)

SOORT = r"(?P<soort>[A-Z_]+)"


def soort(group: str) -> str:
    """A regex group matching a notificatieType."""
    return rf"(?P<{group}>[A-Z_]+)"


def _eigen(wereld: Wereld, items: list[Notificatie]) -> list[Notificatie]:
    # Other scenarios of the run notify the same organisations: judge only
    # the notificaties about this scenario's samenwerking.
    return [n for n in items if n.samenwerking_id == wereld.sid]


@when(parsers.re(rf"{rol()} de notificaties van het afgelopen uur ophaalt"))
def _(wereld: Wereld, rol: str) -> None:
    now = datetime.now(UTC)
    uitkomst = wereld.poging(
        lambda: (
            wereld.client(rol)
            .list_notificaties(
                since=now - timedelta(hours=1), until=now + timedelta(minutes=1)
            )
            .to_list()
        )
    )
    wereld.overzicht = _eigen(wereld, uitkomst.waarde or [])


@when(parsers.re(rf"{rol()} de nieuwe notificaties ophaalt"))
def _(wereld: Wereld, rol: str) -> None:
    cursor = wereld.tmp_path / f"cursor-{wereld.actor(rol).identity.slug}.json"
    uitkomst = wereld.poging(
        lambda: wereld.client(rol).poll_notificaties(cursor, samenwerking_id=wereld.sid)
    )
    wereld.overzicht = uitkomst.waarde or []


@when(parsers.re(rf"{rol()} de notificaties van de samenwerking opvraagt"))
def _(wereld: Wereld, rol: str) -> None:
    uitkomst = wereld.poging(
        lambda: wereld.client(rol).list_samenwerking_notificaties(wereld.sid).to_list()
    )
    wereld.overzicht = uitkomst.waarde or []


@when(parsers.re(rf"{rol()} de notificaties van het type {SOORT} ophaalt"))
def _(wereld: Wereld, rol: str, soort: str) -> None:
    uitkomst = wereld.poging(
        lambda: (
            wereld.client(rol)
            .list_notificaties(type=soort, samenwerking_id=wereld.sid)
            .to_list()
        )
    )
    wereld.overzicht = uitkomst.waarde or []


@then(
    parsers.re(
        rf"staan in het overzicht de notificaties van het type {soort('a')} en "
        rf"{soort('b')}, de oudste eerst"
    )
)
def _(wereld: Wereld, a: str, b: str) -> None:
    if not wereld.uitkomst.ok:
        fail(f"de notificaties konden niet worden opgehaald: {wereld.uitkomst.fout}")
    found = [str(n.notificatie_type) for n in wereld.overzicht]
    if found != [a, b]:
        fail(f"verwacht de notificaties [{a}, {b}], het overzicht toont {found}")
    times = [n.event_datum_tijd for n in wereld.overzicht]
    if times != sorted(times):
        fail(f"de notificaties staan niet op volgorde van tijd: {times}")


@then(parsers.re(rf"staan in het overzicht alleen notificaties van het type {SOORT}"))
def _(wereld: Wereld, soort: str) -> None:
    found = {str(n.notificatie_type) for n in wereld.overzicht}
    if found != {soort}:
        fail(f"verwacht alleen {soort}, het overzicht toont {sorted(found) or 'niets'}")


@then(
    parsers.re(
        rf"staat in het overzicht alleen een notificatie van het type {SOORT} over "
        r'het document "(?P<naam>[^"]+)"'
    )
)
def _(wereld: Wereld, soort: str, naam: str) -> None:
    doc = wereld.document(naam)
    found = wereld.overzicht
    if (
        len(found) != 1
        or str(found[0].notificatie_type) != soort
        or not over_document(found[0], doc.document_id, naam)
    ):
        shown = [str(n.notificatie_type) for n in found]
        fail(f"verwacht alleen {soort} over {naam!r}, het overzicht toont {shown}")


@then(
    "noemt elke notificatie de samenwerking, het type en het moment van de gebeurtenis"
)
def _(wereld: Wereld) -> None:
    for item in wereld.overzicht:
        if not (
            item.samenwerking_id and item.notificatie_type and item.event_datum_tijd
        ):
            fail(
                f"notificatie {item.notificatie_id} mist samenwerkingId, "
                "notificatieType of eventDatumTijd"
            )


@then(
    parsers.re(rf"kan {rol()} elke notificatie uit het overzicht afzonderlijk opvragen")
)
def _(wereld: Wereld, rol: str) -> None:
    client = wereld.client(rol)
    for item in wereld.overzicht:
        gelezen = client.get_notificatie(item.notificatie_id)
        if gelezen.notificatie_type != item.notificatie_type:
            fail(
                f"notificatie {item.notificatie_id} wijkt af bij afzonderlijk opvragen"
            )


def _notificatie_van(wereld: Wereld, phrase: str, soort: str) -> Notificatie:
    found = notificaties(wereld, phrase, type=soort, until=bool)
    if not found:
        fail(f"{phrase} heeft geen notificatie van het type {soort}")
    return found[0]


@when(parsers.re(rf"{rol()} de notificatie van het type {SOORT} verwijdert"))
def _(wereld: Wereld, rol: str, soort: str) -> None:
    wereld.onderwerp = _notificatie_van(wereld, rol, soort)
    notificatie_id = wereld.onderwerp.notificatie_id
    wereld.poging(lambda: wereld.client(rol).delete_notificatie(notificatie_id))


@when(parsers.re(rf"{rol()} die notificatie opnieuw opvraagt"))
def _(wereld: Wereld, rol: str) -> None:
    notificatie_id = wereld.onderwerp.notificatie_id
    wereld.poging(lambda: wereld.client(rol).get_notificatie(notificatie_id))


@when(
    parsers.re(
        rf"{rol()} de notificatie van het type {SOORT} van {rol('eigenaar')} "
        r"(?P<actie>opvraagt|verwijdert)"
    )
)
def _(wereld: Wereld, rol: str, soort: str, eigenaar: str, actie: str) -> None:
    notificatie_id = _notificatie_van(wereld, eigenaar, soort).notificatie_id
    client = wereld.client(rol)
    if actie == "opvraagt":
        wereld.poging(lambda: client.get_notificatie(notificatie_id))
    else:
        wereld.poging(lambda: client.delete_notificatie(notificatie_id))
