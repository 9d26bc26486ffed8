"""The scenarios of aansluiten.feature."""

from pytest_bdd import scenarios

scenarios("aansluiten.feature")
