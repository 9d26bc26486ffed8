"""The main line of one demo samenwerking: start, invite, ask, answer, close.

:func:`plan_story` only decides; it touches nothing. Events after "now" are
dropped when the plan is carried out, which is what leaves recent work open
and some of it overdue.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from typing import Any

from swfkit.sim.demo_cast import (
    AANVRAGERS,
    ACTIVITIES,
    BEPERKT_PARTNER,
    GEMEENTEN,
    OMGEVINGSDIENSTEN,
    PLAATSEN,
    STARTDOCUMENTEN,
    STRATEN,
    Activity,
    company,
)
from swfkit.sim.demo_changes import add_changes
from swfkit.sim.demo_requests import ask, partner_asks_back
from swfkit.sim.demo_script import (
    BEPERKT,
    VOLLEDIG,
    DemoVerzoek,
    Story,
    StoryPlan,
)

logger = logging.getLogger(__name__)

_EERSTE_DIENST = frozenset(
    {"gemeente-aadorp", "gemeente-beekveld", "gemeente-dijkstede"}
)


def plan_story(rng: random.Random, index: int, start: datetime) -> StoryPlan:
    """Decide the whole history of demo samenwerking number ``index``."""
    activity = rng.choice(ACTIVITIES)
    initiator, addressed = _initiator(rng, activity)
    verzoek = _verzoek(rng, index, start, activity, addressed)
    story = Story(rng, StoryPlan(index, initiator, verzoek))
    story.add(start, initiator, "start", body=_start_body(rng, verzoek, initiator))
    for naam, omschrijving, aanduiding in _startdocumenten(rng):
        story.upload(
            story.later(start, 0.2, 6), initiator, naam, omschrijving, aanduiding
        )

    _invite_partners(story, activity, addressed)
    _maybe_remove(story)
    for slug in story.active_partners():
        ask(story, initiator, slug)
    partner_asks_back(story)
    add_changes(story)
    _close(story)
    return story.plan


def _initiator(rng: random.Random, activity: Activity) -> tuple[str, tuple[str, ...]]:
    gemeente = rng.choices(list(GEMEENTEN), weights=list(GEMEENTEN.values()))[0]
    dienst = OMGEVINGSDIENSTEN[0 if gemeente in _EERSTE_DIENST else 1]
    if not activity.milieu:
        return gemeente, (gemeente,)
    # A milieu verzoek reaches both; the omgevingsdienst sometimes leads.
    initiator = dienst if rng.random() < 0.4 else gemeente
    return initiator, (gemeente, dienst)


def _verzoek(
    rng: random.Random,
    index: int,
    start: datetime,
    activity: Activity,
    addressed: tuple[str, ...],
) -> DemoVerzoek:
    ontvangen = start - timedelta(days=rng.randint(0, 6))
    locatie = f"{rng.choice(STRATEN)} {rng.randint(1, 180)}, {PLAATSEN[addressed[0]]}"
    return DemoVerzoek(
        nummer=f"{ontvangen:%Y%m%d}{10000 + index:05d}",
        addressed=addressed,
        activiteit=activity.naam,
        type_verzoek=activity.type_verzoek,
        locatie=locatie,
        aanvrager=rng.choice(AANVRAGERS),
        in_dossier=rng.random() < 0.35,
    )


def _start_body(
    rng: random.Random, verzoek: DemoVerzoek, initiator: str
) -> dict[str, Any]:
    domein = initiator.split("-", 1)[1].replace("-", "")
    vorm = (
        "SAMENWERKEN_AAN_TOEZICHT_EN_HANDHAVING"
        if rng.random() < 0.15
        else "SAMENWERKEN_AAN_BEHANDELEN"
    )
    return {
        "verzoeknummer": verzoek.nummer,
        "titel": f"{verzoek.activiteit}, {verzoek.locatie}",
        "beschrijving": f"{verzoek.type_verzoek}: {verzoek.activiteit.lower()}.",
        "samenwerkVorm": vorm,
        "verzoekInDossier": verzoek.in_dossier,
        "kenmerkSysteem": "VTH-Soft",
        "nummerBinnenSysteem": f"Z-{verzoek.nummer[:4]}-{verzoek.nummer[-4:]}",
        "contactpersoonNaam": rng.choice(
            ("T. Hendriks", "N. Jansen", "F. Kramer", "W. Peters", "I. Dekker")
        ),
        "contactpersoonEmailadres": f"vergunningen@{domein}.example",
        "contactpersoonTelefoonnummer": f"0{rng.randint(100, 999)}-"
        f"{rng.randint(100000, 999999)}",
        "taal": "NL",
    }


def _startdocumenten(rng: random.Random) -> list[tuple[str, str, str]]:
    return [
        STARTDOCUMENTEN[0],
        *(doc for doc in STARTDOCUMENTEN[1:] if rng.random() < 0.35),
    ]


def _invite_partners(
    story: Story, activity: Activity, addressed: tuple[str, ...]
) -> None:
    rng = story.rng
    wanted = [
        slug for slug, chance in activity.partners.items() if rng.random() < chance
    ]
    if activity.milieu and rng.random() < 0.8:
        wanted += addressed
    wanted = list(dict.fromkeys(s for s in wanted if s != story.initiator))
    if not wanted:
        wanted = [max(activity.partners, key=activity.partners.__getitem__)]

    moment = story.start
    for slug in wanted:
        moment = story.later(moment, 0.5, 30)
        privilege = _privilege(rng, slug)
        story.add(moment, story.initiator, "invite", slug=slug, privilege=privilege)
        story.partners[slug] = (privilege, moment)


def _privilege(rng: random.Random, slug: str) -> str:
    if slug == BEPERKT_PARTNER:
        return BEPERKT
    if company(slug):
        return VOLLEDIG if rng.random() < 0.2 else BEPERKT
    return VOLLEDIG if rng.random() < 0.85 else BEPERKT


def _maybe_remove(story: Story) -> None:
    # A partner invited by mistake: removed again before anything is asked.
    if len(story.partners) < 2 or story.rng.random() >= 0.08:
        return
    slug = story.rng.choice(sorted(story.partners))
    story.add(
        story.later(story.joined(slug), 24, 240),
        story.initiator,
        "remove",
        deelnemer=slug,
    )
    story.removed.add(slug)


def _close(story: Story) -> None:
    rng = story.rng
    last = max(event.at for event in story.plan.events)
    if rng.random() < 0.1 or (story.unfinished and rng.random() < 0.6):
        return  # left open: forgotten, or still waiting for an answer
    # Whatever never finished is withdrawn just before closing.
    for ref, zender in story.unfinished:
        last = story.add(
            story.later(last, 24, 10 * 24),
            zender,
            "status",
            actieverzoek=ref,
            status="INGETROKKEN",
            melding="Ingetrokken bij het sluiten van de samenwerking.",
        )
    closed = story.later(last, 24, 14 * 24)
    story.add(closed, story.initiator, "close")
    if rng.random() < 0.03:
        story.add(story.later(closed, 20 * 24, 90 * 24), story.initiator, "delete")
