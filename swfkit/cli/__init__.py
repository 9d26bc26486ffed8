"""The ``swfkit`` command.

Each subcommand lives in its own module of this package and exposes a click
command named ``command``. Mistakes a user can fix (a missing file, a wrong
password, an invalid OIN) end in one line with the fix, never a traceback.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from swfkit.errors import ApiError, SwfkitError

# Subcommand -> (module under swfkit.cli, one-line help). Modules are imported
# only when their command runs: some pull in libraries that take seconds to
# import, and `swfkit --help` should not pay for them. A test checks that each
# line here matches the command's own docstring.
_COMMANDS: dict[str, tuple[str, str]] = {
    "actieverzoeken": (
        "actieverzoeken",
        "Actieverzoeken: overzicht, uitzetten, behandelen, gereedmelden, berichten.",
    ),
    "cassettes": ("cassettes", "Recorded requests and responses (vcrpy cassettes)."),
    "certify": (
        "certify",
        "Run the SWF checklist against --target and write a Dutch report.",
    ),
    "contract": ("contract", "swfkit's OpenAPI 3.1 contract for the SWF."),
    "deelnemers": (
        "deelnemers",
        "Deelnemers: overzicht, ketenpartner uitnodigen, privilege, verwijderen.",
    ),
    "doctor": (
        "doctor",
        "Check the certificate, configuration and SWF access, step by step.",
    ),
    "documenten": (
        "documenten",
        "Documenten: overzicht, toevoegen, downloaden, wijzigen, rechten.",
    ),
    "notificaties": (
        "notificaties",
        "Notificaties: ophalen, nieuwe sinds de vorige keer, verwijderen.",
    ),
    "pki": ("pki", "A PKIoverheid-shaped test PKI (NIET VOOR PRODUCTIE)."),
    "samenwerkingen": (
        "samenwerkingen",
        "Samenwerkingen: overzicht, starten, wijzigen, stoppen, verwijderen.",
    ),
    "sim": ("sim", "The local SWF simulator."),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in _COMMANDS:
            return None
        module = importlib.import_module(f"swfkit.cli.{_COMMANDS[name][0]}")
        command: click.Command = module.command
        return command

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        rows = [(name, _COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup)
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="Log each request (-v), libraries too (-vv).",
)
@click.version_option(package_name="swfkit")
def cli(verbose: int) -> None:
    """Client, simulator and certification checks for the DSO SWF."""
    if not verbose:
        return

    # -v shows swfkit's own request lines; -vv also its libraries' chatter.
    root_level = logging.DEBUG if verbose > 1 else logging.WARNING
    logging.basicConfig(level=root_level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("swfkit").setLevel(logging.DEBUG)


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI, turning swfkit errors into one line on stderr."""
    try:
        return cli.main(args=argv, prog_name="swfkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SwfkitError as exc:
        _fail(exc)


def _fail(error: SwfkitError) -> None:
    """One line on stderr with the next step; exit 3 for an SWF answer, else 2."""
    # Imported here like the subcommands, so `swfkit --help` loads no module
    # of this package beyond this one.
    from swfkit.cli.hints import hint_for

    hint = hint_for(error)
    click.echo(f"swfkit: {error}" + (f" ({hint})" if hint else ""), err=True)
    sys.exit(3 if isinstance(error, ApiError) else 2)
