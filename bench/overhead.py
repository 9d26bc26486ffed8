"""Per-call overhead of the swfkit client against a bare requests.Session."""

from __future__ import annotations

import logging
from collections.abc import Callable

import requests

from bench.figures import Figure
from bench.measure import interleave, timed
from bench.simproc import SimServer

logger = logging.getLogger(__name__)

IDENTITY = "gemeente-aadorp"
VERZOEK = "2026060200011"
TARGET_RATIO = 1.10
WARM_UP = 30


def bare_session(server: SimServer, name: str = IDENTITY) -> requests.Session:
    """A plain requests session with the identity's certificate and OIN."""
    ident = server.identity(name)
    session = requests.Session()
    session.trust_env = False
    session.verify = ident["caBundle"]
    session.cert = (ident["cert"], ident["key"])
    session.headers[ident["oinHeader"]] = ident["oin"]
    return session


def repeat(action: Callable[[], None], times: int) -> None:
    """Call ``action`` ``times`` times."""
    for _ in range(times):
        action()


def run(server: SimServer, *, pairs: int, calls: int) -> list[Figure]:
    """Time ``calls`` GETs of one samenwerking per repetition, ABAB.

    Many short blocks rather than a few long ones: on a shared machine a
    burst of outside load then spoils a few blocks of both sides, which the
    median ignores, instead of one side's whole measurement.
    """
    client = server.client(IDENTITY)
    sid = client.start_samenwerking(VERZOEK, "Benchmark overhead").samenwerking_id
    session = bare_session(server)
    url = f"{server.base_url}/samenwerkingen/{sid}"

    def with_client() -> None:
        client.get_samenwerking(sid)

    def bare() -> None:
        response = session.get(url, timeout=30)
        response.raise_for_status()
        response.json()

    for _ in range(WARM_UP):
        with_client()
        bare()

    swf, plain = interleave(
        pairs,
        lambda: timed(lambda: repeat(with_client, calls)) / calls,
        lambda: timed(lambda: repeat(bare, calls)) / calls,
    )
    client.close()
    session.close()
    return _figures(swf, plain, pairs, calls)


def _figures(
    swf: list[float], plain: list[float], pairs: int, calls: int
) -> list[Figure]:
    from statistics import median

    ratio = median(swf) / median(plain)
    detail = f"median of {pairs} interleaved blocks of {calls} GETs each"
    return [
        Figure(
            "overhead.swfkit_ms",
            "per call, swfkit client",
            median(swf) * 1000,
            "ms",
            detail=detail,
        ),
        Figure(
            "overhead.requests_ms",
            "per call, bare requests.Session",
            median(plain) * 1000,
            "ms",
            detail=detail,
        ),
        Figure(
            "overhead.ratio",
            "per-call overhead (swfkit / requests)",
            ratio,
            "x",
            target=f"<= {TARGET_RATIO:.2f}x",
            met=ratio <= TARGET_RATIO,
            detail=detail,
        ),
    ]
