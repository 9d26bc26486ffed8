"""Doctor checks over the network: the TLS handshake and one real read call."""

from __future__ import annotations

import logging
import socket
import ssl
from urllib.parse import urlsplit

import requests

from swfkit.config import Settings
from swfkit.doctor.model import FORM_URL, DoctorState, Verdict, fail, passed, skip
from swfkit.errors import ConfigurationError
from swfkit.oin import is_valid_oin
from swfkit.tlscontext import SSLContextAdapter, build_ssl_context, trust_bundle

logger = logging.getLogger(__name__)

# OpenSSL verify codes for "the certificate is fine, but not for this host".
_HOST_MISMATCH = {62, 64}
_PROBE_TIMEOUT = 10.0
# TLS alerts by which a server says it does not accept our certificate.
_CERT_ALERTS = ("CERTIFICATE", "UNKNOWN_CA", "ACCESS_DENIED", "DECRYPT_ERROR")
_NETWORK_FIX = (
    "Controleer de base URL, of de server draait en of een firewall of proxy "
    "de verbinding tegenhoudt."
)


def check_tls(state: DoctorState) -> Verdict:
    """Step 7: a TLS handshake with our certificate, the server verified."""
    settings = state.settings
    url = urlsplit(settings.base_url or "")
    if url.scheme != "https" or not url.hostname:
        return skip("geen https-base URL ingesteld (zie stap 1)")
    host, port = url.hostname, url.port or 443
    try:
        context = build_ssl_context(settings)
    except ConfigurationError as exc:
        return fail(str(exc), "Los eerst de fout in certificaat, sleutel of bundel op.")

    try:
        return _handshake(context, host, port, settings)
    except OSError as exc:  # refusals, time-outs and TLS errors alike
        return _connection_failure(exc, host, port, settings)


def check_api(state: DoctorState) -> Verdict:
    """Step 9: ``GET {base_url}/samenwerkingen?size=1`` with the OIN header."""
    settings = state.settings
    if not is_valid_oin(settings.oin) or not settings.base_url:
        return skip("geen geldig acterend OIN ingesteld (zie stap 1)")
    url = settings.base_url.rstrip("/") + "/samenwerkingen"
    try:
        with _session(settings) as session:
            response = session.get(
                url,
                params={"size": 1},
                headers={settings.oin_header: settings.oin},
                timeout=(settings.connect_timeout, settings.read_timeout),
                allow_redirects=False,
            )
    except requests.exceptions.Timeout:
        return fail(f"time-out op GET {url}", _NETWORK_FIX)
    except requests.exceptions.RequestException as exc:
        return fail(f"GET {url} mislukt: {type(exc).__name__}", _NETWORK_FIX)
    logger.debug("doctor GET %s -> %s", url, response.status_code)
    return _interpret(response.status_code, settings, url)


def _handshake(
    context: ssl.SSLContext, host: str, port: int, settings: Settings
) -> Verdict:
    with (
        socket.create_connection((host, port), timeout=settings.connect_timeout) as raw,
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        version = tls.version()
        if not _probe(tls, host, settings):
            return _rejected("de server sloot de verbinding zonder antwoord")
    return passed(
        f"{version} met {host}:{port}; server vertrouwd, certificaat aanvaard"
    )


def _probe(tls: ssl.SSLSocket, host: str, settings: Settings) -> bool:
    """Send one harmless request; whether any answer came back."""
    # With TLS 1.3 the server judges our certificate after our side of the
    # handshake is done: only a first exchange shows whether it refused.
    tls.settimeout(min(settings.read_timeout, _PROBE_TIMEOUT))
    path = urlsplit(settings.base_url or "").path or "/"
    request = f"HEAD {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    tls.sendall(request.encode())
    return bool(tls.recv(1))


def _connection_failure(
    exc: OSError, host: str, port: int, settings: Settings
) -> Verdict:
    if isinstance(exc, ConnectionRefusedError):
        return fail(
            f"verbinding geweigerd: niets luistert op {host}:{port}", _NETWORK_FIX
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _untrusted_server(exc, host, settings)
    if isinstance(exc, ssl.SSLEOFError | ConnectionResetError | BrokenPipeError):
        return _rejected("de server verbrak de verbinding tijdens de handshake")
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or str(exc)
        if "ALERT" in reason and any(word in reason for word in _CERT_ALERTS):
            return _rejected(f"de server weigerde de handshake (TLS-alert {reason})")
        return fail(f"TLS-fout: {reason}", _NETWORK_FIX)
    if isinstance(exc, TimeoutError):
        return fail(
            f"time-out: {host}:{port} antwoordde niet binnen "
            f"{settings.connect_timeout:g} s",
            _NETWORK_FIX,
        )
    return fail(
        f"verbinding met {host}:{port} mislukt: {exc.strerror or exc}", _NETWORK_FIX
    )


def _untrusted_server(
    exc: ssl.SSLCertVerificationError, host: str, settings: Settings
) -> Verdict:
    if exc.verify_code in _HOST_MISMATCH:
        return fail(
            f"het servercertificaat is niet uitgegeven voor {host} "
            f"({exc.verify_message})",
            "Controleer de host in de base URL: gebruik de naam uit het "
            "servercertificaat.",
        )
    return fail(
        f"servercertificaat niet vertrouwd: {exc.verify_message}",
        f"Zet de CA die het servercertificaat uitgaf in de CA-bundel "
        f"({trust_bundle(settings)}); voor DSO zijn dat de "
        "PKIoverheid-certificaten.",
    )


def _rejected(reason: str) -> Verdict:
    return fail(
        f"ons certificaat is geweigerd: {reason}",
        "Gebruik een PKIoverheid-certificaat dat de server vertrouwt "
        "(zie stap 5 en 6); bij DSO moet het ook aangemeld zijn via het "
        f"formulier {FORM_URL}.",
    )


def _session(settings: Settings) -> requests.Session:
    session = requests.Session()
    # Trust and proxies come from our settings only, never from the process
    # environment (REQUESTS_CA_BUNDLE, HTTPS_PROXY, .netrc).
    session.trust_env = False
    session.verify = str(trust_bundle(settings))
    if settings.uses_pkcs12:
        session.mount("https://", SSLContextAdapter(build_ssl_context(settings)))
    elif settings.cert_path is not None and settings.key_path is not None:
        session.cert = (str(settings.cert_path), str(settings.key_path))
    return session


def _interpret(status: int, settings: Settings, url: str) -> Verdict:
    header = f"{settings.oin_header} (--oin-header of SWF_OIN_HEADER)"
    if status == 200:
        return passed(f"200 op GET {url}: abonnement en machtiging zijn in orde")
    if status == 403:
        return fail(
            f"403: geen SWF-abonnement, of geen machtiging voor OIN {settings.oin}",
            f"Vraag het abonnement op de SWF-API (en zo nodig de machtiging) "
            f"aan via {FORM_URL}; verwerking duurt ongeveer twee werkdagen.",
        )
    if status == 404:
        return fail(
            f"404 op {url}: het basispad klopt niet",
            f"Controleer de base URL (bron: {settings.source_of('base_url')}).",
        )
    if status in (400, 401):
        return fail(
            f"{status}: de server aanvaardt de OIN-header niet",
            f"Controleer de naam van de header {header} en het OIN {settings.oin}.",
        )
    return fail(
        f"onverwachte status {status} op GET {url}",
        "Probeer het later opnieuw of neem contact op met DSO-support.",
    )
