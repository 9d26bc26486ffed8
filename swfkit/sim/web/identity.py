"""Who is calling: the certificate's OIN, the acting OIN, mandate, subscription.

cheroot's TLS adapter puts the verified client certificate in the WSGI
environ as ``SSL_CLIENT_CERT`` (PEM); the handshake already refused clients
without a certificate from the world's CA. The OIN is the certificate
subject's ``serialNumber``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from cryptography import x509
from werkzeug.datastructures import Headers

from swfkit.certinfo import oin_from_certificate
from swfkit.oin import is_valid_oin
from swfkit.sim.context import Caller
from swfkit.sim.problems import Problem
from swfkit.sim.rules import RuleBook
from swfkit.sim.world import World

logger = logging.getLogger(__name__)

CLIENT_CERT_KEY = "SSL_CLIENT_CERT"


def certificate_oin(environ: Mapping[str, Any]) -> str | None:
    """The OIN in the verified client certificate, if there is one."""
    pem = environ.get(CLIENT_CERT_KEY)
    if not pem:
        return None
    try:
        cert = x509.load_pem_x509_certificate(str(pem).encode("ascii"))
    except ValueError:
        logger.warning("the TLS layer passed an unreadable client certificate")
        return None
    return oin_from_certificate(cert)


def resolve_caller(
    environ: Mapping[str, Any],
    headers: Headers,
    world: World,
    rules: RuleBook,
) -> Caller:
    """The caller of this request, or the problem that refuses it."""
    cert_oin = certificate_oin(environ)
    cert_org = world.organisation(cert_oin) if cert_oin else None
    rules.require(
        "certificaat-organisatie-bekend",
        cert_org is not None,
        "Het OIN in het certificaat hoort niet bij een bekende organisatie.",
    )

    acting_oin = _acting_oin(headers, world.settings.oin_header, rules, cert_oin)
    mandated = cert_org is not None and (
        acting_oin == cert_oin or acting_oin in cert_org.mandates
    )
    rules.require(
        "machtiging-vereist",
        mandated,
        "Dit certificaat mag niet handelen namens dit OIN.",
    )
    acting = world.organisation(str(acting_oin))
    if acting is None or cert_oin is None:
        raise Problem(
            403,
            "Niet toegestaan",
            "Onbekende handelende organisatie.",
            rule="machtiging-vereist",
        )
    rules.require(
        "abonnement-vereist",
        acting.subscribed,
        f"{acting.naam} heeft geen abonnement op de SWF.",
    )
    return Caller(cert_oin=cert_oin, organisation=acting)


def _acting_oin(
    headers: Headers, header: str, rules: RuleBook, cert_oin: str | None
) -> str | None:
    """The OIN the caller acts for, from the header (400 when missing or bad)."""
    acting_oin = headers.get(header)
    if acting_oin is None and not rules.enabled("oin-header-verplicht"):
        return cert_oin
    rules.require(
        "oin-header-verplicht",
        acting_oin is not None,
        f"De header {header} ontbreekt.",
        param=header,
    )
    rules.require(
        "oin-header-verplicht",
        is_valid_oin(acting_oin),
        f"De header {header} bevat geen geldig OIN.",
        param=header,
    )
    return acting_oin
