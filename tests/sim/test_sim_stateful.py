"""Random sequences of operations by several organisations, against a model.

Every answer's status is compared with tests/sim/refmodel.py, and so is what
each organisation sees (samenwerkingen, documents); at the end of each run
everything is compared for every organisation.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)
from simkit import running

from swfkit.sim.server import Simulator
from swfkit.sim.services.actieverzoeken import STATUSSEN

from .api import AADORP, ADVIESBUREAU, BEEKVELD, PROVINCIE, WATERSCHAP, Org
from .refmodel import INITIATOR_KEYS, Av, Doc, Member, Model, Sam

SLUGS = {"A": AADORP, "B": BEEKVELD, "P": PROVINCIE, "W": WATERSCHAP, "K": ADVIESBUREAU}
keys = st.sampled_from(sorted(SLUGS))
privileges = st.sampled_from(["BEPERKTE_TOEGANG", "VOLLEDIGE_TOEGANG"])


class SimulatorMachine(RuleBasedStateMachine):
    """Drives one simulator; the model says what must happen."""

    simulator: Simulator  # set by the test before running

    sams = Bundle("sams")
    docs = Bundle("docs")
    avs = Bundle("avs")

    def __init__(self) -> None:
        super().__init__()
        self.model = Model()
        self.orgs = {key: Org(self.simulator, slug) for key, slug in SLUGS.items()}

    def expect(self, response: Any, status: int, what: str) -> dict[str, Any]:
        event(f"{what.split()[1]} -> {status}")
        assert response.status_code == status, (
            f"{what}: expected {status}, got {response.status_code}: "
            f"{response.text[:500]}"
        )
        return response.json() if response.content else {}

    def pick(self, data: st.DataObject, pool: set[str], label: str) -> str:
        """Mostly someone from ``pool`` (so rules get past 404), sometimes anyone."""
        # Hypothesis favours small numbers: 0..3 pick from the pool, 4 anyone.
        if pool and data.draw(st.integers(0, 4), label=f"{label}?") < 4:
            return data.draw(st.sampled_from(sorted(pool)), label=label)
        return data.draw(keys, label=label)

    def members(self, sid: str, *, but: str | None = None) -> set[str]:
        """Current deelnemers, without the initiator when ``but`` says so."""
        sam = self.model.sams[sid]
        if sam.deleted:
            return set()
        leave_out = sam.initiator if but == "initiator" else but
        return set(sam.members) - {leave_out}

    def member_or_anyone(self, data: st.DataObject, sid: str) -> str:
        return self.pick(data, self.members(sid), "actor")

    def rarely(self, data: st.DataObject) -> bool:
        """Closing and deleting end the fun: try them one time in four."""
        return data.draw(st.integers(0, 3), label="rarely") == 3

    def deelnemer_id(self, sid: str, key: str) -> str:
        sam = self.model.sams[sid]
        if key in sam.members:
            return sam.members[key].deelnemer_id
        stale = [i for i, k in sam.stale_ids.items() if k == key]
        return stale[0] if stale else str(uuid.uuid4())

    @precondition(lambda self: len(self.model.sams) < 3)
    @rule(target=sams, key=st.sampled_from(["A", "B", "A", "B", "P"]))
    def start(self, key: str) -> Any:
        verzoek = INITIATOR_KEYS.get(key, "2026060200011")
        body = self.expect(
            self.orgs[key].post(
                "/samenwerkingen", {"verzoeknummer": verzoek, "titel": "model"}
            ),
            self.model.start(key),
            f"{key} starts",
        )
        if not body.get("samenwerkingId"):
            return multiple()
        sid = body["samenwerkingId"]
        [me] = self.orgs[key].items(f"/samenwerkingen/{sid}/deelnemers", "deelnemers")
        self.model.sams[sid] = Sam(
            key, {key: Member(me["deelnemerId"], "VOLLEDIGE_TOEGANG", True)}
        )
        return sid

    @rule(sid=sams, data=st.data(), privilege=privileges)
    def invite(self, sid: str, data: st.DataObject, privilege: str) -> None:
        actor = self.member_or_anyone(data, sid)
        other = self.pick(data, set(SLUGS) - self.members(sid), "invitee")
        status = self.model.invite(actor, sid, other)
        body = self.expect(
            self.orgs[actor].post(
                f"/samenwerkingen/{sid}/deelnemers",
                {"oin": self.orgs[other].oin, "privilege": privilege},
            ),
            status,
            f"{actor} invites {other} to {sid}",
        )
        if status == 201:
            self.model.sams[sid].members[other] = Member(body["deelnemerId"], privilege)

    @rule(sid=sams, data=st.data(), privilege=privileges)
    def reprivilege(self, sid: str, data: st.DataObject, privilege: str) -> None:
        actor = self.member_or_anyone(data, sid)
        other = self.pick(data, self.members(sid, but="initiator"), "other")
        status = self.model.deelnemer_change(actor, sid, other)
        self.expect(
            self.orgs[actor].patch(
                f"/samenwerkingen/{sid}/deelnemers/{self.deelnemer_id(sid, other)}",
                {"privilege": privilege},
            ),
            status,
            f"{actor} reprivileges {other}",
        )
        if status == 200:
            self.model.sams[sid].members[other].privilege = privilege

    @rule(sid=sams, data=st.data())
    def remove(self, sid: str, data: st.DataObject) -> None:
        if not self.rarely(data):
            return
        actor = self.member_or_anyone(data, sid)
        other = self.pick(data, self.members(sid, but="initiator"), "other")
        status = self.model.deelnemer_change(actor, sid, other)
        expected = 204 if status == 200 else status
        self.expect(
            self.orgs[actor].delete(
                f"/samenwerkingen/{sid}/deelnemers/{self.deelnemer_id(sid, other)}"
            ),
            expected,
            f"{actor} removes {other}",
        )
        if expected == 204:
            sam = self.model.sams[sid]
            gone = sam.members.pop(other)
            sam.stale_ids[gone.deelnemer_id] = other
            for doc in self.model.docs.values():
                if doc.sid == sid:
                    doc.overrides.pop(other, None)

    @rule(
        target=docs,
        sid=sams,
        data=st.data(),
        aanduiding=st.sampled_from(["RV", "SV"]),
        content=st.binary(max_size=64),
    )
    def upload(
        self, sid: str, data: st.DataObject, aanduiding: str, content: bytes
    ) -> Any:
        actor = self.member_or_anyone(data, sid)
        status = self.model.upload(actor, sid)
        body = self.expect(
            self.orgs[actor].upload(sid, content, aanduiding=aanduiding),
            status,
            f"{actor} uploads to {sid}",
        )
        if status != 201:
            return multiple()
        self.model.docs[body["documentId"]] = Doc(sid, actor, aanduiding)
        return body["documentId"]

    @rule(
        doc=docs,
        data=st.data(),
        toegang=st.sampled_from(["TOEGESTAAN", "GEWEIGERD", None]),
    )
    def override(self, doc: str, data: st.DataObject, toegang: str | None) -> None:
        model = self.model
        sid = model.docs[doc].sid
        actor = self.pick(
            data,
            self.members(sid) & {model.docs[doc].uploader, model.sams[sid].initiator},
            "actor",
        )
        other = self.pick(data, self.members(sid, but="initiator"), "other")
        status = model.override(actor, doc, other, removing=toegang is None)
        path = (
            f"/documenten/{doc}/rechten/{self.deelnemer_id(model.docs[doc].sid, other)}"
        )
        if toegang is None:
            self.expect(
                self.orgs[actor].delete(path),
                status,
                f"{actor} clears {other} on {doc}",
            )
            if status == 204:
                del model.docs[doc].overrides[other]
            return
        self.expect(
            self.orgs[actor].put(path, {"toegang": toegang}),
            status,
            f"{actor} sets {other} {toegang} on {doc}",
        )
        if status in (200, 201):
            model.docs[doc].overrides[other] = toegang

    @rule(doc=docs, data=st.data(), aanduiding=st.sampled_from(["RV", "SV"]))
    def reclassify(self, doc: str, data: st.DataObject, aanduiding: str) -> None:
        found = self.model.docs[doc]
        actor = self.pick(data, self.members(found.sid) & {found.uploader}, "actor")
        status = self.model.change_doc(actor, doc)
        self.expect(
            self.orgs[actor].patch(
                f"/documenten/{doc}", {"vertrouwelijkheidsAanduiding": aanduiding}
            ),
            status,
            f"{actor} marks {doc} {aanduiding}",
        )
        if status == 200:
            self.model.docs[doc].aanduiding = aanduiding

    @rule(doc=docs, data=st.data())
    def delete_doc(self, doc: str, data: st.DataObject) -> None:
        if not self.rarely(data):
            return
        actor = self.member_or_anyone(data, self.model.docs[doc].sid)
        status = self.model.delete_doc(actor, doc)
        self.expect(
            self.orgs[actor].delete(f"/documenten/{doc}"),
            status,
            f"{actor} deletes {doc}",
        )
        if status == 204:
            self.model.docs[doc].deleted = True

    @rule(sid=sams, data=st.data())
    def close(self, sid: str, data: st.DataObject) -> None:
        if not self.rarely(data):
            return
        actor = self.member_or_anyone(data, sid)
        status = self.model.close(actor, sid)
        self.expect(
            self.orgs[actor].patch(
                f"/samenwerkingen/{sid}", {"status": {"status": "GESLOTEN"}}
            ),
            status,
            f"{actor} closes {sid}",
        )
        if status == 200:
            self.model.sams[sid].closed = True

    @rule(sid=sams, data=st.data())
    def delete_sam(self, sid: str, data: st.DataObject) -> None:
        if not self.rarely(data):
            return
        actor = self.member_or_anyone(data, sid)
        status = self.model.delete_sam(actor, sid)
        self.expect(
            self.orgs[actor].delete(f"/samenwerkingen/{sid}"),
            status,
            f"{actor} deletes {sid}",
        )
        if status == 204:
            self.model.sams[sid].deleted = True

    @rule(target=avs, sid=sams, data=st.data())
    def send(self, sid: str, data: st.DataObject) -> Any:
        actor = self.member_or_anyone(data, sid)
        ontvanger = self.pick(data, self.members(sid, but=actor), "ontvanger")
        status = self.model.send_av(actor, sid, ontvanger)
        body = self.expect(
            self.orgs[actor].actieverzoek(sid, self.orgs[ontvanger]),
            status,
            f"{actor} asks {ontvanger} in {sid}",
        )
        if status != 201:
            return multiple()
        self.model.avs[body["actieverzoekId"]] = Av(sid, actor, ontvanger)
        return body["actieverzoekId"]

    @rule(av=avs, data=st.data(), to=st.sampled_from(STATUSSEN))
    def move(self, av: str, data: st.DataObject, to: str) -> None:
        found = self.model.avs[av]
        actor = self.pick(
            data, {found.zender, found.ontvanger} & self.members(found.sid), "actor"
        )
        status = self.model.move_av(actor, av, to)
        self.expect(
            self.orgs[actor].patch(f"/actieverzoeken/{av}", {"status": to}),
            status,
            f"{actor} moves {av} to {to}",
        )
        if status == 200:
            self.model.avs[av].status = to

    @rule(sid=sams, key=keys)
    def observe(self, sid: str, key: str) -> None:
        self.compare_documents(sid, key)

    def compare_documents(self, sid: str, key: str) -> None:
        response = self.orgs[key].get(
            f"/samenwerkingen/{sid}/documenten", params={"aantal": 100}
        )
        if self.model.member(sid, key) is None:
            self.expect(response, 404, f"{key} lists documents of {sid}")
            return
        body = self.expect(response, 200, f"{key} lists documents of {sid}")
        seen = {d["documentId"] for d in body["_embedded"]["documenten"]}
        assert seen == self.model.visible_docs(sid, key), f"{key} in {sid}"

    def teardown(self) -> None:
        for key, org in self.orgs.items():
            listed = {
                s["samenwerkingId"]
                for s in org.items("/samenwerkingen", "samenwerkingen", size=100)
            }
            assert listed & set(self.model.sams) == self.model.sams_of(key), key
            for sid in self.model.sams:
                self.compare_documents(sid, key)
            for av_id in self.model.avs:
                got = org.get(f"/actieverzoeken/{av_id}")
                if self.model.sees_av(av_id, key):
                    assert (
                        self.expect(got, 200, "read av")["status"]
                        == self.model.avs[av_id].status
                    )
                else:
                    self.expect(got, 404, f"{key} reads {av_id}")


@pytest.fixture(scope="module")
def model_simulator(
    sim_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Simulator]:
    with running(sim_template, tmp_path_factory.mktemp("model") / "w") as simulator:
        yield simulator


def _run(simulator: Simulator, examples: int, steps: int, **options: Any) -> None:
    SimulatorMachine.simulator = simulator
    options.setdefault("derandomize", True)
    run_state_machine_as_test(
        SimulatorMachine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
            **options,
        ),
    )


def test_simulator_follows_the_reference_model(model_simulator: Simulator) -> None:
    _run(model_simulator, examples=6, steps=25)


def test_the_model_notices_a_broken_rule(
    sim_factory: Callable[..., Simulator],
) -> None:
    # With the role rule off, a provincie's start is judged on its verzoek
    # (400) instead of its role (403): the comparison must fail on it.
    broken = sim_factory(disabledRules=["starten-alleen-bg-of-behandeldienst"])
    with pytest.raises(AssertionError, match="P starts: expected 403, got 400"):
        _run(broken, examples=20, steps=10, phases=[Phase.generate])


@pytest.mark.slow
def test_simulator_follows_the_reference_model_longer(
    model_simulator: Simulator,
) -> None:
    _run(model_simulator, examples=8, steps=40, derandomize=False)
