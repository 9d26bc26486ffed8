"""The core every resource mixin of :class:`~swfkit.client.Client` builds on."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from swfkit.client.models import SwfModel
from swfkit.client.paging import STANDARD, Collection, PageParams
from swfkit.client.transport import Transport, TransportOptions
from swfkit.client.urls import BaseUrl, segment
from swfkit.client.wire import to_camel
from swfkit.config import Settings, load_settings
from swfkit.redact import redact_url
from swfkit.tlscontext import build_ssl_context, trust_bundle

if TYPE_CHECKING:
    from types import TracebackType

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=SwfModel)
MERGE_PATCH = "application/merge-patch+json"


def path(*parts: object) -> str:
    """A relative path from fixed names and ids; ids cannot add levels."""
    return "/".join(segment(part) for part in parts)


def wire_value(value: Any) -> Any:
    """A Python value as it goes on the wire (enums, dates, nested)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {to_camel(str(k)): wire_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [wire_value(item) for item in value]
    return value


def wire_body(
    fields: Mapping[str, Any], *, allowed: frozenset[str] | None = None
) -> dict[str, Any]:
    """A JSON body from snake_case keyword arguments.

    Raises:
        TypeError: a name is not one the operation takes.
    """
    if allowed is not None:
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise TypeError(
                f"unknown field(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(sorted(allowed))}"
            )
    return {to_camel(name): wire_value(value) for name, value in fields.items()}


class ClientBase:
    """Settings, transport and the typed request helpers."""

    def __init__(
        self, settings: Settings, *, retries: int = 3, backoff: float = 0.5
    ) -> None:
        """Check the settings and prepare the session; nothing is sent yet.

        Raises:
            ConfigurationError: a setting or file is missing or wrong.
            InvalidOinError: the acting OIN is malformed.
        """
        settings.validate()
        self.settings = settings
        options = TransportOptions(
            base_url=BaseUrl.parse(settings.base_url or ""),
            ssl_context=build_ssl_context(settings),
            ca_bundle=trust_bundle(settings),
            oin=settings.oin or "",
            oin_header=settings.oin_header,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            retries=retries,
            backoff=backoff,
        )
        self.transport = Transport(options)

    @classmethod
    def from_settings(cls: type[C], **kwargs: Any) -> C:
        """A client from :func:`swfkit.config.load_settings` arguments."""
        return cls(load_settings(**kwargs))

    @property
    def base_url(self) -> str:
        """The base URL every request is pinned to."""
        return str(self.transport.base_url)

    @property
    def oin(self) -> str:
        """The OIN this client acts for."""
        return self.transport.options.oin

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={redact_url(self.base_url)!r}, "
            f"oin={self.oin!r}, environment={self.settings.environment!r})"
        )

    def close(self) -> None:
        """Close the connections; the client cannot be used afterwards."""
        self.transport.close()

    def __enter__(self: C) -> C:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- typed helpers used by the resource mixins ---------------------------

    def _get(
        self, model: type[M], ref: str, params: Mapping[str, Any] | None = None
    ) -> M:
        response = self.transport.request("GET", ref, params=params)
        return model.model_validate(response.json())

    def _send(
        self,
        method: str,
        model: type[M],
        ref: str,
        body: Any,
        content_type: str = "application/json",
    ) -> M:
        response = self.transport.request(
            method, ref, json=body, content_type=content_type
        )
        return model.model_validate(response.json())

    def _patch(self, model: type[M], ref: str, body: Mapping[str, Any]) -> M:
        return self._send("PATCH", model, ref, body, MERGE_PATCH)

    def _delete(self, ref: str) -> None:
        self.transport.request("DELETE", ref).close()

    def _collection(
        self,
        model: type[M],
        ref: str,
        params: Mapping[str, Any] | None = None,
        *,
        paging: PageParams = STANDARD,
        page_size: int | None = None,
    ) -> Collection[M]:
        query = {name: wire_value(value) for name, value in (params or {}).items()}
        return Collection(
            self.transport, ref, model, query, paging=paging, page_size=page_size
        )


C = TypeVar("C", bound=ClientBase)
