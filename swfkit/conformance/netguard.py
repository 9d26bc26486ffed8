"""Blocking the network while scenarios replay from cassettes.

A replay that quietly reached a real server would prove nothing. While
:func:`network_blocked` is active, every attempt to open an internet socket
fails with :class:`NetworkBlockedError`, which names the address; Unix
sockets stay usable (they never leave the machine).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

logger = logging.getLogger(__name__)


class NetworkBlockedError(OSError):
    """A connection was attempted while the network is blocked."""


@contextmanager
def network_blocked() -> Iterator[None]:
    """Refuse every internet connection inside the ``with`` block."""
    real_connect = socket.socket.connect

    def refuse_connect(sock: socket.socket, address: Any) -> None:
        if sock.family == getattr(socket, "AF_UNIX", None):
            real_connect(sock, address)
            return
        raise NetworkBlockedError(
            f"network blocked during replay: connect to {address}"
        )

    def refuse_connect_ex(sock: socket.socket, address: Any) -> int:
        refuse_connect(sock, address)
        return 0

    def refuse_create(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise NetworkBlockedError(
            f"network blocked during replay: connect to {address}"
        )

    replacements: dict[str, Any] = {
        "connect": refuse_connect,
        "connect_ex": refuse_connect_ex,
    }
    saved = {name: getattr(socket.socket, name) for name in replacements}
    saved_create = socket.create_connection
    for name, function in replacements.items():
        setattr(socket.socket, name, function)
    socket.create_connection = refuse_create
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(socket.socket, name, function)
        socket.create_connection = saved_create
