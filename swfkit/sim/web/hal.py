"""HAL: links and paged collections.

Every href is absolute, built from the URL the client used, so a client
can follow links without knowing the base path.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

Link = dict[str, Any]


class Hal:
    """Builds links under one root (scheme, host, port and base path)."""

    def __init__(self, root: str) -> None:
        self.root = root.rstrip("/")

    def url(self, path: str, query: Iterable[tuple[str, Any]] = ()) -> str:
        """An absolute URL for ``path`` below the root."""
        pairs = [(k, v) for k, v in query if v is not None]
        suffix = f"?{urlencode(pairs)}" if pairs else ""
        return f"{self.root}{quote(path)}{suffix}"

    def link(self, path: str, query: Iterable[tuple[str, Any]] = ()) -> Link:
        """A HAL link object."""
        return {"href": self.url(path, query)}


def page_slice(items: Sequence[Any], page: int, size: int) -> list[Any]:
    """The items on a 0-based page."""
    return list(items[page * size : (page + 1) * size])


def collection(
    hal: Hal,
    plural: str,
    items: list[dict[str, Any]],
    *,
    total: int,
    page: int,
    size: int,
    path: str,
    args: Mapping[str, str],
    page_name: str = "page",
    size_name: str = "size",
) -> dict[str, Any]:
    """A HAL collection page: ``_embedded``, ``_links`` and ``page``."""
    total_pages = math.ceil(total / size) if total else 0
    last = max(total_pages - 1, 0)
    kept = [(k, v) for k, v in args.items() if k not in (page_name, size_name)]

    def at(number: int) -> Link:
        return hal.link(path, [*kept, (page_name, number), (size_name, size)])

    links = {"self": at(page), "first": at(0), "last": at(last)}
    if page < last:
        links["next"] = at(page + 1)
    if page > 0:
        links["prev"] = at(min(page - 1, last))
    return {
        "_embedded": {plural: items},
        "_links": links,
        "page": {
            "number": page,
            "size": size,
            "totalElements": total,
            "totalPages": total_pages,
        },
    }
