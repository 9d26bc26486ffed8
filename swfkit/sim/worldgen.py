"""``swfkit sim init``: create a world folder with PKI, world and identities.

The default world: three gemeenten (bevoegd gezag), an omgevingsdienst
(behandeldienst), a provincie, a waterschap, a veiligheidsregio, an
adviesbureau known by its KvK number, a software vendor mandated by two of
the gemeenten, and one organisation without an SWF subscription; plus
received verzoeken, each with a PDF and an XML document.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from swfkit.errors import ConfigurationError
from swfkit.oin import kvk_to_hrn
from swfkit.pki import IssuedCertificate, TestPki
from swfkit.sim.verzoekdocs import VerzoekText, write_pdf, write_xml
from swfkit.sim.world import (
    DEFAULT_BASE_PATH,
    DEFAULT_MAX_UPLOAD_BYTES,
    DEFAULT_OIN_HEADER,
    DEFAULT_PORT,
    IDENTITIES_FILE,
    WORLD_FILE,
    World,
    base_url,
    write_json_atomic,
)

logger = logging.getLogger(__name__)

_OWNED = (
    "pki",
    "verzoeken",
    "blobs",
    "sim.db",
    "sim.db-wal",
    "sim.db-shm",
    WORLD_FILE,
    IDENTITIES_FILE,
)


@dataclass(frozen=True)
class OrgSpec:
    """An organisation of the default world."""

    slug: str
    naam: str
    oin: str
    rol: str
    kvk: str | None = None
    subscribed: bool = True
    mandates: tuple[str, ...] = ()


def _test_oin(number: int) -> str:
    return f"00000099{number:012d}"


AADORP, BEEKVELD, DIJKSTEDE = _test_oin(1001), _test_oin(1002), _test_oin(1003)
ADVIES_KVK = "90012345"

DEFAULT_ORGANISATIONS: tuple[OrgSpec, ...] = (
    OrgSpec("gemeente-aadorp", "Gemeente Aadorp", AADORP, "BEVOEGD_GEZAG"),
    OrgSpec("gemeente-beekveld", "Gemeente Beekveld", BEEKVELD, "BEVOEGD_GEZAG"),
    OrgSpec("gemeente-dijkstede", "Gemeente Dijkstede", DIJKSTEDE, "BEVOEGD_GEZAG"),
    OrgSpec(
        "omgevingsdienst-middenpolder",
        "Omgevingsdienst Midden-Polder",
        _test_oin(2001),
        "BEHANDELDIENST",
    ),
    OrgSpec(
        "provincie-zuiderkwartier",
        "Provincie Zuiderkwartier",
        _test_oin(3001),
        "KETENPARTNER",
    ),
    OrgSpec(
        "waterschap-lage-venen",
        "Waterschap Lage Venen",
        _test_oin(3002),
        "KETENPARTNER",
    ),
    OrgSpec(
        "veiligheidsregio-polderland",
        "Veiligheidsregio Polderland",
        _test_oin(3003),
        "KETENPARTNER",
    ),
    OrgSpec(
        "adviesbureau-groenrand",
        "Adviesbureau Groenrand B.V.",
        kvk_to_hrn(ADVIES_KVK),
        "KETENPARTNER",
        kvk=ADVIES_KVK,
    ),
    OrgSpec(
        "leverancier-vthsoft",
        "VTH-Soft B.V.",
        _test_oin(4001),
        "LEVERANCIER",
        mandates=(AADORP, BEEKVELD),
    ),
    OrgSpec(
        "stichting-oeverbeheer",
        "Stichting Oeverbeheer",
        _test_oin(5001),
        "KETENPARTNER",
        subscribed=False,
    ),
)

# (verzoeknummer, addressed slugs, type, locatie, activiteit, aanvrager, adres)
_VERZOEKEN: tuple[tuple[str, tuple[str, ...], str, str, str, str, str], ...] = (
    (
        "2026060200011",
        ("gemeente-aadorp",),
        "Aanvraag vergunning",
        "Dorpsstraat 12, Aadorp",
        "Bouwen van een woning",
        "J. de Vries",
        "Dorpsstraat 12, 9999 AA Aadorp",
    ),
    (
        "2026060200012",
        ("gemeente-aadorp",),
        "Melding",
        "Industrieweg 4, Aadorp",
        "Milieubelastende activiteit",
        "Bakkerij Jansen",
        "Industrieweg 4, 9999 AB Aadorp",
    ),
    (
        "2026060200021",
        ("gemeente-beekveld",),
        "Aanvraag vergunning",
        "Beekweg 7, Beekveld",
        "Kappen van een houtopstand",
        "A. Bakker",
        "Beekweg 7, 9998 BA Beekveld",
    ),
    (
        "2026060200022",
        ("gemeente-beekveld", "omgevingsdienst-middenpolder"),
        "Aanvraag vergunning",
        "Havenkade 1, Beekveld",
        "Exploiteren van een opslag van gevaarlijke stoffen",
        "Opslag Beekveld B.V.",
        "Havenkade 1, 9998 BB Beekveld",
    ),
    (
        "2026060200031",
        ("gemeente-dijkstede",),
        "Aanvraag vergunning",
        "Dijk 30, Dijkstede",
        "Verbouwen van een monument",
        "M. Visser",
        "Dijk 30, 9997 CA Dijkstede",
    ),
    (
        "2026060200032",
        ("gemeente-dijkstede",),
        "Informatieverzoek",
        "Polderweg 2, Dijkstede",
        "Aanleggen van een uitweg",
        "P. Smit",
        "Polderweg 2, 9997 CB Dijkstede",
    ),
)


def init_world(
    directory: Path, *, port: int = DEFAULT_PORT, force: bool = False
) -> World:
    """Create the default world in ``directory``.

    Raises:
        ConfigurationError: the folder already holds a world and ``force`` is
            false.
    """
    directory = Path(directory)
    _clear(directory, force)
    pki = TestPki.create(directory / "pki")
    server = pki.issue_server()
    certs = {
        spec.slug: pki.issue_organisation(spec.naam, spec.oin, slug=spec.slug)
        for spec in DEFAULT_ORGANISATIONS
    }
    verzoeken = _write_verzoeken(directory)

    world = {
        "settings": {
            "basePath": DEFAULT_BASE_PATH,
            "oinHeader": DEFAULT_OIN_HEADER,
            "maxUploadBytes": DEFAULT_MAX_UPLOAD_BYTES,
            "disabledRules": [],
            "strictResponses": True,
        },
        "server": {
            "cert": _rel(server.chain_path, directory),
            "key": _rel(server.key_path, directory),
            "caBundle": _rel(pki.ca_bundle_path, directory),
        },
        "organisations": [_org_entry(spec) for spec in DEFAULT_ORGANISATIONS],
        "verzoeken": verzoeken,
    }
    write_json_atomic(directory / WORLD_FILE, world)
    write_identities(directory, certs, pki.ca_bundle_path, port)
    logger.info("created a simulator world in %s", directory)
    return World.load(directory)


def write_identities(
    directory: Path, certs: dict[str, IssuedCertificate], ca_bundle: Path, port: int
) -> None:
    """Write ``identities.json``, the file clients configure themselves from."""
    specs = {spec.slug: spec for spec in DEFAULT_ORGANISATIONS}
    identities = {
        slug: _identity(specs[slug], cert, directory) for slug, cert in certs.items()
    }
    write_json_atomic(
        directory / IDENTITIES_FILE,
        {
            "baseUrl": base_url("127.0.0.1", port),
            "oinHeader": DEFAULT_OIN_HEADER,
            "caBundle": _rel(ca_bundle, directory),
            "identities": identities,
        },
    )


def _clear(directory: Path, force: bool) -> None:
    if (directory / WORLD_FILE).exists() and not force:
        raise ConfigurationError(
            "a simulator world already exists here",
            source=directory,
            fix="use --force to replace it, or choose another --dir",
        )
    directory.mkdir(parents=True, exist_ok=True)
    for name in _OWNED:
        path = directory / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def _org_entry(spec: OrgSpec) -> dict[str, Any]:
    return {
        "slug": spec.slug,
        "naam": spec.naam,
        "oin": spec.oin,
        "kvkNummer": spec.kvk,
        "rol": spec.rol,
        "subscribed": spec.subscribed,
        "mandates": list(spec.mandates),
    }


def _identity(
    spec: OrgSpec, cert: IssuedCertificate, directory: Path
) -> dict[str, Any]:
    return {
        "naam": spec.naam,
        "oin": spec.oin,
        "kvkNummer": spec.kvk,
        "rol": spec.rol,
        "cert": _rel(cert.cert_path, directory),
        "key": _rel(cert.key_path, directory),
        "pkcs12": _rel(cert.pkcs12_path, directory) if cert.pkcs12_path else None,
        "pkcs12Password": cert.pkcs12_password,
        "actsFor": list(spec.mandates),
        "subscribed": spec.subscribed,
    }


def _write_verzoeken(directory: Path) -> list[dict[str, Any]]:
    folder = directory / "verzoeken"
    folder.mkdir()
    specs = {spec.slug: spec for spec in DEFAULT_ORGANISATIONS}
    entries = []
    for number, slugs, kind, locatie, activiteit, aanvrager, adres in _VERZOEKEN:
        gezag = specs[slugs[0]]
        text = VerzoekText(
            number,
            kind,
            locatie,
            gezag.naam,
            gezag.oin,
            activiteit,
            aanvrager,
            adres,
            f"{number[:4]}-{number[4:6]}-{number[6:8]}",
        )
        write_pdf(text, folder / f"{number}.pdf")
        write_xml(text, folder / f"{number}.xml")
        entries.append(
            {
                "verzoeknummer": number,
                "addressedTo": [specs[slug].oin for slug in slugs],
                "typeVerzoek": kind,
                "globaleLocatie": locatie,
                "files": [
                    {"path": f"verzoeken/{number}.pdf", "formaat": "application/pdf"},
                    {"path": f"verzoeken/{number}.xml", "formaat": "application/xml"},
                ],
            }
        )
    return entries


def _rel(path: Path, directory: Path) -> str:
    return Path(path).relative_to(directory).as_posix()
