"""Actieverzoeken in a demo story: asked, answered late or early, refused.

Each receiving organisation answers following its profile in
:data:`~swfkit.sim.demo_cast.PROFILES`, so partners that are late are late
systematically. Some requests are refused or withdrawn, some stay in
behandeling (and end up overdue), and some are reported done but never
accepted by the zender.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from swfkit.sim.demo_cast import PROFILES, company, vragen_voor
from swfkit.sim.demo_script import VOLLEDIG, Story, office

logger = logging.getLogger(__name__)

TERMIJNEN_DAGEN = (14, 21, 28, 42)
_VRAGEN = (
    "Kunt u de ontbrekende tekening aanleveren?",
    "Is er al een akoestisch onderzoek beschikbaar?",
    "Welke versie van de constructieberekening geldt?",
)
_ANTWOORDEN = (
    "De gevraagde stukken staan nu in het dossier.",
    "Ja, zie het document dat vandaag is toegevoegd.",
)
_WEIGERINGEN = (
    "Dit valt buiten onze taak; neem contact op met de provincie.",
    "Onvoldoende gegevens om dit te beoordelen.",
)
_INTREKKINGEN = (
    "Niet meer nodig: de aanvraag is ingetrokken.",
    "De vraag is inmiddels op een andere manier beantwoord.",
)
_UITKOMSTEN = {
    "normaal": 0.72,
    "weigeren": 0.08,
    "intrekken": 0.08,
    "blijft-liggen": 0.08,
    "niet-geaccepteerd": 0.04,
}


def ask(story: Story, zender: str, ontvanger: str) -> None:
    """Zero to two actieverzoeken from ``zender`` to ``ontvanger``, with replies."""
    count = story.rng.choices((0, 1, 2), weights=(0.12, 0.7, 0.18))[0]
    moment = max(story.joined(zender), story.joined(ontvanger))
    for _ in range(count):
        moment = story.later(moment, 2, 120)
        _actieverzoek(story, zender, ontvanger, moment)


def _actieverzoek(story: Story, zender: str, ontvanger: str, sent: datetime) -> None:
    rng = story.rng
    ref, termijn = story.ref("av"), rng.choice(TERMIJNEN_DAGEN)
    datum = (sent + timedelta(days=termijn)).date().isoformat()
    titel = rng.choice(vragen_voor(ontvanger))
    story.add(
        sent,
        zender,
        "send",
        ref=ref,
        ontvanger=ontvanger,
        titel=titel,
        omschrijving=f"Graag uw reactie ({titel.lower()}) uiterlijk {datum}.",
        uiterlijkeReactieDatum=datum,
        documenten=_referable(story, zender, ontvanger, sent),
    )
    outcome = rng.choices(list(_UITKOMSTEN), weights=list(_UITKOMSTEN.values()))[0]
    if outcome == "weigeren":
        story.add(
            story.later(sent, 4, 240),
            ontvanger,
            "status",
            actieverzoek=ref,
            status="GEWEIGERD",
            melding=rng.choice(_WEIGERINGEN),
        )
    elif outcome == "intrekken":
        story.add(
            story.later(sent, 24, 480),
            zender,
            "status",
            actieverzoek=ref,
            status="INGETROKKEN",
            melding=rng.choice(_INTREKKINGEN),
        )
    else:
        accepted = story.later(sent, 1, 96)
        story.add(
            accepted, ontvanger, "status", actieverzoek=ref, status="IN_BEHANDELING"
        )
        if outcome in ("blijft-liggen", "niet-geaccepteerd"):
            story.unfinished.append((ref, zender))
        if outcome != "blijft-liggen":
            done = _lead_time(story, ontvanger, ref, sent, accepted, termijn, zender)
            _report_done(
                story,
                (zender, ontvanger),
                ref,
                titel,
                done,
                accept=outcome == "normaal",
            )


def _lead_time(
    story: Story,
    ontvanger: str,
    ref: str,
    sent: datetime,
    accepted: datetime,
    termijn: int,
    zender: str,
) -> datetime:
    """When the ontvanger is done, following its profile; maybe a question first."""
    rng = story.rng
    low, high = PROFILES[ontvanger].lead
    factor = rng.uniform(low, high) * (1.8 if rng.random() < 0.05 else 1.0)
    done = max(sent + timedelta(days=termijn * factor), accepted + timedelta(hours=2))
    if rng.random() < 0.3:
        vraag = story.later(accepted, 4, 120)
        story.add(
            vraag, ontvanger, "bericht", actieverzoek=ref, bericht=rng.choice(_VRAGEN)
        )
        antwoord = story.later(vraag, 2, 60)
        story.add(
            antwoord,
            zender,
            "bericht",
            actieverzoek=ref,
            bericht=rng.choice(_ANTWOORDEN),
        )
        done = max(done, antwoord + timedelta(days=2))
    return office(done).replace(second=0, microsecond=0)


def _report_done(
    story: Story,
    parties: tuple[str, str],
    ref: str,
    titel: str,
    done: datetime,
    *,
    accept: bool,
) -> None:
    zender, ontvanger = parties
    if story.rng.random() < 0.7:
        _response_document(story, ontvanger, titel, done)
    gereed = story.later(done, 0.2, 1)
    story.add(
        gereed,
        ontvanger,
        "status",
        actieverzoek=ref,
        status="GEREEDGEMELD",
        melding="Het advies staat in het dossier.",
    )
    if accept:
        story.add(
            story.later(gereed, 1, 48),
            zender,
            "status",
            actieverzoek=ref,
            status="GEREED",
        )


def _response_document(story: Story, ontvanger: str, titel: str, at: datetime) -> None:
    volledig = story.privilege(ontvanger) == VOLLEDIG
    if volledig and not company(ontvanger) and story.rng.random() < 0.15:
        story.upload(
            at,
            ontvanger,
            f"{titel} - vertrouwelijke bijlage.pdf",
            f"Vertrouwelijke bijlage bij: {titel}",
            "SV",
        )
    else:
        story.upload(at, ontvanger, f"{titel}.pdf", titel, "RV")


def _referable(story: Story, zender: str, ontvanger: str, sent: datetime) -> list[str]:
    # Only the zender's documents uploaded before sending, and only RV ones
    # for a partner with beperkte toegang (it could not open the others).
    volledig = story.privilege(ontvanger) == VOLLEDIG
    docs = [
        doc.ref
        for doc in story.docs
        if doc.at < sent
        and doc.uploader == zender
        and (doc.aanduiding == "RV" or volledig)
    ]
    return story.rng.sample(docs, k=min(len(docs), story.rng.randint(0, 2)))


def partner_asks_back(story: Story) -> None:
    """Sometimes a partner with volledige toegang asks the initiator something."""
    candidates = [
        slug
        for slug in story.active_partners()
        if story.privilege(slug) == VOLLEDIG and not company(slug)
    ]
    if candidates and story.rng.random() < 0.15:
        ask(story, story.rng.choice(candidates), story.initiator)
