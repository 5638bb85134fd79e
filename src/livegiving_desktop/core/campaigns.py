"""Campaigns: a fundraiser or a paid live event; their set-up rules and lifecycle."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.kinds import CampaignKind, CampaignStatus
from livegiving_desktop.core.money import check_currency, minor_per_major, parse_amount_input
from livegiving_desktop.core.organizations import OrganizationCatalog
from livegiving_desktop.core.text import CONTROL_RE, is_invisible, strip_bidi

TITLE_MAX = 120
GOAL_MAXIMUM_MAJOR = 1_000_000_000
DONATION_MAXIMUM_MAJOR = 100_000
# Refunds of a paid event's tickets on request: up to this many hours before the start.
REFUND_WINDOW_HOURS = 48


EVENT_CATEGORIES = ("performance", "cooking-class", "conference", "fitness", "talk", "other")


@dataclass(frozen=True, slots=True)
class FundraiserSpec:
    """A validated fundraiser, ready to be stored."""

    title: str
    organization_id: str
    goal_minor: int
    currency: str
    show_names_on_air: bool = True
    show_amounts_on_air: bool = True
    allow_anonymous: bool = True
    minimum_minor: int = 100
    maximum_minor: int = 10_000_000

    kind = CampaignKind.FUNDRAISER


@dataclass(frozen=True, slots=True)
class PaidEventSpec:
    """A validated paid live event, ready to be stored."""

    title: str
    category: str
    ticket_price_minor: int
    currency: str
    capacity: int | None = None
    starts_at: datetime | None = None
    duration_minutes: int = 60
    online_only: bool = True
    description: str = ""
    maximum_minor: int = 10_000_000
    # Optionally the event also raises money for a nonprofit (donations beside the tickets).
    organization_id: str | None = None
    goal_minor: int | None = None

    kind = CampaignKind.PAID_EVENT


CampaignSpec = FundraiserSpec | PaidEventSpec


def clean_title(text: str, field: str = "title") -> str:
    # Bidi overrides removed, as in names; line separators are whitespace to split().
    title = " ".join(strip_bidi(text).split())
    if not title or is_invisible(title):
        raise ValidationError(field, "is empty; give the campaign a title")
    if len(title) > TITLE_MAX:
        raise ValidationError(field, f"is {len(title)} characters long; at most {TITLE_MAX}")
    if CONTROL_RE.search(title):
        raise ValidationError(field, "contains control characters")
    if re.search("[\ud800-\udfff]", title):
        raise ValidationError(field, "contains characters that are not valid text")
    return title


def fundraiser_spec(
    *,
    title: str,
    organization_id: str,
    goal: str,
    currency: str,
    catalog: OrganizationCatalog,
    minimum: str | None = None,
    show_names_on_air: bool = True,
    show_amounts_on_air: bool = True,
    allow_anonymous: bool = True,
    locale: str | None = None,
) -> FundraiserSpec:
    """Validate the set-up of a fundraiser, field by field in form order. Amounts are read in
    the UI's `locale` as people type them, or in the contract's dot form without one."""
    clean = clean_title(title)
    if not organization_id.strip():
        raise ValidationError("organization", "is not chosen; pick a nonprofit from the catalog")
    org = catalog.require(organization_id)
    code = check_currency(currency)
    goal_minor = parse_goal(goal, code, locale)
    maximum_minor = DONATION_MAXIMUM_MAJOR * minor_per_major(code)
    minimum_minor = (
        minor_per_major(code)
        if minimum is None or not minimum.strip()
        else parse_amount_input(
            minimum, code, locale, field="minimum donation", maximum=maximum_minor
        )
    )
    return FundraiserSpec(
        title=clean,
        organization_id=org.id,
        goal_minor=goal_minor,
        currency=code,
        show_names_on_air=show_names_on_air,
        show_amounts_on_air=show_amounts_on_air,
        allow_anonymous=allow_anonymous,
        minimum_minor=minimum_minor,
        maximum_minor=maximum_minor,
    )


def parse_goal(text: str, currency: str, locale: str | None = None) -> int:
    """A goal as typed (in the UI's locale, or the dot form without one), in minor units."""
    return parse_amount_input(
        text, currency, locale, field="goal", maximum=GOAL_MAXIMUM_MAJOR * minor_per_major(currency)
    )


# A paid event starts in these years (a typo such as 0026 or 20266 is refused).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse_start_time(text: str, field: str = "starts at") -> datetime:
    """An ISO 8601 time; a time without offset is taken as UTC. Returned in UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            field, f"'{text}' is not an ISO 8601 time such as 2026-12-31T20:00+01:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except OverflowError:
        raise ValidationError(field, f"'{text}' is outside the supported years") from None
    if not FIRST_YEAR <= value.year < LAST_YEAR:
        raise ValidationError(field, f"'{text}' is outside the supported years")
    return value


def paid_event_spec(
    *,
    title: str,
    category: str,
    price: str,
    currency: str,
    capacity: str | int | None = None,
    starts_at: str | datetime | None = None,
    duration_minutes: int = 60,
    online_only: bool = True,
    description: str = "",
    organization_id: str | None = None,
    goal: str | None = None,
    catalog: OrganizationCatalog | None = None,
    locale: str | None = None,
) -> PaidEventSpec:
    """Validate the set-up of a paid live event. With `organization_id` (and optionally a
    `goal`), the event also raises money for that nonprofit."""
    clean = clean_title(title)
    cat = category.strip().lower()
    if cat not in EVENT_CATEGORIES:
        raise ValidationError(
            "category", f"'{category}' is not one of {', '.join(EVENT_CATEGORIES)}"
        )
    code = check_currency(currency)
    maximum_minor = DONATION_MAXIMUM_MAJOR * minor_per_major(code)
    price_minor = parse_amount_input(
        price, code, locale, field="ticket price", maximum=maximum_minor
    )
    cap: int | None = None
    if capacity is not None and str(capacity).strip():
        text = str(capacity).strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 9 or int(text) <= 0:
            raise ValidationError("capacity", f"'{capacity}' is not a whole number above zero")
        cap = int(text)
    when: datetime | None
    if isinstance(starts_at, datetime):
        when = starts_at if starts_at.tzinfo else starts_at.replace(tzinfo=UTC)
    elif starts_at is None or not starts_at.strip():
        when = None
    else:
        when = parse_start_time(starts_at)
    if not 1 <= duration_minutes <= 24 * 60:
        raise ValidationError("duration", "must be between 1 minute and 24 hours")
    if len(description) > 2000:
        raise ValidationError("description", "is longer than 2000 characters")
    if CONTROL_RE.search(description.replace("\n", " ").replace("\r", " ").replace("\t", " ")):
        raise ValidationError("description", "contains control characters")
    org_id: str | None = None
    goal_minor: int | None = None
    if organization_id is not None and organization_id.strip():
        if catalog is None:
            raise ValidationError("organization", "the nonprofit catalog is not available")
        org_id = catalog.require(organization_id).id
        if goal is not None and goal.strip():
            goal_minor = parse_goal(goal, code, locale)
    elif goal is not None and goal.strip():
        raise ValidationError("organization", "is not chosen; a goal needs a nonprofit")
    return PaidEventSpec(
        title=clean,
        category=cat,
        ticket_price_minor=price_minor,
        currency=code,
        capacity=cap,
        starts_at=when,
        duration_minutes=duration_minutes,
        online_only=online_only,
        description=description.strip(),
        maximum_minor=maximum_minor,
        organization_id=org_id,
        goal_minor=goal_minor,
    )


def check_transition(current: CampaignStatus, target: CampaignStatus) -> None:
    """Draft -> live -> ended (or cancelled, for a paid event), never back. Raises StateError
    with the reason."""
    allowed = {
        CampaignStatus.DRAFT: {CampaignStatus.LIVE, CampaignStatus.ENDED, CampaignStatus.CANCELLED},
        CampaignStatus.LIVE: {CampaignStatus.ENDED, CampaignStatus.CANCELLED},
        CampaignStatus.ENDED: set(),
        CampaignStatus.CANCELLED: set(),
    }
    if target not in allowed[current]:
        raise StateError(f"a {current.value} campaign cannot become {target.value}")


# -- the home list -------------------------------------------------------------------------


class HomeSort(StrEnum):
    """How the home list is sorted."""

    NEWEST = "newest"  # started (else created) most recently first
    TITLE = "title"  # A to Z, ignoring case and accents
    TOTAL = "total"  # most raised first (donations and tickets, in major units)
    STATUS = "status"  # live, then drafts, then ended, then cancelled; newest first within


STATUS_ORDER = (CampaignStatus.LIVE, CampaignStatus.DRAFT, CampaignStatus.ENDED,
                CampaignStatus.CANCELLED)  # fmt: skip


def duplicate_title(title: str, taken: set[str]) -> str:
    """The title of a copy: `Title (2)`, `Title (3)`… the first not taken (in any language,
    so no word to translate), within the title's maximum length."""
    base = re.sub(r" \(\d+\)$", "", title)
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: TITLE_MAX - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


# -- the demo ------------------------------------------------------------------------------

# The demo's nonprofit: the Red Cross of the UI language's country where the catalog has it;
# its currency is that country's, so the demo never counts in dollars for a French charity.
DEMO_ORGANIZATIONS = {
    "FR": "croix-rouge-francaise",
    "US": "american-red-cross",
    "GB": "british-red-cross",
    "CA": "canadian-red-cross",
    "AU": "australian-red-cross",
}
DEMO_FALLBACK = "croix-rouge-francaise"


def demo_organization(locale: str, catalog: OrganizationCatalog) -> str:
    """The id of the demo's nonprofit for a UI locale (`fr` -> the French Red Cross, `en` ->
    the American Red Cross, `en_GB` -> the British Red Cross)."""
    from livegiving_desktop.core.money import locale_territory

    org = DEMO_ORGANIZATIONS.get(locale_territory(locale), DEMO_FALLBACK)
    return org if catalog.get(org) is not None else DEMO_FALLBACK
