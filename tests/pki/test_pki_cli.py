from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from swfkit import certinfo
from swfkit.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_pki_init_issue_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    directory = tmp_path / "pki"

    assert _run(capsys, "pki", "init", str(directory))[0] == 0
    code, out, _ = _run(
        capsys,
        "pki",
        "issue",
        str(directory),
        "--name",
        "Gemeente Aadorp",
        "--oin",
        "00000099000000000001",
        "--days",
        "40",
    )
    assert code == 0
    cert_path = directory / "certs" / "gemeente-aadorp.pem"
    password_file = directory / "certs" / "gemeente-aadorp.p12.password"
    assert str(cert_path) in out
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    password = password_file.read_text()
    assert password not in out

    _key, cert, _ = certinfo.load_pkcs12(
        directory / "certs" / "gemeente-aadorp.p12", password
    )
    not_before, not_after = certinfo.validity_window(cert)
    assert (not_after - not_before).days == 40

    code, out, _ = _run(capsys, "pki", "show", str(cert_path), "--json")
    (summary,) = json.loads(out)
    assert summary["oin"] == "00000099000000000001"
    assert summary["organisation"] == "Gemeente Aadorp"


def test_pki_show_table_explains_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    directory = tmp_path / "pki"
    _run(capsys, "pki", "init", str(directory))
    _run(
        capsys,
        "pki",
        "issue",
        str(directory),
        "--name",
        "X",
        "--oin",
        "00000099000000000002",
    )

    code, out, _ = _run(capsys, "pki", "show", str(directory / "certs" / "x.pem"))

    assert code == 0
    assert "prefix 00000099" in out and "test-OIN" in out
    assert "clientAuth" in out
    assert "BEGIN" not in out


def test_pki_issue_bad_oin_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    _run(capsys, "pki", "init", str(tmp_path / "pki"))

    code, _out, err = _run(
        capsys, "pki", "issue", str(tmp_path / "pki"), "--name", "X", "--oin", "123"
    )

    assert code != 0
    assert err.count("\n") == 1 and "not a valid OIN" in err
    assert "Traceback" not in err


def test_pki_show_not_pem_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "x.txt"
    path.write_text("no certificate")

    code, _, err = _run(capsys, "pki", "show", str(path))

    assert code != 0
    assert err.count("\n") == 1
    assert str(path) in err and "PEM" in err
