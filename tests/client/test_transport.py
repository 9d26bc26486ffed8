"""Transport over real mutual TLS on 127.0.0.1: headers, reuse, retries, trust."""

from __future__ import annotations

import logging
import ssl
import threading
import time

import pytest

from swfkit.client.transport import CORRELATION_HEADER
from swfkit.errors import (
    BadRequestError,
    ConflictError,
    ConnectError,
    ForbiddenError,
    ForeignUrlError,
    NotFoundError,
    PayloadTooLargeError,
    ServerError,
    TimeoutError_,
    TlsError,
    TooManyRequestsError,
)
from swfkit.pki import TestPki

from .tls_server import CLIENT_OIN, RESET, Reply, Seen, json_reply


def test_request_sends_oin_header_and_client_certificate(tls_server, make_transport):
    server = tls_server()
    transport = make_transport(server)

    transport.request("GET", "samenwerkingen")

    seen = server.requests[0]
    assert seen.headers["X-OIN"] == CLIENT_OIN
    assert seen.path == "/api/v5/samenwerkingen"
    subject = dict(pair[0] for pair in seen.peer_cert["subject"])
    assert subject["serialNumber"] == CLIENT_OIN


def test_correlation_id_differs_per_request(tls_server, make_transport):
    server = tls_server()
    transport = make_transport(server)

    for _ in range(3):
        transport.request("GET", "samenwerkingen")

    ids = [seen.headers[CORRELATION_HEADER] for seen in server.requests]
    assert len(set(ids)) == 3


def test_many_calls_share_one_handshake(tls_server, make_transport):
    server = tls_server()
    transport = make_transport(server)

    for _ in range(20):
        transport.request("GET", "samenwerkingen")

    assert len(server.requests) == 20
    assert server.connections == 1
    assert transport.options.ssl_context.session_stats()["connect"] == 1


def _reset_first(method: str):
    """Reset the first request's connection; answer the rest."""
    calls = {"n": 0}

    def respond(seen: Seen) -> Reply | object:
        calls["n"] += 1
        return RESET if calls["n"] == 1 else Reply()

    return respond


def test_post_hit_by_connection_reset_is_not_retried(tls_server, make_transport):
    server = tls_server(_reset_first("POST"))
    transport = make_transport(server)

    with pytest.raises(ConnectError):
        transport.request("POST", "samenwerkingen", json={"titel": "x"})

    assert [seen.method for seen in server.requests] == ["POST"]


def test_get_hit_by_connection_reset_is_retried(tls_server, make_transport):
    server = tls_server(_reset_first("GET"))
    transport = make_transport(server)

    response = transport.request("GET", "samenwerkingen")

    assert response.status_code == 200
    assert [seen.method for seen in server.requests] == ["GET", "GET"]


def _busy_first(status: int, retry_after: str):
    calls = {"n": 0}

    def respond(seen: Seen) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return json_reply("{}", status, **{"Retry-After": retry_after})
        return Reply()

    return respond


@pytest.mark.parametrize("status", [429, 503])
def test_get_retried_after_busy_status_honouring_retry_after(
    tls_server, make_transport, status
):
    server = tls_server(_busy_first(status, "1"))
    transport = make_transport(server)

    started = time.monotonic()
    response = transport.request("GET", "notificaties")

    assert response.status_code == 200
    assert len(server.requests) == 2
    assert time.monotonic() - started >= 0.95


def test_post_not_retried_after_busy_status(tls_server, make_transport):
    server = tls_server(_busy_first(503, "0"))
    transport = make_transport(server)

    with pytest.raises(ServerError):
        transport.request("POST", "samenwerkingen", json={})

    assert len(server.requests) == 1


def test_retries_end_in_too_many_requests_error(tls_server, make_transport):
    server = tls_server(lambda seen: json_reply("{}", 429, **{"Retry-After": "0"}))
    transport = make_transport(server, retries=2)

    with pytest.raises(TooManyRequestsError):
        transport.request("GET", "samenwerkingen")

    assert len(server.requests) == 3


def test_foreign_href_refused_before_anything_is_sent(tls_server, make_transport):
    server = tls_server()
    transport = make_transport(server)
    other_port = "https://127.0.0.1:1/api/v5/samenwerkingen"

    for ref in (other_port, "https://localhost/api/v5/x", "/elsewhere", "../v4/x"):
        with pytest.raises(ForeignUrlError):
            transport.request("GET", ref)

    assert server.requests == []
    assert server.connections == 0


def test_session_refuses_foreign_url_even_when_used_directly(
    tls_server, make_transport
):
    server = tls_server()
    transport = make_transport(server)

    with pytest.raises(ForeignUrlError):
        transport.session.get("https://127.0.0.1:9/elsewhere")


PROBLEM = (
    '{"type": "urn:swfkit:probleem:x", "title": "Fout", "status": %d, '
    '"detail": "uitleg", "correlationId": "c-1", '
    '"invalidParams": [{"name": "titel", "reason": "verplicht"}]}'
)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, ConflictError),
        (413, PayloadTooLargeError),
        (500, ServerError),
    ],
)
def test_error_status_raises_typed_error_with_problem(
    tls_server, make_transport, status, error_class
):
    body = PROBLEM % status
    server = tls_server(
        lambda seen: json_reply(
            body, status, **{"Content-Type": "application/problem+json"}
        )
    )
    transport = make_transport(server)

    with pytest.raises(error_class) as caught:
        transport.request("GET", "samenwerkingen/SAM-1")

    error = caught.value
    assert error.status == status
    assert error.title == "Fout"
    assert error.detail == "uitleg"
    assert error.correlation_id == "c-1"
    assert error.invalid_params == [{"name": "titel", "reason": "verplicht"}]


def test_error_without_problem_body_keeps_sent_correlation_id(
    tls_server, make_transport
):
    server = tls_server(
        lambda seen: Reply(404, b"not json", {"Content-Type": "text/plain"})
    )
    transport = make_transport(server)

    with pytest.raises(NotFoundError) as caught:
        transport.request("GET", "samenwerkingen/SAM-1")

    assert caught.value.correlation_id == server.requests[0].headers[CORRELATION_HEADER]


def test_env_ca_bundle_does_not_change_trust(
    tls_server, make_transport, other_pki: TestPki, monkeypatch, tmp_path
):
    for name in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, str(other_pki.ca_bundle_path))
    ours = tls_server()
    theirs = tls_server(cert=other_pki.issue_server("imposter"))

    assert make_transport(ours).request("GET", "x").status_code == 200
    with pytest.raises(TlsError):
        make_transport(theirs).request("GET", "x")
    assert theirs.requests == []


def test_server_refusing_client_certificate_raises_tls_error(
    tls_server, make_transport, pki: TestPki
):
    server = tls_server()
    bare = ssl.create_default_context(cafile=str(pki.ca_bundle_path))

    with pytest.raises(TlsError):
        make_transport(server, ssl_context=bare).request("GET", "x")

    assert server.requests == []


def test_slow_answer_raises_timeout_error(tls_server, make_transport):
    release = threading.Event()

    def slow(seen: Seen) -> Reply:
        release.wait(5)
        return Reply()

    server = tls_server(slow)
    transport = make_transport(server, read_timeout=0.3, retries=0)
    try:
        with pytest.raises(TimeoutError_):
            transport.request("GET", "x")
    finally:
        release.set()


def test_refused_connection_raises_connect_error(tls_server, make_transport):
    server = tls_server()
    transport = make_transport(server, retries=1)
    server.__exit__(None, None, None)

    with pytest.raises(ConnectError):
        transport.request("GET", "x")


def test_debug_log_line_names_request_but_no_body(tls_server, make_transport, caplog):
    server = tls_server(lambda seen: json_reply('{"geheim": "antwoord"}'))
    transport = make_transport(server)

    with caplog.at_level(logging.DEBUG, logger="swfkit.client.transport"):
        transport.request("POST", "documenten?password=hunter2", json={"a": "lichaam"})

    lines = [r.getMessage() for r in caplog.records if r.name.startswith("swfkit")]
    assert len(lines) == 1
    line = lines[0]
    sent_id = server.requests[0].headers[CORRELATION_HEADER]
    assert "POST" in line and "200" in line and sent_id in line and " ms" in line
    assert "hunter2" not in line and "lichaam" not in line and "antwoord" not in line
