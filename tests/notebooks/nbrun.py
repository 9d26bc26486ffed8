"""Running and inspecting notebooks headless, for the notebook tests.

Imported only by the notebook tests (nbclient and nbformat are slow to
import), never by the unit test run.
"""

from __future__ import annotations

import base64
import re
import struct
from collections.abc import Iterator, Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
#: Seconds any one cell may take (the certification cell included).
CELL_TIMEOUT = 240
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def notebook_paths() -> list[Path]:
    """The committed notebooks, in their numbered order."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def execute(
    path: Path, env: Mapping[str, str], *, timeout: int = CELL_TIMEOUT
) -> nbformat.NotebookNode:
    """Run every cell of ``path`` in a fresh kernel with ``env``; return the result.

    The kernel is the ``python3`` kernel of this interpreter (the venv), run
    with the notebook folder as its working directory.

    Raises:
        AssertionError: a cell failed or took longer than ``timeout``; the
            message names the notebook, the cell's index and its first line.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    with client.setup_kernel(env=dict(env)):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
                raise AssertionError(
                    f"{path.name} cell {index} ({first_line(cell.source)!r}) failed: "
                    f"{_short(exc)}"
                ) from None
    return nb


def first_line(source: str) -> str:
    """The first line of a cell that is not a comment or empty."""
    lines = [line.strip() for line in source.splitlines()]
    return next(
        (line for line in lines if line and not line.startswith("#")),
        lines[0] if lines else "",
    )


def _short(exc: BaseException) -> str:
    # A failed cell carries the exception's name and value; a timeout or a
    # dead kernel only a message. Colour codes from the traceback go.
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    text = f"{ename}: {evalue}" if ename else str(exc).strip().splitlines()[0]
    return _ANSI.sub("", text)[:600]


def text_outputs(nb: nbformat.NotebookNode) -> Iterator[tuple[int, str]]:
    """(cell index, text) for every textual output: streams, text, HTML, errors."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                yield index, output.text
            elif output.output_type == "error":
                yield index, "\n".join(output.traceback)
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    yield index, value if isinstance(value, str) else str(value)


def images(nb: nbformat.NotebookNode) -> list[tuple[int, bytes]]:
    """(cell index, PNG bytes) for every image output."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append((index, base64.b64decode(data["image/png"])))
    return found


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def find(pattern: str, nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """Every textual output matching ``pattern``, with the match in context."""
    regex = re.compile(pattern)
    hits = []
    for index, text in text_outputs(nb):
        for match in regex.finditer(text):
            start = max(match.start() - 60, 0)
            hits.append((index, text[start : match.end() + 60]))
    return hits
