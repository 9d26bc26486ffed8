"""A Client method for every operation in the contract."""

from __future__ import annotations

import inspect

from swfkit.client import Client
from swfkit.contract import load_contract

METHODS = ("get", "put", "post", "patch", "delete")

# operationId -> the Client methods that implement it.
IMPLEMENTED_BY: dict[str, tuple[str, ...]] = {
    "listSamenwerkingen": ("list_samenwerkingen",),
    "startSamenwerking": ("start_samenwerking",),
    "getSamenwerking": ("get_samenwerking",),
    "updateSamenwerking": ("update_samenwerking", "stop_samenwerking"),
    "deleteSamenwerking": ("delete_samenwerking",),
    "listDeelnemers": ("list_deelnemers",),
    "inviteDeelnemer": ("invite_ketenpartner",),
    "getDeelnemer": ("get_deelnemer",),
    "updateDeelnemer": ("change_privilege",),
    "removeDeelnemer": ("remove_ketenpartner",),
    "listDocumenten": ("list_documenten",),
    "uploadDocument": ("upload_document",),
    "getDocument": ("get_document",),
    "updateDocument": ("update_document",),
    "deleteDocument": ("delete_document",),
    "downloadDocument": ("download_document",),
    "listDocumentRechten": ("list_document_rechten",),
    "getDocumentRecht": ("get_document_recht",),
    "setDocumentRecht": ("set_document_recht",),
    "deleteDocumentRecht": ("delete_document_recht",),
    "createActieverzoek": ("create_actieverzoek",),
    "listActieverzoeken": ("list_actieverzoeken",),
    "getActieverzoek": ("get_actieverzoek",),
    "updateActieverzoek": (
        "update_actieverzoek",
        "accept_actieverzoek",
        "refuse_actieverzoek",
        "report_actieverzoek_done",
        "approve_actieverzoek",
        "withdraw_actieverzoek",
    ),
    "listBerichten": ("list_berichten",),
    "createBericht": ("send_bericht",),
    "getBericht": ("get_bericht",),
    "listNotificaties": ("list_notificaties", "poll_notificaties"),
    "listSamenwerkingNotificaties": ("list_samenwerking_notificaties",),
    "getNotificatie": ("get_notificatie",),
    "deleteNotificatie": ("delete_notificatie",),
    "getOpenapiDocument": ("get_openapi_document",),
}


def test_every_contract_operation_has_a_client_method():
    paths = load_contract()["paths"]
    operation_ids = {
        operation["operationId"]
        for item in paths.values()
        for method, operation in item.items()
        if method in METHODS
    }

    assert operation_ids == set(IMPLEMENTED_BY)
    for names in IMPLEMENTED_BY.values():
        for name in names:
            assert callable(getattr(Client, name, None)), name


def test_every_public_method_has_a_docstring_naming_its_function():
    public = [
        name
        for name, member in inspect.getmembers(Client, inspect.isfunction)
        if not name.startswith("_")
    ]

    assert len(public) >= 40
    for name in public:
        assert inspect.getdoc(getattr(Client, name)), name
