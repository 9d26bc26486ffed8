"""Doctor checks on the settings: what is configured, and for whom we act."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from swfkit.config import Settings
from swfkit.doctor.certificate import PKIO_URL
from swfkit.doctor.model import FORM_URL, DoctorState, Verdict, fail, passed, skip, warn
from swfkit.errors import InvalidOinError
from swfkit.oin import is_valid_oin, parse_oin

logger = logging.getLogger(__name__)

_HOW_TO_SET = (
    "Zet de waarde met een optie, een SWF_*-variabele of een profiel in "
    "swfkit.toml (zie `swfkit doctor --help`)."
)


def check_configuration(state: DoctorState) -> Verdict:
    """Step 1: base URL, client certificate and acting OIN are configured."""
    settings = state.settings
    missing = _missing(settings)
    if missing:
        return fail(f"niet ingesteld: {', '.join(missing)}", _HOW_TO_SET)

    if urlsplit(settings.base_url or "").scheme != "https":
        return fail(
            f"de base URL {settings.base_url} is geen https-adres",
            "Gebruik een https://-adres: de SWF werkt met tweezijdig TLS.",
        )
    try:
        parse_oin(settings.oin or "")
    except InvalidOinError as exc:
        return fail(
            f"acterend OIN {settings.oin!r} is ongeldig: {exc.reason}",
            "Geef het OIN van 20 tekens van het Bevoegd Gezag (--oin).",
        )
    if settings.ca_bundle is None:
        return warn(
            "geen CA-bundel ingesteld: de server wordt alleen gecontroleerd "
            "tegen de certifi-bundel van requests",
            f"Haal de PKIoverheid-root en -tussenliggende CA's op via "
            f"{PKIO_URL} en zet --ca-bundle (SWF_CA_BUNDLE).",
        )
    return passed(
        f"{settings.environment}: {settings.base_url} "
        f"(bron: {settings.source_of('base_url')})"
    )


def _missing(settings: Settings) -> list[str]:
    missing = []
    if not settings.base_url:
        missing.append("base URL (--base-url of --environment)")
    if settings.cert_path is None and settings.pkcs12_path is None:
        missing.append("certificaat (--cert en --key, of --pkcs12)")
    if not settings.oin:
        missing.append("acterend OIN (--oin)")
    return missing


def check_mandate(state: DoctorState) -> Verdict:
    """Step 8: acting for our own OIN, or else a mandate is needed."""
    acting = state.settings.oin
    if not is_valid_oin(acting):
        return skip("geen geldig acterend OIN ingesteld (zie stap 1)")
    if state.cert_oin is None:
        return skip("het certificaat heeft geen geldig OIN (zie stap 4)")
    if acting == state.cert_oin:
        return passed(
            "acterend OIN is het OIN van het certificaat: geen machtiging nodig"
        )
    return warn(
        f"het certificaat ({state.cert_oin}) handelt namens {acting}: daarvoor is "
        "een machtiging (mandaat) van dat Bevoegd Gezag nodig",
        f"Laat het Bevoegd Gezag de machtiging aanvragen via het DSO-formulier "
        f"{FORM_URL}; de verwerking duurt ongeveer twee werkdagen.",
    )
