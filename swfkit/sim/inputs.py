"""Reading request bodies and query values defensively.

The contract validation rejects malformed input before a service runs; these
helpers make sure a service never trusts a type it did not check, so even
with validation switched off no input can cause a 500.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from swfkit.errors import InvalidOinError
from swfkit.oin import is_valid_oin, parse_kvk
from swfkit.sim.problems import Problem, invalid_input

_MISSING = object()


def json_object(body: Any) -> dict[str, Any]:
    """The body as a JSON object, or a 400."""
    if not isinstance(body, dict):
        raise Problem(
            400,
            "Ongeldige invoer",
            "De body is geen JSON-object.",
            slug="ongeldige-json",
        )
    return body


def reject_unknown(body: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """A 400 naming the first field that is not allowed here."""
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise invalid_input(unknown[0], "onbekend of niet te wijzigen veld")


def text(
    body: Mapping[str, Any], name: str, *, required: bool = False, nullable: bool = True
) -> str | None:
    """A string field; absent gives None unless required."""
    value = body.get(name, _MISSING)
    if value is _MISSING or (value is None and nullable and not required):
        if required:
            raise invalid_input(name, "verplicht veld ontbreekt")
        return None
    if not isinstance(value, str):
        raise invalid_input(name, "moet tekst zijn")
    if required and not value.strip():
        raise invalid_input(name, "mag niet leeg zijn")
    return value


def choice(
    body: Mapping[str, Any], name: str, values: Iterable[str], *, required: bool = False
) -> str | None:
    """A field that must hold one of ``values``."""
    value = text(body, name, required=required)
    allowed = tuple(values)
    if value is not None and value not in allowed:
        raise invalid_input(name, f"moet een van {', '.join(allowed)} zijn")
    return value


def flag(body: Mapping[str, Any], name: str, default: bool = False) -> bool:
    """A boolean field."""
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise invalid_input(name, "moet true of false zijn")
    return value


def string_list(body: Mapping[str, Any], name: str) -> list[str]:
    """A list of strings (absent or null gives an empty list)."""
    value = body.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise invalid_input(name, "moet een lijst van teksten zijn")
    return value


def oin_value(value: str | None, name: str) -> str | None:
    """An OIN, checked for shape."""
    if value is not None and not is_valid_oin(value):
        raise invalid_input(name, "geen geldig OIN (20 tekens, cijfers en letters)")
    return value


def kvk_value(value: str | None, name: str) -> str | None:
    """A KvK number, checked for shape."""
    if value is None:
        return None
    try:
        return parse_kvk(value)
    except InvalidOinError as exc:
        raise invalid_input(name, "geen geldig KvK-nummer (8 cijfers)") from exc


def page_args(
    args: Mapping[str, str],
    page_name: str = "page",
    size_name: str = "size",
    max_size: int = 100,
) -> tuple[int, int]:
    """The 0-based page number and the page size from the query."""
    page = _int_arg(args, page_name, 0, minimum=0)
    size = _int_arg(args, size_name, 20, minimum=1)
    if size > max_size:
        raise invalid_input(size_name, f"hoogstens {max_size}")
    return page, size


def _int_arg(args: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise invalid_input(name, "moet een geheel getal zijn") from exc
    if value < minimum:
        raise invalid_input(name, f"moet minstens {minimum} zijn")
    return value
