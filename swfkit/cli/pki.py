"""``swfkit pki``: create a test PKI, issue certificates, show a certificate."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from swfkit import certinfo
from swfkit.pki import TestPki
from swfkit.pki.storage import write_private

logger = logging.getLogger(__name__)

_DIR = click.Path(file_okay=False, path_type=Path)


@click.group(name="pki")
def command() -> None:
    """A PKIoverheid-shaped test PKI (NIET VOOR PRODUCTIE)."""


@command.command(name="init")
@click.argument("directory", type=_DIR)
@click.option(
    "--label",
    default="swfkit TEST",
    show_default=True,
    help="Name put in front of the CA names.",
)
def init(directory: Path, label: str) -> None:
    """Create a root and issuing CA in DIRECTORY."""
    pki = TestPki.create(directory, label=label)
    click.echo(f"created test PKI in {pki.directory}")
    click.echo(f"trust bundle (root + intermediate): {pki.ca_bundle_path}")


@command.command(name="issue")
@click.argument("directory", type=_DIR)
@click.option("--name", required=True, help="Organisation name (subject O and CN).")
@click.option("--oin", required=True, help="20-character OIN for serialNumber.")
@click.option(
    "--days",
    default=365,
    show_default=True,
    type=click.IntRange(1),
    help="Days of validity.",
)
@click.option("--slug", help="File name stem under certs/ (default: from --name).")
@click.option(
    "--no-client-auth",
    is_flag=True,
    help="Leave out the clientAuth extended key usage.",
)
def issue(
    directory: Path,
    name: str,
    oin: str,
    days: int,
    slug: str | None,
    no_client_auth: bool,
) -> None:
    """Issue an organisation certificate from the PKI in DIRECTORY.

    The PKCS#12 password is written next to the .p12 file (mode 0600), not
    printed.
    """
    pki = TestPki.load(directory)
    issued = pki.issue_organisation(
        name, oin, slug=slug, valid_days=days, client_auth=not no_client_auth
    )
    click.echo(f"certificate: {issued.cert_path}")
    click.echo(f"private key: {issued.key_path}")
    click.echo(f"chain:       {issued.chain_path}")
    if issued.pkcs12_path and issued.pkcs12_password:
        password_file = issued.pkcs12_path.with_suffix(".p12.password")
        write_private(password_file, issued.pkcs12_password.encode())
        click.echo(f"PKCS#12:     {issued.pkcs12_path} (password in {password_file})")


@command.command(name="show")
@click.argument("certfile", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def show(certfile: Path, as_json: bool) -> None:
    """Show what a certificate says: subject, OIN, validity, usages.

    Never prints the certificate itself.
    """
    summaries = [certinfo.describe(c) for c in certinfo.load_certificates(certfile)]
    if as_json:
        click.echo(json.dumps(summaries, indent=2))
        return
    console = Console()
    for number, summary in enumerate(summaries, start=1):
        console.print(_table(summary, f"{certfile.name} #{number}"))


def _table(summary: dict[str, Any], title: str) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    oin, meaning = summary["oin"], summary["oinMeaning"] or "geen geldig OIN"
    rows = {
        "Subject": summary["subject"],
        "Issuer": summary["issuer"],
        "OIN": f"{oin}, prefix {oin[:8]}: {meaning}" if oin else "(geen)",
        "Geldig van": summary["notBefore"],
        "Geldig tot": summary["notAfter"],
        "Key usage": ", ".join(summary["keyUsage"]) or "-",
        "Extended key usage": ", ".join(summary["extendedKeyUsage"]) or "-",
        "CA": "ja" if summary["isCa"] else "nee",
        "Serienummer": summary["serial"],
        "SHA-256": summary["sha256"],
    }
    for label, value in rows.items():
        table.add_row(label, Text(str(value)))
    return table
