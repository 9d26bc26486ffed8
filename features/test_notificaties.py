"""The scenarios of notificaties.feature."""

from pytest_bdd import scenarios

scenarios("notificaties.feature")
