"""Running the doctor checks in order, skipping what an earlier FAIL made moot."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from swfkit.config import Settings
from swfkit.doctor import certificate, configuration, network
from swfkit.doctor.model import CheckResult, DoctorState, Status, Verdict, skip

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """One step: its id, Dutch title, function, and the steps it builds on."""

    id: str
    title: str
    run: Callable[[DoctorState], Verdict]
    needs: tuple[str, ...] = ()


CHECKS: tuple[Check, ...] = (
    Check("configuration", "Configuratie aanwezig", configuration.check_configuration),
    Check("key_pair", "Certificaat en sleutel", certificate.check_key_pair),
    Check("validity", "Geldigheid", certificate.check_validity),
    Check("oin", "OIN in het certificaat", certificate.check_oin),
    Check("client_auth", "Gebruik clientAuth", certificate.check_client_auth),
    Check("chain", "Keten naar vertrouwde root", certificate.check_chain),
    Check(
        "tls_handshake",
        "TLS-verbinding",
        network.check_tls,
        needs=("key_pair", "validity"),
    ),
    Check("mandate", "Acterend OIN en machtiging", configuration.check_mandate),
    Check(
        "api_call",
        "Leesaanroep samenwerkingen",
        network.check_api,
        needs=("tls_handshake",),
    ),
)


def run_checks(settings: Settings, *, now: datetime | None = None) -> list[CheckResult]:
    """Run every onboarding check against ``settings``, in order.

    A check whose prerequisite failed or was skipped is skipped itself, with
    the reason. Nothing raises for a configuration problem: it becomes a FAIL.

    Args:
        settings: The settings to check (need not be valid).
        now: The moment to judge validity at; the current time by default.

    Returns:
        One :class:`CheckResult` per check, in order.
    """
    state = DoctorState(settings=settings, now=now or datetime.now(UTC))
    for number, check in enumerate(CHECKS, start=1):
        verdict = _blocked(check, state) or check.run(state)
        result = CheckResult(
            check.id, check.title, verdict.status, verdict.reason, verdict.fix
        )
        state.results[check.id] = result
        logger.debug("doctor step %d %s: %s", number, check.id, verdict.status)
    return list(state.results.values())


def _blocked(check: Check, state: DoctorState) -> Verdict | None:
    for needed in check.needs:
        earlier = state.results[needed]
        if earlier.status in (Status.FAIL, Status.SKIP):
            number = [c.id for c in CHECKS].index(needed) + 1
            return skip(f"overgeslagen: stap {number} ({earlier.title}) is niet gelukt")
    return None
