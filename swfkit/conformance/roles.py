"""The roles the Dutch scenarios speak of, and which identity plays each.

A scenario says "de ketenpartner met beperkte toegang"; a run needs to know
whose certificate that is and which OIN it acts for. :func:`cast_roles`
chooses, from an identities file, one identity per role:

- ``initiator``: a Bevoegd Gezag or behandeldienst with a received verzoek,
  preferably one a vendor holds a mandate for;
- ``leverancier-met-machtiging``: a vendor's certificate acting for the
  initiator;
- ``adviesbureau``: a company known by its KvK number;
- ``buitenstaander``: another Bevoegd Gezag that takes no part;
- ``leverancier-zonder-machtiging``: a vendor's certificate acting for an
  organisation that did not mandate it (preferably the buitenstaander);
- ``volledig``, ``beperkt``, ``verwijderd``: three further organisations;
- ``zonder-abonnement``: an organisation without a subscription.

The identities file may pin any role in its ``rollen`` object, by slug
(``"initiator": "gemeente-x"``) or, for a vendor, with the organisation it
acts for (``{"identiteit": "vendor", "namens": "<OIN>"}``). A role that
cannot be filled is not an error: it is :class:`Unavailable` with a Dutch
reason, and the scenarios that need it are skipped with that reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from swfkit.conformance.identities import Identity, IdentityFile

logger = logging.getLogger(__name__)

INITIATOR_ROLLEN = ("BEVOEGD_GEZAG", "BEHANDELDIENST")
_PARTNER_PREFERENCE = {"KETENPARTNER": 0, "BEHANDELDIENST": 1, "BEVOEGD_GEZAG": 2}


@dataclass(frozen=True)
class Role:
    """A part an organisation plays in a scenario.

    Attributes:
        key: Stable key, used in the identities file's ``rollen``.
        phrase: How the feature files name it, e.g. "de initiator".
        beschrijving: What the role is, in Dutch, for the report.
    """

    key: str
    phrase: str
    beschrijving: str


ROLES: tuple[Role, ...] = (
    Role(
        "initiator",
        "de initiator",
        "Bevoegd Gezag dat de samenwerking start op een ontvangen verzoek",
    ),
    Role(
        "volledig",
        "de ketenpartner met volledige toegang",
        "ketenpartner die ook strikt vertrouwelijke documenten ziet",
    ),
    Role(
        "beperkt",
        "de ketenpartner met beperkte toegang",
        "ketenpartner die alleen vertrouwelijke documenten ziet",
    ),
    Role(
        "verwijderd",
        "de verwijderde ketenpartner",
        "ketenpartner die wordt uitgenodigd en weer verwijderd",
    ),
    Role(
        "buitenstaander",
        "de buitenstaander",
        "aangesloten Bevoegd Gezag dat niet aan de samenwerking deelneemt",
    ),
    Role(
        "adviesbureau",
        "het adviesbureau",
        "bedrijf zonder OIN, uitgenodigd op zijn KvK-nummer",
    ),
    Role(
        "leverancier-met-machtiging",
        "de leverancier met machtiging",
        "certificaat van een leverancier, gemachtigd door de initiator",
    ),
    Role(
        "leverancier-zonder-machtiging",
        "de leverancier zonder machtiging",
        "certificaat van een leverancier dat optreedt voor een organisatie "
        "die het niet heeft gemachtigd",
    ),
    Role(
        "zonder-abonnement",
        "de organisatie zonder abonnement",
        "organisatie zonder abonnement op de SWF",
    ),
)

ROLES_BY_PHRASE: dict[str, Role] = {role.phrase: role for role in ROLES}
ROLES_BY_KEY: dict[str, Role] = {role.key: role for role in ROLES}


@dataclass(frozen=True)
class Actor:
    """An identity playing a role.

    Attributes:
        role: The role played.
        identity: Whose certificate is used.
        acting_oin: The OIN sent in the OIN header.
        naam: The name of the organisation acted for.
    """

    role: Role
    identity: Identity
    acting_oin: str
    naam: str


@dataclass(frozen=True)
class Unavailable:
    """A role no identity can play, with the reason in Dutch."""

    role: Role
    reden: str


Cast = dict[str, Actor | Unavailable]


def cast_roles(file: IdentityFile) -> Cast:
    """Choose an identity for every role; see the module docstring."""
    chooser = _Chooser(file)
    for role in ROLES:
        chooser.fill(role)
    return chooser.cast


def roles_in(texts: Iterable[str]) -> list[Role]:
    """The roles named in some step texts, in catalogue order."""
    joined = "\n".join(texts)
    return [role for role in ROLES if role.phrase in joined]


class _Chooser:
    def __init__(self, file: IdentityFile) -> None:
        self.file = file
        self.cast: Cast = {}
        self.used: set[str] = set()

    def fill(self, role: Role) -> None:
        pinned = self.file.pinned_roles.get(role.key)
        actor = self._pinned(role, pinned) if pinned else self._choose(role)
        if isinstance(actor, Actor):
            self.used.add(actor.identity.slug)
        self.cast[role.key] = actor

    def _pinned(self, role: Role, entry: object) -> Actor | Unavailable:
        slug = entry.get("identiteit") if isinstance(entry, dict) else entry
        identity = self.file.identities.get(str(slug))
        if identity is None:
            return Unavailable(
                role,
                f"rol {role.key} wijst naar onbekende identiteit "
                f"{slug!r} in {self.file.path}",
            )
        acting = entry.get("namens") if isinstance(entry, dict) else None
        return self._actor(role, identity, acting or identity.oin)

    def _choose(self, role: Role) -> Actor | Unavailable:
        method = getattr(self, "_choose_" + role.key.replace("-", "_"))
        result: Actor | Unavailable = method(role)
        return result

    def _actor(self, role: Role, identity: Identity, acting_oin: str) -> Actor:
        acted = self.file.by_oin(acting_oin)
        naam = acted.naam if acted else acting_oin
        return Actor(role, identity, acting_oin, naam)

    def _free(self) -> list[Identity]:
        return [
            i
            for i in self.file.identities.values()
            if i.slug not in self.used and i.has_certificate
        ]

    def _vendors(self) -> list[Identity]:
        return [
            i
            for i in self.file.identities.values()
            if i.rol == "LEVERANCIER" and i.has_certificate
        ]

    def _missing(self, role: Role, wat: str) -> Unavailable:
        return Unavailable(
            role,
            f"de identiteiten in {self.file.path.name} hebben "
            f"geen {wat} voor de rol '{role.phrase}'",
        )

    def _choose_initiator(self, role: Role) -> Actor | Unavailable:
        mandated = {oin for v in self._vendors() for oin in v.acts_for}
        candidates = [
            i
            for i in self._free()
            if i.subscribed and i.rol in INITIATOR_ROLLEN and i.verzoeknummers
        ]
        candidates.sort(key=lambda i: (i.oin not in mandated, i.rol != "BEVOEGD_GEZAG"))
        if not candidates:
            return self._missing(role, "Bevoegd Gezag met een ontvangen verzoek")
        return self._actor(role, candidates[0], candidates[0].oin)

    def _partner(self, role: Role) -> Actor | Unavailable:
        candidates = [
            i
            for i in self._free()
            if i.subscribed and i.rol != "LEVERANCIER" and not i.kvk_nummer
        ]
        # Bevoegde gezagen last: they are wanted as initiator and outsider.
        candidates.sort(key=lambda i: _PARTNER_PREFERENCE.get(i.rol, 3))
        if not candidates:
            return self._missing(role, "nog een aangesloten organisatie")
        return self._actor(role, candidates[0], candidates[0].oin)

    _choose_volledig = _partner
    _choose_beperkt = _partner
    _choose_verwijderd = _partner

    def _choose_buitenstaander(self, role: Role) -> Actor | Unavailable:
        mandated = {oin for v in self._vendors() for oin in v.acts_for}
        candidates = [
            i for i in self._free() if i.subscribed and i.rol in INITIATOR_ROLLEN
        ]
        candidates.sort(key=lambda i: i.oin in mandated)
        if not candidates:
            return self._missing(role, "tweede Bevoegd Gezag")
        return self._actor(role, candidates[0], candidates[0].oin)

    def _choose_adviesbureau(self, role: Role) -> Actor | Unavailable:
        candidates = [i for i in self._free() if i.subscribed and i.kvk_nummer]
        if not candidates:
            return self._missing(role, "bedrijf met een KvK-nummer")
        return self._actor(role, candidates[0], candidates[0].oin)

    def _choose_leverancier_met_machtiging(self, role: Role) -> Actor | Unavailable:
        initiator = self.cast.get("initiator")
        if not isinstance(initiator, Actor):
            return self._missing(role, "initiator")
        for vendor in self._vendors():
            if initiator.acting_oin in vendor.acts_for:
                return self._actor(role, vendor, initiator.acting_oin)
        return self._missing(role, "leverancier met een mandaat van de initiator")

    def _choose_leverancier_zonder_machtiging(self, role: Role) -> Actor | Unavailable:
        outsider = self.cast.get("buitenstaander")
        targets = [outsider.acting_oin] if isinstance(outsider, Actor) else []
        targets += [i.oin for i in self.file.identities.values() if i.subscribed]
        for vendor in self._vendors():
            for oin in targets:
                if oin not in vendor.acts_for and oin != vendor.oin:
                    return self._actor(role, vendor, oin)
        return self._missing(role, "leverancier")

    def _choose_zonder_abonnement(self, role: Role) -> Actor | Unavailable:
        candidates = [i for i in self._free() if not i.subscribed]
        if not candidates:
            return self._missing(role, "organisatie zonder abonnement")
        return self._actor(role, candidates[0], candidates[0].oin)
