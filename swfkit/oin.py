"""Organisatie-identificatienummers (OIN) and Handelsregisternummers (HRN).

An OIN is 20 characters: an 8-digit prefix naming the source register, a main
number from that register, and a zero suffix. PKIoverheid certificates carry
it in the subject's ``serialNumber``. A company without an OIN is known by its
HRN, which has the same shape: prefix ``00000003``, the 8-digit KvK number
and suffix ``0000``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from swfkit.errors import InvalidOinError

OIN_LENGTH = 20
TEST_PREFIX = "00000099"
KVK_PREFIX = "00000003"

PREFIX_MEANINGS: dict[str, str] = {
    "00000001": "RSIN uit het Handelsregister",
    "00000002": "Fi-nummer (overheidsorganisatie niet in het Handelsregister)",
    "00000003": "KvK-nummer (HRN)",
    "00000004": "SubOIN-register",
    "00000005": "vrij",
    "00000006": "door Logius uitgegeven hoofdnummer",
    "00000007": "BRIN (onderwijs)",
    "00000008": "buitenlandse organisatie",
    "00000009": "UZI-register",
    "00000010": "TRR-BD",
    TEST_PREFIX: "test-OIN (vrij te gebruiken, nooit in productie)",
}

_OIN_PATTERN = re.compile(r"[0-9A-Za-z]{20}")
_KVK_PATTERN = re.compile(r"[0-9]{8}")


@dataclass(frozen=True)
class Oin:
    """A parsed OIN: the value plus what its prefix says about it."""

    value: str

    @property
    def prefix(self) -> str:
        return self.value[:8]

    @property
    def prefix_meaning(self) -> str:
        return PREFIX_MEANINGS.get(self.prefix, "onbekend prefix")

    @property
    def is_test(self) -> bool:
        return self.prefix == TEST_PREFIX

    def __str__(self) -> str:
        return self.value


def parse_oin(value: str) -> Oin:
    """Parse and check an OIN, raising :class:`InvalidOinError` with the reason."""
    if not isinstance(value, str):
        raise InvalidOinError(value, "an OIN is a string of 20 characters")
    if len(value) != OIN_LENGTH:
        raise InvalidOinError(value, f"an OIN has 20 characters, this has {len(value)}")
    if not _OIN_PATTERN.fullmatch(value):
        raise InvalidOinError(value, "an OIN holds only digits and letters")

    # The prefix names the register; the known ones are all digits.
    if not value[:8].isdigit():
        raise InvalidOinError(value, "the first 8 characters (the prefix) are digits")
    return Oin(value)


def is_valid_oin(value: object) -> bool:
    """Whether ``value`` is a well-formed OIN."""
    try:
        parse_oin(value)  # type: ignore[arg-type]  # any object is checked
    except InvalidOinError:
        return False
    return True


def parse_kvk(value: str) -> str:
    """Check a KvK number (8 digits) and return it."""
    if not isinstance(value, str) or not _KVK_PATTERN.fullmatch(value):
        raise InvalidOinError(value, "a KvK number has exactly 8 digits")
    return value


def kvk_to_hrn(kvk: str) -> str:
    """The 20-character HRN for a KvK number."""
    return f"{KVK_PREFIX}{parse_kvk(kvk)}0000"


def hrn_to_kvk(hrn: str) -> str | None:
    """The KvK number inside an HRN, or None when it is not a KvK-based HRN."""
    oin = parse_oin(hrn)
    if oin.prefix != KVK_PREFIX or not hrn.endswith("0000"):
        return None
    return hrn[8:16]
