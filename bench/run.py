"""Run every benchmark in one go, print the figures and write results.json.

Usage: ``python -m bench [--quick] [--only NAME ...] [--output FILE]``.
Names: overhead, handshakes, transfer, load, checklist.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import checklist, handshakes, load, overhead, transfer
from bench.figures import Figure, table
from bench.measure import MIB, machine
from bench.simproc import SimServer

logger = logging.getLogger(__name__)

NAMES = ("overhead", "handshakes", "transfer", "load", "checklist")
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"
PARTIAL_OUTPUT = Path(tempfile.gettempdir()) / "swfkit-bench-partial.json"


@dataclass(frozen=True)
class Plan:
    """How much each benchmark does."""

    pairs: int
    calls: int
    handshake_calls: int
    size_mb: int
    transfer_pairs: int
    workers: int
    load_ops: int
    load_seconds: float
    checklist_pairs: int


FULL = Plan(
    pairs=100,
    calls=10,
    handshake_calls=1000,
    size_mb=256,
    transfer_pairs=2,
    workers=8,
    load_ops=300,
    load_seconds=20.0,
    checklist_pairs=2,
)
QUICK = Plan(
    pairs=40,
    calls=10,
    handshake_calls=1000,
    size_mb=64,
    transfer_pairs=1,
    workers=8,
    load_ops=60,
    load_seconds=8.0,
    checklist_pairs=1,
)


def main(argv: list[str] | None = None) -> int:
    """The ``python -m bench`` entry point; 0 when every benchmark ran."""
    args = _parser().parse_args(argv)
    # A terminated run still stops its simulators (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    plan = QUICK if args.quick else FULL
    if args.size_mb:
        plan = dataclasses.replace(plan, size_mb=args.size_mb)
    chosen = args.only or list(NAMES)
    # Only a full run replaces the figures the README quotes.
    partial = args.quick or args.only or args.size_mb
    output = Path(args.output or (PARTIAL_OUTPUT if partial else DEFAULT_OUTPUT))

    figures: list[Figure] = []
    errors: dict[str, str] = {}
    started = time.perf_counter()
    for name in chosen:
        print(f"bench: {name} ...", flush=True)
        try:
            got = BENCHMARKS[name](plan)
        except Exception as exc:  # one broken benchmark must not hide the others
            logger.exception("benchmark %s failed", name)
            errors[name] = f"{type(exc).__name__}: {exc}"
            continue
        figures += got
        print(table(got), flush=True)

    report = _report(plan, chosen, figures, errors, time.perf_counter() - started)
    output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _print_summary(report, figures, errors, output)
    return 1 if errors else 0


def _with_server(action: Callable[[SimServer], list[Figure]]) -> list[Figure]:
    work = Path(tempfile.mkdtemp(prefix="swfkit-bench-world-"))
    try:
        with SimServer(work / "world") as server:
            return action(server)
    finally:
        shutil.rmtree(work, ignore_errors=True)


BENCHMARKS: dict[str, Callable[[Plan], list[Figure]]] = {
    "overhead": lambda p: _with_server(
        lambda s: overhead.run(s, pairs=p.pairs, calls=p.calls)
    ),
    "handshakes": lambda p: _with_server(
        lambda s: handshakes.run(s, calls=p.handshake_calls)
    ),
    "transfer": lambda p: _with_server(
        lambda s: transfer.run(s, pairs=p.transfer_pairs, size=p.size_mb * MIB)
    ),
    "load": lambda p: _with_server(
        lambda s: load.run(
            s, workers=p.workers, max_ops=p.load_ops, max_seconds=p.load_seconds
        )
    ),
    "checklist": lambda p: checklist.run(pairs=p.checklist_pairs),
}


def _report(
    plan: Plan,
    chosen: list[str],
    figures: list[Figure],
    errors: dict[str, str],
    seconds: float,
) -> dict[str, object]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "plan": plan.__dict__,
        "benchmarks": chosen,
        "seconds": round(seconds, 1),
        "figures": [f.as_dict() for f in figures],
        "errors": errors,
    }


def _print_summary(
    report: dict[str, object],
    figures: list[Figure],
    errors: dict[str, str],
    output: Path,
) -> None:
    info = report["machine"]
    assert isinstance(info, dict)
    print()
    print(
        f"swfkit benchmarks, {report['date']}, {info['machine']}, {info['cpu']}, "
        f"{info['cores']} cores, Python {info['python']}"
    )
    print(table(figures))
    missed = [f.label for f in figures if f.met is False]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    for name, error in errors.items():
        print(f"benchmark {name} failed: {error}")
    print(f"written: {output}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, a 64 MiB document"
    )
    parser.add_argument("--only", nargs="+", choices=NAMES, help="run only these")
    parser.add_argument("--size-mb", type=int, help="document size in MiB")
    parser.add_argument(
        "--output",
        help="results file (default: bench/results.json for a full run, "
        "a temporary file otherwise)",
    )
    return parser
