"""The resource subcommands against a running simulator, as a user runs them."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from swfkit.cli import cli, main

PROVINCIE = "00000099000000003001"
Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No SWF_* variables, profile files or home config leak into a test."""
    for name in list(os.environ):
        if name.startswith("SWF_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def swf(simulator, sim_world: Path) -> Callable[..., Run]:
    """``swf(identity)(*args)`` runs a command as that world identity."""

    def as_identity(identity: str) -> Run:
        def run(*args: str, ok: bool = True) -> Result:
            result = CliRunner().invoke(
                cli,
                [
                    *args,
                    "--identities",
                    str(sim_world / "identities.json"),
                    "--identity",
                    identity,
                ],
            )
            if ok:
                assert result.exit_code == 0, (result.output, result.exception)
            return result

        return run

    return as_identity


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


@pytest.fixture
def aadorp(swf: Callable[..., Run]) -> Run:
    return swf("gemeente-aadorp")


@pytest.fixture
def provincie(swf: Callable[..., Run]) -> Run:
    return swf("provincie-zuiderkwartier")


@pytest.fixture
def samenwerking_id(aadorp: Run) -> str:
    started = aadorp(
        "samenwerkingen",
        "start",
        "--verzoeknummer",
        "2026060200011",
        "--titel",
        "CLI dossier",
        "--taal",
        "NL",
        "--json",
    )
    sid: str = _json(started)["samenwerkingId"]
    aadorp(
        "deelnemers",
        "invite",
        sid,
        "--ketenpartner",
        PROVINCIE,
        "--privilege",
        "BEPERKTE_TOEGANG",
    )
    return sid


def test_samenwerkingen_commands(aadorp: Run, samenwerking_id: str):
    sid = samenwerking_id

    shown = aadorp("samenwerkingen", "show", sid)
    listed = aadorp("samenwerkingen", "list", "--status", "OPEN", "--json")
    updated = aadorp("samenwerkingen", "update", sid, "--titel", "Nieuw", "--json")
    stopped = aadorp("samenwerkingen", "stop", sid, "--json")
    deleted = aadorp("samenwerkingen", "delete", sid, "--yes")

    assert "CLI dossier" in shown.stdout and "OPEN" in shown.stdout
    assert sid in {item["samenwerkingId"] for item in _json(listed)}
    assert _json(updated)["titel"] == "Nieuw"
    assert _json(stopped)["status"] == {"status": "GESLOTEN"}
    assert f"{sid} deleted." in deleted.stdout


def test_samenwerkingen_table_output(aadorp: Run, samenwerking_id: str):
    result = aadorp("samenwerkingen", "list")

    assert "Samenwerkingen" in result.stdout
    assert samenwerking_id in result.stdout and "CLI dossier" in result.stdout


def test_deelnemers_commands(aadorp: Run, samenwerking_id: str):
    sid = samenwerking_id
    bureau = _json(
        aadorp(
            "deelnemers",
            "invite",
            sid,
            "--ketenpartner",
            "90012345",
            "--privilege",
            "volledige_toegang",
            "--json",
        )
    )
    listed = _json(aadorp("deelnemers", "list", sid, "--json"))
    partner = next(d for d in listed if d["oin"] == PROVINCIE)

    changed = aadorp(
        "deelnemers",
        "privilege",
        sid,
        partner["deelnemerId"],
        "VOLLEDIGE_TOEGANG",
        "--json",
    )
    removed = aadorp("deelnemers", "remove", sid, bureau["deelnemerId"], "--yes")

    assert bureau["kvkNummer"] == "90012345"
    assert len(listed) == 3
    assert _json(changed)["privilege"] == "VOLLEDIGE_TOEGANG"
    assert "removed" in removed.stdout


def test_documenten_commands(
    aadorp: Run, provincie: Run, samenwerking_id: str, tmp_path: Path
):
    sid = samenwerking_id
    source = tmp_path / "tekening.pdf"
    source.write_bytes(b"%PDF-1.4 " * 2000)

    uploaded = _json(
        aadorp(
            "documenten",
            "upload",
            sid,
            str(source),
            "--omschrijving",
            "Tekening",
            "--vertrouwelijkheid",
            "RV",
            "--json",
        )
    )
    geheim = _json(
        aadorp(
            "documenten",
            "upload",
            sid,
            str(source),
            "--naam",
            "geheim.pdf",
            "--omschrijving",
            "Geheim",
            "--vertrouwelijkheid",
            "SV",
            "--json",
        )
    )
    doc, sv = uploaded["documentId"], geheim["documentId"]
    partner_view = _json(provincie("documenten", "list", sid, "--json"))
    (tmp_path / "binnen").mkdir()
    downloaded = provincie(
        "documenten", "download", doc, "-o", str(tmp_path / "binnen")
    )
    shown = aadorp("documenten", "show", doc)
    updated = _json(
        aadorp("documenten", "update", doc, "--omschrijving", "Anders", "--json")
    )

    assert {d["documentId"] for d in partner_view} >= {doc}
    assert sv not in {d["documentId"] for d in partner_view}
    assert (tmp_path / "binnen" / "tekening.pdf").read_bytes() == source.read_bytes()
    assert (
        "tekening.pdf" in downloaded.stdout
        and uploaded["documentHash"] in downloaded.stdout
    )
    assert "Tekening" in shown.stdout
    assert updated["documentOmschrijving"] == "Anders"

    deelnemers = _json(aadorp("deelnemers", "list", sid, "--json"))
    partner = next(d["deelnemerId"] for d in deelnemers if d["oin"] == PROVINCIE)
    aadorp("documenten", "recht", sv, partner, "TOEGESTAAN")
    rechten = _json(aadorp("documenten", "rechten", sv, "--json"))
    provincie("documenten", "show", sv)
    aadorp("documenten", "recht", sv, partner, "--verwijderen")
    hidden = provincie("documenten", "show", sv, ok=False)
    aadorp("documenten", "delete", doc, "--yes")

    assert [r["toegang"] for r in rechten] == ["TOEGESTAAN"]
    assert hidden.exit_code != 0


def test_actieverzoeken_commands(aadorp: Run, provincie: Run, samenwerking_id: str):
    sid = samenwerking_id
    created = _json(
        aadorp(
            "actieverzoeken",
            "create",
            sid,
            "--titel",
            "Advies",
            "--omschrijving",
            "Graag advies",
            "--ontvanger",
            PROVINCIE,
            "--uiterlijke-reactie-datum",
            "2030-01-31",
            "--json",
        )
    )
    vid = created["actieverzoekId"]

    listed = _json(provincie("actieverzoeken", "list", "--samenwerking", sid, "--json"))
    provincie("actieverzoeken", "accept", vid)
    provincie("actieverzoeken", "bericht", vid, "Bijna klaar")
    provincie("actieverzoeken", "done", vid, "--melding", "Klaar")
    approved = _json(aadorp("actieverzoeken", "approve", vid, "--json"))
    berichten = aadorp("actieverzoeken", "berichten", vid)
    shown = aadorp("actieverzoeken", "show", vid)

    other = _json(
        aadorp(
            "actieverzoeken",
            "create",
            sid,
            "--titel",
            "Tweede",
            "--omschrijving",
            "o",
            "--ontvanger",
            PROVINCIE,
            "--json",
        )
    )
    refused = _json(
        provincie("actieverzoeken", "refuse", other["actieverzoekId"], "--json")
    )
    third = _json(
        aadorp(
            "actieverzoeken",
            "create",
            sid,
            "--titel",
            "Derde",
            "--omschrijving",
            "o",
            "--ontvanger",
            PROVINCIE,
            "--json",
        )
    )
    withdrawn = _json(
        aadorp("actieverzoeken", "withdraw", third["actieverzoekId"], "--json")
    )

    assert created["uiterlijkeReactieDatum"] == "2030-01-31"
    assert vid in {a["actieverzoekId"] for a in listed}
    assert approved["status"] == "GEREED"
    assert "Bijna klaar" in berichten.stdout
    assert "GEREED" in shown.stdout
    assert refused["status"] == "GEWEIGERD" and withdrawn["status"] == "INGETROKKEN"


def test_notificaties_commands(
    aadorp: Run, provincie: Run, samenwerking_id: str, tmp_path: Path
):
    cursor = str(tmp_path / "cursor.json")
    first = _json(
        provincie(
            "notificaties",
            "poll",
            "--cursor",
            cursor,
            "--samenwerking",
            samenwerking_id,
            "--json",
        )
    )
    again = _json(
        provincie(
            "notificaties",
            "poll",
            "--cursor",
            cursor,
            "--samenwerking",
            samenwerking_id,
            "--json",
        )
    )
    listed = _json(
        provincie(
            "notificaties",
            "list",
            "--samenwerking",
            samenwerking_id,
            "--type",
            "UITNODIGING_KETENPARTNER",
            "--since",
            "2000-01-01T00:00:00",
            "--json",
        )
    )
    nid = listed[0]["notificatieId"]
    shown = provincie("notificaties", "show", nid)
    provincie("notificaties", "delete", nid, "--yes")
    gone = provincie("notificaties", "show", nid, ok=False)

    assert [n["notificatieType"] for n in first] == ["UITNODIGING_KETENPARTNER"]
    assert again == []
    assert [n["notificatieId"] for n in listed] == [first[0]["notificatieId"]]
    assert "UITNODIGING_KETENPARTNER" in shown.stdout
    assert gone.exit_code != 0


def test_api_error_is_one_line_with_exit_code_3(simulator, sim_world: Path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "samenwerkingen",
                "show",
                "SAM-999999",
                "--identities",
                str(sim_world / "identities.json"),
                "--identity",
                "gemeente-aadorp",
            ]
        )

    err = capsys.readouterr().err
    assert caught.value.code == 3
    assert err.startswith("swfkit: 404") and err.count("\n") == 1
    assert "Traceback" not in err


def test_configuration_error_is_one_line_with_exit_code_2(capsys, tmp_path: Path):
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "samenwerkingen",
                "list",
                "--identities",
                str(tmp_path / "ontbreekt.json"),
                "--identity",
                "x",
            ]
        )

    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert "ontbreekt.json" in err and err.count("\n") == 1


def test_upload_shows_progress_bar_on_a_terminal(
    aadorp: Run, samenwerking_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    screen = io.StringIO()
    monkeypatch.setattr(
        "swfkit.cli.resource_output.stderr_console",
        lambda: Console(file=screen, force_terminal=True, width=100),
    )
    source = tmp_path / "voortgang.bin"
    source.write_bytes(b"\0" * 3_000_000)

    aadorp(
        "documenten",
        "upload",
        samenwerking_id,
        str(source),
        "--omschrijving",
        "x",
        "--vertrouwelijkheid",
        "RV",
    )

    assert "voortgang.bin" in screen.getvalue()
    assert "3.0" in screen.getvalue()


def test_usage_mistakes_are_refused_before_any_request(aadorp: Run):
    no_fields = aadorp("samenwerkingen", "update", "SAM-1", ok=False)
    bad_choice = aadorp(
        "documenten", "list", "SAM-1", "--vertrouwelijkheid", "XX", ok=False
    )

    assert no_fields.exit_code == 2 and "at least one field" in no_fields.stderr
    assert bad_choice.exit_code == 2
