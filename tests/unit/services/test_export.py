"""Donations export: the CSV and JSON formats of the automation contract, section 3."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.services.export import neutralize_formula, write_csv
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

CONTRACT_HEADER = (
    "donation_id,external_id,received_at,donor_name,anonymous,amount,currency,message,status,"
    "message_status,thanked"
)
# The contract's columns unchanged, then what the app adds, at the end (issue 15).
HEADER = CONTRACT_HEADER + ",after_broadcast"
ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")


def export(service: LedgerService, campaign_id: int, fmt: str) -> str:
    out = io.StringIO()
    service.export_donations(campaign_id, fmt, out)
    return out.getvalue()


def csv_rows(service: LedgerService, campaign_id: int) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export(service, campaign_id, "csv"), newline="")))


def json_rows(service: LedgerService, campaign_id: int) -> list[dict[str, object]]:
    return json.loads(export(service, campaign_id, "json"))


def test_csv_header_is_the_contract(service: LedgerService) -> None:
    campaign = fundraiser(service)
    assert export(service, campaign.id, "csv").splitlines() == [HEADER]
    service.record_donation(campaign.id, amount="10", donor_name="Alice")
    assert export(service, campaign.id, "csv").splitlines()[0] == HEADER
    assert list(json_rows(service, campaign.id)[0]) == HEADER.split(",")


def test_empty_json_export_is_an_empty_array(service: LedgerService) -> None:
    campaign = fundraiser(service)
    assert json_rows(service, campaign.id) == []


def test_a_row_holds_what_was_given(service: LedgerService) -> None:
    campaign = fundraiser(service)
    before = datetime.now(UTC)
    outcome = service.record_donation(
        campaign.id,
        amount="12.5",
        donor_name="Chloé Dubois",
        message="Bravo, à l'an prochain !",
        external_id="hook-1",
    )
    assert outcome.donation is not None
    [row] = csv_rows(service, campaign.id)
    assert row == {
        "donation_id": str(outcome.donation.id),
        "external_id": "hook-1",
        "received_at": row["received_at"],
        "donor_name": "Chloé Dubois",
        "anonymous": "false",
        "amount": "12.50",
        "currency": "EUR",
        "message": "Bravo, à l'an prochain !",
        "status": "completed",
        "message_status": "visible",
        "thanked": "false",
        "after_broadcast": "false",
    }
    assert ISO_UTC.fullmatch(row["received_at"]), row["received_at"]
    received = datetime.fromisoformat(row["received_at"])
    assert received.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= received <= datetime.now(UTC) + timedelta(seconds=1)


def test_booleans_are_true_and_false(service: LedgerService) -> None:
    campaign = fundraiser(service)
    outcome = service.record_donation(
        campaign.id, amount="10", donor_name="Shy Donor", anonymous=True
    )
    assert outcome.donation is not None
    service.thank(campaign.id, [outcome.donation.id])
    [row] = csv_rows(service, campaign.id)
    assert (row["anonymous"], row["thanked"]) == ("true", "true")
    # The organizer's export keeps the name an anonymous donor gave.
    assert row["donor_name"] == "Shy Donor"
    [obj] = json_rows(service, campaign.id)
    assert obj["anonymous"] is True and obj["thanked"] is True


def test_no_message_means_empty_message_status(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.record_donation(campaign.id, amount="10", donor_name="Quiet")
    service.record_donation(campaign.id, amount="10", donor_name="Rude", message="connard")
    quiet, rude = csv_rows(service, campaign.id)
    assert (quiet["message"], quiet["message_status"]) == ("", "")
    assert (rude["message"], rude["message_status"]) == ("connard", "held")
    assert [r["message_status"] for r in json_rows(service, campaign.id)] == ["", "held"]


@pytest.mark.parametrize(
    ("currency", "amount", "expected"),
    [
        ("EUR", "12.5", "12.50"),
        ("EUR", "7", "7.00"),
        ("JPY", "1000", "1000"),
        ("KWD", "1.5", "1.500"),
    ],
)
def test_amount_has_exactly_the_currency_decimals(
    service: LedgerService, currency: str, amount: str, expected: str
) -> None:
    campaign = fundraiser(service, currency=currency, goal="500000")
    service.record_donation(campaign.id, amount=amount, donor_name="Alice")
    [row] = csv_rows(service, campaign.id)
    assert (row["amount"], row["currency"]) == (expected, currency)
    assert json_rows(service, campaign.id)[0]["amount"] == expected


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_formula_like_text_is_neutralised_in_csv_only(service: LedgerService, name: str) -> None:
    campaign = fundraiser(service)
    service.record_donation(campaign.id, amount="10", donor_name=name, message=name)
    [row] = csv_rows(service, campaign.id)
    assert row["donor_name"] == "'" + name
    assert row["message"] == "'" + name
    [obj] = json_rows(service, campaign.id)
    assert obj["donor_name"] == name
    assert obj["message"] == name


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_of_the_contract_is_neutralised(start: str) -> None:
    # Validation trims names and messages, so tab and CR starts are checked on the export itself.
    assert neutralize_formula(f"{start}cmd") == f"'{start}cmd"
    assert neutralize_formula(f"cmd{start}") == f"cmd{start}"


def test_csv_writer_neutralises_and_spells_booleans() -> None:
    out = io.StringIO()
    write_csv([{"a": "=cmd", "b": "\tx", "c": 3, "d": False}], ("a", "b", "c", "d"), out)
    [header, parsed] = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert header == ["a", "b", "c", "d"]
    assert parsed == ["'=cmd", "'\tx", "3", "false"]


def test_message_with_a_carriage_return_stays_in_its_row(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.record_donation(
        campaign.id, amount="10", donor_name="Mac user", message="first line\rsecond line"
    )
    # Regression: with lineterminator="\n" the csv module left a bare CR unquoted.
    rows = list(csv.DictReader(io.StringIO(export(service, campaign.id, "csv"), newline="")))
    assert len(rows) == 1
    assert rows[0]["message"].splitlines() == ["first line", "second line"]
    assert (rows[0]["status"], rows[0]["thanked"]) == ("completed", "false")


def test_multiline_messages_survive_csv(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.record_donation(
        campaign.id, amount="10", donor_name="Poet", message='line one\n"line" two, three'
    )
    [row] = csv_rows(service, campaign.id)
    assert row["message"] == 'line one\n"line" two, three'


def test_export_lists_every_donation_oldest_first(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.simulate(campaign.id, count=1200, seed=3)
    rows = csv_rows(service, campaign.id)
    assert len(rows) == 1200
    ids = [int(r["donation_id"]) for r in rows]
    assert ids == sorted(ids)
    total_minor = sum(int(Decimal(r["amount"]) * 100) for r in rows)
    assert total_minor == service.campaign(campaign.id).total_minor
    assert len(json_rows(service, campaign.id)) == 1200


def test_unknown_format_is_refused(service: LedgerService) -> None:
    from livegiving_desktop.core.errors import ValidationError

    campaign = fundraiser(service)
    with pytest.raises(ValidationError) as caught:
        export(service, campaign.id, "xlsx")
    assert caught.value.field == "format"
