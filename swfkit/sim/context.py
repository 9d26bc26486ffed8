"""What every service call gets: the transaction, the world, the caller."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from swfkit.sim.rules import RuleBook
from swfkit.sim.world import Organisation, World


@dataclass(frozen=True)
class Caller:
    """Who is calling: the certificate's OIN and the organisation acting."""

    cert_oin: str
    organisation: Organisation

    @property
    def oin(self) -> str:
        """The acting organisation's OIN (the HRN for a company)."""
        return self.organisation.oin


@dataclass(frozen=True)
class Ctx:
    """One request's view of the simulator.

    Attributes:
        db: the connection, inside the request's transaction.
        world: the organisations, verzoeken and settings.
        rules: the rules in force.
        caller: who acts.
        now: the request's moment, formatted for the wire.
    """

    db: sqlite3.Connection
    world: World
    rules: RuleBook
    caller: Caller
    now: str
