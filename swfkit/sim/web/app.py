"""The simulator's WSGI application (Flask).

Per request: a correlation id, the caller's identity, contract validation
of the request, the route, contract validation of the response, and one log
line. Every refusal is ``application/problem+json``; an unexpected error is
a logged 500, never a traceback on the wire.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from swfkit.contract import openapi_for_core
from swfkit.errors import ConfigurationError
from swfkit.sim.blobs import BlobStore
from swfkit.sim.clock import Clock, SystemClock, format_timestamp
from swfkit.sim.problems import PROBLEM_MEDIA_TYPE, Problem
from swfkit.sim.rules import RuleBook
from swfkit.sim.storage import Store
from swfkit.sim.web import (
    actieverzoeken,
    documenten,
    notificaties,
    openapi_doc,
    samenwerkingen,
)
from swfkit.sim.web.common import MAX_JSON_BYTES
from swfkit.sim.web.identity import resolve_caller
from swfkit.sim.web.runtime import EXTENSION, Runtime, runtime
from swfkit.sim.web.validation import ContractValidator
from swfkit.sim.world import WORLD_FILE, World

logger = logging.getLogger(__name__)

CORRELATION_HEADER = "X-Correlation-ID"
ACTING_OIN_KEY = "swfkit.acting_oin"
_CORRELATION = re.compile(r"[\x21-\x7e]{1,128}")
_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_UPLOAD = "documenten.upload_document"
_DOWNLOAD = "documenten.download_document"
_TITLES = {
    400: "Ongeldige invoer",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    413: "Bestand te groot",
    415: "Mediatype niet ondersteund",
}


def build_runtime(
    world: World,
    clock: Clock | None = None,
    *,
    validator: ContractValidator | None = None,
) -> Runtime:
    """Open the world's storage and prepare everything requests share."""
    try:
        rules = RuleBook(world.settings.disabled_rules)
    except ValueError as exc:
        raise ConfigurationError(
            str(exc),
            source=world.directory / WORLD_FILE,
            fix="list only rule ids from swfkit.sim.rules under settings.disabledRules",
        ) from exc
    store = Store(world.db_path)
    blobs = BlobStore(world.blob_dir)
    with store.read() as db:
        referenced = {row["blob"] for row in db.execute("SELECT blob FROM document")}
    blobs.sweep(referenced)
    return Runtime(
        world=world,
        store=store,
        blobs=blobs,
        rules=rules,
        clock=clock or SystemClock(),
        validator=validator
        or ContractValidator(openapi_for_core(), world.settings.oin_header),
    )


def create_app(rt: Runtime) -> Flask:
    """The Flask app serving the contract under the world's base path."""
    app = Flask("swfkit.sim")
    # OPTIONS is not in the contract; let it be a 405 like any other method.
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    app.extensions[EXTENSION] = rt
    prefix = rt.world.settings.base_path
    for module in (
        samenwerkingen,
        documenten,
        actieverzoeken,
        notificaties,
        openapi_doc,
    ):
        app.register_blueprint(module.bp, url_prefix=prefix)
    app.before_request(_before)
    app.after_request(_after)
    app.register_error_handler(Problem, _problem_response)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.wsgi_app = RequestLog(app.wsgi_app)  # type: ignore[method-assign]
    return app


class RequestLog:
    """WSGI middleware: one line per request, never a body or certificate."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        started = time.perf_counter()
        status: list[str] = []

        def capture(line: str, headers: Any, exc_info: Any = None) -> Any:
            status.append(line.split(" ", 1)[0])
            return start_response(line, headers, exc_info)

        try:
            return self.app(environ, capture)
        finally:
            logger.info(
                "%s %s %s %s %.1fms",
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"),
                status[0] if status else "-",
                environ.get(ACTING_OIN_KEY, "-"),
                (time.perf_counter() - started) * 1000,
            )


def _before() -> None:
    rt = runtime()
    g.correlation_id = _correlation_id()
    g.now = format_timestamp(rt.clock.now())
    if not _in_contract():
        # Unknown path or method (werkzeug adds HEAD to every GET route):
        # answered by the error handlers, never checked against the contract.
        if request.routing_exception is None:
            raise MethodNotAllowed()
        return
    if request.endpoint != _UPLOAD and (request.content_length or 0) > MAX_JSON_BYTES:
        raise Problem(
            413,
            "Body te groot",
            "De body is groter dan 1 MiB; alleen een document mag groter zijn.",
            invalid_params=[{"name": "body", "reason": "te groot"}],
        )
    g.caller = resolve_caller(request.environ, request.headers, rt.world, rt.rules)
    request.environ[ACTING_OIN_KEY] = g.caller.oin
    rt.validator.check_request(
        request, _relative_path(), body=request.endpoint != _UPLOAD
    )


def _after(response: Response) -> Response:
    rt = runtime()
    if rt.validator.enabled and _in_contract() and response.status_code < 500:
        response = _checked(rt, response)
    response.headers[CORRELATION_HEADER] = g.get("correlation_id") or _new_id()
    return response


def _checked(rt: Runtime, response: Response) -> Response:
    """The response, or a 500 in its place when it breaks the contract."""
    errors = rt.validator.response_errors(
        request, _relative_path(), response, body=request.endpoint != _DOWNLOAD
    )
    if not errors:
        return response
    logger.error(
        "response breaks the contract: %s %s %s: %s",
        request.method,
        request.path,
        response.status_code,
        "; ".join(errors),
    )
    if not rt.world.settings.strict_responses:
        return response
    return _problem_response(
        Problem(
            500,
            "Antwoord in strijd met het contract",
            "; ".join(errors),
            slug="contractschending",
        )
    )


def _problem_response(problem: Problem) -> Response:
    # The decoded path may hold spaces or control characters; `instance` is
    # a URI reference, so it goes back on the wire percent-encoded.
    instance = quote(request.path, safe="/!$&'()*+,;=:@-._~")
    body = problem.body(
        instance=instance, correlation_id=g.get("correlation_id") or _new_id()
    )
    return Response(
        json.dumps(body, ensure_ascii=False),
        status=problem.status,
        mimetype=PROBLEM_MEDIA_TYPE,
    )


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    title = _TITLES.get(status, error.name)
    return _problem_response(Problem(status, title, error.description or title))


def _unexpected(error: Exception) -> Response:
    logger.error(
        "unexpected error on %s %s", request.method, request.path, exc_info=error
    )
    return _problem_response(
        Problem(500, "Interne fout", "Er ging iets mis in de simulator.")
    )


def _in_contract() -> bool:
    return request.routing_exception is None and request.method in _METHODS


def _relative_path() -> str:
    return request.path[len(runtime().world.settings.base_path) :]


def _correlation_id() -> str:
    sent = request.headers.get(CORRELATION_HEADER)
    return sent if sent and _CORRELATION.fullmatch(sent) else _new_id()


def _new_id() -> str:
    return str(uuid.uuid4())
