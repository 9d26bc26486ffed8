"""The changes along the way in a demo samenwerking.

A privilege raised, a document hidden from one partner or opened to another,
a description corrected, a wrong version replaced, contact details updated.
Each draws from the story's generator and only uses documents and partners
that exist (and were not removed) at the moment it happens. The partner that
must never see a strikt vertrouwelijk document
(:data:`~swfkit.sim.demo_cast.BEPERKT_PARTNER`) is never given more rights.
"""

from __future__ import annotations

import logging

from swfkit.sim.demo_cast import BEPERKT_PARTNER
from swfkit.sim.demo_script import BEPERKT, VOLLEDIG, DocInfo, Story

logger = logging.getLogger(__name__)


def add_changes(story: Story) -> None:
    """Plan the side events of one story (each only sometimes)."""
    # Each initiator document is used by at most one change, so a document
    # is never deleted before a later change refers to it.
    docs = [doc for doc in story.docs if doc.uploader == story.initiator]
    story.rng.shuffle(docs)
    _raise_privilege(story)
    _hide_document(story, docs)
    _open_document(story, docs)
    _correct_document(story, docs)
    _make_strictly_confidential(story, docs)
    _replace_document(story, docs)
    _update_samenwerking(story)


def _raise_privilege(story: Story) -> None:
    candidates = [
        slug
        for slug in story.active_partners()
        if story.privilege(slug) == BEPERKT and slug != BEPERKT_PARTNER
    ]
    if candidates and story.rng.random() < 0.25:
        slug = story.rng.choice(candidates)
        story.add(
            story.later(story.joined(slug), 24, 240),
            story.initiator,
            "privilege",
            deelnemer=slug,
            privilege=VOLLEDIG,
        )


def _take(docs: list[DocInfo], aanduiding: str) -> DocInfo | None:
    for doc in docs:
        if doc.aanduiding == aanduiding:
            docs.remove(doc)
            return doc
    return None


def _hide_document(story: Story, docs: list[DocInfo]) -> None:
    partners = story.active_partners()
    if not partners or story.rng.random() >= 0.1:
        return
    doc = _take(docs, "RV")
    if doc is not None:
        slug = story.rng.choice(partners)
        at = story.later(max(doc.at, story.joined(slug)), 2, 120)
        story.add(
            at,
            story.initiator,
            "recht",
            document=doc.ref,
            deelnemer=slug,
            toegang="GEWEIGERD",
        )


def _open_document(story: Story, docs: list[DocInfo]) -> None:
    beperkt = [
        slug
        for slug in story.active_partners()
        if story.privilege(slug) == BEPERKT and slug != BEPERKT_PARTNER
    ]
    if not beperkt or story.rng.random() >= 0.5:
        return
    doc = _take(docs, "SV")
    if doc is None:
        return
    slug = story.rng.choice(beperkt)
    at = story.later(max(doc.at, story.joined(slug)), 2, 120)
    story.add(
        at,
        story.initiator,
        "recht",
        document=doc.ref,
        deelnemer=slug,
        toegang="TOEGESTAAN",
    )
    if story.rng.random() < 0.3:
        story.add(
            story.later(at, 24, 480),
            story.initiator,
            "recht-weg",
            document=doc.ref,
            deelnemer=slug,
        )


def _correct_document(story: Story, docs: list[DocInfo]) -> None:
    if not docs or story.rng.random() >= 0.15:
        return
    doc = docs.pop()
    story.add(
        story.later(doc.at, 4, 200),
        story.initiator,
        "document",
        document=doc.ref,
        patch={"documentOmschrijving": "Gecorrigeerde omschrijving (versie 2)"},
    )


def _make_strictly_confidential(story: Story, docs: list[DocInfo]) -> None:
    if story.rng.random() >= 0.04:
        return
    doc = _take(docs, "RV")
    if doc is not None:
        story.add(
            story.later(doc.at, 4, 100),
            story.initiator,
            "document",
            document=doc.ref,
            patch={
                "vertrouwelijkheidsAanduiding": "SV",
                "documentOmschrijving": "Bevat toch persoonsgegevens",
            },
        )


def _replace_document(story: Story, docs: list[DocInfo]) -> None:
    if story.rng.random() >= 0.06:
        return
    # Not one an actieverzoek refers to: a later one could not be sent.
    referred = {
        ref
        for e in story.plan.events
        if e.kind == "send"
        for ref in e.args["documenten"]
    }
    doc = _take([d for d in docs if d.ref not in referred], "RV")
    if doc is None:
        return
    docs.remove(doc)
    at = story.later(doc.at, 4, 120)
    story.add(at, story.initiator, "verwijder-document", document=doc.ref)
    naam = next(
        e.args["naam"]
        for e in story.plan.events
        if e.kind == "upload" and e.args["ref"] == doc.ref
    )
    story.upload(
        story.later(at, 0.1, 2),
        story.initiator,
        naam.replace(".pdf", " (nieuwe versie).pdf"),
        "Nieuwe versie van een vervangen document",
        "RV",
    )


def _update_samenwerking(story: Story) -> None:
    if story.rng.random() >= 0.25:
        return
    patch = story.rng.choice(
        (
            {"contactpersoonNaam": "M. van Dijk"},
            {"beschrijving": "Aanvraag aangevuld na vooroverleg."},
            {"contactpersoonTelefoonnummer": "0800-0123456"},
        )
    )
    story.add(
        story.later(story.start, 24, 480), story.initiator, "samenwerking", patch=patch
    )
