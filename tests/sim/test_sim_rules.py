"""The rule registry, and switching a rule off on purpose."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from simkit import copy_world

import swfkit.sim
from swfkit.errors import ConfigurationError
from swfkit.sim.rules import RULES, RuleBook
from swfkit.sim.server import Simulator

from .api import AADORP, PROVINCIE, WATERSCHAP, Org, problem


def test_every_rule_has_an_id_a_status_and_a_dutch_description() -> None:
    for rule in RULES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.id)
        assert rule.status in (400, 403, 404, 409, 413)
        assert len(rule.beschrijving) > 20 and rule.beschrijving.endswith(".")


def test_every_rule_is_enforced_somewhere() -> None:
    source = "\n".join(
        p.read_text()
        for p in Path(swfkit.sim.__file__).parent.rglob("*.py")
        if p.name != "rules.py"
    )
    unused = [rule_id for rule_id in RULES if f'"{rule_id}"' not in source]
    assert unused == []


def test_unknown_rule_id_in_the_world_is_a_configuration_error(
    sim_template: Path, tmp_path: Path
) -> None:
    world = copy_world(sim_template, tmp_path / "w", disabledRules=["geen-regel"])
    with pytest.raises(ConfigurationError, match="geen-regel"):
        Simulator(world).start()
    with pytest.raises(ValueError):
        RuleBook(["geen-regel"])


def _partners(simulator: Simulator) -> tuple[Org, Org, str]:
    aadorp, waterschap = Org(simulator, AADORP), Org(simulator, WATERSCHAP)
    sid = aadorp.start()["samenwerkingId"]
    aadorp.invite(sid, waterschap, "BEPERKTE_TOEGANG")
    return aadorp, waterschap, sid


def test_switched_off_visibility_rule_lets_sv_through(
    sim_factory: Callable[..., Simulator],
) -> None:
    broken = sim_factory(disabledRules=["beperkte-toegang-ziet-geen-sv"])
    aadorp, waterschap, sid = _partners(broken)
    doc = aadorp.upload_ok(sid, b"geheim", aanduiding="SV")
    assert waterschap.get(f"/documenten/{doc['documentId']}").status_code == 200


def test_switched_off_invite_rule_lets_a_ketenpartner_invite(
    sim_factory: Callable[..., Simulator],
) -> None:
    broken = sim_factory(disabledRules=["alleen-initiator-nodigt-uit"])
    _, waterschap, sid = _partners(broken)
    provincie = Org(broken, PROVINCIE)
    assert waterschap.invite(sid, provincie)["uitgenodigdDoor"] == waterschap.oin


def test_the_same_steps_are_refused_with_every_rule_on(simulator: Simulator) -> None:
    aadorp, waterschap, sid = _partners(simulator)
    doc = aadorp.upload_ok(sid, b"geheim", aanduiding="SV")
    problem(waterschap.get(f"/documenten/{doc['documentId']}"), 404)
    problem(
        waterschap.post(
            f"/samenwerkingen/{sid}/deelnemers",
            {"oin": Org(simulator, PROVINCIE).oin, "privilege": "BEPERKTE_TOEGANG"},
        ),
        403,
        "alleen-initiator-nodigt-uit",
    )
