"""The simulator's database: SQLite in WAL mode, one connection per thread.

Columns carry the wire names of the contract, so a row maps onto a resource
without a translation table. Every write runs in a ``BEGIN IMMEDIATE``
transaction with ``synchronous=FULL``: once a request is answered, its
change survives a crash of the process or the machine.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

Row = dict[str, Any]

SCHEMA = """
CREATE TABLE IF NOT EXISTS samenwerking (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    samenwerkingId TEXT UNIQUE NOT NULL,
    status TEXT NOT NULL,
    samenwerkVorm TEXT NOT NULL,
    verzoeknummer TEXT NOT NULL,
    typeVerzoek TEXT,
    globaleLocatie TEXT,
    titel TEXT NOT NULL,
    beschrijving TEXT,
    taal TEXT,
    aangemaaktDoor TEXT NOT NULL,
    creatieDatumTijd TEXT NOT NULL,
    eindDatumTijd TEXT NOT NULL,
    laatstAangepastDoor TEXT NOT NULL,
    laatstAangepastDatumTijd TEXT NOT NULL,
    kenmerkSysteem TEXT,
    nummerBinnenSysteem TEXT,
    contactpersoonNaam TEXT,
    contactpersoonEmailadres TEXT,
    contactpersoonTelefoonnummer TEXT
);
CREATE TABLE IF NOT EXISTS deelnemer (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    deelnemerId TEXT UNIQUE NOT NULL,
    samenwerkingId TEXT NOT NULL,
    rol TEXT NOT NULL,
    oin TEXT NOT NULL,
    kvkNummer TEXT,
    privilege TEXT NOT NULL,
    uitgenodigdDoor TEXT,
    uitnodigingDatumTijd TEXT NOT NULL,
    UNIQUE (samenwerkingId, oin)
);
CREATE TABLE IF NOT EXISTS document (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId TEXT UNIQUE NOT NULL,
    samenwerkingId TEXT NOT NULL,
    bestandsNaam TEXT NOT NULL,
    documentOmschrijving TEXT NOT NULL,
    vertrouwelijkheidsAanduiding TEXT NOT NULL,
    taal TEXT,
    formaat TEXT NOT NULL,
    bestandsGrootte INTEGER NOT NULL,
    documentHash TEXT NOT NULL,
    kenmerkSysteem TEXT,
    nummerBinnenSysteem TEXT,
    aangemaaktDoor TEXT NOT NULL,
    creatieDatumTijd TEXT NOT NULL,
    laatstAangepastDoor TEXT NOT NULL,
    laatstAangepastDatumTijd TEXT NOT NULL,
    blob TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_samenwerking ON document (samenwerkingId);
CREATE TABLE IF NOT EXISTS recht (
    documentId TEXT NOT NULL,
    deelnemerId TEXT NOT NULL,
    toegang TEXT NOT NULL,
    gewijzigdDoor TEXT NOT NULL,
    gewijzigdDatumTijd TEXT NOT NULL,
    PRIMARY KEY (documentId, deelnemerId)
);
CREATE TABLE IF NOT EXISTS actieverzoek (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    actieverzoekId TEXT UNIQUE NOT NULL,
    samenwerkingId TEXT NOT NULL,
    titel TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    melding TEXT,
    productId TEXT,
    status TEXT NOT NULL,
    zender TEXT NOT NULL,
    ontvanger TEXT NOT NULL,
    uiterlijkeReactieDatum TEXT,
    documenten TEXT NOT NULL,
    creatieDatumTijd TEXT NOT NULL,
    laatstAangepastDoor TEXT NOT NULL,
    laatstAangepastDatumTijd TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actieverzoek_samenwerking
    ON actieverzoek (samenwerkingId);
CREATE TABLE IF NOT EXISTS bericht (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    berichtId TEXT UNIQUE NOT NULL,
    actieverzoekId TEXT NOT NULL,
    samenwerkingId TEXT NOT NULL,
    inhoud TEXT NOT NULL,
    zender TEXT NOT NULL,
    ontvanger TEXT NOT NULL,
    creatieDatumTijd TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notificatie (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    notificatieId TEXT UNIQUE NOT NULL,
    notificatieType TEXT NOT NULL,
    samenwerkingId TEXT NOT NULL,
    samenwerkVorm TEXT NOT NULL,
    notificatieTitel TEXT NOT NULL,
    notificatieTekst TEXT NOT NULL,
    eventInitiator TEXT NOT NULL,
    eventDatumTijd TEXT NOT NULL,
    deelnemer TEXT NOT NULL,
    properties TEXT NOT NULL,
    documentId TEXT
);
CREATE INDEX IF NOT EXISTS notificatie_ontvanger
    ON notificatie (deelnemer, eventDatumTijd);
"""


class Store:
    """The database of one world; safe to share between server threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._connection().executescript(SCHEMA)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for the duration of the block."""
        db = self._connection()
        db.execute("BEGIN")
        try:
            yield db
        finally:
            if db.in_transaction:
                db.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed (durably) when the block ends."""
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def integrity_check(self) -> str:
        """SQLite's own verdict on the database file (``"ok"`` when sound)."""
        with self.read() as db:
            return str(db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._open()
            self._local.db = db
        return db

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so the
        # transaction kind (IMMEDIATE for writes) is explicit.
        db = sqlite3.connect(
            self.path, isolation_level=None, timeout=30, check_same_thread=False
        )
        db.row_factory = _dict_row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        with self._lock:
            self._connections.append(db)
        return db


def _dict_row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Row:
    return {
        column[0]: value
        for column, value in zip(cursor.description, values, strict=True)
    }


def insert_row(db: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> None:
    """Insert ``row`` (column -> value) into ``table``.

    Table and column names come from the code, never from a request.
    """
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def update_row(
    db: sqlite3.Connection, table: str, key: tuple[str, Any], changes: Mapping[str, Any]
) -> None:
    """Set ``changes`` on the row of ``table`` whose ``key[0]`` is ``key[1]``."""
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(
        f"UPDATE {table} SET {assignments} WHERE {key[0]} = ?",
        [*changes.values(), key[1]],
    )
