"""``swfkit sim``: create a simulator world and serve it over mutual TLS."""

from __future__ import annotations

import logging
import signal
from pathlib import Path

import click

from swfkit.errors import ConfigurationError
from swfkit.sim.server import Simulator
from swfkit.sim.world import DEFAULT_PORT, configured_port, publish_address

_DIR = click.option(
    "--dir",
    "directory",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The world folder.",
)


@click.group(name="sim")
def command() -> None:
    """The local SWF simulator."""


@command.command("init")
@_DIR
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    help="Port written into identities.json.",
)
@click.option("--force", is_flag=True, help="Replace an existing world.")
@click.option(
    "--demo",
    is_flag=True,
    help="Add a year of realistic, deterministic demo history (for the notebooks).",
)
def init(directory: Path, port: int, force: bool, demo: bool) -> None:
    """Create a world: test PKI, world.json, identities.json and verzoeken."""
    from swfkit.sim.worldgen import init_world  # the PDF library is only needed here

    if demo:
        from swfkit.sim import demo as demo_world

        summary = demo_world.init_demo_world(directory, port=port, force=force)
        for line in summary.lines():
            click.echo(line)
        click.echo(f"identities: {directory / 'identities.json'}")
        return
    world = init_world(directory, port=port, force=force)
    click.echo(
        f"world with {len(world.organisations)} organisations and "
        f"{len(world.verzoeken)} verzoeken in {directory}"
    )
    click.echo(f"identities: {directory / 'identities.json'}")


@command.command("serve")
@_DIR
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--port",
    type=int,
    default=None,
    help="Port to listen on; 0 picks a free one. Default: the port in identities.json.",
)
def serve(directory: Path, host: str, port: int | None) -> None:
    """Serve the world over HTTPS with a required client certificate."""
    _log_requests()
    # SIGTERM stops as cleanly as Ctrl+C does (set before anyone can send it).
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    port = configured_port(directory) if port is None else port
    simulator = Simulator(directory, host, port)
    try:
        simulator.prepare()
    except OSError as exc:
        raise ConfigurationError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            fix="choose another --port, or 0 for a free one",
        ) from exc
    publish_address(directory, simulator.base_url, simulator.oin_header)
    click.echo(f"listening on {simulator.base_url}")
    try:
        simulator.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")


def _log_requests() -> None:
    # The request log is the point of a running simulator: show it on stderr
    # unless the user configured logging already (swfkit -v).
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.WARNING,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        logging.getLogger("swfkit.sim").setLevel(logging.INFO)
