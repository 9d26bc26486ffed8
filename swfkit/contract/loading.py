"""Finding, reading and validating the contract document."""

from __future__ import annotations

import copy
import functools
import logging
from pathlib import Path
from typing import Any

import yaml

from swfkit.contract.errors import ContractError

logger = logging.getLogger(__name__)

_PACKAGED = Path(__file__).with_name("openapi.yaml")
_MAX_REPORTED = 20

# The C loader is several times faster; fall back where libyaml is missing.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def contract_path() -> Path:
    """The packaged OpenAPI document, ``swfkit/contract/openapi.yaml``."""
    return _PACKAGED


def load_contract(path: Path | None = None) -> dict[str, Any]:
    """Parse an OpenAPI document (YAML or JSON).

    Args:
        path: The document to read; the packaged contract when omitted.

    Returns:
        The document as a dict. The packaged one is parsed once per process;
        each call returns a fresh copy, so callers may change theirs.

    Raises:
        ContractError: The file is missing, unreadable or not a mapping.
    """
    if path is None:
        return copy.deepcopy(default_contract())
    return read_yaml_mapping(Path(path))


@functools.cache
def default_contract() -> dict[str, Any]:
    """The packaged contract, parsed once. Shared: never modify it."""
    return read_yaml_mapping(_PACKAGED)


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """Parse a YAML (or JSON) file whose top level is a mapping.

    Raises:
        ContractError: The file is missing, unreadable or not a mapping.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContractError(
            f"cannot read the file: {exc.strerror}", source=str(path)
        ) from exc
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ContractError(f"not valid YAML or JSON: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise ContractError(
            "expected a mapping at the top of the file", source=str(path)
        )
    logger.debug("read %s", path)
    return data


def validate_contract(path: Path | None = None) -> None:
    """Check a document against the OpenAPI specification.

    The packaged contract is OpenAPI 3.1; an official 3.0 document that a
    user points swfkit at is checked against 3.0.

    Args:
        path: The document to check; the packaged contract when omitted.

    Raises:
        ContractError: Unreadable, of an unsupported version, or invalid;
            ``problems`` lists each finding with its location.
    """
    file = Path(path) if path is not None else _PACKAGED
    source = str(file)
    if path is None:
        problems = list(_packaged_problems())
        spec = default_contract()
    else:
        spec = load_contract(file)
        problems = _problems(spec, source, file)
    if problems:
        shown = problems[:_MAX_REPORTED]
        raise ContractError(
            f"not valid OpenAPI {spec.get('openapi')}: {len(problems)} problem(s)",
            source=source,
            problems=shown,
        )
    logger.debug("contract %s is valid OpenAPI %s", source, spec.get("openapi"))


@functools.cache
def _packaged_problems() -> tuple[str, ...]:
    # The packaged file cannot change while the process runs: check it once.
    return tuple(_problems(default_contract(), str(_PACKAGED), _PACKAGED))


def _problems(spec: dict[str, Any], source: str, file: Path) -> list[str]:
    validator = _validator_for(spec, source, base_uri=file.resolve().as_uri())
    return _collect_problems(validator)


def _validator_for(spec: dict[str, Any], source: str, *, base_uri: str) -> Any:
    # Imported here: the validator's schema libraries take seconds to import.
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    # base_uri lets a multi-file official spec resolve its relative $refs.
    version = str(spec.get("openapi", ""))
    if version.startswith("3.1."):
        return OpenAPIV31SpecValidator(spec, base_uri=base_uri)
    if version.startswith("3.0."):
        return OpenAPIV30SpecValidator(spec, base_uri=base_uri)
    raise ContractError(
        f"unsupported OpenAPI version {version or '(none)'!r}; expected 3.1.x or 3.0.x",
        source=source,
    )


def _collect_problems(validator: Any) -> list[str]:
    problems: list[str] = []
    errors = validator.iter_errors()
    while True:
        try:
            error = next(errors)
        except StopIteration:
            break
        except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
            # The validator's semantic pass assumes a well-formed structure and
            # can fail outright after structural errors; report what it found.
            if not problems:
                problems.append(f"(document): the validator could not finish: {exc!r}")
            break
        problems.append(_describe(error))
    return problems


def _describe(error: Any) -> str:
    where = (
        "/".join(str(part) for part in getattr(error, "absolute_path", ())) or "(root)"
    )
    message = str(getattr(error, "message", error)).splitlines()[0]
    return f"{where}: {message}"
