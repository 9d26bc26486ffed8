"""Schemathesis against the contract the simulator serves: no 5xx, all conform.

The schemathesis CLI loads ``{base}/openapi.json`` from the running simulator
over mutual TLS and runs its four phases (examples, coverage, fuzzing, and
stateful sequences linked through ``Location`` headers). Half of the path ids
it sends are real ones from a seeded samenwerking, so it gets past the 404s
into the handlers; the other half stay generated, to probe path handling.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from swfkit.contract import openapi_for_core
from swfkit.contract.core import _RESOLVED_CACHE_SIZE
from swfkit.sim.server import Simulator

from .helpers import AADORP, PROVINCIE, VERZOEK_AADORP, client, scale

pytest.importorskip("schemathesis", reason="install the reliability extra")

MAX_EXAMPLES = scale(8, 100)
SEED = 20260601
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)


def _seed(world: Path) -> dict[str, list[str]]:
    """A samenwerking with one of everything; return the ids per path name."""
    initiator, partner = client(world, AADORP), client(world, PROVINCIE)
    sid = initiator.start_samenwerking(VERZOEK_AADORP, "Schemathesis").samenwerking_id
    deelnemer = initiator.invite_ketenpartner(
        sid, oin=partner.oin, privilege="BEPERKTE_TOEGANG"
    )
    doc = initiator.upload_document(
        sid,
        b"inhoud",
        bestandsnaam="stuk.txt",
        omschrijving="stuk",
        vertrouwelijkheid="RV",
    )
    initiator.set_document_recht(doc.document_id, deelnemer.deelnemer_id, "TOEGESTAAN")
    av = initiator.create_actieverzoek(
        sid, titel="Advies", omschrijving="Graag advies", ontvanger=partner.oin
    )
    bericht = partner.send_bericht(av.actieverzoek_id, "Wij kijken ernaar")
    notificaties = [n.notificatie_id for n in initiator.list_notificaties()]
    return {
        "samenwerkingId": [sid],
        "deelnemerId": [deelnemer.deelnemer_id],
        "documentId": [doc.document_id],
        "actieverzoekId": [av.actieverzoek_id],
        "berichtId": [bericht.bericht_id],
        "notificatieId": notificaties[:3],
    }


def _config(ids: dict[str, list[str]]) -> str:
    """schemathesis.toml: dictionaries of real ids, bound to half the path values."""
    lines: list[str] = []
    for name, values in ids.items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values)}", ""]
    lines.append("[dictionaries.verzoeken]")
    lines += [f'values = ["{VERZOEK_AADORP}"]', "", "[parameters]"]
    for name in ids:
        lines.append(f'"path.{name}" = {{ dictionary = "{name}", probability = 0.5 }}')
    lines.append(
        '"body.verzoeknummer" = { dictionary = "verzoeken", probability = 0.8 }'
    )
    return "\n".join(lines) + "\n"


def _run_schemathesis(sim: Simulator, config: Path, reports: Path) -> str:
    world = sim.world_dir
    identity = json.loads((world / "identities.json").read_text())
    me = identity["identities"][AADORP]
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "run",
        f"{sim.base_url}/openapi.json",
        "--url",
        sim.base_url,
        "--request-cert",
        str(world / me["cert"]),
        "--request-cert-key",
        str(world / me["key"]),
        "--tls-verify",
        str(world / identity["caBundle"]),
        "-H",
        f"{identity['oinHeader']}: {me['oin']}",
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        "2",
        "--report",
        "junit",
        "--report-junit-path",
        str(reports / "junit.xml"),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=900, cwd=reports
    )
    assert done.returncode == 0, done.stdout[-12000:] + done.stderr[-3000:]
    return done.stdout


def _statuses(caplog: pytest.LogCaptureFixture) -> Counter[str]:
    """Status classes from the simulator's own request log (2xx, 4xx, ...)."""
    seen: Counter[str] = Counter()
    for record in caplog.records:
        if record.name == "swfkit.sim.web.app" and isinstance(record.args, tuple):
            status = str(record.args[2])
            seen[status[0] + "xx" if status[:1].isdigit() else status] += 1
    return seen


def test_schemathesis_finds_no_server_error_and_only_conforming_responses(
    fresh_simulator: Simulator,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    proved: Callable[[str], None],
) -> None:
    caplog.set_level(logging.INFO, logger="swfkit.sim.web.app")
    config = tmp_path / "schemathesis.toml"
    config.write_text(_config(_seed(fresh_simulator.world_dir)))

    output = _run_schemathesis(fresh_simulator, config, tmp_path)

    suite = ET.parse(tmp_path / "junit.xml").getroot()
    operations = len(suite.findall(".//testcase"))
    failures = len(suite.findall(".//failure")) + len(suite.findall(".//error"))
    generated = re.search(r"(\d+) generated", output)
    assert operations >= 30 and failures == 0
    assert generated is not None
    statuses = _statuses(caplog)
    # The seeded ids must get it into the handlers, not only the 404 paths.
    assert statuses["2xx"] > 100 and statuses["5xx"] == 0
    cached = _resolved_cache_entries()
    assert cached < _RESOLVED_CACHE_SIZE // 4, "the validator cache could evict"
    proved(
        f"schemathesis (examples, coverage, fuzzing, stateful): {generated.group(1)} "
        f"test cases over {operations} operations; the simulator answered "
        f"{statuses['2xx']} 2xx, {statuses['4xx']} 4xx, 0 5xx; 0 responses "
        "off-contract (status code, content type, headers, schema); "
        f"{cached} places of the contract cached, far from eviction"
    )


def _resolved_cache_entries() -> int:
    # Private to jsonschema-path: read only to guard the assumption in
    # swfkit.contract.core that fuzzed requests add no new cache keys.
    path = openapi_for_core().spec
    return len(path.accessor._resolved_cache._cache)
