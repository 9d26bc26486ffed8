"""Removing what conformance runs created on a shared environment.

A scenario stops and deletes every samenwerking it started, at its end. A
run that crashed leaves them behind; :func:`find_leftovers` finds them by
their mark (``kenmerkSysteem = "swfkit-certify"`` and a run-id number, see
:mod:`swfkit.conformance.runid`) and :func:`cleanup_leftovers` stops and
deletes those the identity may delete (it must be their initiator).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from swfkit.client import Client, SamenwerkingStatus
from swfkit.config import Settings
from swfkit.conformance.identities import IdentityFile, load_identity_file
from swfkit.conformance.runid import is_certify_mark
from swfkit.errors import (
    ApiError,
    ConfigurationError,
    ConflictError,
    NotFoundError,
    TransportError,
)

logger = logging.getLogger(__name__)


def remove_samenwerking(client: Client, samenwerking_id: str) -> None:
    """Stop a samenwerking when still open, then delete it.

    Raises:
        NotFoundError: it does not exist (any more).
        ApiError: the server refused (for example: not the initiator).
    """
    current = client.get_samenwerking(samenwerking_id)
    if current.status != SamenwerkingStatus.GESLOTEN:
        try:
            client.stop_samenwerking(samenwerking_id)
        except ConflictError:
            logger.debug("%s could not be stopped; deleting anyway", samenwerking_id)
    client.delete_samenwerking(samenwerking_id)


@dataclass(frozen=True)
class CleanupResult:
    """What happened to one leftover samenwerking.

    Attributes:
        samenwerking_id: Its id.
        nummer: Its ``nummerBinnenSysteem`` (run id and sequence).
        removed: Whether it was stopped and deleted.
        reason: Why not, when it was not.
    """

    samenwerking_id: str
    nummer: str | None
    removed: bool
    reason: str | None = None


def find_leftovers(client: Client, *, keep_run: str | None = None) -> list[str]:
    """Ids of samenwerkingen made by conformance runs that ``client`` started.

    Args:
        client: A client acting for a possible initiator.
        keep_run: A run id whose samenwerkingen are left alone (a run in
            progress).
    """
    found = []
    for samenwerking in client.list_samenwerkingen():
        nummer = samenwerking.nummer_binnen_systeem
        if not is_certify_mark(samenwerking.kenmerk_systeem, nummer):
            continue
        if keep_run and nummer and nummer.startswith(keep_run + "-"):
            continue
        if samenwerking.aangemaakt_door == client.oin:
            found.append(samenwerking.samenwerking_id)
    return found


def cleanup_leftovers(
    client: Client, *, keep_run: str | None = None
) -> list[CleanupResult]:
    """Stop and delete every leftover samenwerking ``client`` may delete."""
    results = []
    for samenwerking_id in find_leftovers(client, keep_run=keep_run):
        nummer = client.get_samenwerking(samenwerking_id).nummer_binnen_systeem
        try:
            remove_samenwerking(client, samenwerking_id)
            results.append(CleanupResult(samenwerking_id, nummer, True))
        except NotFoundError:
            results.append(CleanupResult(samenwerking_id, nummer, True, "al weg"))
        except ApiError as exc:
            results.append(CleanupResult(samenwerking_id, nummer, False, str(exc)))
    return results


@contextmanager
def cleanup_environment(
    target: str, *, identities: Path | None, world: Path | None
) -> Iterator[tuple[IdentityFile, str]]:
    """The identities and base URL to clean up on, for ``live`` or ``sim``.

    For ``sim`` the world's simulator runs while the block is active.

    Raises:
        ConfigurationError: the file or folder the target needs is missing.
    """
    if target == "live":
        if identities is None:
            raise ConfigurationError(
                "cleaning up live needs your identities", fix="pass --identities FILE"
            )
        file = load_identity_file(identities)
        yield file, file.base_url
    elif target == "sim":
        if world is None:
            raise ConfigurationError(
                "cleaning up the simulator needs its world", fix="pass --world DIR"
            )
        from swfkit.sim.server import Simulator

        with Simulator(world) as simulator:
            yield (
                load_identity_file(Path(world) / "identities.json"),
                simulator.base_url,
            )
    else:
        raise ConfigurationError(
            f"nothing to clean up on target {target!r}",
            fix="use --target live or --target sim",
        )


def cleanup_identities(
    file: IdentityFile, base_url: str
) -> Iterator[tuple[str, CleanupResult | str]]:
    """Clean up as every identity, for itself and for each OIN it acts for.

    Yields:
        ``(who, result)``; ``result`` is a text when that identity could not
        be used (no subscription, refused, unreachable).
    """
    for identity in file.identities.values():
        if not identity.has_certificate or not identity.subscribed:
            continue
        for acting in (identity.oin, *identity.acts_for):
            settings = Settings.from_identities(
                file.path, identity.slug, oin=acting, base_url=base_url
            )
            who = f"{identity.slug} namens {acting}"
            try:
                with Client(settings) as client:
                    for result in cleanup_leftovers(client):
                        yield who, result
            except (ApiError, TransportError) as exc:
                yield who, f"overgeslagen: {exc}"
