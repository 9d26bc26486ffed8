"""Who takes part in the demo world, and how each of them behaves.

The default world's organisations stay as they are; the demo adds two
gemeenten, a second omgevingsdienst, a GGD, an erfgoedcommissie and an
engineering company known by its KvK number. Each organisation that answers
actieverzoeken has a lead-time profile (some partners are late on purpose,
so the notebooks have something to show), and each has a habit of handling
(deleting) its notificaties.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from swfkit.oin import kvk_to_hrn

logger = logging.getLogger(__name__)


def _test_oin(number: int) -> str:
    # The same test range as the default world (prefix 00000099).
    return f"00000099{number:012d}"


KADEPLAN_KVK = "90054321"


@dataclass(frozen=True)
class DemoOrg:
    """An organisation the demo adds to the default world."""

    slug: str
    naam: str
    oin: str
    rol: str
    kvk: str | None = None


EXTRA_ORGANISATIONS: tuple[DemoOrg, ...] = (
    DemoOrg("gemeente-eemwoude", "Gemeente Eemwoude", _test_oin(1004), "BEVOEGD_GEZAG"),
    DemoOrg("gemeente-fortmond", "Gemeente Fortmond", _test_oin(1005), "BEVOEGD_GEZAG"),
    DemoOrg(
        "omgevingsdienst-kustzone",
        "Omgevingsdienst Kustzone",
        _test_oin(2002),
        "BEHANDELDIENST",
    ),
    DemoOrg("ggd-polderland", "GGD Polderland", _test_oin(3004), "KETENPARTNER"),
    DemoOrg(
        "erfgoedcommissie-zuiderkwartier",
        "Erfgoedcommissie Zuiderkwartier",
        _test_oin(3005),
        "KETENPARTNER",
    ),
    DemoOrg(
        "ingenieursbureau-kadeplan",
        "Ingenieursbureau Kadeplan B.V.",
        kvk_to_hrn(KADEPLAN_KVK),
        "KETENPARTNER",
        kvk=KADEPLAN_KVK,
    ),
)

#: The partner that only ever has beperkte toegang: a notebook run as this
#: identity must never show a strikt vertrouwelijk document.
BEPERKT_PARTNER = "ingenieursbureau-kadeplan"
#: Companies are invited on their KvK number.
COMPANIES = frozenset({"adviesbureau-groenrand", BEPERKT_PARTNER})


@dataclass(frozen=True)
class Profile:
    """How an organisation answers and handles its notificaties.

    Attributes:
        lead: the range of (lead time / term) when it answers an actieverzoek;
            above 1.0 is late.
        handled: the share of its notificaties it deletes once handled.
        handle_days: how many days it takes to handle one (min, max).
    """

    lead: tuple[float, float]
    handled: float
    handle_days: tuple[float, float]


PROFILES: dict[str, Profile] = {
    "gemeente-aadorp": Profile((0.3, 0.9), 0.65, (1, 25)),
    "gemeente-beekveld": Profile((0.4, 1.0), 0.45, (2, 30)),
    "gemeente-dijkstede": Profile((0.3, 0.8), 0.95, (0.2, 4)),
    "gemeente-eemwoude": Profile((0.5, 1.1), 0.6, (1, 20)),
    "gemeente-fortmond": Profile((0.4, 1.0), 0.7, (1, 15)),
    "omgevingsdienst-middenpolder": Profile((0.5, 1.1), 0.75, (0.5, 8)),
    "omgevingsdienst-kustzone": Profile((0.7, 1.35), 0.5, (2, 25)),
    "provincie-zuiderkwartier": Profile((0.4, 0.95), 0.9, (0.5, 6)),
    # Systematically late: the lead-time plots should show these two.
    "waterschap-lage-venen": Profile((0.9, 1.7), 0.55, (3, 30)),
    "ggd-polderland": Profile((1.0, 1.9), 0.3, (5, 40)),
    "veiligheidsregio-polderland": Profile((0.2, 0.7), 0.9, (0.2, 3)),
    "erfgoedcommissie-zuiderkwartier": Profile((0.6, 1.3), 0.6, (2, 20)),
    "adviesbureau-groenrand": Profile((0.3, 0.8), 0.85, (0.5, 5)),
    "ingenieursbureau-kadeplan": Profile((0.5, 1.2), 0.6, (1, 14)),
}

#: Initiators of demo samenwerkingen and how often each starts one.
GEMEENTEN: dict[str, float] = {
    "gemeente-aadorp": 0.3,
    "gemeente-beekveld": 0.22,
    "gemeente-dijkstede": 0.2,
    "gemeente-eemwoude": 0.16,
    "gemeente-fortmond": 0.12,
}
OMGEVINGSDIENSTEN = ("omgevingsdienst-middenpolder", "omgevingsdienst-kustzone")
PLAATSEN: dict[str, str] = {
    "gemeente-aadorp": "Aadorp",
    "gemeente-beekveld": "Beekveld",
    "gemeente-dijkstede": "Dijkstede",
    "gemeente-eemwoude": "Eemwoude",
    "gemeente-fortmond": "Fortmond",
}
STRATEN = (
    "Kerkstraat",
    "Molenweg",
    "Dijkweg",
    "Stationsstraat",
    "Schoolstraat",
    "Industrieweg",
    "Havenkade",
    "Polderweg",
    "Beukenlaan",
    "Nieuwe Vaart",
    "Oude Haven",
    "Veenkade",
    "Marktplein",
    "Zuiderdijk",
    "Sluisweg",
)
AANVRAGERS = (
    "J. de Vries",
    "A. Bakker",
    "M. Visser",
    "P. Smit",
    "L. Meijer",
    "K. de Boer",
    "S. Mulder",
    "R. de Groot",
    "E. Bos",
    "T. Vos",
    "Bakkerij Jansen",
    "Agrarisch Bedrijf Hoeve Zuid",
    "Opslag Beekveld B.V.",
    "Energiecoöperatie Polderwind",
    "Recreatiepark De Vaart B.V.",
)


@dataclass(frozen=True)
class Activity:
    """A kind of verzoek: which partners it involves and what is asked.

    ``partners`` maps a slug to the chance it is invited; ``milieu`` marks an
    activity an omgevingsdienst handles.
    """

    naam: str
    type_verzoek: str
    partners: dict[str, float]
    milieu: bool = False


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "Bouwen van een woning",
        "Aanvraag vergunning",
        {BEPERKT_PARTNER: 0.6, "veiligheidsregio-polderland": 0.3},
    ),
    Activity(
        "Bouwen van een bedrijfshal",
        "Aanvraag vergunning",
        {
            BEPERKT_PARTNER: 0.7,
            "veiligheidsregio-polderland": 0.8,
            "omgevingsdienst-middenpolder": 0.4,
        },
    ),
    Activity(
        "Kappen van een houtopstand",
        "Aanvraag vergunning",
        {"adviesbureau-groenrand": 0.9, "provincie-zuiderkwartier": 0.3},
    ),
    Activity(
        "Verbouwen van een monument",
        "Aanvraag vergunning",
        {"erfgoedcommissie-zuiderkwartier": 0.95, BEPERKT_PARTNER: 0.5},
    ),
    Activity(
        "Lozen op oppervlaktewater",
        "Melding",
        {"waterschap-lage-venen": 0.95},
        milieu=True,
    ),
    Activity(
        "Onttrekken van grondwater",
        "Aanvraag vergunning",
        {"waterschap-lage-venen": 0.9, "provincie-zuiderkwartier": 0.5},
        milieu=True,
    ),
    Activity(
        "Milieubelastende activiteit",
        "Melding",
        {"veiligheidsregio-polderland": 0.5, "ggd-polderland": 0.4},
        milieu=True,
    ),
    Activity(
        "Uitbreiden van een veehouderij",
        "Aanvraag vergunning",
        {
            "provincie-zuiderkwartier": 0.8,
            "ggd-polderland": 0.7,
            "adviesbureau-groenrand": 0.4,
        },
        milieu=True,
    ),
    Activity(
        "Aanleggen van een zonnepark",
        "Aanvraag vergunning",
        {
            "provincie-zuiderkwartier": 0.7,
            "waterschap-lage-venen": 0.6,
            "adviesbureau-groenrand": 0.6,
        },
    ),
    Activity(
        "Plaatsen van een windturbine",
        "Aanvraag vergunning",
        {
            "provincie-zuiderkwartier": 0.9,
            "ggd-polderland": 0.8,
            "veiligheidsregio-polderland": 0.5,
        },
        milieu=True,
    ),
    Activity(
        "Bouwen in de beschermingszone van een dijk",
        "Aanvraag vergunning",
        {"waterschap-lage-venen": 0.95, BEPERKT_PARTNER: 0.4},
    ),
    Activity(
        "Slopen van een bouwwerk met asbest",
        "Melding",
        {"omgevingsdienst-middenpolder": 0.7, "ggd-polderland": 0.2},
    ),
    Activity(
        "Opslaan van gevaarlijke stoffen",
        "Aanvraag vergunning",
        {"veiligheidsregio-polderland": 0.95, "waterschap-lage-venen": 0.3},
        milieu=True,
    ),
    Activity(
        "Aanleggen van een uitweg",
        "Informatieverzoek",
        {"provincie-zuiderkwartier": 0.3, BEPERKT_PARTNER: 0.3},
    ),
)

#: What an initiator asks a partner of each kind (actieverzoek titles).
VRAGEN: dict[str, tuple[str, ...]] = {
    "waterschap-lage-venen": (
        "Advies watertoets",
        "Beoordeling lozingsvoorwaarden",
        "Afstemming watervergunning",
    ),
    "veiligheidsregio-polderland": (
        "Advies brandveiligheid",
        "Advies externe veiligheid",
        "Bereikbaarheid voor hulpdiensten",
    ),
    "provincie-zuiderkwartier": (
        "Verklaring van geen bedenkingen",
        "Advies natuurbescherming",
        "Toets provinciaal belang",
    ),
    "ggd-polderland": ("Advies gezondheid en geluid", "Advies luchtkwaliteit"),
    "erfgoedcommissie-zuiderkwartier": (
        "Advies monumentenzorg",
        "Advies cultuurhistorische waarde",
    ),
    "adviesbureau-groenrand": (
        "Quickscan flora en fauna",
        "Bomeneffectanalyse",
        "Ecologisch advies",
    ),
    BEPERKT_PARTNER: (
        "Constructieve toets",
        "Toets bouwfysica",
        "Controle constructieberekening",
    ),
    "omgevingsdienst-middenpolder": (
        "Milieutoets",
        "Advies bodemkwaliteit",
        "Beoordeling akoestisch rapport",
    ),
    "omgevingsdienst-kustzone": ("Milieutoets", "Advies bodemkwaliteit"),
    "gemeente": (
        "Ruimtelijke toets",
        "Advies planologische inpassing",
        "Aanvullende gegevens aanleveren",
    ),
}

#: Documents an initiator puts in a new dossier: (file name, description, RV/SV).
STARTDOCUMENTEN: tuple[tuple[str, str, str], ...] = (
    ("Situatietekening.pdf", "Situatietekening van de aanvraag", "RV"),
    ("Plattegronden.pdf", "Plattegronden en doorsneden", "RV"),
    ("Principebesluit.pdf", "Principebesluit college", "RV"),
    ("Gegevens aanvrager.pdf", "Persoonsgegevens en contactgegevens aanvrager", "SV"),
    (
        "Financiële onderbouwing.pdf",
        "Financiële onderbouwing (bedrijfsvertrouwelijk)",
        "SV",
    ),
)


def vragen_voor(slug: str) -> tuple[str, ...]:
    """The actieverzoek titles that fit a receiving organisation."""
    key = "gemeente" if slug.startswith("gemeente-") else slug
    return VRAGEN[key]


def company(slug: str) -> bool:
    """Whether this organisation is invited by KvK number."""
    return slug in COMPANIES
