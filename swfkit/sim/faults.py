"""Fault injection: a WSGI middleware that makes the simulator misbehave on purpose.

A world enables it with ``settings.faultProfile`` in ``world.json``: either
the profile itself or the path (relative to the world folder) of a JSON file
holding it::

    {"seed": 7, "faults": [
        {"kind": "latency", "seconds": 0.2, "probability": 0.1},
        {"kind": "unavailable", "retryAfter": 1, "methods": ["GET"], "limit": 2},
        {"kind": "throttle", "retryAfter": 1, "path": "/documenten"},
        {"kind": "reset", "afterBytes": 100, "methods": ["POST"], "limit": 1},
        {"kind": "slow", "chunkBytes": 4096, "seconds": 0.01}
    ]}

Kinds:

- ``latency``: wait ``seconds`` before the request reaches the simulator.
- ``unavailable`` / ``throttle``: answer 503 / 429 (problem+json, with
  ``Retry-After: retryAfter`` when given) without touching the simulator.
- ``reset``: let the simulator handle the request (a write is committed),
  then drop the connection: before any answer, or, with ``afterBytes``,
  after the headers and that many bytes of the body. A body shorter than
  that goes out whole before the drop.
- ``slow``: send the body in ``chunkBytes`` pieces, ``seconds`` apart.

Every fault may be narrowed by ``methods``, ``path`` (a regular expression
searched in the path), ``probability`` (0..1, drawn from a generator seeded
with ``seed``) and ``limit`` (fire at most this many times). A request gets
at most one fault: the first in the list that applies and fires, so a list
like "503 once, then 429 once, then a timeout once" plays out in that order.
Each injected fault is logged at INFO on this module's logger, so tests
can count them; a request refused with 503 or 429 never reaches the
simulator, so its request log does not show it.
"""

from __future__ import annotations

import errno
import json
import logging
import random
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from swfkit.errors import ConfigurationError
from swfkit.sim.world import WORLD_FILE, World, read_json

logger = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

SETTING = "faultProfile"
BEFORE = frozenset({"latency", "unavailable", "throttle"})
AFTER = frozenset({"reset", "slow"})
_STATUS = {"unavailable": 503, "throttle": 429}
_TITLES = {
    "unavailable": "Dienst tijdelijk niet beschikbaar",
    "throttle": "Te veel verzoeken",
}
_SLUGS = {"unavailable": "niet-beschikbaar", "throttle": "te-veel-verzoeken"}
_REASONS = {503: "Service Unavailable", 429: "Too Many Requests"}
_CORRELATION = re.compile(r"[\x21-\x7e]{1,128}")
_FIX = "see swfkit/sim/faults.py for the shape of a fault profile"


@dataclass(frozen=True)
class Fault:
    """One kind of misbehaviour and when it applies."""

    kind: str
    probability: float = 1.0
    methods: frozenset[str] = frozenset()
    path: re.Pattern[str] | None = None
    limit: int | None = None
    seconds: float = 0.0
    retry_after: int | None = None
    after_bytes: int | None = None
    chunk_bytes: int = 1024

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request (before chance and limit)."""
        if self.methods and method not in self.methods:
            return False
        return self.path is None or self.path.search(path) is not None


@dataclass(frozen=True)
class FaultProfile:
    """The faults of one simulator, in the order they are considered."""

    faults: tuple[Fault, ...]
    seed: int | None = None

    @classmethod
    def from_dict(cls, data: Any, source: Path | None = None) -> FaultProfile:
        """Read a profile from its JSON form.

        Raises:
            ConfigurationError: the profile is malformed.
        """
        try:
            faults = tuple(_fault(item) for item in data["faults"])
            seed = data.get("seed")
            return cls(faults, None if seed is None else int(seed))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise ConfigurationError(
                f"fault profile is malformed: {exc}", source=source, fix=_FIX
            ) from exc


def _fault(item: dict[str, Any]) -> Fault:
    kind = str(item["kind"])
    if kind not in BEFORE | AFTER:
        raise ValueError(f"unknown fault kind {kind!r}")
    probability = float(item.get("probability", 1.0))
    if not 0.0 <= probability <= 1.0:
        raise ValueError("probability must be between 0 and 1")
    path = item.get("path")
    retry_after = item.get("retryAfter")
    limit = item.get("limit")
    after_bytes = item.get("afterBytes")
    return Fault(
        kind=kind,
        probability=probability,
        methods=frozenset(str(m).upper() for m in item.get("methods", ())),
        path=re.compile(str(path)) if path else None,
        limit=None if limit is None else int(limit),
        seconds=float(item.get("seconds", 0.0)),
        retry_after=None if retry_after is None else int(retry_after),
        after_bytes=None if after_bytes is None else int(after_bytes),
        chunk_bytes=max(1, int(item.get("chunkBytes", 1024))),
    )


def load_profile(world: World) -> FaultProfile | None:
    """The world's fault profile, or None when it has none.

    Raises:
        ConfigurationError: the setting or the file it names is malformed.
    """
    source = world.directory / WORLD_FILE
    settings = read_json(source, fix="run `swfkit sim init --dir DIR` first").get(
        "settings", {}
    )
    value = settings.get(SETTING)
    if value is None:
        return None
    if isinstance(value, str):
        source = world.directory / value
        value = read_json(source, fix=_FIX)
    return FaultProfile.from_dict(value, source)


def with_faults(app: WsgiApp, world: World) -> WsgiApp:
    """``app`` wrapped in a :class:`FaultInjector` when the world asks for one."""
    profile = load_profile(world)
    if profile is None or not profile.faults:
        return app
    logger.warning("fault injection is on: %d fault(s)", len(profile.faults))
    return FaultInjector(app, profile)


class FaultInjector:
    """The WSGI middleware that applies a :class:`FaultProfile`.

    Safe to share between server threads: the draw of chance and the limit
    counters sit behind one lock.
    """

    def __init__(self, app: WsgiApp, profile: FaultProfile) -> None:
        self.app = app
        self.profile = profile
        self._random = random.Random(profile.seed)
        self._fired = [0] * len(profile.faults)
        self._lock = threading.Lock()

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET"))
        path = _path(environ)
        fault = self._choose(method, path)
        if fault is None:
            return self.app(environ, start_response)

        _record(fault, method, path)
        if fault.kind in _STATUS:
            return _refuse(fault, environ, start_response)
        if fault.kind == "latency":
            time.sleep(fault.seconds)
            return self.app(environ, start_response)

        body = self.app(environ, start_response)
        if fault.kind == "slow":
            return _Slow(body, fault.chunk_bytes, fault.seconds)
        if fault.after_bytes is not None:
            return _Reset(body, fault.after_bytes)
        # Raised from the call itself, so the server sends nothing at all
        # (raised from the body, it would still send the headers first).
        _Body(body).close()
        raise ConnectionResetError(errno.ECONNRESET, "connection reset (fault)")

    def _choose(self, method: str, path: str) -> Fault | None:
        """The first fault that applies to this request and fires, if any."""
        with self._lock:
            for index, fault in enumerate(self.profile.faults):
                if not fault.matches(method, path):
                    continue
                if fault.limit is not None and self._fired[index] >= fault.limit:
                    continue
                if (
                    fault.probability < 1.0
                    and self._random.random() >= fault.probability
                ):
                    continue
                self._fired[index] += 1
                return fault
        return None


def _path(environ: dict[str, Any]) -> str:
    # PEP 3333 hands the path over as latin-1-decoded bytes; undo that.
    raw = str(environ.get("PATH_INFO", ""))
    return raw.encode("latin-1", "replace").decode("utf-8", "replace")


def _record(fault: Fault, method: str, path: str) -> None:
    logger.info("fault injected: %s on %s %s", fault.kind, method, path)


def _refuse(
    fault: Fault, environ: dict[str, Any], start_response: Callable[..., Any]
) -> list[bytes]:
    """A 503 or 429 problem+json answer; the simulator never sees the request."""
    status = _STATUS[fault.kind]
    sent = environ.get("HTTP_X_CORRELATION_ID")
    correlation_id = (
        sent if sent and _CORRELATION.fullmatch(sent) else str(uuid.uuid4())
    )
    body = json.dumps(
        {
            "type": f"urn:swfkit:probleem:{_SLUGS[fault.kind]}",
            "title": _TITLES[fault.kind],
            "status": status,
            "detail": "Storing nagebootst door het foutprofiel van de simulator.",
            "instance": quote(_path(environ), safe="/!$&'()*+,;=:@-._~"),
            "correlationId": correlation_id,
        },
        ensure_ascii=False,
    ).encode()
    headers = [
        ("Content-Type", "application/problem+json"),
        ("Content-Length", str(len(body))),
        ("X-Correlation-ID", correlation_id),
    ]
    if fault.retry_after is not None:
        headers.append(("Retry-After", str(fault.retry_after)))
    start_response(f"{status} {_REASONS[status]}", headers)
    return [body]


class _Body:
    """A response body wrapper that closes what it wraps (Flask's teardown)."""

    def __init__(self, inner: Iterable[bytes]) -> None:
        self.inner = inner

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


class _Reset(_Body):
    """Sends the headers and ``after_bytes`` of the body, then drops the connection."""

    def __init__(self, inner: Iterable[bytes], after_bytes: int) -> None:
        super().__init__(inner)
        self.after_bytes = after_bytes

    def __iter__(self) -> Iterator[bytes]:
        left = self.after_bytes
        for chunk in self.inner:
            if len(chunk) >= left:
                if left:
                    yield chunk[:left]
                break
            left -= len(chunk)
            yield chunk
        # cheroot closes the connection quietly on a reset it did not cause;
        # the client sees the headers and a short body, then the end.
        raise ConnectionResetError(errno.ECONNRESET, "connection reset (fault)")


class _Slow(_Body):
    """Sends the body in small pieces with a pause between them.

    The first piece goes at once, so the headers arrive and the stall falls
    inside the body, where a client's own read timeout has to catch it.
    """

    def __init__(self, inner: Iterable[bytes], chunk_bytes: int, pause: float) -> None:
        super().__init__(inner)
        self.chunk_bytes = chunk_bytes
        self.pause = pause

    def __iter__(self) -> Iterator[bytes]:
        first = True
        for chunk in self.inner:
            for start in range(0, len(chunk), self.chunk_bytes):
                if not first:
                    time.sleep(self.pause)
                first = False
                yield chunk[start : start + self.chunk_bytes]
