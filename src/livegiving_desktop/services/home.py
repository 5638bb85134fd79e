"""The home list, read with the fewest imports (issue 19): the window lists the campaigns
right after its first paint, and `livegiving campaigns list` prints them, without importing
the rest of the ledger (the audience, the ingestion pipeline, the change feed).
`LedgerService.home_campaigns` and `LedgerService.campaigns` call these.

On a SQLite file at the current schema, `quick_home_campaigns` and `quick_all_campaigns` read
the list with the standard library's sqlite3, without SQLAlchemy (db/home_list.py: the same
SQL); they give None for anything else (a URL, a file to create, migrate or refuse), and the
caller opens the database the full way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from livegiving_desktop.core.campaigns import HomeSort
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.organizations import OrganizationCatalog
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.text import fold
from livegiving_desktop.db.home_list import Fetch, read_all, read_home, read_home_file

if TYPE_CHECKING:  # SQLAlchemy: imported by the full path only
    from livegiving_desktop.db.engine import Database


def home_query(
    catalog: OrganizationCatalog,
    *,
    search: str = "",
    sort: HomeSort | str = HomeSort.NEWEST,
    include_archived: bool = False,
) -> dict[str, Any]:
    """The home list's query as the store takes it: `search` folded (case and accents
    ignored) and matched in titles and the nonprofits' names, the sort checked."""
    key = fold(" ".join(search.split()))
    try:
        order = HomeSort(sort)
    except ValueError:
        raise ValidationError(
            "sort", f"'{sort}' is not one of newest, title, total, status"
        ) from None
    org_ids: Sequence[str] = (
        [o.id for o in catalog.all() if key in fold(o.name) or key in o.id] if key else []
    )
    return {"search_key": key, "organization_ids": org_ids, "sort": order,
            "include_archived": include_archived}  # fmt: skip


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
    from livegiving_desktop.db.campaigns import CampaignStore

    query = home_query(catalog, search=search, sort=sort, include_archived=include_archived)
    return CampaignStore(db).home(**query)


def all_campaigns(db: Database) -> list[CampaignRecord]:
    """Every campaign, the most recently started or created first."""
    from livegiving_desktop.db.ledger import LedgerStore

    return LedgerStore(db).list_campaigns()


def quick_home_campaigns(
    db_url: str,
    catalog: OrganizationCatalog,
    *,
    search: str = "",
    sort: HomeSort | str = HomeSort.NEWEST,
    include_archived: bool = False,
    check: bool = True,
) -> list[CampaignRecord] | None:
    """`home_campaigns` read from a SQLite file at the current schema without SQLAlchemy;
    None when the database must be opened the full way. `check=False`: no `quick_check`, for
    a caller that opens the database the full way right after (db/home_list.read_home_file)."""
    query = home_query(catalog, search=search, sort=sort, include_archived=include_archived)

    def work(fetch: Fetch) -> list[CampaignRecord]:
        return read_home(fetch, **query)

    return read_home_file(db_url, work, check=check)


def quick_all_campaigns(db_url: str) -> list[CampaignRecord] | None:
    """`all_campaigns` read from a SQLite file at the current schema without SQLAlchemy;
    None when the database must be opened the full way."""
    return read_home_file(db_url, read_all)
