"""Every notebook, executed headless against a fresh demo simulator.

Run separately from the unit tests (see conftest.py):
``pytest tests/notebooks/test_notebooks.py``. Set SWFKIT_RENDER_DIR to keep
the rendered HTML and PNG of notebook 3 for a human to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbconvert import HTMLExporter
from nbrun import execute, find, images, notebook_paths, png_size
from PIL import Image

from swfkit.sim.demo_cast import BEPERKT_PARTNER

INITIATOR = "gemeente-aadorp"
DOSSIERS = "03-dossiers-verkennen.ipynb"
_SV = r"\bSV\b"
# Texts of document contents the notebooks upload or the demo generates.
_CONTENT_MARKERS = (
    "Fictieve situatietekening",
    "Fictieve persoonsgegevens",
    "Fictief document, gemaakt door de swfkit-demo",
)

Runner = Callable[[str, str], nbformat.NotebookNode]


@pytest.fixture(scope="session")
def run_notebook(
    demo_simulator: object, demo_world: Path, tmp_path_factory: pytest.TempPathFactory
) -> Runner:
    """Execute a notebook as an identity (once per pair); return the result."""
    done: dict[tuple[str, str], nbformat.NotebookNode] = {}

    def run(name: str, identity: str) -> nbformat.NotebookNode:
        if (name, identity) not in done:
            work = tmp_path_factory.mktemp(f"{identity}-{name.split('-')[0]}")
            env = _kernel_env(demo_world, identity, work)
            done[(name, identity)] = execute(_path(name), env)
            done[(name, identity)].metadata["swfkit_test_workdir"] = str(work)
        return done[(name, identity)]

    return run


def _kernel_env(world: Path, identity: str, work: Path) -> dict[str, str]:
    # This environment minus anything that could point the notebooks
    # elsewhere (SWF_*) or confuse the certification's own pytest run.
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("SWF_", "PYTEST_"))
    }
    return {
        **base,
        "SWF_IDENTITIES": str(world / "identities.json"),
        "SWF_IDENTITY": identity,
        "SWF_EXPORT_DIR": str(work / "export"),
        "SWF_REPORT_DIR": str(work / "rapport"),
    }


def _path(name: str) -> Path:
    return next(p for p in notebook_paths() if p.name == name)


def _workdir(nb: nbformat.NotebookNode) -> Path:
    return Path(nb.metadata["swfkit_test_workdir"])


def _check_aansluiten(nb: nbformat.NotebookNode) -> None:
    assert find(r"Resultaat: 9 PASS, 0 WARN, 0 FAIL, 0 SKIP", nb)


def _check_samenwerken(nb: nbformat.NotebookNode) -> None:
    counts = [
        re.search(r"(\d+) van de (\d+) functies uitgevoerd", text)
        for _, text in find(r"functies uitgevoerd", nb)
    ]
    assert counts and counts[0], "no summary of the functions carried out"
    done, total = counts[0].groups()
    assert done == total and int(total) >= 20


def _check_dossiers(nb: nbformat.NotebookNode) -> None:
    assert len(images(nb)) >= 6
    export = _workdir(nb) / "export"
    for table in (
        "samenwerkingen",
        "deelnemers",
        "documenten",
        "actieverzoeken",
        "notificaties",
    ):
        assert (export / f"{table}.csv").stat().st_size > 0
        assert len(pd.read_parquet(export / f"{table}.parquet")) > 0


def _check_certificeren(nb: nbformat.NotebookNode) -> None:
    summary = find(r"scenario's, (\d+) geslaagd, (\d+) gefaald", nb)
    assert summary and ", 0 gefaald" in summary[0][1], summary
    assert (_workdir(nb) / "rapport" / "report.html").is_file()


CHECKS = {
    "01-aansluiten.ipynb": _check_aansluiten,
    "02-samenwerken.ipynb": _check_samenwerken,
    DOSSIERS: _check_dossiers,
    "04-certificeren.ipynb": _check_certificeren,
}


@pytest.mark.parametrize("name", [p.name for p in notebook_paths()])
def test_notebook_runs_headless_against_the_demo_simulator(
    name: str, run_notebook: Runner
) -> None:
    nb = run_notebook(name, INITIATOR)

    assert not [
        o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]
    CHECKS[name](nb)


def test_dossiers_as_beperkte_toegang_partner_show_no_sv_anywhere(
    run_notebook: Runner,
) -> None:
    as_initiator = run_notebook(DOSSIERS, INITIATOR)
    as_partner = run_notebook(DOSSIERS, BEPERKT_PARTNER)

    # The check can see SV: the initiator's run shows it.
    assert find(_SV, as_initiator)
    assert find(_SV, as_partner) == []
    assert find(r"\bRV\b", as_partner)
    assert find("Geen strikt vertrouwelijke documenten zichtbaar", as_partner)
    exported = pd.read_parquet(_workdir(as_partner) / "export" / "documenten.parquet")
    assert set(exported["vertrouwelijkheids_aanduiding"].astype(str)) == {"RV"}


def test_executed_notebooks_print_no_secrets_or_document_contents(
    run_notebook: Runner, demo_world: Path
) -> None:
    identities = json.loads((demo_world / "identities.json").read_text())
    passwords = [
        i["pkcs12Password"]
        for i in identities["identities"].values()
        if i.get("pkcs12Password")
    ]
    executed = [run_notebook(p.name, INITIATOR) for p in notebook_paths()]
    executed.append(run_notebook(DOSSIERS, BEPERKT_PARTNER))

    for nb in executed:
        assert find(r"-----BEGIN|PRIVATE KEY", nb) == []
        for secret in passwords:
            assert find(re.escape(secret), nb) == []
        for marker in _CONTENT_MARKERS:
            assert find(re.escape(marker), nb) == []


def test_dossiers_notebook_runs_on_a_world_without_history(tmp_path: Path) -> None:
    # A new connection to a real environment starts empty too.
    from swfkit.sim.process import SimProcess

    from swfkit.sim.worldgen import init_world

    init_world(tmp_path / "leeg")
    process = SimProcess(tmp_path / "leeg").start()
    try:
        nb = execute(
            _path(DOSSIERS), _kernel_env(tmp_path / "leeg", INITIATOR, tmp_path)
        )
    finally:
        process.stop()

    assert find("Nog geen samenwerkingen", nb)
    assert find("Geen notificaties: alles is verwerkt", nb)


def test_dossier_plots_are_large_enough_to_read(run_notebook: Runner) -> None:
    for index, data in images(run_notebook(DOSSIERS, INITIATOR)):
        width, height = png_size(data)
        assert width >= 1000 and height >= 450, f"cell {index}: {width}x{height}"


def test_dossiers_notebook_renders_to_html_and_png(
    run_notebook: Runner, tmp_path: Path
) -> None:
    nb = run_notebook(DOSSIERS, INITIATOR)
    target = Path(os.environ.get("SWFKIT_RENDER_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    # The report view: narrative, tables and plots without the code cells.
    exporter = HTMLExporter(exclude_input=True, exclude_output_prompt=True)
    html, _ = exporter.from_notebook_node(nb)
    html_path = target / "03-dossiers-verkennen.html"
    html_path.write_text(html, encoding="utf-8")
    assert html.count("data:image/png;base64") >= 6

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no headless Chromium to render a PNG (apt-get install chromium)")
    png_path = target / "03-dossiers-verkennen.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--screenshot={png_path}",
            "--window-size=1400,6000",
            html_path.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with Image.open(png_path) as shot:
        assert shot.size == (1400, 6000)
        colours = shot.convert("L").getcolors(maxcolors=256 * 256) or []
    assert len(colours) > 50, "the screenshot is (nearly) blank"


def test_a_failing_cell_is_named_by_notebook_index_and_first_line(
    tmp_path: Path,
) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Kapot"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("# uitleg\nraise ValueError('kapot')"),
    ]
    path = tmp_path / "kapot.ipynb"
    nbformat.write(nb, path)

    with pytest.raises(AssertionError) as failure:
        execute(path, dict(os.environ))

    message = str(failure.value)
    assert message.startswith("kapot.ipynb cell 2 (\"raise ValueError('kapot')\")")
    assert "ValueError: kapot" in message
