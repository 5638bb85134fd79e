"""The campaigns' own SQL beyond the ledger's: the home list (dates, sorting, search,
archived campaigns), archiving, duplicating a campaign's settings, and changing the goal
with its history. Every write is one transaction with its audit row (db/audit.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select, update

from livegiving_desktop.core.campaigns import CampaignStatus, HomeSort
from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.goals import GoalChange, check_goal_change
from livegiving_desktop.core.money import exponent, to_decimal_text
from livegiving_desktop.core.records import Actor, CampaignRecord
from livegiving_desktop.core.text import fold
from livegiving_desktop.db.audit import append_audit
from livegiving_desktop.db.changes import record_change
from livegiving_desktop.db.engine import Database, sql_fetch
from livegiving_desktop.db.home_list import read_home
from livegiving_desktop.db.ledger import _campaign, campaigns, now_us
from livegiving_desktop.db.models import audit_log
from livegiving_desktop.db.models import moderation_rules as rule_sets

# The settings a duplicate copies: what the creator chose, never what happened (totals,
# dates, status, the demo mark).
COPIED_SETTINGS = (
    "kind", "currency", "organization_id", "goal_minor", "show_names_on_air",
    "show_amounts_on_air", "allow_anonymous", "minimum_minor", "maximum_minor", "category",
    "ticket_price_minor", "capacity", "starts_at_us", "duration_minutes", "online_only",
    "description", "sticker_hours", "primary_color", "accent_color", "refund_window_hours",
)  # fmt: skip
_ZEROED = (
    "total_minor", "donation_count", "held_count", "donors_through_id", "donor_count",
    "tickets_sold", "admitted_count", "denied_count", "revenue_minor", "change_seq",
    "unthanked_count", "last_thank_us", "after_broadcast_count", "after_broadcast_minor",
    "refunded_tickets", "refunded_ticket_minor",
)  # fmt: skip


def _goal_minor(text: str | None, currency: str) -> int | None:
    """An audit row's goal (major units, dot form) back in minor units."""
    if text is None or not text.strip():
        return None
    try:
        return int(Decimal(text).scaleb(exponent(currency)))
    except (InvalidOperation, ValueError):
        return None


class CampaignStore:
    """Synchronous access to campaigns for the home list and the creator's settings.
    Thread-safe: each call uses its own connection."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the home list ---------------------------------------------------------------------

    def home(
        self,
        *,
        search_key: str = "",
        organization_ids: Sequence[str] = (),
        sort: HomeSort = HomeSort.NEWEST,
        include_archived: bool = False,
    ) -> list[CampaignRecord]:
        """The home list: campaigns whose folded title holds `search_key` or whose nonprofit
        is one of `organization_ids` (both empty: every campaign), archived ones only when
        asked for, sorted by `sort`."""
        with self.db.reader.connect() as conn:
            return read_home(sql_fetch(conn), search_key=search_key,
                             organization_ids=organization_ids, sort=sort,
                             include_archived=include_archived)  # fmt: skip

    def titles(self) -> set[str]:
        with self.db.reader.connect() as conn:
            return set(conn.execute(select(campaigns.c.title)).scalars())

    # -- archive, duplicate ----------------------------------------------------------------

    def set_archived(self, campaign_id: int, archived: bool, actor: Actor) -> CampaignRecord:
        """Archive (hide from the home list) or bring back a campaign; an audit row says who.
        A live campaign is not archived: end it first."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            row = self._lock(conn, campaign_id)
            if archived and row.status == CampaignStatus.LIVE.value:
                raise StateError("the campaign is live; end the broadcast before archiving it")
            if (row.archived_at_us is not None) != archived:
                conn.execute(
                    update(campaigns)
                    .where(campaigns.c.id == campaign_id)
                    .values(archived_at_us=stamp if archived else None)
                )
                append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor,
                             action="archive" if archived else "unarchive",
                             before="archived" if not archived else "active",
                             after="archived" if archived else "active")  # fmt: skip
                event = "archived" if archived else "unarchived"
                record_change(conn, campaign_id, ChangeKind.CAMPAIGN, at_us=stamp,
                              actor=actor.name, detail={"event": event})  # fmt: skip
            return _campaign(
                conn.execute(select(campaigns).where(campaigns.c.id == campaign_id)).one()
            )

    def duplicate(self, campaign_id: int, title: str, *, is_demo: bool = False) -> int:
        """A new draft with the settings of a campaign (and its moderation rules), nothing of
        what happened in it. A start time in the past is not copied. Returns the new id."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            source = conn.execute(select(campaigns).where(campaigns.c.id == campaign_id)).first()
            if source is None:
                raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
            values: dict[str, Any] = {name: getattr(source, name) for name in COPIED_SETTINGS}
            if values["starts_at_us"] is not None and values["starts_at_us"] <= stamp:
                values["starts_at_us"] = None
            values.update({name: 0 for name in _ZEROED})
            values.update(
                title=title,
                title_key=fold(title),
                status=CampaignStatus.DRAFT.value,
                created_at_us=stamp,
                is_demo=is_demo,
            )
            new_id = int(
                conn.execute(
                    campaigns.insert().values(**values).returning(campaigns.c.id)
                ).scalar_one()
            )
            rules = conn.execute(
                select(rule_sets.c.settings).where(rule_sets.c.campaign_id == campaign_id)
            ).scalar_one_or_none()
            if rules is not None:
                conn.execute(
                    rule_sets.insert().values(
                        campaign_id=new_id, settings=rules, updated_at_us=stamp
                    )
                )
            record_change(conn, new_id, ChangeKind.CAMPAIGN, at_us=stamp,
                          detail={"event": "created", "duplicate_of": campaign_id})  # fmt: skip
        return new_id

    # -- the goal --------------------------------------------------------------------------

    def set_goal(
        self, campaign_id: int, goal_minor: int, actor: Actor, reason: str | None = None
    ) -> CampaignRecord:
        """Change the goal in one transaction with its audit row (action `goal`, before and
        after in major units); the rule (core/goals.check_goal_change) is checked under the
        campaign's lock, against the total as it is then."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            row = self._lock(conn, campaign_id)
            check_goal_change(
                status=row.status,
                raises_money=row.kind == "fundraiser" or row.organization_id is not None,
                total_minor=int(row.total_minor),
                current_goal_minor=row.goal_minor,
                new_goal_minor=goal_minor,
            )
            conn.execute(
                update(campaigns).where(campaigns.c.id == campaign_id).values(goal_minor=goal_minor)
            )
            before = (
                None if row.goal_minor is None else to_decimal_text(row.goal_minor, row.currency)
            )
            append_audit(conn, at_us=stamp, campaign_id=campaign_id, actor=actor, action="goal",
                         before=before, after=to_decimal_text(goal_minor, row.currency),
                         reason=reason)  # fmt: skip
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN, at_us=stamp, actor=actor.name,
                          detail={"event": "goal", "goal_minor": goal_minor})  # fmt: skip
            return _campaign(
                conn.execute(select(campaigns).where(campaigns.c.id == campaign_id)).one()
            )

    def goal_history(self, campaign_id: int) -> list[GoalChange]:
        """Every change of the campaign's goal, oldest first (from the audit log)."""
        with self.db.reader.connect() as conn:
            currency = conn.execute(
                select(campaigns.c.currency).where(campaigns.c.id == campaign_id)
            ).scalar_one_or_none()
            if currency is None:
                raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
            rows = conn.execute(
                select(
                    audit_log.c.at_us, audit_log.c.actor_name, audit_log.c.actor_role,
                    audit_log.c.before, audit_log.c.after, audit_log.c.reason,
                )
                .where(audit_log.c.campaign_id == campaign_id, audit_log.c.action == "goal")
                .order_by(audit_log.c.id)
            ).all()  # fmt: skip
        out = []
        for at_us, name, role, before, after, reason in rows:
            after_minor = _goal_minor(after, currency)
            if after_minor is not None:
                out.append(GoalChange(int(at_us), name, role, _goal_minor(before, currency),
                                      after_minor, reason))  # fmt: skip
        return out

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _lock(conn: Any, campaign_id: int) -> Any:
        row = conn.execute(
            select(
                campaigns.c.status, campaigns.c.kind, campaigns.c.currency,
                campaigns.c.goal_minor, campaigns.c.total_minor, campaigns.c.organization_id,
                campaigns.c.archived_at_us,
            )
            .where(campaigns.c.id == campaign_id)
            .with_for_update()
        ).first()  # fmt: skip
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return row
