"""`swfkit doctor` as a user runs it: table, JSON, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from doctor_servers import ACTING_OIN, Servers, World

from swfkit.cli import main


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No SWF_* from the shell and no configuration files of the developer."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in list(os.environ):
        if name.startswith("SWF_"):
            monkeypatch.delenv(name)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(["doctor", *args])
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _pem_args(world: World, base_url: str) -> list[str]:
    return [
        "--environment", "local",
        "--base-url", base_url,
        "--oin", ACTING_OIN,
        "--cert", str(world.organisation.cert_path),
        "--key", str(world.organisation.key_path),
        "--ca-bundle", str(world.pki.ca_bundle_path),
    ]  # fmt: skip


def _assert_one_line(err: str, *needles: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith("swfkit: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def test_doctor_table_exit_zero(
    servers: Servers, world: World, capsys: pytest.CaptureFixture[str]
):
    server = servers.start(200)

    code, out, err = _run(capsys, *_pem_args(world, server.base_url))

    assert code == 0, out + err
    assert "9 PASS" in out
    assert "FAIL" not in out and "WARN" not in out and "SKIP" not in out
    assert "Leesaanroep" in out and "swfkit doctor" in out
    assert "BEGIN" not in out


def test_doctor_json_reports_failure_exit_one(
    servers: Servers, world: World, capsys: pytest.CaptureFixture[str]
):
    server = servers.start(403)

    code, out, _ = _run(capsys, *_pem_args(world, server.base_url), "--json")
    report = json.loads(out)

    assert code == 1
    assert report["ok"] is False
    assert [c["status"] for c in report["checks"]] == ["PASS"] * 8 + ["FAIL"]
    assert report["checks"][-1]["id"] == "api_call"
    assert report["settings"]["oin"] == {"value": ACTING_OIN, "source": "argument"}


def test_doctor_reads_settings_from_env(
    servers: Servers,
    world: World,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
):
    server = servers.start(200)
    monkeypatch.setenv("SWF_PKCS12", str(world.organisation.pkcs12_path))
    monkeypatch.setenv("SWF_PKCS12_PASSWORD", world.organisation.pkcs12_password or "")
    monkeypatch.setenv("SWF_OIN", ACTING_OIN)
    monkeypatch.setenv("SWF_CA_BUNDLE", str(world.pki.ca_bundle_path))

    code, out, _ = _run(capsys, "--base-url", server.base_url, "--json")
    report = json.loads(out)

    assert code == 0
    assert report["ok"] is True
    assert report["settings"]["pkcs12_path"]["source"] == "env SWF_PKCS12"
    assert world.organisation.pkcs12_password not in out


def test_doctor_wrong_path_one_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    missing = tmp_path / "geen-cert.pem"
    args = _pem_args(world, "https://127.0.0.1:1/api")
    args[args.index("--cert") + 1] = str(missing)

    code, out, err = _run(capsys, *args)

    assert code == 2
    assert out == ""
    _assert_one_line(err, str(missing), "does not exist", "check the path")


def test_doctor_wrong_pkcs12_password_one_line(
    world: World, capsys: pytest.CaptureFixture[str]
):
    p12 = str(world.organisation.pkcs12_path)
    code, _, err = _run(
        capsys,
        "--base-url", "https://127.0.0.1:1/api",
        "--oin", ACTING_OIN,
        "--pkcs12", p12,
        "--pkcs12-password", "fout",
    )  # fmt: skip

    assert code == 2
    _assert_one_line(err, p12, "wrong password", "--pkcs12-password")
    assert "fout" not in err


def test_doctor_unreadable_file_one_line(world: World, tmp_path: Path):
    key = tmp_path / "locked.key"
    shutil.copy(world.organisation.key_path, key)
    key.chmod(0)
    command = [sys.executable, "-c", "from swfkit.cli import main; main()", "doctor"]
    command += _pem_args(world, "https://127.0.0.1:1/api")
    command[command.index("--key") + 1] = str(key)
    if os.geteuid() == 0:
        # root reads anything; drop the capabilities that let it.
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv to drop privileges")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
        command += [sys.executable, "-c", "from swfkit.cli import main; main()"]
        command += ["doctor", *_pem_args(world, "https://127.0.0.1:1/api")]
        command[command.index("--key") + 1] = str(key)

    result = subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path
    )

    assert result.returncode == 2
    _assert_one_line(result.stderr, str(key), "not readable", "chmod")
