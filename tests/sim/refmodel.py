"""A small reference model of the SWF rules, for the stateful test.

It predicts the status of every operation and what each organisation may
see, from nothing but the sequence of operations. Checks run in the order
the simulator runs them (existence and visibility, then role, then state),
so the first failing check decides the status.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from swfkit.sim.services.actieverzoeken import TRANSITIONS

INITIATOR_KEYS = {"A": "2026060200011", "B": "2026060200021"}


@dataclass
class Member:
    deelnemer_id: str
    privilege: str
    initiator: bool = False


@dataclass
class Sam:
    initiator: str
    members: dict[str, Member]
    closed: bool = False
    deleted: bool = False
    stale_ids: dict[str, str] = field(default_factory=dict)  # removed id -> key


@dataclass
class Doc:
    sid: str
    uploader: str
    aanduiding: str
    overrides: dict[str, str] = field(default_factory=dict)  # key -> toegang
    deleted: bool = False


@dataclass
class Av:
    sid: str
    zender: str
    ontvanger: str
    status: str = "OPEN"


@dataclass
class Model:
    sams: dict[str, Sam] = field(default_factory=dict)
    docs: dict[str, Doc] = field(default_factory=dict)
    avs: dict[str, Av] = field(default_factory=dict)

    # --- what an organisation sees -------------------------------------

    def member(self, sid: str, key: str) -> Member | None:
        sam = self.sams[sid]
        return None if sam.deleted else sam.members.get(key)

    def sees_doc(self, doc_id: str, key: str) -> bool:
        doc = self.docs[doc_id]
        me = self.member(doc.sid, key)
        if doc.deleted or me is None:
            return False
        if me.initiator or doc.uploader == key:
            return True
        if key in doc.overrides:
            return doc.overrides[key] == "TOEGESTAAN"
        return doc.aanduiding == "RV" or me.privilege == "VOLLEDIGE_TOEGANG"

    def visible_docs(self, sid: str, key: str) -> set[str]:
        return {
            d
            for d, doc in self.docs.items()
            if doc.sid == sid and self.sees_doc(d, key)
        }

    def sees_av(self, av_id: str, key: str) -> bool:
        av = self.avs[av_id]
        me = self.member(av.sid, key)
        return me is not None and (me.initiator or key in (av.zender, av.ontvanger))

    def sams_of(self, key: str) -> set[str]:
        return {sid for sid in self.sams if self.member(sid, key)}

    # --- expected statuses ----------------------------------------------

    def start(self, key: str) -> int:
        return 201 if key in INITIATOR_KEYS else 403

    def invite(self, actor: str, sid: str, target: str) -> int:
        sam = self.sams[sid]
        if self.member(sid, actor) is None:
            return 404
        if actor != sam.initiator:
            return 403
        if sam.closed:
            return 409
        if target == actor:
            return 400
        return 409 if target in sam.members else 201

    def deelnemer_change(self, actor: str, sid: str, target: str) -> int:
        """Re-privilege or remove ``target`` (by its current deelnemerId)."""
        sam = self.sams[sid]
        if self.member(sid, actor) is None or target not in sam.members:
            return 404
        if actor != sam.initiator:
            return 403
        if sam.closed:
            return 409
        return 409 if sam.members[target].initiator else 200

    def upload(self, actor: str, sid: str) -> int:
        if self.member(sid, actor) is None:
            return 404
        return 409 if self.sams[sid].closed else 201

    def override(
        self, actor: str, doc_id: str, target: str, *, removing: bool = False
    ) -> int:
        doc = self.docs[doc_id]
        if not self.sees_doc(doc_id, actor):
            return 404
        sam = self.sams[doc.sid]
        if target not in sam.members:
            return 404
        if actor not in (sam.initiator, doc.uploader):
            return 403
        if sam.closed or sam.members[target].initiator:
            return 409
        if removing:
            return 204 if target in doc.overrides else 404
        return 200 if target in doc.overrides else 201

    def change_doc(self, actor: str, doc_id: str) -> int:
        doc = self.docs[doc_id]
        if not self.sees_doc(doc_id, actor):
            return 404
        if doc.uploader != actor:
            return 403
        return 409 if self.sams[doc.sid].closed else 200

    def delete_doc(self, actor: str, doc_id: str) -> int:
        doc = self.docs[doc_id]
        if not self.sees_doc(doc_id, actor):
            return 404
        sam = self.sams[doc.sid]
        if actor not in (doc.uploader, sam.initiator):
            return 403
        return 409 if sam.closed else 204

    def close(self, actor: str, sid: str) -> int:
        sam = self.sams[sid]
        if self.member(sid, actor) is None:
            return 404
        if actor != sam.initiator:
            return 403
        return 409 if sam.closed else 200

    def delete_sam(self, actor: str, sid: str) -> int:
        sam = self.sams[sid]
        if self.member(sid, actor) is None:
            return 404
        if actor != sam.initiator:
            return 403
        return 204 if sam.closed else 409

    def send_av(self, actor: str, sid: str, ontvanger: str) -> int:
        if self.member(sid, actor) is None:
            return 404
        if self.sams[sid].closed:
            return 409
        if ontvanger == actor or self.member(sid, ontvanger) is None:
            return 400
        return 201

    def move_av(self, actor: str, av_id: str, target: str) -> int:
        if not self.sees_av(av_id, actor):
            return 404
        av = self.avs[av_id]
        party = (
            "zender"
            if actor == av.zender
            else "ontvanger"
            if actor == av.ontvanger
            else None
        )
        reachable = {to for (who, _, to) in TRANSITIONS if who == party}
        ever = {to for (_, _, to) in TRANSITIONS}
        if target not in reachable and target in ever:
            return 403
        if (party, av.status, target) not in TRANSITIONS:
            return 409
        return 409 if self.sams[av.sid].closed else 200
