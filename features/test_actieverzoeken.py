"""The scenarios of actieverzoeken.feature."""

from pytest_bdd import scenarios

scenarios("actieverzoeken.feature")
