"""256 MB up and down: swfkit against curl, and the memory both sides use.

curl gets the same certificate, key, CA bundle, OIN header and endpoint.
Throughput is the document size over wall time, per repetition, ABAB, and
the ratio is swfkit's median over curl's. While swfkit transfers, this
process's resident set is sampled in a thread; the simulator's is sampled
from its pid during every transfer (curl's and swfkit's alike).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from bench.figures import Figure
from bench.measure import MIB, PeakRss, interleave, timed
from bench.simproc import SimServer
from swfkit.client import Client, Document

IDENTITY = "gemeente-aadorp"
VERZOEK = "2026060200011"
MEMORY_TARGET_MIB = 50
_BLOCK = 4 * MIB
_QUERY = "documentOmschrijving=benchmark&vertrouwelijkheidsAanduiding=RV"


@dataclass
class Memory:
    """Peak growth seen per side, in bytes."""

    client: list[int] = field(default_factory=list)
    server: list[int] = field(default_factory=list)


def make_file(path: Path, size: int) -> str:
    """Write ``size`` bytes that do not compress away; return their SHA-256."""
    digest = hashlib.sha256()
    seed = hashlib.sha512(b"swfkit-bench").digest() * (_BLOCK // 64)
    with path.open("wb") as handle:
        for n in range(size // _BLOCK):
            block = n.to_bytes(8, "big") + seed[8:]
            handle.write(block)
            digest.update(block)
    return digest.hexdigest()


def curl_path() -> str:
    """The curl binary.

    Raises:
        RuntimeError: curl is not installed (``apt-get install curl``).
    """
    found = shutil.which("curl")
    if not found:
        raise RuntimeError("curl is not installed: apt-get install curl")
    return found


class CurlSide:
    """curl with the identity's certificate, against the same simulator."""

    def __init__(self, server: SimServer, name: str = IDENTITY) -> None:
        ident = server.identity(name)
        self.base_url = server.base_url
        self.args = [
            curl_path(),
            "--silent",
            "--show-error",
            "--fail",
            "--noproxy",
            "*",
            "--cert",
            ident["cert"],
            "--key",
            ident["key"],
            "--cacert",
            ident["caBundle"],
            "-H",
            f"{ident['oinHeader']}: {ident['oin']}",
        ]

    def upload(self, sid: str, source: Path, answer: Path) -> str:
        """Upload ``source``; return the new documentId."""
        url = f"{self.base_url}/samenwerkingen/{sid}/documenten?{_QUERY}"
        form = f"file=@{source};filename=bench.bin;type=application/octet-stream"
        self._run("-F", form, "-o", str(answer), url)
        return str(json.loads(answer.read_text())["documentId"])

    def download(self, document_id: str, target: Path) -> None:
        """Download a document's content to ``target``."""
        self._run(
            "-o", str(target), f"{self.base_url}/documenten/{document_id}/content"
        )

    def _run(self, *args: str) -> None:
        subprocess.run([*self.args, *args], check=True, timeout=600)


def run(server: SimServer, *, pairs: int, size: int) -> list[Figure]:
    """Upload and download a ``size``-byte document, swfkit and curl in turn."""
    work = Path(tempfile.mkdtemp(prefix="swfkit-bench-"))
    try:
        return _run(server, work, pairs, size)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(server: SimServer, work: Path, pairs: int, size: int) -> list[Figure]:
    source = work / "bench.bin"
    expected = make_file(source, size)
    client = server.client(IDENTITY, backoff=0.0)
    curl = CurlSide(server)
    sid = client.start_samenwerking(VERZOEK, "Benchmark transfer").samenwerking_id
    memory = Memory()

    def swf_up() -> float:
        return _swf_upload(client, sid, source, expected, server.pid, memory)

    def curl_up() -> float:
        return _curl_upload(client, curl, sid, source, work, server.pid, memory)

    up_swf, up_curl = interleave(pairs, swf_up, curl_up)

    kept = client.upload_document(
        sid, source, omschrijving="benchmark", vertrouwelijkheid="RV"
    )
    down_swf, down_curl = interleave(
        pairs,
        lambda: _swf_download(client, kept, work, server.pid, memory),
        lambda: _curl_download(curl, kept.document_id, work, server.pid, memory),
    )
    client.close()
    return _figures(size, pairs, up_swf, up_curl, down_swf, down_curl, memory)


def _swf_upload(
    client: Client, sid: str, source: Path, expected: str, pid: int, memory: Memory
) -> float:
    holder: list[Document] = []
    with PeakRss() as mine, PeakRss(pid) as theirs:
        seconds = timed(
            lambda: holder.append(
                client.upload_document(
                    sid, source, omschrijving="benchmark", vertrouwelijkheid="RV"
                )
            )
        )
    memory.client.append(mine.growth)
    memory.server.append(theirs.growth)
    if holder[0].document_hash != expected:
        raise RuntimeError("uploaded document hash differs from the file's")
    client.delete_document(holder[0].document_id)
    return seconds


def _curl_upload(
    client: Client,
    curl: CurlSide,
    sid: str,
    source: Path,
    work: Path,
    pid: int,
    memory: Memory,
) -> float:
    ids: list[str] = []
    with PeakRss(pid) as theirs:
        seconds = timed(lambda: ids.append(curl.upload(sid, source, work / "a.json")))
    memory.server.append(theirs.growth)
    client.delete_document(ids[0])
    return seconds


def _swf_download(
    client: Client, doc: Document, work: Path, pid: int, memory: Memory
) -> float:
    target = work / "swf-down.bin"
    with PeakRss() as mine, PeakRss(pid) as theirs:
        seconds = timed(lambda: client.download_document(doc, target))
    memory.client.append(mine.growth)
    memory.server.append(theirs.growth)
    target.unlink()
    return seconds


def _curl_download(
    curl: CurlSide, document_id: str, work: Path, pid: int, memory: Memory
) -> float:
    target = work / "curl-down.bin"
    with PeakRss(pid) as theirs:
        seconds = timed(lambda: curl.download(document_id, target))
    memory.server.append(theirs.growth)
    target.unlink()
    return seconds


def _figures(
    size: int,
    pairs: int,
    up_swf: list[float],
    up_curl: list[float],
    down_swf: list[float],
    down_curl: list[float],
    memory: Memory,
) -> list[Figure]:
    detail = f"{size // MIB} MiB, median of {pairs} interleaved runs each"
    figures: list[Figure] = []
    for way, swf, curl in (
        ("upload", up_swf, up_curl),
        ("download", down_swf, down_curl),
    ):
        figures += _throughput(way, size, swf, curl, detail)
    sampled = f"RSS sampled every ms during {size // MIB} MiB transfers"
    for key, label, values in (
        ("client", "swfkit client", memory.client),
        ("server", "simulator", memory.server),
    ):
        peak = max(values) / MIB
        figures.append(
            Figure(
                f"memory.{key}_peak_growth_mib",
                f"peak memory growth, {label}",
                peak,
                "MiB",
                target=f"< {MEMORY_TARGET_MIB} MiB",
                met=peak < MEMORY_TARGET_MIB,
                detail=f"{sampled} ({len(values)} transfers)",
            )
        )
    return figures


def _throughput(
    way: str, size: int, swf: list[float], curl: list[float], detail: str
) -> list[Figure]:
    mb = size / 1e6
    return [
        Figure(
            f"transfer.{way}_swfkit_mbs",
            f"{way}, swfkit",
            mb / median(swf),
            "MB/s",
            detail=detail,
        ),
        Figure(
            f"transfer.{way}_curl_mbs",
            f"{way}, curl",
            mb / median(curl),
            "MB/s",
            detail=detail,
        ),
        Figure(
            f"transfer.{way}_ratio",
            f"{way} throughput (swfkit / curl)",
            median(curl) / median(swf),
            "x",
            detail=detail,
        ),
    ]
