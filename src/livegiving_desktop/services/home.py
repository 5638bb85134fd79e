"""The home list, read with the fewest imports (issue 19): the window lists the campaigns
right after its first paint, and `livegiving campaigns list` prints them, without importing
the rest of the ledger (the audience, the ingestion pipeline, the change feed).
`LedgerService.home_campaigns` and `LedgerService.campaigns` call these."""

from __future__ import annotations

from livegiving_desktop.core.campaigns import HomeSort
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.organizations import OrganizationCatalog
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.text import fold
from livegiving_desktop.db.campaigns import CampaignStore
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.ledger import LedgerStore


def home_campaigns(
    db: Database,
    catalog: OrganizationCatalog,
    *,
    search: str = "",
    sort: HomeSort | str = HomeSort.NEWEST,
    include_archived: bool = False,
) -> list[CampaignRecord]:
    """The home list: `search` in the title or the nonprofit's name (case and accents
    ignored), sorted (newest, title, total, status), archived campaigns only when asked."""
    key = fold(" ".join(search.split()))
    try:
        order = HomeSort(sort)
    except ValueError:
        raise ValidationError(
            "sort", f"'{sort}' is not one of newest, title, total, status"
        ) from None
    org_ids = [o.id for o in catalog.all() if key in fold(o.name) or key in o.id] if key else []
    return CampaignStore(db).home(
        search_key=key, organization_ids=org_ids, sort=order, include_archived=include_archived
    )


def all_campaigns(db: Database) -> list[CampaignRecord]:
    """Every campaign, the most recently started or created first."""
    return LedgerStore(db).list_campaigns()
