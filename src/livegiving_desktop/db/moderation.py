"""Moderation's SQL: a campaign's saved rules, blocked donors, message decisions, on-air
privacy, and the moderation table's pages. Every change writes its audit row in the same
transaction (db/audit.py append_audit); nothing here updates or deletes an audit row."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    func,
    or_,
    select,
    text,
)
from sqlalchemy import update as sql_update

from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.decisions import ConflictError, check_versions
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.moderation import (
    DonationFilter,
    MessageStatus,
    ModerationRules,
    ModerationSettings,
    TableSort,
    default_settings,
)
from livegiving_desktop.core.money import exponent
from livegiving_desktop.core.records import Actor, StoredDonation
from livegiving_desktop.db.audit import append_audit, conflicts_of
from livegiving_desktop.db.changes import record_change
from livegiving_desktop.db.engine import Database, dialect_insert
from livegiving_desktop.db.ledger import _DONATION_COLUMNS, campaigns, donations, donors, now_us
from livegiving_desktop.db.models import AMOUNT_INDEX_WHERE, blocked_donors
from livegiving_desktop.db.models import moderation_rules as rule_sets

_HELD = MessageStatus.HELD.value
_SORT_COLUMNS = {
    TableSort.ID: donations.c.id,
    TableSort.TIME: donations.c.received_at_us,
    TableSort.AMOUNT: donations.c.amount_minor,
    TableSort.DONOR: donations.c.donor_key,
}


@dataclass(frozen=True, slots=True)
class BlockedDonorRecord:
    donor_key: str
    donor_name: str
    blocked_at_us: int
    actor_name: str


def _privacy_text(hide_name: bool, hide_amount: bool) -> str:
    return json.dumps({"hide_name_on_air": hide_name, "hide_amount_on_air": hide_amount})


class ModerationStore:
    """Synchronous access to moderation data. Thread-safe: each call has its own connection."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- rules -----------------------------------------------------------------------------

    def load_settings(self, campaign_id: int) -> str | None:
        """The saved JSON settings of a campaign, None when never saved."""
        query = select(rule_sets.c.settings).where(rule_sets.c.campaign_id == campaign_id)
        with self.db.reader.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        return None if value is None else str(value)

    def save_settings(self, campaign_id: int, settings_json: str, actor: Actor) -> None:
        """Save (insert or replace) the rules, with an audit row holding before and after."""
        stamp = now_us()
        insert = dialect_insert(self.db, rule_sets)
        with self.db.writer.begin() as conn:
            self._lock(conn, campaign_id)
            before = conn.execute(
                select(rule_sets.c.settings).where(rule_sets.c.campaign_id == campaign_id)
            ).scalar_one_or_none()
            conn.execute(
                insert.values(
                    campaign_id=campaign_id, settings=settings_json, updated_at_us=stamp
                ).on_conflict_do_update(
                    index_elements=["campaign_id"],
                    set_={"settings": settings_json, "updated_at_us": stamp},
                )
            )
            append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                         action="rules", before=before, after=settings_json)  # fmt: skip
            record_change(conn, campaign_id, ChangeKind.RULES, at_us=stamp, actor=actor.name)

    # -- blocked donors --------------------------------------------------------------------

    def blocked_donors(self, campaign_id: int) -> list[BlockedDonorRecord]:
        with self.db.reader.connect() as conn:
            return self.blocked_donors_in(conn, campaign_id)

    @staticmethod
    def blocked_donors_in(conn: Connection, campaign_id: int) -> list[BlockedDonorRecord]:
        """The campaign's blocked donors, in the caller's transaction."""
        query = (
            select(
                blocked_donors.c.donor_key,
                blocked_donors.c.donor_name,
                blocked_donors.c.blocked_at_us,
                blocked_donors.c.actor_name,
            )
            .where(blocked_donors.c.campaign_id == campaign_id)
            .order_by(blocked_donors.c.id)
        )
        return [BlockedDonorRecord(*row) for row in conn.execute(query)]

    def block_donor(
        self,
        donation_id: int,
        actor: Actor,
        reason: str | None,
        *,
        seen_version: int | None = None,
    ) -> tuple[StoredDonation, bool]:
        """Block the donor of a donation. Returns (the donation, newly blocked)."""
        with self.db.reader.connect() as conn:
            d = self._donation(conn, donation_id)
        seen = None if seen_version is None else {donation_id: seen_version}
        newly = self.block_donors(d.campaign_id, [donation_id], actor, reason, seen=seen)
        return d, bool(newly)

    def block_donors(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        reason: str | None,
        *,
        seen: Mapping[int, int] | None = None,
    ) -> list[StoredDonation]:
        """Block the donors of several donations in one transaction (all or nothing; a
        donation changed since `seen` is a ConflictError). Returns one donation per donor
        newly blocked (a donor already blocked is left as it was)."""
        stamp = now_us()
        newly: list[StoredDonation] = []
        with self.db.writer.begin() as conn:
            self._lock(conn, campaign_id)
            rows = self._checked_rows(conn, campaign_id, donation_ids, seen)
            blocked = {
                key
                for (key,) in conn.execute(
                    select(blocked_donors.c.donor_key).where(
                        blocked_donors.c.campaign_id == campaign_id
                    )
                )
            }
            for d in rows:
                if d.donor_key in blocked:
                    continue
                blocked.add(d.donor_key)
                conn.execute(
                    blocked_donors.insert().values(
                        campaign_id=campaign_id,
                        donor_key=d.donor_key,
                        donor_name=d.donor_name,
                        blocked_at_us=stamp,
                        actor_name=actor.name,
                    )
                )
                append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                             action="block-donor", donation_id=d.id, before="not blocked",
                             after=f"blocked: {d.donor_name}", reason=reason)  # fmt: skip
                newly.append(d)
            if newly:
                record_change(conn, campaign_id, ChangeKind.BLOCKED, at_us=stamp,
                              ids=[d.id for d in newly], actor=actor.name,
                              detail={"blocked": True,
                                      "donors": [d.donor_name for d in newly][:20]})  # fmt: skip
        return newly

    def unblock_donor(
        self, campaign_id: int, donor_key: str, actor: Actor, reason: str | None
    ) -> bool:
        stamp = now_us()
        with self.db.writer.begin() as conn:
            self._lock(conn, campaign_id)
            row = conn.execute(
                select(blocked_donors.c.donor_name).where(
                    blocked_donors.c.campaign_id == campaign_id,
                    blocked_donors.c.donor_key == donor_key,
                )
            ).first()
            if row is None:
                return False
            conn.execute(
                delete(blocked_donors).where(
                    blocked_donors.c.campaign_id == campaign_id,
                    blocked_donors.c.donor_key == donor_key,
                )
            )
            append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                         action="unblock-donor", before=f"blocked: {row.donor_name}",
                         after="not blocked", reason=reason)  # fmt: skip
            record_change(conn, campaign_id, ChangeKind.BLOCKED, at_us=stamp, actor=actor.name,
                          detail={"blocked": False, "donors": [row.donor_name]})  # fmt: skip
        return True

    # -- decisions on messages -------------------------------------------------------------

    def set_message_status(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        status: MessageStatus,
        actor: Actor,
        reason: str | None = None,
        *,
        seen: Mapping[int, int] | None = None,
    ) -> list[StoredDonation]:
        """Approve (visible) or hide the messages of several donations in one transaction:
        the held count follows, one audit row per changed donation. Returns the donations
        that changed, as they are now. Donations without a message are left alone.
        `seen` ({donation id: version}): a donation changed since is a ConflictError and
        nothing is written; an id not in the campaign is a NotFoundError."""
        if status is MessageStatus.HELD:
            raise StateError("a moderator approves or hides; holding is the rules' decision")
        stamp = now_us()
        action = "approve" if status is MessageStatus.VISIBLE else "hide"
        changed: list[StoredDonation] = []
        with self.db.writer.begin() as conn:
            self._lock(conn, campaign_id)
            rows = self._checked_rows(conn, campaign_id, donation_ids, seen)
            released = 0
            for d in rows:
                if d.message is None or d.message_status == status.value:
                    continue
                conn.execute(
                    sql_update(donations)
                    .where(donations.c.id == d.id)
                    .values(message_status=status.value, version=donations.c.version + 1)
                )
                if d.message_status == _HELD:
                    released += 1
                append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                             action=action, donation_id=d.id, before=d.message_status,
                             after=status.value, reason=reason)  # fmt: skip
                changed.append(d._replace(message_status=status.value, version=d.version + 1))
            if released:
                conn.execute(
                    sql_update(campaigns)
                    .where(campaigns.c.id == campaign_id)
                    .values(held_count=campaigns.c.held_count - released)
                )
            if changed:
                record_change(conn, campaign_id, ChangeKind.MESSAGE, at_us=stamp,
                              ids=[d.id for d in changed], actor=actor.name,
                              detail={"decision": status.value})  # fmt: skip
        return changed

    def set_privacy(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        *,
        hide_name: bool | None = None,
        hide_amount: bool | None = None,
        seen: Mapping[int, int] | None = None,
    ) -> list[StoredDonation]:
        """On-air privacy of single donations (name as Anonymous, amount hidden), in one
        transaction; `seen` as for set_message_status."""
        stamp = now_us()
        changed: list[StoredDonation] = []
        with self.db.writer.begin() as conn:
            self._lock(conn, campaign_id)
            rows = self._checked_rows(conn, campaign_id, donation_ids, seen)
            watermark = conn.execute(
                select(campaigns.c.donors_through_id).where(campaigns.c.id == campaign_id)
            ).scalar_one()
            for d in rows:
                name = d.hide_name_on_air if hide_name is None else hide_name
                amount = d.hide_amount_on_air if hide_amount is None else hide_amount
                if (name, amount) == (d.hide_name_on_air, d.hide_amount_on_air):
                    continue
                conn.execute(
                    sql_update(donations)
                    .where(donations.c.id == d.id)
                    .values(
                        hide_name_on_air=name,
                        hide_amount_on_air=amount,
                        version=donations.c.version + 1,
                    )
                )
                counted = d.id <= watermark and d.status == "completed" and not d.anonymous
                if counted and name != d.hide_name_on_air:  # top donors on air follow at once
                    conn.execute(
                        sql_update(donors)
                        .where(
                            donors.c.campaign_id == campaign_id, donors.c.donor_key == d.donor_key
                        )
                        .values(named_count=donors.c.named_count + (-1 if name else 1))
                    )
                append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                             action="privacy", donation_id=d.id,
                             before=_privacy_text(d.hide_name_on_air, d.hide_amount_on_air),
                             after=_privacy_text(name, amount))  # fmt: skip
                changed.append(
                    d._replace(
                        hide_name_on_air=name, hide_amount_on_air=amount, version=d.version + 1
                    )
                )
            if changed:
                record_change(conn, campaign_id, ChangeKind.PRIVACY, at_us=stamp,
                              ids=[d.id for d in changed], actor=actor.name)  # fmt: skip
        return changed

    # -- reads -----------------------------------------------------------------------------

    def donations_by_id(
        self, campaign_id: int, donation_ids: Sequence[int]
    ) -> list[StoredDonation]:
        with self.db.reader.connect() as conn:
            return self._rows(conn, campaign_id, donation_ids)

    def known_donor_keys(self, campaign_id: int, among: Sequence[str] | None = None) -> list[str]:
        """The donor keys of the campaign (the review flags' "new donor" memory); `among`
        limits the answer to those keys.

        With `among` (an offline donation's donor), no scan of the campaign (donations have no
        index on the donor: docs/architecture.md, "Indexes"): the `donors` aggregate (unique
        on campaign and key) holds every donor of the donations up to its watermark, refunded
        ones too (a refund catches the aggregate up first and never deletes a row), and the
        donations above the watermark are few and read by id."""
        if among is None:
            query = select(donations.c.donor_key).where(donations.c.campaign_id == campaign_id)
            with self.db.reader.connect() as conn:
                return list(conn.execute(query.distinct()).scalars())
        keys = list(among)
        if not keys:
            return []
        watermark = (
            select(campaigns.c.donors_through_id)
            .where(campaigns.c.id == campaign_id)
            .scalar_subquery()
        )
        aggregated = select(donors.c.donor_key).where(
            donors.c.campaign_id == campaign_id, donors.c.donor_key.in_(keys)
        )
        recent = select(donations.c.donor_key).where(
            donations.c.campaign_id == campaign_id,
            donations.c.id > watermark,
            donations.c.donor_key.in_(keys),
        )
        with self.db.reader.connect() as conn:
            return sorted(
                set(conn.execute(aggregated).scalars()) | set(conn.execute(recent).scalars())
            )

    def count(self, campaign_id: int, where: DonationFilter) -> int:
        query = select(func.count()).select_from(donations).where(*self._where(campaign_id, where))
        with self.db.reader.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def page(
        self,
        campaign_id: int,
        where: DonationFilter,
        *,
        sort: TableSort = TableSort.ID,
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[StoredDonation]:
        """One page of the moderation table (offset paging; the view fetches lazily)."""
        column = _SORT_COLUMNS[sort]
        order = [column.desc(), donations.c.id.desc()] if descending else [column, donations.c.id]
        clauses: list[Any] = list(self._where(campaign_id, where))
        if sort is TableSort.AMOUNT:  # the amount index's condition (always true): read it
            clauses.append(text(AMOUNT_INDEX_WHERE))
        query: Select[Any] = (
            select(*_DONATION_COLUMNS).where(*clauses).order_by(*order).offset(offset).limit(limit)
        )
        with self.db.reader.connect() as conn:
            return [StoredDonation._make(r) for r in conn.execute(query)]

    # -- helpers ---------------------------------------------------------------------------

    def _where(self, campaign_id: int, f: DonationFilter) -> list[ColumnElement[bool]]:
        c = donations.c
        # SQLite's LIKE ignores ASCII case by itself (its lower() knows no more than ASCII
        # either) and is twice as fast without lower() on every row; PostgreSQL needs ILIKE.
        sqlite_db = self.db.dialect == "sqlite"

        def has(column: Any, text: str) -> ColumnElement[bool]:
            if sqlite_db:
                return cast(ColumnElement[bool], column.contains(text, autoescape=True))
            return cast(ColumnElement[bool], column.icontains(text, autoescape=True))

        clauses: list[ColumnElement[bool]] = [c.campaign_id == campaign_id]
        if f.statuses:
            clauses.append(c.status.in_(f.statuses))
        if f.message_statuses:
            clauses.append(c.message_status.in_(f.message_statuses))
        if f.flagged_only:
            clauses.append(and_(c.flags.is_not(None), c.flags != ""))
        if f.min_minor is not None:
            clauses.append(c.amount_minor >= f.min_minor)
        if f.max_minor is not None:
            clauses.append(c.amount_minor <= f.max_minor)
        if f.donor.strip():
            clauses.append(has(c.donor_name, f.donor.strip()))
        if f.text.strip():
            text = f.text.strip()
            clauses.append(or_(has(c.donor_name, text), has(c.message, text)))
        return clauses

    @staticmethod
    def _rows(conn: Connection, campaign_id: int, ids: Sequence[int]) -> list[StoredDonation]:
        out: list[StoredDonation] = []
        unique = sorted(set(ids))
        for start in range(0, len(unique), 500):
            query = select(*_DONATION_COLUMNS).where(
                donations.c.campaign_id == campaign_id,
                donations.c.id.in_(unique[start : start + 500]),
            )
            out.extend(StoredDonation._make(r) for r in conn.execute(query))
        return out

    def _checked_rows(
        self,
        conn: Connection,
        campaign_id: int,
        donation_ids: Sequence[int],
        seen: Mapping[int, int] | None,
    ) -> list[StoredDonation]:
        """The donations a decision names, as they are now (campaign row locked): every id
        must be the campaign's, and every version the one seen (else ConflictError)."""
        rows = self._rows(conn, campaign_id, donation_ids)
        found = {d.id: d for d in rows}
        missing = sorted(set(donation_ids) - found.keys())
        if missing:
            raise NotFoundError(
                "donation", f"no donation has the id {missing[0]} in campaign {campaign_id}"
            )
        stale = check_versions({i: d.version for i, d in found.items()}, seen)
        if stale:
            assert seen is not None
            raise ConflictError(
                conflicts_of(conn, {i: seen[i] for i in stale},
                             {i: found[i].version for i in stale}),
                asked=len(found),
            )  # fmt: skip
        return rows

    @staticmethod
    def _donation(conn: Connection, donation_id: int) -> StoredDonation:
        row = conn.execute(select(*_DONATION_COLUMNS).where(donations.c.id == donation_id)).first()
        if row is None:
            raise NotFoundError("donation", f"no donation has the id {donation_id}")
        return StoredDonation._make(row)

    @staticmethod
    def _lock(conn: Connection, campaign_id: int) -> None:
        found = conn.execute(
            select(campaigns.c.id).where(campaigns.c.id == campaign_id).with_for_update()
        ).first()
        if found is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")


def rules_in(conn: Connection, campaign_id: int, currency: str) -> ModerationRules:
    """The campaign's rules read in the caller's (read) transaction."""
    saved = conn.execute(
        select(rule_sets.c.settings).where(rule_sets.c.campaign_id == campaign_id)
    ).scalar_one_or_none()
    settings = (
        ModerationSettings.from_json(str(saved))
        if saved is not None
        else default_settings(exponent(currency))
    )
    keys = conn.execute(
        select(blocked_donors.c.donor_key).where(blocked_donors.c.campaign_id == campaign_id)
    ).scalars()
    return ModerationRules(settings, keys)


def campaign_settings(
    store: ModerationStore, campaign_id: int, currency: str
) -> ModerationSettings:
    """The saved settings of a campaign, else the defaults for its currency."""
    saved = store.load_settings(campaign_id)
    return (
        ModerationSettings.from_json(saved)
        if saved is not None
        else default_settings(exponent(currency))
    )


def campaign_rules(store: ModerationStore, campaign_id: int, currency: str) -> ModerationRules:
    """The rules the ingestion pipeline applies to a campaign: its settings and blocked donors."""
    settings = campaign_settings(store, campaign_id, currency)
    return ModerationRules(settings, (b.donor_key for b in store.blocked_donors(campaign_id)))
