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

# Subcommand name -> module under swfkit.cli. Imported only when used, so
# `swfkit --help` stays fast and a missing optional extra breaks one command.
_COMMANDS: dict[str, str] = {
    "certify": "certify",
    "cassettes": "cassettes",
    "actieverzoeken": "actieverzoeken",
    "deelnemers": "deelnemers",
    "documenten": "documenten",
    "notificaties": "notificaties",
    "samenwerkingen": "samenwerkingen",
    "contract": "contract",
    "doctor": "doctor",
    "pki": "pki",
    "sim": "sim",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in _COMMANDS:
            return None
        module = importlib.import_module(f"swfkit.cli.{_COMMANDS[name]}")
        command: click.Command = module.command
        return command


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
    except ApiError as exc:
        click.echo(f"swfkit: {exc}", err=True)
        sys.exit(3)
    except SwfkitError as exc:
        click.echo(f"swfkit: {exc}", err=True)
        sys.exit(2)
