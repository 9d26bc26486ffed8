"""``swfkit doctor``: the onboarding checks of the SWF "Voorbereiding".

Nine checks, in order: configuration, certificate and key, validity, OIN,
clientAuth, chain, TLS handshake, mandate, and one authenticated read call.
Each says PASS, WARN, FAIL or SKIP with a reason and, for WARN and FAIL, a
Dutch "hoe op te lossen".
"""

from __future__ import annotations

from swfkit.doctor.model import CheckResult, Status
from swfkit.doctor.runner import CHECKS, run_checks

__all__ = ["CHECKS", "CheckResult", "Status", "run_checks"]
