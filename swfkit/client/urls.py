"""The client's base URL and the guard that keeps every request inside it.

A client is pinned to one base URL. Relative paths and HAL hrefs are joined
onto it; anything that would leave it (another scheme, host or port, or a
path that climbs out of the base path) raises :class:`ForeignUrlError`
before a byte is sent, so a hostile or broken ``_links.next`` cannot make the
client present its certificate elsewhere.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from swfkit.errors import ConfigurationError, ForeignUrlError
from swfkit.redact import redact_url

_DEFAULT_PORTS = {"https": 443, "http": 80}

# Dot segments hidden behind percent-encoding ("%2e%2e") or a backslash are
# resolved by some servers; the guard refuses them rather than guessing.
_SUSPICIOUS = re.compile(r"%2e|%2f|%5c|\\", re.IGNORECASE)


@dataclass(frozen=True)
class BaseUrl:
    """A normalised base URL: scheme, host, port and a path without a slash.

    Attributes:
        scheme: ``https`` (or ``http`` for tests that ask for it).
        host: lower-case host name or address.
        port: explicit or default port.
        path: base path, no trailing slash (``""`` for the root).
    """

    scheme: str
    host: str
    port: int
    path: str

    @classmethod
    def parse(cls, url: str) -> BaseUrl:
        """Parse and check a configured base URL.

        Raises:
            ConfigurationError: the URL is not an absolute http(s) URL
                without query, fragment or user info.
        """
        parts = urlsplit(str(url).strip())
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise ConfigurationError(
                f"base URL {url!r} is not an absolute https URL",
                source="base_url",
                fix="use e.g. https://host/overheid/samenwerken/api/behandelen/v5",
            )
        if parts.query or parts.fragment or "@" in parts.netloc:
            raise ConfigurationError(
                "base URL may not hold user info, a query or a fragment",
                source="base_url",
                fix="remove everything after the path",
            )
        path = posixpath.normpath(parts.path) if parts.path else ""
        path = "" if path in {".", "/", "//"} else path.rstrip("/")
        try:
            port = parts.port or _DEFAULT_PORTS[scheme]
        except ValueError:
            raise ConfigurationError(
                f"base URL {url!r} has an invalid port", source="base_url"
            ) from None
        return cls(scheme, parts.hostname.lower(), port, path)

    @property
    def origin(self) -> str:
        """``scheme://host[:port]``, the port only when not the default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == _DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{host}"
        return f"{self.scheme}://{host}:{self.port}"

    def __str__(self) -> str:
        return self.origin + self.path

    def join(self, ref: str) -> str:
        """The absolute URL for a relative path, a HAL href or an absolute URL.

        ``"samenwerkingen/SAM-1"`` is relative to the base path; an href with
        a leading slash or a scheme must already lie under the base URL.

        Raises:
            ForeignUrlError: the result would leave this base URL.
        """
        try:
            parts = urlsplit(ref)
        except ValueError:
            raise ForeignUrlError(f"refused {ref!r}: not a URL") from None
        if parts.scheme or parts.netloc:
            self._check_origin(ref)
            path = parts.path
        elif ref.startswith("/"):
            path = parts.path
        else:
            path = f"{self.path}/{parts.path}"

        path = self._checked_path(ref, path)
        netloc = self.origin.split("://", 1)[1]
        return urlunsplit((self.scheme, netloc, path, parts.query, ""))

    def _check_origin(self, ref: str) -> None:
        parts = urlsplit(ref)
        scheme = parts.scheme.lower()
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            port = None
        same = (scheme, parts.hostname, port) == (self.scheme, self.host, self.port)
        if not same or "@" in parts.netloc:
            raise ForeignUrlError(
                f"refused {redact_url(ref)!r}: it is not on {self.origin}"
            )

    def _under_base(self, path: str) -> bool:
        return path == self.path or path.startswith(self.path + "/")

    def _checked_path(self, ref: str, path: str) -> str:
        if _SUSPICIOUS.search(path):
            raise ForeignUrlError(f"refused {redact_url(ref)!r}: encoded path parts")

        # Resolve dot segments the way a server would, then compare.
        normal = "/" + posixpath.normpath("/" + path).lstrip("/")
        if path.endswith("/") and normal != "/":
            normal += "/"
        if not self._under_base(normal.rstrip("/")):
            raise ForeignUrlError(
                f"refused {redact_url(ref)!r}: it leaves the base path {self.path}"
            )
        return normal


def segment(value: object) -> str:
    """One path segment from an id, percent-encoded so it cannot add a level.

    Raises:
        ValueError: the id is empty or a dot segment.
    """
    text = str(value)
    if not text or text in {".", ".."} or _SUSPICIOUS.search(text) or "/" in text:
        raise ValueError(f"{text!r} is not a usable id")
    return quote(text, safe="")
