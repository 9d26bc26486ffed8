"""The scenarios of samenwerking.feature."""

from pytest_bdd import scenarios

scenarios("samenwerking.feature")
