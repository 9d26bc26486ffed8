"""A measured figure with its target, and how figures are printed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    """One result of a benchmark.

    Attributes:
        key: stable identifier, e.g. ``overhead.ratio``.
        label: what it is, for people.
        value: the figure.
        unit: its unit (``x`` for a ratio).
        target: the target from issue #7 as text, or ``""`` when none is set.
        met: whether the target is met; None when there is no target.
        detail: how it was measured (medians of what, repetitions).
    """

    key: str
    label: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return asdict(self)


def fmt(value: float, unit: str) -> str:
    """A value with its unit, rounded for reading."""
    if unit == "x":
        return f"{value:.3f}x"
    if unit in {"ms", "MB/s", "MiB", "s", "req/s"}:
        return f"{value:,.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    return f"{value:g} {unit}".strip()


def verdict(figure: Figure) -> str:
    """``ok``, ``MISSED`` or ``-`` (no target)."""
    if figure.met is None:
        return "-"
    return "ok" if figure.met else "MISSED"


def table(figures: Iterable[Figure]) -> str:
    """A plain-text table: figure, value, target, verdict."""
    rows = [
        (f.label, fmt(f.value, f.unit), f.target or "(none set)", verdict(f))
        for f in figures
    ]
    header = ("figure", "value", "target", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown(figures: Iterable[Figure]) -> str:
    """The figures as a Markdown table (for the README)."""
    lines = ["| Figure | Value | Target | |", "|---|---|---|---|"]
    for f in figures:
        lines.append(
            f"| {f.label} | {fmt(f.value, f.unit)} | {f.target or 'none set'} "
            f"| {verdict(f)} |"
        )
    return "\n".join(lines)
