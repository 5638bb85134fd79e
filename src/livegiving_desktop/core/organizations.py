"""The bundled catalog of nonprofit organizations and its search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.resources import read_json
from livegiving_desktop.core.text import fold

CATEGORIES = (
    "relief",
    "health",
    "environment",
    "education",
    "children",
    "animals",
    "human-rights",
    "poverty",
    "culture",
    "research",
)


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    country: str
    category: str
    website: str

    @property
    def search_text(self) -> str:
        return fold(f"{self.name} {self.country} {self.category} {self.id}")


class OrganizationCatalog:
    """A read-only catalog, searchable by name, country or category ignoring case and accents."""

    def __init__(self, organizations: Iterable[Organization]) -> None:
        self._items = tuple(sorted(organizations, key=lambda o: fold(o.name)))
        self._by_id = {o.id: o for o in self._items}

    def __len__(self) -> int:
        return len(self._items)

    def all(self) -> tuple[Organization, ...]:
        return self._items

    def get(self, organization_id: str) -> Organization | None:
        return self._by_id.get(organization_id)

    def require(self, organization_id: str, field: str = "organization") -> Organization:
        org = self._by_id.get(organization_id.strip())
        if org is None:
            raise ValidationError(
                field,
                f"'{organization_id}' is not in the catalog (see `livegiving organizations list`)",
            )
        return org

    def search(self, text: str) -> list[Organization]:
        """Every organization whose name, country code or category holds each word of text."""
        words = fold(text).split()
        if not words:
            return list(self._items)
        return [o for o in self._items if all(w in o.search_text for w in words)]


@lru_cache(maxsize=1)
def bundled_catalog() -> OrganizationCatalog:
    """The catalog shipped in resources/organizations.json."""
    return OrganizationCatalog(Organization(**row) for row in read_json("organizations.json"))
