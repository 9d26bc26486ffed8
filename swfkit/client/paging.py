"""Lazy collections: every page of a HAL collection, fetched as it is needed.

A :class:`Collection` is cheap to create and sends nothing until it is
iterated. Each iteration starts again at the first page. Pages are followed
through ``_links.next`` (guarded like every other URL), or by page number
when a server gives ``page`` but no links.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from swfkit.client.models import SwfModel

if TYPE_CHECKING:
    import pandas as pd

    from swfkit.client.transport import Transport

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=SwfModel)

#: Called after each page with (items so far, total items or None).
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class PageParams:
    """Names of the paging query parameters (documenten use Dutch ones)."""

    number: str = "page"
    size: str = "size"


STANDARD = PageParams()
DOCUMENTEN = PageParams("pagina", "aantal")


@dataclass(frozen=True)
class Page(Generic[M]):
    """One fetched page.

    Attributes:
        items: the models on this page.
        number: 0-based page number, when the server says.
        total_elements: items in the whole collection, when the server says.
        total_pages: pages in the whole collection, when the server says.
        next_ref: the href of the next page, if any.
    """

    items: list[M]
    number: int | None
    total_elements: int | None
    total_pages: int | None
    next_ref: str | None


class Collection(Generic[M]):
    """All items of a collection, fetched page by page while iterating."""

    def __init__(
        self,
        transport: Transport,
        ref: str,
        model: type[M],
        params: Mapping[str, Any] | None = None,
        *,
        paging: PageParams = STANDARD,
        page_size: int | None = None,
    ) -> None:
        self._transport = transport
        self._ref = ref
        self.model = model
        self._params = {k: v for k, v in (params or {}).items() if v is not None}
        self._paging = paging
        self._page_size = page_size
        self._progress: Progress | None = None

    def __repr__(self) -> str:
        return f"Collection({self.model.__name__}, {self._ref!r})"

    def __iter__(self) -> Iterator[M]:
        fetched = 0
        for page in self.pages():
            fetched += len(page.items)
            if self._progress is not None:
                self._progress(fetched, page.total_elements)
            yield from page.items

    def on_progress(self, callback: Progress | None) -> Collection[M]:
        """Report ``(items so far, total or None)`` after every page."""
        self._progress = callback
        return self

    def pages(self) -> Iterator[Page[M]]:
        """Fetch and yield the pages one at a time."""
        ref: str | None = self._ref
        params = self._first_params()
        seen: set[str] = set()
        while ref is not None:
            key = f"{ref}?{sorted(params.items())}"
            if key in seen:
                logger.warning("%r links back to a page it had; stopping", self)
                return
            seen.add(key)
            page = self._fetch(ref, params)
            yield page
            ref, params = self._next(page)

    def to_list(self) -> list[M]:
        """Every item, all pages fetched."""
        return list(self)

    def to_frame(self) -> pd.DataFrame:
        """Every item as a :class:`pandas.DataFrame` (see :mod:`swfkit.frames`)."""
        from swfkit.frames import to_frame

        return to_frame(self, model=self.model)

    def _fetch(self, ref: str, params: Mapping[str, Any]) -> Page[M]:
        body = self._transport.request("GET", ref, params=params).json()
        embedded = (body.get("_embedded") or {}).get(self.model.embedded_name) or []
        page_info = body.get("page") or {}
        next_link = (body.get("_links") or {}).get("next") or {}
        return Page(
            items=[self.model.model_validate(item) for item in embedded],
            number=page_info.get("number"),
            total_elements=page_info.get("totalElements"),
            total_pages=page_info.get("totalPages"),
            next_ref=next_link.get("href"),
        )

    def _first_params(self) -> dict[str, Any]:
        params = dict(self._params)
        if self._page_size is not None:
            params[self._paging.size] = self._page_size
        return params

    def _next(self, page: Page[M]) -> tuple[str | None, dict[str, Any]]:
        # A next link carries its own query; page numbers are the fallback.
        if page.next_ref:
            return page.next_ref, {}
        if not page.items or page.number is None or page.total_pages is None:
            return None, {}
        if page.number + 1 >= page.total_pages:
            return None, {}
        return self._ref, {**self._first_params(), self._paging.number: page.number + 1}
