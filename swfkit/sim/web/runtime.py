"""What the web layer shares between requests, and per-request contexts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app, g

from swfkit.sim.blobs import BlobStore
from swfkit.sim.clock import Clock
from swfkit.sim.context import Caller, Ctx
from swfkit.sim.rules import RuleBook
from swfkit.sim.storage import Store
from swfkit.sim.web.validation import ContractValidator
from swfkit.sim.world import World

EXTENSION = "swfkit.sim"


@dataclass(frozen=True)
class Runtime:
    """The simulator's shared state: world, storage, rules, clock, contract."""

    world: World
    store: Store
    blobs: BlobStore
    rules: RuleBook
    clock: Clock
    validator: ContractValidator

    @contextmanager
    def reading(self) -> Iterator[Ctx]:
        """A context for the current request inside a read transaction."""
        with self.store.read() as db:
            yield Ctx(db, self.world, self.rules, _caller(), g.now)

    @contextmanager
    def writing(self) -> Iterator[Ctx]:
        """A context for the current request inside a write transaction."""
        with self.store.write() as db:
            yield Ctx(db, self.world, self.rules, _caller(), g.now)


def runtime() -> Runtime:
    """The runtime of the app handling the current request."""
    rt: Runtime = current_app.extensions[EXTENSION]
    return rt


def _caller() -> Caller:
    caller: Caller = g.caller
    return caller
