"""Doctor checks on the certificate itself: files, validity, OIN, usage, chain."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from pathlib import Path

from swfkit import certinfo
from swfkit.doctor.model import DoctorState, Verdict, fail, passed, skip, warn
from swfkit.errors import ConfigurationError, InvalidOinError
from swfkit.oin import parse_oin

logger = logging.getLogger(__name__)

EXPIRY_WARNING = timedelta(days=30)
PKIO_URL = "https://cert.pkioverheid.nl/"

_FLAGS = {
    "cert": "--cert of SWF_CERT",
    "key": "--key of SWF_KEY",
    "pkcs12": "--pkcs12 of SWF_PKCS12",
    "bundle": "--ca-bundle of SWF_CA_BUNDLE",
}
_CONTENT_FIXES = {
    "cert": "Is dit wel een PEM-bestand? Het moet -----BEGIN CERTIFICATE----- "
    "bevatten; zet DER om met `openssl x509 -inform der -in X -out X.pem`.",
    "key": "Is dit wel de private sleutel in PEM (-----BEGIN PRIVATE KEY-----)? "
    "Gebruik voor een versleutelde sleutel een PKCS#12-bestand met wachtwoord.",
    "pkcs12": "Controleer het PKCS#12-wachtwoord (--pkcs12-password of "
    "SWF_PKCS12_PASSWORD) en of dit wel een .p12/.pfx-bestand is.",
    "bundle": "Is dit wel een PEM-bundel met CA-certificaten? Haal de "
    f"PKIoverheid-certificaten op via {PKIO_URL}.",
}


def check_key_pair(state: DoctorState) -> Verdict:
    """Step 2: certificate and key can be read and belong together."""
    settings = state.settings
    if settings.uses_pkcs12 and settings.pkcs12_path is not None:
        return _check_pkcs12(state, settings.pkcs12_path, settings.pkcs12_password)
    if settings.cert_path is None:
        return skip("geen certificaat ingesteld (zie stap 1)")

    try:
        certificates = certinfo.load_certificates(settings.cert_path)
    except ConfigurationError as exc:
        return fail(str(exc), file_fix(settings.cert_path, "cert"))
    state.cert, state.chain = certificates[0], certificates[1:]
    if settings.key_path is None:
        return fail(
            "er is geen sleutel ingesteld bij het certificaat",
            f"Geef het sleutelbestand op met {_FLAGS['key']}.",
        )

    try:
        key = certinfo.load_private_key(settings.key_path)
    except ConfigurationError as exc:
        return fail(str(exc), file_fix(settings.key_path, "key"))
    if not certinfo.key_matches_certificate(key, state.cert):
        return fail(
            f"de sleutel {settings.key_path} hoort niet bij het certificaat "
            f"{settings.cert_path}",
            "Gebruik de sleutel die bij dit certificaat is gemaakt; vergelijk "
            "`openssl x509 -noout -pubkey -in CERT` met "
            "`openssl pkey -pubout -in KEY`.",
        )
    return passed(f"PEM-paar leesbaar en passend ({settings.cert_path.name})")


def check_validity(state: DoctorState) -> Verdict:
    """Step 3: the certificate is valid now, and not about to expire."""
    if state.cert is None:
        return skip("het certificaat kon niet worden gelezen (zie stap 2)")
    not_before, not_after = certinfo.validity_window(state.cert)
    renew = "Vraag bij uw TSP een nieuw PKIoverheid-certificaat aan en vervang het."

    if state.now < not_before:
        return fail(
            f"nog niet geldig: geldig vanaf {not_before:%Y-%m-%d %H:%M} UTC",
            "Controleer de systeemklok, of wacht tot het certificaat geldt.",
        )
    if state.now >= not_after:
        return fail(f"verlopen op {not_after:%Y-%m-%d}", renew)
    left = not_after - state.now
    if left < EXPIRY_WARNING:
        return warn(
            f"verloopt over {left.days} dagen ({not_after:%Y-%m-%d})",
            f"{renew} Doe dat op tijd: de aanvraag kost dagen.",
        )
    return passed(f"geldig tot {not_after:%Y-%m-%d} (nog {left.days} dagen)")


def check_oin(state: DoctorState) -> Verdict:
    """Step 4: the subject serialNumber holds a well-formed OIN."""
    if state.cert is None:
        return skip("het certificaat kon niet worden gelezen (zie stap 2)")
    value = certinfo.oin_from_certificate(state.cert)
    wrong_cert = (
        "Gebruik een PKIoverheid-organisatiecertificaat met het OIN in het "
        "subject-veld serialNumber."
    )
    if value is None:
        return fail(
            "het subject van het certificaat heeft geen serialNumber (OIN)", wrong_cert
        )
    try:
        oin = parse_oin(value)
    except InvalidOinError as exc:
        return fail(
            f"serialNumber {value!r} is geen geldig OIN: {exc.reason}", wrong_cert
        )

    state.cert_oin = oin.value
    described = f"OIN {oin}: prefix {oin.prefix} = {oin.prefix_meaning}"
    if oin.is_test and state.settings.environment in ("pre", "prod"):
        return warn(
            f"{described}; een test-OIN werkt niet bij de echte DSO",
            "Gebruik tegen pre en prod het PKIoverheid-certificaat met uw echte OIN.",
        )
    if oin.prefix_meaning == "onbekend prefix":
        return warn(described, "Controleer het OIN in het OIN-register van Logius.")
    return passed(described + (" (test-OIN)" if oin.is_test else ""))


def check_client_auth(state: DoctorState) -> Verdict:
    """Step 5: the extended key usage allows TLS client authentication."""
    if state.cert is None:
        return skip("het certificaat kon niet worden gelezen (zie stap 2)")
    if certinfo.has_client_auth(state.cert):
        return passed("extendedKeyUsage bevat clientAuth")
    usages = certinfo.describe(state.cert)["extendedKeyUsage"]
    found = ", ".join(usages) if usages else "geen extendedKeyUsage-extensie"
    return fail(
        f"geen clientAuth in extendedKeyUsage ({found})",
        "Vraag een PKIoverheid-servicecertificaat aan dat geschikt is voor "
        "clientauthenticatie (extendedKeyUsage clientAuth).",
    )


def check_chain(state: DoctorState) -> Verdict:
    """Step 6: the certificate chains to a root in the trust bundle."""
    bundle = state.settings.ca_bundle
    if state.cert is None:
        return skip("het certificaat kon niet worden gelezen (zie stap 2)")
    if bundle is None:
        return skip("geen CA-bundel ingesteld (zie stap 1)")
    try:
        trusted = certinfo.load_certificates(bundle)
    except ConfigurationError as exc:
        return fail(str(exc), file_fix(bundle, "bundle"))

    # Expiry is step 3's finding; judge the chain at a moment the leaf was
    # valid, so an expired certificate is not reported twice.
    not_before, not_after = certinfo.validity_window(state.cert)
    at = state.now if not_before <= state.now < not_after else not_before
    ok, reason = certinfo.verify_chain(state.cert, state.chain, trusted, at=at)
    if ok:
        return passed(reason)
    return fail(
        reason,
        "Zorg dat de CA-bundel de root en tussenliggende CA van "
        f"uw certificaat bevat (PKIoverheid: {PKIO_URL}), en dat het "
        "certificaat door die CA is uitgegeven.",
    )


def file_fix(path: Path, kind: str) -> str:
    """A Dutch fix for a file that could not be used."""
    if not path.exists():
        return f"Het bestand bestaat niet: controleer het pad ({_FLAGS[kind]})."
    if path.is_dir():
        return f"Dit is een map: geef het bestand zelf op ({_FLAGS[kind]})."
    if not os.access(path, os.R_OK):
        return (
            "Het bestand is niet leesbaar voor deze gebruiker: draai als de "
            "eigenaar of pas de rechten aan (chmod 600)."
        )
    return _CONTENT_FIXES[kind]


def _check_pkcs12(state: DoctorState, path: Path, password: str | None) -> Verdict:
    try:
        key, cert, chain = certinfo.load_pkcs12(path, password)
    except ConfigurationError as exc:
        return fail(str(exc), file_fix(path, "pkcs12"))
    state.cert, state.chain = cert, chain
    if not certinfo.key_matches_certificate(key, cert):
        return fail(
            f"in {path} hoort de sleutel niet bij het certificaat",
            "Exporteer het PKCS#12-bestand opnieuw met het juiste paar.",
        )
    return passed(f"PKCS#12 leesbaar, sleutel en certificaat passen ({path.name})")
