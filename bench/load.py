"""The simulator under 8 concurrent clients doing mixed operations.

Each client is its own process (so client-side CPU does not serialise on one
GIL) with its own swfkit client and samenwerking. Every worker stops after a
bounded number of operations or seconds, whichever comes first, and only
talks to 127.0.0.1.
"""

from __future__ import annotations

import io
import multiprocessing
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.figures import Figure
from bench.measure import percentile
from bench.simproc import SimServer
from swfkit.client import Client
from swfkit.config import Settings
from swfkit.errors import SwfkitError

# (identity, verzoeknummer addressed to it) for the workers, round robin.
INITIATORS = (
    ("gemeente-aadorp", "2026060200011"),
    ("gemeente-beekveld", "2026060200021"),
    ("gemeente-dijkstede", "2026060200031"),
    ("omgevingsdienst-middenpolder", "2026060200022"),
)
# provincie-zuiderkwartier, a ketenpartner in every worker's samenwerking.
PARTNER_OIN = "00000099000000003001"
DOCUMENT = b"%PDF-1.4\n" + bytes(range(256)) * 64
OPERATIONS = (
    ("get_samenwerking", 25),
    ("get_document", 15),
    ("list_documenten", 15),
    ("list_notificaties", 10),
    ("update_samenwerking", 10),
    ("download_document", 10),
    ("upload_document", 10),
    ("create_actieverzoek", 5),
)


@dataclass
class WorkerResult:
    """What one worker did: latency per operation, errors, its wall time."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(frozen=True)
class WorkerPlan:
    """What one worker is asked to do."""

    identities: Path
    identity: str
    verzoek: str
    seed: int
    max_ops: int
    max_seconds: float


def run(
    server: SimServer, *, workers: int, max_ops: int, max_seconds: float
) -> list[Figure]:
    """Run ``workers`` processes against ``server``; aggregate their figures."""
    plans = [
        WorkerPlan(
            server.identities_path,
            INITIATORS[i % len(INITIATORS)][0],
            INITIATORS[i % len(INITIATORS)][1],
            seed=1000 + i,
            max_ops=max_ops,
            max_seconds=max_seconds,
        )
        for i in range(workers)
    ]
    # A pool that raises when a worker dies, rather than waiting for it.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = list(pool.map(work, plans, timeout=max_seconds + 120))
    return _figures(results, workers, max_ops, max_seconds)


def work(plan: WorkerPlan) -> WorkerResult:
    """One client: set up a samenwerking, then mixed operations, timed."""
    rng = random.Random(plan.seed)
    result = WorkerResult()
    client = Client(Settings.from_identities(plan.identities, plan.identity), backoff=0)
    try:
        state = _setup(client, plan)
    except SwfkitError as exc:
        # Returned as text: swfkit's exceptions do not survive pickling.
        result.errors.append(f"setup: {type(exc).__name__}: {exc}")
        return result
    names = [name for name, _ in OPERATIONS]
    weights = [weight for _, weight in OPERATIONS]
    started = time.perf_counter()
    deadline = started + plan.max_seconds
    for _ in range(plan.max_ops):
        if time.perf_counter() > deadline:
            break
        name = rng.choices(names, weights)[0]
        begun = time.perf_counter()
        try:
            _operation(client, state, name, rng)
        except (SwfkitError, OSError, ValueError) as exc:
            result.errors.append(f"{name}: {type(exc).__name__}: {exc}")
        result.latencies.append(time.perf_counter() - begun)
    result.seconds = time.perf_counter() - started
    client.close()
    return result


@dataclass
class _State:
    sid: str
    document_ids: list[str]


def _setup(client: Client, plan: WorkerPlan) -> _State:
    sid = client.start_samenwerking(
        plan.verzoek, f"Belasting {plan.seed}"
    ).samenwerking_id
    client.invite_ketenpartner(sid, oin=PARTNER_OIN, privilege="VOLLEDIGE_TOEGANG")
    doc = client.upload_document(
        sid,
        DOCUMENT,
        bestandsnaam="start.pdf",
        omschrijving="start",
        vertrouwelijkheid="RV",
    )
    return _State(sid, [doc.document_id])


def _operation(client: Client, state: _State, name: str, rng: random.Random) -> None:
    doc_id = rng.choice(state.document_ids)
    if name == "get_samenwerking":
        client.get_samenwerking(state.sid)
    elif name == "get_document":
        client.get_document(doc_id)
    elif name == "list_documenten":
        next(client.list_documenten(state.sid, page_size=20).pages())
    elif name == "list_notificaties":
        next(client.list_notificaties(page_size=20).pages())
    elif name == "update_samenwerking":
        client.update_samenwerking(state.sid, beschrijving=f"stand {rng.random():.6f}")
    elif name == "download_document":
        client.download_document(doc_id, io.BytesIO())
    elif name == "upload_document":
        doc = client.upload_document(
            state.sid,
            DOCUMENT,
            bestandsnaam="stuk.pdf",
            omschrijving="stuk",
            vertrouwelijkheid="RV",
        )
        state.document_ids.append(doc.document_id)
    elif name == "create_actieverzoek":
        client.create_actieverzoek(
            state.sid,
            titel="Advies",
            omschrijving="Graag advies",
            ontvanger=PARTNER_OIN,
        )


def _figures(
    results: list[WorkerResult], workers: int, max_ops: int, max_seconds: float
) -> list[Figure]:
    latencies = [x for r in results for x in r.latencies]
    errors = [e for r in results for e in r.errors]
    busiest = max(r.seconds for r in results)
    detail = (
        f"{workers} processes, each at most {max_ops} operations or "
        f"{max_seconds:.0f} s; "
        f"{len(latencies)} operations in {busiest:.1f} s"
    )
    figures = [
        Figure(
            "load.rps",
            f"simulator throughput, {workers} clients",
            len(latencies) / busiest,
            "req/s",
            detail=detail,
        ),
        Figure(
            "load.p50_ms",
            "latency p50",
            percentile(latencies, 0.50) * 1000,
            "ms",
            detail=detail,
        ),
        Figure(
            "load.p99_ms",
            "latency p99",
            percentile(latencies, 0.99) * 1000,
            "ms",
            detail=detail,
        ),
        Figure(
            "load.errors",
            "errors under load",
            len(errors),
            "",
            target="0",
            met=not errors,
            detail="; ".join(errors[:5]) or detail,
        ),
    ]
    return figures
