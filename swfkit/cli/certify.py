"""``swfkit certify``: run the Dutch checklist and write a report folder."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from swfkit.conformance.results import OUTCOME_NL, RunResult, ScenarioResult
from swfkit.conformance.runner import CertifyOptions, run_certify
from swfkit.conformance.targets import TARGETS

logger = logging.getLogger(__name__)

_DIR = click.Path(file_okay=False, path_type=Path)
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
# pytest's exit codes beyond "all passed" and "some failed".
_PYTEST_STOPS = {
    2: "it was interrupted",
    3: "pytest failed internally (see the messages above)",
    4: "pytest refused its options or configuration (see the messages above)",
    5: "no scenario matched the selection",
}
_STYLE = {"passed": "green", "failed": "red", "skipped": "yellow"}
_COLOUR = _STYLE


@click.command(name="certify")
@click.option(
    "--target",
    type=click.Choice(TARGETS),
    default="sim",
    show_default=True,
    help="sim: the embedded simulator; replay: recorded cassettes, no "
    "network; live: your own environment and identities.",
)
@click.option(
    "--report-dir",
    type=_DIR,
    default=Path("reports/latest"),
    show_default=True,
    help="Folder for report.html and the other files.",
)
@click.option(
    "--world",
    type=_DIR,
    help="Simulator world to use, created if missing "
    "(sim; default: a fresh temporary one).",
)
@click.option(
    "--identities", type=_FILE, help="identities.json with your certificates (live)."
)
@click.option(
    "--cassettes",
    type=_DIR,
    help="Cassettes to replay (replay; default: the checkout's cassettes/).",
)
@click.option("--features", type=_DIR, help="Folder with the feature files.")
@click.option("--run-id", help="Run id that marks what the run creates.")
@click.option("-k", "select", help="Only scenarios matching this pytest -k expression.")
@click.option(
    "--cleanup",
    is_flag=True,
    help="Do not run: stop and delete what earlier runs left behind, then exit.",
)
def command(
    target: str,
    report_dir: Path,
    world: Path | None,
    identities: Path | None,
    cassettes: Path | None,
    features: Path | None,
    run_id: str | None,
    select: str | None,
    cleanup: bool,
) -> None:
    """Run the SWF checklist against --target and write a Dutch report.

    Exits with 1 when a scenario failed, so CI can gate on it.
    """
    if cleanup:
        _cleanup(target, identities, world)
        return
    options = CertifyOptions(
        target,
        report_dir,
        identities=identities,
        world=world,
        cassettes=cassettes,
        features=features,
        run_id=run_id,
        select=select,
    )
    console = Console(stderr=True)
    with _progress(console) as bar:
        task = bar.add_task("Scenario's", total=None)

        def advance(result: ScenarioResult | None, total: int) -> None:
            bar.update(task, total=total)
            if result is not None:
                bar.update(task, advance=1, description=_line(result))

        run = run_certify(options, progress=advance)
    _summary(run, report_dir)
    if not run.ok:
        sys.exit(1)


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}", table_column=None),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _line(result: ScenarioResult) -> str:
    style = _STYLE[result.outcome]
    name = result.scenario if len(result.scenario) <= 60 else result.scenario[:57] + "…"
    return f"[{style}]{OUTCOME_NL[result.outcome]:>12}[/] {name}"


def _summary(run: RunResult, report_dir: Path) -> None:
    counts = run.counts()
    click.echo(f"swfkit certify: target {run.target}, run {run.run_id}")
    for outcome in ("passed", "failed", "skipped"):
        label = click.style(f"{OUTCOME_NL[outcome]:>12}", fg=_COLOUR[outcome])
        click.echo(f"{label}: {counts[outcome]}")
    for result in run.scenarios:
        if result.outcome == "failed":
            click.echo(
                f"{click.style('gefaald', fg='red')} {result.feature_file}: "
                f"{result.scenario}"
            )
            click.echo(f"    {result.message}")
    click.echo(f"Rapport: {(report_dir / 'report.html').resolve()}")
    if run.pytest_exit_code not in (0, 1):
        reason = _PYTEST_STOPS.get(run.pytest_exit_code, "it stopped early")
        click.echo(
            f"swfkit certify: the checklist did not run through: {reason} "
            f"(pytest exit code {run.pytest_exit_code}); the report is incomplete",
            err=True,
        )


def _cleanup(target: str, identities: Path | None, world: Path | None) -> None:
    from swfkit.conformance.cleanup import cleanup_environment, cleanup_identities

    table = Table(title="swfkit certify --cleanup")
    for column in ("Identiteit", "Samenwerking", "Run", "Resultaat"):
        table.add_column(column)
    removed = 0
    with cleanup_environment(target, identities=identities, world=world) as (file, url):
        for who, result in cleanup_identities(file, url):
            if isinstance(result, str):
                table.add_row(who, "", "", result)
                continue
            removed += result.removed
            outcome = "verwijderd" if result.removed else f"niet: {result.reason}"
            table.add_row(who, result.samenwerking_id, result.nummer or "", outcome)
    console = Console()
    console.print(table)
    console.print(f"{removed} achtergebleven samenwerking(en) verwijderd.")
