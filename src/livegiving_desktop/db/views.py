"""What a seat shows, read in the caller's read transaction (db/changes.read_transaction): a
view's snapshot and the rows a change names, exact and consistent with the `change_seq` read
in the same transaction.

These reads never write. The per-donor figures (top donors, donor count) are the `donors`
aggregate plus the completed donations above its watermark, merged here, so a seat reading
them does not take the write lock (LedgerStore.stats() and top_donors() catch up first, which
writes); a follower catches up only when the part above the watermark has grown large.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
    union_all,
)

from livegiving_desktop.core.donations import DonationStatus
from livegiving_desktop.core.errors import NotFoundError
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, StoredDonation, TopDonor
from livegiving_desktop.core.tickets import AdmissionRecord, EventFigures, StoredTicket
from livegiving_desktop.db.ledger import (
    _CATCH_UP_NEW_DONORS,
    _DONATION_COLUMNS,
    _campaign,
    _donation,
    campaigns,
    donations,
    donors,
)
from livegiving_desktop.db.tickets import (
    _ADMISSION_COLUMNS,
    _TICKET_COLUMNS,
    ADMISSIONS_WITH_BUYER,
    _admission,
    _ticket,
    admissions,
    tickets,
)

_COMPLETED = DonationStatus.COMPLETED.value
_CHUNK = 500

# The statements a seat's change feed runs at each delivery are built once, with bound
# parameters: building them again (and their cache keys) at each call held the GIL on the
# feed's thread for longer than running them (the window's UI thread waits for the GIL).


@dataclass(frozen=True, slots=True)
class DonorWatermark:
    """How far the `donors` aggregate is caught up: donations with id <= through are in it."""

    through_id: int
    max_id: int  # the campaign's highest donation id

    @property
    def behind(self) -> int:
        """An upper bound of the donations not folded in yet."""
        return max(0, self.max_id - self.through_id)


@cache
def _campaign_query() -> Any:
    return select(campaigns).where(campaigns.c.id == bindparam("campaign_id"))


@cache
def _watermark_queries() -> tuple[Any, Any]:
    through = select(campaigns.c.donors_through_id).where(
        campaigns.c.id == bindparam("campaign_id")
    )
    high = select(func.max(donations.c.id)).where(
        donations.c.campaign_id == bindparam("campaign_id")
    )
    return through, high


def campaign(conn: Connection, campaign_id: int) -> CampaignRecord:
    row = conn.execute(_campaign_query(), {"campaign_id": campaign_id}).first()
    if row is None:
        raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
    return _campaign(row)


def watermark(conn: Connection, campaign_id: int) -> DonorWatermark:
    through_query, high_query = _watermark_queries()
    bound = {"campaign_id": campaign_id}
    through = conn.execute(through_query, bound).scalar_one_or_none()
    if through is None:
        raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
    high = conn.execute(high_query, bound).scalar_one()
    return DonorWatermark(int(through or 0), int(high or 0))


def exact_stats(conn: Connection, record: CampaignRecord, mark: DonorWatermark) -> CampaignStats:
    """The campaign's totals, the donor count included donors not folded into the aggregate
    yet (the same count a catch-up would add)."""
    new_donors = 0
    if mark.behind:
        bounds = {"c": record.id, "low": mark.through_id, "high": mark.max_id}
        new_donors = int(conn.execute(_CATCH_UP_NEW_DONORS, bounds).scalar_one())
    return CampaignStats(
        record.total_minor, record.donation_count, record.held_count,
        record.donor_count + new_donors,
    )  # fmt: skip


def top_donors(
    conn: Connection, campaign_id: int, mark: DonorWatermark, limit: int = 5
) -> list[TopDonor]:
    """The top donors by completed total: the aggregate's top `limit` merged with the donors
    of the donations above the watermark (which only add: refunds update the aggregate in their
    own transaction, after catching it up), so nobody outside both can be in the top.

    The merge is one statement: under a burst thousands of donors sit above the watermark, and
    merging them in Python held the GIL for tens of milliseconds at each delivery of the feed,
    on the window's process. The database groups them and returns `limit` rows."""
    aggregate_top, ranked_query = _top_donor_queries(limit)
    if not mark.behind:
        rows = conn.execute(aggregate_top, {"campaign_id": campaign_id}).all()
        return [TopDonor(name if named else None, int(total), int(count))
                for _, _, name, total, count, named in rows]  # fmt: skip
    bound = {"campaign_id": campaign_id, "through_id": mark.through_id, "max_id": mark.max_id}
    ranked = conn.execute(ranked_query, bound).all()
    return [TopDonor(name if named else None, int(total), int(count))
            for name, total, count, named in ranked]  # fmt: skip


@cache
def _top_donor_queries(limit: int) -> tuple[Any, Any]:
    """top_donors' two statements: the aggregate's top alone, and merged with the donations
    above the watermark (bound: campaign_id, through_id, max_id)."""
    campaign_id: Any = bindparam("campaign_id")
    aggregate_top = (
        select(
            donors.c.id, donors.c.donor_key, donors.c.donor_name, donors.c.total_minor,
            donors.c.donation_count, donors.c.named_count,
        )
        .where(donors.c.campaign_id == campaign_id, donors.c.donation_count > 0)
        .order_by(donors.c.total_minor.desc(), donors.c.id)
        .limit(limit)
    )  # fmt: skip
    named_expr = case(((donations.c.anonymous | donations.c.hide_name_on_air), 0), else_=1)
    delta = (
        select(
            donations.c.donor_key.label("donor_key"),
            func.max(donations.c.donor_name).label("name"),
            func.sum(donations.c.amount_minor).label("total"),
            func.count().label("n"),
            func.sum(named_expr).label("named"),
        )
        .where(
            donations.c.campaign_id == campaign_id,
            donations.c.id > bindparam("through_id"),
            donations.c.id <= bindparam("max_id"),
            donations.c.status == _COMPLETED,
        )
        .group_by(donations.c.donor_key)
        .cte("delta")
    )
    top = aggregate_top.subquery("top")
    newcomer = literal(1 << 62, BigInteger)  # a donor not in the aggregate yet sorts after ties
    with_delta = select(
        func.coalesce(cast(donors.c.id, BigInteger), newcomer).label("id"),
        delta.c.name.label("name"),
        (func.coalesce(donors.c.total_minor, 0) + delta.c.total).label("total"),
        (func.coalesce(donors.c.donation_count, 0) + delta.c.n).label("n"),
        (func.coalesce(donors.c.named_count, 0) + delta.c.named).label("named"),
    ).select_from(
        delta.outerjoin(
            donors,
            (donors.c.campaign_id == campaign_id) & (donors.c.donor_key == delta.c.donor_key),
        )
    )
    only_aggregate = select(
        cast(top.c.id, BigInteger), top.c.donor_name, top.c.total_minor,
        top.c.donation_count, top.c.named_count,
    ).where(top.c.donor_key.not_in(select(delta.c.donor_key)))  # fmt: skip
    merged = union_all(with_delta, only_aggregate).subquery("merged")
    ranked = (
        select(merged.c.name, merged.c.total, merged.c.n, merged.c.named)
        .where(merged.c.n > 0)
        .order_by(merged.c.total.desc(), merged.c.id)
        .limit(limit)
    )
    return aggregate_top, ranked


def recent_donations(conn: Connection, campaign_id: int, limit: int) -> list[StoredDonation]:
    """Newest first."""
    query = (
        select(*_DONATION_COLUMNS)
        .where(donations.c.campaign_id == campaign_id)
        .order_by(donations.c.id.desc())
        .limit(limit)
    )
    return [_donation(r) for r in conn.execute(query)]


def unthanked_donations(conn: Connection, campaign_id: int, limit: int) -> list[StoredDonation]:
    """The thank queue, newest first."""
    query = (
        select(*_DONATION_COLUMNS)
        .where(
            donations.c.campaign_id == campaign_id,
            donations.c.thanked.is_(False),
            donations.c.status == _COMPLETED,
        )
        .order_by(donations.c.id.desc())
        .limit(limit)
    )
    return [_donation(r) for r in conn.execute(query)]


def donations_between(
    conn: Connection, campaign_id: int, first_id: int, last_id: int, limit: int
) -> list[StoredDonation]:
    """The campaign's donations with first_id <= id <= last_id: the newest `limit`, oldest
    first."""
    bound = {"campaign_id": campaign_id, "first_id": first_id, "last_id": last_id}
    return [_donation(r) for r in conn.execute(_between_query(limit), bound)][::-1]


@cache
def _between_query(limit: int) -> Any:
    return (
        select(*_DONATION_COLUMNS)
        .where(
            donations.c.campaign_id == bindparam("campaign_id"),
            donations.c.id >= bindparam("first_id"),
            donations.c.id <= bindparam("last_id"),
        )
        .order_by(donations.c.id.desc())
        .limit(limit)
    )


def donations_by_id(conn: Connection, campaign_id: int, ids: Sequence[int]) -> list[StoredDonation]:
    """The campaign's donations with these ids, as they are now, in id order."""
    unique = sorted(set(ids))
    out: list[StoredDonation] = []
    for start in range(0, len(unique), _CHUNK):
        query = (
            select(*_DONATION_COLUMNS)
            .where(
                donations.c.campaign_id == campaign_id,
                donations.c.id.in_(unique[start : start + _CHUNK]),
            )
            .order_by(donations.c.id)
        )
        out.extend(_donation(r) for r in conn.execute(query))
    return out


def figures(record: CampaignRecord) -> EventFigures:
    """A paid event's figures, from its campaign row."""
    return EventFigures(
        record.tickets_sold, record.admitted_count, record.denied_count, record.revenue_minor,
        record.capacity, record.total_minor, record.refunded_tickets,
        record.refunded_ticket_minor,
    )  # fmt: skip


def recent_sales(conn: Connection, campaign_id: int, limit: int) -> list[StoredTicket]:
    """Newest first."""
    query = (
        select(*_TICKET_COLUMNS)
        .where(tickets.c.campaign_id == campaign_id)
        .order_by(tickets.c.id.desc())
        .limit(limit)
    )
    return [_ticket(r) for r in conn.execute(query)]


def recent_admissions(conn: Connection, campaign_id: int, limit: int) -> list[AdmissionRecord]:
    """Newest first."""
    query = (
        select(*_ADMISSION_COLUMNS)
        .select_from(ADMISSIONS_WITH_BUYER)
        .where(admissions.c.campaign_id == campaign_id)
        .order_by(admissions.c.id.desc())
        .limit(limit)
    )
    return [_admission(r) for r in conn.execute(query)]


def tickets_between(
    conn: Connection, campaign_id: int, first_id: int, last_id: int, limit: int
) -> list[StoredTicket]:
    """The newest `limit` tickets with first_id <= id <= last_id, oldest first."""
    query = (
        select(*_TICKET_COLUMNS)
        .where(
            tickets.c.campaign_id == campaign_id,
            tickets.c.id >= first_id,
            tickets.c.id <= last_id,
        )
        .order_by(tickets.c.id.desc())
        .limit(limit)
    )
    return [_ticket(r) for r in conn.execute(query)][::-1]


def tickets_by_id(conn: Connection, campaign_id: int, ids: Sequence[int]) -> list[StoredTicket]:
    unique = sorted(set(ids))
    out: list[StoredTicket] = []
    for start in range(0, len(unique), _CHUNK):
        query = (
            select(*_TICKET_COLUMNS)
            .where(
                tickets.c.campaign_id == campaign_id,
                tickets.c.id.in_(unique[start : start + _CHUNK]),
            )
            .order_by(tickets.c.id)
        )
        out.extend(_ticket(r) for r in conn.execute(query))
    return out


def admissions_between(
    conn: Connection, campaign_id: int, first_id: int, last_id: int, limit: int
) -> list[AdmissionRecord]:
    """The newest `limit` admissions with first_id <= id <= last_id, oldest first."""
    query = (
        select(*_ADMISSION_COLUMNS)
        .select_from(ADMISSIONS_WITH_BUYER)
        .where(
            admissions.c.campaign_id == campaign_id,
            admissions.c.id >= first_id,
            admissions.c.id <= last_id,
        )
        .order_by(admissions.c.id.desc())
        .limit(limit)
    )
    return [_admission(r) for r in conn.execute(query)][::-1]
