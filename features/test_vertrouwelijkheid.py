"""The scenarios of vertrouwelijkheid.feature."""

from pytest_bdd import scenarios

scenarios("vertrouwelijkheid.feature")
