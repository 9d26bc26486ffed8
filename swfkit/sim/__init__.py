"""The swfkit simulator: the SWF contract served over mutual TLS.

``swfkit sim init`` creates a world (test PKI, organisations, verzoeken);
:class:`Simulator` serves it. The parts:

- :mod:`~swfkit.sim.world` and :mod:`~swfkit.sim.worldgen`: the world file;
- :mod:`~swfkit.sim.rules`: every rule, by id, with a Dutch description;
- :mod:`~swfkit.sim.services`: the operations, enforcing those rules;
- :mod:`~swfkit.sim.storage` and :mod:`~swfkit.sim.blobs`: SQLite and files;
- :mod:`~swfkit.sim.web`: the Flask app, identity and contract validation;
- :mod:`~swfkit.sim.server`: cheroot with the TLS context.
"""

from __future__ import annotations

from swfkit.sim.clock import Clock, ManualClock, SystemClock
from swfkit.sim.server import Simulator
from swfkit.sim.world import World

# init_world lives in swfkit.sim.worldgen; it is not imported here, so that
# serving a world does not load the PDF library.
__all__ = ["Clock", "ManualClock", "Simulator", "SystemClock", "World"]
