"""Steps that judge an outcome, and the notificatie checks every feature uses."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from pytest_bdd import parsers, then

from features.steps.wereld import REGEL, Wereld, describe_error, fail, rol
from swfkit.client import Notificatie

logger = logging.getLogger(__name__)

# On a live environment a notificatie may arrive a moment after the event.
_LIVE_WAIT_SECONDS = 30.0
_LIVE_POLL_SECONDS = 2.0


@then("staat de SWF dit toe")
def _(wereld: Wereld) -> None:
    uitkomst = wereld.uitkomst
    if not uitkomst.gedaan:
        fail("er is geen actie uitgevoerd om te beoordelen")
    if uitkomst.fout is not None:
        fail(f"verwacht: toegestaan; de SWF weigerde: {describe_error(uitkomst.fout)}")


@then(parsers.re(r"weigert de SWF dit met status (?P<status>\d{3})" + REGEL))
def _(wereld: Wereld, status: str, regel: str | None) -> None:
    uitkomst = wereld.uitkomst
    if not uitkomst.gedaan:
        fail("er is geen actie uitgevoerd om te beoordelen")
    if uitkomst.fout is None:
        fail(f"verwacht: geweigerd met status {status}; de SWF stond het toe", regel)
    elif uitkomst.fout.status != int(status):
        fail(
            f"verwacht: geweigerd met status {status}; de SWF antwoordde "
            f"{describe_error(uitkomst.fout)}",
            regel,
        )


@then(parsers.re(r"noemt de foutmelding het veld (?P<veld>\w+)"))
def _(wereld: Wereld, veld: str) -> None:
    fout = wereld.uitkomst.fout
    names = [str(p.get("name")) for p in (fout.invalid_params if fout else [])]
    if veld not in names:
        fail(f"verwacht invalidParams met {veld!r}; de foutmelding noemt {names}")


def notificaties(
    wereld: Wereld,
    phrase: str,
    *,
    type: str | None = None,
    until: Callable[[list[Notificatie]], bool] | None = None,
) -> list[Notificatie]:
    """A role's notificaties about the scenario's samenwerking.

    On a live target this polls for up to half a minute until ``until``
    holds, because delivery may lag behind the event.
    """
    client = wereld.client(phrase)
    deadline = time.monotonic() + (
        _LIVE_WAIT_SECONDS if wereld.target.name == "live" else 0.0
    )
    while True:
        found = client.list_notificaties(
            samenwerking_id=wereld.sid, type=type
        ).to_list()
        if until is None or until(found) or time.monotonic() >= deadline:
            return found
        time.sleep(_LIVE_POLL_SECONDS)


def over_document(notificatie: Notificatie, document_id: str, naam: str) -> bool:
    """Whether a notificatie is about one document."""
    props = notificatie.properties or {}
    return (
        props.get("documentId") == document_id
        or props.get("documentNaam") == naam
        or naam in (notificatie.notificatie_tekst or "")
    )


@then(
    parsers.re(
        rf"krijgt {rol()} een notificatie van het type (?P<soort>[A-Z_]+)"
        r'(?: over het document "(?P<naam>[^"]+)")?'
    )
)
def _(wereld: Wereld, rol: str, soort: str, naam: str | None) -> None:
    def matches(items: list[Notificatie]) -> list[Notificatie]:
        if naam is None:
            return items
        doc = wereld.document(naam)
        return [n for n in items if over_document(n, doc.document_id, naam)]

    found = notificaties(wereld, rol, type=soort, until=lambda i: bool(matches(i)))
    if not matches(found):
        about = f" over het document {naam!r}" if naam else ""
        fail(f"{rol} kreeg geen notificatie {soort}{about} over {wereld.sid}")


@then(
    parsers.re(
        rf'krijgt {rol()} geen notificatie over het document "(?P<naam>[^"]+)"' + REGEL
    )
)
def _(wereld: Wereld, rol: str, naam: str, regel: str | None) -> None:
    doc = wereld.document(naam)

    def about(items: list[Notificatie]) -> list[Notificatie]:
        return [n for n in items if over_document(n, doc.document_id, naam)]

    # On live, delivery may lag: absence holds only if nothing arrived within
    # the whole wait, so the step keeps looking and stops early on a hit.
    seen = about(notificaties(wereld, rol, until=lambda items: bool(about(items))))
    if seen:
        kinds = ", ".join(str(n.notificatie_type) for n in seen)
        fail(f"{rol} kreeg toch notificaties over {naam!r}: {kinds}", regel)


@then(
    parsers.re(rf"krijgt {rol()} geen notificatie van het type (?P<soort>[A-Z_]+) meer")
)
def _(wereld: Wereld, rol: str, soort: str) -> None:
    found = notificaties(wereld, rol, type=soort)
    if found:
        fail(f"{rol} heeft nog {len(found)} notificatie(s) van het type {soort}")
