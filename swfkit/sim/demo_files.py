"""The files of the demo world: small, deterministic PDFs and verzoek files.

Every PDF carries a fixed creation date (the moment of the event that made
it), so the same seed gives byte-identical documents and the same
``documentHash`` on every run.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF

from swfkit.sim.demo_script import DemoVerzoek
from swfkit.sim.verzoekdocs import VerzoekText, write_xml

logger = logging.getLogger(__name__)

_VOETREGEL = "Fictief document, gemaakt door de swfkit-demo. Niet voor productie."


def document_pdf(titel: str, regels: list[str], moment: datetime) -> bytes:
    """A one-page PDF with a title and a few lines; the same input, the same bytes."""
    pdf = FPDF()
    pdf.set_creation_date(moment)
    pdf.set_title(titel)
    pdf.set_author("swfkit demo (fictief)")
    pdf.add_page()
    # cell(), not multi_cell(): the lines are short, and line breaking is
    # what makes fpdf slow for hundreds of documents.
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, titel, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for regel in regels:
        pdf.cell(0, 7, regel, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 6, _VOETREGEL)
    return bytes(pdf.output())


def write_verzoek_files(
    directory: Path,
    verzoek: DemoVerzoek,
    gezag_naam: str,
    gezag_oin: str,
    ontvangen: datetime,
) -> list[dict[str, Any]]:
    """Write the verzoek's PDF and XML; return their world.json entries."""
    folder = directory / "verzoeken"
    folder.mkdir(exist_ok=True)
    text = VerzoekText(
        verzoek.nummer,
        verzoek.type_verzoek,
        verzoek.locatie,
        gezag_naam,
        gezag_oin,
        verzoek.activiteit,
        verzoek.aanvrager,
        f"{verzoek.locatie} (fictief adres)",
        f"{ontvangen:%Y-%m-%d}",
    )
    regels = [
        f"Verzoeknummer: {text.verzoeknummer}",
        f"Bevoegd gezag: {text.bevoegd_gezag}",
        f"Locatie: {text.globale_locatie}",
        f"Activiteit: {text.activiteit}",
        f"Aanvrager: {text.aanvrager}",
        f"Ingediend op: {text.indieningsdatum}",
    ]
    pdf_path = folder / f"{verzoek.nummer}.pdf"
    pdf_path.write_bytes(document_pdf(verzoek.type_verzoek, regels, ontvangen))
    write_xml(text, folder / f"{verzoek.nummer}.xml")
    return [
        {"path": f"verzoeken/{verzoek.nummer}.pdf", "formaat": "application/pdf"},
        {"path": f"verzoeken/{verzoek.nummer}.xml", "formaat": "application/xml"},
    ]
