"""The click options every SWF-facing subcommand shares to build its Settings.

Usage::

    @click.command()
    @settings_options
    def command(**options):
        settings = settings_from_options(**options)

The options carry no environment variables of their own: ``load_settings``
reads ``SWF_*`` itself, so each value's source is reported correctly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from swfkit.config import ENVIRONMENTS, Settings, load_settings

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

# Existence and readability are checked by Settings, with a fix in the message.
_FILE = click.Path(readable=False, path_type=Path)

# Option name -> load_settings keyword.
_KEYWORDS = {
    "environment": "environment",
    "profile": "profile",
    "config": "config_file",
    "base_url": "base_url",
    "oin": "oin",
    "oin_header": "oin_header",
    "cert": "cert_path",
    "key": "key_path",
    "pkcs12": "pkcs12_path",
    "pkcs12_password": "pkcs12_password",
    "ca_bundle": "ca_bundle",
    "identities": "identities",
    "identity": "identity",
}
SETTINGS_OPTION_NAMES = frozenset(_KEYWORDS)

_OPTIONS = (
    click.option(
        "--environment",
        type=click.Choice(list(ENVIRONMENTS)),
        help="SWF environment [SWF_ENVIRONMENT; default pre].",
    ),
    click.option("--profile", help="Profile in the TOML file [SWF_PROFILE]."),
    click.option(
        "--config",
        type=_FILE,
        help="TOML file with profiles [SWF_CONFIG; ./swfkit.toml].",
    ),
    click.option("--base-url", help="Base URL of the SWF API [SWF_BASE_URL]."),
    click.option("--oin", help="Acting OIN, sent in the OIN header [SWF_OIN]."),
    click.option("--oin-header", help="Name of the OIN header [SWF_OIN_HEADER]."),
    click.option("--cert", type=_FILE, help="Client certificate, PEM [SWF_CERT]."),
    click.option("--key", type=_FILE, help="Private key, PEM [SWF_KEY]."),
    click.option("--pkcs12", type=_FILE, help="PKCS#12 file [SWF_PKCS12]."),
    click.option(
        "--pkcs12-password",
        help="PKCS#12 password [SWF_PKCS12_PASSWORD; prefer the variable].",
    ),
    click.option("--ca-bundle", type=_FILE, help="Trusted CAs, PEM [SWF_CA_BUNDLE]."),
    click.option(
        "--identities", type=_FILE, help="Simulator identities.json [SWF_IDENTITIES]."
    ),
    click.option("--identity", help="Identity in identities.json [SWF_IDENTITY]."),
)


def settings_options(func: F) -> F:
    """Add the shared settings options to a click command."""
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


def settings_from_options(**options: Any) -> Settings:
    """Resolve Settings from the options added by :func:`settings_options`.

    Other keyword arguments of the command may be passed along; they are
    ignored. Options left unset fall through to SWF_* variables, the profile
    and the defaults.

    Raises:
        ConfigurationError: a file, profile or value is wrong.
    """
    given = {
        _KEYWORDS[name]: value
        for name, value in options.items()
        if name in _KEYWORDS and value is not None
    }
    return load_settings(**given)
