"""The one redaction function family: logs, ``repr`` and cassette filters.

Everything that leaves swfkit as text (a log line, a ``repr``, a recorded
cassette) passes through here first. Removed: PEM blocks of any kind
(certificates, keys, PKCS#7), base64 DER blobs (certificates, keys, PKCS#12
stores), credential headers, password-like query parameters and key/value
pairs, and URL user info. OINs and KvK numbers are public register data and
stay, so logs remain useful for support.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

REDACTED = "[REDACTED]"

SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
    }
)

# Words that mark a name as holding a secret whatever its exact spelling
# (x-auth-token, client_secret, pkcs12Password, ...).
_SECRET_WORDS = r"passw|passphrase|secret|token|api[-_]?key|apikey"
_SECRET_NAME = re.compile(
    rf"{_SECRET_WORDS}|pwd|signature|sig$|credential", re.IGNORECASE
)

_PEM_BLOCK = re.compile(
    r"-----BEGIN [A-Z0-9 #]+-----.*?(?:-----END [A-Z0-9 #]+-----|\Z)",
    re.DOTALL,
)

# DER starts with a SEQUENCE tag (0x30), which base64 renders as "M". Lines
# may be split by real or JSON-escaped newlines. The smallest secret we must
# catch, an Ed25519 PKCS#8 key, is 64 characters; a SHA-256 digest is 44, so
# 60 keeps digests (Repr-Digest, documentHash in base64) intact.
_B64 = r"A-Za-z0-9+/"
_DER_BLOB = re.compile(
    rf"(?<![{_B64}])M[{_B64}]{{59,}}(?:(?:\\r|\r)?(?:\\n|\n)[{_B64}]{{4,}})*=*"
)

_SECRET_KEY = rf"[\w.-]*(?:{_SECRET_WORDS})[\w.-]*"
_CREDENTIAL_HEADER = r"authorization|proxy-authorization|cookie|set-cookie|x-api-key"

# `password=...`, `"pkcs12Password": "..."`, `'Authorization': 'Basic ...'`.
_SECRET_PAIR = re.compile(
    rf"""(?P<key>(?P<q>["']?)(?:{_SECRET_KEY}|{_CREDENTIAL_HEADER})(?P=q)\s*[:=]\s*)"""
    r"""(?:"[^"]*"|'[^']*'|[^\s,;&}"']+)""",
    re.IGNORECASE,
)

# `Authorization: Basic ...` as in a header dump: the value runs to the line end.
_HEADER_LINE = re.compile(
    rf"(?im)\b(?P<name>{_CREDENTIAL_HEADER})(?P<sep>[ \t]*:[ \t]*)(?P<value>.*)$"
)

H = TypeVar("H", str, list[str])


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Remove key material and secrets from free text.

    Args:
        text: any text: a log message, an exception, a response body.
        secrets: known secret values (a PKCS#12 password) to remove wherever
            they occur.

    Returns:
        The text with every secret replaced by ``[REDACTED]``.
    """
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = _PEM_BLOCK.sub("[REDACTED PEM]", text)
    text = _DER_BLOB.sub("[REDACTED DER]", text)
    text = _HEADER_LINE.sub(rf"\g<name>\g<sep>{REDACTED}", text)
    return _SECRET_PAIR.sub(_redact_pair, text)


def _redact_pair(match: re.Match[str]) -> str:
    value = match.group(0)[len(match.group("key")) :]
    quote_char = value[0] if value[:1] in {'"', "'"} else ""
    return f"{match.group('key')}{quote_char}{REDACTED}{quote_char}"


def is_sensitive_name(name: str) -> bool:
    """Whether a header or parameter name marks its value as a secret."""
    return name.lower() in SENSITIVE_HEADERS or bool(_SECRET_NAME.search(name))


def redact_headers(headers: Mapping[str, H]) -> dict[str, H]:
    """A copy of ``headers`` with secret values replaced.

    Credential headers lose their value entirely; every other value is passed
    through :func:`redact_text` (a proxy may forward a client certificate in
    a header). Values may be strings or lists of strings (cassette format).
    """
    result: dict[str, H] = {}
    for name, value in headers.items():
        result[name] = _redact_header_value(name, value)
    return result


def _redact_header_value(name: str, value: H) -> H:
    if isinstance(value, list):
        return [_redact_header_value(name, item) for item in value]
    if is_sensitive_name(name):
        return REDACTED
    return redact_text(value)


def redact_url(url: str) -> str:
    """``url`` without user info and without password-like query values."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:{REDACTED}@{hostport}" if ":" in userinfo else netloc

    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(is_sensitive_name(name) for name, _ in pairs):
        cleaned = [(k, REDACTED if is_sensitive_name(k) else v) for k, v in pairs]
        query = urlencode(cleaned, safe="[]:", quote_via=quote)
    return redact_text(urlunsplit((parts.scheme, netloc, parts.path, query, "")))
