"""Every exception swfkit raises.

The tree::

    SwfkitError
    ├── ConfigurationError (also ValueError)   settings, files, passwords
    ├── InvalidOinError (also ValueError)      a malformed OIN or KvK number
    ├── ForeignUrlError (also ValueError)      a URL outside the base URL
    ├── IntegrityError                         a download's size or hash is wrong
    ├── CursorBusyError                        another poller holds the cursor
    ├── SimulatorStartError                    a simulator process did not listen
    ├── TransportError                         nothing usable came back
    │   ├── ConnectError
    │   ├── TlsError
    │   └── TimeoutError_
    └── ApiError                               the SWF answered with an error
        ├── BadRequestError         400
        ├── ForbiddenError          403
        ├── NotFoundError           404
        ├── ConflictError           409
        ├── PayloadTooLargeError    413
        ├── TooManyRequestsError    429
        └── ServerError             5xx
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class SwfkitError(Exception):
    """Root of every swfkit exception."""


class ConfigurationError(SwfkitError, ValueError):
    """A setting or file is missing, unreadable or wrong.

    ``source`` names the file or setting; ``fix`` says what to do.
    """

    def __init__(
        self, message: str, *, source: str | Path | None = None, fix: str | None = None
    ) -> None:
        self.source = str(source) if source is not None else None
        self.fix = fix
        super().__init__(message)

    def __str__(self) -> str:
        text = self.args[0]
        if self.source:
            text = f"{self.source}: {text}"
        if self.fix:
            text = f"{text} ({self.fix})"
        return text


class InvalidOinError(SwfkitError, ValueError):
    """A value is not a well-formed OIN or KvK number."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"{value!r} is not a valid OIN: {reason}")


class ForeignUrlError(SwfkitError, ValueError):
    """A URL points outside the client's base URL; nothing was sent."""


class TransportError(SwfkitError):
    """The request did not produce a usable HTTP response."""


class ConnectError(TransportError):
    """The connection could not be made or was lost."""


class TlsError(TransportError):
    """The TLS handshake failed: certificate, chain or protocol."""


class TimeoutError_(TransportError):
    """The server did not answer within the configured timeout."""


class ApiError(SwfkitError):
    """The SWF answered with an error status.

    Carries the parsed problem+json body where the server sent one.
    """

    def __init__(
        self,
        *,
        status: int,
        method: str,
        url: str,
        problem: dict[str, Any] | None = None,
        correlation_id: str | None = None,
    ) -> None:
        self.status = status
        self.method = method
        self.url = url
        self.problem = problem or {}
        self.correlation_id = correlation_id or self.problem.get("correlationId")
        super().__init__(self._message())

    @property
    def title(self) -> str | None:
        return self.problem.get("title")

    @property
    def detail(self) -> str | None:
        return self.problem.get("detail")

    @property
    def invalid_params(self) -> list[dict[str, Any]]:
        return list(self.problem.get("invalidParams") or [])

    def _message(self) -> str:
        text = f"{self.status} {self.title or 'error'} for {self.method} {self.url}"
        if self.detail:
            text += f": {self.detail}"
        for param in self.invalid_params:
            reason = str(param.get("reason"))
            if reason in (self.detail or ""):
                # The detail already says it, only the field is new.
                text += f" [{param.get('name')}]"
            else:
                text += f"; {param.get('name')}: {reason}"
        return text


class BadRequestError(ApiError):
    """400: the request was malformed or a value was invalid."""


class ForbiddenError(ApiError):
    """403: not allowed for this certificate, OIN, subscription or role."""


class NotFoundError(ApiError):
    """404: does not exist, or the acting organisation may not see it."""


class ConflictError(ApiError):
    """409: not allowed in the current state (closed, wrong transition)."""


class PayloadTooLargeError(ApiError):
    """413: the upload is over the server's size limit."""


class TooManyRequestsError(ApiError):
    """429: rate limited, and retries did not get through."""


class ServerError(ApiError):
    """5xx: the server failed."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: TooManyRequestsError,
}


def api_error_class(status: int) -> type[ApiError]:
    """The exception class for an HTTP error status."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, ApiError)


class IntegrityError(SwfkitError):
    """A downloaded document does not match its announced size or hash.

    The partial file is removed; ``expected`` and ``actual`` say what differed.
    """

    def __init__(self, message: str, *, expected: str, actual: str) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(f"{message}: expected {expected}, got {actual}")


class CursorBusyError(SwfkitError):
    """Another poller kept the notification cursor file locked for too long."""


class SimulatorStartError(SwfkitError):
    """A simulator process ended or stayed silent before it listened."""
