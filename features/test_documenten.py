"""The scenarios of documenten.feature."""

from pytest_bdd import scenarios

scenarios("documenten.feature")
