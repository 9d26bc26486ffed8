"""The scenarios of ketenpartners.feature."""

from pytest_bdd import scenarios

scenarios("ketenpartners.feature")
