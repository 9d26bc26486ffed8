"""Uploads stream to disk, respect the size limit, and never show half a file."""

from __future__ import annotations

import hashlib
import socket
import ssl
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from requests_toolbelt import MultipartEncoder

from swfkit.sim.server import Simulator

from .api import AADORP, Org, problem
from .test_sim_bad_input import snapshot

LIMIT = 1000


def _setup(
    sim_factory: Callable[..., Simulator], **settings: object
) -> tuple[Org, str, Path]:
    simulator = sim_factory(**settings)
    org = Org(simulator, AADORP)
    return org, org.start()["samenwerkingId"], simulator.world_dir


def test_limit_is_inclusive(sim_factory: Callable[..., Simulator]) -> None:
    org, sid, _ = _setup(sim_factory, maxUploadBytes=LIMIT)
    assert org.upload(sid, b"x" * LIMIT).status_code == 201


def test_over_the_limit_is_413_early_and_while_streaming(
    sim_factory: Callable[..., Simulator],
) -> None:
    org, sid, world = _setup(sim_factory, maxUploadBytes=LIMIT)
    before = snapshot(world)
    # Just over: the Content-Length looks fine, the streaming count refuses.
    problem(org.upload(sid, b"x" * (LIMIT + 1)), 413, "maximale-uploadgrootte")
    # Far over: refused from the Content-Length, before the body is read.
    problem(org.upload(sid, b"x" * 200_000), 413, "maximale-uploadgrootte")
    # No Content-Length at all (chunked): refused while streaming.
    chunked = org.post(
        f"/samenwerkingen/{sid}/documenten",
        params={"documentOmschrijving": "x", "vertrouwelijkheidsAanduiding": "RV"},
        data=_chunks(b"x" * 5000),
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )
    problem(chunked, 413, "maximale-uploadgrootte")
    assert snapshot(world) == before


def _chunks(content: bytes) -> Iterator[bytes]:
    yield (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
    )
    for start in range(0, len(content), 512):
        yield content[start : start + 512]
    yield b"\r\n--b--\r\n"


def test_a_big_document_streams_both_ways_without_holding_it(
    fresh_simulator: Simulator, tmp_path: Path
) -> None:
    org = Org(fresh_simulator, AADORP)
    sid = org.start()["samenwerkingId"]
    source = tmp_path / "groot.bin"
    block = hashlib.sha256(b"seed").digest() * 32768  # 1 MiB
    with source.open("wb") as handle:
        for _ in range(24):
            handle.write(block)
    size = source.stat().st_size

    tracemalloc.start()
    try:
        with source.open("rb") as handle:
            encoder = MultipartEncoder(
                {"file": ("groot.bin", handle, "application/octet-stream")}
            )
            response = org.post(
                f"/samenwerkingen/{sid}/documenten",
                data=encoder,
                headers={"Content-Type": encoder.content_type},
                params={
                    "documentOmschrijving": "groot",
                    "vertrouwelijkheidsAanduiding": "RV",
                },
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 201, response.text
    assert response.json()["bestandsGrootte"] == size
    # Client and server share this process: neither held the 24 MiB.
    assert peak < 8 * 1024 * 1024, f"peak Python memory {peak} bytes"
    expected = hashlib.sha256(source.read_bytes()).hexdigest()
    assert response.json()["documentHash"] == expected

    # The download streams too, response validation included.
    tracemalloc.start()
    try:
        href = response.json()["_links"]["content"]["href"]
        with org.get(href, stream=True) as got:
            digest = hashlib.sha256()
            for chunk in got.iter_content(1024 * 1024):
                digest.update(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert digest.hexdigest() == expected
    assert peak < 8 * 1024 * 1024, f"download: peak Python memory {peak} bytes"


def test_a_half_received_upload_never_becomes_visible(
    fresh_simulator: Simulator,
) -> None:
    org = Org(fresh_simulator, AADORP)
    sid = org.start()["samenwerkingId"]
    world = fresh_simulator.world_dir
    before = snapshot(world)
    url = urlsplit(fresh_simulator.base_url)
    context = ssl.create_default_context(cafile=org.ca_bundle)
    context.load_cert_chain(*org.cert)
    head = (
        f"POST {url.path}/samenwerkingen/{sid}/documenten?documentOmschrijving=x"
        f"&vertrouwelijkheidsAanduiding=RV HTTP/1.1\r\nHost: {url.hostname}\r\n"
        f"X-OIN: {org.oin}\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: 200000\r\n\r\n"
    ).encode()
    with (
        socket.create_connection((url.hostname, url.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=url.hostname) as tls,
    ):
        tls.sendall(head + next(_chunks(b"")) + b"y" * 150_000)
        # The content is being written to disk, but is nowhere to be seen.
        assert _eventually(lambda: _temp_files(world) != [])
        assert org.items(f"/samenwerkingen/{sid}/documenten", "documenten") == []
    # The client went away mid-body: the partial file is thrown away.
    assert _eventually(lambda: snapshot(world) == before)
    assert org.items(f"/samenwerkingen/{sid}/documenten", "documenten") == []


def _temp_files(world: Path) -> list[str]:
    return [p.name for p in (world / "blobs").iterdir() if p.name.startswith(".")]


def _eventually(condition: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
