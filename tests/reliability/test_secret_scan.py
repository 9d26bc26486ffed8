"""Secret scan: cassettes, a fresh certification report and the notebooks.

What people hand over or commit must hold no private key, no full
certificate (PEM or base64 DER), no PKCS#12 password and no path of the
machine it was made on.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "PEM block": re.compile(r"-----BEGIN"),
    "private key": re.compile(r"PRIVATE KEY"),
    # DER (certificates, keys) starts with a SEQUENCE of two length bytes:
    # base64 "MII"; 60 more characters is far beyond any identifier.
    "base64 DER": re.compile(r"MII[A-Za-z0-9+/]{60,}"),
    "machine path": re.compile(
        r"(?<![\w.:/-])(?:/(?:work|home|tmp|root|Users|private/var)/|[A-Z]:\\\\?Users)"
    ),
}


@dataclass(frozen=True)
class Finding:
    """One thing found: which file, which kind, and a short excerpt."""

    path: str
    kind: str
    excerpt: str


def scan(
    root: Path, secrets: Iterable[str] = (), machine_paths: Iterable[str] = ()
) -> tuple[int, list[Finding]]:
    """Every file under ``root``: (files scanned, findings).

    ``secrets`` are literal values (key material, passwords) that must not
    appear anywhere either. ``machine_paths`` are folders of this machine
    named literally, because a checkout may live where no pattern expects it.
    """
    literal = [s for s in secrets if len(s) >= 12]
    folders = [p for p in machine_paths if len(p) > 1]
    files = [p for p in sorted(root.rglob("*")) if p.is_file()]
    findings: list[Finding] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        where = str(path.relative_to(root))
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(text):
                findings.append(Finding(where, kind, _excerpt(text, match.start())))
        for secret in literal:
            if secret in text:
                findings.append(Finding(where, "world secret", secret[:6] + "…"))
        for folder in folders:
            if (at := text.find(folder)) >= 0:
                findings.append(Finding(where, "machine path", _excerpt(text, at)))
    return len(files), findings


def _excerpt(text: str, at: int) -> str:
    return text[max(0, at - 30) : at + 50].replace("\n", " ")


def _describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.path}: {f.kind}: {f.excerpt}" for f in findings[:15])


def world_secrets(world: Path) -> list[str]:
    """Key and certificate body lines and PKCS#12 passwords of a world."""
    secrets: list[str] = []
    for pem in (world / "pki").rglob("*"):
        if pem.suffix in {".pem", ".key"}:
            secrets += [
                line
                for line in pem.read_text().splitlines()
                if line and not line.startswith("-----")
            ]
    identities = json.loads((world / "identities.json").read_text())
    secrets += [
        ident["pkcs12Password"]
        for ident in identities["identities"].values()
        if ident.get("pkcs12Password")
    ]
    return secrets


def test_secret_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    # The scanner itself must catch each kind, or the scans below prove nothing.
    planted = tmp_path / "planted.yaml"
    planted.write_text(
        "a: -----BEGIN CERTIFICATE-----\n"
        "b: -----BEGIN PRIVATE KEY-----\n"
        f"c: MIIB{'A' * 80}\n"
        "d: file at /home/alice/certs and /tmp/x and C:\\Users\\bob\n"
        "e: https://swf.cassette.invalid/home/ok is a URL, not a machine path\n"
        "f: s3cr3t-wachtwoord-123\n"
        "g: checked out at /srv/ci/build-7/swfkit\n"
    )
    _, findings = scan(tmp_path, ["s3cr3t-wachtwoord-123"], ["/srv/ci/build-7"])
    assert Counter(f.kind for f in findings) == {
        "PEM block": 2,
        "private key": 1,
        "base64 DER": 1,
        "machine path": 4,
        "world secret": 1,
    }


def test_cassettes_hold_no_secret_or_machine_path(
    proved: Callable[[str], None],
) -> None:
    files, findings = scan(ROOT / "cassettes", machine_paths=[str(ROOT)])
    assert files > 0, "no cassettes to scan"
    assert not findings, _describe(findings)
    proved(f"cassettes/: {files} files scanned, 0 keys, certificates or machine paths")


# Live on a new simulator world (real certificates in play), and replaying
# the checkout's cassettes (which skips the handshake scenarios).
REPORT_RUNS = {
    "sim": ["--target", "sim", "-k", "aansluiten or documenten"],
    "replay": ["--target", "replay", "-k", "aansluiten"],
}


@pytest.fixture(scope="module", params=sorted(REPORT_RUNS))
def fresh_report(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Path | None]:
    """A report folder from a fresh ``swfkit certify`` run."""
    target: str = request.param
    work = tmp_path_factory.mktemp(f"certify-{target}")
    report, world = work / "report", work / "world"
    command = [sys.executable, "-c", "from swfkit.cli import main; main()", "certify"]
    command += [*REPORT_RUNS[target], "--report-dir", str(report)]
    if target == "sim":
        command += ["--world", str(world)]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return target, report, world if target == "sim" else None


def test_fresh_certification_report_holds_no_key_certificate_or_password(
    fresh_report: tuple[str, Path, Path | None], proved: Callable[[str], None]
) -> None:
    target, report, world = fresh_report
    files, findings = scan(report, world_secrets(world) if world else ())
    secrets = [f for f in findings if f.kind != "machine path"]
    assert (report / "report.html").is_file() and files > 3
    assert not secrets, _describe(secrets)
    proved(
        f"fresh certify report (--target {target}): {files} files scanned, "
        "0 keys, certificates or PKCS#12 passwords of the world"
    )


def test_fresh_certification_report_names_no_machine_path(
    fresh_report: tuple[str, Path, Path | None], proved: Callable[[str], None]
) -> None:
    target, report, _ = fresh_report
    files, findings = scan(report, machine_paths=(str(ROOT), str(report.parent)))
    paths = [f for f in findings if f.kind == "machine path"]
    assert not paths, _describe(paths)
    proved(f"fresh certify report (--target {target}): {files} files, 0 machine paths")


def test_notebooks_hold_no_secret_or_machine_path(
    proved: Callable[[str], None],
) -> None:
    folder = ROOT / "notebooks"
    files, findings = (
        scan(folder, machine_paths=[str(ROOT)]) if folder.is_dir() else (0, [])
    )
    assert not findings, _describe(findings)
    proved(f"notebooks/: {files} files scanned, 0 keys, certificates or machine paths")
