"""`swfkit sim init`: the world folder, identities.json and verzoek documents."""

from __future__ import annotations

import json
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from swfkit.certinfo import load_certificate, oin_from_certificate
from swfkit.cli import cli, main
from swfkit.oin import kvk_to_hrn
from swfkit.sim.world import World
from swfkit.sim.worldgen import init_world


def test_world_has_every_kind_of_organisation(sim_template: Path) -> None:
    world = World.load(sim_template)
    roles = [org.rol for org in world.organisations]
    assert roles.count("BEVOEGD_GEZAG") == 3
    assert roles.count("BEHANDELDIENST") == 1
    assert roles.count("LEVERANCIER") == 1
    names = " ".join(org.naam for org in world.organisations)
    for kind in ("Provincie", "Waterschap", "Veiligheidsregio", "Adviesbureau"):
        assert kind in names
    assert [org.slug for org in world.organisations if not org.subscribed] == [
        "stichting-oeverbeheer"
    ]


def test_vendor_is_mandated_by_two_gemeenten(sim_template: Path) -> None:
    world = World.load(sim_template)
    vendor = next(org for org in world.organisations if org.rol == "LEVERANCIER")
    assert len(vendor.mandates) == 2
    gemeenten = {o.oin for o in world.organisations if o.rol == "BEVOEGD_GEZAG"}
    assert set(vendor.mandates) <= gemeenten


def test_identities_file_has_the_documented_shape(sim_template: Path) -> None:
    data = json.loads((sim_template / "identities.json").read_text())
    assert data["baseUrl"].endswith("/overheid/samenwerken/api/behandelen/v5")
    assert data["oinHeader"] == "X-OIN"
    assert (sim_template / data["caBundle"]).is_file()
    assert len(data["identities"]) == 10
    for slug, ident in data["identities"].items():
        assert set(ident) == {
            "naam",
            "oin",
            "kvkNummer",
            "rol",
            "cert",
            "key",
            "pkcs12",
            "pkcs12Password",
            "actsFor",
            "subscribed",
        }
        cert = load_certificate(sim_template / ident["cert"])
        assert oin_from_certificate(cert) == ident["oin"], slug
        key_mode = stat.S_IMODE((sim_template / ident["key"]).stat().st_mode)
        assert key_mode == 0o600, slug
        assert (sim_template / ident["pkcs12"]).is_file()


def test_company_is_known_by_kvk_and_carries_its_hrn(sim_template: Path) -> None:
    data = json.loads((sim_template / "identities.json").read_text())
    company = data["identities"]["adviesbureau-groenrand"]
    assert company["kvkNummer"] is not None
    assert company["oin"] == kvk_to_hrn(company["kvkNummer"])


def test_verzoeken_have_a_real_pdf_and_a_parsable_xml(sim_template: Path) -> None:
    world = World.load(sim_template)
    assert len(world.verzoeken) >= 3
    for verzoek in world.verzoeken:
        pdf, xml = (sim_template / f.path for f in verzoek.files)
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert b"/Type /Page" in data
        root = ET.parse(xml).getroot()
        number = root.find("{urn:swfkit:stam-achtig:1}verzoeknummer")
        assert number is not None and number.text == verzoek.verzoeknummer
        assert all(world.organisation(oin) for oin in verzoek.addressed_to)


def test_one_verzoek_is_addressed_to_the_behandeldienst(sim_template: Path) -> None:
    world = World.load(sim_template)
    dienst = next(org for org in world.organisations if org.rol == "BEHANDELDIENST")
    assert any(dienst.oin in v.addressed_to for v in world.verzoeken)


def test_init_refuses_an_existing_world_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = CliRunner().invoke(cli, ["sim", "init", "--dir", str(tmp_path)])
    assert first.exit_code == 0, first.output

    with pytest.raises(SystemExit) as exited:
        main(["sim", "init", "--dir", str(tmp_path)])
    assert exited.value.code != 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "--force" in lines[0], lines
    assert "Traceback" not in lines[0]


def test_init_with_force_replaces_the_world(tmp_path: Path) -> None:
    init_world(tmp_path)
    before = (tmp_path / "pki" / "root-ca.pem").read_bytes()
    init_world(tmp_path, force=True, port=9443)
    assert (tmp_path / "pki" / "root-ca.pem").read_bytes() != before
    data = json.loads((tmp_path / "identities.json").read_text())
    assert ":9443/" in data["baseUrl"]
