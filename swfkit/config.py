"""Settings: which SWF environment, which certificate, which acting OIN.

Every value comes from one of five layers. Highest first:

1. explicit arguments (``load_settings(base_url=...)``, CLI options);
2. ``SWF_*`` environment variables: SWF_ENVIRONMENT, SWF_BASE_URL, SWF_OIN,
   SWF_OIN_HEADER, SWF_CERT, SWF_KEY, SWF_PKCS12, SWF_PKCS12_PASSWORD,
   SWF_CA_BUNDLE, SWF_IDENTITIES, SWF_IDENTITY (plus SWF_PROFILE and
   SWF_CONFIG, which choose the profile and the file);
3. a profile in a TOML file: ``config_file``, else SWF_CONFIG, else
   ``./swfkit.toml``, else ``~/.config/swfkit/config.toml``. The file has
   ``[profiles.NAME]`` tables with the keys above in snake_case (``base_url``,
   ``cert``, ``pkcs12_password``, ..., also ``connect_timeout`` and
   ``read_timeout``) and may name a top-level ``default_profile``. Relative
   paths are relative to the file's folder;
4. a simulator's ``identities.json``, when ``identities`` and ``identity`` are
   set by a higher layer: base URL, OIN header, CA bundle, the identity's
   certificate and key, and its OIN as the acting OIN;
5. the environment's defaults (``pre``, ``prod``; ``local`` has none).

A certificate is a PEM pair (cert + key) or a PKCS#12 file. The highest layer
that names one of them decides which: a PKCS#12 file from the environment
replaces a PEM pair from a profile.

Only ``SWF_*`` variables are read. REQUESTS_CA_BUNDLE, SSL_CERT_FILE and
CURL_CA_BUNDLE never decide whom we trust: only ``ca_bundle`` does.
"""

from __future__ import annotations

import json
import logging
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from swfkit import certinfo
from swfkit.errors import ConfigurationError
from swfkit.oin import parse_oin

logger = logging.getLogger(__name__)

ENVIRONMENTS: dict[str, str | None] = {
    "pre": "https://pkio.service.pre.omgevingswet.overheid.nl"
    "/overheid/samenwerken/api/beheren/v1",
    "prod": "https://pkio.service.omgevingswet.overheid.nl"
    "/overheid/samenwerken/api/behandelen/v4",
    "local": None,
}

# Setting -> SWF_* variable; the profile keys are these names in snake_case.
ENV_VARS: dict[str, str] = {
    "environment": "SWF_ENVIRONMENT",
    "base_url": "SWF_BASE_URL",
    "oin": "SWF_OIN",
    "oin_header": "SWF_OIN_HEADER",
    "cert_path": "SWF_CERT",
    "key_path": "SWF_KEY",
    "pkcs12_path": "SWF_PKCS12",
    "pkcs12_password": "SWF_PKCS12_PASSWORD",
    "ca_bundle": "SWF_CA_BUNDLE",
    "identities": "SWF_IDENTITIES",
    "identity": "SWF_IDENTITY",
}
PROFILE_KEYS: dict[str, str] = {
    **{var.removeprefix("SWF_").lower(): name for name, var in ENV_VARS.items()},
    "connect_timeout": "connect_timeout",
    "read_timeout": "read_timeout",
}
_PATHS = {"cert_path", "key_path", "pkcs12_path", "ca_bundle", "identities"}
_FLOATS = {"connect_timeout", "read_timeout"}

# Problem code -> (setting, message, fix) for Settings.check_values.
_PROBLEMS = {
    "no_url": ("base_url", "no base URL is set", "use --environment or --base-url"),
    "not_https": ("base_url", "the base URL is not https", "use an https:// URL"),
    "no_cert": ("cert_path", "no client certificate is set", "set --cert or --pkcs12"),
    "pem_and_p12": ("pkcs12_path", "both PEM and PKCS#12 set", "set only one"),
    "no_key": ("key_path", "a certificate without its key", "set --key (SWF_KEY)"),
    "no_password": (
        "pkcs12_password",
        "the PKCS#12 file has no password",
        "set --pkcs12-password or SWF_PKCS12_PASSWORD",
    ),
    "no_oin": ("oin", "no acting OIN is set", "set --oin (SWF_OIN) to an OIN"),
}

# One layer: setting -> (value, where it came from).
Layer = dict[str, tuple[Any, str]]


@dataclass(frozen=True)
class Settings:
    """Everything needed to talk to one SWF environment as one organisation.

    ``sources`` says per setting where its value came from ("argument",
    "env SWF_OIN", "profile x in FILE", "identities FILE", "default").
    """

    environment: str
    base_url: str | None
    oin: str | None
    oin_header: str = "X-OIN"
    cert_path: Path | None = None
    key_path: Path | None = None
    pkcs12_path: Path | None = None
    pkcs12_password: str | None = field(default=None, repr=False)
    ca_bundle: Path | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    identity: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_identities(cls, path: Path, identity: str, **overrides: Any) -> Settings:
        """Settings for one identity of a simulator world, ignoring SWF_* and files.

        Args:
            path: The world's ``identities.json``.
            identity: The identity's name (slug) in that file.
            **overrides: Further settings, as for :func:`load_settings`.
        """
        args = _argument_layer({**overrides, "identities": path, "identity": identity})
        return _build([args])

    @property
    def uses_pkcs12(self) -> bool:
        """Whether the client certificate comes from the PKCS#12 file."""
        return self.pkcs12_path is not None and self.cert_path is None

    def source_of(self, setting: str) -> str:
        """Where ``setting`` came from ("default" when it was never set)."""
        return self.sources.get(setting, "default")

    def validate(self) -> None:
        """Check everything a request needs, before any request is made.

        Raises:
            ConfigurationError: a value is missing or wrong, or a file cannot
                be used; the message names the setting, file and fix.
            InvalidOinError: the acting OIN is malformed.
        """
        self.check_values()
        self.check_files()

    def check_values(self) -> None:
        """Check the values only (no file access); see :meth:`validate`."""
        url = urlsplit(self.base_url or "")
        pem, p12 = self.cert_path is not None, self.pkcs12_path is not None
        checks = [
            (not self.base_url, "no_url"),
            (url.scheme != "https" or not url.hostname, "not_https"),
            (not (pem or p12), "no_cert"),
            (pem and p12, "pem_and_p12"),
            (pem and not self.key_path, "no_key"),
            (p12 and not self.pkcs12_password, "no_password"),
            (not self.oin, "no_oin"),
        ]
        for failed, code in checks:
            if failed:
                setting, message, fix = _PROBLEMS[code]
                origin = self._origin(setting)
                raise ConfigurationError(f"{message} ({origin})", fix=fix)
        parse_oin(self.oin or "")

    def check_files(self) -> None:
        """Check that each file is there, readable and what it should be.

        Reads the certificate, key, CA bundle, and opens the PKCS#12 file
        with its password. Whether key and certificate match is left to
        ``swfkit doctor``.
        """
        loaders: dict[str, Callable[[Path], object]] = {
            "cert_path": certinfo.load_certificate,
            "key_path": certinfo.load_private_key,
            "ca_bundle": certinfo.load_certificates,
            "pkcs12_path": lambda p: certinfo.load_pkcs12(p, self.pkcs12_password),
        }
        for setting, load in loaders.items():
            path = getattr(self, setting)
            if path is None or (setting == "pkcs12_path" and not self.uses_pkcs12):
                continue
            try:
                load(path)
            except ConfigurationError as exc:
                raise ConfigurationError(
                    f"{exc.args[0]} ({self._origin(setting)})",
                    source=exc.source,
                    fix=exc.fix,
                ) from None

    def _origin(self, setting: str) -> str:
        return f"setting {setting}, from {self.source_of(setting)}"


def load_settings(
    *,
    environment: str | None = None,
    profile: str | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Resolve the settings from arguments, SWF_* variables, profile and defaults.

    Args:
        environment: ``pre``, ``prod`` or ``local``.
        profile: The ``[profiles.NAME]`` table to use.
        config_file: The TOML file; see the module docstring for the default.
        environ: Where to read ``SWF_*`` from; ``os.environ`` by default.
        **overrides: Settings by field name (``base_url``, ``oin``,
            ``cert_path``, ...) plus ``identities`` (path to an
            identities.json); None values are ignored.

    Raises:
        ConfigurationError: a file, profile, identity or value is wrong.
        TypeError: an unknown setting name.
    """
    environ = os.environ if environ is None else environ
    args = _argument_layer({"environment": environment, **overrides})
    env_values = {name: environ.get(var) or None for name, var in ENV_VARS.items()}
    env = _layer(env_values, None, base=Path.cwd())
    file = _config_file(config_file, environ.get("SWF_CONFIG") or None)
    chosen = profile or environ.get("SWF_PROFILE") or None
    profile_values = _profile_layer(file, chosen)
    return _build([args, env, profile_values])


def _build(layers: list[Layer]) -> Settings:
    """Add the identities and default layers below ``layers`` and merge."""
    upper_layer = _merge(layers)
    upper = {name: value for name, (value, _) in upper_layer.items()}
    identities = upper.get("identities")
    if identities is not None:
        layers.append(_identities_layer(Path(identities), upper.get("identity")))
    elif upper.get("identity") is not None:
        raise ConfigurationError(
            "an identity is chosen but no identities file is set",
            fix="set --identities (SWF_IDENTITIES) to a simulator identities.json",
        )
    chosen = upper_layer.get("environment")
    layers.append(_default_layer(chosen, identities is not None))

    merged = _merge(layers)
    merged.pop("identities", None)
    values = {name: value for name, (value, _) in merged.items()}
    sources = {name: source for name, (_, source) in merged.items()}
    logger.debug("settings from: %s", sources)
    return Settings(**({"base_url": None, "oin": None} | values), sources=sources)


def _merge(layers: Iterable[Layer]) -> Layer:
    merged: Layer = {}
    for layer in reversed(list(layers)):
        # A layer naming one kind of certificate drops the other kind below it.
        if "cert_path" in layer and "pkcs12_path" not in layer:
            merged.pop("pkcs12_path", None)
        if "pkcs12_path" in layer and "cert_path" not in layer:
            merged.pop("cert_path", None)
            merged.pop("key_path", None)
        merged.update(layer)
    return merged


def _layer(values: Mapping[str, Any], source: str | None, base: Path) -> Layer:
    """A layer from raw values; ``source`` None means "env SWF_..." per value."""
    layer: Layer = {}
    for name, value in values.items():
        origin = source or f"env {ENV_VARS[name]}"
        if name in _PATHS and value is not None:
            value = base / Path(str(value)).expanduser()
        elif name in _FLOATS and value is not None:
            value = _float(value, name, origin)
        if value is not None:
            layer[name] = (value, origin)
    return layer


def _argument_layer(values: Mapping[str, Any]) -> Layer:
    known = set(Settings.__dataclass_fields__) - {"sources"} | {"identities"}
    unknown = set(values) - known
    if unknown:
        raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return _layer(values, "argument", base=Path.cwd())


def _float(value: Any, name: str, source: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if number <= 0:
        message = f"{name} must be a positive number of seconds, not {value!r}"
        raise ConfigurationError(message, source=source, fix="e.g. 10")
    return number


def _config_file(explicit: Path | None, from_env: str | None) -> Path | None:
    named = explicit or (Path(from_env) if from_env else None)
    if named is not None:
        named = Path(named).expanduser()
        if not named.is_file():
            raise ConfigurationError(
                "the configuration file does not exist",
                source=named,
                fix="check --config / SWF_CONFIG",
            )
        return named
    for candidate in (
        Path.cwd() / "swfkit.toml",
        Path.home() / ".config" / "swfkit" / "config.toml",
    ):
        if candidate.is_file():
            return candidate
    return None


def _profile_layer(file: Path | None, profile: str | None) -> Layer:
    if file is None:
        if profile is None:
            return {}
        raise ConfigurationError(
            f"profile {profile!r} is chosen but there is no configuration file",
            fix="create ./swfkit.toml or set --config / SWF_CONFIG",
        )
    try:
        data = tomllib.loads(certinfo.read_file(file, "configuration").decode())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"not valid TOML: {exc}", source=file) from None

    profiles = data.get("profiles", {})
    profile = profile or data.get("default_profile")
    if profile is None:
        return {}
    if profile not in profiles:
        names = ", ".join(sorted(profiles)) or "(none)"
        raise ConfigurationError(
            f"there is no profile {profile!r}", source=file, fix=f"use one of: {names}"
        )
    unknown = set(profiles[profile]) - set(PROFILE_KEYS)
    if unknown:
        raise ConfigurationError(
            f"unknown key(s) in profile {profile}: {', '.join(sorted(unknown))}",
            source=file,
            fix=f"use only: {', '.join(sorted(PROFILE_KEYS))}",
        )
    values = {PROFILE_KEYS[key]: value for key, value in profiles[profile].items()}
    return _layer(values, f"profile {profile} in {file}", base=file.parent)


def _identities_layer(path: Path, identity: str | None) -> Layer:
    try:
        data = json.loads(certinfo.read_file(path, "identities"))
        entries = data["identities"]
    except (ValueError, KeyError, TypeError):
        raise ConfigurationError(
            "not a simulator identities file",
            source=path,
            fix="give the identities.json written by `swfkit sim init`",
        ) from None
    if identity not in entries:
        raise ConfigurationError(
            f"no identity {identity!r}" if identity else "no identity is chosen",
            source=path,
            fix=f"set --identity to one of: {', '.join(sorted(entries))}",
        )

    entry = entries[identity]
    values = {
        "base_url": data.get("baseUrl"),
        "oin_header": data.get("oinHeader"),
        "ca_bundle": data.get("caBundle"),
        "oin": entry.get("oin"),
    }
    if entry.get("cert"):
        values |= {"cert_path": entry["cert"], "key_path": entry.get("key")}
    else:
        values |= {
            "pkcs12_path": entry.get("pkcs12"),
            "pkcs12_password": entry.get("pkcs12Password"),
        }
    return _layer(values, f"identities {path}", base=path.parent)


def _default_layer(chosen: tuple[str, str] | None, has_identities: bool) -> Layer:
    name, source = chosen or ("local" if has_identities else "pre", "default")
    if name not in ENVIRONMENTS:
        raise ConfigurationError(
            f"unknown environment {name!r} (from {source})",
            fix=f"choose one of: {', '.join(ENVIRONMENTS)}",
        )
    layer: Layer = {"environment": (name, source), "oin_header": ("X-OIN", "default")}
    if ENVIRONMENTS[name] is not None:
        layer["base_url"] = (ENVIRONMENTS[name], f"default for {name}")
    return layer
