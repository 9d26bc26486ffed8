"""The `swfkit` entry point: its command list and its start-up cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from swfkit.cli import _COMMANDS, cli


@pytest.mark.parametrize("name", sorted(_COMMANDS))
def test_listed_help_matches_command_docstring(name: str) -> None:
    import click

    command = cli.get_command(click.Context(cli), name)

    assert command is not None
    assert command.get_short_help_str(limit=200) == _COMMANDS[name][1]


def test_top_level_help_imports_no_subcommand_module() -> None:
    probe = (
        "import sys; from swfkit.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in sys.modules if m.startswith('swfkit.cli.')"
        " or m == 'openapi_core']\n"
        "print('loaded:' + ','.join(sorted(loaded)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip().splitlines()[-1] == "loaded:"
