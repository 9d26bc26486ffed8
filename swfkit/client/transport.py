"""The HTTP transport: one mutual-TLS session pinned to one base URL.

Trust is explicit: ``trust_env`` is off, so ``REQUESTS_CA_BUNDLE``,
``SSL_CERT_FILE``, proxies and ``.netrc`` never take part, and the only
adapter that can open a connection is mounted on the base URL's origin with
the caller's :class:`ssl.SSLContext` (which holds the client certificate, so
PEM and PKCS#12 work alike). Idempotent methods are retried on connection
errors, 429 and 503 (honouring ``Retry-After``), and when an answer breaks
off mid-body; a request whose bytes may have reached the server is never
resent unless its method is idempotent.
"""

from __future__ import annotations

import json as jsonlib
import logging
import ssl
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions
from urllib3.util.retry import Retry

from swfkit.client.urls import BaseUrl
from swfkit.errors import (
    ApiError,
    ConnectError,
    ForeignUrlError,
    TimeoutError_,
    TlsError,
    TransportError,
    api_error_class,
)
from swfkit.redact import redact_url

logger = logging.getLogger(__name__)

CORRELATION_HEADER = "X-Correlation-ID"
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class TransportOptions:
    """Everything the transport needs, already checked.

    Attributes:
        base_url: the only origin and path prefix requests may go to.
        ssl_context: client certificate, key and trusted CAs.
        ca_bundle: the trust bundle, also given to requests explicitly.
        oin: the acting organisation's OIN, sent on every request.
        oin_header: the header that carries it.
        connect_timeout: seconds to establish a connection.
        read_timeout: seconds to wait between bytes of the answer.
        retries: attempts after the first for idempotent requests.
        backoff: backoff factor in seconds between retries.
        retry_after_max: the longest ``Retry-After`` honoured, in seconds.
    """

    base_url: BaseUrl
    ssl_context: ssl.SSLContext
    ca_bundle: Path | None
    oin: str
    oin_header: str = "X-OIN"
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    retry_after_max: int = 60


class _MutualTlsAdapter(HTTPAdapter):
    """An adapter whose connection pools all use one SSL context."""

    def __init__(self, ssl_context: ssl.SSLContext, max_retries: Retry) -> None:
        self._ssl_context = ssl_context
        super().__init__(max_retries=max_retries)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(*args, **kwargs)


class _RefusingAdapter(HTTPAdapter):
    """Mounted on every other origin: nothing leaves for a foreign host."""

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        raise ForeignUrlError(f"refused {redact_url(str(request.url))!r}")


def build_retry(options: TransportOptions) -> Retry:
    """The retry policy: idempotent methods only, never a second POST."""
    return Retry(
        total=options.retries,
        connect=options.retries,
        read=options.retries,
        status=options.retries,
        other=0,
        redirect=0,
        allowed_methods=IDEMPOTENT_METHODS,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=options.backoff,
        respect_retry_after_header=True,
        retry_after_max=options.retry_after_max,
        raise_on_status=False,
    )


def build_session(options: TransportOptions) -> requests.Session:
    """A session that can only talk to ``options.base_url``."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(options.ca_bundle) if options.ca_bundle else True
    session.headers[options.oin_header] = options.oin
    session.headers["Accept"] = "application/hal+json, application/json"

    refuse = _RefusingAdapter()
    session.mount("https://", refuse)
    session.mount("http://", refuse)
    adapter = _MutualTlsAdapter(options.ssl_context, build_retry(options))
    session.mount(options.base_url.origin + "/", adapter)
    return session


class Transport:
    """Sends requests for a :class:`~swfkit.client.Client`.

    Every call goes through :meth:`request`: URL guard, headers, timeouts,
    one log line, and errors turned into swfkit exceptions.
    """

    def __init__(self, options: TransportOptions) -> None:
        self.options = options
        self.base_url = options.base_url
        self.session = build_session(options)

    def request(
        self,
        method: str,
        ref: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content_type: str = "application/json",
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """Send one request and return the successful response.

        Args:
            method: HTTP method.
            ref: path relative to the base URL, or a HAL href.
            params: query parameters; None values are left out.
            json: a body to send as JSON with ``content_type``.
            content_type: media type for a ``json`` body.
            data: a raw or streaming body (used for uploads).
            headers: extra headers.
            stream: leave the body unread (for downloads).

        Raises:
            ForeignUrlError: ``ref`` leaves the base URL; nothing was sent.
            TransportError: connection, TLS or timeout failure.
            ApiError: the server answered with an error status.
        """
        url = self.base_url.join(ref)
        correlation_id = str(uuid.uuid4())
        send_headers = {CORRELATION_HEADER: correlation_id, **(headers or {})}
        if json is not None:
            data = jsonlib.dumps(json).encode()
            send_headers["Content-Type"] = content_type

        query = {k: v for k, v in (params or {}).items() if v is not None}
        started = time.monotonic()
        try:
            response = self._send(method, url, query, data, send_headers, stream)
        except requests.RequestException as exc:
            self._log(method, url, "failed", started, correlation_id)
            raise transport_error(exc, method, url) from exc

        self._log(
            method, response.url or url, response.status_code, started, correlation_id
        )
        if response.status_code >= 300:
            raise api_error(response, method, correlation_id)
        return response

    def _send(
        self,
        method: str,
        url: str,
        query: Mapping[str, Any],
        data: Any,
        headers: Mapping[str, str],
        stream: bool,
    ) -> requests.Response:
        """One request, resent while its answer breaks off mid-body.

        urllib3's retries end once the headers are in. An answer whose body
        broke off after that is resent here, but only when the method is
        idempotent, the body can be sent again (bytes, not a stream) and the
        caller does not read the answer itself (``stream``), since what it
        already took from a broken download is its own.
        """
        resendable = (
            not stream
            and method.upper() in IDEMPOTENT_METHODS
            and (data is None or isinstance(data, bytes))
        )
        attempt = 0
        while True:
            try:
                return self.session.request(
                    method,
                    url,
                    params=query,
                    data=data,
                    headers=headers,
                    stream=stream,
                    allow_redirects=False,
                    timeout=(self.options.connect_timeout, self.options.read_timeout),
                )
            except requests.RequestException as exc:
                retries_left = attempt < self.options.retries
                if not (resendable and retries_left and body_broke_off(exc)):
                    raise
                attempt += 1
                self._pause_before_resend(method, url, attempt)

    def _pause_before_resend(self, method: str, url: str, attempt: int) -> None:
        logger.debug(
            "%s %s: the answer broke off mid-body; resending (retry %d of %d)",
            method,
            redact_url(url),
            attempt,
            self.options.retries,
        )
        time.sleep(self.options.backoff * 2 ** (attempt - 1))

    def close(self) -> None:
        """Close pooled connections."""
        self.session.close()

    @staticmethod
    def _log(
        method: str, url: str, status: object, started: float, correlation_id: str
    ) -> None:
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.debug(
            "%s %s -> %s in %.0f ms (correlation id %s)",
            method,
            redact_url(url),
            status,
            elapsed_ms,
            correlation_id,
        )


def transport_error(
    exc: requests.RequestException, method: str, url: str
) -> TransportError:
    """The swfkit exception for a requests failure."""
    where = f"{method} {redact_url(url)}"
    if isinstance(exc, requests.exceptions.SSLError) or _caused_by_tls(exc):
        return TlsError(f"TLS handshake failed for {where}: {_reason(exc)}")
    if isinstance(exc, requests.exceptions.Timeout) or _caused_by_timeout(exc):
        return TimeoutError_(f"no answer in time for {where}: {_reason(exc)}")
    if isinstance(
        exc,
        requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError,
    ):
        return ConnectError(f"connection failed for {where}: {_reason(exc)}")
    return TransportError(f"request failed for {where}: {_reason(exc)}")


def body_broke_off(exc: requests.RequestException) -> bool:
    """True when the headers arrived but the body did not arrive whole.

    requests raises these while reading the body: a connection closed before
    the promised length (ChunkedEncodingError) or a stall between body bytes
    (a bare ReadTimeoutError; before the headers urllib3 wraps it in
    MaxRetryError once its own retries are spent).
    """
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return True
    return isinstance(exc, requests.exceptions.ConnectionError) and bool(
        exc.args and isinstance(exc.args[0], urllib3_exceptions.ReadTimeoutError)
    )


def api_error(
    response: requests.Response, method: str, correlation_id: str
) -> ApiError:
    """The swfkit exception for an error status, with the problem+json body."""
    problem: dict[str, Any] | None = None
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    if media_type.endswith("json"):
        try:
            body = response.json()
            problem = body if isinstance(body, dict) else None
        except ValueError:
            problem = None
    response.close()
    error_class = api_error_class(response.status_code)
    return error_class(
        status=response.status_code,
        method=method,
        url=redact_url(response.url),
        problem=problem,
        correlation_id=response.headers.get(CORRELATION_HEADER)
        or (problem or {}).get("correlationId")
        or correlation_id,
    )


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps, outermost first.

    urllib3 and requests wrap the real reason in ``args[0]`` or ``reason``
    rather than ``__cause__``, so all three are followed.
    """
    chain = [exc]
    while len(chain) < 12:
        current = chain[-1]
        candidates = (
            getattr(current, "reason", None),
            current.args[0] if current.args else None,
            current.__cause__,
            current.__context__,
        )
        nested = next((c for c in candidates if isinstance(c, BaseException)), None)
        if nested is None or nested in chain:
            break
        chain.append(nested)
    return chain


def _caused_by_tls(exc: BaseException) -> bool:
    # A rejected client certificate (TLS 1.3) surfaces after the handshake,
    # wrapped in a connection error.
    return any(isinstance(cause, ssl.SSLError) for cause in _causes(exc))


def _caused_by_timeout(exc: BaseException) -> bool:
    # Once retries are exhausted requests reports a read timeout as a plain
    # ConnectionError; the timeout is further down. A refused connection is
    # a NewConnectionError, which urllib3 derives from its timeout class.
    return any(
        isinstance(cause, urllib3_exceptions.TimeoutError | TimeoutError)
        and not isinstance(cause, urllib3_exceptions.NewConnectionError)
        for cause in _causes(exc)
    )


def _reason(exc: BaseException) -> str:
    # The innermost reason is what a user can act on; the wrappers repeat
    # the URL and the connection pool.
    inner = _causes(exc)[-1]
    return str(inner) or type(inner).__name__
