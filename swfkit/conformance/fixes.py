""" "Hoe op te lossen": what a functional administrator can do about a failure.

A failed scenario's message says what went wrong; this module turns it into
a next step, in Dutch, for the person reading the report. The advice depends
on the kind of failure (a broken rule, a refused connection, a missing
mandate, an outdated cassette) and on the target: against the simulator a
broken rule means the simulator was changed; against DSO it may mean a
difference between DSO and swfkit's contract.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

logger = logging.getLogger(__name__)

AANVRAAGFORMULIER = (
    "https://aandeslagmetdeomgevingswet.nl/ontwikkelaarsportaal/formulieren/"
    "aanvragen-beveiligde-rest-services/"
)
_RULE = re.compile(r"\bregel ([a-z0-9-]+)")
_STATUS = re.compile(r"de SWF (?:antwoordde|weigerde): (\d{3})")


def rule_description(rule_id: str) -> str | None:
    """The simulator's Dutch description of a rule, when the simulator is installed."""
    try:
        from swfkit.sim.rules import RULES
    except ImportError:  # the sim extra is not installed
        return None
    rule = RULES.get(rule_id)
    return rule.beschrijving if rule else None


def fix_for(message: str, error_type: str | None, target: str) -> str:
    """The advice for one failed scenario.

    Args:
        message: The failure message.
        error_type: The exception's class name, if known.
        target: ``sim``, ``replay`` or ``live``.
    """
    advice = _BY_ERROR.get(error_type or "")
    if advice is not None:
        return advice(target)
    rule = _RULE.search(message)
    if rule:
        return _broken_rule(rule.group(1), target)
    return _by_status(message, target)


def _broken_rule(rule_id: str, target: str) -> str:
    uitleg = rule_description(rule_id)
    regel = f"De regel '{rule_id}'" + (f" ({uitleg})" if uitleg else "")
    if target == "sim":
        return (
            f"{regel} werd door de simulator niet gehandhaafd. Staat de regel in "
            "'disabledRules' in world.json? Haal hem daar weg, of maak een nieuwe "
            "wereld met 'swfkit sim init --force'."
        )
    if target == "replay":
        return (
            f"{regel} klopt niet met de opgenomen antwoorden. Neem de cassettes "
            "opnieuw op met 'make record' en kijk of de fout blijft."
        )
    return (
        f"{regel} werd door de server anders toegepast dan swfkit verwacht. Lees "
        "in de officiële SWF-documentatie na hoe de regel luidt. Wijkt DSO af, "
        "meld het dan bij de DSO-servicedesk met de correlation-id uit het bewijs. "
        "Wijkt het swfkit-contract af, meld het dan bij swfkit."
    )


def _by_status(message: str, target: str) -> str:
    status = _STATUS.search(message)
    code = int(status.group(1)) if status else None
    if code == 403:
        return (
            "De SWF weigerde de aanroep (403). Meestal ontbreekt het abonnement op "
            "de SWF-API of het mandaat (machtiging) voor dit OIN. Vraag het aan "
            f"via {AANVRAAGFORMULIER}; de verwerking duurt ongeveer twee werkdagen."
        )
    if code == 404:
        return (
            "De SWF kent het gevraagde niet (404). Controleer de base URL (het "
            "pad naar de API-versie) met 'swfkit doctor', en of het object niet "
            "al door een eerdere run is verwijderd."
        )
    if code == 400:
        return (
            "De SWF keurde de invoer af (400); de foutmelding noemt het veld. "
            "Mogelijk wijkt de officiële specificatie af van een aanname in het "
            "swfkit-contract: bekijk 'swfkit contract assumed'."
        )
    return (
        "Bekijk de foutmelding en het bewijs hieronder. Draai het scenario "
        "opnieuw tegen de simulator ('swfkit certify --target sim') om te zien "
        "of het aan de omgeving ligt of aan de verwachting."
    )


def _replay_mismatch(target: str) -> str:
    return (
        "Voor dit verzoek staat geen antwoord in de cassette: de scenario's of de "
        "client zijn veranderd sinds de opname. Neem de cassettes opnieuw op met "
        "'make record'."
    )


def _network_in_replay(target: str) -> str:
    return (
        "In replay mag niets het netwerk op, maar dit scenario probeerde een "
        "echte verbinding. Neem de cassettes opnieuw op met 'make record'."
    )


def _tls(target: str) -> str:
    return (
        "De beveiligde verbinding (TLS) kwam niet tot stand. Controleer met "
        "'swfkit doctor' of het certificaat geldig is, bij de sleutel past, een "
        "volledige keten heeft en of de CA-bundel de PKIoverheid-certificaten "
        "bevat (https://www.cert.pkioverheid.nl/)."
    )


def _connect(target: str) -> str:
    return (
        "De server was niet bereikbaar of antwoordde niet op tijd. Controleer de "
        "base URL, de firewall en of uw IP-adres is toegelaten; 'swfkit doctor' "
        "test de verbinding stap voor stap."
    )


def _configuration(target: str) -> str:
    return (
        "De instellingen zijn niet compleet of niet leesbaar; de foutmelding noemt "
        "het bestand of de instelling. Controleer het identities-bestand en draai "
        "'swfkit doctor'."
    )


def _integrity(target: str) -> str:
    return (
        "Het gedownloade document kwam niet overeen met de grootte of hash die de "
        "SWF opgaf. Probeer het opnieuw; blijft het, meld het dan met de "
        "correlation-id uit het bewijs."
    )


# Exception class name -> advice, for failures that are not about a rule.
_BY_ERROR: dict[str, Callable[[str], str]] = {
    "CannotOverwriteExistingCassetteException": _replay_mismatch,
    "NetworkBlockedError": _network_in_replay,
    "TlsError": _tls,
    "SSLError": _tls,
    "ConnectError": _connect,
    "TimeoutError_": _connect,
    "ConnectionError": _connect,
    "ConfigurationError": _configuration,
    "InvalidOinError": _configuration,
    "IntegrityError": _integrity,
}
