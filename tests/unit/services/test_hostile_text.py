"""Hostile text, from the donor's keyboard to the organizer's spreadsheet (property tests).

Whatever a name, a message or an external id holds, the ledger stores it cleaned or refuses it,
the JSON export gives back exactly what was stored, and the CSV export gives it back too, with a
single quote in front of anything a spreadsheet would run as a formula; one donation stays one
CSV record, whatever quotes, commas and line breaks it holds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.donations import DonationDraft, validate_donation
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import default_message_rules
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.export import DONATION_COLUMNS, neutralize_formula, write_csv
from livegiving_desktop.services.ledger import LedgerService

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("external_id", "donor_name", "message")

# What spreadsheets and CSV parsers trip on, mixed with any text at all.
_awkward = st.sampled_from(
    ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", '"', "'", ",", ";", " ", "\u202e", "\u2066",
     "\x00", "\x85", "\ufeff", "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "@SUM(1)",
     "+1+1", "-2", "Chloé", "日本", "💖"]
)  # fmt: skip
hostile_text = st.lists(st.one_of(_awkward, st.text(max_size=8)), max_size=12).map("".join)


def unquote(cell: str) -> str:
    """What the organizer meant by a neutralised CSV cell."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


@given(st.lists(st.lists(hostile_text, min_size=3, max_size=3), max_size=5))
def test_csv_cells_come_back_whole_and_never_as_a_formula(rows: list[list[str]]) -> None:
    out = io.StringIO()
    columns = ("a", "b", "c")
    count = write_csv((dict(zip(columns, row, strict=True)) for row in rows), columns, out)
    assert count == len(rows)
    parsed = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert parsed[0] == list(columns)
    assert len(parsed) == len(rows) + 1  # one record per row, whatever the cells hold
    for written, read in zip(rows, parsed[1:], strict=True):
        assert read == [neutralize_formula(cell) for cell in written]
        for original, cell in zip(written, read, strict=True):
            assert not cell.startswith(FORMULA_STARTS), cell
            if not original.startswith("'"):
                assert unquote(cell) == original


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LedgerService]:
    service = LedgerService.open(str(tmp_path_factory.mktemp("hostile") / "ledger.db"))
    try:
        yield service
    finally:
        service.close()


def _new_campaign(service: LedgerService) -> CampaignRecord:
    return service.create_fundraiser(
        title="Hostile", organization_id="croix-rouge-francaise", goal="100", currency="EUR"
    )


@given(external_id=hostile_text, name=hostile_text, message=st.none() | hostile_text)
def test_whatever_the_text_the_ledger_and_its_exports_agree(
    hostile_ledger: LedgerService, external_id: str, name: str, message: str | None
) -> None:
    service = hostile_ledger
    campaign = _new_campaign(service)
    draft = DonationDraft(external_id, name, 1234, message)
    try:
        valid = validate_donation(draft, campaign.donation_rules, default_message_rules())
    except ValidationError as exc:
        assert exc.field in {"external id", "donor name", "message"}
        return
    written = service.store.insert_batch(campaign.id, [valid])
    assert written.accepted_count == 1
    [stored] = list(service.iter_donations(campaign.id))
    assert (stored.external_id, stored.donor_name, stored.message) == (
        valid.external_id, valid.donor_name, valid.message,
    )  # fmt: skip

    as_json = io.StringIO()
    service.export_donations(campaign.id, "json", as_json)
    [obj] = json.loads(as_json.getvalue())
    assert [obj[c] for c in TEXT_COLUMNS] == [
        stored.external_id, stored.donor_name, stored.message or "",
    ]  # fmt: skip

    as_csv = io.StringIO()
    service.export_donations(campaign.id, "csv", as_csv)
    [row] = list(csv.DictReader(io.StringIO(as_csv.getvalue(), newline="")))
    assert list(row) == list(DONATION_COLUMNS)
    for column in TEXT_COLUMNS:
        assert row[column] == neutralize_formula(str(obj[column]))
        assert not row[column].startswith(FORMULA_STARTS)
    assert (row["amount"], row["status"]) == ("12.34", "completed")
    assert service.campaign(campaign.id).total_minor == 1234
