"""The report writer (HTML, JSON) and the manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swfkit.conformance.collector import read_evidence
from swfkit.conformance.fixes import fix_for
from swfkit.conformance.manifest import verify_manifest, write_manifest
from swfkit.conformance.report import group_by_function, write_html, write_json
from swfkit.conformance.results import (
    Evidence,
    FunctionInfo,
    RunResult,
    ScenarioResult,
    StepResult,
)
from swfkit.conformance.runner import CertifyOptions, check_options
from swfkit.errors import ConfigurationError

from .paths import CASSETTES


def _run() -> RunResult:
    passed = ScenarioResult(
        "n1",
        "Documenten",
        "documenten.feature",
        "Document toevoegen",
        10,
        tags=["functie-document-toevoegen", "functie-documentmetadata-tonen"],
        functies=["document-toevoegen", "documentmetadata-tonen"],
        steps=[StepResult("Als", "de initiator voegt toe", "passed")],
        evidence=[
            Evidence(
                "POST",
                "https://swf.cassette.invalid/v5/x",
                201,
                {"X-OIN": "00000099000000001001"},
                '{"a": 1}',
                {},
                "{}",
            )
        ],
    )
    failed = ScenarioResult(
        "n2",
        "Vertrouwelijkheid",
        "vertrouwelijkheid.feature",
        "SV <verborgen>",
        20,
        tags=["functie-document-downloaden"],
        functies=["document-downloaden"],
        outcome="failed",
        message="regel beperkte-toegang-ziet-geen-sv: <script>x",
        fix=fix_for("regel beperkte-toegang-ziet-geen-sv: zag het", None, "sim"),
        steps=[StepResult("Dan", "ziet niets", "failed")],
    )
    skipped = ScenarioResult(
        "n3",
        "Aansluiten",
        "aansluiten.feature",
        "Zonder certificaat",
        5,
        tags=["aansluiten", "tls-handshake"],
        outcome="skipped",
        reason="Overgeslagen in replay: TLS-handshake.",
    )
    return RunResult(
        "20260602T101500Z-3f9a1c",
        "sim",
        "https://127.0.0.1:1/v5",
        "start",
        "eind",
        "0.1.0",
        "5.0.0-swfkit.1",
        "ab" * 32,
        functions=[
            FunctionInfo("document-toevoegen", "Het toevoegen van een document"),
            FunctionInfo("document-downloaden", "Het downloaden"),
            FunctionInfo("documentmetadata-tonen", "Metadata tonen"),
            FunctionInfo("samenwerking-stoppen", "Het stoppen"),
        ],
        assumed=["DELETE /notificaties/{notificatieId}"],
        scenarios=[passed, failed, skipped],
    )


def test_groups_follow_the_seed_order_with_each_scenario_once() -> None:
    groups = {g.id: g for g in group_by_function(_run())}

    assert list(groups) == [
        "aansluiten",
        "document-toevoegen",
        "document-downloaden",
        "documentmetadata-tonen",
        "samenwerking-stoppen",
    ]
    assert [s.scenario for s in groups["documentmetadata-tonen"].also] == [
        "Document toevoegen"
    ]
    assert groups["documentmetadata-tonen"].scenarios == []
    assert groups["samenwerking-stoppen"].outcome == "missing"
    assert groups["document-downloaden"].outcome == "failed"


def test_html_report_is_dutch_escaped_and_complete(tmp_path: Path) -> None:
    path = write_html(_run(), tmp_path / "report.html", files=["report.json"])
    html = path.read_text(encoding="utf-8")

    for text in (
        "geslaagd",
        "gefaald",
        "overgeslagen",
        "Hoe op te lossen",
        "Wat is gecontroleerd",
        "Bewijs: 1 verzoek",
        "Let op.",
        "officiële documentatie",
        "Overgeslagen in replay",
        "disabledRules",
        "DELETE /notificaties/{notificatieId}",
        "Niet gecontroleerd in deze run",
    ):
        assert text in html, text
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    assert html.count('id="vertrouwelijkheid-sv-verborgen"') == 1


def test_json_report_has_counts_and_results(tmp_path: Path) -> None:
    data = json.loads(write_json(_run(), tmp_path / "report.json").read_text())

    assert data["counts"] == {"passed": 1, "failed": 1, "skipped": 1, "total": 3}
    assert data["scenarios"][1]["message"].startswith("regel beperkte-toegang")


def test_fix_depends_on_failure_and_target() -> None:
    assert "disabledRules" in fix_for("regel gesloten-is-alleen-lezen: x", None, "sim")
    assert "servicedesk" in fix_for("regel gesloten-is-alleen-lezen: x", None, "live")
    assert "make record" in fix_for(
        "x", "CannotOverwriteExistingCassetteException", "replay"
    )
    assert "formulieren" in fix_for(
        "de SWF weigerde: 403 Niet toegestaan", None, "live"
    )
    assert "swfkit doctor" in fix_for("x", "TlsError", "live")


def test_manifest_lists_every_file_and_notices_changes(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text("rapport")
    (tmp_path / "cassettes").mkdir()
    (tmp_path / "cassettes" / "a.yaml").write_text("interactions: []")

    manifest = json.loads(write_manifest(tmp_path, run_id="r1").read_text())

    assert set(manifest["bestanden"]) == {"report.html", "cassettes/a.yaml"}
    assert manifest["run_id"] == "r1"
    assert verify_manifest(tmp_path) == []
    (tmp_path / "report.html").write_text("gewijzigd")
    (tmp_path / "extra.txt").write_text("x")
    (tmp_path / "cassettes" / "a.yaml").unlink()
    assert sorted(verify_manifest(tmp_path)) == [
        "gewijzigd: report.html",
        "niet in het manifest: extra.txt",
        "ontbreekt: cassettes/a.yaml",
    ]


def test_evidence_shows_requests_but_never_document_contents() -> None:
    cassette = (
        CASSETTES
        / "documenten"
        / "een-deelnemer-downloadt-een-document-ongewijzigd.yaml"
    )
    evidence = read_evidence(cassette)

    download = next(e for e in evidence if e.url.endswith("/content"))
    assert download.status == 200
    assert download.response_body and "niet in het rapport" in download.response_body
    start = next(e for e in evidence if e.method == "POST")
    assert start.request_body and start.request_body.startswith("{\n")
    assert start.request_headers["X-OIN"].isdigit()


def test_certify_refuses_a_target_without_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="identities"):
        check_options(CertifyOptions("live", tmp_path), tmp_path)
    with pytest.raises(ConfigurationError, match="make record"):
        check_options(CertifyOptions("replay", tmp_path), tmp_path)


def test_run_is_not_ok_when_pytest_could_not_run_everything() -> None:
    run = _run()
    run.scenarios = [s for s in run.scenarios if s.outcome != "failed"]
    assert run.ok

    run.pytest_exit_code = 2

    assert not run.ok
