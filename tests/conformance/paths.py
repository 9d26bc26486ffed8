"""Where the checkout keeps the features and the recorded cassettes."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / "features"
CASSETTES = ROOT / "cassettes"
