"""Step definitions for the Dutch scenarios, one module per subject.

pytest-bdd registers each step as a fixture in the module that defines it.
:func:`step_fixtures` gathers them so ``features/conftest.py`` can offer
every step to every feature file.
"""

from __future__ import annotations

import importlib
from typing import Any

STEP_MODULES = (
    "algemeen",
    "aansluiten",
    "samenwerking",
    "deelnemers",
    "documenten",
    "rechten",
    "actieverzoeken",
    "notificaties",
)
_PREFIX = "pytestbdd_"


def step_fixtures() -> dict[str, Any]:
    """Every step fixture of the step modules, by a unique fixture name."""
    found: dict[str, Any] = {}
    for name in STEP_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for key, value in vars(module).items():
            if key.startswith(_PREFIX):
                unique, n = key, 1
                while unique in found:
                    unique, n = f"{key}_{name}_{n}", n + 1
                found[unique] = value
    return found
