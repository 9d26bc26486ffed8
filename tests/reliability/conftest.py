"""The reliability suite: each test states in one line what it proved.

A test takes the ``proved`` fixture and calls it with its line; the lines are
printed in a section of their own at the end of the run (``make test``
included), whether or not pytest captures output.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_PROVED: list[tuple[str, str]] = []


@pytest.fixture
def proved(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Record what this test proved, for the end-of-run summary."""

    def say(line: str) -> None:
        _PROVED.append((request.node.name, line))
        request.node.user_properties.append(("proved", line))

    return say


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print every recorded line under one heading."""
    if not _PROVED:
        return
    terminalreporter.section("reliability: what was proved")
    for name, line in _PROVED:
        terminalreporter.write_line(f"{name}: {line}")
