"""Document upload and download: streamed, verified, safely named."""

from __future__ import annotations

import base64
import hashlib
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swfkit.client import Document
from swfkit.client.documents import repr_digest_sha256, safe_filename
from swfkit.errors import ConfigurationError, IntegrityError

from .tls_server import Reply, json_reply

CONTENT = b"%PDF-1.7 tekening " * 5000
SHA = hashlib.sha256(CONTENT).hexdigest()
DIGEST = "sha-256=:" + base64.b64encode(hashlib.sha256(CONTENT).digest()).decode() + ":"
DOCUMENT_JSON = (
    '{"documentId": "5f0b6c1e-8a4b-4f7e-9d0a-2b1c3d4e5f60", "samenwerkingId": "SAM-1",'
    ' "bestandsNaam": "tekening.pdf", "vertrouwelijkheidsAanduiding": "SV",'
    ' "formaat": "application/pdf", "bestandsGrootte": %d, "documentHash": "%s",'
    ' "aangemaaktDoor": "00000099000000010000",'
    ' "creatieDatumTijd": "2024-05-01T10:00:00Z",'
    ' "_links": {"self": {"href": "x"}, "content": {"href": "y"}}}'
)


def _content_reply(
    body: bytes = CONTENT,
    digest: str = DIGEST,
    disposition: str = 'attachment; filename="tekening.pdf"',
) -> Reply:
    return Reply(
        200,
        body,
        {
            "Content-Type": "application/pdf",
            "Content-Disposition": disposition,
            "Repr-Digest": digest,
        },
    )


def test_upload_streams_multipart_with_metadata_as_query(
    tls_server, make_client, tmp_path
):
    source = tmp_path / "tekening.pdf"
    source.write_bytes(CONTENT)
    server = tls_server(
        lambda seen: json_reply(DOCUMENT_JSON % (len(CONTENT), SHA), 201)
    )
    progress: list[tuple[int, int | None]] = []

    document = make_client(server).upload_document(
        "SAM-1",
        source,
        omschrijving="Tekening",
        vertrouwelijkheid="SV",
        taal="NL",
        progress=lambda done, total: progress.append((done, total)),
    )

    seen = server.requests[0]
    query = parse_qs(urlsplit(seen.path).query)
    assert urlsplit(seen.path).path == "/api/v5/samenwerkingen/SAM-1/documenten"
    assert query == {
        "documentOmschrijving": ["Tekening"],
        "vertrouwelijkheidsAanduiding": ["SV"],
        "taal": ["NL"],
    }
    assert seen.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="tekening.pdf"' in seen.body
    assert b"Content-Type: application/pdf" in seen.body
    assert CONTENT in seen.body
    assert document.document_hash == SHA
    assert progress[-1][0] == progress[-1][1] == len(seen.body)


@pytest.mark.parametrize("kind", ["bytes", "file object"])
def test_upload_from_bytes_or_file_object_needs_and_uses_a_name(
    tls_server, make_client, kind
):
    server = tls_server(lambda seen: json_reply(DOCUMENT_JSON % (3, SHA), 201))
    client = make_client(server)
    source = b"abc" if kind == "bytes" else io.BytesIO(b"abc")

    with pytest.raises(ValueError, match="filename"):
        client.upload_document(
            "SAM-1", source, omschrijving="x", vertrouwelijkheid="RV"
        )
    assert server.requests == []

    source = b"abc" if kind == "bytes" else io.BytesIO(b"abc")
    client.upload_document(
        "SAM-1",
        source,
        omschrijving="x",
        vertrouwelijkheid="RV",
        bestandsnaam="notitie.txt",
    )
    assert b'filename="notitie.txt"' in server.requests[0].body
    assert b"Content-Type: text/plain" in server.requests[0].body


def test_download_to_directory_uses_safe_server_name_and_verifies(
    tls_server, make_client, tmp_path
):
    server = tls_server(
        lambda seen: _content_reply(
            disposition='attachment; filename="../../etc/x.pdf"'
        )
    )
    progress: list[int] = []

    result = make_client(server).download_document(
        "5f0b6c1e-8a4b-4f7e-9d0a-2b1c3d4e5f60",
        tmp_path,
        progress=lambda done, total: progress.append(done),
    )

    assert result.path == tmp_path / "x.pdf"
    assert result.path.read_bytes() == CONTENT
    assert result.sha256 == SHA and result.size == len(CONTENT)
    assert progress[-1] == len(CONTENT)
    assert server.requests[0].path.endswith(
        "/documenten/5f0b6c1e-8a4b-4f7e-9d0a-2b1c3d4e5f60/content"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


def test_download_to_file_object(tls_server, make_client):
    server = tls_server(lambda seen: _content_reply())
    sink = io.BytesIO()

    result = make_client(server).download_document("d", sink)

    assert sink.getvalue() == CONTENT
    assert result.path is None and result.filename == "tekening.pdf"


def test_download_with_wrong_digest_leaves_nothing_behind(
    tls_server, make_client, tmp_path
):
    wrong = "sha-256=:" + base64.b64encode(b"\0" * 32).decode() + ":"
    server = tls_server(lambda seen: _content_reply(digest=wrong))
    target = tmp_path / "bestaand.pdf"
    target.write_bytes(b"oud")

    with pytest.raises(IntegrityError) as caught:
        make_client(server).download_document("d", target)

    assert "Repr-Digest" in str(caught.value)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["bestaand.pdf"]


def test_download_checks_document_hash_and_size_when_known(
    tls_server, make_client, tmp_path
):
    server = tls_server(lambda seen: _content_reply(digest=""))
    known = Document.model_validate_json(DOCUMENT_JSON % (len(CONTENT), "ab" * 32))
    client = make_client(server)

    with pytest.raises(IntegrityError, match="documentHash"):
        client.download_document(known, tmp_path)

    too_big = Document.model_validate_json(DOCUMENT_JSON % (len(CONTENT) + 1, SHA))
    with pytest.raises(IntegrityError, match="bestandsGrootte"):
        client.download_document(too_big, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_repr_digest_parsing():
    digest = hashlib.sha256(b"x").digest()
    b64 = base64.b64encode(digest).decode()

    assert repr_digest_sha256(f"sha-256=:{b64}:") == digest.hex()
    assert repr_digest_sha256(f"sha-512=:AAAA:, sha-256=:{b64}:") == digest.hex()
    assert repr_digest_sha256("sha-512=:AAAA:") is None
    assert repr_digest_sha256("sha-256=:niet base64!:") is None
    assert repr_digest_sha256(None) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('attachment; filename="tekening.pdf"', "tekening.pdf"),
        (
            "attachment; filename*=UTF-8''bouwtekening%20%C3%A9%C3%A9n.pdf",
            "bouwtekening één.pdf",
        ),
        ('attachment; filename="..\\\\..\\\\win.ini"', "win.ini"),
        ('attachment; filename="CON.txt"', "_CON.txt"),
        ('attachment; filename="a\x01b.pdf"', "a_b.pdf"),
        ('attachment; filename=".."', "DOC-ID"),
        ('attachment; filename="  .verborgen "', "verborgen"),
        ("attachment", "DOC-ID"),
        (None, "DOC-ID"),
    ],
)
def test_safe_filename_examples(header, expected):
    assert safe_filename(header, "DOC-ID") == expected


@given(st.text(max_size=400))
def test_safe_filename_is_always_a_plain_name(name):
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')

    result = safe_filename(f'attachment; filename="{quoted}"', "fallback-id")

    assert result and "/" not in result and "\\" not in result
    assert not any(ord(c) < 32 or ord(c) == 127 for c in result)
    assert not result.startswith(".") and result not in {".", ".."}
    assert len(result.encode()) <= 255


def test_download_into_missing_folder_is_refused_before_sending(
    tls_server, make_client, tmp_path
):
    server = tls_server(lambda seen: _content_reply())

    with pytest.raises(ConfigurationError) as caught:
        make_client(server).download_document("d", tmp_path / "nergens" / "x.pdf")

    assert caught.value.source == str(tmp_path / "nergens")
    assert server.requests == []
