"""The documents that come with a received verzoek: a PDF and a STAM-like XML.

They stand in for what DSO-LV delivers with an aanvraag. The PDF is a real
PDF (fpdf2); the XML follows the spirit of a STAM bericht without claiming
its schema. Both hold a fictitious applicant's name and address.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

XML_NAMESPACE = "urn:swfkit:stam-achtig:1"


@dataclass(frozen=True)
class VerzoekText:
    """What the documents of one verzoek say."""

    verzoeknummer: str
    type_verzoek: str
    globale_locatie: str
    bevoegd_gezag: str
    bevoegd_gezag_oin: str
    activiteit: str
    aanvrager: str
    adres: str
    indieningsdatum: str


def write_pdf(text: VerzoekText, path: Path) -> None:
    """Write the verzoek as a one-page PDF."""
    pdf = FPDF()
    pdf.set_title(f"Verzoek {text.verzoeknummer}")
    pdf.set_author("swfkit simulator (fictief)")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 12, text.type_verzoek, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, value in _lines(text):
        pdf.cell(45, 8, label)
        pdf.multi_cell(0, 8, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(
        0, 6, "Fictief verzoek, gemaakt door de swfkit-simulator. Niet voor productie."
    )
    pdf.output(str(path))


def write_xml(text: VerzoekText, path: Path) -> None:
    """Write the verzoek as a small STAM-like XML document."""
    ET.register_namespace("", XML_NAMESPACE)
    root = ET.Element(_q("verzoek"))
    for tag, value in (
        ("verzoeknummer", text.verzoeknummer),
        ("typeVerzoek", text.type_verzoek),
        ("indieningsdatum", text.indieningsdatum),
    ):
        ET.SubElement(root, _q(tag)).text = value
    gezag = ET.SubElement(root, _q("bevoegdGezag"), {"oin": text.bevoegd_gezag_oin})
    gezag.text = text.bevoegd_gezag
    ET.SubElement(root, _q("locatie")).text = text.globale_locatie
    aanvrager = ET.SubElement(root, _q("aanvrager"))
    ET.SubElement(aanvrager, _q("naam")).text = text.aanvrager
    ET.SubElement(aanvrager, _q("adres")).text = text.adres
    activiteiten = ET.SubElement(root, _q("activiteiten"))
    ET.SubElement(activiteiten, _q("activiteit")).text = text.activiteit
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)


def _lines(text: VerzoekText) -> list[tuple[str, str]]:
    return [
        ("Verzoeknummer", text.verzoeknummer),
        ("Bevoegd gezag", text.bevoegd_gezag),
        ("Locatie", text.globale_locatie),
        ("Activiteit", text.activiteit),
        ("Aanvrager", text.aanvrager),
        ("Adres", text.adres),
        ("Ingediend op", text.indieningsdatum),
    ]


def _q(tag: str) -> str:
    return f"{{{XML_NAMESPACE}}}{tag}"
