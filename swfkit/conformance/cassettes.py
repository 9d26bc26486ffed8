"""Recording and replaying scenarios as vcrpy cassettes.

One cassette per scenario, at ``<dir>/<feature file stem>/<scenario slug>.yaml``.

**Scrubbing.** Every recorded request and response passes through
:mod:`swfkit.redact`, the redaction the client uses for its logs: no PEM
block, key, DER blob, credential header or password survives. The OIN header
stays (OINs are public register data) and so does ``X-Correlation-ID`` (not
secret, and what a DSO service desk asks for). The server's origin
(``https://127.0.0.1:PORT`` or a DSO host name) is replaced everywhere, in
URLs, ``Location`` headers and HAL links, by :data:`CASSETTE_ORIGIN`, so
cassettes do not change with the port and do not reveal internal host names.

**Matching.** Replay must not depend on the clock or on chance. A recorded
request matches when method and path are equal and the query parameters and
JSON body are equal after normalising the values that change per run: the
run id in ``nummerBinnenSysteem`` (see :mod:`swfkit.conformance.runid`) and
the time window of a notificaties query (``eventDatumTijd[gt]``,
``eventDatumTijd[lte]``), which the steps compute from the clock. A
multipart upload matches on its query parameters only: its boundary is
random. Headers never take part (the correlation id is random).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import vcr
from vcr.request import Request

from swfkit.conformance.runid import MARK_PATTERN
from swfkit.redact import redact_headers, redact_text, redact_url

logger = logging.getLogger(__name__)

CASSETTE_ORIGIN = "https://swf.cassette.invalid"
MATCHER = "swf_request"
VOLATILE_QUERY = frozenset({"eventDatumTijd[gt]", "eventDatumTijd[lte]"})
_RUN_PLACEHOLDER = "<run>"
_TIME_PLACEHOLDER = "<tijd>"
# A digest is a hash of public content, and its base64 can look like DER to
# the redaction: leave it alone so replayed downloads still verify.
_DIGEST_HEADERS = frozenset({"repr-digest", "content-digest", "digest", "etag"})


def slugify(text: str) -> str:
    """A file-name-safe slug: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "scenario"


def cassette_path(directory: Path, feature_file: str, scenario_name: str) -> Path:
    """Where the cassette of one scenario lives."""
    return Path(directory) / Path(feature_file).stem / f"{slugify(scenario_name)}.yaml"


def make_vcr(
    directory: Path, *, record_mode: str, origin: str, secrets: tuple[str, ...] = ()
) -> vcr.VCR:
    """A vcrpy instance that scrubs, rebases and matches the swfkit way.

    Args:
        directory: The cassette folder.
        record_mode: ``"none"`` to replay only, ``"all"`` to record afresh.
        origin: The real server origin (scheme, host, port) to replace.
        secrets: Known secret values (PKCS#12 passwords) to remove as well.
    """
    recorder = vcr.VCR(
        cassette_library_dir=str(directory),
        record_mode=record_mode,
        match_on=[MATCHER],
        before_record_request=request_scrubber(origin, secrets),
        before_record_response=response_scrubber(origin, secrets),
        decode_compressed_response=True,
    )
    recorder.register_matcher(MATCHER, swf_request_matcher)
    return recorder


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def request_scrubber(
    origin: str, secrets: tuple[str, ...]
) -> Callable[[Request], Request]:
    """The ``before_record_request`` hook: redact and rebase one request."""

    def scrub(request: Request) -> Request:
        body = request.body
        if not isinstance(body, (bytes, str)) and body is not None:
            # A streamed body (the multipart upload) would be stored as a
            # Python object; a fresh request holds it as plain bytes.
            request = Request(
                request.method, request.uri, _body_bytes(body), request.headers
            )
        else:
            request.body = _scrub_body(body, origin, secrets)
        request.uri = _rebase(redact_url(request.uri), origin)
        request.headers = _scrub_headers(dict(request.headers), origin, secrets)
        return request

    return scrub


def response_scrubber(
    origin: str, secrets: tuple[str, ...]
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The ``before_record_response`` hook: redact and rebase one response."""

    def scrub(response: dict[str, Any]) -> dict[str, Any]:
        body = response["body"].get("string")
        cleaned = _scrub_body(body, origin, secrets)
        response["body"]["string"] = cleaned
        headers = _scrub_headers(response["headers"], origin, secrets)
        if cleaned is not None and cleaned != body:
            _set_header(headers, "Content-Length", str(len(cleaned)))
        response["headers"] = headers
        return response

    return scrub


def _scrub_headers(
    headers: dict[str, Any], origin: str, secrets: tuple[str, ...]
) -> dict[str, Any]:
    kept = {k: v for k, v in headers.items() if k.lower() in _DIGEST_HEADERS}
    cleaned = redact_headers({k: v for k, v in headers.items() if k not in kept})
    for name, value in cleaned.items():
        cleaned[name] = _rebase_value(value, origin, secrets)
    return {**cleaned, **kept}


def _rebase_value(value: Any, origin: str, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, list):
        return [_rebase_value(item, origin, secrets) for item in value]
    return redact_text(str(value).replace(origin, CASSETTE_ORIGIN), secrets)


def _scrub_body(body: Any, origin: str, secrets: tuple[str, ...]) -> Any:
    """Redact a textual body; leave binary bodies (PDFs, multipart) as they are."""
    if not isinstance(body, (bytes, bytearray, str)):
        return body
    raw = body.encode() if isinstance(body, str) else bytes(body)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return body
    if "\x00" in text:
        return body
    cleaned = redact_text(text.replace(origin, CASSETTE_ORIGIN), secrets)
    return cleaned.encode("utf-8") if cleaned != text else raw


def _rebase(url: str, origin: str) -> str:
    return CASSETTE_ORIGIN + url[len(origin) :] if url.startswith(origin) else url


def _set_header(headers: dict[str, Any], name: str, value: str) -> None:
    for key in list(headers):
        if key.lower() == name.lower():
            headers[key] = [value]


def swf_request_matcher(r1: Request, r2: Request) -> None:
    """vcrpy matcher: method, path, normalised query and JSON body.

    Raises:
        AssertionError: naming what differs, which vcrpy shows when no
            recorded request matches.
    """
    if r1.method != r2.method:
        raise AssertionError(f"method {r1.method} != {r2.method}")
    if r1.path != r2.path:
        raise AssertionError(f"path {r1.path} != {r2.path}")
    q1, q2 = normalised_query(r1.uri), normalised_query(r2.uri)
    if q1 != q2:
        raise AssertionError(f"query {q1} != {q2}")
    b1, b2 = normalised_body(r1), normalised_body(r2)
    if b1 != b2:
        raise AssertionError(f"body {b1!r} != {b2!r}")


def normalised_query(uri: str) -> list[tuple[str, str]]:
    """Query parameters, sorted, with per-run values replaced by placeholders."""
    pairs = parse_qsl(urlsplit(uri).query, keep_blank_values=True)
    return sorted(
        (name, _TIME_PLACEHOLDER if name in VOLATILE_QUERY else _normalise(value))
        for name, value in pairs
    )


def normalised_body(request: Request) -> Any:
    """The body as matched: parsed JSON with placeholders, or raw bytes."""
    content_type = _header(request, "content-type")
    if content_type.startswith("multipart/"):
        return "<multipart>"
    raw = _body_bytes(request.body)
    if not raw:
        return None
    try:
        return _normalise(json.loads(raw))
    except (ValueError, TypeError):
        return raw


def _body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if hasattr(body, "read"):
        return bytes(body.read())
    if isinstance(body, list):
        return b"".join(body)
    return body.encode() if isinstance(body, str) else bytes(body)


def _header(request: Request, name: str) -> str:
    for key, value in request.headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value).lower()
    return ""


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return MARK_PATTERN.sub(_RUN_PLACEHOLDER, value)
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    return value
