"""A 200 MB document through the client keeps this process's memory flat.

The simulator runs in a subprocess, so only the client's memory is measured:
the peak resident set size, sampled in a thread, against a baseline taken
after a warm-up request.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import psutil
import pytest

from swfkit.client import Client
from swfkit.config import Settings

SIZE = 200 * 1024 * 1024
LIMIT = 50 * 1024 * 1024
CHUNK = 4 * 1024 * 1024


class PeakRss:
    """Samples this process's RSS every few milliseconds while active."""

    def __init__(self) -> None:
        self._process = psutil.Process()
        self.baseline = self._process.memory_info().rss
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.baseline


def _big_file(path: Path) -> str:
    """Write SIZE pseudo-random-ish bytes in chunks; return their SHA-256."""
    digest = hashlib.sha256()
    block = hashlib.sha256(b"swfkit").digest() * (CHUNK // 32)
    with path.open("wb") as handle:
        for n in range(SIZE // CHUNK):
            chunk = n.to_bytes(8, "big") + block[8:]
            handle.write(chunk)
            digest.update(chunk)
    return digest.hexdigest()


@pytest.mark.slow
def test_200mb_upload_and_download_keep_memory_growth_under_50mb(
    simulator_process, tmp_path: Path
):
    source = tmp_path / "groot.bin"
    expected = _big_file(source)
    settings = Settings.from_identities(
        simulator_process.world_dir / "identities.json", "gemeente-aadorp"
    )
    client = Client(settings, backoff=0.0)
    samenwerking = client.start_samenwerking("2026060200011", "Groot bestand")

    with PeakRss() as upload:
        document = client.upload_document(
            samenwerking.samenwerking_id,
            source,
            omschrijving="Groot",
            vertrouwelijkheid="RV",
        )
    with PeakRss() as download:
        result = client.download_document(document, tmp_path / "terug.bin")
    client.close()

    print(
        f"\nRSS growth: upload {upload.growth / 2**20:.1f} MiB, "
        f"download {download.growth / 2**20:.1f} MiB (limit {LIMIT / 2**20:.0f} MiB)"
    )
    assert document.bestands_grootte == SIZE and document.document_hash == expected
    assert result.sha256 == expected and result.size == SIZE
    assert upload.growth < LIMIT
    assert download.growth < LIMIT
