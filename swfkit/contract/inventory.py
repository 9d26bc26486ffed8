"""What the contract holds: its operations and its provenance marks.

Locations are written the way a reader looks them up: an operation as
``DELETE /notificaties/{notificatieId}``, a property as
``Document.bestandsGrootte`` (nested ones as
``SamenwerkingCollection._embedded.samenwerkingen``), an enum value as
``NotificatieType = SAMENWERKING_GESLOTEN``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from swfkit.contract.loading import default_contract

logger = logging.getLogger(__name__)

PROVENANCE = "x-swfkit-provenance"
SOURCE = "x-swfkit-source"
ASSUMED_VALUES = "x-swfkit-assumed-values"
SIMULATOR_ONLY = "x-swfkit-simulator-only"

PROVENANCE_VALUES = ("confirmed", "observed", "assumed")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

PartKind = Literal["operation", "parameter", "header", "schema", "property", "value"]


@dataclass(frozen=True)
class Operation:
    """One operation of the contract.

    Attributes:
        method: The HTTP method in capitals.
        path: The path template relative to the server URL.
        operation_id: The ``operationId``.
        provenance: ``confirmed``, ``observed`` or ``assumed``; ``None`` in a
            document without swfkit's marks (an official specification).
        tags: The operation's tags.
        summary: Its one-line summary.
        source: Its ``x-swfkit-source``.
        simulator_only: True for swfkit's own endpoints (not an SWF function).
    """

    method: str
    path: str
    operation_id: str
    provenance: str | None
    tags: tuple[str, ...] = ()
    summary: str = ""
    source: str | None = None
    simulator_only: bool = False

    @property
    def location(self) -> str:
        """``METHOD /path``, as the contract's reader looks it up."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class AssumedPart:
    """A part of the contract that is swfkit's assumption.

    Attributes:
        kind: operation, parameter, header, schema, property or value.
        location: Where it is, e.g. ``Deelnemer.privilege``.
        group: What to list it under: the operation or the schema name, or
            ``parameters`` / ``headers``.
        source: The ``x-swfkit-source`` text, where there is one.
    """

    kind: PartKind
    location: str
    group: str
    source: str | None = None


def _spec(spec: dict[str, Any] | None) -> dict[str, Any]:
    return default_contract() if spec is None else spec


def _iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                yield method, path, item[method]


def operations(spec: dict[str, Any] | None = None) -> list[Operation]:
    """Every operation of the contract, in document order.

    Args:
        spec: An OpenAPI document; the packaged contract when omitted.
    """
    return [
        Operation(
            method=method.upper(),
            path=path,
            operation_id=str(op.get("operationId", "")),
            provenance=op.get(PROVENANCE),
            tags=tuple(op.get("tags") or ()),
            summary=str(op.get("summary", "")),
            source=op.get(SOURCE),
            simulator_only=bool(op.get(SIMULATOR_ONLY, False)),
        )
        for method, path, op in _iter_operations(_spec(spec))
    ]


def _walk_properties(schema: Any, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (location, schema) for every property under ``schema``.

    Follows inline nesting (properties, items, combinators, map values) but
    never a ``$ref``: referenced schemas are walked under their own name.
    """
    if not isinstance(schema, dict):
        return
    for name, prop in (schema.get("properties") or {}).items():
        location = f"{prefix}.{name}"
        yield location, prop if isinstance(prop, dict) else {}
        yield from _walk_properties(prop, location)
    if isinstance(schema.get("items"), dict):
        yield from _walk_properties(schema["items"], f"{prefix}[]")
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _walk_properties(schema["additionalProperties"], f"{prefix}.*")
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key) or ():
            yield from _walk_properties(sub, prefix)


def _components(spec: dict[str, Any], kind: str) -> dict[str, Any]:
    return (spec.get("components") or {}).get(kind) or {}


def _response_header_names(spec: dict[str, Any]) -> dict[str, str]:
    """Component header key -> the header name responses use for it."""
    names: dict[str, str] = {}
    for response in _components(spec, "responses").values():
        for name, header in (response.get("headers") or {}).items():
            ref = header.get("$ref", "") if isinstance(header, dict) else ""
            names.setdefault(ref.rsplit("/", 1)[-1], name)
    return names


def assumed_parts(spec: dict[str, Any] | None = None) -> list[AssumedPart]:
    """Every operation, parameter, header, schema, property and enum value
    marked ``assumed``: what to check against the official specification.

    Args:
        spec: An OpenAPI document; the packaged contract when omitted.
    """
    doc = _spec(spec)
    parts = [
        AssumedPart("operation", op.location, op.location, op.source)
        for op in operations(doc)
        if op.provenance == "assumed"
    ]
    parts += _assumed_parameters(doc)
    parts += _assumed_headers(doc)
    for name, schema in _components(doc, "schemas").items():
        parts += _assumed_in_schema(name, schema)
    return parts


def _parameter_users(doc: dict[str, Any]) -> dict[str, list[str]]:
    """Component parameter key -> the operations that use it."""
    users: dict[str, list[str]] = {}
    paths = doc.get("paths") or {}
    for method, path, op in _iter_operations(doc):
        # Path-level parameters apply to every operation under the path.
        params = [*(paths[path].get("parameters") or []), *(op.get("parameters") or [])]
        for param in params:
            key = str(param.get("$ref", "")).rsplit("/", 1)[-1]
            users.setdefault(key, []).append(f"{method.upper()} {path}")
    return users


def _used_on(places: list[str], total: int) -> str:
    if total and len(places) == total:
        return "every operation"
    if len(places) > 3:
        return f"{len(places)} operations"
    return ", ".join(places) or "no operation"


def _assumed_parameters(doc: dict[str, Any]) -> list[AssumedPart]:
    users = _parameter_users(doc)
    total = sum(1 for _ in _iter_operations(doc))
    parts = []
    for key, param in _components(doc, "parameters").items():
        if param.get(PROVENANCE) != "assumed":
            continue
        where = _used_on(users.get(key, []), total)
        location = f"{param.get('in')} parameter {param.get('name')} on {where}"
        parts.append(
            AssumedPart("parameter", location, "parameters", param.get(SOURCE))
        )
    return parts


def _assumed_headers(doc: dict[str, Any]) -> list[AssumedPart]:
    names = _response_header_names(doc)
    parts: dict[str, AssumedPart] = {}
    for key, header in _components(doc, "headers").items():
        if header.get(PROVENANCE) == "assumed":
            # Several components may describe one header (Retry-After on 429
            # and on 503): list the header once.
            location = f"response header {names.get(key, key)}"
            parts.setdefault(
                location, AssumedPart("header", location, "headers", header.get(SOURCE))
            )
    return list(parts.values())


def _assumed_in_schema(name: str, schema: dict[str, Any]) -> list[AssumedPart]:
    source = schema.get(SOURCE)
    parts = []
    if schema.get(PROVENANCE) == "assumed":
        parts.append(AssumedPart("schema", name, name, source))
    parts += [
        AssumedPart("property", location, name, source)
        for location, prop in _walk_properties(schema, name)
        if prop.get(PROVENANCE) == "assumed"
    ]
    parts += [
        AssumedPart("value", f"{name} = {value}", name, source)
        for value in schema.get(ASSUMED_VALUES) or ()
    ]
    return parts


def provenance_problems(spec: dict[str, Any] | None = None) -> list[str]:
    """Check swfkit's marks: every operation, parameter, header, schema and
    property carries a valid ``x-swfkit-provenance``; every operation has an
    ``operationId`` and an ``x-swfkit-source``; assumed enum values exist.

    Args:
        spec: An OpenAPI document; the packaged contract when omitted.

    Returns:
        One line per problem, ``location: what is wrong``; empty when clean.
    """
    doc = _spec(spec)
    problems = []
    for method, path, op in _iter_operations(doc):
        problems += _operation_problems(f"{method.upper()} {path}", op)
    for kind in ("parameters", "headers", "securitySchemes"):
        for key, item in _components(doc, kind).items():
            problems += _mark_problem(f"components.{kind}.{key}", item)
    for name, schema in _components(doc, "schemas").items():
        problems += _schema_problems(name, schema)
    for location, schema in _inline_schemas(doc):
        problems += [
            problem
            for where, prop in _walk_properties(schema, location)
            for problem in _mark_problem(where, prop)
        ]
    return problems


def _mark_problem(location: str, item: Any) -> list[str]:
    value = item.get(PROVENANCE) if isinstance(item, dict) else None
    if value in PROVENANCE_VALUES:
        return []
    if value is None:
        return [f"{location}: no {PROVENANCE}"]
    allowed = ", ".join(PROVENANCE_VALUES)
    return [f"{location}: {PROVENANCE} is {value!r}, not one of {allowed}"]


def _operation_problems(location: str, op: dict[str, Any]) -> list[str]:
    problems = _mark_problem(location, op)
    if not op.get("operationId"):
        problems.append(f"{location}: no operationId")
    if not str(op.get(SOURCE) or "").strip():
        problems.append(f"{location}: no {SOURCE}")
    return problems


def _schema_problems(name: str, schema: dict[str, Any]) -> list[str]:
    problems = _mark_problem(name, schema)
    problems += [
        problem
        for location, prop in _walk_properties(schema, name)
        for problem in _mark_problem(location, prop)
    ]
    enum = schema.get("enum") or []
    problems += [
        f"{name}: assumed value {value!r} is not in the enum"
        for value in schema.get(ASSUMED_VALUES) or ()
        if value not in enum
    ]
    return problems


def _inline_schemas(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Schemas written inside operations rather than in components."""
    for method, path, op in _iter_operations(doc):
        where = f"{method.upper()} {path}"
        body = (op.get("requestBody") or {}).get("content") or {}
        for media, content in body.items():
            yield f"{where} request {media}", content.get("schema") or {}
        for status, response in (op.get("responses") or {}).items():
            for media, content in (response.get("content") or {}).items():
                yield f"{where} {status} {media}", content.get("schema") or {}
