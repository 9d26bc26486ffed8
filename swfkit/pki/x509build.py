"""Building the certificates of the test PKI with ``cryptography``.

Plain functions that turn keys, names and dates into signed certificates. They
know nothing about files; :mod:`swfkit.pki.authority` decides where things go.
EC P-256 keys keep a whole world of certificates fast to create.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

logger = logging.getLogger(__name__)

CaKey = ec.EllipticCurvePrivateKey


def new_key() -> ec.EllipticCurvePrivateKey:
    """A fresh EC P-256 private key."""
    return ec.generate_private_key(ec.SECP256R1())


def ca_name(common_name: str, organisation: str) -> x509.Name:
    """The subject of a CA certificate."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def organisation_subject(name: str, oin: str | None) -> x509.Name:
    """The subject of an organisation certificate, PKIoverheid style.

    The OIN goes in ``serialNumber``, which is where PKIoverheid puts it and
    where the DSO reads the certificate holder from.
    """
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
    ]
    if oin is not None:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, oin))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    return x509.Name(attributes)


def build_ca(
    subject: x509.Name,
    key: CaKey,
    *,
    not_before: datetime,
    not_after: datetime,
    issuer: x509.Certificate | None = None,
    issuer_key: CaKey | None = None,
) -> x509.Certificate:
    """A CA certificate: self-signed root, or an intermediate when ``issuer`` is set.

    The intermediate gets path length 0: it issues only end-entity
    certificates, like a PKIoverheid issuing CA.
    """
    path_length = None if issuer is None else 0
    builder = (
        _base_builder(subject, key, not_before, not_after, issuer)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
    )
    return builder.sign(issuer_key or key, hashes.SHA256())


def build_organisation(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate,
    issuer_key: CaKey,
    *,
    not_before: datetime,
    not_after: datetime,
    client_auth: bool,
) -> x509.Certificate:
    """An end-entity certificate for an organisation (mutual TLS client)."""
    builder = _end_entity_builder(subject, key, issuer, not_before, not_after)
    if client_auth:
        usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH])
        builder = builder.add_extension(usage, critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def build_server(
    hosts: Sequence[str],
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate,
    issuer_key: CaKey,
    *,
    not_before: datetime,
    not_after: datetime,
) -> x509.Certificate:
    """A TLS server certificate naming ``hosts`` (DNS names or IP addresses)."""
    if not hosts:
        raise ValueError("a server certificate needs at least one host name")
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.COMMON_NAME, hosts[0]),
        ]
    )
    builder = (
        _end_entity_builder(subject, key, issuer, not_before, not_after)
        .add_extension(x509.SubjectAlternativeName(_general_names(hosts)), False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _base_builder(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    not_before: datetime,
    not_after: datetime,
    issuer: x509.Certificate | None,
) -> x509.CertificateBuilder:
    public_key = key.public_key()
    if issuer is None:
        issuer_name = subject
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(public_key)
    else:
        issuer_name = issuer.subject
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer.public_key()  # type: ignore[arg-type]  # our CAs are EC
        )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        .add_extension(aki, critical=False)
    )


def _end_entity_builder(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate,
    not_before: datetime,
    not_after: datetime,
) -> x509.CertificateBuilder:
    return (
        _base_builder(subject, key, not_before, not_after, issuer)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _general_names(hosts: Sequence[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return names
