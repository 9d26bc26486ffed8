"""``python -m bench.readme``: the README's Benchmarks section from results.json."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from bench.figures import Figure, markdown
from bench.run import DEFAULT_OUTPUT


def section(results: dict[str, object]) -> str:
    """The Markdown section for one results file."""
    info = results["machine"]
    figures = results["figures"]
    assert isinstance(info, dict) and isinstance(figures, list)
    date = str(results["date"])[:10]
    where = (
        f"{info['machine']}, {info['cpu']}, {info['cores']} cores, "
        f"{info['memory_gib']} GiB, Python {info['python']}"
    )
    return "\n".join(
        [
            "## Benchmarks",
            "",
            "```sh",
            "make bench    # every figure below with its target; bench/results.json",
            "```",
            "",
            textwrap.fill(
                f"Latest figures: {date}, {where}. One run; the two sides of "
                "each comparison interleaved (ABAB), medians reported. How each "
                "figure was taken is in `bench/results.json`.",
                width=76,
            ),
            "",
            markdown(Figure(**f) for f in figures),
            "",
        ]
    )


def main() -> None:
    """Print the section for the results file given, or bench/results.json."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    print(section(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
