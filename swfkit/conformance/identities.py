"""The identities a conformance run may use, read from an ``identities.json``.

The file has the simulator's format (``swfkit sim init`` writes it), so a
live run against DSO pre-production uses the same shape with the user's own
certificates::

    {"baseUrl": "https://.../overheid/samenwerken/api/behandelen/v5",
     "oinHeader": "X-OIN", "caBundle": "ca-bundle.pem",
     "identities": {"gemeente-x": {"naam": "Gemeente X", "oin": "...",
        "kvkNummer": null, "rol": "BEVOEGD_GEZAG", "cert": "x.pem",
        "key": "x.key", "actsFor": [], "subscribed": true,
        "verzoeknummers": ["..."]}},
     "rollen": {"initiator": "gemeente-x"}}

Two keys are swfkit conformance extensions and optional: per identity
``verzoeknummers`` (received verzoeken a samenwerking may be started on) and
a top-level ``rollen`` that pins a role to an identity (see
:mod:`swfkit.conformance.roles`). Next to a simulator's identities file the
``world.json`` supplies the verzoeken, so the extensions are not needed there.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swfkit.errors import ConfigurationError

logger = logging.getLogger(__name__)

WORLD_FILE = "world.json"
_FIX = "give an identities.json as written by `swfkit sim init`"


@dataclass(frozen=True)
class Identity:
    """One organisation whose certificate the run may use.

    Attributes:
        slug: Its name in the identities file.
        naam: The organisation's name.
        oin: Its 20-character identifier (the HRN for a company).
        kvk_nummer: The KvK number of a company, else None.
        rol: BEVOEGD_GEZAG, BEHANDELDIENST, KETENPARTNER or LEVERANCIER.
        subscribed: Whether it has a subscription on the SWF.
        acts_for: OINs that mandated this certificate (a vendor's clients).
        verzoeknummers: Received verzoeken addressed to it.
        has_certificate: Whether the file names a certificate for it.
    """

    slug: str
    naam: str
    oin: str
    kvk_nummer: str | None = None
    rol: str = "KETENPARTNER"
    subscribed: bool = True
    acts_for: tuple[str, ...] = ()
    verzoeknummers: tuple[str, ...] = ()
    has_certificate: bool = True


@dataclass(frozen=True)
class IdentityFile:
    """A parsed identities file.

    Attributes:
        path: Where it was read from.
        base_url: The SWF base URL it names.
        oin_header: The name of the acting-OIN header.
        identities: Identities by slug, in file order.
        pinned_roles: The optional ``rollen`` mapping, role key -> entry.
    """

    path: Path
    base_url: str
    oin_header: str
    identities: dict[str, Identity]
    pinned_roles: dict[str, Any] = field(default_factory=dict)

    def by_oin(self, oin: str) -> Identity | None:
        """The identity with this OIN, if the file has one."""
        return next((i for i in self.identities.values() if i.oin == oin), None)


def load_identity_file(path: Path) -> IdentityFile:
    """Read an identities file and, beside it, the simulator's world file.

    Raises:
        ConfigurationError: the file is missing or not in the expected shape.
    """
    path = Path(path)
    data = _read_json(path)
    try:
        verzoeken = _verzoeken_from_world(path.parent / WORLD_FILE)
        identities = {
            slug: _identity(slug, entry, verzoeken.get(entry["oin"], ()))
            for slug, entry in data["identities"].items()
        }
        return IdentityFile(
            path=path,
            base_url=str(data["baseUrl"]),
            oin_header=str(data.get("oinHeader") or "X-OIN"),
            identities=identities,
            pinned_roles=dict(data.get("rollen") or {}),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigurationError(
            f"not an identities file: missing or wrong {exc}", source=path, fix=_FIX
        ) from None


def _identity(slug: str, entry: dict[str, Any], addressed: tuple[str, ...]) -> Identity:
    own = tuple(str(v) for v in entry.get("verzoeknummers") or ())
    return Identity(
        slug=slug,
        naam=str(entry.get("naam") or slug),
        oin=str(entry["oin"]),
        kvk_nummer=entry.get("kvkNummer"),
        rol=str(entry.get("rol") or "KETENPARTNER"),
        subscribed=bool(entry.get("subscribed", True)),
        acts_for=tuple(str(o) for o in entry.get("actsFor") or ()),
        verzoeknummers=own or addressed,
        has_certificate=bool(entry.get("cert") or entry.get("pkcs12")),
    )


def _verzoeken_from_world(path: Path) -> dict[str, tuple[str, ...]]:
    """OIN -> verzoeknummers addressed to it, from a simulator world file."""
    if not path.is_file():
        return {}
    world = _read_json(path)
    found: dict[str, list[str]] = {}
    for verzoek in world.get("verzoeken", ()):
        for oin in verzoek.get("addressedTo", ()):
            found.setdefault(oin, []).append(str(verzoek["verzoeknummer"]))
    return {oin: tuple(numbers) for oin, numbers in found.items()}


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigurationError("file not found", source=path, fix=_FIX) from None
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"cannot read JSON: {exc}", source=path, fix=_FIX
        ) from None
    if not isinstance(data, dict):
        raise ConfigurationError("expected a JSON object", source=path, fix=_FIX)
    return data
