"""Redaction: no certificate, key or header secret survives; OINs do."""

from __future__ import annotations

import base64
import datetime as dt
import json
from urllib.parse import unquote

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import assume, given
from hypothesis import strategies as st

from swfkit.redact import REDACTED, redact_headers, redact_text, redact_url


def _certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "redactie test")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )


def _material() -> dict[str, tuple[str, bytes]]:
    """name -> (PEM text, DER bytes) of real keys, a certificate and PKCS#12."""
    pkcs8 = serialization.PrivateFormat.PKCS8
    pem, der = serialization.Encoding.PEM, serialization.Encoding.DER
    none = serialization.NoEncryption()
    ec_key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(ec_key)
    keys = {
        "rsa": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "ec": ec_key,
        "ed25519": ed25519.Ed25519PrivateKey.generate(),
    }
    found = {
        f"{name} key": (
            key.private_bytes(pem, pkcs8, none).decode(),
            key.private_bytes(der, pkcs8, none),
        )
        for name, key in keys.items()
    }
    found["rsa traditional"] = (
        keys["rsa"]
        .private_bytes(pem, serialization.PrivateFormat.TraditionalOpenSSL, none)
        .decode(),
        keys["rsa"].private_bytes(
            der, serialization.PrivateFormat.TraditionalOpenSSL, none
        ),
    )
    found["certificate"] = (cert.public_bytes(pem).decode(), cert.public_bytes(der))
    p12 = pkcs12.serialize_key_and_certificates(
        b"x", ec_key, cert, None, serialization.BestAvailableEncryption(b"pw")
    )
    found["pkcs12"] = ("", p12)
    return found


MATERIAL = _material()
SEPARATORS = st.sampled_from([" ", "\n", '"', "'", ": ", "=", ",", "(", "\t", "> "])


def _forms(pem: str, der: bytes) -> list[str]:
    b64 = base64.b64encode(der).decode()
    wrapped = "\n".join(b64[i : i + 64] for i in range(0, len(b64), 64))
    forms = [b64, wrapped, json.dumps(wrapped)[1:-1], wrapped.replace("\n", "\r\n")]
    if pem:
        forms += [
            pem,
            json.dumps(pem)[1:-1],
            pem.replace("\n", "\r\n"),
            pem.rsplit("-----END", 1)[0],
        ]
    return forms


def _leaks(der: bytes, output: str) -> list[str]:
    """32-character pieces of the base64 body that are still in ``output``."""
    body = base64.b64encode(der).decode()
    flat = output.replace("\\r", "").replace("\\n", "").replace("\r", "")
    flat = flat.replace("\n", "")
    return [
        body[i : i + 32]
        for i in range(0, len(body) - 32, 16)
        if body[i : i + 32] in flat
    ]


@given(
    st.sampled_from(sorted(MATERIAL)),
    st.integers(min_value=0, max_value=7),
    st.text(max_size=30),
    SEPARATORS,
    SEPARATORS,
    st.text(max_size=30),
)
def test_no_key_or_certificate_survives(name, form, before, sep1, sep2, after):
    pem, der = MATERIAL[name]
    forms = _forms(pem, der)
    text = before + sep1 + forms[form % len(forms)] + sep2 + after

    assert _leaks(der, redact_text(text)) == []


def test_pem_blocks_of_any_kind_are_replaced_whole():
    text = (
        "voor\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\ndef\n"
        "-----END ENCRYPTED PRIVATE KEY-----\nna"
    )

    assert redact_text(text) == "voor\n[REDACTED PEM]\nna"


@given(
    st.sampled_from(
        [
            "Authorization",
            "authorization",
            "Proxy-Authorization",
            "Cookie",
            "Set-Cookie",
            "X-API-Key",
            "x-api-key",
            "X-Auth-Token",
            "Client-Secret",
        ]
    ),
    st.text(min_size=1, max_size=60),
)
def test_credential_headers_lose_their_value(name, value):
    headers = {name: value, "X-OIN": "00000099000000010000"}

    redacted = redact_headers(headers)
    as_list = redact_headers({name: [value, value]})

    assert redacted[name] == REDACTED
    assert as_list[name] == [REDACTED, REDACTED]
    assert redacted["X-OIN"] == "00000099000000010000"


def test_header_carrying_a_certificate_is_redacted():
    pem, der = MATERIAL["certificate"]

    redacted = redact_headers({"X-Forwarded-Client-Cert": pem})

    assert _leaks(der, redacted["X-Forwarded-Client-Cert"]) == []


_SECRET_VALUE = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~",
    min_size=8,
    max_size=40,
)


@given(
    st.sampled_from(
        [
            "Authorization: Bearer {v}",
            "authorization: Basic {v}",
            "Cookie: session={v}",
            '"Authorization": "Bearer {v}"',
            "'Set-Cookie': 'id={v}; HttpOnly'",
            "pkcs12_password={v}",
            '"pkcs12Password": "{v}"',
            "SWF_PKCS12_PASSWORD={v}",
            "password: {v}",
            "client_secret={v}&x=1",
            "api_key={v}",
        ]
    ),
    _SECRET_VALUE,
)
def test_secret_pairs_in_text_are_redacted(template, value):
    assume(value not in template)

    assert value not in redact_text("log: " + template.format(v=value) + "\nnext")


@given(_SECRET_VALUE, st.text(max_size=40))
def test_known_secret_is_removed_wherever_it_occurs(password, text):
    assume(password not in REDACTED)

    output = redact_text(text + password + text, secrets=[password])

    assert password not in output


@given(
    st.sampled_from(
        [
            "password",
            "passwd",
            "pwd",
            "token",
            "access_token",
            "api_key",
            "apikey",
            "client_secret",
            "sig",
            "signature",
        ]
    ),
    _SECRET_VALUE,
)
def test_password_like_query_values_are_redacted(name, value):
    assume(value not in "https://swf.example.nl/v5/notificaties[REDACTED]page1")

    url = f"https://swf.example.nl/v5/notificaties?page=1&{name}={value}"

    assert value not in unquote(redact_url(url))


def test_url_user_info_password_is_redacted():
    assert redact_url("https://jan:geheim@h.example/x") == (
        f"https://jan:{REDACTED}@h.example/x"
    )


def test_ordinary_url_is_unchanged():
    url = (
        "https://h.example/v5/notificaties?eventDatumTijd%5Bgt%5D="
        "2024-01-01T00%3A00%3A00%2B00%3A00&page=2"
    )

    assert redact_url(url) == url


@pytest.mark.parametrize(
    "text",
    [
        "X-OIN: 00000099000000010000",
        "deelnemer 00000003123456780000 uitgenodigd",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "samenwerking SAM-66497, documentId 5f0b6c1e-8a4b-4f7e-9d0a-2b1c3d4e5f60",
    ],
)
def test_public_identifiers_stay(text):
    assert redact_text(text) == text


def test_sha256_digest_starting_with_m_is_kept() -> None:
    digest = "sha-256=:M" + "q" * 42 + "=:"

    assert redact_text(f"Repr-Digest: {digest}") == f"Repr-Digest: {digest}"
