"""The rules the simulator enforces, each with an id and a Dutch description.

Every refusal that follows from a rule names the rule's id in the problem
body (extension member ``regel``), except a 404: naming the rule there would
tell the caller that something exists that it may not see, so a hidden
thing is answered exactly like a missing one. A world may switch rules off with
``settings.disabledRules``, so a test can break one rule on purpose and show
that a conformance check notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from swfkit.sim.problems import Problem, not_found


@dataclass(frozen=True)
class Rule:
    """One rule: its id, the HTTP status a violation answers, and what it says."""

    id: str
    status: int
    beschrijving: str


_ALL: tuple[Rule, ...] = (
    # Identity and access.
    Rule(
        "certificaat-organisatie-bekend",
        403,
        "Het OIN in het certificaat hoort bij een bekende organisatie.",
    ),
    Rule(
        "oin-header-verplicht",
        400,
        "Elk verzoek noemt het OIN van de handelende organisatie in de OIN-header.",
    ),
    Rule(
        "machtiging-vereist",
        403,
        "Een certificaat handelt alleen namens het eigen OIN of een OIN dat "
        "het heeft gemachtigd.",
    ),
    Rule(
        "abonnement-vereist",
        403,
        "De handelende organisatie heeft een abonnement op de SWF.",
    ),
    Rule(
        "alleen-deelnemers-zien-samenwerking",
        404,
        "Alleen huidige deelnemers zien een samenwerking en alles daarin.",
    ),
    # Samenwerking.
    Rule(
        "starten-alleen-bg-of-behandeldienst",
        403,
        "Alleen een bevoegd gezag of behandeldienst start een samenwerking.",
    ),
    Rule(
        "verzoek-gericht-aan-initiator",
        400,
        "Een samenwerking start alleen op een verzoek dat aan de initiator is gericht.",
    ),
    Rule(
        "alleen-initiator-wijzigt-samenwerking",
        403,
        "Alleen de initiator wijzigt de gegevens van de samenwerking.",
    ),
    Rule(
        "alleen-initiator-stopt",
        403,
        "Alleen de initiator stopt (sluit) de samenwerking.",
    ),
    Rule(
        "samenwerking-status-overgang",
        409,
        "Een samenwerking gaat alleen van OPEN naar GESLOTEN.",
    ),
    Rule(
        "alleen-initiator-verwijdert-samenwerking",
        403,
        "Alleen de initiator verwijdert de samenwerking.",
    ),
    Rule(
        "verwijderen-alleen-na-sluiten",
        409,
        "Een samenwerking wordt pas verwijderd als zij GESLOTEN is.",
    ),
    Rule(
        "gesloten-is-alleen-lezen",
        409,
        "Een gesloten samenwerking is alleen nog te lezen: geen nieuwe "
        "documenten, uitnodigingen, actieverzoeken of wijzigingen.",
    ),
    # Deelnemers.
    Rule(
        "alleen-initiator-nodigt-uit",
        403,
        "Alleen de initiator nodigt ketenpartners uit.",
    ),
    Rule(
        "uitgenodigde-organisatie-bekend",
        400,
        "Een uitgenodigde organisatie is bekend bij de SWF.",
    ),
    Rule("geen-zelf-uitnodiging", 400, "De initiator nodigt zichzelf niet uit."),
    Rule(
        "geen-dubbele-deelnemer",
        409,
        "Een organisatie is hoogstens eenmaal deelnemer van een samenwerking.",
    ),
    Rule(
        "alleen-initiator-wijzigt-privilege",
        403,
        "Alleen de initiator wijzigt het privilege van een ketenpartner.",
    ),
    Rule(
        "alleen-initiator-verwijdert-ketenpartner",
        403,
        "Alleen de initiator verwijdert een ketenpartner.",
    ),
    Rule(
        "initiator-blijft-deelnemer",
        409,
        "De initiator houdt volledige toegang en wordt niet verwijderd.",
    ),
    # Documenten.
    Rule(
        "beperkte-toegang-ziet-geen-sv",
        404,
        "Een ketenpartner met beperkte toegang ziet geen strikt vertrouwelijke "
        "documenten, tenzij een documentrecht dat toestaat.",
    ),
    Rule(
        "documentrecht-geldt",
        404,
        "Een documentrecht GEWEIGERD verbergt het document voor die ketenpartner "
        "(nooit voor de uploader of de initiator).",
    ),
    Rule(
        "bestandsnaam-veilig",
        400,
        "Een bestandsnaam is niet leeg en bevat geen mappen of stuurtekens.",
    ),
    Rule(
        "maximale-uploadgrootte",
        413,
        "Een document is niet groter dan de ingestelde maximale grootte.",
    ),
    Rule(
        "alleen-uploader-wijzigt-document",
        403,
        "Alleen de organisatie die het document toevoegde wijzigt de gegevens "
        "en de vertrouwelijkheid ervan.",
    ),
    Rule(
        "document-verwijderen-door-uploader-of-initiator",
        403,
        "Alleen de uploader of de initiator verwijdert een document.",
    ),
    Rule(
        "documentrechten-door-initiator-of-uploader",
        403,
        "Alleen de initiator of de uploader past rechten op een document aan.",
    ),
    Rule(
        "documentrechten-alleen-voor-ketenpartners",
        409,
        "Rechten op een document gelden alleen voor ketenpartners, niet voor "
        "de initiator.",
    ),
    # Actieverzoeken.
    Rule(
        "actieverzoek-aan-andere-deelnemer",
        400,
        "Een actieverzoek gaat naar precies een andere, huidige deelnemer.",
    ),
    Rule(
        "actieverzoek-documenten-in-samenwerking",
        400,
        "Een actieverzoek verwijst alleen naar documenten uit dezelfde "
        "samenwerking die de zender ziet.",
    ),
    Rule(
        "actieverzoek-zichtbaar-voor-betrokkenen",
        404,
        "Een actieverzoek is zichtbaar voor zender, ontvanger en initiator.",
    ),
    Rule(
        "actieverzoek-overgang-door-juiste-partij",
        403,
        "De ontvanger behandelt, weigert en meldt gereed; de zender accepteert "
        "en trekt in.",
    ),
    Rule(
        "actieverzoek-overgang-toegestaan",
        409,
        "Een actieverzoek wijzigt alleen van status langs de toegestane overgangen.",
    ),
    Rule(
        "alleen-zender-wijzigt-actieverzoek",
        403,
        "Alleen de zender wijzigt titel, omschrijving en product van een actieverzoek.",
    ),
    Rule(
        "bericht-tussen-zender-en-ontvanger",
        403,
        "Berichten bij een actieverzoek gaan tussen zender en ontvanger.",
    ),
    # Notificaties.
    Rule(
        "notificatie-alleen-voor-ontvanger",
        404,
        "Een notificatie is alleen te zien en te verwijderen door de ontvanger.",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _ALL}

_TITLES: dict[int, str] = {
    400: "Ongeldige invoer",
    403: "Niet toegestaan",
    404: "Niet gevonden",
    409: "Niet toegestaan in deze toestand",
    413: "Bestand te groot",
}


class RuleBook:
    """The rules of one world: all of them, minus those it switched off."""

    def __init__(self, disabled: Iterable[str] = ()) -> None:
        self.disabled = frozenset(disabled)
        unknown = self.disabled - RULES.keys()
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(sorted(unknown))}")

    def enabled(self, rule_id: str) -> bool:
        """Whether the rule is in force in this world."""
        return rule_id not in self.disabled

    def require(
        self, rule_id: str, ok: bool, detail: str, *, param: str | None = None
    ) -> None:
        """Raise the rule's problem when ``ok`` is false and the rule is on.

        Args:
            rule_id: the rule's id in :data:`RULES`.
            ok: whether the request keeps the rule.
            detail: what went wrong, for the problem's ``detail``.
            param: for input rules, the field to name in ``invalidParams``.
        """
        if ok or not self.enabled(rule_id):
            return
        raise violation(rule_id, detail, param=param)


def violation(rule_id: str, detail: str, *, param: str | None = None) -> Problem:
    """The problem that answers a broken rule."""
    rule = RULES[rule_id]
    if rule.status == 404:
        return not_found()
    invalid = [{"name": param, "reason": detail}] if param else None
    return Problem(
        rule.status, _TITLES[rule.status], detail, rule=rule.id, invalid_params=invalid
    )
