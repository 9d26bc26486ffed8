"""A PKIoverheid-shaped test PKI: root, issuing CA, organisation certificates.

Everything it makes is for tests and the simulator only; every CA name says
"NIET VOOR PRODUCTIE". See :class:`TestPki`.
"""

from __future__ import annotations

from swfkit.pki.authority import IssuedCertificate, TestPki
from swfkit.pki.failures import create_failure_certificates

__all__ = ["IssuedCertificate", "TestPki", "create_failure_certificates"]
