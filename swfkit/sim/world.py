"""The simulator's world: organisations, received verzoeken and settings.

``world.json`` in the world folder holds it; ``swfkit sim init`` writes it
and ``identities.json`` (see :mod:`swfkit.sim.worldgen`). Paths inside are
relative to the world folder.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from swfkit.errors import ConfigurationError

logger = logging.getLogger(__name__)

WORLD_FILE = "world.json"
IDENTITIES_FILE = "identities.json"
DEFAULT_BASE_PATH = "/overheid/samenwerken/api/behandelen/v5"
DEFAULT_OIN_HEADER = "X-OIN"
DEFAULT_MAX_UPLOAD_BYTES = 1024**3
DEFAULT_PORT = 8443
ROLES = ("BEVOEGD_GEZAG", "BEHANDELDIENST", "KETENPARTNER", "LEVERANCIER")
# Roles that may start a samenwerking on a verzoek addressed to them.
INITIATOR_ROLES = frozenset({"BEVOEGD_GEZAG", "BEHANDELDIENST"})


@dataclass(frozen=True)
class Organisation:
    """One organisation the SWF knows.

    ``oin`` is its 20-character identifier (the HRN for a company known by
    KvK number); ``mandates`` lists the OINs that mandated its certificate.
    """

    slug: str
    naam: str
    oin: str
    kvk_nummer: str | None
    rol: str
    subscribed: bool
    mandates: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerzoekFile:
    """A document that came with a verzoek (path relative to the world)."""

    path: str
    formaat: str


@dataclass(frozen=True)
class Verzoek:
    """A verzoek received from DSO-LV and addressed to one or more bodies."""

    verzoeknummer: str
    addressed_to: tuple[str, ...]
    type_verzoek: str
    globale_locatie: str
    files: tuple[VerzoekFile, ...]


@dataclass(frozen=True)
class WorldSettings:
    """Server settings kept in the world file."""

    base_path: str = DEFAULT_BASE_PATH
    oin_header: str = DEFAULT_OIN_HEADER
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    disabled_rules: tuple[str, ...] = ()
    # A response that breaks the contract becomes a 500 (True) or is only
    # logged (False).
    strict_responses: bool = True


@dataclass(frozen=True)
class ServerFiles:
    """The server's certificate, key and the CA bundle clients must chain to."""

    cert: Path
    key: Path
    ca_bundle: Path


@dataclass(frozen=True)
class World:
    """Everything ``world.json`` says, with lookups."""

    directory: Path
    organisations: tuple[Organisation, ...]
    verzoeken: tuple[Verzoek, ...]
    settings: WorldSettings
    server: ServerFiles

    def organisation(self, oin: str) -> Organisation | None:
        """The organisation with this OIN (or HRN), if known."""
        return self._by_oin.get(oin)

    def naam(self, oin: str | None) -> str | None:
        """The name of the organisation with this OIN, if known."""
        org = self.organisation(oin) if oin else None
        return org.naam if org else None

    def by_kvk(self, kvk_nummer: str) -> Organisation | None:
        """The organisation registered under this KvK number, if known."""
        return next((o for o in self.organisations if o.kvk_nummer == kvk_nummer), None)

    def verzoek(self, verzoeknummer: str) -> Verzoek | None:
        """The received verzoek with this number, if any."""
        return next(
            (v for v in self.verzoeken if v.verzoeknummer == verzoeknummer), None
        )

    @property
    def db_path(self) -> Path:
        """Where the simulator's database lives."""
        return self.directory / "sim.db"

    @property
    def blob_dir(self) -> Path:
        """Where document contents live."""
        return self.directory / "blobs"

    @cached_property
    def _by_oin(self) -> dict[str, Organisation]:
        return {o.oin: o for o in self.organisations}

    @classmethod
    def load(cls, directory: Path) -> World:
        """Read ``world.json`` from a world folder.

        Raises:
            ConfigurationError: when the file is missing or malformed.
        """
        path = Path(directory) / WORLD_FILE
        data = read_json(path, fix="run `swfkit sim init --dir DIR` first")
        try:
            return _world_from_dict(Path(directory), data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigurationError(
                f"world file is malformed: {exc}",
                source=path,
                fix="recreate it with `swfkit sim init --force`",
            ) from exc


def _world_from_dict(directory: Path, data: dict[str, Any]) -> World:
    organisations = tuple(
        Organisation(
            slug=o["slug"],
            naam=o["naam"],
            oin=o["oin"],
            kvk_nummer=o.get("kvkNummer"),
            rol=o["rol"],
            subscribed=bool(o["subscribed"]),
            mandates=tuple(o.get("mandates", ())),
        )
        for o in data["organisations"]
    )
    verzoeken = tuple(
        Verzoek(
            verzoeknummer=v["verzoeknummer"],
            addressed_to=tuple(v["addressedTo"]),
            type_verzoek=v["typeVerzoek"],
            globale_locatie=v["globaleLocatie"],
            files=tuple(VerzoekFile(f["path"], f["formaat"]) for f in v["files"]),
        )
        for v in data["verzoeken"]
    )
    raw = data.get("settings", {})
    settings = WorldSettings(
        base_path=raw.get("basePath", DEFAULT_BASE_PATH).rstrip("/"),
        oin_header=raw.get("oinHeader", DEFAULT_OIN_HEADER),
        max_upload_bytes=int(raw.get("maxUploadBytes", DEFAULT_MAX_UPLOAD_BYTES)),
        disabled_rules=tuple(raw.get("disabledRules", ())),
        strict_responses=bool(raw.get("strictResponses", True)),
    )
    server = data["server"]
    files = ServerFiles(
        cert=directory / server["cert"],
        key=directory / server["key"],
        ca_bundle=directory / server["caBundle"],
    )
    return World(directory, organisations, verzoeken, settings, files)


def base_url(host: str, port: int, base_path: str = DEFAULT_BASE_PATH) -> str:
    """The simulator's base URL on ``host:port``."""
    return f"https://{host}:{port}{base_path}"


def read_json(path: Path, *, fix: str) -> dict[str, Any]:
    """Read a JSON object from ``path``, as a ConfigurationError when it fails."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigurationError("file not found", source=path, fix=fix) from exc
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"cannot read JSON: {exc}", source=path, fix=fix
        ) from exc
    if not isinstance(data, dict):
        raise ConfigurationError("expected a JSON object", source=path, fix=fix)
    return data


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` with ``data`` so readers never see a half-written file."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_settings(directory: Path, **changes: Any) -> None:
    """Change keys under ``settings`` in a world file (tests, demos)."""
    path = Path(directory) / WORLD_FILE
    data = read_json(path, fix="run `swfkit sim init --dir DIR` first")
    data.setdefault("settings", {}).update(changes)
    write_json_atomic(path, data)


def publish_address(directory: Path, url: str, oin_header: str) -> None:
    """Point ``identities.json`` at a running simulator (atomic rewrite).

    The OIN header name is copied too, since a world may rename it.
    """
    path = Path(directory) / IDENTITIES_FILE
    data = read_json(path, fix="run `swfkit sim init --dir DIR` first")
    data.update(baseUrl=url, oinHeader=oin_header)
    write_json_atomic(path, data)


def configured_port(directory: Path) -> int:
    """The port in ``identities.json``'s base URL (the one ``init`` chose)."""
    path = Path(directory) / IDENTITIES_FILE
    data = read_json(path, fix="run `swfkit sim init --dir DIR` first")
    port = urlsplit(str(data.get("baseUrl", ""))).port
    return port if port is not None else DEFAULT_PORT
