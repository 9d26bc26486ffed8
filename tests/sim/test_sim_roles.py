"""Every operation for every role: who gets what status.

The rows are operations, the columns the roles of the dossier fixture (see
tests/sim/conftest.py). 403 for the vendor without mandate and for the
organisation without subscription comes from identity checks, before any
rule about the dossier; 404 for the removed partner and the outsider means
the samenwerking does not exist for them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests

from .api import problem
from .conftest import Dossier

ROLES = (
    "initiator",
    "vendor",
    "volledig",
    "beperkt",
    "kvk",
    "removed",
    "outsider",
    "unmandated",
    "unsubscribed",
)
Op = Callable[[Dossier, str], requests.Response]


def _get(suffix: str) -> Op:
    return lambda d, role: d[role].get(d.path(suffix))


def _doc(key: str, suffix: str = "") -> Op:
    return lambda d, role: d[role].get(
        f"/documenten/{d.docs[key]['documentId']}{suffix}"
    )


def _invite(d: Dossier, role: str) -> requests.Response:
    # Those allowed each invite someone new; the rest are refused first.
    invitee = d["spare2" if role == "vendor" else "spare"]
    return d[role].post(
        d.path("/deelnemers"), {"oin": invitee.oin, "privilege": "BEPERKTE_TOEGANG"}
    )


def _patch_meta(d: Dossier, role: str) -> requests.Response:
    return d[role].patch(d.path(), {"beschrijving": f"door {role}"})


def _privilege(d: Dossier, role: str) -> requests.Response:
    return d[role].patch(
        d.path(f"/deelnemers/{d.deelnemer_ids['kvk']}"),
        {"privilege": "VOLLEDIGE_TOEGANG"},
    )


def _upload(d: Dossier, role: str) -> requests.Response:
    return d[role].upload(d.sid, b"nieuw", name=f"{role}.txt")


def _actieverzoek(d: Dossier, role: str) -> requests.Response:
    ontvanger = d["volledig"] if role not in ("volledig",) else d["initiator"]
    return d[role].actieverzoek(d.sid, ontvanger)


def _patch_doc(d: Dossier, role: str) -> requests.Response:
    return d[role].patch(
        f"/documenten/{d.docs['rv']['documentId']}",
        {"documentOmschrijving": f"door {role}"},
    )


def _recht(d: Dossier, role: str) -> requests.Response:
    return d[role].put(
        f"/documenten/{d.docs['sv']['documentId']}/rechten/{d.deelnemer_ids['kvk']}",
        {"toegang": "TOEGESTAAN"},
    )


MEMBERS_READ = (200, 200, 200, 200, 200, 404, 404, 403, 403)
INITIATOR_ONLY = (200, 200, 403, 403, 403, 404, 404, 403, 403)

MATRIX: list[tuple[str, Op, tuple[int, ...]]] = [
    ("read samenwerking", _get(""), MEMBERS_READ),
    ("list deelnemers", _get("/deelnemers"), MEMBERS_READ),
    ("list documenten", _get("/documenten"), MEMBERS_READ),
    ("list samenwerking notificaties", _get("/notificaties"), MEMBERS_READ),
    ("read RV document", _doc("rv"), MEMBERS_READ),
    ("download RV document", _doc("rv", "/content"), MEMBERS_READ),
    ("read SV document", _doc("sv"), (200, 200, 200, 404, 404, 404, 404, 403, 403)),
    (
        "download SV document",
        _doc("sv", "/content"),
        (200, 200, 200, 404, 404, 404, 404, 403, 403),
    ),
    (
        "read own SV document",
        _doc("own_sv"),
        (200, 200, 200, 200, 404, 404, 404, 403, 403),
    ),
    (
        "list rechten of SV",
        _doc("sv", "/rechten"),
        (200, 200, 200, 404, 404, 404, 404, 403, 403),
    ),
    ("invite", _invite, (201, 201, 403, 403, 403, 404, 404, 403, 403)),
    ("change metadata", _patch_meta, INITIATOR_ONLY),
    ("change privilege", _privilege, INITIATOR_ONLY),
    ("upload", _upload, (201, 201, 201, 201, 201, 404, 404, 403, 403)),
    ("send actieverzoek", _actieverzoek, (201, 201, 201, 201, 201, 404, 404, 403, 403)),
    ("change document of initiator", _patch_doc, INITIATOR_ONLY),
    # After the initiator allowed the kvk partner, it sees the SV document
    # (403, not 404), and the vendor replaces the override (200).
    ("set document recht", _recht, (201, 200, 403, 404, 403, 404, 404, 403, 403)),
]


@pytest.mark.parametrize(
    ("operation", "expected"),
    [(op, exp) for _, op, exp in MATRIX],
    ids=[name for name, _, _ in MATRIX],
)
def test_operation_status_per_role(
    dossier: Dossier, operation: Op, expected: tuple[int, ...]
) -> None:
    got = {}
    for role, status in zip(ROLES, expected, strict=True):
        response = operation(dossier, role)
        got[role] = response.status_code
        if status >= 400:
            problem(response, status)
    assert got == dict(zip(ROLES, expected, strict=True))
