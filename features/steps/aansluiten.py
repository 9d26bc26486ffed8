"""Steps about connecting: the certificate, the handshake and the OIN header."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from pytest_bdd import given, parsers, then, when

from features.steps.wereld import Wereld, fail, rol
from swfkit import certinfo
from swfkit.conformance.probe import (
    ProbeResult,
    client_context,
    probe_handshake,
    probe_without_oin_header,
)
from swfkit.conformance.roles import Actor
from swfkit.errors import api_error_class
from swfkit.tlscontext import build_ssl_context

logger = logging.getLogger(__name__)


@dataclass
class Certificaat:
    """A role's client certificate and the chain it came with."""

    actor: Actor
    cert: x509.Certificate
    extra: list[x509.Certificate]


def lees_certificaat(wereld: Wereld, phrase: str) -> Certificaat:
    """Read a role's certificate from its PEM file or PKCS#12 store."""
    actor = wereld.actor(phrase)
    settings = wereld.settings(actor)
    if settings.cert_path is not None:
        chain = certinfo.load_certificates(settings.cert_path)
        return Certificaat(actor, chain[0], chain[1:])
    assert settings.pkcs12_path is not None
    _, cert, extra = certinfo.load_pkcs12(
        settings.pkcs12_path, settings.pkcs12_password
    )
    return Certificaat(actor, cert, list(extra))


def _certificaat(wereld: Wereld) -> Certificaat:
    if not isinstance(wereld.onderwerp, Certificaat):
        fail("het scenario heeft nog geen certificaat bekeken")
    return wereld.onderwerp


@given(parsers.re(rf"het certificaat van {rol()}"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.onderwerp = lees_certificaat(wereld, rol)


@then("is het certificaat nu geldig")
def _(wereld: Wereld) -> None:
    begin, einde = certinfo.validity_window(_certificaat(wereld).cert)
    now = datetime.now(UTC)
    if not begin <= now <= einde:
        fail(
            f"het certificaat is geldig van {begin:%Y-%m-%d} tot {einde:%Y-%m-%d}, "
            "niet nu"
        )


@then("is het certificaat bedoeld voor het aanmelden van een systeem")
def _(wereld: Wereld) -> None:
    if not certinfo.has_client_auth(_certificaat(wereld).cert):
        fail("het certificaat mist het gebruik clientAuth (extendedKeyUsage)")


@then("is het certificaat uitgegeven door een vertrouwde certificaatautoriteit")
def _(wereld: Wereld) -> None:
    gegeven = _certificaat(wereld)
    bundle = wereld.settings(gegeven.actor).ca_bundle
    roots = certinfo.load_certificates(bundle) if bundle else []
    ok, reason = certinfo.verify_chain(gegeven.cert, gegeven.extra, roots)
    if not ok:
        fail(f"de keten van het certificaat klopt niet: {reason}")


@then(parsers.re(rf"staat in het certificaat het OIN van {rol()}"))
def _(wereld: Wereld, rol: str) -> None:
    gevonden = certinfo.oin_from_certificate(_certificaat(wereld).cert)
    verwacht = wereld.actor(rol).acting_oin
    if gevonden != verwacht:
        fail(
            f"verwacht OIN {verwacht} in het serialNumber, het certificaat heeft "
            f"{gevonden}"
        )


@then("staat in het certificaat het OIN van de leverancier zelf")
def _(wereld: Wereld) -> None:
    gegeven = _certificaat(wereld)
    gevonden = certinfo.oin_from_certificate(gegeven.cert)
    if gevonden != gegeven.actor.identity.oin or gevonden == gegeven.actor.acting_oin:
        fail(
            f"verwacht het eigen OIN van de leverancier ({gegeven.actor.identity.oin}),"
            f" niet dat van {gegeven.actor.naam}; het certificaat heeft {gevonden}"
        )


def _verkeerd_certificaat(wereld: Wereld, soort: str) -> tuple[Path, Path] | None:
    """A certificate with one defect, issued for this run; None for no certificate."""
    if soort == "zonder certificaat":
        return None
    from swfkit.pki import TestPki, create_failure_certificates

    folder = wereld.tmp_path / "foutcertificaten"
    if soort == "met een verlopen certificaat":
        if wereld.target.world_dir is None:
            pytest.skip(
                "Overgeslagen: een verlopen certificaat van een CA die de "
                "server vertrouwt is alleen bij de simulator te maken."
            )
        pki = TestPki.load(wereld.target.world_dir / "pki")
        issued = create_failure_certificates(pki, folder)["expired"]
    else:
        pki = TestPki.create(folder / "eigen-ca", label="swfkit FOREIGN TEST")
        issued = create_failure_certificates(pki, folder)["foreign_ca"]
    return issued.cert_path, issued.key_path


@when(
    parsers.re(
        r"een systeem (?P<soort>zonder certificaat|met een verlopen certificaat|"
        r"met een certificaat van een onbekende certificaatautoriteit) "
        rf"verbinding maakt namens {rol()}"
    )
)
def _(wereld: Wereld, soort: str, rol: str) -> None:
    actor = wereld.actor(rol)
    settings = wereld.settings(actor)
    files = _verkeerd_certificaat(wereld, soort)
    assert settings.ca_bundle is not None
    context = client_context(settings.ca_bundle, *(files or (None, None)))
    wereld.onderwerp = probe_handshake(
        wereld.target.base_url,
        context,
        oin_header=settings.oin_header,
        oin=actor.acting_oin,
    )


@then("weigert de server de verbinding")
def _(wereld: Wereld) -> None:
    result = wereld.onderwerp
    if not isinstance(result, ProbeResult):
        fail("er is geen verbinding geprobeerd")
    if not result.refused:
        fail(
            f"de server nam de verbinding aan en antwoordde {result.status} "
            f"{result.detail}"
        )


@when(
    parsers.re(rf"{rol()} het overzicht van samenwerkingen opvraagt zonder OIN-header")
)
def _(wereld: Wereld, rol: str) -> None:
    settings = wereld.settings(wereld.actor(rol))
    result = probe_without_oin_header(
        wereld.target.base_url, build_ssl_context(settings)
    )

    def as_outcome() -> ProbeResult:
        if result.refused or result.status is None:
            fail(f"de server brak de verbinding af: {result.detail}")
        if result.status >= 400:
            raise api_error_class(result.status)(
                status=result.status,
                method="GET",
                url=wereld.target.base_url,
                problem=_problem(result.body),
            )
        return result

    wereld.poging(as_outcome)


def _problem(body: bytes) -> dict[str, object] | None:
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


@when(parsers.re(rf"{rol()} de OpenAPI-beschrijving van de API opvraagt"))
def _(wereld: Wereld, rol: str) -> None:
    wereld.poging(lambda: wereld.client(rol).get_openapi_document("json"))


@then("is de beschrijving een OpenAPI-document met de operaties van de SWF")
def _(wereld: Wereld) -> None:
    document = wereld.uitkomst.waarde
    if not isinstance(document, dict) or not str(
        document.get("openapi", "")
    ).startswith("3"):
        fail("het antwoord is geen OpenAPI 3-document")
    if "/samenwerkingen" not in (document.get("paths") or {}):
        fail("de beschrijving noemt het pad /samenwerkingen niet")
