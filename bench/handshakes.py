"""TLS handshakes for many sequential calls on one client, counted honestly.

The count comes from the client's own ``ssl.SSLContext.session_stats()``:
OpenSSL increments ``connect`` for every client handshake it starts on that
context, so a dropped keep-alive connection would show up as a second one.
"""

from __future__ import annotations

from bench.figures import Figure
from bench.simproc import SimServer

IDENTITY = "gemeente-aadorp"
VERZOEK = "2026060200011"


def run(server: SimServer, *, calls: int) -> list[Figure]:
    """``calls`` sequential GETs on one new client; count its handshakes."""
    setup = server.client(IDENTITY)
    sid = setup.start_samenwerking(VERZOEK, "Benchmark handshakes").samenwerking_id
    setup.close()

    client = server.client(IDENTITY)
    context = client.transport.options.ssl_context
    before = context.session_stats()
    for _ in range(calls):
        client.get_samenwerking(sid)
    after = context.session_stats()
    client.close()

    handshakes = after["connect"] - before["connect"]
    good = after["connect_good"] - before["connect_good"]
    return [
        Figure(
            "handshakes.count",
            f"TLS handshakes for {calls:,} sequential calls",
            handshakes,
            "",
            target="1",
            met=handshakes == 1,
            detail=f"client SSLContext.session_stats(): {handshakes} started, "
            f"{good} completed",
        )
    ]
