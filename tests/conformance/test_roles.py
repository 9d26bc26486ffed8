"""Which identity plays which role, from an identities file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from swfkit.conformance.identities import load_identity_file
from swfkit.conformance.roles import ROLES, Actor, Unavailable, cast_roles, roles_in
from swfkit.conformance.targets import Target
from swfkit.errors import ConfigurationError


def _org(oin: str, rol: str, **extra: Any) -> dict[str, Any]:
    return {
        "naam": f"Org {oin[-4:]}",
        "oin": oin,
        "rol": rol,
        "cert": "c.pem",
        "key": "c.key",
        "subscribed": True,
        **extra,
    }


def _oin(n: int) -> str:
    return f"00000099{n:012d}"


DEFAULT_LIKE = {
    "aadorp": _org(_oin(1001), "BEVOEGD_GEZAG"),
    "beekveld": _org(_oin(1002), "BEVOEGD_GEZAG"),
    "dijkstede": _org(_oin(1003), "BEVOEGD_GEZAG"),
    "odmp": _org(_oin(2001), "BEHANDELDIENST"),
    "provincie": _org(_oin(3001), "KETENPARTNER"),
    "waterschap": _org(_oin(3002), "KETENPARTNER"),
    "veiligheidsregio": _org(_oin(3003), "KETENPARTNER"),
    "advies": _org("00000003900123450000", "KETENPARTNER", kvkNummer="90012345"),
    "vendor": _org(_oin(4001), "LEVERANCIER", actsFor=[_oin(1001), _oin(1002)]),
    "stichting": _org(_oin(5001), "KETENPARTNER", subscribed=False),
}
WORLD = {
    "verzoeken": [
        {"verzoeknummer": "V1", "addressedTo": [_oin(1001)]},
        {"verzoeknummer": "V2", "addressedTo": [_oin(1002)]},
        {"verzoeknummer": "V3", "addressedTo": [_oin(1003)]},
    ]
}


def _write(
    tmp_path: Path, identities: dict[str, Any], *, world: bool = True, **extra: Any
) -> Path:
    path = tmp_path / "identities.json"
    path.write_text(
        json.dumps(
            {"baseUrl": "https://swf.example/v5", "identities": identities, **extra}
        )
    )
    if world:
        (tmp_path / "world.json").write_text(json.dumps(WORLD))
    return path


def _slugs(cast: dict[str, Actor | Unavailable]) -> dict[str, str]:
    return {
        key: a.identity.slug if isinstance(a, Actor) else "-" for key, a in cast.items()
    }


def test_cast_fills_every_role_from_a_default_world(tmp_path: Path) -> None:
    cast = cast_roles(load_identity_file(_write(tmp_path, DEFAULT_LIKE)))

    assert _slugs(cast) == {
        "initiator": "aadorp",
        "volledig": "provincie",
        "beperkt": "waterschap",
        "verwijderd": "veiligheidsregio",
        "buitenstaander": "dijkstede",
        "adviesbureau": "advies",
        "leverancier-met-machtiging": "vendor",
        "leverancier-zonder-machtiging": "vendor",
        "zonder-abonnement": "stichting",
    }


def test_vendor_roles_act_for_the_right_organisations(tmp_path: Path) -> None:
    cast = cast_roles(load_identity_file(_write(tmp_path, DEFAULT_LIKE)))
    met, zonder = (
        cast["leverancier-met-machtiging"],
        cast["leverancier-zonder-machtiging"],
    )

    assert isinstance(met, Actor) and isinstance(zonder, Actor)
    assert met.acting_oin == _oin(1001) and met.naam == "Org 1001"
    assert zonder.acting_oin == _oin(1003)


def test_missing_roles_are_unavailable_with_a_dutch_reason(tmp_path: Path) -> None:
    only_one = {"aadorp": DEFAULT_LIKE["aadorp"]}

    cast = cast_roles(load_identity_file(_write(tmp_path, only_one)))

    assert isinstance(cast["initiator"], Actor)
    missing = cast["leverancier-met-machtiging"]
    assert isinstance(missing, Unavailable)
    assert "leverancier" in missing.reden and "identities.json" in missing.reden


def test_no_verzoek_means_no_initiator(tmp_path: Path) -> None:
    cast = cast_roles(load_identity_file(_write(tmp_path, DEFAULT_LIKE, world=False)))

    assert isinstance(cast["initiator"], Unavailable)


def test_pinned_roles_win(tmp_path: Path) -> None:
    pinned = {
        "initiator": "beekveld",
        "leverancier-met-machtiging": {"identiteit": "vendor", "namens": _oin(1002)},
    }
    path = _write(tmp_path, DEFAULT_LIKE, rollen=pinned)

    cast = cast_roles(load_identity_file(path))

    initiator, vendor = cast["initiator"], cast["leverancier-met-machtiging"]
    assert isinstance(initiator, Actor) and initiator.identity.slug == "beekveld"
    assert isinstance(vendor, Actor) and vendor.acting_oin == _oin(1002)


def test_identities_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "identities.json"
    path.write_text('{"identities": {}}')

    with pytest.raises(ConfigurationError, match=r"identities\.json"):
        load_identity_file(path)


def test_roles_in_finds_roles_named_in_steps() -> None:
    found = roles_in(
        [
            "de initiator nodigt het adviesbureau uit",
            "Dan ziet de ketenpartner met beperkte toegang niets",
        ]
    )

    assert [r.key for r in found] == ["initiator", "beperkt", "adviesbureau"]
    assert len({r.phrase for r in ROLES}) == len(ROLES)


def test_target_skips_with_the_reason_shown(tmp_path: Path) -> None:
    file = load_identity_file(_write(tmp_path, {"aadorp": DEFAULT_LIKE["aadorp"]}))
    target = Target(
        "live",
        file,
        "https://swf.example/v5",
        tmp_path,
        "all",
        "https://swf.example",
        cast=cast_roles(file),
    )

    needs_vendor = target.skip_reason(set(), ["de leverancier met machtiging start"])
    assert needs_vendor and needs_vendor.startswith("Overgeslagen:")
    assert target.skip_reason(set(), ["de initiator start een samenwerking"]) is None
    assert "simulator" in str(target.skip_reason({"alleen-simulator"}, []))
    assert target.skip_reason({"tls-handshake"}, []) is None
    replay = Target(
        "replay",
        file,
        "https://swf.example/v5",
        tmp_path,
        "none",
        "https://swf.example",
        cast=cast_roles(file),
    )
    assert "TLS-handshake" in str(replay.skip_reason({"tls-handshake"}, []))
