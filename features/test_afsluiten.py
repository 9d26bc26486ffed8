"""The scenarios of afsluiten.feature."""

from pytest_bdd import scenarios

scenarios("afsluiten.feature")
