"""Exports of the ledger in the formats of the automation contract (section 3)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from livegiving_desktop.core.money import to_decimal_text
from livegiving_desktop.core.records import StoredDonation

DONATION_COLUMNS = (
    "donation_id",
    "external_id",
    "received_at",
    "donor_name",
    "anonymous",
    "amount",
    "currency",
    "message",
    "status",
    "message_status",
    "thanked",
    # Added (issue 15), after the contract's columns: an offline donation recorded after the
    # broadcast ended.
    "after_broadcast",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading single quote."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def donation_row(d: StoredDonation) -> dict[str, Any]:
    """The export record of a donation; JSON keeps these types, CSV writes them as text."""
    return {
        "donation_id": d.id,
        "external_id": d.external_id,
        "received_at": d.received_at.isoformat(timespec="microseconds"),
        "donor_name": d.donor_name,
        "anonymous": d.anonymous,
        "amount": to_decimal_text(d.amount_minor, d.currency),
        "currency": d.currency,
        "message": d.message or "",
        "status": d.status,
        "message_status": (d.message_status or "") if d.message else "",
        "thanked": d.thanked,
        "after_broadcast": d.after_broadcast,
    }


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralize_formula(value)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    # RFC 4180 line ends: the csv module then quotes any cell holding \r or \n.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(row[c]) for c in columns])
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array written as it goes, one object a line (exports can be large)."""
    out.write("[")
    count = 0
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
