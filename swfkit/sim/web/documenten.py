"""Routes for documents: upload (streamed), metadata, content, rights."""

from __future__ import annotations

import base64
import logging
import mimetypes
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, request
from werkzeug.formparser import FormDataParser
from werkzeug.wsgi import wrap_file

from swfkit.sim.blobs import BlobWriter, StoredBlob
from swfkit.sim.problems import Problem, invalid_input, not_found
from swfkit.sim.rules import violation
from swfkit.sim.services import documenten, rechten
from swfkit.sim.web import render
from swfkit.sim.web.common import (
    MERGE_PATCH,
    hal,
    hal_response,
    json_body,
    no_content,
    paged_response,
)
from swfkit.sim.web.runtime import Runtime, runtime

logger = logging.getLogger(__name__)

bp = Blueprint("documenten", __name__)

# Room for the multipart framing around the file part when judging an
# upload by its Content-Length.
MULTIPART_SLACK = 64 * 1024
_GENERIC_TYPES = ("", "application/octet-stream")


@bp.post("/samenwerkingen/<samenwerking_id>/documenten")
def upload_document(samenwerking_id: str) -> Response:
    """Contract operation ``uploadDocument``."""
    rt = runtime()
    limit = _upload_limit(rt)
    if limit is not None and (request.content_length or 0) > limit + MULTIPART_SLACK:
        raise _too_large(limit)
    with rt.reading() as ctx:
        meta = documenten.prepare_upload(ctx, samenwerking_id, request.args)
    if request.mimetype != "multipart/form-data":
        raise Problem(
            415,
            "Mediatype niet ondersteund",
            "Een document gaat als multipart/form-data met een deel 'file'.",
        )

    filename, formaat, blob = _receive(rt, limit)
    try:
        with rt.writing() as ctx:
            doc = documenten.store_upload(
                ctx, samenwerking_id, meta, filename, formaat, blob
            )
            out = render.document(ctx, hal(), doc)
    except BaseException:
        rt.blobs.remove([blob.name])
        raise
    return hal_response(out, 201, location=out["_links"]["self"]["href"])


@bp.get("/samenwerkingen/<samenwerking_id>/documenten")
def list_documenten(samenwerking_id: str) -> Response:
    """Contract operation ``listDocumenten``."""
    with runtime().reading() as ctx:
        rows = documenten.list_visible(ctx, samenwerking_id, request.args)
        return paged_response(
            ctx,
            "documenten",
            rows,
            render.document,
            f"/samenwerkingen/{samenwerking_id}/documenten",
            page_name="pagina",
            size_name="aantal",
        )


@bp.get("/documenten/<document_id>")
def get_document(document_id: str) -> Response:
    """Contract operation ``getDocument``."""
    with runtime().reading() as ctx:
        return hal_response(
            render.document(ctx, hal(), documenten.get(ctx, document_id))
        )


@bp.patch("/documenten/<document_id>")
def update_document(document_id: str) -> Response:
    """Contract operation ``updateDocument``."""
    patch = json_body(MERGE_PATCH)
    with runtime().writing() as ctx:
        doc = documenten.update(ctx, document_id, patch)
        return hal_response(render.document(ctx, hal(), doc))


@bp.delete("/documenten/<document_id>")
def delete_document(document_id: str) -> Response:
    """Contract operation ``deleteDocument``."""
    rt = runtime()
    with rt.writing() as ctx:
        blob = documenten.delete(ctx, document_id)
    rt.blobs.remove([blob])
    return no_content()


@bp.get("/documenten/<document_id>/content")
def download_document(document_id: str) -> Response:
    """Contract operation ``downloadDocument``."""
    rt = runtime()
    with rt.reading() as ctx:
        doc = documenten.get(ctx, document_id)
        try:
            # Opened inside the snapshot: a delete unlinks only after commit.
            handle = rt.blobs.path(doc["blob"]).open("rb")
        except FileNotFoundError as exc:
            raise not_found() from exc
    response = Response(
        wrap_file(request.environ, handle),
        mimetype=doc["formaat"],
        direct_passthrough=True,
    )
    response.headers["Content-Length"] = str(doc["bestandsGrootte"])
    response.headers["Content-Disposition"] = content_disposition(doc["bestandsNaam"])
    digest = base64.b64encode(bytes.fromhex(doc["documentHash"])).decode("ascii")
    response.headers["Repr-Digest"] = f"sha-256=:{digest}:"
    return response


@bp.get("/documenten/<document_id>/rechten")
def list_rechten(document_id: str) -> Response:
    """Contract operation ``listDocumentRechten``."""
    with runtime().reading() as ctx:
        rows = rechten.list_for(ctx, document_id)
        return paged_response(
            ctx, "rechten", rows, render.recht, f"/documenten/{document_id}/rechten"
        )


@bp.get("/documenten/<document_id>/rechten/<deelnemer_id>")
def get_recht(document_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``getDocumentRecht``."""
    with runtime().reading() as ctx:
        row = rechten.get(ctx, document_id, deelnemer_id)
        return hal_response(render.recht(ctx, hal(), row))


@bp.put("/documenten/<document_id>/rechten/<deelnemer_id>")
def set_recht(document_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``setDocumentRecht``."""
    body = json_body()
    with runtime().writing() as ctx:
        row, created = rechten.put(ctx, document_id, deelnemer_id, body)
        return hal_response(render.recht(ctx, hal(), row), 201 if created else 200)


@bp.delete("/documenten/<document_id>/rechten/<deelnemer_id>")
def delete_recht(document_id: str, deelnemer_id: str) -> Response:
    """Contract operation ``deleteDocumentRecht``."""
    with runtime().writing() as ctx:
        rechten.delete(ctx, document_id, deelnemer_id)
    return no_content()


def content_disposition(filename: str) -> str:
    """``attachment; filename="…"``, plus ``filename*`` for non-ASCII names."""
    fallback = "".join(c if c.isascii() and c not in '"\\' else "_" for c in filename)
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def _receive(rt: Runtime, limit: int | None) -> tuple[str, str, StoredBlob]:
    """Stream the multipart body to disk; return name, media type and blob."""
    writers: list[BlobWriter] = []

    def factory(
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None,
        content_length: int | None = None,
    ) -> Any:
        writer = rt.blobs.writer(limit, _too_large)
        writers.append(writer)
        return writer

    # werkzeug applies max_form_memory_size to its parse buffer, file parts
    # included: it must exceed the 64 KiB read chunk plus the few bytes kept
    # back at a possible boundary, or binary uploads get a random 413.
    parser = FormDataParser(
        stream_factory=factory, max_form_memory_size=1024 * 1024, max_form_parts=20
    )
    try:
        _, _, files = parser.parse_from_environ(request.environ)
        part = files.get("file")
        if part is None or not isinstance(part.stream, BlobWriter):
            raise invalid_input("file", "het bestandsdeel 'file' ontbreekt")
        filename = documenten.check_filename(rt.rules, part.filename)
        return filename, _formaat(part.mimetype, filename), part.stream.commit()
    finally:
        # Whatever was not committed (other parts, a failed upload) goes.
        for writer in writers:
            writer.discard()


def _upload_limit(rt: Runtime) -> int | None:
    if not rt.rules.enabled("maximale-uploadgrootte"):
        return None
    return rt.world.settings.max_upload_bytes


def _too_large(limit: int) -> Problem:
    return violation(
        "maximale-uploadgrootte", f"Het document is groter dan {limit} bytes."
    )


def _formaat(declared: str, filename: str) -> str:
    if declared not in _GENERIC_TYPES:
        return declared
    guessed, _ = mimetypes.guess_type(filename)
    return guessed or "application/octet-stream"
