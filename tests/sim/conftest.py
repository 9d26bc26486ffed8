"""A dossier with every role, built through the API on the shared simulator."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from swfkit.sim.server import Simulator

from .api import (
    AADORP,
    ADVIESBUREAU,
    BEEKVELD,
    DIJKSTEDE,
    NO_SUBSCRIPTION,
    ODMP,
    PROVINCIE,
    VEILIGHEIDSREGIO,
    VENDOR,
    WATERSCHAP,
    Org,
)


@dataclass
class Dossier:
    """One samenwerking with an organisation for every role.

    initiator: gemeente Aadorp; vendor: the software vendor acting for it;
    volledig: provincie (VOLLEDIGE_TOEGANG); beperkt: waterschap
    (BEPERKTE_TOEGANG); kvk: the adviesbureau invited by KvK number
    (BEPERKTE_TOEGANG); removed: the veiligheidsregio, invited and removed;
    outsider: gemeente Dijkstede; unmandated: the vendor acting for
    Dijkstede; unsubscribed: the organisation without a subscription.
    Documents: ``rv`` and ``sv`` by the initiator, ``own_sv`` an SV document
    the beperkt partner uploaded itself.
    """

    sid: str
    world: Path
    orgs: dict[str, Org]
    deelnemer_ids: dict[str, str]
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getitem__(self, role: str) -> Org:
        return self.orgs[role]

    def path(self, suffix: str = "") -> str:
        return f"/samenwerkingen/{self.sid}{suffix}"


def build_dossier(simulator: Simulator) -> Dossier:
    """Create the every-role dossier on ``simulator``."""
    orgs = {
        "initiator": Org(simulator, AADORP),
        "vendor": Org(simulator, VENDOR, acting=AADORP),
        "volledig": Org(simulator, PROVINCIE),
        "beperkt": Org(simulator, WATERSCHAP),
        "kvk": Org(simulator, ADVIESBUREAU),
        "removed": Org(simulator, VEILIGHEIDSREGIO),
        "outsider": Org(simulator, DIJKSTEDE),
        "unmandated": Org(simulator, VENDOR, acting=DIJKSTEDE),
        "unsubscribed": Org(simulator, NO_SUBSCRIPTION),
        # Not in the dossier: organisations a test may still invite.
        "spare": Org(simulator, BEEKVELD),
        "spare2": Org(simulator, ODMP),
    }
    initiator = orgs["initiator"]
    sid = initiator.start()["samenwerkingId"]
    ids = {
        "volledig": initiator.invite(sid, orgs["volledig"])["deelnemerId"],
        "beperkt": initiator.invite(sid, orgs["beperkt"], "BEPERKTE_TOEGANG")[
            "deelnemerId"
        ],
        "kvk": initiator.invite(sid, orgs["kvk"], "BEPERKTE_TOEGANG", by_kvk=True)[
            "deelnemerId"
        ],
        "removed": initiator.invite(sid, orgs["removed"])["deelnemerId"],
    }
    dossier = Dossier(sid, simulator.world_dir, orgs, ids)
    dossier.docs["rv"] = initiator.upload_ok(sid, b"regulier", name="rv.txt")
    dossier.docs["sv"] = initiator.upload_ok(
        sid, b"strikt", name="sv.txt", aanduiding="SV"
    )
    dossier.docs["own_sv"] = orgs["beperkt"].upload_ok(
        sid, b"eigen", name="eigen.txt", aanduiding="SV"
    )
    removed = initiator.delete(dossier.path(f"/deelnemers/{ids['removed']}"))
    assert removed.status_code == 204, removed.text
    return dossier


@pytest.fixture
def dossier(simulator: Simulator) -> Dossier:
    """A new every-role dossier on the shared simulator."""
    return build_dossier(simulator)
