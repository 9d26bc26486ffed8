"""The contract as an openapi-core object, for request and response checks.

The simulator validates every request and response with it, and the
cassette checks validate recorded traffic. Two things openapi-core does not
do out of the box are configured here through its public ``Config``:

- JSON media types with a ``+json`` suffix (``merge-patch+json``,
  ``problem+json``, ``hal+json``) would otherwise be read as raw bytes;
- the ``mutualTLS`` security scheme has no provider: the TLS layer has
  already verified the certificate before a request is seen, so the
  provider accepts every request.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.exceptions import SpecError
from openapi_core.security.factories import SecurityProviderFactory
from openapi_core.security.providers import BaseProvider
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from swfkit.contract.errors import ContractError
from swfkit.contract.loading import default_contract

logger = logging.getLogger(__name__)

_RESOLVED_CACHE_SIZE = 16_384

JSON_MEDIA_TYPES = (
    "application/merge-patch+json",
    "application/problem+json",
    "application/hal+json",
)


def _json_loads(value: bytes, **parameters: str) -> Any:
    return json.loads(value)


class _VerifiedByTls(BaseProvider):
    """mutualTLS: the handshake has already checked the client certificate."""

    def __call__(self, parameters: Any) -> None:
        return None


class _SecurityProviders(SecurityProviderFactory):
    def create(self, scheme: Any) -> Any:
        if (scheme / "type").read_str() == "mutualTLS":
            return _VerifiedByTls(scheme)
        return super().create(scheme)


def _config(*, check_spec: bool) -> Config:
    extra: dict[str, Any] = {
        "extra_media_type_deserializers": dict.fromkeys(JSON_MEDIA_TYPES, _json_loads)
    }
    if not check_spec:
        # The packaged contract is validated by the test suite; skipping the
        # check here saves about a second at every simulator start.
        extra["spec_validator_cls"] = None
    return Config(security_provider_factory=_SecurityProviders(), **extra)


def openapi_for_core(spec: dict[str, Any] | None = None) -> OpenAPI:
    """An ``openapi_core.OpenAPI`` for validating requests and responses.

    Args:
        spec: An OpenAPI document as a dict (for example an official
            specification); the packaged contract when omitted. A given
            document is checked against the OpenAPI schema first.

    Returns:
        The OpenAPI object; for the packaged contract one shared instance.

    Raises:
        ContractError: A given document is not valid OpenAPI.
    """
    if spec is None:
        return _packaged_core()
    try:
        return _openapi(spec, check_spec=True)
    except (OpenAPIValidationError, SpecError) as exc:
        message = str(getattr(exc, "message", exc)).splitlines()[0]
        raise ContractError(f"not a valid OpenAPI document: {message}") from exc


@functools.cache
def _packaged_core() -> OpenAPI:
    logger.debug("building openapi-core object for the packaged contract")
    return _openapi(default_contract(), check_spec=False)


def _openapi(spec: dict[str, Any], *, check_spec: bool) -> OpenAPI:
    # Every check walks the document again (path, operation, parameters,
    # schemas, resolving each $ref); remembering the resolved nodes takes a
    # quarter off a round trip to the simulator. The keys are places in the
    # document, never request data: the contract has under 2,000 of them, even
    # under schemathesis, so the cache never evicts. That matters, because
    # the simulator's threads share it and an eviction between a lookup and
    # its move-to-end would not be safe.
    path = SchemaPath.from_dict(spec, resolved_cache_maxsize=_RESOLVED_CACHE_SIZE)
    return OpenAPI(path, config=_config(check_spec=check_spec))
