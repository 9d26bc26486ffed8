"""What a CLI user can do about an error, added to its one line.

The exception says what went wrong; the hint says where to look next. Errors
that carry their own fix (configuration, a busy cursor) or whose server
detail already explains itself (404, 409, 413) get none.
"""

from __future__ import annotations

from swfkit.errors import (
    ConnectError,
    ForbiddenError,
    IntegrityError,
    InvalidOinError,
    ServerError,
    SwfkitError,
    TimeoutError_,
    TlsError,
    TooManyRequestsError,
)

_DOCTOR = "run `swfkit doctor` to check"

_HINTS: tuple[tuple[type[SwfkitError], str], ...] = (
    (TlsError, f"{_DOCTOR} the certificate, its chain and the trust bundle"),
    (
        TimeoutError_,
        "try again; a slow server may need read_timeout raised in your profile",
    ),
    (
        ConnectError,
        "check the base URL and that the server runs; for the simulator: "
        "`swfkit sim serve --dir WORLD`",
    ),
    (ForbiddenError, f"{_DOCTOR} the OIN header, the mandate and the subscription"),
    (IntegrityError, "download again; the incomplete file was removed"),
    (
        InvalidOinError,
        "an OIN is the 20-character serialNumber in a PKIoverheid certificate "
        "(`swfkit doctor` shows yours); a KvK number has 8 digits",
    ),
)


def hint_for(error: SwfkitError) -> str | None:
    """The next step for ``error``, or None when it says enough itself."""
    if isinstance(error, ServerError | TooManyRequestsError):
        return _try_later(error.correlation_id)
    for kind, hint in _HINTS:
        if isinstance(error, kind):
            return hint
    return None


def _try_later(correlation_id: str | None) -> str:
    if not correlation_id:
        return "try again later"
    return f"try again later; quote correlation id {correlation_id} when reporting it"
