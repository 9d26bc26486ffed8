"""Shared results for the conformance tests: the check of the recorded cassettes."""

from __future__ import annotations

import pytest

from swfkit.conformance.check import CheckReport, check_cassettes

from .paths import CASSETTES


@pytest.fixture(scope="session")
def recorded_check() -> CheckReport:
    """The checkout's cassettes checked against swfkit's contract, once."""
    return check_cassettes(CASSETTES)
