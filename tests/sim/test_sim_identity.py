"""Identity: certificate OIN, the acting-OIN header, mandates, subscription."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from swfkit.sim.server import Simulator

from .api import (
    AADORP,
    DIJKSTEDE,
    NO_SUBSCRIPTION,
    PROVINCIE,
    VENDOR,
    VERZOEK_AADORP,
    Org,
    problem,
)


@pytest.mark.parametrize(
    "header", [None, "", "123", "0000009900000000100!", "00000099000000001001x"]
)
def test_missing_or_malformed_oin_header_is_400(
    simulator: Simulator, header: str | None
) -> None:
    org = Org(simulator, AADORP)
    headers = {"X-OIN": header} if header is not None else {}
    if header is None:
        del org.session.headers["X-OIN"]
    body = problem(
        org.get("/samenwerkingen", headers=headers), 400, "oin-header-verplicht"
    )
    assert body["invalidParams"][0]["name"] == "X-OIN"


def test_unknown_acting_oin_is_403(simulator: Simulator) -> None:
    org = Org(simulator, AADORP)
    response = org.get("/samenwerkingen", headers={"X-OIN": "00000099000000077777"})
    problem(response, 403, "machtiging-vereist")


def test_acting_for_another_organisation_without_mandate_is_403(
    simulator: Simulator,
) -> None:
    gemeente = Org(simulator, AADORP, acting=DIJKSTEDE)
    problem(gemeente.get("/samenwerkingen"), 403, "machtiging-vereist")


def test_vendor_acts_for_a_gemeente_that_mandated_it(simulator: Simulator) -> None:
    vendor = Org(simulator, VENDOR, acting=AADORP)
    sam = vendor.start(VERZOEK_AADORP)
    assert sam["aangemaaktDoor"] == vendor.oin == Org(simulator, AADORP).oin
    assert sam["aangemaaktDoorNaam"] == "Gemeente Aadorp"
    # The gemeente itself sees what its vendor did on its behalf.
    own = Org(simulator, AADORP).get(f"/samenwerkingen/{sam['samenwerkingId']}")
    assert own.status_code == 200


def test_vendor_without_mandate_is_403(simulator: Simulator) -> None:
    vendor = Org(simulator, VENDOR, acting=DIJKSTEDE)
    problem(
        vendor.post(
            "/samenwerkingen", {"verzoeknummer": "2026060200031", "titel": "x"}
        ),
        403,
        "machtiging-vereist",
    )


def test_vendor_acting_as_itself_is_no_initiator(simulator: Simulator) -> None:
    vendor = Org(simulator, VENDOR)
    assert vendor.get("/samenwerkingen").status_code == 200
    problem(
        vendor.post("/samenwerkingen", {"verzoeknummer": VERZOEK_AADORP, "titel": "x"}),
        403,
        "starten-alleen-bg-of-behandeldienst",
    )


def test_organisation_without_subscription_is_403(simulator: Simulator) -> None:
    problem(
        Org(simulator, NO_SUBSCRIPTION).get("/samenwerkingen"),
        403,
        "abonnement-vereist",
    )


def test_correlation_id_is_echoed_or_generated(simulator: Simulator) -> None:
    org = Org(simulator, PROVINCIE)
    echoed = org.get("/samenwerkingen", headers={"X-Correlation-ID": "test-123"})
    assert echoed.headers["X-Correlation-ID"] == "test-123"
    generated = org.get("/samenwerkingen")
    assert len(generated.headers["X-Correlation-ID"]) == 36
    refused = org.get("/samenwerkingen/SAM-0", headers={"X-Correlation-ID": "abc"})
    assert problem(refused, 404)["correlationId"] == "abc"


def test_world_may_rename_the_oin_header(sim_factory: Callable[..., Simulator]) -> None:
    simulator = sim_factory(oinHeader="X-Acting-OIN")
    org = Org(simulator, AADORP)  # identities.json now names the new header
    assert org.get("/samenwerkingen").status_code == 200
    oin = org.session.headers.pop("X-Acting-OIN")
    body = problem(org.get("/samenwerkingen", headers={"X-OIN": oin}), 400)
    assert body["invalidParams"][0]["name"] == "X-Acting-OIN"
