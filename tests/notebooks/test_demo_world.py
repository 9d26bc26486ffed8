"""The demo world: a year of history made through the simulator's own rules."""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from simkit import start_simulator

from swfkit import Client
from swfkit.cli import cli
from swfkit.errors import ConfigurationError
from swfkit.sim import demo
from swfkit.sim.access import document_visible
from swfkit.sim.clock import ManualClock
from swfkit.sim.demo import DemoSummary, init_demo_world
from swfkit.sim.demo_cast import BEPERKT_PARTNER
from swfkit.sim.demo_replay import DemoError, Replayer
from swfkit.sim.demo_script import DemoVerzoek, Event, StoryPlan
from swfkit.sim.rules import RuleBook
from swfkit.sim.world import World
from swfkit.sim.worldgen import init_world

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
# Columns holding random UUIDs (rows, blobs): left out when comparing worlds.
_RANDOM = {
    "seq",
    "deelnemerId",
    "documentId",
    "blob",
    "actieverzoekId",
    "berichtId",
    "notificatieId",
}
_TABLES = (
    "samenwerking",
    "deelnemer",
    "document",
    "recht",
    "actieverzoek",
    "bericht",
    "notificatie",
)


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, DemoSummary]]:
    directory = tmp_path_factory.mktemp("demo-unit") / "world"
    started = time.monotonic()
    summary = init_demo_world(directory, now=NOW)
    seconds = time.monotonic() - started
    assert seconds < 60, f"the demo world took {seconds:.0f} s to make"
    yield directory, summary


def _db(directory: Path) -> sqlite3.Connection:
    db = sqlite3.connect(directory / "sim.db")
    db.row_factory = sqlite3.Row
    return db


def _oins(directory: Path) -> dict[str, str]:
    data = json.loads((directory / "world.json").read_text())
    return {org["slug"]: org["oin"] for org in data["organisations"]}


def test_demo_world_holds_a_year_of_collaboration_when_generated(
    world: tuple[Path, DemoSummary],
) -> None:
    directory, summary = world
    db = _db(directory)
    created = [
        datetime.fromisoformat(r[0])
        for r in db.execute("SELECT creatieDatumTijd FROM samenwerking")
    ]
    organisations = {r[0] for r in db.execute("SELECT DISTINCT oin FROM deelnemer")}

    assert len(created) >= 200
    assert len(organisations) >= 10
    assert min(created) < NOW - timedelta(days=300)
    assert min(created) >= NOW - timedelta(days=366)
    assert max(created) > NOW - timedelta(days=14)
    assert set(summary.samenwerkingen) == {"OPEN", "GESLOTEN"}
    assert summary.documenten["RV"] > 100 and summary.documenten["SV"] > 100


def test_demo_world_has_every_kind_of_event_when_generated(
    world: tuple[Path, DemoSummary],
) -> None:
    _, summary = world
    events = summary.gebeurtenissen

    for kind in (
        "start",
        "invite",
        "upload",
        "send",
        "bericht",
        "remove",
        "privilege",
        "recht",
        "recht-weg",
        "document",
        "verwijder-document",
        "samenwerking",
        "close",
        "delete",
        "notificatie-verwijderd",
    ):
        assert events.get(kind, 0) > 0, f"no {kind} events"
    assert summary.notificaties > 0
    assert {
        "GEREED",
        "GEREEDGEMELD",
        "GEWEIGERD",
        "INGETROKKEN",
        "IN_BEHANDELING",
    } <= set(summary.actieverzoeken)


def test_demo_actieverzoeken_are_late_for_some_partners_systematically(
    world: tuple[Path, DemoSummary],
) -> None:
    directory, _ = world
    db = _db(directory)
    oins = _oins(directory)

    def late_share(slug: str) -> float:
        rows = db.execute(
            "SELECT date(laatstAangepastDatumTijd) > uiterlijkeReactieDatum AS late"
            " FROM actieverzoek WHERE ontvanger = ? AND status = 'GEREEDGEMELD'"
            " OR ontvanger = ? AND status = 'GEREED'",
            (oins[slug], oins[slug]),
        )
        values = [row["late"] for row in rows]
        assert len(values) >= 5, f"too few answers from {slug}"
        return sum(values) / len(values)

    assert late_share("waterschap-lage-venen") > 0.6
    assert late_share("ggd-polderland") > 0.6
    assert late_share("veiligheidsregio-polderland") < 0.2
    overdue = db.execute(
        "SELECT COUNT(*) FROM actieverzoek WHERE status IN ('OPEN', 'IN_BEHANDELING')"
        " AND uiterlijkeReactieDatum < ?",
        (NOW.date().isoformat(),),
    ).fetchone()[0]
    assert overdue >= 5


def test_demo_history_lies_entirely_before_now(world: tuple[Path, DemoSummary]) -> None:
    directory, _ = world
    db = _db(directory)
    limit = NOW.strftime("%Y-%m-%dT%H:%M:%S.999Z")
    for table, column in (
        ("samenwerking", "laatstAangepastDatumTijd"),
        ("document", "laatstAangepastDatumTijd"),
        ("actieverzoek", "laatstAangepastDatumTijd"),
        ("bericht", "creatieDatumTijd"),
        ("notificatie", "eventDatumTijd"),
    ):
        latest = db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0]
        assert latest <= limit, f"{table}.{column} after now: {latest}"


def test_demo_beperkt_partner_can_see_no_strictly_confidential_document(
    world: tuple[Path, DemoSummary],
) -> None:
    directory, _ = world
    db = _db(directory)
    oin = _oins(directory)[BEPERKT_PARTNER]
    rules = RuleBook()
    seen = {"RV": 0, "SV": 0}
    for me in db.execute("SELECT * FROM deelnemer WHERE oin = ?", (oin,)).fetchall():
        assert me["privilege"] == "BEPERKTE_TOEGANG"
        for doc in db.execute(
            "SELECT * FROM document WHERE samenwerkingId = ?", (me["samenwerkingId"],)
        ):
            override = db.execute(
                "SELECT toegang FROM recht WHERE documentId = ? AND deelnemerId = ?",
                (doc["documentId"], me["deelnemerId"]),
            ).fetchone()
            if document_visible(
                rules, dict(doc), dict(me), override[0] if override else None
            ):
                seen[doc["vertrouwelijkheidsAanduiding"]] += 1

    assert seen["SV"] == 0
    assert seen["RV"] > 20


def test_demo_world_is_served_within_the_contract(
    world: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    # The simulator checks every answer against the contract: history that
    # broke a schema would come back as a 500 here.
    directory, _ = world
    simulator = start_simulator(directory)
    try:
        for identity in (
            "gemeente-aadorp",
            "omgevingsdienst-middenpolder",
            BEPERKT_PARTNER,
        ):
            with Client.from_settings(
                identities=directory / "identities.json", identity=identity
            ) as swf:
                sams = swf.list_samenwerkingen(page_size=100).to_list()
                for sam in sams[:15]:
                    swf.list_documenten(sam.samenwerking_id, page_size=100).to_list()
                    swf.list_deelnemers(sam.samenwerking_id).to_list()
                assert swf.list_actieverzoeken(page_size=100).to_list()
                swf.list_notificaties(page_size=100).to_list()
                assert len(sams) > 10
    finally:
        simulator.stop()


def _fingerprint(directory: Path) -> dict[str, Any]:
    db = _db(directory)
    tables = {}
    for table in _TABLES:
        rows = []
        for row in db.execute(f"SELECT * FROM {table}"):
            pairs = zip(row.keys(), row, strict=True)
            values = {k: v for k, v in pairs if k not in _RANDOM}
            if table == "actieverzoek":
                values["documenten"] = len(json.loads(values["documenten"]))
            if table == "notificatie":
                props = json.loads(values["properties"])
                values["properties"] = sorted(k for k in props if not k.endswith("Id"))
            rows.append(json.dumps(values, sort_keys=True))
        tables[table] = sorted(rows)
    world = json.loads((directory / "world.json").read_text())
    return {"tables": tables, "verzoeken": world["verzoeken"]}


def test_demo_world_is_the_same_for_the_same_seed_and_now(tmp_path: Path) -> None:
    first = init_demo_world(tmp_path / "a", count=25, now=NOW)
    second = init_demo_world(tmp_path / "b", count=25, now=NOW)
    init_demo_world(tmp_path / "c", count=25, now=NOW, seed=7)

    assert first.gebeurtenissen == second.gebeurtenissen
    assert _fingerprint(tmp_path / "a") == _fingerprint(tmp_path / "b")
    assert _fingerprint(tmp_path / "a") != _fingerprint(tmp_path / "c")


def test_demo_refuses_to_replace_a_world_without_force(tmp_path: Path) -> None:
    init_demo_world(tmp_path / "w", count=3, now=NOW)

    with pytest.raises(ConfigurationError, match="already exists"):
        init_demo_world(tmp_path / "w", count=3, now=NOW)
    assert init_demo_world(tmp_path / "w", count=3, now=NOW, force=True).deelnemers > 0


def test_sim_init_demo_creates_the_demo_world_and_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small world keeps this test quick; the option's wiring is what counts.
    small = functools.partial(init_demo_world, count=12, now=NOW)
    monkeypatch.setattr(demo, "init_demo_world", small)

    result = CliRunner().invoke(
        cli, ["sim", "init", "--demo", "--dir", str(tmp_path / "w"), "--port", "9443"]
    )

    assert result.exit_code == 0, result.output
    assert "samenwerkingen:" in result.output
    assert "actieverzoeken:" in result.output
    identities = json.loads((tmp_path / "w" / "identities.json").read_text())
    assert BEPERKT_PARTNER in identities["identities"]
    assert identities["baseUrl"].startswith("https://127.0.0.1:9443/")


def test_demo_replay_stops_naming_the_rule_when_the_script_breaks_one(
    tmp_path: Path,
) -> None:
    init_world(tmp_path / "w")
    world = World.load(tmp_path / "w")
    verzoek = DemoVerzoek(
        "2026060200011",
        ("gemeente-aadorp",),
        "Bouwen",
        "Melding",
        "Dorpsstraat 12, Aadorp",
        "J. de Vries",
        in_dossier=False,
    )
    start = NOW - timedelta(days=3)
    body = {"verzoeknummer": verzoek.nummer, "titel": "Demo"}
    plan = StoryPlan(
        0,
        "gemeente-aadorp",
        verzoek,
        [
            Event(start, "gemeente-aadorp", "start", {"body": body}),
            # A ketenpartner cannot close a samenwerking it does not take part in.
            Event(start + timedelta(hours=1), "waterschap-lage-venen", "close"),
        ],
    )
    replayer = Replayer(world, ManualClock(NOW), NOW)
    try:
        with pytest.raises(DemoError, match="demo story 0: close by waterschap"):
            replayer.play(plan)
    finally:
        replayer.close()
