"""The certification checklist: replaying cassettes against a live simulator run.

Both sides are ``swfkit certify`` in a subprocess from the checkout, so each
pays the same start-up; the live side makes its own fresh world (test PKI
included), as ``make certify`` does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

from bench.figures import Figure
from bench.measure import interleave, timed

ROOT = Path(__file__).resolve().parent.parent


def certify(target: str, report_dir: Path) -> float:
    """Seconds one ``swfkit certify --target TARGET`` took.

    Raises:
        RuntimeError: the run did not pass.
    """
    command = [
        sys.executable,
        "-c",
        "from swfkit.cli import main; main()",
        "certify",
        "--target",
        target,
        "--report-dir",
        str(report_dir),
    ]

    def go() -> None:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=900
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"certify --target {target} failed:\n{done.stdout[-2000:]}"
            )

    seconds = timed(go)
    shutil.rmtree(report_dir, ignore_errors=True)
    return seconds


def run(*, pairs: int) -> list[Figure]:
    """Replay and live, alternately, ``pairs`` times each."""
    work = Path(tempfile.mkdtemp(prefix="swfkit-bench-certify-"))
    try:
        replay, live = interleave(
            pairs,
            lambda: certify("replay", work / "replay"),
            lambda: certify("sim", work / "sim"),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    detail = f"swfkit certify wall time, median of {pairs} interleaved runs each"
    return [
        Figure(
            "checklist.replay_s",
            "checklist, replaying cassettes",
            median(replay),
            "s",
            detail=detail,
        ),
        Figure(
            "checklist.live_s",
            "checklist, live on the simulator",
            median(live),
            "s",
            detail=detail,
        ),
        Figure(
            "checklist.ratio",
            "checklist wall time (replay / live)",
            median(replay) / median(live),
            "x",
            detail=detail,
        ),
    ]
