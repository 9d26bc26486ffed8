"""swfkit: client, simulator and certification checks for the DSO SWF."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# The client and its models, imported on first use so that `import swfkit`
# (and `swfkit --help`) stays fast.
_CLIENT_NAMES = frozenset(
    {
        "Actieverzoek",
        "ActieverzoekStatus",
        "Bericht",
        "Client",
        "Deelnemer",
        "Document",
        "DocumentRecht",
        "Notificatie",
        "NotificatieType",
        "Privilege",
        "Rol",
        "Samenwerking",
        "SamenwerkingStatus",
        "SamenwerkVorm",
        "Toegang",
        "Vertrouwelijkheid",
    }
)

__all__ = ["__version__", *sorted(_CLIENT_NAMES)]


def __getattr__(name: str) -> object:
    if name in _CLIENT_NAMES:
        from swfkit import client

        return getattr(client, name)
    raise AttributeError(f"module 'swfkit' has no attribute {name!r}")
