"""Where the scenarios run: ``sim``, ``replay`` or ``live``.

- ``sim``: the embedded simulator, in this process, on a free port. The
  world folder is created when missing (a fresh temporary one by default).
  Every scenario is recorded as a cassette.
- ``replay``: no server and no network. Responses come from the cassettes;
  the client still needs certificate files, so a throwaway test PKI with the
  recorded organisations' OINs is made in a temporary folder.
- ``live``: any SWF base URL with the user's own identities file (for
  example DSO pre-production). Every scenario is recorded as evidence.
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from swfkit.conformance.cassettes import CASSETTE_ORIGIN, origin_of
from swfkit.conformance.identities import IdentityFile, load_identity_file
from swfkit.conformance.roles import Actor, Cast, Unavailable, cast_roles, roles_in
from swfkit.conformance.runid import new_run_id
from swfkit.errors import ConfigurationError

logger = logging.getLogger(__name__)

TARGETS = ("sim", "replay", "live")
RECORDING_FILE = "opname.json"
#: Where a pytest session keeps its open :class:`Target` (for the collector).
TARGET_KEY = pytest.StashKey["Target"]()


@dataclass
class Target:
    """A place the scenarios run against, ready for use.

    Attributes:
        name: ``sim``, ``replay`` or ``live``.
        identities: The parsed identities file the clients are built from.
        base_url: The SWF base URL the clients use.
        cassette_dir: Where cassettes are read (replay) or written.
        record_mode: vcrpy's mode: ``none`` (replay) or ``all``.
        origin: The real origin to replace in recorded cassettes.
        world_dir: The simulator world (sim only).
        secrets: Values to scrub from cassettes (PKCS#12 passwords).
        recorded_run_id: The run id the cassettes were recorded with (replay).
        run_id: The id marking what this run creates.
        cast: Which identity plays which role.
    """

    name: str
    identities: IdentityFile
    base_url: str
    cassette_dir: Path
    record_mode: str
    origin: str
    world_dir: Path | None = None
    secrets: tuple[str, ...] = ()
    recorded_run_id: str | None = None
    run_id: str = ""
    cast: Cast = field(default_factory=dict)
    _closers: list[Any] = field(default_factory=list, repr=False)

    @property
    def replaying(self) -> bool:
        """True when no server is involved."""
        return self.record_mode == "none"

    def skip_reason(self, tags: set[str], step_texts: list[str]) -> str | None:
        """Why a scenario cannot run on this target, in Dutch; None if it can.

        Args:
            tags: The scenario's tags (with the feature's), without ``@``.
            step_texts: Its steps, to find the roles it needs.
        """
        if "tls-handshake" in tags and self.replaying:
            return (
                "Overgeslagen in replay: dit scenario beoordeelt de "
                "TLS-handshake, en die staat niet in een cassette. Draai het "
                "tegen sim of live."
            )
        if "alleen-simulator" in tags and self.name == "live":
            return (
                "Overgeslagen tegen live: dit endpoint is een voorziening van "
                "de swfkit-simulator, geen functie van de SWF."
            )
        for role in roles_in(step_texts):
            actor = self.cast.get(role.key)
            if isinstance(actor, Unavailable):
                return f"Overgeslagen: {actor.reden}."
        return None

    def close(self) -> None:
        """Stop what the target started (the simulator), newest first."""
        while self._closers:
            self._closers.pop().close()

    def write_recording_info(self) -> Path:
        """Record how the cassettes were made, so replay can rebuild the cast."""
        path = self.cassette_dir / RECORDING_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        info = recording_info(self, self.run_id)
        path.write_text(
            json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return path


def recording_info(target: Target, run_id: str) -> dict[str, Any]:
    """The public facts of a recording: no paths, keys or passwords."""
    from swfkit import __version__
    from swfkit.conformance.contractinfo import contract_stamp

    identities = {
        slug: {
            "naam": i.naam,
            "oin": i.oin,
            "kvkNummer": i.kvk_nummer,
            "rol": i.rol,
            "subscribed": i.subscribed,
            "actsFor": list(i.acts_for),
            "verzoeknummers": list(i.verzoeknummers),
        }
        for slug, i in target.identities.identities.items()
    }
    rollen = {
        key: {"identiteit": actor.identity.slug, "namens": actor.acting_oin}
        for key, actor in target.cast.items()
        if isinstance(actor, Actor)
    }
    return {
        "opgenomen": datetime.now(UTC).isoformat(timespec="seconds"),
        "runId": run_id,
        "target": target.name,
        "basePath": urlsplit(target.base_url).path,
        "oinHeader": target.identities.oin_header,
        "swfkitVersie": __version__,
        "contract": contract_stamp(),
        "identities": identities,
        "rollen": rollen,
    }


def open_target(
    name: str,
    *,
    identities: Path | None = None,
    cassette_dir: Path | None = None,
    world_dir: Path | None = None,
    work_dir: Path | None = None,
    run_id: str | None = None,
) -> Target:
    """Prepare a target; the caller must :meth:`Target.close` it.

    Args:
        name: ``sim``, ``replay`` or ``live``.
        identities: The identities file (live: required; sim: optional, it
            names the world folder it lies in).
        cassette_dir: Cassettes to replay, or where to record.
        world_dir: The simulator world to use or create (sim).
        work_dir: A folder for temporary files (default: a new temp folder).
        run_id: The run id; default the recorded one (replay) or a new one.

    Raises:
        ConfigurationError: a required file or option is missing.
    """
    work = Path(work_dir or tempfile.mkdtemp(prefix="swfkit-certify-"))
    if name == "sim":
        # A world's identities file lives in the world folder.
        world = world_dir or (Path(identities).parent if identities else work / "world")
        target = _sim_target(world, cassette_dir or work / "cassettes")
    elif name == "replay":
        if cassette_dir is None:
            raise ConfigurationError(
                "replay needs a cassette folder", fix="pass --swf-cassettes DIR"
            )
        target = _replay_target(cassette_dir, work)
    elif name == "live":
        if identities is None:
            raise ConfigurationError(
                "live needs your identities file", fix="pass --swf-identities FILE"
            )
        target = _live_target(identities, cassette_dir or work / "cassettes")
    else:
        raise ConfigurationError(
            f"unknown target {name!r}", fix=f"choose one of: {', '.join(TARGETS)}"
        )
    target.cast = cast_roles(target.identities)
    target.run_id = run_id or target.recorded_run_id or new_run_id()
    return target


def _sim_target(world_dir: Path, cassette_dir: Path) -> Target:
    from swfkit.sim.server import Simulator
    from swfkit.sim.world import WORLD_FILE
    from swfkit.sim.worldgen import init_world

    if not (world_dir / WORLD_FILE).exists():
        logger.info("creating a simulator world in %s", world_dir)
        init_world(world_dir)
    simulator = Simulator(world_dir).start()
    identities = load_identity_file(world_dir / "identities.json")
    passwords = tuple(_passwords(world_dir / "identities.json"))
    target = Target(
        "sim",
        identities,
        simulator.base_url,
        cassette_dir,
        "all",
        origin_of(simulator.base_url),
        world_dir=world_dir,
        secrets=passwords,
    )
    target._closers.append(_Stopper(simulator))
    return target


def _live_target(identities_path: Path, cassette_dir: Path) -> Target:
    identities = load_identity_file(identities_path)
    passwords = tuple(_passwords(identities_path))
    return Target(
        "live",
        identities,
        identities.base_url,
        cassette_dir,
        "all",
        origin_of(identities.base_url),
        secrets=passwords,
    )


def _replay_target(cassette_dir: Path, work: Path) -> Target:
    from swfkit.conformance.replaypki import build_replay_identities

    info_path = Path(cassette_dir) / RECORDING_FILE
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"cannot read the recording info: {exc}",
            source=info_path,
            fix="record the cassettes first with `make record`",
        ) from None
    path = build_replay_identities(info, work / "replay")
    identities = load_identity_file(path)
    return Target(
        "replay",
        identities,
        identities.base_url,
        Path(cassette_dir),
        "none",
        CASSETTE_ORIGIN,
        recorded_run_id=info.get("runId"),
    )


def _passwords(path: Path) -> list[str]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        str(entry["pkcs12Password"])
        for entry in data["identities"].values()
        if entry.get("pkcs12Password")
    ]


class _Stopper:
    def __init__(self, simulator: Any) -> None:
        self.simulator = simulator

    def close(self) -> None:
        self.simulator.stop()
