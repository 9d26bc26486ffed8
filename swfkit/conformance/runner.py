"""``swfkit certify``: run the checklist and write the report folder.

The Dutch scenarios run in this process through ``pytest.main`` with a
:class:`~swfkit.conformance.collector.ResultCollector`; pytest's own output is
replaced by a progress bar. The report folder then holds:

- ``report.html`` (Dutch, for people) and ``report.json`` (for tools);
- ``junit.xml`` (CI) and ``cucumber.json`` (Gherkin tooling);
- ``cassettes/``: the scrubbed requests and responses of this run;
- ``manifest.json``: the SHA-256 of every file above.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from swfkit.conformance.collector import ProgressCallback, ResultCollector
from swfkit.conformance.contractinfo import (
    assumed_locations,
    contract_stamp,
    function_infos,
)
from swfkit.conformance.featurefiles import read_features
from swfkit.conformance.manifest import MANIFEST_NAME, write_manifest
from swfkit.conformance.report import write_html, write_json
from swfkit.conformance.results import RunResult, ScenarioResult
from swfkit.conformance.runid import new_run_id
from swfkit.conformance.targets import RECORDING_FILE
from swfkit.errors import ConfigurationError

logger = logging.getLogger(__name__)

PYTEST_CONFIG = Path(__file__).with_name("certify.ini")
OUTPUTS = ("report.html", "report.json", "junit.xml", "cucumber.json", MANIFEST_NAME)
CASSETTES = "cassettes"


@dataclass(frozen=True)
class CertifyOptions:
    """What ``swfkit certify`` was asked to do.

    Attributes:
        target: ``sim``, ``replay`` or ``live``.
        report_dir: The folder to write the report into.
        identities: The identities file (live; optional for sim).
        world: The simulator world (sim).
        cassettes: The cassettes to replay (replay).
        features: The folder with the feature files.
        run_id: The run id; a new one by default.
        select: A pytest ``-k`` expression to run part of the checklist.
    """

    target: str
    report_dir: Path
    identities: Path | None = None
    world: Path | None = None
    cassettes: Path | None = None
    features: Path | None = None
    run_id: str | None = None
    select: str | None = None


def find_features(explicit: Path | None = None) -> Path:
    """The folder with the feature files: given, ./features, or beside swfkit.

    Raises:
        ConfigurationError: none of them holds feature files.
    """
    import swfkit

    candidates = (
        [explicit]
        if explicit
        else [
            Path.cwd() / "features",
            Path(swfkit.__file__).resolve().parent.parent / "features",
        ]
    )
    for folder in candidates:
        if folder and any(Path(folder).glob("*.feature")):
            return Path(folder).resolve()
    raise ConfigurationError(
        "no feature files found",
        source=candidates[0],
        fix="run from the swfkit checkout or pass --features DIR",
    )


def run_certify(
    options: CertifyOptions, progress: ProgressCallback | None = None
) -> RunResult:
    """Run the checklist and write the report folder; see the module docstring."""
    features = find_features(options.features)
    cassettes = _cassette_dir(options, features, Path(options.report_dir))
    check_options(options, cassettes)
    report_dir = prepare_report_dir(options.report_dir)
    run_id = options.run_id or _recorded_run_id(options, cassettes) or new_run_id()
    collector = ResultCollector(read_features(features), options.target, progress)

    started = _now()
    exit_code = pytest.main(
        _pytest_args(options, features, report_dir, cassettes, run_id),
        plugins=[collector],
    )
    run = _run_result(options, collector, run_id, started)
    run.pytest_exit_code = int(exit_code)
    if options.target == "replay":
        _copy_cassettes(cassettes, report_dir / CASSETTES)
    write_outputs(run, report_dir)
    return run


def check_options(options: CertifyOptions, cassettes: Path) -> None:
    """Refuse, before anything runs, a target that lacks what it needs.

    Raises:
        ConfigurationError: naming the missing option or file.
    """
    if options.target == "live" and options.identities is None:
        raise ConfigurationError(
            "--target live needs your identities file",
            fix="pass --identities FILE, shaped like the identities.json of a world",
        )
    if options.target == "replay" and not (cassettes / RECORDING_FILE).is_file():
        raise ConfigurationError(
            "no recorded cassettes here",
            source=cassettes,
            fix="record them with `make record`, or pass --cassettes DIR",
        )


def prepare_report_dir(directory: Path) -> Path:
    """Create the folder and remove what an earlier run wrote there."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name in OUTPUTS:
        (directory / name).unlink(missing_ok=True)
    shutil.rmtree(directory / CASSETTES, ignore_errors=True)
    return directory


def write_outputs(run: RunResult, report_dir: Path) -> None:
    """report.json, report.html and, last, the manifest of the whole folder."""
    write_json(run, report_dir / "report.json")
    files = sorted({*OUTPUTS, f"{CASSETTES}/"} - {"report.html"})
    write_html(run, report_dir / "report.html", files=files)
    write_manifest(report_dir, run_id=run.run_id, target=run.target)


def _cassette_dir(options: CertifyOptions, features: Path, report_dir: Path) -> Path:
    if options.target == "replay":
        return Path(options.cassettes or features.parent / CASSETTES).resolve()
    return (report_dir / CASSETTES).resolve()


def _recorded_run_id(options: CertifyOptions, cassettes: Path) -> str | None:
    info = cassettes / RECORDING_FILE
    if options.target != "replay" or not info.is_file():
        return None
    run_id = json.loads(info.read_text(encoding="utf-8")).get("runId")
    return str(run_id) if run_id else None


def _pytest_args(
    options: CertifyOptions,
    features: Path,
    report_dir: Path,
    cassettes: Path,
    run_id: str,
) -> list[str]:
    args = [
        str(features),
        "-c",
        str(PYTEST_CONFIG),
        f"--rootdir={features.parent}",
        "-p",
        "no:terminal",
        "-p",
        "no:cacheprovider",
        f"--swf-target={options.target}",
        f"--swf-cassettes={cassettes}",
        f"--swf-run-id={run_id}",
        f"--junitxml={report_dir / 'junit.xml'}",
        f"--cucumberjson={report_dir / 'cucumber.json'}",
    ]
    if options.identities:
        args.append(f"--swf-identities={Path(options.identities).resolve()}")
    if options.world:
        args.append(f"--swf-world={Path(options.world).resolve()}")
    if options.select:
        args += ["-k", options.select]
    return args


def _run_result(
    options: CertifyOptions, collector: ResultCollector, run_id: str, started: str
) -> RunResult:
    from swfkit import __version__

    stamp = contract_stamp()
    scenarios = sorted(collector.results.values(), key=_order)
    return RunResult(
        run_id=collector.run_id or run_id,
        target=options.target,
        base_url=collector.base_url,
        started=started,
        finished=_now(),
        swfkit_version=__version__,
        contract_version=stamp.get("versie"),
        contract_sha256=stamp.get("sha256"),
        functions=function_infos(),
        assumed=assumed_locations(),
        scenarios=scenarios,
    )


def _order(result: ScenarioResult) -> tuple[str, int]:
    return (result.feature_file, result.line)


def _copy_cassettes(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
