"""Checking requests and responses against the contract with openapi-core.

Requests that break the contract are refused with a 400 problem naming the
field (415 for a wrong content type). Responses are checked too ("strict"):
one that does not match the contract is replaced by a 500 problem of type
``contractschending`` and logged, so a test that asserts "no 5xx" notices.

Uploads are checked on their parameters only (the body streams to disk and
is never read into memory for validation); downloads on status and headers.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Request, Response
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIResponse
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.exceptions import DeserializeError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParameterValidationError,
)
from openapi_core.validation.request.validators import V31RequestParametersValidator
from openapi_core.validation.response.validators import V31ResponseHeadersValidator
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.datastructures import Headers, ImmutableMultiDict

from swfkit.sim.problems import Problem, invalid_json

logger = logging.getLogger(__name__)

# The contract's local server; requests are presented to openapi-core as if
# they came there, so a world with another host, port or base path still
# matches the contract's paths.
CONTRACT_HOST = "https://127.0.0.1:8443"
CONTRACT_BASE_PATH = "/overheid/samenwerken/api/behandelen/v5"
CONTRACT_OIN_HEADER = "X-OIN"
_QUOTED = re.compile(r"'([^']+)'")


class _ContractRequest:
    """A Flask request in the shape openapi-core reads (its Request protocol)."""

    def __init__(
        self, request: Request, relative_path: str, *, read_body: bool, oin_header: str
    ) -> None:
        headers = Headers(request.headers)
        if oin_header != CONTRACT_OIN_HEADER:
            # A world may call the header differently; show the contract its
            # value under the contract's name.
            headers.remove(CONTRACT_OIN_HEADER)
            if oin_header in headers:
                headers[CONTRACT_OIN_HEADER] = headers[oin_header]
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(request.args),
            header=headers,
            cookie=request.cookies,
        )
        self.method = request.method.lower()
        self.host_url = CONTRACT_HOST
        self.path = CONTRACT_BASE_PATH + relative_path
        self.content_type = request.content_type or "application/octet-stream"
        self.body = request.get_data(cache=True) if read_body else None


class ContractValidator:
    """Request and response validation against one OpenAPI document.

    Args:
        core: the openapi-core object; None switches validation off.
        oin_header: the name the world gives the acting-OIN header.
    """

    def __init__(
        self, core: OpenAPI | None, oin_header: str = CONTRACT_OIN_HEADER
    ) -> None:
        self.core = core
        self.oin_header = oin_header
        self._parameters_only: OpenAPI | None = None
        self._headers_only: OpenAPI | None = None
        if core is not None:
            # Same document and settings, other validator classes.
            self._parameters_only = OpenAPI(
                core.spec,
                config=dataclasses.replace(
                    core.config, request_validator_cls=V31RequestParametersValidator
                ),
            )
            self._headers_only = OpenAPI(
                core.spec,
                config=dataclasses.replace(
                    core.config, response_validator_cls=V31ResponseHeadersValidator
                ),
            )

    @property
    def enabled(self) -> bool:
        """Whether a contract is loaded."""
        return self.core is not None

    def check_request(
        self, request: Request, relative_path: str, *, body: bool = True
    ) -> None:
        """Raise a 400/415 problem when the request breaks the contract."""
        core = self.core if body else self._parameters_only
        if core is None:
            return
        wrapped = _ContractRequest(
            request, relative_path, read_body=body, oin_header=self.oin_header
        )
        try:
            errors = list(core.iter_request_errors(wrapped))
        except RecursionError as exc:
            # Absurdly deep JSON nesting: the parser gives up, and so do we.
            raise invalid_json() from exc
        if errors:
            raise request_problem(errors)

    def response_errors(
        self,
        request: Request,
        relative_path: str,
        response: Response,
        *,
        body: bool = True,
    ) -> list[str]:
        """What is wrong with ``response`` according to the contract."""
        core = self.core if body else self._headers_only
        if core is None:
            return []
        wrapped = _ContractRequest(
            request, relative_path, read_body=False, oin_header=self.oin_header
        )
        seen = WerkzeugOpenAPIResponse(response) if body else _HeadOnly(response)
        errors = core.iter_response_errors(wrapped, seen)
        return [_describe(error) for error in errors]


class _HeadOnly:
    """A response as openapi-core reads it, without its body.

    openapi-core's werkzeug wrapper joins a streamed body into one bytes
    object even when only headers are validated; a 256 MB download would
    then sit in memory whole.
    """

    data = b""

    def __init__(self, response: Response) -> None:
        self.status_code = response.status_code
        self.content_type = str(response.mimetype)
        self.headers = Headers(response.headers)


def request_problem(errors: Iterable[Exception]) -> Problem:
    """The problem answer for openapi-core's request errors."""
    errors = list(errors)
    chains = [list(_chain(error)) for error in errors]
    if any(isinstance(e, MediaTypeNotFound) for chain in chains for e in chain):
        return Problem(
            415,
            "Mediatype niet ondersteund",
            "Dit inhoudstype wordt hier niet geaccepteerd.",
        )
    if any(isinstance(e, DeserializeError) for chain in chains for e in chain):
        return invalid_json()
    invalid = [param for error in errors for param in _invalid_params(error)]
    detail = "; ".join(f"{p['name']}: {p['reason']}" for p in invalid)
    return Problem(
        400,
        "Ongeldige invoer",
        detail or "Het verzoek past niet bij het contract.",
        invalid_params=invalid or None,
    )


def _invalid_params(error: Exception) -> list[dict[str, str]]:
    if isinstance(error, MissingRequiredParameter):
        return [{"name": error.name, "reason": "verplicht"}]
    if isinstance(error, ParameterValidationError):
        reasons = _schema_reasons(error) or [("", "ongeldige waarde")]
        return [{"name": error.name, "reason": reason} for _, reason in reasons[:1]]
    if isinstance(error, MissingRequiredRequestBody):
        return [{"name": "body", "reason": "verplicht"}]
    reasons = _schema_reasons(error)
    if reasons:
        return [{"name": name or "body", "reason": reason} for name, reason in reasons]
    return [{"name": "body", "reason": str(error)}]


def _schema_reasons(error: Exception) -> list[tuple[str, str]]:
    for cause in _chain(error):
        if isinstance(cause, InvalidSchemaValue):
            return [_field(e) for e in cause.schema_errors]
    return []


def _field(schema_error: Any) -> tuple[str, str]:
    path = ".".join(str(part) for part in schema_error.path)
    message = str(schema_error.message)
    if schema_error.validator in ("required", "additionalProperties"):
        found = _QUOTED.search(message)
        if found:
            name = found.group(1)
            path = f"{path}.{name}" if path else name
    return path, message


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _describe(error: Exception) -> str:
    reasons = _schema_reasons(error)
    if reasons:
        return "; ".join(f"{name or '(body)'}: {reason}" for name, reason in reasons)
    return str(error)
