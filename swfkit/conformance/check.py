"""``swfkit cassettes check``: recorded traffic against a specification.

Every request and response in every cassette is validated with openapi-core
against swfkit's contract, or against a specification file the user has
(for example the official SWF specification). Each mismatch names its
cassette and interaction, so drift between a recording and a specification
is found before anyone relies on it.

A request a scenario sends broken on purpose (marked with the header
``X-Swfkit-Conformance: opzettelijk-ongeldig``, see
:mod:`swfkit.conformance.probe`) is not judged; the answer to it is.

The specification's ``servers`` are replaced by the base URL the cassettes
were recorded under (from ``opname.json``), so only paths relative to the
base URL matter, whatever host or version prefix a specification names.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml
from jsonschema_path import SchemaPath
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from werkzeug.datastructures import ImmutableMultiDict

from swfkit.conformance.cassettes import CASSETTE_ORIGIN
from swfkit.conformance.probe import DELIBERATE_HEADER, DELIBERATE_VALUE
from swfkit.conformance.targets import RECORDING_FILE

logger = logging.getLogger(__name__)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVED_CACHE = 65536
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@dataclass(frozen=True)
class Mismatch:
    """One way a recorded interaction differs from the specification.

    Attributes:
        cassette: The cassette file, relative to the cassette folder.
        interaction: The interaction's number in the cassette (from 1).
        method: The request's method.
        path: The request's path (and query).
        status: The response status.
        part: ``request`` or ``response``.
        message: What is wrong.
    """

    cassette: str
    interaction: int
    method: str
    path: str
    status: int | None
    part: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.cassette} #{self.interaction} {self.method} {self.path} "
            f"-> {self.status}: {self.part}: {self.message}"
        )


@dataclass
class CheckReport:
    """The outcome of checking a cassette folder.

    Attributes:
        cassettes: How many cassettes were read.
        interactions: How many interactions were checked.
        mismatches: Everything that did not validate.
        operations: Per cassette, the operationIds its requests called.
    """

    cassettes: int = 0
    interactions: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    operations: dict[str, set[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every interaction validated (and there was at least one)."""
        return not self.mismatches and self.interactions > 0


def check_cassettes(
    directory: Path, *, spec: dict[str, Any] | None = None, base_url: str | None = None
) -> CheckReport:
    """Validate every cassette under ``directory``.

    Args:
        directory: The cassette folder.
        spec: An OpenAPI document; swfkit's contract when omitted.
        base_url: The base URL the cassettes were recorded under; read from
            ``opname.json`` when omitted.

    Raises:
        ContractError: ``spec`` is not a valid OpenAPI document.
    """
    from swfkit.contract import load_contract, openapi_for_core

    directory = Path(directory)
    document = copy.deepcopy(spec) if spec is not None else load_contract()
    base = base_url or _recorded_base_url(directory)
    if base:
        document["servers"] = [{"url": base}]
    # The packaged contract is validated by its own tests; a user's file is
    # checked here, before anything is judged against it.
    validated = openapi_for_core(None if spec is None else document)
    openapi = _cached(validated, document)
    index = OperationIndex(document, urlsplit(base).path if base else "")

    report = CheckReport()
    for path in sorted(directory.rglob("*.yaml")):
        name = path.relative_to(directory).as_posix()
        report.cassettes += 1
        report.operations[name] = set()
        for number, interaction in enumerate(_interactions(path), start=1):
            report.interactions += 1
            _check_one(openapi, index, report, name, number, interaction)
    return report


def _cached(validated: OpenAPI, document: dict[str, Any]) -> OpenAPI:
    """The same validator, with resolved references cached.

    openapi-core resolves every ``$ref`` anew per check by default; with a
    cache the check of a full cassette folder takes less than half the time.
    The document was already checked when ``validated`` was built.
    """
    config = dataclasses.replace(validated.config, spec_validator_cls=None)
    path = SchemaPath.from_dict(document, resolved_cache_maxsize=_RESOLVED_CACHE)
    return OpenAPI(path, config=config)


def _recorded_base_url(directory: Path) -> str | None:
    info_path = directory / RECORDING_FILE
    if not info_path.is_file():
        return None
    info = yaml.load(info_path.read_text(encoding="utf-8"), Loader=_Loader)
    return CASSETTE_ORIGIN + str(info.get("basePath", ""))


def _interactions(path: Path) -> Iterator[dict[str, Any]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    yield from data.get("interactions", [])


def _check_one(
    openapi: OpenAPI,
    index: OperationIndex,
    report: CheckReport,
    cassette: str,
    number: int,
    interaction: dict[str, Any],
) -> None:
    request, response = interaction["request"], interaction["response"]
    url = urlsplit(request["uri"])
    status = int(response["status"]["code"])
    shown = url.path + (f"?{url.query}" if url.query else "")
    operation = index.find(request["method"], url.path)
    if operation:
        report.operations[cassette].add(operation)

    def add(part: str, message: str) -> None:
        report.mismatches.append(
            Mismatch(cassette, number, request["method"], shown, status, part, message)
        )

    mock_request = _mock_request(request)
    if not _deliberate(mock_request):
        for error in openapi.iter_request_errors(mock_request):
            add("verzoek", describe_error(error))
    for error in openapi.iter_response_errors(mock_request, _mock_response(response)):
        add("antwoord", describe_error(error))


def _deliberate(request: MockRequest) -> bool:
    """Whether a scenario broke the contract in this request on purpose."""
    value = request.parameters.header.get(DELIBERATE_HEADER, "")
    return str(value).lower() == DELIBERATE_VALUE


def _mock_request(request: dict[str, Any]) -> MockRequest:
    url = urlsplit(request["uri"])
    headers = _flat_headers(request.get("headers") or {})
    args = ImmutableMultiDict(parse_qsl(url.query, keep_blank_values=True))
    mock = MockRequest(
        f"{url.scheme}://{url.netloc}",
        request["method"],
        url.path,
        headers=headers,
        data=_bytes(request.get("body")),
        content_type=_content_type(headers),
    )
    # MockRequest builds its query from a plain dict, which would drop
    # repeated parameters; give it the full multi-dict.
    mock.parameters.query = args
    return mock


def _mock_response(response: dict[str, Any]) -> MockResponse:
    headers = _flat_headers(response.get("headers") or {})
    body = _bytes((response.get("body") or {}).get("string"))
    return MockResponse(
        body,
        status_code=int(response["status"]["code"]),
        headers=headers,
        content_type=_content_type(headers),
    )


def _flat_headers(headers: dict[str, Any]) -> dict[str, str]:
    return {
        name: str(value[0] if isinstance(value, list) else value)
        for name, value in headers.items()
    }


def _content_type(headers: dict[str, str]) -> str:
    for name, value in headers.items():
        if name.lower() == "content-type":
            return value
    return ""


def _bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    return bytes(body)


def describe_error(error: BaseException) -> str:
    """An openapi-core error with the schema details it carries, in one line."""
    parts = [str(error)]
    cause = error.__cause__
    while cause is not None:
        details = getattr(cause, "schema_errors", None)
        if details:
            parts.extend(_schema_error(e) for e in details)
        else:
            parts.append(str(cause))
        cause = cause.__cause__
    for nested in (
        getattr(error, "errors", None) or getattr(error, "context", None) or ()
    ):
        parts.append(describe_error(nested))
    text = "; ".join(dict.fromkeys(p for p in parts if p))
    return re.sub(r"\s+", " ", text)[:1000]


def _schema_error(error: Any) -> str:
    location = "/".join(str(p) for p in getattr(error, "absolute_path", ()) or ())
    message = getattr(error, "message", str(error))
    return f"{location}: {message}" if location else str(message)


class OperationIndex:
    """Finds the operationId of a recorded request from its method and path."""

    def __init__(self, spec: dict[str, Any], base_path: str) -> None:
        self.base_path = base_path.rstrip("/")
        self._routes: list[tuple[int, re.Pattern[str], str, str]] = []
        for template, item in (spec.get("paths") or {}).items():
            pattern = re.compile(
                re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            )
            for method in _METHODS:
                operation = (item or {}).get(method)
                if isinstance(operation, dict) and operation.get("operationId"):
                    self._routes.append(
                        (
                            template.count("{"),
                            pattern,
                            method.upper(),
                            str(operation["operationId"]),
                        )
                    )
        self._routes.sort(key=lambda route: route[0])

    def find(self, method: str, path: str) -> str | None:
        """The operationId, or None when no path of the specification fits."""
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path) :]
        for _, pattern, route_method, operation_id in self._routes:
            if route_method == method.upper() and pattern.fullmatch(path):
                return operation_id
        return None
