"""The :class:`Client`: every SWF function as a method."""

from __future__ import annotations

from typing import Any, Literal

from swfkit.client.resources.actieverzoeken import ActieverzoekenMixin
from swfkit.client.resources.deelnemers import DeelnemersMixin
from swfkit.client.resources.documenten import DocumentenMixin
from swfkit.client.resources.notificaties import NotificatiesMixin
from swfkit.client.resources.samenwerkingen import SamenwerkingenMixin


class Client(
    SamenwerkingenMixin,
    DeelnemersMixin,
    DocumentenMixin,
    ActieverzoekenMixin,
    NotificatiesMixin,
):
    """A client for the DSO Samenwerkfunctionaliteit over mutual TLS.

    Example::

        from swfkit import Client

        with Client.from_settings(environment="pre", profile="gemeente") as swf:
            for samenwerking in swf.list_samenwerkingen(status="OPEN"):
                print(samenwerking.samenwerking_id, samenwerking.titel)

    Settings are checked when the client is made, before any request. One
    client holds one connection pool: reuse it for many calls.
    """

    def get_openapi_document(self, format: Literal["json", "yaml"] = "json") -> Any:
        """The OpenAPI document the server publishes (parsed JSON, or YAML text)."""
        response = self.transport.request(
            "GET", f"openapi.{format}", headers={"Accept": "*/*"}
        )
        return response.json() if format == "json" else response.text
