"""Wire names: the contract's camelCase properties and Python's snake_case.

One function pair, used as the pydantic alias generator for every model, so a
field name is never spelled twice. HAL's reserved members (``_links``,
``_embedded``) keep their underscore on the wire and lose it in Python.
"""

from __future__ import annotations

import re

_HAL_MEMBERS = {"_links": "links", "_embedded": "embedded"}
_HAL_FIELDS = {field: wire for wire, field in _HAL_MEMBERS.items()}

# Every capital starts a word, so acronyms and one-letter words survive the
# round trip too ("someURL" <-> "some_u_r_l").
_BOUNDARY = re.compile(r"(?<!^)(?=[A-Z])")


def to_snake(wire_name: str) -> str:
    """``samenwerkingId`` -> ``samenwerking_id``; ``_links`` -> ``links``."""
    if wire_name in _HAL_MEMBERS:
        return _HAL_MEMBERS[wire_name]
    return _BOUNDARY.sub("_", wire_name).lower()


def to_camel(field_name: str) -> str:
    """``samenwerking_id`` -> ``samenwerkingId``; ``links`` -> ``_links``."""
    if field_name in _HAL_FIELDS:
        return _HAL_FIELDS[field_name]
    first, *rest = field_name.split("_")
    return first + "".join(part[:1].upper() + part[1:] for part in rest)
